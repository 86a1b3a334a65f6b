"""Throughput of the main job's extraction, and of the bare spaCy pipeline under it.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--workers 1 2] [--config fast] [--json]

Reads ../shared/data/en_worldwide_newswire_ner/original_articles, runs sitrep's extraction
(ingest and store excluded) with 1 and 2 worker processes, and the base spaCy pipeline alone
in the same run, so the cost of sitrep's own stages shows as a ratio. Each measurement runs in
a fresh process so peak RSS is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/en_worldwide_newswire_ner/original_articles"


def articles(limit: int) -> list[str]:
    files = sorted(CORPUS.glob("*.txt"))
    files = files[:limit] if limit else files
    return [f.read_text(encoding="utf-8", errors="replace") for f in files]


def measure_sitrep(texts: list[str], workers: int, config: str | None) -> dict:
    from sitrep.ingest import Article
    from sitrep.runner.job import EXTRACT_CHUNK
    from sitrep.runner.local import LocalExecutor

    items = [Article(text=t, ref=f"bench:{i}") for i, t in enumerate(texts)]
    chunks = [items[i:i + EXTRACT_CHUNK] for i in range(0, len(items), EXTRACT_CHUNK)]
    started, cpu_started = time.perf_counter(), cpu_seconds()
    done = sum(len(c) for c in LocalExecutor(workers, config).map(chunks))
    return {"seconds": time.perf_counter() - started, "cpu_seconds": cpu_seconds() - cpu_started, "articles": done}


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: the "per core" measure, which other
    jobs on a shared machine disturb far less than wall time."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure_base(texts: list[str], config: str | None) -> dict:
    from sitrep.pipeline import load, read_config

    stages = read_config(config)[0]["stages"]
    started, cpu_started = time.perf_counter(), cpu_seconds()  # loading counts, as in sitrep's runs
    base = load(config, stages=[])  # the same base pipeline without sitrep's stages
    loaded = time.perf_counter()
    n = sum(1 for _ in base.pipe(texts, batch_size=16))
    return {"seconds": time.perf_counter() - started, "cpu_seconds": cpu_seconds() - cpu_started, "articles": n,
            "load_seconds": round(loaded - started, 2), "components": base.pipe_names,
            "sitrep_components": stages}


def one(kind: str, limit: int, workers: int, config: str | None) -> dict:
    texts = articles(limit)
    result = measure_base(texts, config) if kind == "base" else measure_sitrep(texts, workers, config)
    words = sum(len(t.split()) for t in texts)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result.update(kind=kind, workers=workers, words=words,
                  articles_per_s=round(result["articles"] / result["seconds"], 2),
                  words_per_s=round(words / result["seconds"]),
                  articles_per_cpu_s=round(result["articles"] / result["cpu_seconds"], 2),
                  peak_rss_mb=round((self_kb + child_kb * (workers if kind == "sitrep" and workers > 1 else 0)) / 1024))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="articles to read (default 0: all, the throughput corpus)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--config", default=None, help="pipeline config: a .cfg file or a shipped name (fast)")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], args.limit, int(args.one[1]), args.config)))
        return
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} not found: the benchmark needs ../shared/data beside the checkout")
    runs = [("base", 1)] + [("sitrep", w) for w in args.workers]
    results = [json.loads(subprocess.run([sys.executable, __file__, "--limit", str(args.limit), "--one", k, str(w)]
                                         + (["--config", args.config] if args.config else []),
                                         check=True, capture_output=True, text=True).stdout) for k, w in runs]
    base = results[0]
    for r in results[1:]:
        r["cost_vs_base"] = round(base["words_per_s"] / r["words_per_s"], 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{len(articles(args.limit))} articles, {base['words']} words from {CORPUS}")
    print(f"{'run':<22}{'articles/s':>12}{'words/s':>10}{'articles/CPU-s':>16}{'peak RSS MB':>13}{'x base':>8}")
    for r in results:
        name = "base spaCy pipeline" if r["kind"] == "base" else f"sitrep, {r['workers']} worker(s)"
        print(f"{name:<22}{r['articles_per_s']:>12}{r['words_per_s']:>10}{r['articles_per_cpu_s']:>16}"
              f"{r['peak_rss_mb']:>13}{r.get('cost_vs_base', 1.0):>8}")
    print("base components:", ", ".join(base["components"]))
    print(f"every run includes loading its pipeline (base: {base['load_seconds']} s) in each process")


if __name__ == "__main__":
    main()
