"""kg's exceptions. The CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations


class KgError(Exception):
    """Base class: something the user can fix (input, settings, a server)."""


class InputError(KgError):
    """A file or argument that cannot be read as asked (missing, empty, binary, undecodable)."""


class ParseError(KgError):
    """Input that was read but cannot be understood (a bad gold file, a bad query)."""


class StoreError(KgError):
    """A store (local RDF store, Neo4j) that cannot be reached or written."""


class ValidationFailed(KgError):
    """Data that ran but failed a check (SHACL). The CLI exits 1 for this one."""
