"""The reader: bytes as given → ``Text`` (decoded, page chrome blanked, offsets kept).

Only regular files are read (a FIFO, socket or device is refused at once, never waited
on), up to a size limit: 32 MiB unless ``KG_MAX_INPUT_MB`` says otherwise (``0``: none).

Decoding, in order: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32); for HTML the
page's own ``<meta charset>``; strict UTF-8 (a file cut off inside its last character loses that character, with a
warning); UTF-16 without a BOM (told by its byte
pattern); else charset-normalizer, with every GB2312/GBK detection read as GB18030 (the
superset). The checksum is of the bytes as given.

Plain text keeps its length: page chrome is blanked with spaces (``kg.loaders.chrome``)
and a lone CR (old Mac line end) reads as LF,
so an offset into ``Text.text`` is an offset into the decoded file. HTML is reduced to
text with the standard library's ``html.parser``; ``Text.offsets`` maps every text
offset back to the markup. What holds for HTML (tested):

* an ordinary character ``text[i]`` equals ``source[offsets[i]]``;
* a character produced by a character reference (``&amp;``, ``&#20013;``) maps to the
  reference's ``&``, and ``html.unescape`` of the reference yields it;
* a line break or space the reader inserts for a block element or ``<br>`` maps to the
  ``<`` of that tag; a space standing for a run of collapsed whitespace maps to the
  run's first whitespace character;
* ``offsets`` is non-decreasing and has ``len(text) + 1`` entries.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import logging
import os
import re
import stat
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError
from kg.loaders.chrome import blank_ranges, find_chrome
from kg.model import Text

__all__ = ["read_file", "read_bytes", "decode_bytes", "check_regular", "max_input_bytes"]

log = logging.getLogger(__name__)

_HTML_SUFFIXES = {".htm", ".html", ".xhtml", ".shtml"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "euc_cn", "euccn", "cp936", "ms936", "gb2312-80"}

# Magic numbers of common binary formats (images, archives, office files, PDFs …).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (docx/xlsx are zip files: save the report as .txt)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"%PDF-", "a PDF (extract its text first, e.g. with pdftotext)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (save the report as .txt)"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


MAX_INPUT_MB_ENV = "KG_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 32
"""Reports are 20–300 KB; a file over this size (MiB) is refused unless ``KG_MAX_INPUT_MB``
raises the limit (``0``: no limit). Reading costs ~30× the file's size in memory."""


def max_input_bytes() -> int | None:
    """The size limit in bytes ($KG_MAX_INPUT_MB, default 32 MiB); None when off (0)."""
    raw = os.environ.get(MAX_INPUT_MB_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_INPUT_MB * 2**20
    try:
        mb = float(raw)
    except ValueError:
        raise InputError(f"{MAX_INPUT_MB_ENV}={raw!r}: give a number of MiB (0 = no limit)") from None
    if mb < 0 or mb != mb:
        raise InputError(f"{MAX_INPUT_MB_ENV}={raw!r}: give a number of MiB (0 = no limit)")
    return None if mb == 0 else int(mb * 2**20)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"


def check_regular(p: Path) -> os.stat_result:
    """``p``'s stat if it is a regular file kg may read (within the size limit); else
    InputError. Never opens the file, so a FIFO or device cannot block."""
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; check the path") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc}); check its permissions") from exc
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a directory; give the path of one report file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{p}: is {_kind(st.st_mode)}, not a regular file; kg reads report files only")
    limit = max_input_bytes()
    if limit is not None and st.st_size > limit:
        raise InputError(
            f"{p}: {st.st_size / 2**20:.0f} MiB is larger than kg reads by default "
            f"({limit / 2**20:.0f} MiB; reports are well under 1 MiB); is it a report? "
            f"Set {MAX_INPUT_MB_ENV}=<MiB> (0 = no limit) to read it anyway"
        )
    return st


