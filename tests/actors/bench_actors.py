"""Speed of the actor stages on the throughput corpus (not a test; run it by hand).

    .venv/bin/python tests/actors/bench_actors.py [BASE] [N]

Prints articles/s and words/s for the base pipeline alone and with sitrep_entities,
sitrep_actors and sitrep_relations on top, on one core, and the peak memory.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from sitrep.pipeline import load, run_many
from sitrep.pipeline.doc import register_extensions

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "en_worldwide_newswire_ner" / "original_articles"


def texts(limit: int) -> list[str]:
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file())[:limit]
    return [p.read_text("utf-8", errors="replace") for p in files]


def bench(base: str, stages: list[str], items: list[str]) -> tuple[float, int]:
    register_extensions()  # load() registers them only with a stage
    nlp = load(base=base, stages=stages)
    list(run_many(nlp, [(items[0], None)]))  # warm up: KB and matchers are built on load
    start = time.perf_counter()
    docs = list(run_many(nlp, [(t, None) for t in items]))
    return time.perf_counter() - start, sum(len(d) for d in docs)


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "blank:en"
    items = texts(int(sys.argv[2]) if len(sys.argv) > 2 else 300)
    for stages in ([], ["sitrep_entities"], ["sitrep_entities", "sitrep_actors", "sitrep_relations"]):
        seconds, words = bench(base, stages, items)
        print(f"{base} + {stages or 'nothing'}: {len(items) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
