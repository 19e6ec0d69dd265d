"""``kg serve``: the graph on the web — a SPARQL 1.1 Protocol endpoint, IRIs that
dereference (Turtle, JSON-LD, HTML by content negotiation), pages that show each fact's
source sentence, and the VoID/DCAT description of what is served.

Modules: :mod:`engine` (queries in stoppable worker processes), :mod:`links` (paths ↔
IRIs, content negotiation), :mod:`pages` (what each HTML page shows), :mod:`library`
(query descriptions and parameters), :mod:`app` (the Starlette application).
"""

from __future__ import annotations

__all__ = ["ServeConfig", "create_app", "serve"]


def __getattr__(name: str):
    if name in ("ServeConfig", "create_app"):
        from kg.serve import app

        return getattr(app, name)
    raise AttributeError(name)


def serve(config, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning",
          announce=None) -> None:
    """Run the server in the foreground until interrupted (uvicorn). The socket is bound
    first, so a busy port is one clear error; ``announce(port)`` is called once bound
    (port 0 picks a free one)."""
    import socket

    import uvicorn

    from kg.errors import InputError
    from kg.serve.app import create_app

    try:
        sock = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    if announce is not None:
        announce(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(config), log_level=log_level, proxy_headers=True,
                                           forwarded_allow_ips="127.0.0.1"))
    server.run(sockets=[sock])
