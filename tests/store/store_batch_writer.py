"""A runner stand-in for the kill test: writes numbered batches of sample articles.

usage: python store_batch_writer.py STORE BATCHES BATCH_SIZE

Prints "writing K" before batch K and "written K NEW" after its commit, skipping articles
the store already has (as the runner does with Store.known).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_sample_docs import many

from sitrep.store import Store


def main(path: str, batches: int, size: int) -> None:
    with Store(path) as store:
        run = store.begin_run([f"batches:{batches}x{size}"], {"batch_size": size})
        for k in range(batches):
            docs = many(size, offset=k * size)
            seen = store.known(d.id for d in docs)
            print(f"writing {k}", flush=True)
            new = store.write([d for d in docs if d.id not in seen], run)
            print(f"written {k} {new}", flush=True)
        store.finish_run(run, {"batches": batches})


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