def read_file(path: str | Path) -> Text:
    """Read the report at ``path`` (plain text or an HTML page, any common encoding).

    Only regular files are read: a FIFO, socket or device is refused at once (never
    blocks), as is a file over the size limit (:func:`max_input_bytes`).
    """
    p = Path(path)
    check_regular(p)
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since the check, open does not wait
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc}); check its permissions") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{p}: is {_kind(st.st_mode)}, not a regular file; kg reads report files only")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read()
    except OSError as exc:
        raise InputError(f"{p}: cannot be read ({exc.strerror or exc}); check its permissions") from exc
    finally:
        os.close(fd)
    return read_bytes(data, path=str(p))


def read_bytes(data: bytes, *, path: str | None = None, media_type: str | None = None) -> Text:
    """Read a report from ``data``; ``path`` names it in messages and picks HTML by suffix.

    Raises InputError for empty, binary or undecodable data.
    """
    name = path or "<bytes>"
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"{name}: expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a file that holds the report text")
    sha = hashlib.sha256(data).hexdigest()
    is_html = _looks_html(data, path, media_type)
    source, encoding = decode_bytes(data, name=name, html=is_html)
    if not source.strip(" \t\r\n\f\v\u3000\u00a0\ufeff\u200b"):
        raise InputError(f"{name}: the file holds only whitespace; give a file that holds the report text")
    if is_html:
        text, offsets = html_to_text(source)
        if not text.strip():
            raise InputError(f"{name}: the HTML page holds no text; save the report's text instead")
        chrome = find_chrome(text)
        return Text(
            source=source,
            text=blank_ranges(text, chrome),
            path=path,
            encoding=encoding,
            media_type="text/html",
            sha256=sha,
            offsets=tuple(offsets),
            chrome=chrome,
        )
    # Old Mac line ends (a lone CR) become LF in the text (same length: offsets hold)
    lines = _LONE_CR.sub("\n", source) if "\r" in source else source
    chrome = find_chrome(lines)
    return Text(
        source=source,
        text=blank_ranges(lines, chrome),
        path=path,
        encoding=encoding,
        media_type="text/plain",
        sha256=sha,
        offsets=None,
        chrome=chrome,
    )


_LONE_CR = re.compile(r"\r(?!\n)")

# ------------------------------------------------------------------------- decoding


def decode_bytes(data: bytes, *, name: str = "<bytes>", html: bool = False) -> tuple[str, str]:
    """Decode ``data`` → (text, codec name). Raises InputError for binary/undecodable data."""
    bom = _decode_bom(data)
    if bom is not None:
        return _checked(bom[0], name), bom[1]
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: binary data ({what}), not a text report")
    if b"\x00" in data:
        utf16 = _decode_utf16(data, with_nul=True)
        if utf16 is not None:
            return utf16
        raise InputError(f"{name}: binary data (NUL bytes), not a text report; save the report as text")
    if html:
        declared = _meta_charset(data)
        if declared:
            try:
                return _checked(data.decode(declared), name), declared
            except (UnicodeDecodeError, LookupError):
                log.info("%s: declared charset %s does not decode the page; detecting", name, declared)
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # a file cut off inside its last character (an interrupted download): the
            # text before it is whole; offsets stay offsets into the decoded text
            log.warning("%s: the file ends inside a UTF-8 character (cut off?); its last %d byte(s) "
                        "are left out", name, len(data) - exc.start)
            return _checked(data[: exc.start].decode("utf-8"), name), "utf-8"
    utf16 = _decode_utf16(data, with_nul=False)
    if utf16 is not None:
        return utf16
    guess = _detect(data)
    if guess is not None:
        return _checked(guess[0], name), guess[1]
    raise InputError(
        f"{name}: undecodable bytes (not UTF-8, UTF-16 or GB18030/GBK, and no encoding detected); "
        "re-save the file as UTF-8"
    )


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                body = data[len(bom) :].decode("utf-8" if codec == "utf-8-sig" else codec)
            except UnicodeDecodeError:
                continue
            if codec.startswith("utf-32") and not _plausible(body):
                continue
            return body, codec
    return None


