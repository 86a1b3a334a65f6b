"""GeoJSON FeatureCollection of geocoded events: a Point per event, CSV columns as properties.

Events without coordinates cannot be drawn; they are left out and counted, and the count is
returned (and logged) so that a map is never mistaken for all the events.
"""

from __future__ import annotations

import json
import logging
from typing import Any, TextIO

from sitrep.export.events_csv import EVENT_COLUMNS
from sitrep.store import Store

logger = logging.getLogger(__name__)


def write(store: Store, out: TextIO) -> dict[str, int]:
    """Write a FeatureCollection of the events that have coordinates, one feature per line.

    RETURNS (dict): ``{"rows": features written, "skipped_no_coordinates": events left out}``.
    """
    skipped = store.count_events(geocoded=False)
    out.write('{"type":"FeatureCollection","features":[\n')
    rows = 0
    for record in store.event_sheet(geocoded=True):
        if rows:
            out.write(",\n")
        out.write(json.dumps(_feature(record), ensure_ascii=False, default=str))
        rows += 1
    out.write("\n]}\n")
    if skipped:
        logger.warning("GeoJSON: %d of %d events have no coordinates and were left out",
                       skipped, skipped + rows)
    return {"rows": rows, "skipped_no_coordinates": skipped}


def _feature(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": record["event_id"],
        # GeoJSON (RFC 7946) orders positions longitude first.
        "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
        "properties": {name: record[name] for name in EVENT_COLUMNS},
    }
