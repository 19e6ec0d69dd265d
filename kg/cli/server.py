"""`kg server …`: a local Neo4j 5 Community server from Maven Central jars (no Docker)."""

from __future__ import annotations

import signal
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.app import app, fail

server_app = typer.Typer(
    name="server",
    help=(
        "A local Neo4j 5.26 Community server from Maven Central jars (needs Java 17 and mvn). "
        "`kg server fetch` once, then `kg server start`."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(server_app, name="server")

_VERSION_HELP = "Neo4j version (a 5.26.x release on Maven Central)."


def _version_default() -> str:
    from kg.neo4jserver import DEFAULT_VERSION

    return DEFAULT_VERSION


def _err(message: str) -> None:
    print(message, file=sys.stderr)


@server_app.command("fetch")
def fetch_command(
    version: Annotated[str | None, typer.Option("--version", help=_VERSION_HELP)] = None,
) -> None:
    """Download the Neo4j jars with Maven into ~/.cache/kg/neo4j-VERSION/lib (or $KG_NEO4J_HOME)."""
    from kg.neo4jserver import fetch

    began = time.monotonic()
    lib = fetch(version or _version_default())
    print(lib)
    _err(f"kg: Neo4j jars ready in {lib} ({time.monotonic() - began:.1f} s)")


@server_app.command("start")
def start_command(
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Bolt port on the host (0 = a free one).")] = 7687,
    data: Annotated[
        Path | None,
        typer.Option("--data", file_okay=False, help="Keep the store in this directory (default: throw-away)."),
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            envvar="NEO4J_PASSWORD",
            show_envvar=True,
            help="Password of user neo4j (at least 8 characters); without it kg generates one and "
                 "keeps it in a file only you can read (`kg server password` prints it).",
        ),
    ] = None,
    no_auth: Annotated[bool, typer.Option(
        "--no-auth", help="Turn authentication off (refused on an address other machines can reach).")] = False,
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    background: Annotated[
        bool, typer.Option("--background", help="Start, record the pid, and return (stop with `kg server stop`).")
    ] = False,
    pagecache_mb: Annotated[int, typer.Option("--pagecache-mb", min=16, help="Page cache size in MiB.")] = 256,
    heap: Annotated[str, typer.Option("--heap", help="JVM heap (-Xmx), e.g. 1g.")] = "1g",
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Seconds to wait for it to answer.")] = 120,
    quick_start: Annotated[
        bool | None,
        typer.Option("--quick-start/--full-jit", show_default=False,
                     help="C1-only JVM: starts on half the CPU, long queries slower "
                          "(default: quick for a throw-away store, full JIT with --data)."),
    ] = None,
    version: Annotated[str | None, typer.Option("--version", help=_VERSION_HELP)] = None,
) -> None:
    """Start Neo4j with Bolt on HOST:PORT; in the foreground Ctrl-C stops it.

    Prints the Bolt URI on stdout once the server answers. Fetches the jars first if needed.
    """
    from kg.neo4jserver import is_loopback, password_file, read_state, start, state_file, stored_password, write_state

    version = version or _version_default()
    if no_auth and password:
        fail("give either --password or --no-auth, not both")
    if no_auth and not is_loopback(host):
        fail(f"--no-auth on {host} would let anyone who reaches it read and change the database; "
             "keep auth on (the default) or listen on 127.0.0.1")
    if not no_auth and not password:
        password = stored_password(version, create=True)
    recorded = read_state(state_file(version))
    if recorded is not None and recorded.alive():
        fail(f"a Neo4j server started by kg already runs at {recorded.uri} (pid {recorded.pid}); "
             "stop it with `kg server stop`")
    server = start(
        port=port,
        password=password,
        data_dir=data,
        version=version,
        host=host,
        pagecache_mb=pagecache_mb,
        heap=heap,
        timeout=timeout,
        detach=background,
        quick_start=quick_start,
    )
    if not server.auth:
        auth = "auth off"
    elif password == stored_password(version):
        auth = f"user neo4j, password in {password_file(version)}; `kg server password` prints it"
    else:
        auth = "user neo4j, password as given"
    store = f"store {server.data_dir}" if server.data_dir else "throw-away store"
    print(server.uri, flush=True)
    _err(f"kg: Neo4j {server.version} ready at {server.uri} in {server.started_seconds:.1f} s "
         f"({auth}; {store}; pid {server.pid}; log {server.log_path})")
    if background:
        path = write_state(server, state_file(version))
        _err(f"kg: running in the background; `kg server stop` stops it (state {path})")
        return
    write_state(server, state_file(version))
    _err("kg: press Ctrl-C to stop")
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        while server.alive():
            time.sleep(0.5)
        fail(f"the Neo4j server exited on its own; see {server.log_path}")
    except KeyboardInterrupt:
        _err("kg: stopping Neo4j …")
        server.stop()
        _err("kg: stopped")
    finally:
        if server.alive():
            server.stop()
        _forget(state_file(version), server.pid)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _forget(path: Path, pid: int) -> None:
    from kg.neo4jserver import read_state

    try:
        recorded = read_state(path)
    except Exception:  # noqa: BLE001 - a broken state file is simply removed
        recorded = None
    if recorded is None or recorded.pid == pid:
        path.unlink(missing_ok=True)


@server_app.command("password")
def password_command(
    version: Annotated[str | None, typer.Option("--version", help=_VERSION_HELP)] = None,
) -> None:
    """Print the password kg generated for the local server (user neo4j) on stdout.

    `kg load` and `kg cypher` use it by themselves for a server on this machine.
    """
    from kg.neo4jserver import password_file, stored_password

    version = version or _version_default()
    password = stored_password(version)
    if password is None:
        fail(f"no password generated yet ({password_file(version)} does not exist): "
             "`kg server start` makes one")
    print(password)


@server_app.command("stop")
def stop_command(
    version: Annotated[str | None, typer.Option("--version", help=_VERSION_HELP)] = None,
) -> None:
    """Stop the server `kg server start --background` started."""
    from kg.neo4jserver import read_state, state_file

    path = state_file(version or _version_default())
    server = read_state(path)
    if server is None:
        fail(f"no Neo4j server started by kg is recorded ({path} does not exist)")
    if not server.alive():
        path.unlink(missing_ok=True)
        _err(f"kg: the server recorded in {path} (pid {server.pid}) was not running; record removed")
        return
    server.stop()
    path.unlink(missing_ok=True)
    _err(f"kg: stopped Neo4j at {server.uri} (pid {server.pid})")


@server_app.command("status")
def status_command(
    version: Annotated[str | None, typer.Option("--version", help=_VERSION_HELP)] = None,
) -> None:
    """Say whether a server started by kg runs, where, and how much memory it holds.

    Exit 0 when it runs, 3 when none runs.
    """
    from kg.neo4jserver import cache_home, fetched_lib, read_state, state_file

    version = version or _version_default()
    lib = fetched_lib(version)
    print(f"jars: {lib if lib else f'not fetched (expected in {cache_home(version)}/lib)'}")
    server = read_state(state_file(version))
    if server is None or not server.alive():
        print("server: not running")
        raise typer.Exit(3)
    rss = server.rss_bytes()
    mem = f", {rss / 2**20:.0f} MiB resident" if rss else ""
    store = str(server.data_dir) if server.data_dir else "throw-away"
    print(f"server: running at {server.uri} (pid {server.pid}{mem}; store {store}; "
          f"auth {'on' if server.auth else 'off'}; log {server.log_path})")


__all__ = ["server_app"]
