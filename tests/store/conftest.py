import sys
from pathlib import Path

import pytest

# The sample documents live beside the tests; make them importable whatever the import mode.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_sample_docs import samples

from sitrep.store import Store


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "sitrep.duckdb"


@pytest.fixture
def store(store_path):
    with Store(store_path) as s:
        yield s


@pytest.fixture
def docs():
    return samples()