def _plausible(s: str, threshold: float = 0.9) -> bool:
    """Mostly CJK, ASCII printable, common punctuation or whitespace: looks like a report."""
    if not s:
        return False
    good = 0
    for ch in s:
        o = ord(ch)
        if (
            0x20 <= o < 0x7F
            or ch in "\t\n\r\f"
            or 0x4E00 <= o <= 0x9FFF
            or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF
            or 0x2000 <= o <= 0x206F
            or 0x3400 <= o <= 0x4DBF
            or o in (0xA0, 0xB7, 0xD7, 0xB0)
            or 0x2460 <= o <= 0x24FF
        ):
            good += 1
    return good / len(s) >= threshold


def _decode_utf16(data: bytes, *, with_nul: bool) -> tuple[str, str] | None:
    """UTF-16 without a BOM: its decoded text looks like a report in one byte order."""
    if len(data) % 2:
        return None
    best = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            s = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _plausible(s, 0.95 if with_nul else 0.98) and (with_nul or _cjk_share(s) > 0.3):
            score = _cjk_share(s) + sum(1 for c in s if c.isascii() and c.isprintable()) / len(s)
            if best is None or score > best[0]:
                best = (score, s, codec)
    return (best[1], best[2]) if best else None


def _cjk_share(s: str) -> float:
    return sum(1 for c in s if 0x4E00 <= ord(c) <= 0x9FFF) / max(len(s), 1)


