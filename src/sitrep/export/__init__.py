"""Exports of a sitrep store: documents as JSONL, events as ACLED-like CSV or GeoJSON.

>>> from sitrep.export import export
>>> export(store, "csv", "events.csv")
{'format': 'csv', 'rows': 42, 'skipped_no_coordinates': 0}

DOCS: docs/store.md#exports
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from sitrep.errors import Errors, SitrepError
from sitrep.export import events_csv, geojson, jsonl
from sitrep.store import Store

Writer = Callable[[Store, TextIO], dict[str, int]]

FORMATS: dict[str, Writer] = {
    "jsonl": jsonl.write,
    "csv": events_csv.write,
    "geojson": geojson.write,
}

__all__ = ["FORMATS", "export"]


def export(store: Store, format: str, out: TextIO | str | Path) -> dict[str, int | str]:
    """Write the store's contents in `format` to `out`.

    store (Store): the store to read.
    format (str): "jsonl" (documents), "csv" (events) or "geojson" (geocoded events).
    out (TextIO | str | Path): an open text stream, a file path, or "-" for standard output.
    RETURNS (dict): ``format``, ``rows`` written and ``skipped_no_coordinates`` (events left
        out of GeoJSON for want of coordinates; 0 for the other formats).
    """
    writer = FORMATS.get(format)
    if writer is None:
        raise SitrepError(Errors.E204.format(name=format, known=", ".join(FORMATS)))
    with _opened(out) as stream:
        counts = writer(store, stream)
    return {"format": format, **counts}


@contextmanager
def _opened(out: TextIO | str | Path) -> Iterator[TextIO]:
    if isinstance(out, (str, Path)):
        if str(out) == "-":
            yield sys.stdout
            return
        # newline="": the csv module writes its own line ends.
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    yield out
