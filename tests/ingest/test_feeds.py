"""RSS and Atom feeds, from files and from a real HTTP server on loopback; unreachable URLs."""

from __future__ import annotations

import socket
import time
from pathlib import Path

from tests.ingest.samples import ENGLISH, FRENCH, collect, page

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Example Wire</title><link>https://example.org/</link><description>News</description>
  <item>
    <title>Three officers killed in Kunduz</title>
    <link>https://example.org/kunduz</link>
    <guid>kunduz-1</guid>
    <pubDate>Mon, 01 Nov 2021 08:30:00 +0100</pubDate>
    <description>&lt;p&gt;{ENGLISH}&lt;/p&gt;&lt;p&gt;More to follow.&lt;/p&gt;</description>
  </item>
  <item><title>Empty item</title><link>https://example.org/empty</link></item>
  <item>
    <title>Attaque à Kunduz</title><link>https://example.org/fr</link>
    <description>{FRENCH}</description>
  </item>
</channel></rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Example</title><id>urn:example</id><updated>2021-11-02T00:00:00Z</updated>
  <entry>
    <title>Summary only</title><id>urn:1</id><link href="https://example.org/one"/>
    <updated>2021-11-02T10:00:00Z</updated>
    <summary>Short summary of a long report about clashes near Kunduz city on Monday.</summary>
  </entry>
  <entry>
    <title>Full content</title><id>urn:2</id><link href="https://example.org/two"/>
    <published>2021-11-01T09:00:00+02:00</published><updated>2021-11-03T00:00:00Z</updated>
    <summary>Teaser.</summary>
    <content type="html">&lt;p&gt;{ENGLISH}&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_rss_file(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, failures = collect(path)
    first, french = articles
    assert first.text == f"{ENGLISH}\n\nMore to follow."
    assert first.title == "Three officers killed in Kunduz" and first.url == "https://example.org/kunduz"
    assert first.published == "2021-11-01T07:30:00+00:00" and first.published_source == "metadata"
    assert first.source == "Example Wire" and first.record_id == "kunduz-1"
    assert (first.provenance.offset, first.provenance.format, first.provenance.path) == (0, "feed", str(path))
    assert first.ref == f"{path}#0" and french.ref == f"{path}#2"
    assert french.language == "fr" and french.published is None
    assert [(f.ref, f.code) for f in failures] == [(f"{path}#1", "E107")]


def test_atom_file(tmp_path: Path) -> None:
    (tmp_path / "feed.atom").write_text(ATOM, encoding="utf-8")
    (summary, full), failures = collect(tmp_path / "feed.atom")
    assert failures == []
    assert summary.text.startswith("Short summary") and summary.published == "2021-11-02T10:00:00+00:00"
    assert full.text == ENGLISH  # content wins over the summary
    assert full.published == "2021-11-01T07:00:00+00:00"  # published, not updated
    assert full.source == "Atom Example" and full.url == "https://example.org/two"


def test_xml_that_is_not_a_feed_fails(tmp_path: Path) -> None:
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>", encoding="utf-8")
    articles, (fail,) = collect(tmp_path / "data.xml")
    assert articles == [] and fail.code == "E111" and fail.kind == "error"


def test_feed_without_entries_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "quiet.rss").write_text(
        '<rss version="2.0"><channel><title>Quiet</title></channel></rss>', encoding="utf-8"
    )
    articles, (fail,) = collect(tmp_path / "quiet.rss")
    assert articles == [] and fail.code == "E111" and fail.kind == "skipped"


def test_feed_over_http(http_server) -> None:
    base, routes = http_server
    routes["/feed"] = (200, "application/rss+xml; charset=utf-8", RSS.encode("utf-8"))
    articles, failures = collect(f"{base}/feed", timeout=5)
    assert [a.title for a in articles] == ["Three officers killed in Kunduz", "Attaque à Kunduz"]
    assert articles[0].ref == f"{base}/feed#0" and articles[0].provenance.url == "https://example.org/kunduz"
    assert [f.code for f in failures] == ["E107"]


