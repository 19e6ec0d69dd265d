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


def serve(config, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning") -> None:
    """Run the server in the foreground until interrupted (uvicorn)."""
    import uvicorn

    from kg.serve.app import create_app

    uvicorn.run(create_app(config), host=host, port=port, log_level=log_level,
                proxy_headers=True, forwarded_allow_ips="127.0.0.1")
