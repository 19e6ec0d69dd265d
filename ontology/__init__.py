"""kg's ontology, SHACL shapes and JSON-LD context (data, read with importlib.resources)."""
