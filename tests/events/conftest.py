from pathlib import Path

import pytest

from sitrep.pipeline import load

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DATA = SHARED / "data"
SEED = SHARED / "seed" / "000_4f3246a8c156d27a.txt"


@pytest.fixture(scope="session")
def events_nlp():
    """Blank English with only the events stage: no actors, so no roles."""
    return load(base="blank:en", stages=["sitrep_events"])


@pytest.fixture(scope="session")
def full_nlp():
    """Blank English with entities, actors and events, as `sitrep eval events` builds it."""
    from sitrep.eval.events import default_pipeline

    return default_pipeline()


def shared(path: str) -> Path:
    target = DATA / path
    if not target.exists():
        pytest.skip(f"{target} is not there (../shared/data)")
    return target