def test_feed_sniffed_over_http_with_generic_type(http_server) -> None:
    base, routes = http_server
    routes["/atom"] = (200, "text/xml", ATOM.encode("utf-8"))
    articles, _ = collect(f"{base}/atom", timeout=5)
    assert [a.source for a in articles] == ["Atom Example", "Atom Example"]


def test_page_and_text_over_http(http_server) -> None:
    base, routes = http_server
    body = ENGLISH + "\n\nResidents said the fighting lasted for several hours."
    routes["/story"] = (
        200,
        "text/html; charset=iso-8859-1",
        page("Café attack", body, charset="iso-8859-1").encode("latin-1"),
    )
    routes["/plain"] = (200, "text/plain; charset=utf-8", f"Headline\n\n{ENGLISH}".encode())
    (story,), _ = collect(f"{base}/story", timeout=5)
    assert story.title == "Café attack" and story.url == f"{base}/story" and story.provenance.format == "html"
    (plain,), _ = collect(f"{base}/plain", timeout=5)
    assert plain.title == "Headline" and plain.provenance.format == "text"


def test_http_error_fails(http_server) -> None:
    base, _ = http_server
    articles, (fail,) = collect(f"{base}/missing", timeout=5)
    assert articles == [] and fail.code == "E110" and "404" in fail.message and fail.ref == f"{base}/missing"


def test_binary_answer_fails(http_server) -> None:
    base, routes = http_server
    routes["/logo"] = (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    _, (fail,) = collect(f"{base}/logo", timeout=5)
    assert fail.code == "E103"


def test_unreachable_url_fails_fast() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    start = time.monotonic()
    articles, (fail,) = collect(f"http://127.0.0.1:{port}/feed", timeout=2)
    assert articles == [] and fail.code == "E109" and "refused" in fail.message
    assert time.monotonic() - start < 2


def test_url_timeout(http_server) -> None:
    with socket.socket() as silent:  # accepts connections (backlog) but never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        start = time.monotonic()
        _, (fail,) = collect(f"http://127.0.0.1:{silent.getsockname()[1]}/", timeout=0.3)
    assert fail.code == "E109" and "0.3 s" in fail.message
    assert time.monotonic() - start < 2


def test_malformed_urls_fail_without_network() -> None:
    for url in ("http://[::1", "http://", "https://exa mple.org/x"):
        articles, (fail,) = collect(url, timeout=1)
        assert articles == [] and fail.code == "E109" and fail.ref == url


def test_compressed_answers_are_decompressed(http_server) -> None:
    import gzip
    import zlib

    base, routes = http_server
    rss = RSS.encode("utf-8")
    routes["/gz"] = (200, "application/rss+xml", gzip.compress(rss), {"Content-Encoding": "gzip"})
    routes["/deflate"] = (200, "application/rss+xml", zlib.compress(rss), {"Content-Encoding": "deflate"})
    routes["/broken"] = (200, "text/html", b"\x1f\x8b\x08not really gzip", {"Content-Encoding": "gzip"})
    for path in ("/gz", "/deflate"):
        articles, _ = collect(f"{base}{path}", timeout=5)
        assert [a.title for a in articles] == ["Three officers killed in Kunduz", "Attaque à Kunduz"]
    _, (fail,) = collect(f"{base}/broken", timeout=5)
    assert fail.code == "E104" and "gzip" in fail.message


def test_feed_charset_from_http_header(http_server) -> None:
    base, routes = http_server
    russian = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Лента</title><item><title>Нападение в Кундузе'
        "</title><description>Боевики напали на полицейский блокпост в провинции Кундуз.</description></item>"
        "</channel></rss>"
    )
    routes["/koi8"] = (200, "application/rss+xml; charset=koi8-r", russian.encode("koi8-r"))  # only the header says
    (article,), _ = collect(f"{base}/koi8", timeout=5)
    assert article.title == "Нападение в Кундузе" and article.source == "Лента"
