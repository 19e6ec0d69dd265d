"""The researchers' query library: one question per .rq (SPARQL) / .cypher (Cypher) file."""
