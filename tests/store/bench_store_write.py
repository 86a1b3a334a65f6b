"""Write speed of the store on article-sized documents (not collected by pytest).

usage: python tests/store/bench_store_write.py [DOCS] [BATCH]

Prints wall and CPU time: on a shared machine the wall time follows the load.
Each document joins the three samples five times over (~7,000 characters, 40 entities,
25 events, ...), about the size of a long news article after extraction.
"""

import copy
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_sample_docs import samples, variant

from sitrep.document import Document, Sentence, content_id
from sitrep.store import Store

REPEATS = 5
LISTS = ("entities", "places", "times", "quantities", "actors", "events", "claims", "relations")


def long_article() -> Document:
    """The samples joined REPEATS times, every item shifted to its place in the joined text."""
    out = copy.deepcopy(samples()[0])
    out.text, out.sentences = "", []
    for name in LISTS:
        setattr(out, name, [])
    for r in range(REPEATS):
        for doc in samples():
            _append(out, doc, f"r{r}{doc.id[:4]}")
    out.id = content_id(out.text)
    return out


def _append(out: Document, doc: Document, tag: str) -> None:
    shift, first_sentence = len(out.text) + (2 if out.text else 0), len(out.sentences)
    out.text = f"{out.text}\n\n{doc.text}" if out.text else doc.text
    out.sentences += [Sentence(start=s.start + shift, end=s.end + shift) for s in doc.sentences]
    for name in LISTS:
        for item in copy.deepcopy(getattr(doc, name)):
            _shift(item, shift, first_sentence, tag)
            getattr(out, name).append(item)


def _shift(item, shift: int, first_sentence: int, tag: str) -> None:
    """Move offsets and sentence numbers; prefix ids so they stay unique in the document."""
    for span in (item, getattr(item, "trigger", None), getattr(item, "speaker", None),
                 getattr(item, "cue", None), getattr(item, "content", None),
                 *getattr(item, "mentions", [])):
        if span is not None and hasattr(span, "start"):
            span.start += shift
            span.end += shift
    if hasattr(item, "sentence"):
        item.sentence += first_sentence
    for key in ("id", "place", "time", "claim", "source", "target"):
        value = getattr(item, key, None)
        if isinstance(value, str) and value:
            setattr(item, key, f"{tag}{value}")
        elif isinstance(value, list):
            setattr(item, key, [f"{tag}{v}" for v in value])


def main(count: int = 1000, batch: int = 100) -> None:
    base = long_article()
    docs = [variant(base, i) for i in range(count)]
    sizes = {name: len(getattr(base, name)) for name in LISTS}
    print(f"document: {len(base.text):,} chars, {sizes}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        with Store(path) as store:
            run = store.begin_run([], {})
            start, cpu = time.perf_counter(), time.process_time()
            for i in range(0, count, batch):
                store.write(docs[i:i + batch], run)
            write_s, write_cpu = time.perf_counter() - start, time.process_time() - cpu
            start = time.perf_counter()
            rewrite = sum(store.write(docs[i:i + batch], run) for i in range(0, count, batch))
            rewrite_s = time.perf_counter() - start
            start = time.perf_counter()
            read = sum(1 for _ in store.documents())
            read_s = time.perf_counter() - start
            events = store.summary()["events"]
        size_mb = path.stat().st_size / 2**20
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"write:   {count} docs ({events:,} events) in {write_s:.2f} s = "
          f"{count / write_s:,.0f} docs/s; CPU {write_cpu:.2f} s = {count / write_cpu:,.0f} docs/s")
    print(f"rewrite: same {count} again (replace) in {rewrite_s:.2f} s = "
          f"{count / rewrite_s:,.0f} docs/s, {rewrite} new")
    print(f"read:    {read} Documents back in {read_s:.2f} s = {read / read_s:,.0f} docs/s")
    print(f"file {size_mb:.1f} MiB, peak RSS {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
