"""sitrep's store: Documents and their extracted items in one DuckDB file.

>>> from sitrep.store import Store
>>> with Store("sitrep.duckdb") as store:
...     run_id = store.begin_run(["articles/"], {"batch_size": 64})

DOCS: docs/store.md
"""

from sitrep.store.duckdb_store import QUARANTINE_KINDS, Store

__all__ = ["QUARANTINE_KINDS", "Store"]
