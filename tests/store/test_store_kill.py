"""A run killed with SIGKILL mid-batch, then rerun: nothing lost, nothing doubled."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_sample_docs import expected_counts, many

from sitrep.store import Store
from sitrep.store.rows import CHILD_TABLES

WRITER = Path(__file__).resolve().parent / "store_batch_writer.py"
BATCHES, SIZE = 6, 150
KILL_AT = 3  # kill while batch 3 is being written: batches 0-2 are committed
MID_BATCH_DELAY = 0.03  # s; writing a batch of 150 takes ~0.13 s here, so this lands inside it


def _count(store: Store, table: str) -> int:
    return store.sql(f'SELECT count(*) AS n FROM "{table}"')[0]["n"]


def test_store_sigkill_mid_batch_then_rerun(store_path):
    child = subprocess.Popen([sys.executable, str(WRITER), str(store_path), str(BATCHES),
                              str(SIZE)], stdout=subprocess.PIPE, text=True)
    for line in child.stdout:
        if line.strip() == f"writing {KILL_AT}":
            time.sleep(MID_BATCH_DELAY)
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait(timeout=60)
    assert child.returncode == -signal.SIGKILL

    with Store(store_path) as store:
        articles = _count(store, "articles")
        # whole batches only: the one being written is either all there or not at all
        assert articles in (KILL_AT * SIZE, (KILL_AT + 1) * SIZE)
        stored = list(store.documents())
        for table, n in expected_counts(stored).items():
            assert _count(store, table) == n, table
        assert [r["status"] for r in store.runs()] == ["running"]

    rerun = subprocess.run([sys.executable, str(WRITER), str(store_path), str(BATCHES),
                            str(SIZE)], capture_output=True, check=False, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    new_per_batch = [int(line.split()[2]) for line in rerun.stdout.splitlines()
                     if line.startswith("written")]
    assert sum(new_per_batch) == BATCHES * SIZE - articles

    expected = expected_counts(many(BATCHES * SIZE))
    with Store(store_path) as store:
        for table, n in expected.items():
            assert _count(store, table) == n, table
        for table in CHILD_TABLES:
            keys = ", ".join(store.sql(
                "SELECT constraint_column_names AS k FROM duckdb_constraints() "
                f"WHERE table_name = '{table}' AND constraint_type = 'PRIMARY KEY'")[0]["k"])
            distinct = store.sql(f"SELECT count(*) AS n FROM (SELECT DISTINCT {keys} "
                                 f'FROM "{table}")')[0]["n"]
            assert distinct == expected[table], table
        assert [r["status"] for r in store.runs()] == ["running", "finished"]
