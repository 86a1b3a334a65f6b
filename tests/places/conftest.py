from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GEOPARSING = SHARED / "data" / "geoparsing"
SEED = SHARED / "seed" / "000_4f3246a8c156d27a.txt"


@pytest.fixture(scope="session")
def gazetteer():
    from sitrep.places.gazetteer import load

    return load()


@pytest.fixture(scope="session")
def places_nlp():
    from sitrep.pipeline import load
    from sitrep.pipeline.factories import STAGES

    stages = ["sitrep_entities", "sitrep_places"] if "sitrep_entities" in STAGES else ["sitrep_places"]
    try:
        return load(base="blank:en", stages=stages)
    except ImportError:  # the entity stage is being written: test the place stage alone
        return load(base="blank:en", stages=["sitrep_places"])


def _spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    """Offsets of the first occurrence of each name, in order."""
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append((start, start + len(name)))
        pos = start + len(name)
    return out


@pytest.fixture
def spans_of():
    return _spans_of


@pytest.fixture
def seed_path():
    if not SEED.is_file():
        pytest.skip("seed article absent")
    return SEED


@pytest.fixture
def geoparsing():
    if not GEOPARSING.is_dir():
        pytest.skip("../shared/data/geoparsing is absent")
    return GEOPARSING
