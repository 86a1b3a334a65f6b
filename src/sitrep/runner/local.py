"""Extraction on this machine: in-process, or a pool of worker processes."""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Iterator
from typing import Any

from sitrep.document import Document
from sitrep.errors import Errors, SitrepError
from sitrep.ingest import Article, Failure


class LocalExecutor:
    """Runs `extract_chunk` over chunks in this process (workers=1) or in N spawned processes."""

    def __init__(self, workers: int = 1, config: str | None = None):
        self.workers = workers
        self.config = config

    def map(self, chunks: list[list[Article]]) -> Iterator[list[Document | Failure]]:
        if self.workers <= 1 or len(chunks) <= 1:
            init_worker(self.config)
            yield from map(extract_chunk, chunks)
            return
        # spawn, not fork: a forked child would inherit the parent's DuckDB connection and threads
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(self.workers, initializer=init_worker, initargs=(self.config,)) as pool:
            yield from pool.imap(extract_chunk, chunks)


_nlp = None
_load_error: str | None = None


def init_worker(config: str | None) -> None:
    """Load the pipeline once per process.

    A pool whose initializer raises restarts the worker forever, so a pipeline that cannot load
    is remembered here and reported by the first chunk, which stops the run with error E013.
    """
    global _nlp, _load_error
    from sitrep.extraction import default_pipeline

    try:
        _nlp = default_pipeline(config)
    except Exception as err:  # noqa: BLE001 - reported as E013 by extract_chunk
        _load_error = f"{type(err).__name__}: {err}"


def extract_chunk(articles: list[Article], nlp=None) -> list[Document | Failure]:
    """Extract a chunk of articles; if the batch fails, retry one by one so only the bad one fails."""
    from sitrep.extraction import extract_many

    nlp = nlp or _nlp
    if nlp is None:
        raise SitrepError(Errors.E013.format(error=_load_error))
    try:
        return list(extract_many([_item(a) for a in articles], nlp=nlp))
    except Exception:  # noqa: BLE001 - any stage error becomes a quarantine record, never a crash
        if len(articles) == 1:
            return [_failure(articles[0])]
        return [outcome for a in articles for outcome in extract_chunk([a], nlp)]


def _item(article: Article) -> tuple[str, dict[str, Any]]:
    return article.text, {
        "published": article.published, "published_source": article.published_source,
        "title": article.title, "url": article.url, "source": article.source,
        "language": article.language, "illustrative": article.illustrative,
        "provenance": article.provenance,
    }


def _failure(article: Article) -> Failure:
    last = traceback.format_exc(limit=-1).strip().splitlines()[-1]
    return Failure(ref=article.ref, code="E010", message=Errors.E010.format(ref=article.ref, error=last), kind="error")