def _normalise_codec(name: str) -> str:
    n = name.lower().replace("-", "_")
    if n in {c.replace("-", "_") for c in _GB_FAMILY}:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return n


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess, GB family read as GB18030; plausibility checked."""
    from charset_normalizer import from_bytes

    candidates: list[str] = []
    try:
        best = from_bytes(data).best()
    except Exception:  # noqa: BLE001 - a detector failure means "no guess", never a crash
        log.debug("charset-normalizer failed", exc_info=True)
        best = None
    if best is not None:
        candidates.append(_normalise_codec(best.encoding))
    # Chinese reports: try the Chinese encodings too when the detector has no good guess.
    for extra in ("gb18030", "big5"):
        if extra not in candidates:
            candidates.append(extra)
    for codec in candidates:
        try:
            s = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(s, 0.95):
            return s, codec
    return None


_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
"""The control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) other than
tab, the line ends (\\n \\v \\f \\r) and escape (U+001B): what :func:`_checked` counts."""


def _checked(s: str, name: str) -> str:
    """Reject decoded text full of control characters (binary data that happens to decode)."""
    if not s:
        return s
    sample = s[:65536]
    bad = len(_CONTROL.findall(sample))
    if bad / len(sample) > 0.01 or "\ufffd" in sample and sample.count("\ufffd") / len(sample) > 0.01:
        raise InputError(f"{name}: binary data (control characters), not a text report")
    return s


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    raw = m.group(1).decode("ascii", "ignore")
    try:
        return _normalise_codec(raw)
    except LookupError:
        return None


def _looks_html(data: bytes, path: str | None, media_type: str | None) -> bool:
    if media_type:
        return media_type.split(";")[0].strip().lower() in _HTML_TYPES
    if path and Path(path).suffix.lower() in _HTML_SUFFIXES:
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:4096].lower():
        return True
    if head.startswith(b"<"):
        tags = re.findall(rb"<(?:p|div|br|span|body|head|table|td|h[1-6])\b", data[:8192], re.I)
        return len(tags) >= 2
    return False


# ----------------------------------------------------------------------------- HTML

_SKIP = {
    "script", "style", "head", "nav", "footer", "aside", "noscript", "template", "iframe",
    "svg", "form", "button", "select", "textarea", "object", "embed", "canvas", "map",
}  # fmt: skip
_BLOCK = {
    "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
    "thead", "tbody", "tfoot", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "main", "header", "blockquote", "pre", "address", "figure", "figcaption",
    "center", "body", "html", "title", "fieldset", "legend", "details", "summary",
}  # fmt: skip
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
_CHROME_TOKENS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|share|bdshare|toolbar|"
    r"copyright|sidebar|topbar|top-bar|site-header|logo|search|qrcode|ewm)(?:$|[\s_-])",
    re.I,
)
_WS = " \t\n\r\f"


class _Extractor(HTMLParser):
    """Collects the page's text with the source offset of every character."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.chars: list[str] = []
        self.offs: list[int] = []
        self.skip: list[str] = []  # stack of skipped element names
        self.open_tags: list[str] = []
        self.pre = 0

    # position of the current event in the source
    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, ch: str, off: int) -> None:
        self.chars.append(ch)
        self.offs.append(off)

    def _break(self, off: int) -> None:
        # at most one blank line; no break at the very start
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.offs.pop()
        if not self.chars:
            return
        if len(self.chars) >= 2 and self.chars[-1] == "\n" and self.chars[-2] == "\n":
            return
        self._emit("\n", off)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if self.skip:
            if tag == self.skip[-1] and tag not in _VOID:
                self.skip.append(tag)
            return
        cls = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        in_content = any(t in ("article", "main") for t in self.open_tags)
        if (
            tag in _SKIP
            or tag == "header" and not in_content
            or tag not in _VOID and tag not in ("body", "html", "article", "main") and _CHROME_TOKENS.search(cls)
        ):
            if tag not in _VOID:
                self.skip.append(tag)
            return
        if tag not in _VOID:
            self.open_tags.append(tag)
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCK:
            self._break(self._pos())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            return
        if tag.lower() in _BLOCK:
            self._break(self._pos())

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in self.open_tags:
            while self.open_tags:
                if self.open_tags.pop() == tag:
                    break
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in _BLOCK:
            self._break(self._pos())

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        base = self._pos()
        self._text(data, base)

    def _text(self, data: str, base: int) -> None:
        for k, ch in enumerate(data):
            off = base + k
            if self.pre:
                self._emit(ch, off)
            elif ch in _WS:
                if self.chars and self.chars[-1] not in " \n":
                    self._emit(" ", off)
            else:
                self._emit(ch, off)

    def _ref(self, raw: str) -> None:
        if self.skip:
            return
        base = self._pos()
        for ch in html.unescape(raw):
            if ch in _WS and not self.pre:
                if self.chars and self.chars[-1] not in " \n":
                    self._emit(" ", base)
            else:
                self._emit(ch, base)

    def handle_entityref(self, name: str) -> None:
        self._ref(self._raw_ref(f"&{name}"))

    def handle_charref(self, name: str) -> None:
        self._ref(self._raw_ref(f"&#{name}"))

    def _raw_ref(self, stem: str) -> str:
        p = self._pos()
        end = p + len(stem)
        if self.source[end : end + 1] == ";":
            return stem + ";"
        return stem

    def unknown_decl(self, data: str) -> None:
        # <![CDATA[...]]> content is text
        if not self.skip and data.upper().startswith("CDATA["):
            self._text(data[6:], self._pos() + 9)


def html_to_text(source: str) -> tuple[str, list[int]]:
    """Text of an HTML page and, for each text offset (plus the end), its source offset."""
    parser = _Extractor(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception as exc:  # noqa: BLE001 - html.parser is lenient; a crash is bad input
        raise InputError(f"cannot parse the HTML page ({exc}); save the report's text instead") from exc
    chars, offs = parser.chars, parser.offs
    while chars and chars[-1] in " \n":
        chars.pop()
        offs.pop()
    end = len(source)
    if offs:
        last = offs[-1]
        # end of the last character's source: after it, or after its whole reference
        if source[last : last + 1] == "&":
            m = re.match(r"&#?[0-9A-Za-z]+;?", source[last:])
            end = last + (m.end() if m else 1)
        else:
            end = last + 1
    else:
        end = 0
    return "".join(chars), [*offs, end]
