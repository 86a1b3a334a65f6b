"""Opening a store: one writer process, clear errors for bad paths and files."""

import subprocess
import sys

import pytest

from sitrep.errors import SitrepError
from sitrep.store import Store

OPEN_IN_CHILD = "import sys; from sitrep.store import Store; Store(sys.argv[1])"


def test_store_second_process_gets_e201(store, store_path):
    result = subprocess.run([sys.executable, "-c", OPEN_IN_CHILD, str(store_path)],
                            capture_output=True, check=False, text=True, timeout=60)
    assert result.returncode != 0
    assert "[E201]" in result.stderr and str(store_path) in result.stderr


def test_store_missing_folder_gets_e202(tmp_path):
    with pytest.raises(SitrepError, match=r"\[E202\].*no-such-folder"):
        Store(tmp_path / "no-such-folder" / "s.duckdb")


def test_store_not_a_database_gets_e202(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(SitrepError, match=r"\[E202\]"):
        Store(path)


def test_store_reopens_after_close(store_path, docs):
    with Store(store_path) as store:
        store.write(docs, store.begin_run([], {}))
    with Store(store_path) as store:
        assert store.summary()["articles"] == 3


def test_store_threads_and_cursor(store_path, docs):
    import threading

    with Store(store_path, threads=1) as store:
        assert store.sql("SELECT current_setting('threads') AS n")[0]["n"] == 1
        store.write(docs, store.begin_run([], {}))
        counts = []

        def read() -> None:
            cur = store.cursor()
            counts.append(cur.execute("SELECT count(*) FROM events").fetchone()[0])

        reader = threading.Thread(target=read)
        reader.start()
        reader.join()
        assert counts == [5]
