"""Shared helpers for the ingest tests: every fixture writes real files into a tmp dir."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.ingest import Article, Failure, read

ENGLISH = (
    "Fighters attacked a police checkpoint in Kunduz province on Sunday, killing three officers, "
    "a provincial spokesman said. The Taliban denied any involvement in the attack."
)
FRENCH = (
    "Des combattants ont attaqué dimanche un poste de police dans la province de Kunduz, tuant trois "
    "policiers, a déclaré un porte-parole provincial. Les talibans ont nié toute implication."
)
GERMAN = (
    "Kämpfer haben am Sonntag einen Polizeiposten in der Provinz Kunduz angegriffen und drei Polizisten "
    "getötet, sagte ein Sprecher der Provinz. Die Taliban bestritten jede Beteiligung an dem Angriff."
)


def collect(source, **kwargs) -> tuple[list[Article], list[Failure]]:
    """Read `source` fully and split what comes out into articles and failures."""
    items = list(read(source, **kwargs))
    articles = [x for x in items if isinstance(x, Article)]
    failures = [x for x in items if isinstance(x, Failure)]
    assert len(articles) + len(failures) == len(items)
    return articles, failures


def page(title: str, body: str, *, date: str | None = None, site: str | None = None, charset: str = "utf-8") -> str:
    """A small but complete news page with boilerplate around the article."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    meta += f'<meta property="og:site_name" content="{site}">' if site else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{meta}</head>'
        f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>Copyright 2021 Example Media. All rights reserved.</footer></body></html>"
    )


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture
def http_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    """A real HTTP server on 127.0.0.1 in a thread; tests fill its routes (path -> status, type, body)."""
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)  # a proxy from the environment must not see loopback
    routes: dict[str, tuple[int, str, bytes]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
