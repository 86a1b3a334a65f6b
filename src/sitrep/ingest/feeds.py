"""RSS and Atom feeds: one article per entry, from its content or else its summary.

feedparser reads RSS 0.9x/1.0/2.0 and Atom, recovers from most malformed XML and gives entry
dates in UTC. The entry text is an HTML fragment, stripped of tags with its paragraph breaks
kept. Linked pages are not fetched: an entry gives only what the feed carries.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from sitrep.document import Provenance
from sitrep.ingest.article import MAX_ARTICLE_CHARS, SKIPPED, Article, Failure, failure, make_article
from sitrep.ingest.html import fragment_text
from sitrep.ingest.published import METADATA, normalise

FEED_SNIFF_BYTES = 4096  # a feed's root element comes right after the XML declaration, comments, stylesheet PIs
_FEED_CONTENT_TYPES = ("rss", "atom", "rdf")
# The root element, after an optional BOM, XML declaration, processing instructions, comments and doctype:
# "<rss" further down a page (a <link> to a feed, an embedded snippet) does not make it a feed.
_FEED_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """True if a content type or the head of `data` says it is an RSS/Atom feed."""
    if content_type and any(kind in content_type.lower() for kind in _FEED_CONTENT_TYPES):
        return True
    return _FEED_ROOT.match(data[:FEED_SNIFF_BYTES]) is not None


def read_feed(
    data: bytes,
    *,
    ref: str,
    path: str | None = None,
    url: str | None = None,
    content_type: str | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[Article | Failure]:
    """Read the entries of a feed.

    Args:
        data: The feed's bytes; feedparser honours their XML encoding declaration.
        ref: Reference to the feed; entries get ``ref#INDEX`` (index from 0).
        path: File the feed was read from, for provenance.
        url: Address the feed was fetched from, for provenance and relative links.
        content_type: The HTTP ``Content-Type`` it came with, whose charset feedparser honours.
        max_chars: Longest text accepted as one article.

    Yields:
        An article or a failure per entry; a single E111 failure if there is no feed.
    """
    headers = {name: value for name, value in (("content-location", url), ("content-type", content_type)) if value}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not parsed.entries:
        if parsed.get("version"):
            yield failure("E111", ref=ref, reason="the feed is valid but empty", kind=SKIPPED)
        else:
            reason = f"not a feed: {parsed.get('bozo_exception') or 'no RSS or Atom root element'}"
            yield failure("E111", ref=ref, reason=reason)
        return
    outlet = parsed.feed.get("title") or None
    for index, entry in enumerate(parsed.entries):
        provenance = Provenance(path=path, offset=index, url=entry.get("link") or url, format="feed")
        yield _entry_article(entry, ref=f"{ref}#{index}", provenance=provenance, outlet=outlet, max_chars=max_chars)


def _entry_article(
    entry: Any, *, ref: str, provenance: Provenance, outlet: str | None, max_chars: int
) -> Article | Failure:
    text = _entry_text(entry)
    if not text:
        return failure("E107", ref=ref, reason="the entry has neither content nor a summary")
    published = normalise(entry.get("published_parsed") or entry.get("updated_parsed"))
    return make_article(
        text,
        ref=ref,
        provenance=provenance,
        max_chars=max_chars,
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        published=published,
        published_source=METADATA if published else None,
        source=outlet,
        record_id=entry.get("id") or None,
    )


def _entry_text(entry: Any) -> str:
    """The entry's longest content, else its summary, as plain text."""
    candidates = [c for c in entry.get("content", []) if c.get("value")]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
        value, kind = best["value"], best.get("type", "text/html")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary", ""), detail.get("type", "text/html")
    if kind == "text/plain":
        return value.strip()
    return fragment_text(value)
