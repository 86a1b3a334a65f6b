"""docs/store.md keeps up with the schema, the CSV columns and the error codes."""

import re
from pathlib import Path

from sitrep.errors import Errors
from sitrep.export import FORMATS
from sitrep.export.events_csv import EVENT_COLUMNS
from sitrep.store import Store

DOC = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def test_store_docs_name_every_table_and_view():
    text = DOC.read_text(encoding="utf-8")
    with Store() as store:
        names = [r["table_name"] for r in store.sql(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")]
    assert len(names) > 10
    assert [n for n in names if f"`{n}`" not in text] == []


def test_store_docs_name_every_csv_column_and_format():
    text = DOC.read_text(encoding="utf-8")
    assert [c for c in EVENT_COLUMNS if c not in text] == []
    assert [f for f in FORMATS if f"`{f}`" not in text] == []


def test_store_docs_name_every_store_error():
    text = DOC.read_text(encoding="utf-8")
    codes = [name for name in vars(Errors) if re.fullmatch(r"E2\d\d", name)]
    assert len(codes) >= 7
    assert [c for c in codes if c not in text] == []
