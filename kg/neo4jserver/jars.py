"""The server's jars: fetched once from Maven Central with `mvn`, cached outside the repo.

Layout of the cache (default ``~/.cache/kg/neo4j-<version>``, or ``$KG_NEO4J_HOME``)::

    pom.xml        the package's pom.xml with the version filled in
    lib/           the jars (the Java classpath is ``lib/*``)
    lib/.complete  written last; holds the version. No marker = not fetched.

Maven keeps its own cache in ``~/.m2``, so a second machine-wide fetch is a copy.
A fetch is built in ``lib.partial`` and renamed to ``lib`` at the end, so one that is
killed half-way leaves nothing a re-run mistakes for a complete set.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import time
from importlib import resources
from pathlib import Path

from kg.errors import StoreError

log = logging.getLogger(__name__)

#: Neo4j 5.26 LTS, the last line that runs on Java 17; the newest 5.26.x whose
#: org.neo4j.test:neo4j-harness is on Maven Central (5.26.19 has no harness there).
DEFAULT_VERSION = "5.26.30"

_VERSION_RE = re.compile(r"^5\.\d+\.\d+$")
_MARKER = ".complete"
_PLACEHOLDER = "@NEO4J_VERSION@"


def check_version(version: str) -> str:
    """Return `version` if it names a Neo4j 5 release (``5.x.y``), else raise StoreError."""
    if not _VERSION_RE.match(version):
        raise StoreError(
            f"Neo4j version {version!r} is not a 5.x.y release; use e.g. {DEFAULT_VERSION} "
            "(Neo4j 2025.x needs Java 21 and is not supported here)"
        )
    return version


def cache_home(version: str = DEFAULT_VERSION) -> Path:
    """Where the jars of `version` live: ``$KG_NEO4J_HOME`` or ``~/.cache/kg/neo4j-<version>``."""
    override = os.environ.get("KG_NEO4J_HOME")
    if override:
        return Path(override).expanduser().resolve()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser().resolve() / "kg" / f"neo4j-{check_version(version)}"


def render_pom(version: str = DEFAULT_VERSION) -> str:
    """The package's pom.xml with the Neo4j version filled in."""
    template = resources.files("kg.neo4jserver").joinpath("pom.xml").read_text(encoding="utf-8")
    if _PLACEHOLDER not in template:
        raise StoreError("kg/neo4jserver/pom.xml has no @NEO4J_VERSION@ placeholder: reinstall kg")
    return template.replace(_PLACEHOLDER, check_version(version))


def fetched_lib(version: str = DEFAULT_VERSION, home: Path | None = None) -> Path | None:
    """The lib directory if the jars of `version` are complete there, else None."""
    lib = (home or cache_home(version)) / "lib"
    marker = lib / _MARKER
    try:
        if marker.read_text(encoding="utf-8").strip() != version:
            return None
    except OSError:
        return None
    if not (lib / f"neo4j-{version}.jar").is_file():
        return None
    return lib


def find_mvn() -> str:
    mvn = shutil.which("mvn")
    if not mvn:
        raise StoreError(
            "Maven (mvn) is not on PATH, so the Neo4j jars cannot be fetched: install it "
            "(Debian: apt-get install maven) or point KG_NEO4J_HOME at a directory whose lib/ "
            "already holds them"
        )
    return mvn


def fetch(version: str = DEFAULT_VERSION, *, home: Path | None = None, timeout: float = 1800) -> Path:
    """Put the jars of Neo4j `version` under ``<home>/lib`` and return that directory.

    Idempotent: returns at once when a complete set is already there. Needs `mvn` (and
    Java) and Maven Central; raises StoreError with Maven's own error when it fails.
    """
    check_version(version)
    home = home or cache_home(version)
    done = fetched_lib(version, home)
    if done is not None:
        log.info("Neo4j %s jars already in %s", version, done)
        return done
    mvn = find_mvn()
    try:
        home.mkdir(parents=True, exist_ok=True)
        pom = home / "pom.xml"
        pom.write_text(render_pom(version), encoding="utf-8")
        partial = home / "lib.partial"
        if partial.exists():
            shutil.rmtree(partial)
    except OSError as exc:
        raise StoreError(f"cannot prepare the Neo4j cache directory {home}: {exc}") from exc
    cmd = [
        mvn, "-B", "-q", "-f", str(pom),
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={partial}",
    ]
    log.info("fetching Neo4j %s jars from Maven Central into %s", version, home)
    began = time.monotonic()
    try:
        proc = subprocess.run(
            cmd, cwd=home, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise StoreError(
            f"fetching the Neo4j {version} jars with Maven took more than {timeout:.0f} s; "
            "check the network to Maven Central and retry"
        ) from exc
    if proc.returncode != 0:
        raise StoreError(
            f"fetching the Neo4j {version} jars from Maven Central failed: "
            f"{_maven_error(proc.stdout + proc.stderr)} (pom: {pom})"
        )
    if not (partial / f"neo4j-{version}.jar").is_file():
        raise StoreError(f"Maven ran but {partial} has no neo4j-{version}.jar; see {pom}")
    (partial / _MARKER).write_text(version + "\n", encoding="utf-8")
    lib = home / "lib"
    if lib.exists():
        shutil.rmtree(lib)
    partial.rename(lib)
    log.info("fetched %d jars in %.1f s", sum(1 for _ in lib.glob("*.jar")), time.monotonic() - began)
    return lib


def _maven_error(output: str) -> str:
    """Maven's first [ERROR] line, without colour codes, as one line."""
    clean = re.sub(r"\x1b\[[0-9;]*m", "", output)
    for line in clean.splitlines():
        line = line.strip()
        if line.startswith("[ERROR]") and len(line) > len("[ERROR]") + 1:
            return line[len("[ERROR]"):].strip()
    tail = [line.strip() for line in clean.splitlines() if line.strip()]
    return tail[-1] if tail else "no output from mvn"
