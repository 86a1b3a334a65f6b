"""Shared fixtures of the claims tests: one blank pipeline with the claims stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.pipeline import load, run

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "000_4f3246a8c156d27a.txt"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev"


@pytest.fixture(scope="session")
def claims_nlp():
    return load(base="blank:en", stages=["sitrep_claims"])


@pytest.fixture(scope="session")
def extract(claims_nlp):
    """Run the pipeline over a text and return its claims."""

    def _extract(text: str):
        return run(claims_nlp, text)._.claims

    return _extract
