"""JSONL export: one stored document (``Document.to_dict()``) per line."""

from __future__ import annotations

from typing import TextIO

from sitrep.store import Store


def write(store: Store, out: TextIO) -> dict[str, int]:
    """Write every stored document to `out`, one JSON object per line, ordered by id.

    The stored JSON is copied as is: no parse and re-serialise on the way out.
    RETURNS (dict): ``{"rows": documents written, "skipped_no_coordinates": 0}``.
    """
    rows = 0
    for text in store.document_json():
        out.write(text)
        out.write("\n")
        rows += 1
    return {"rows": rows, "skipped_no_coordinates": 0}
