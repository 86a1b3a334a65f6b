"""Events as CSV with ACLED-like columns, one row per event.

Columns follow ACLED's names where it has one (event_date, actor1, assoc_actor_1, admin1,
geo_precision, time_precision, fatalities, notes) so ACLED tooling and analysts can read the
file; PLOVER's type and mode come first because they are what sitrep extracts, with the ACLED
type and sub-type it maps them to alongside.
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from sitrep.store import Store

EVENT_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "event_mode",
    "acled_event_type", "acled_sub_event_type", "actor1", "actor2", "assoc_actor_1",
    "assoc_actor_2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "modality", "confidence", "article_id", "url", "source",
    "notes",
)


def write(store: Store, out: TextIO) -> dict[str, int]:
    """Write every stored event to `out` as CSV (header first), by date then article.

    RETURNS (dict): ``{"rows": events written, "skipped_no_coordinates": 0}``.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_COLUMNS)
    rows = 0
    for record in store.event_sheet():
        writer.writerow([_cell(record[name]) for name in EVENT_COLUMNS])
        rows += 1
    return {"rows": rows, "skipped_no_coordinates": 0}


def _cell(value: Any) -> Any:
    return "" if value is None else value
