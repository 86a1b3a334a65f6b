"""Feeds and pages read from an http(s) address with urllib, always with a timeout.

The answer is read as a feed when its content type or its first bytes say so, as JSON or
plain text when typed so, and otherwise as an HTML page.
"""

from __future__ import annotations

import gzip
import http.client
import socket
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator

import sitrep
from sitrep.document import Provenance
from sitrep.ingest.article import MAX_ARTICLE_CHARS, Article, Failure, failure, unusable_bytes
from sitrep.ingest.decode import DecodeError, decode, parse_content_type
from sitrep.ingest.feeds import looks_like_feed, read_feed
from sitrep.ingest.html import read_html
from sitrep.ingest.records import read_json
from sitrep.ingest.text import read_text

DEFAULT_TIMEOUT = 20.0  # seconds; a news site that has not answered by then is down for our purposes
MAX_FETCH_BYTES = 20_000_000  # a page or feed is well under a few MB; more is a dump or a wrong address
USER_AGENT = f"sitrep/{sitrep.__version__} (news ingest; python-urllib)"
_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5"


def is_url(source: object) -> bool:
    """True for an http or https address."""
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def read_url(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[Article | Failure]:
    """Fetch `url` and read the feed, page or text it answers with.

    Args:
        url: An http(s) address.
        timeout: Seconds to wait for the connection and for each read.
        max_chars: Longest text accepted as one article.

    Yields:
        Articles and failures; one E109/E110 failure when the address cannot be fetched.
    """
    fetched = _fetch(url, timeout)
    if isinstance(fetched, Failure):
        yield fetched
        return
    data, content_type, final_url = fetched
    yield from _read_answer(data, content_type, url=url, final_url=final_url, max_chars=max_chars)


def _fetch(url: str, timeout: float) -> tuple[bytes, str | None, str] | Failure:
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_FETCH_BYTES + 1)
            content_type = response.headers.get("Content-Type")
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
            final_url = response.geturl()
    except urllib.error.HTTPError as err:
        return failure("E110", ref=url, status=err.code, reason=err.reason)
    except urllib.error.URLError as err:
        return failure("E109", ref=url, reason=_reason(err.reason, timeout))
    except TimeoutError as err:  # socket.timeout is TimeoutError since Python 3.10
        return failure("E109", ref=url, reason=_reason(err, timeout))
    except (http.client.HTTPException, OSError, ValueError) as err:  # bad status line, reset, bad address
        return failure("E109", ref=url, reason=_reason(err, timeout))
    if len(data) > MAX_FETCH_BYTES:
        return failure("E116", ref=url, limit=MAX_FETCH_BYTES)
    try:
        data = _decompressed(data, encoding)
    except (OSError, EOFError, zlib.error) as err:
        return failure("E104", ref=url, reason=f"its {encoding} content encoding is broken: {err}")
    return data, content_type, final_url


def _decompressed(data: bytes, encoding: str) -> bytes:
    """Undo a gzip/deflate Content-Encoding, which some servers send though urllib never asks for it."""
    if encoding in ("gzip", "x-gzip"):
        return gzip.decompress(data)
    if encoding == "deflate":
        try:
            return zlib.decompress(data)
        except zlib.error:  # servers disagree on whether "deflate" has a zlib header
            return zlib.decompress(data, -zlib.MAX_WBITS)
    return data


def _reason(err: object, timeout: float) -> str:
    if isinstance(err, TimeoutError):
        return f"no answer within {timeout:g} s"
    if isinstance(err, socket.gaierror):
        return f"the host name could not be resolved: {err}"
    if isinstance(err, ConnectionRefusedError):
        return "connection refused"
    return str(err) or type(err).__name__


def _read_answer(
    data: bytes, content_type: str | None, *, url: str, final_url: str, max_chars: int
) -> Iterator[Article | Failure]:
    media, charset = parse_content_type(content_type)
    unusable = unusable_bytes(data, url)
    if unusable:
        yield unusable
        return
    if looks_like_feed(data, media):
        yield from read_feed(data, ref=url, url=final_url, content_type=content_type, max_chars=max_chars)
        return
    try:
        text = decode(data, declared=charset)
    except DecodeError as err:
        yield failure("E104", ref=url, reason=str(err))
        return
    provenance = Provenance(url=final_url, format=_format_of(media))
    if media == "application/json":
        yield from read_json(text, path=None, ref=url, max_chars=max_chars)
    elif media == "text/plain":
        yield read_text(text, ref=url, provenance=provenance, max_chars=max_chars, url=final_url)
    else:
        yield read_html(text, ref=url, provenance=provenance, url=final_url, max_chars=max_chars)


def _format_of(media: str) -> str:
    return {"application/json": "json", "text/plain": "text"}.get(media, "html")
