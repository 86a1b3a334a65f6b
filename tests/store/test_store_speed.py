"""Bulk writing: 1,000 articles take seconds, not minutes."""

import time

from store_sample_docs import expected_counts, many

from sitrep.store import Store

DOCS, BATCH = 1000, 100
MAX_SECONDS = 30  # about 20x the time measured on the shared 2-core machine


def test_store_writes_1000_documents_in_seconds(store_path):
    docs = many(DOCS)
    with Store(store_path) as store:
        run = store.begin_run([], {})
        start = time.perf_counter()
        for i in range(0, DOCS, BATCH):
            store.write(docs[i:i + BATCH], run)
        elapsed = time.perf_counter() - start
        assert store.summary()["events"] == expected_counts(docs)["events"]
    print(f"\n{DOCS} documents in {elapsed:.2f} s: {DOCS / elapsed:,.0f} documents/s")
    assert elapsed < MAX_SECONDS
