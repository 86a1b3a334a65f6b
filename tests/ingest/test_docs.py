"""docs/ingest.md documents every ingest error code and every format."""

from __future__ import annotations

from pathlib import Path

from sitrep.errors import Errors
from sitrep.ingest.sources import FORMATS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ingest.md"


def test_docs_list_every_ingest_error() -> None:
    text = DOCS.read_text(encoding="utf-8")
    codes = [name for name in vars(Errors) if name.startswith("E1")]
    assert codes, "no E1xx codes in the catalogue"
    assert [code for code in codes if f"`{code}`" not in text] == []


def test_docs_list_every_extension() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert [ext for ext in [*FORMATS, ".warc.gz"] if f"`{ext}`" not in text] == []
