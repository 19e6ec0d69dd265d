"""A local Neo4j 5 Community server from Maven Central jars (no Docker, no tarball)."""
