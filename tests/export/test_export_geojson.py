"""GeoJSON: geocoded events as Points; the rest counted, not silently dropped."""

import io
import json
import logging

from sitrep.export import export
from sitrep.export.events_csv import EVENT_COLUMNS
from sitrep.store import Store


def test_geojson_features(filled_store, docs, tmp_path, caplog):
    path = tmp_path / "events.geojson"
    with caplog.at_level(logging.WARNING, logger="sitrep.export"):
        counts = export(filled_store, "geojson", path)
    assert counts == {"format": "geojson", "rows": 3, "skipped_no_coordinates": 2}
    assert "2 of 5 events have no coordinates" in caplog.text
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    features = data["features"]
    assert len(features) == 3
    for f in features:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        assert list(f["properties"]) == list(EVENT_COLUMNS)
        lon, lat = f["geometry"]["coordinates"]
        assert (lat, lon) == (f["properties"]["latitude"], f["properties"]["longitude"])
    jalalabad = next(f for f in features if f["id"] == f"{docs[0].id}:e1")
    assert jalalabad["geometry"]["coordinates"] == [70.4515, 34.4265]  # [lon, lat]
    props = jalalabad["properties"]
    assert props["fatalities"] == 4 and props["actor1"] == "Gunmen"
    assert props["location"] == "Jalalabad" and props["country"] == "AFG"
    missing = {f"{docs[0].id}:e2", f"{docs[2].id}:e1"}  # no place; unresolved place
    assert missing.isdisjoint(f["id"] for f in features)


def test_geojson_empty_store_is_valid():
    with Store(":memory:") as store:
        buffer = io.StringIO()
        assert export(store, "geojson", buffer) == {
            "format": "geojson", "rows": 0, "skipped_no_coordinates": 0}
    assert json.loads(buffer.getvalue()) == {"type": "FeatureCollection", "features": []}
