"""Bad and odd inputs through `kg parse` / `kg build`: refused in one line (exit 2), or read
correctly; never a traceback, a hang or a half-written output."""

from __future__ import annotations

import os
import random
import socket
import stat
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from rdflib import Graph

from kgrun import REPORT_A, fails_cleanly, kg, leftovers, succeeds

TEXT = REPORT_A.read_bytes()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _docx() -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def _mixed() -> bytes:
    text = TEXT.decode("utf-8")
    half = len(text) // 2
    return text[:half].encode("utf-8") + text[half:].encode("gb18030")


# (file name, bytes, words the one error line must hold)
REFUSED = {
    "empty": ("empty.txt", b"", ["empty"]),
    "whitespace_only": ("blank.txt", b" \n\t\r\n" + "\u3000".encode(), ["whitespace"]),
    "binary_random": ("noise.txt", random.Random(7).randbytes(20000), ["binary"]),
    "pdf": ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n", ["PDF"]),
    "pdf_named_txt": ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nstream\x00\x01\n", ["PDF"]),
    "docx": ("report.docx", _docx(), ["zip"]),
    "png": ("scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), ["PNG"]),
    "nul_bytes": ("nul.txt", TEXT[:300] + b"\x00\x00" + TEXT[300:], ["NUL"]),
    "mixed_encodings": ("mixed.txt", _mixed(), ["undecodable"]),
    "html_without_text": ("empty.html", b"<html><head><script>var a=1;</script></head><body> </body></html>",
                          ["no text"]),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_reader_refuses_bad_input_in_one_line(case: str, tmp_path: Path) -> None:
    name, data, needles = REFUSED[case]
    f = tmp_path / name
    f.write_bytes(data)
    fails_cleanly(kg("parse", f), name, *needles)


def test_reader_refuses_a_directory(tmp_path: Path) -> None:
    fails_cleanly(kg("parse", tmp_path), "directory")


def test_reader_refuses_a_missing_file(tmp_path: Path) -> None:
    fails_cleanly(kg("parse", tmp_path / "nope.txt"), "no such file")


def test_reader_refuses_a_dangling_symlink(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    fails_cleanly(kg("parse", tmp_path / "link.txt"), "link.txt")


def test_reader_refuses_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    fails_cleanly(kg("parse", tmp_path / "a.txt"), "a.txt")


def test_reader_refuses_a_fifo_at_once_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    fails_cleanly(kg("parse", fifo, timeout=60), "FIFO", "regular file")


def test_reader_refuses_a_device(tmp_path: Path) -> None:
    fails_cleanly(kg("parse", "/dev/zero", timeout=60), "device")


def test_reader_refuses_a_socket(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(path))
        fails_cleanly(kg("parse", path, timeout=60), "socket")


def test_reader_refuses_50_mb_above_the_documented_limit(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        line = "各位代表：今年全区地区生产总值增长百分之五。".encode() * 40 + b"\n"
        while f.tell() < 50 * 2**20:
            f.write(line)
    fails_cleanly(kg("parse", big), "huge.txt", "KG_MAX_INPUT_MB")


def test_size_limit_is_set_by_env(tmp_path: Path) -> None:
    # lowered below the report's size: refused; 0 = no limit: read
    fails_cleanly(kg("parse", REPORT_A, env={"KG_MAX_INPUT_MB": "0.0001"}), "KG_MAX_INPUT_MB")
    succeeds(kg("parse", REPORT_A, env={"KG_MAX_INPUT_MB": "0"}))
    fails_cleanly(kg("parse", REPORT_A, env={"KG_MAX_INPUT_MB": "lots"}), "KG_MAX_INPUT_MB")


@pytest.mark.skipif(IS_ROOT, reason="root reads files whatever their mode")
def test_reader_refuses_an_unreadable_file(tmp_path: Path) -> None:
    f = tmp_path / "secret.txt"
    f.write_bytes(TEXT)
    f.chmod(0)
    fails_cleanly(kg("parse", f), "secret.txt", "permission")


# ------------------------------------------------------------- read, same structure


def _structure(path: Path) -> str:
    r = kg("parse", path)
    succeeds(r)
    return r.stdout


@pytest.fixture(scope="module")
def reference() -> str:
    return _structure(REPORT_A)


VARIANTS = {
    "crlf": lambda t: t.replace(b"\n", b"\r\n"),
    "cr_only": lambda t: t.replace(b"\n", b"\r"),
    "gb18030": lambda t: t.decode().encode("gb18030"),
    "utf16_bom": lambda t: t.decode().encode("utf-16"),
    "utf8_bom": lambda t: b"\xef\xbb\xbf" + t,
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_reader_gives_the_same_structure_for_encodings_and_line_ends(variant: str, tmp_path: Path,
                                                                     reference: str) -> None:
    f = tmp_path / "report.txt"
    f.write_bytes(VARIANTS[variant](TEXT))
    assert _structure(f) == reference


def test_reader_reads_a_file_cut_inside_its_last_character(tmp_path: Path, reference: str) -> None:
    f = tmp_path / "cut.txt"
    f.write_bytes(TEXT + "。".encode()[:2])
    r = kg("parse", f)
    succeeds(r)
    assert r.stdout.splitlines()[0] == reference.splitlines()[0]
    assert "cut off" in r.stderr


def test_reader_reads_an_html_page(tmp_path: Path, reference: str) -> None:
    body = "".join(f"<p>{line}</p>\n" for line in TEXT.decode().splitlines())
    f = tmp_path / "page.html"
    f.write_text(f'<html><head><meta charset="utf-8"><title>x</title></head><body><article>{body}'
                 "</article></body></html>", encoding="utf-8")
    r = kg("parse", f)
    succeeds(r)
    assert r.stdout.splitlines()[0] == reference.splitlines()[0]


def test_reader_reads_one_very_long_line(tmp_path: Path) -> None:
    f = tmp_path / "long.txt"
    f.write_bytes(TEXT.replace(b"\n", " ".encode()) * 200)  # one line of ~170 KB
    succeeds(kg("parse", f))


def test_reader_survives_garbled_headings(tmp_path: Path) -> None:
    f = tmp_path / "garbled.txt"
    junk = "一、\n（一）（二）（三）\n第一章第二节\n二、二、二、\n、、、、\n（十一\n一）\n"
    f.write_text(TEXT.decode()[:200] + junk * 300, encoding="utf-8")
    r = kg("parse", f)
    succeeds(r)


UNSAFE_NAMES = {
    "quotes_and_spaces": "a \"b\" 'c' d.txt",
    "shell_metacharacters": "$(touch pwned);x|y&z`w`.txt",
    "leading_dash": "-rf.txt",
    "newline": "line\nbreak.txt",
    "markup_and_braces": "[bold]x[red] {y} <z> :x: \\w.txt",
}


@pytest.mark.parametrize("case", sorted(UNSAFE_NAMES))
def test_reader_takes_unsafe_characters_in_file_names(case: str, tmp_path: Path, reference: str) -> None:
    name = UNSAFE_NAMES[case]
    (tmp_path / name).write_bytes(TEXT)
    r = kg("parse", "--", name, cwd=tmp_path)  # `--`: a name may start with a dash
    succeeds(r)
    assert r.stdout == reference
    assert not (tmp_path / "pwned").exists()


# ------------------------------------------------------------------ build outputs


def test_build_with_unsafe_file_name_writes_a_dump_that_parses(tmp_path: Path) -> None:
    name = "报告 \"q\" 'a' {b} <c> \\d $(e) [bold] %g #h.txt"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_bytes(TEXT)
    out = tmp_path / "out"
    succeeds(kg("build", tmp_path / "in", "--out", out, "--format", "nt", "--no-validate"))
    Graph().parse(out / "graph.nt", format="nt")
    void = Graph().parse(out / "void.ttl", format="turtle")
    assert name in {str(o) for o in void.objects()}


def test_build_into_a_read_only_folder_fails_in_one_line(tmp_path: Path) -> None:
    if IS_ROOT:
        target = Path("/sys")  # not writable even for root
    else:
        target = tmp_path / "ro"
        target.mkdir()
        target.chmod(stat.S_IRUSR | stat.S_IXUSR)
    r = kg("build", REPORT_A, "--out", target, "--format", "nt", "--no-validate")
    fails_cleanly(r, str(target))
    assert not list(target.glob(".graph.nt*")) and not (target / "graph.nt").exists()


def test_build_with_output_under_a_file_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    fails_cleanly(kg("build", REPORT_A, "--out", tmp_path / "file" / "out", "--no-validate"), "not a folder")


def test_build_with_output_naming_a_file_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    fails_cleanly(kg("build", REPORT_A, "--out", tmp_path / "file", "--no-validate"), "file")
    assert (tmp_path / "file").read_text() == "x"


@pytest.mark.parametrize("license", ["not an iri", "cc0", "http://ex.org/a b", "https://ex.org/<x>"])
def test_build_refuses_an_invalid_license_iri_before_writing(license: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    fails_cleanly(kg("build", REPORT_A, "--out", out, "--license", license, "--no-validate"), "license")
    assert not out.exists()


def test_input_error_leaves_no_empty_dump_in_a_fresh_folder(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "fresh"
    fails_cleanly(kg("build", tmp_path / "empty.txt", "--out", out, "--format", "nt"), "empty")
    assert not out.exists()


def test_input_error_leaves_the_earlier_build_untouched(tmp_path: Path, good_build: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for f in ("graph.nt", "void.ttl"):
        (out / f).write_bytes((good_build / f).read_bytes())
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    fails_cleanly(kg("build", REPORT_A, tmp_path / "bad.txt", "--out", out, "--format", "nt"), "bad.txt")
    for f in ("graph.nt", "void.ttl"):
        assert (out / f).read_bytes() == (good_build / f).read_bytes()
    assert leftovers(out) == []


def _limit_file_size(limit: int):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_build_that_runs_out_of_space_keeps_the_earlier_outputs(tmp_path: Path, good_build: Path) -> None:
    # RLIMIT_FSIZE makes a write past 20 KB fail as a full disk would (EFBIG), mid-dump
    out = tmp_path / "out"
    out.mkdir()
    for f in ("graph.nt", "void.ttl"):
        (out / f).write_bytes((good_build / f).read_bytes())
    r = kg("build", REPORT_A, "--out", out, "--format", "nt", "--no-validate", preexec_fn=_limit_file_size(20_000))
    fails_cleanly(r)
    for f in ("graph.nt", "void.ttl"):
        assert (out / f).read_bytes() == (good_build / f).read_bytes()
    assert leftovers(out) == []


def test_export_to_a_full_disk_fails_in_one_line(good_build: Path) -> None:
    fails_cleanly(kg("export", good_build / "graph.nt", "--format", "nt", "--out", "/dev/full"), "space")


def test_duplicate_inputs_are_built_once_with_a_warning(tmp_path: Path, good_build: Path) -> None:
    (tmp_path / "in").mkdir()
    copy = tmp_path / "in" / "copy.txt"
    copy.write_bytes(TEXT)
    out = tmp_path / "out"
    r = kg("build", REPORT_A, REPORT_A, copy, "--out", out, "--format", "nt", "--no-validate",
           env={"SOURCE_DATE_EPOCH": "1700000000"})
    succeeds(r)
    assert r.stderr.count("same bytes as") == 2, r.stderr
    assert (out / "graph.nt").read_bytes() == (good_build / "graph.nt").read_bytes()
    void = Graph().parse(out / "void.ttl")
    good = Graph().parse(good_build / "void.ttl")
    triples = "http://rdfs.org/ns/void#triples"
    assert {str(o) for o in void.objects(None, __import__("rdflib").URIRef(triples))} == \
        {str(o) for o in good.objects(None, __import__("rdflib").URIRef(triples))}


def test_a_fifo_in_a_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT)
    os.mkfifo(folder / "pipe.txt")
    out = tmp_path / "out"
    r = kg("build", folder, "--out", out, "--format", "nt", "--no-validate", timeout=300)
    succeeds(r)
    assert "pipe.txt" in r.stderr and "regular file" in r.stderr
    assert (out / "graph.nt").stat().st_size > 0


def test_a_folder_without_reports_fails_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x")
    fails_cleanly(kg("build", tmp_path, "--out", tmp_path / "out"), "no report files")


@pytest.mark.skipif(IS_ROOT, reason="root reads folders whatever their mode")
def test_an_unreadable_sub_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_bytes(TEXT)
    (tmp_path / "in" / "locked").chmod(0)
    try:
        fails_cleanly(kg("build", tmp_path / "in", "--out", tmp_path / "out"), "locked")
    finally:
        (tmp_path / "in" / "locked").chmod(0o755)


def test_reader_finishes_100000_identical_headings(tmp_path: Path) -> None:
    # once super-linear (minutes per 100,000 headings); a hang fails at the timeout
    f = tmp_path / "headings.txt"
    f.write_text("各位代表：\n" + "一、工作回顾\n" * 100_000, encoding="utf-8")
    r = kg("parse", f)
    succeeds(r)
