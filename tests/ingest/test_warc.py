"""WARC files written with warcio: article records, skipped records, offsets, damaged files."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.ingest.samples import ENGLISH, FRENCH, collect, page

BODY = ENGLISH + "\n\nResidents said the fighting lasted for several hours before reinforcements arrived."
CRAWLED = "2021-11-05T12:00:00Z"


def _response(writer: WARCWriter, url: str, status: str, content_type: str, payload: bytes) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(payload), http_headers=http, warc_headers_dict={"WARC-Date": CRAWLED}
    )
    writer.write_record(record)


def _plain(writer: WARCWriter, url: str, rec_type: str, content_type: str, payload: bytes) -> None:
    record = writer.create_warc_record(
        url,
        rec_type,
        payload=BytesIO(payload),
        warc_content_type=content_type,
        warc_headers_dict={"WARC-Date": CRAWLED},
    )
    writer.write_record(record)


def write_warc(path: Path, *, gzip: bool) -> None:
    """A small crawl: two pages, an image, a redirect, a 404, a request and two text records."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "sitrep tests"}))
        dated = page("Kunduz attack", BODY, date="2021-11-01", site="Example News")
        request = writer.create_warc_record(
            "https://example.org/kunduz",
            "request",
            payload=BytesIO(b"GET /kunduz HTTP/1.1\r\nHost: example.org\r\n\r\n"),
        )
        writer.write_record(request)
        _response(writer, "https://example.org/kunduz", "200 OK", "text/html; charset=utf-8", dated.encode())
        _response(writer, "https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
        _response(writer, "https://example.org/old", "301 Moved Permanently", "text/html", b"<a href='/new'>moved</a>")
        _response(writer, "https://example.org/gone", "404 Not Found", "text/html", b"<p>not found</p>")
        undated = page("Attaque", FRENCH + "\n\n" + FRENCH, charset="iso-8859-1")
        _response(
            writer, "https://example.fr/attaque", "200 OK", "text/html; charset=iso-8859-1", undated.encode("latin-1")
        )
        _plain(writer, "urn:text:1", "resource", "text/plain", f"Plain headline\n\n{ENGLISH}".encode())
        _plain(writer, "urn:text:2", "conversion", "text/plain; charset=utf-8", BODY.encode())
        _response(
            writer, "https://example.org/robots.txt", "200 OK", "text/plain", b"User-agent: *\nDisallow: /private\n"
        )


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_articles_and_skips(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(path, gzip=name.endswith(".gz"))
    articles, failures = collect(path)
    assert [a.url for a in articles] == [
        "https://example.org/kunduz",
        "https://example.fr/attaque",
        "urn:text:1",
        "urn:text:2",
    ]
    kunduz, french, resource, conversion = articles
    assert "killing three officers" in kunduz.text and "Home" not in kunduz.text
    assert kunduz.title == "Kunduz attack" and kunduz.source == "Example News"
    assert kunduz.published == "2021-11-01" and kunduz.published_source == "metadata"
    assert french.language == "fr" and french.title == "Attaque"
    assert french.published == "2021-11-05T12:00:00+00:00" and french.published_source == "inferred"  # crawl date
    assert resource.title == "Plain headline" and resource.text.endswith(ENGLISH)
    assert conversion.text == BODY
    assert all(a.provenance.format == "warc" and a.provenance.path == str(path) for a in articles)
    assert [(f.code, f.kind) for f in failures] == [("E113", "skipped")] * 4
    assert "response payload is text/plain" in failures[3].message  # robots.txt is not an article
    assert ["image/png" in failures[0].message, "301" in failures[1].message, "404" in failures[2].message] == [
        True
    ] * 3
    assert all(x.ref == f"{path}@{x.provenance.offset}" for x in articles)


@pytest.mark.parametrize("gzip", [True, False])
def test_warc_offsets_lead_back_to_the_record(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gzip=gzip)
    articles, _ = collect(path)
    offsets = [a.provenance.offset for a in articles]
    assert offsets == sorted(set(offsets)) and offsets[0] > 0
    with path.open("rb") as stream:
        for article in articles:
            stream.seek(article.provenance.offset)
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_headers.get_header("WARC-Target-URI") == article.url


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, gzip=True)
    articles, _ = collect(whole)
    last = articles[-1].provenance.offset
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[: last + 40])  # into the middle of the last record
    cut_articles, failures = collect(cut)
    assert [a.url for a in cut_articles] == [a.url for a in articles[:-1]]
    assert failures[-1].code == "E112" and failures[-1].ref == str(cut)


def test_not_a_warc_fails(tmp_path: Path) -> None:
    (tmp_path / "fake.warc").write_text("this is not a web archive\n" * 5, encoding="utf-8")
    articles, (fail,) = collect(tmp_path / "fake.warc")
    assert articles == [] and fail.code == "E112"


def test_warc_sniffed_without_extension(tmp_path: Path) -> None:
    write_warc(tmp_path / "crawl", gzip=True)
    articles, _ = collect(tmp_path / "crawl")
    assert len(articles) == 4
