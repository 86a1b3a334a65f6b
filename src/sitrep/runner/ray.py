"""Extraction on a Ray cluster: the same `extract_chunk`, run by Ray actors.

Ingest, triage and the store stay in the driver (one writer); only the extraction, where the
time goes, is spread. With no address Ray starts a local cluster of `workers` CPUs; with one
(`ray://head:10001` or `auto`) it joins an existing cluster whose nodes have sitrep installed.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitrep.document import Document
from sitrep.errors import Errors, SitrepError
from sitrep.ingest import Article, Failure


class _Extractor:
    """A Ray actor holding one loaded pipeline."""

    def __init__(self, config: str | None):
        from sitrep.extraction import default_pipeline

        self.nlp = default_pipeline(config)

    def extract(self, chunk: list[Article]) -> list[Document | Failure]:
        from sitrep.runner.local import extract_chunk

        return extract_chunk(chunk, self.nlp)


class RayExecutor:
    def __init__(self, workers: int = 2, config: str | None = None, address: str | None = None):
        self.workers = workers
        self.config = config
        self.address = address

    def map(self, chunks: list[list[Article]]) -> Iterator[list[Document | Failure]]:
        try:
            import ray
            from ray.util import ActorPool
        except ImportError as err:
            raise SitrepError(Errors.E012) from err
        started_here = not ray.is_initialized()
        if started_here:
            local = {} if self.address else {"num_cpus": self.workers}
            ray.init(address=self.address, include_dashboard=False, log_to_driver=False, **local)
        try:
            actor = ray.remote(num_cpus=1)(_Extractor)
            pool = ActorPool([actor.remote(self.config) for _ in range(self.workers)])
            yield from pool.map(lambda a, chunk: a.extract.remote(chunk), chunks)
        finally:
            if started_here:
                ray.shutdown()
