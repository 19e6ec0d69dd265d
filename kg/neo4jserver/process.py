"""Start and stop the local Neo4j server: a JVM running Launcher.java on the fetched jars.

The Java side prints ``kg-neo4j: ready bolt://HOST:PORT`` once the default database answers;
the Python side waits for that line in the log file AND for a TCP connect to the Bolt port,
watching the process so a server that dies is reported at once (with its last error line),
never waited on until the deadline. This module does not use the neo4j driver.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

from kg.errors import StoreError
from kg.neo4jserver.jars import DEFAULT_VERSION, cache_home, fetch, fetched_lib

log = logging.getLogger(__name__)

READY = "kg-neo4j: ready "
ERROR = "kg-neo4j: error: "
PASSWORD_ENV = "KG_NEO4J_PASSWORD"
MIN_JAVA = 17

#: JVM flags: a fixed heap (Neo4j's default would take a quarter of RAM) and the module
#: openings Neo4j 5 asks for on Java 17 (from the distribution's neo4j.conf).
JVM_FLAGS = (
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)

#: C1 only: a JVM that starts on half the CPU (worth it on 2 shared cores), for throw-away
#: servers; long-running queries run slower than with the C2 compiler.
QUICK_START_FLAGS = ("-XX:TieredStopAtLevel=1",)


@dataclass(slots=True)
class RunningServer:
    """A Neo4j server this module started (or found through its state file)."""

    pid: int
    host: str
    port: int
    log_path: Path
    version: str
    data_dir: Path | None = None  # persistent store, None for a throw-away one
    work_dir: Path | None = None  # throw-away store's parent, removed by stop()
    auth: bool = False
    started_seconds: float = 0.0
    password: str | None = field(default=None, repr=False)
    _process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    _stdin: IO[bytes] | None = field(default=None, repr=False)

    @property
    def uri(self) -> str:
        return f"bolt://{self.host}:{self.port}"

    @property
    def user(self) -> str:
        return "neo4j"

    def alive(self) -> bool:
        """True while the JVM runs."""
        if self._process is not None:
            return self._process.poll() is None
        return _is_launcher(self.pid)

    def rss_bytes(self) -> int | None:
        """Resident memory of the JVM (Linux /proc), or None when unknown."""
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            return None
        return None

    def stop(self, timeout: float = 90) -> None:
        stop(self, timeout=timeout)

    def state(self) -> dict[str, Any]:
        """What a pid file records (never the password)."""
        return {
            "pid": self.pid,
            "host": self.host,
            "port": self.port,
            "uri": self.uri,
            "log": str(self.log_path),
            "version": self.version,
            "data_dir": str(self.data_dir) if self.data_dir else None,
            "work_dir": str(self.work_dir) if self.work_dir else None,
            "auth": self.auth,
            "started_seconds": round(self.started_seconds, 2),
        }

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def launcher_source() -> Path:
    """Launcher.java as a file on disk (it is package data)."""
    src = resources.files("kg.neo4jserver").joinpath("Launcher.java")
    path = Path(str(src))
    if not path.is_file():
        raise StoreError("kg/neo4jserver/Launcher.java is missing from the installed package: reinstall kg")
    return path


def launcher_args(java: str, lib: Path) -> list[str]:
    """The classpath and main class to give `java`.

    Launcher.java is compiled once with `javac` into ``<lib>/../launcher-<hash>/`` (saves
    the few CPU seconds the source launcher spends compiling it on every start); without a
    `javac` (a JRE only) Java's single-file source launcher runs the .java file directly.
    """
    src = launcher_source()
    digest = hashlib.sha256(src.read_bytes()).hexdigest()[:12]
    classes = lib.parent / f"launcher-{digest}"
    if (classes / "Launcher.class").is_file():
        return ["-cp", f"{classes}{os.pathsep}{lib / '*'}", "Launcher"]
    javac = Path(java).resolve().parent / "javac"
    javac_cmd = str(javac) if javac.is_file() else shutil.which("javac")
    if javac_cmd:
        partial = Path(tempfile.mkdtemp(prefix="launcher-", dir=lib.parent))
        try:
            proc = subprocess.run(
                [javac_cmd, "-nowarn", "-d", str(partial), "-cp", str(lib / "*"), str(src)],
                capture_output=True, text=True, timeout=300, check=False,
            )
            if proc.returncode == 0 and (partial / "Launcher.class").is_file():
                try:
                    partial.rename(classes)
                except OSError:  # another process compiled it at the same time
                    pass
                if (classes / "Launcher.class").is_file():
                    return ["-cp", f"{classes}{os.pathsep}{lib / '*'}", "Launcher"]
            log.warning("javac could not compile %s: %s", src, (proc.stderr or proc.stdout).strip()[:300])
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.warning("javac could not compile %s: %s", src, exc)
        finally:
            shutil.rmtree(partial, ignore_errors=True)
    return ["-cp", str(lib / "*"), str(src)]


def find_java() -> str:
    """The `java` to run: $JAVA_HOME/bin/java, else the one on PATH; must be 17 or newer."""
    java = None
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        java = str(Path(home) / "bin" / "java")
    java = java or shutil.which("java")
    if not java:
        raise StoreError(
            "Java is not installed or not on PATH: Neo4j 5.26 needs Java 17 "
            "(Debian: apt-get install openjdk-17-jre-headless)"
        )
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StoreError(f"cannot run {java} -version: {exc}") from exc
    major = java_major(out.stderr + out.stdout)
    if major is None:
        raise StoreError(f"cannot tell the Java version of {java}: {out.stderr.strip()[:200]!r}")
    if major < MIN_JAVA:
        raise StoreError(f"Neo4j 5.26 needs Java {MIN_JAVA} or newer; {java} is Java {major}")
    return java


def java_major(version_output: str) -> int | None:
    """The major version in `java -version` output ('1.8.0_392' -> 8, '17.0.15' -> 17)."""
    m = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if not m:
        return None
    major = int(m.group(1))
    if major == 1 and m.group(2):
        return int(m.group(2))
    return major


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on `host` that nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return True
    return False


def _connects(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def start(
    port: int = 0,
    password: str | None = None,
    data_dir: Path | str | None = None,
    *,
    version: str = DEFAULT_VERSION,
    host: str = "127.0.0.1",
    pagecache_mb: int = 256,
    heap: str = "1g",
    timeout: float = 120,
    log_path: Path | str | None = None,
    detach: bool = False,
    fetch_missing: bool = True,
    quick_start: bool | None = None,
) -> RunningServer:
    """Start a Neo4j `version` server with Bolt on `host`:`port` and wait until it answers.

    port 0 picks a free port. Without `password` auth is off; with one, user ``neo4j`` has
    it. Without `data_dir` the store is throw-away (deleted by stop()); with it the store
    persists there. `detach` starts the JVM in its own session so it outlives this process
    (stop it with stop() on a RunningServer from read_state()); otherwise the JVM exits
    when this process dies. The JVM's output goes to `log_path` (default: in the store's
    directory). `quick_start` runs the JVM with the C1 compiler only
    (``-XX:TieredStopAtLevel=1``): half the CPU to start (measured 8.6 s instead of 16.5 s
    CPU), slower long queries; by default on for throw-away stores (tests, trials), off for
    persistent ones. Raises StoreError when Java or the jars are missing, the port is busy,
    the server dies or does not answer within `timeout` seconds.
    """
    if password is not None and len(password) < 8:
        raise StoreError("a Neo4j password must be at least 8 characters (Neo4j's own rule)")
    if port != 0 and port_in_use(host, port):
        raise StoreError(
            f"port {port} on {host} is already in use (another Neo4j?): stop it or pick "
            "another port with --port"
        )
    java = find_java()
    lib = fetched_lib(version)
    if lib is None:
        if not fetch_missing:
            raise StoreError(
                f"the Neo4j {version} jars are not in {cache_home(version)}: run `kg server fetch`"
            )
        lib = fetch(version)
    if port == 0:
        port = free_port(host)

    work_dir: Path | None = None
    if data_dir is not None:
        data_dir = Path(data_dir).expanduser().resolve()
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the Neo4j store directory {data_dir}: {exc}") from exc
        store_args = ["--data", str(data_dir)]
        default_log = data_dir / "kg-neo4j.log"
    else:
        runs = cache_home(version).parent / "neo4j-runs"
        runs.mkdir(parents=True, exist_ok=True)
        work_dir = Path(tempfile.mkdtemp(prefix=f"{port}-", dir=runs))
        store_args = ["--work-dir", str(work_dir)]
        default_log = work_dir / "kg-neo4j.log"
    log_file = Path(log_path).expanduser().resolve() if log_path else default_log
    log_file.parent.mkdir(parents=True, exist_ok=True)

    if quick_start is None:
        quick_start = data_dir is None
    cmd = [
        java, f"-Xmx{heap}", *JVM_FLAGS, *(QUICK_START_FLAGS if quick_start else ()),
        *launcher_args(java, lib),
        "--host", host, "--port", str(port),
        "--pagecache-mb", str(pagecache_mb),
        *store_args,
    ]
    if not detach:
        cmd.append("--watch-stdin")
    env = dict(os.environ)
    env.pop(PASSWORD_ENV, None)
    if password:
        env[PASSWORD_ENV] = password

    try:  # only lines this run writes count: a persistent store's log is appended to
        offset = log_file.stat().st_size
    except OSError:
        offset = 0
    began = time.monotonic()
    with open(log_file, "ab") as out:
        try:
            proc = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL if detach else subprocess.PIPE,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=str(data_dir or work_dir),
                start_new_session=detach,
            )
        except OSError as exc:
            _cleanup(work_dir)
            raise StoreError(f"cannot run {java}: {exc}") from exc
    server = RunningServer(
        pid=proc.pid,
        host=host,
        port=port,
        log_path=log_file,
        version=version,
        data_dir=data_dir,
        work_dir=work_dir,
        auth=bool(password),
        password=password,
        _process=proc,
        _stdin=proc.stdin,
    )
    try:
        _wait_ready(server, proc, began, timeout, offset)
    except BaseException:
        _kill(proc)
        _close_stdin(server)
        _cleanup(work_dir)
        raise
    server.started_seconds = time.monotonic() - began
    log.info("Neo4j %s ready at %s in %.1f s (log %s)", version, server.uri, server.started_seconds, log_file)
    return server


def _wait_ready(
    server: RunningServer, proc: subprocess.Popen[bytes], began: float, timeout: float, offset: int
) -> None:
    deadline = began + timeout
    ready_line = False
    while True:
        code = proc.poll()
        if code is not None:
            raise StoreError(_death_message(server, code, offset))
        if not ready_line:
            ready_line = _has_ready_line(_read_from(server.log_path, offset), server.port)
        if ready_line and _connects(server.host, server.port):
            return
        if time.monotonic() > deadline:
            raise StoreError(
                f"Neo4j did not answer on {server.uri} within {timeout:.0f} s; see {server.log_path}"
            )
        time.sleep(0.25)


def _read_from(log_file: Path, offset: int) -> str:
    try:
        with open(log_file, "rb") as f:
            f.seek(offset)
            return f.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _has_ready_line(text: str, port: int) -> bool:
    """True if `text` holds the launcher's ready line for `port`."""
    for line in text.splitlines():
        if line.startswith(READY):
            words = line.split()
            if len(words) > 2 and words[2].endswith(f":{port}"):
                return True
    return False


