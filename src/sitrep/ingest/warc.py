"""WARC files (plain or gzipped per record): one article per HTML or text record.

``response`` records with a 2xx status and an HTML payload go through trafilatura;
``resource`` and ``conversion`` records with ``text/plain`` are read as plain text (HTML
resources as pages). Requests, metadata and warcinfo records are not articles and are passed
over in silence; responses that cannot be articles (images, redirects, errors) come out as
skipped failures, so every response is accounted for. Each record's ref is ``path@OFFSET``,
its byte offset in the file, from which ``warcio.ArchiveIterator`` can read it again.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.document import Provenance
from sitrep.ingest.article import MAX_ARTICLE_CHARS, SKIPPED, Article, Failure, failure
from sitrep.ingest.decode import DecodeError, binary_kind, decode, parse_content_type
from sitrep.ingest.html import read_html
from sitrep.ingest.published import INFERRED, normalise
from sitrep.ingest.text import read_text

ARTICLE_RECORDS = frozenset({"response", "resource", "conversion"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
MAX_RECORD_BYTES = 20_000_000  # a news page is well under a megabyte; bigger payloads are media or dumps
_BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, ValueError)


def read_warc(path: Path, *, ref: str, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article | Failure]:
    """Read the article records of a WARC file.

    A damaged file (truncated gzip member, a record without a WARC header) ends the reading
    with an E112 failure; the records before the damage still come out.
    """
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                if record.rec_type not in ARTICLE_RECORDS:
                    continue
                payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
                offset = records.get_record_offset()  # only after the read: it skips to the record's end
                yield _record_article(
                    record, payload, path=str(path), ref=f"{ref}@{offset}", offset=offset, max_chars=max_chars
                )
        except _BROKEN as err:
            yield failure("E112", ref=ref, reason=str(err) or type(err).__name__)


def _record_article(
    record: Any, payload: bytes, *, path: str, ref: str, offset: int, max_chars: int
) -> Article | Failure:
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        if record.http_headers is None:
            return failure("E113", ref=ref, reason="the response has no HTTP headers", kind=SKIPPED)
        status = record.http_headers.get_statuscode()
        if not str(status).startswith("2"):
            return failure("E113", ref=ref, reason=f"HTTP status {status}", kind=SKIPPED)
        content_type = record.http_headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    media, charset = parse_content_type(content_type)
    if len(payload) > MAX_RECORD_BYTES:
        return failure("E116", ref=ref, limit=MAX_RECORD_BYTES)
    if not payload.strip():
        return failure("E102", ref=ref)
    kind = _payload_kind(media, payload)
    if kind is None:
        return failure("E113", ref=ref, reason=f"the payload is {media or 'binary data'}, not HTML or text", kind=SKIPPED)
    try:
        text = decode(payload, declared=charset)
    except DecodeError as err:
        return failure("E104", ref=ref, reason=str(err))
    provenance = Provenance(path=path, offset=offset, url=url, format="warc")
    # WARC-Date is when the page was crawled: a stand-in for the publication date, used only
    # when the page itself names none, and marked as inferred.
    crawled = normalise(record.rec_headers.get_header("WARC-Date"))
    fallback = {"published": crawled, "published_source": INFERRED if crawled else None}
    if kind == "html":
        return read_html(text, ref=ref, provenance=provenance, url=url, max_chars=max_chars, **fallback)
    return read_text(text, ref=ref, provenance=provenance, max_chars=max_chars, url=url, **fallback)


def _payload_kind(media: str, payload: bytes) -> str | None:
    """"html", "text", or None for payloads that are not articles; sniffed when untyped."""
    if media in HTML_TYPES:
        return "html"
    if media in TEXT_TYPES:
        return "text"
    if media or binary_kind(payload):
        return None
    head = payload[:1024].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else "text"
