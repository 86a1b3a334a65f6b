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
from sitrep.ingest.decode import SNIFF_BYTES, DecodeError, binary_kind, decode, parse_content_type
from sitrep.ingest.html import read_html
from sitrep.ingest.published import INFERRED, normalise
from sitrep.ingest.text import read_text

ARTICLE_RECORDS = frozenset({"response", "resource", "conversion"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
MAX_RECORD_BYTES = 20_000_000  # a news page is well under a megabyte; bigger payloads are media or dumps
MAX_TRAILING_BYTES = 4  # a writer may leave off the final CRLF CRLF; more left over is a cut-off record
_BROKEN = (ArchiveLoadFailed, zlib.error, EOFError, ValueError)
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # zlib reads a gzip header with this window size


def read_warc(path: Path, *, ref: str, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article | Failure]:
    """Read the article records of a WARC file.

    A damaged file (not a WARC, a record cut short, bytes after the last whole record) ends
    the reading with an E112 failure; the records before the damage still come out.
    """
    with path.open("rb") as stream:
        if not looks_like_warc(stream.read(SNIFF_BYTES)):
            yield failure("E112", ref=ref, reason="it does not start with a WARC/1.x record header")
            return
        stream.seek(0)
        records = ArchiveIterator(stream)
        end = 0
        try:
            for record in records:
                payload = record.content_stream().read(MAX_RECORD_BYTES + 1)
                offset = records.get_record_offset()  # only after the read: it skips to the record's end
                end = offset + records.get_record_length()
                if _cut_short(record):
                    yield failure("E112", ref=ref, reason=f"the record at byte {offset} is cut short")
                    return
                if record.rec_type in ARTICLE_RECORDS:
                    yield _record_article(
                        record, payload, path=str(path), ref=f"{ref}@{offset}", offset=offset, max_chars=max_chars
                    )
        except _BROKEN as err:
            yield failure("E112", ref=ref, reason=str(err) or type(err).__name__)
            return
    size = path.stat().st_size
    if size - end > MAX_TRAILING_BYTES:
        yield failure("E112", ref=ref, reason=f"{size - end} bytes after byte {end} are not a whole record")


def looks_like_warc(head: bytes) -> bool:
    """True if `head`, the first bytes of a file, open a WARC record (plain or gzipped)."""
    if head.startswith(b"\x1f\x8b"):
        try:  # a decompressor object, unlike gzip.decompress, accepts the cut-off head of a stream
            head = zlib.decompressobj(_GZIP_WBITS).decompress(head)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _cut_short(record: Any) -> bool:
    """True if the record ends before its Content-Length, or its header before that length.

    warcio reads a cut-off record without complaint, as if the file had been whole.
    """
    if record.length is None:  # Content-Length is mandatory: the header itself was cut
        return True
    stream = record.raw_stream
    while stream is not None:
        limit = getattr(stream, "limit", None)
        if limit is not None:
            return limit > 0
        stream = getattr(stream, "stream", None)
    return False


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
    if not payload.strip():  # a HEAD answer or a 204 in a crawl is not broken input
        return failure("E102", ref=ref, kind=SKIPPED)
    kind = _payload_kind(record.rec_type, media, payload)
    if kind is None:
        what = media or "binary data"
        return failure("E113", ref=ref, reason=f"the {record.rec_type} payload is {what}", kind=SKIPPED)
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


def _payload_kind(rec_type: str, media: str, payload: bytes) -> str | None:
    """ "html", "text", or None for payloads that are not articles; sniffed when untyped.

    Plain-text *responses* are robots.txt files, feeds' text twins and the like, not articles:
    only resource and conversion records (text a tool extracted or stored) are read as text.
    """
    as_text = "text" if rec_type != "response" else None
    if media in HTML_TYPES:
        return "html"
    if media in TEXT_TYPES:
        return as_text
    if media or binary_kind(payload):
        return None
    head = payload[:1024].lstrip().lower()
    return "html" if head.startswith((b"<!doctype html", b"<html")) else as_text
