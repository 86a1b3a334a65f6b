"""Ingest: read articles from files, folders, feeds, pages, WARC archives and stdin.

``read(source)`` yields one `Article` per article found and one `Failure` per input (or part
of one) that gave none, so one bad file never stops a run. See docs/ingest.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from sitrep.ingest.article import ERROR, MAX_ARTICLE_CHARS, SKIPPED, Article, Failure
from sitrep.ingest.fetch import DEFAULT_TIMEOUT
from sitrep.ingest.sources import read_source

__all__ = [
    "ERROR",
    "MAX_ARTICLE_CHARS",
    "SKIPPED",
    "SUPPORTED_LANGUAGES",
    "Article",
    "Failure",
    "is_supported",
    "read",
    "read_many",
]

SUPPORTED_LANGUAGES = frozenset({"en"})  # the models and rules downstream are English only


def read(
    source: str | os.PathLike[str], *, max_chars: int = MAX_ARTICLE_CHARS, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[Article | Failure]:
    """Read the articles in `source`.

    Args:
        source: A file, a folder (walked recursively in name order, hidden files skipped), an
            http(s) URL of a feed or page, or "-" for plain text on standard input.
        max_chars: Longest text accepted as one article; longer ones fail with E108.
        timeout: Seconds to wait on a URL before it fails with E109.

    Yields:
        Articles, and failures for inputs that gave none (never an exception for bad input).
    """
    return read_source(source, max_chars=max_chars, timeout=timeout)


def read_many(
    sources: Iterable[str | os.PathLike[str]], *, max_chars: int = MAX_ARTICLE_CHARS, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[Article | Failure]:
    """Read each of `sources` in turn, as `read` does."""
    for source in sources:
        yield from read(source, max_chars=max_chars, timeout=timeout)


def is_supported(article: Article) -> bool:
    """True if the pipeline can analyse the article's language (English only for now)."""
    return article.language in SUPPORTED_LANGUAGES
