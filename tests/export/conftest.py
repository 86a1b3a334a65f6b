import sys
from pathlib import Path

import pytest

# The hand-built sample documents are shared with the store tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from store_sample_docs import samples

from sitrep.store import Store


@pytest.fixture
def docs():
    return samples()


@pytest.fixture
def filled_store(tmp_path, docs):
    with Store(tmp_path / "sitrep.duckdb") as store:
        store.write(docs, store.begin_run(["tests"], {}))
        yield store
