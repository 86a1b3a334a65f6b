"""The main job: read inputs, extract with an executor, write batches to the store.

Resumable by construction: each batch is written in one transaction, and articles whose content
hash is already stored are skipped, so a run killed at any point and started again finishes
with nothing lost and nothing doubled.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from sitrep.document import Document, content_id
from sitrep.errors import Errors
from sitrep.ingest import Article, Failure, is_supported, read_many

WRITE_BATCH = 32  # documents per store transaction: small enough that a kill loses little work
EXTRACT_CHUNK = 8  # articles handed to a worker at once, so its pipeline can batch model work


@dataclass(kw_only=True)
class JobOptions:
    db: Path
    workers: int = 1
    config: str | None = None
    max_chars: int | None = None
    progress: bool = True


@dataclass
class JobResult:
    run_id: str
    articles: int = 0  # newly stored
    already_stored: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    words: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.failed == 0


def run_job(sources: Iterable[str], options: JobOptions, executor=None) -> JobResult:
    """Run the main job over `sources` (files, directories, URLs) into the store at `options.db`.

    `executor` says where extraction runs (`sitrep.runner.local.LocalExecutor` by default,
    `sitrep.runner.ray.RayExecutor` on a Ray cluster); everything else is the same.
    """
    from sitrep.runner.local import LocalExecutor
    from sitrep.store import Store

    executor = executor or LocalExecutor(options.workers, options.config)

    sources = list(sources)
    with Store(options.db) as store:
        run_id = store.begin_run([str(s) for s in sources], {"workers": options.workers, "config": options.config})
        result = JobResult(run_id=run_id)
        started = time.perf_counter()
        todo = _triage(_read(sources, options), store, run_id, result)
        for batch in _batches(_extract(todo, executor, options, store, run_id, result), WRITE_BATCH):
            result.articles += store.write(batch, run_id)
        result.seconds = time.perf_counter() - started
        store.finish_run(run_id, _stats(result))
        result.summary = store.summary()
    return result


def _read(sources: list[str], options: JobOptions) -> Iterator[Article | Failure]:
    kwargs = {"max_chars": options.max_chars} if options.max_chars else {}
    yield from read_many(sources, **kwargs)


def _triage(items: Iterable[Article | Failure], store, run_id: str, result: JobResult) -> list[Article]:
    """Quarantine failures and non-English articles; drop articles already stored."""
    articles: list[Article] = []
    for item in items:
        if isinstance(item, Failure):
            _quarantine(store, run_id, result, item.ref, item.code, item.message, item.kind)
        elif not is_supported(item):
            message = Errors.E009.format(ref=item.ref, language=item.language)
            _quarantine(store, run_id, result, item.ref, "E009", message, "skipped")
        else:
            articles.append(item)
    ids = [content_id(a.text) for a in articles]
    seen = store.known(ids)  # stored by an earlier run, or met earlier in this one
    todo = []
    for article, doc_id in zip(articles, ids):
        if doc_id in seen:
            result.already_stored += 1
        else:
            seen.add(doc_id)
            todo.append(article)
    return todo


def _quarantine(store, run_id: str, result: JobResult, ref: str, code: str, message: str, kind: str) -> None:
    store.quarantine(ref, code, message, kind, run_id)
    if kind == "skipped":
        result.skipped += 1
    else:
        result.failed += 1
        result.failures.append({"ref": ref, "code": code, "message": message})


def _extract(articles: list[Article], executor, options: JobOptions, store, run_id: str, result: JobResult) -> Iterator[Document]:
    chunks = [articles[i:i + EXTRACT_CHUNK] for i in range(0, len(articles), EXTRACT_CHUNK)]
    bar = tqdm(total=len(articles), unit="article", disable=not options.progress, desc="extracting")
    for outcomes in executor.map(chunks):
        for outcome in outcomes:
            bar.update(1)
            if isinstance(outcome, Failure):
                _quarantine(store, run_id, result, outcome.ref, outcome.code, outcome.message, outcome.kind)
            else:
                result.words += len(outcome.text.split())
                yield outcome
    bar.close()


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _stats(result: JobResult) -> dict[str, Any]:
    return {"articles": result.articles, "already_stored": result.already_stored, "failed": result.failed,
            "skipped": result.skipped, "seconds": round(result.seconds, 3), "words": result.words}
