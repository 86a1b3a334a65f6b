"""Words per second of en_sitrep, the trained spaCy pipeline, on one core.

    .venv/bin/python benchmarks/words_per_second.py [--model PATH] [--rounds 3] [--matmul numpy blis]

The raw text of UD English EWT test, one document per `# newdoc` (25,531 tokens), through
`nlp.pipe` (batch 256) with one thread. Speed is tokens per second of the process's CPU time,
which other jobs on a shared machine disturb far less than wall time. Two figures per build:
"first pass", a freshly loaded pipeline reading its first text (it also pays for growing the
vocabulary and first allocations), and "warmed", after it has read EWT dev (other text, so
nothing is cached for the test text), as in a long run. Each `--matmul` choice is a build of
the same model (`sitrep.pipeline.matmul`); rounds alternate between builds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from sitrep.pipeline import load_base  # one BLAS thread (its blas_threads default)
from sitrep.training.conllu import read_conllu
from sitrep.training.paths import MODEL_DIR

EWT = Path(__file__).resolve().parents[1].parent / "shared/data/ud_english_ewt"
BATCH_SIZE = 256


def documents(path: Path) -> list[str]:
    """The raw text of each document of a CoNLL-U file, its sentences joined by spaces."""
    docs: list[list[str]] = []
    for sent in read_conllu(path):
        if "newdoc id" in sent.meta or not docs:
            docs.append([])
        docs[-1].append(sent.meta.get("text", ""))
    return [" ".join(d) for d in docs]


def cpu_rate(nlp, texts: list[str], tokens: int) -> float:
    started = time.process_time()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return tokens / (time.process_time() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(MODEL_DIR))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--matmul", nargs="+", default=["numpy", "blis"])
    args = parser.parse_args()
    test, dev = documents(EWT / "en_ewt-ud-test.conllu"), documents(EWT / "en_ewt-ud-dev.conllu")
    results: dict[str, dict[str, list[float]]] = {m: {"first pass": [], "warmed": []} for m in args.matmul}
    tokens = 0
    for _ in range(args.rounds):
        for matmul in args.matmul:
            nlp = load_base(args.model, cpu_matmul=matmul)
            tokens = tokens or sum(len(nlp.make_doc(t)) for t in test)
            results[matmul]["first pass"].append(cpu_rate(nlp, test, tokens))
            nlp = load_base(args.model, cpu_matmul=matmul)
            cpu_rate(nlp, dev, 1)
            results[matmul]["warmed"].append(cpu_rate(nlp, test, tokens))
    print(f"{args.model}: {', '.join(nlp.pipe_names)}")
    print(f"EWT test, {len(test)} documents, {tokens} tokens; tokens per CPU-second, one thread, {args.rounds} rounds")
    for matmul, runs in results.items():
        for kind, rates in runs.items():
            print(f"  {matmul:<6}{kind:<12} median {statistics.median(rates):>8,.0f}   runs "
                  + ", ".join(f"{r:,.0f}" for r in rates))


if __name__ == "__main__":
    main()
