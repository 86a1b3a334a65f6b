"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples" / "articles"
SEED = EXAMPLES / "000_4f3246a8c156d27a.txt"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or skip: the gold data lives beside the checkout, not in it."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not beside this checkout")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_nlp():
    """sitrep's default pipeline, loaded once for the whole test session."""
    from sitrep.extraction import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def seed_document(default_nlp, seed_text):
    import sitrep

    return sitrep.extract(seed_text, published="2021-11-01", nlp=default_nlp)
