"""A local Neo4j 5 Community server from Maven Central jars (no Docker, no tarball).

    from kg.neo4jserver import fetch, start
    lib = fetch()                      # once: mvn copies the jars to ~/.cache/kg/neo4j-5.26.30/lib
    with start(password="secret") as server:   # Bolt on 127.0.0.1:<free port>, auth on
        print(server.uri)              # bolt://127.0.0.1:PORT, user "neo4j"

Launcher.java (run by Java's single-file source launcher) builds the server with
neo4j-harness (throw-away store) or DatabaseManagementServiceBuilder (persistent store,
``data_dir=``) on the same jars. Nothing here imports the neo4j driver.
"""

from kg.neo4jserver.jars import DEFAULT_VERSION, cache_home, fetch, fetched_lib, render_pom
from kg.neo4jserver.process import (
    RunningServer,
    find_java,
    free_port,
    is_loopback,
    password_file,
    read_state,
    start,
    state_file,
    stop,
    stored_password,
    write_state,
)

__all__ = [
    "DEFAULT_VERSION",
    "RunningServer",
    "cache_home",
    "fetch",
    "fetched_lib",
    "find_java",
    "free_port",
    "is_loopback",
    "password_file",
    "read_state",
    "render_pom",
    "start",
    "state_file",
    "stop",
    "stored_password",
    "write_state",
]
