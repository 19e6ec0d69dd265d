"""The integration tests' fixtures (the real reports, the real Neo4j) live in
tests/conftest.py, shared with tests/robustness."""
