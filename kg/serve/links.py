"""Paths ↔ IRIs, and content negotiation.

A request for ``/PATH`` answers for the IRI whose path is ``/PATH`` under the configured
base IRI: with base ``https://data.example.gov.cn/kg/``, ``GET /kg/report/…`` (the path
as a reverse proxy forwards it) and ``GET /report/…`` (a proxy that strips ``/kg``) both
answer for ``https://data.example.gov.cn/kg/report/…``.

kg's IRIs keep Chinese characters as they are (RFC 3987) and percent-encode unsafe ASCII
(``+`` → ``%2B``); a browser sends the Chinese percent-encoded as UTF-8. :func:`path_to_iri`
turns the request's raw path back into the IRI: percent-encoded UTF-8 sequences of
non-ASCII characters are decoded, everything else stays as sent (with hex upper-cased).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.iri import _BAD_CATEGORIES, _is_ucschar

_PCT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _iri_chars(run: str) -> str:
    """A run of %XX escapes as IRI text: non-ASCII characters decoded, the rest kept."""
    import unicodedata

    data = bytes(int(run[i + 1:i + 3], 16) for i in range(0, len(run), 3))
    out: list[str] = []
    i = 0
    while i < len(data):
        b = data[i]
        n = 1 if b < 0x80 else 2 if b >> 5 == 0b110 else 3 if b >> 4 == 0b1110 else 4 if b >> 3 == 0b11110 else 0
        chunk = data[i:i + n] if n else b""
        try:
            ch = chunk.decode("utf-8") if n > 1 else ""
        except UnicodeDecodeError:
            ch = ""
        if ch and _is_ucschar(ord(ch)) and unicodedata.category(ch) not in _BAD_CATEGORIES:
            out.append(ch)
            i += n
        else:
            out.append(f"%{b:02X}")
            i += 1
    return "".join(out)


def uri_to_iri(path: str) -> str:
    """RFC 3987 §3.2: decode percent-encoded UTF-8 that stands for IRI characters."""
    return _PCT_RUN.sub(lambda m: _iri_chars(m.group(0)), path)


@dataclass(frozen=True, slots=True)
class Base:
    """The configured base IRI and the path it is served under."""

    iri: str

    @property
    def path(self) -> str:
        """The base's path, ``/`` or e.g. ``/kg/``."""
        p = urlsplit(self.iri).path or "/"
        return p if p.endswith("/") else p + "/"

    def path_to_iri(self, raw_path: str) -> str:
        """The IRI a request path stands for (the path as sent, percent-encoded)."""
        rel = uri_to_iri(raw_path)
        if rel.startswith(self.path):
            rel = rel[len(self.path):]
        return self.iri + rel.lstrip("/")

    def href(self, iri: str) -> str | None:
        """The server-absolute path of a data IRI (None for an IRI outside the base)."""
        if not iri.startswith(self.iri):
            return None
        return self.path + iri[len(self.iri):]

    def url(self, name: str) -> str:
        """The public IRI of one of the server's own resources (``sparql``, ``void``…)."""
        return self.iri + name


# ----------------------------------------------------------------------- negotiation


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q values, best first (stable)."""
    if not header:
        return [("*/*", 1.0)]
    out = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((media, q, i))
    out.sort(key=lambda t: (-t[1], t[2]))
    return [(m, q) for m, q, _ in out]


def negotiate(header: str | None, offers: list[str]) -> str | None:
    """The offer (media type) the client prefers; ``offers[0]`` wins ties on ``*/*``.
    None when the client accepts none of them (→ 406)."""
    best: tuple[float, int, int, str] | None = None
    ranges = parse_accept(header)
    for idx, offer in enumerate(offers):
        otype = offer.split("/")[0]
        match: tuple[float, int] | None = None
        for media, q in ranges:
            spec = 2 if media == offer else 1 if media == f"{otype}/*" else 0 if media == "*/*" else -1
            if spec >= 0 and (match is None or spec > match[1]):
                match = (q, spec)
        if match is None or match[0] <= 0:
            continue
        key = (match[0], match[1], -idx, offer)
        if best is None or key[:3] > best[:3]:
            best = key
    return best[3] if best else None


__all__ = ["Base", "negotiate", "parse_accept", "uri_to_iri"]
