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


class EmptyName(InputError, ValueError):
    """A name with nothing left to key an IRI on (only marks, spaces or punctuation). Also a
    ValueError, which callers that test a name by minting it catch."""


class LimitExceeded(InputError):
    """An input larger than kg reads by default (see ``KG_MAX_INPUT_MB``)."""


# ---------------------------------------------------------------------------- secrets

import re as _re  # noqa: E402  (kept below the classes: they are the module's interface)

_URI_CREDENTIALS = _re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<user>[^/\s:@]*):(?P<pw>[^@\s/]*)@")
_SECRETS: set[str] = set()
SECRET_ENV = ("NEO4J_PASSWORD", "KG_NEO4J_PASSWORD", "KG_TEST_NEO4J_PASSWORD", "NEO4J_AUTH")
MASK = "***"


def register_secret(value: str | None) -> None:
    """Remember ``value`` (a password) so :func:`redact` masks it in every message."""
    if value and len(value) >= 3:
        _SECRETS.add(value)


def register_env_secrets(env: dict[str, str] | None = None) -> None:
    """Register the passwords the environment holds (NEO4J_PASSWORD, …, and the password
    part of NEO4J_AUTH ``user/password`` and of a NEO4J_URI ``bolt://user:pass@host``)."""
    import os

    env = dict(os.environ) if env is None else env
    for name in SECRET_ENV:
        value = env.get(name)
        if name == "NEO4J_AUTH" and value and "/" in value:
            value = value.split("/", 1)[1]
        register_secret(value)
    for name in ("NEO4J_URI", "KG_TEST_NEO4J_URI"):
        m = _URI_CREDENTIALS.search(env.get(name, ""))
        if m:
            register_secret(m.group("pw"))


def redact(text: str) -> str:
    """``text`` with URI passwords (``bolt://user:pass@host`` → ``bolt://user:***@host``)
    and every registered secret masked."""
    text = _URI_CREDENTIALS.sub(lambda m: f"{m.group('scheme')}{m.group('user')}:{MASK}@", str(text))
    # longest first, so a secret containing another is masked whole (sorted: deterministic)
    for secret in sorted(_SECRETS, key=lambda s: (-len(s), s)):
        text = text.replace(secret, MASK)
    return text
