"""JSONL: one stored document per line, equal to Document.to_dict()."""

import json

from sitrep.document import Document
from sitrep.export import export


def test_jsonl_round_trip(filled_store, docs, tmp_path):
    path = tmp_path / "docs.jsonl"
    assert export(filled_store, "jsonl", path) == {
        "format": "jsonl", "rows": 3, "skipped_no_coordinates": 0}
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == sorted(d.id for d in docs)
    by_id = {d.id: d for d in docs}
    for record in records:
        assert record == by_id[record["id"]].to_dict()
        assert Document.from_dict(record) == by_id[record["id"]]
    assert "Kharkiv’s" in path.read_text(encoding="utf-8")  # non-ASCII kept, not escaped