def _death_message(server: RunningServer, code: int, offset: int = 0) -> str:
    tail = ""
    lines = _read_from(server.log_path, offset).splitlines()
    for line in reversed(lines):
        if line.startswith(ERROR):
            tail = line[len(ERROR):].strip()
            break
    if not tail:
        tail = next((ln.strip() for ln in reversed(lines) if ln.strip()), "no output")
    if "Address already in use" in tail or "already in use" in tail:
        return (
            f"port {server.port} on {server.host} is already in use (another Neo4j?): stop it "
            f"or pick another port with --port (log {server.log_path})"
        )
    return f"the Neo4j server died while starting (exit {code}): {tail[:300]} (log {server.log_path})"


def stop(server: RunningServer, timeout: float = 90) -> None:
    """Stop `server` (SIGTERM, so the store closes cleanly; SIGKILL after `timeout` s)."""
    proc = server._process
    if proc is not None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                log.warning("Neo4j (pid %d) did not stop in %.0f s: killing it", proc.pid, timeout)
                _kill(proc)
        _close_stdin(server)
    elif _is_launcher(server.pid):
        os.kill(server.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _is_launcher(server.pid) and time.monotonic() < deadline:
            time.sleep(0.25)
        if _is_launcher(server.pid):
            log.warning("Neo4j (pid %d) did not stop in %.0f s: killing it", server.pid, timeout)
            os.kill(server.pid, signal.SIGKILL)
    _cleanup(server.work_dir)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass


def _close_stdin(server: RunningServer) -> None:
    if server._stdin is not None:
        try:
            server._stdin.close()
        except OSError:
            pass
        server._stdin = None


def _cleanup(work_dir: Path | None) -> None:
    if work_dir is not None and work_dir.exists():
        shutil.rmtree(work_dir, ignore_errors=True)


def _is_launcher(pid: int) -> bool:
    """True if `pid` is alive and is a JVM running our Launcher (not a reused pid)."""
    if pid <= 0:
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return False
        return True  # no /proc (not Linux): trust the pid
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        if stat.rsplit(")", 1)[1].split()[0] == "Z":
            return False
    except (OSError, IndexError):
        pass
    return b"Launcher" in cmdline and b"java" in cmdline


# -- the generated password ---------------------------------------------------------------


def password_file(version: str = DEFAULT_VERSION) -> Path:
    """Where kg keeps the password it generated for the local server (mode 0600)."""
    return cache_home(version).parent / "neo4j-password"


def stored_password(version: str = DEFAULT_VERSION, *, create: bool = False) -> str | None:
    """The local server's password from :func:`password_file`; with ``create`` a new random
    one is generated and stored first when there is none. The file is written atomically,
    readable by its owner only, and the password is never printed or logged."""
    import secrets

    from kg.atomic import Staging

    path = password_file(version)
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        text = ""
    except OSError as exc:
        raise StoreError(f"cannot read the Neo4j password file {path}: {exc.strerror or exc}") from exc
    if text or not create:
        return text or None
    password = secrets.token_urlsafe(18)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with Staging() as stage:
            f = stage.open(path, "w", encoding="utf-8")
            os.fchmod(f.fileno(), 0o600)
            f.write(password + "\n")
    except OSError as exc:
        raise StoreError(f"cannot store the Neo4j password in {path}: {exc.strerror or exc}") from exc
    return password


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# -- a pid file for servers started in the background -----------------------------------


def state_file(version: str = DEFAULT_VERSION) -> Path:
    """Where `kg server start --background` records the server: next to the jars."""
    return cache_home(version).parent / "neo4j-server.json"


def write_state(server: RunningServer, path: Path | None = None) -> Path:
    from kg.atomic import write_text

    path = path or state_file(server.version)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(server.state(), indent=2) + "\n")
    return path


def read_state(path: Path | None = None) -> RunningServer | None:
    """The server a state file records, or None when there is no file."""
    path = path or state_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read the server state file {path}: {exc}; delete it") from exc
    return RunningServer(
        pid=int(data["pid"]),
        host=data["host"],
        port=int(data["port"]),
        log_path=Path(data["log"]),
        version=data.get("version", DEFAULT_VERSION),
        data_dir=Path(data["data_dir"]) if data.get("data_dir") else None,
        work_dir=Path(data["work_dir"]) if data.get("work_dir") else None,
        auth=bool(data.get("auth")),
        started_seconds=float(data.get("started_seconds", 0.0)),
    )
