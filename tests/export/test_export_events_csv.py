"""Events CSV: ACLED-like columns, parsed back with the csv module."""

import csv
import io

import pytest

from sitrep.document import Event, Span
from sitrep.errors import SitrepError
from sitrep.export import export
from sitrep.export.events_csv import EVENT_COLUMNS
from sitrep.store import Store

BRIEF_COLUMNS = [
    "event_id", "event_date", "time_precision", "event_type", "event_mode",
    "acled_event_type", "acled_sub_event_type", "actor1", "actor2", "assoc_actor_1",
    "assoc_actor_2", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "modality", "confidence", "article_id", "url", "source",
    "notes",
]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_events_csv_columns_and_rows(filled_store, docs, tmp_path):
    path = tmp_path / "events.csv"
    counts = export(filled_store, "csv", path)
    assert counts == {"format": "csv", "rows": 5, "skipped_no_coordinates": 0}
    with open(path, newline="", encoding="utf-8") as f:
        assert next(csv.reader(f)) == BRIEF_COLUMNS == list(EVENT_COLUMNS)
    rows = read_csv(path)
    assert len(rows) == 5
    # ordered by event date: 2021-11-02, (2021 article, no date), 2022-05-14 x2, 2023-W23
    assert [r["event_date"] for r in rows] == ["2021-11-02", "", "2022-05-14", "2022-05-14",
                                               "2023-W23"]


def test_events_csv_values(filled_store, docs, tmp_path):
    path = tmp_path / "events.csv"
    export(filled_store, "csv", path)
    by_id = {r["event_id"]: r for r in read_csv(path)}
    a = docs[0]
    row = by_id[f"{a.id}:e1"]
    assert row["event_type"] == "ASSAULT" and row["event_mode"] == "firearms"
    assert (row["actor1"], row["actor2"]) == ("Gunmen", "Taliban")
    assert row["assoc_actor_1"] == "Islamic State Khorasan Province" and row["assoc_actor_2"] == ""
    assert (row["country"], row["admin1"], row["location"]) == ("AFG", "Nangarhar", "Jalalabad")
    assert (float(row["latitude"]), float(row["longitude"])) == (34.4265, 70.4515)
    assert row["geo_precision"] == "1" and row["time_precision"] == "1"
    assert row["fatalities"] == "4" and row["modality"] == "asserted"
    assert float(row["confidence"]) == pytest.approx(0.82)
    assert (row["article_id"], row["url"], row["source"]) == (a.id, a.url, "Example News")
    s = a.sentences[0]
    assert row["notes"] == a.text[s.start:s.end].strip()
    assert row["notes"].startswith("Gunmen killed four") and row["notes"].endswith("said.")

    kharkiv = by_id[f"{docs[1].id}:e2"]
    assert kharkiv["assoc_actor_2"] == "Russian forces" and kharkiv["geo_precision"] == "2"
    darfur = by_id[f"{docs[2].id}:e1"]
    assert darfur["latitude"] == "" and darfur["location"] == "El Geneina"
    assert darfur["modality"] == "alleged"
    assert darfur["acled_event_type"] == "Violence against civilians"


def test_events_csv_quotes_and_unicode_survive(filled_store, docs, tmp_path):
    doc = docs[1]
    # an event on the quoted sentence: commas, curly quotes and an apostrophe in notes
    start = doc.text.index("exploded")
    doc.events.append(Event(id="e3", type="ASSAULT",
                            trigger=Span(start=start, end=start + 8, text="exploded"),
                            sentence=doc.sentence_of(start)))
    filled_store.write([doc], filled_store.begin_run([], {}))
    path = tmp_path / "events.csv"
    export(filled_store, "csv", path)
    (row,) = [r for r in read_csv(path) if r["event_id"] == f"{doc.id}:e3"]
    assert row["notes"] == ("“We were sleeping, then the windows exploded,” a resident of "
                            "Kharkiv’s Saltivka district told reporters.")


def test_events_csv_to_stream_and_stdout(filled_store, capsys):
    buffer = io.StringIO()
    assert export(filled_store, "csv", buffer)["rows"] == 5
    assert buffer.getvalue().splitlines()[0].startswith("event_id,event_date,")
    export(filled_store, "csv", "-")
    assert capsys.readouterr().out == buffer.getvalue()


def test_events_csv_empty_store_has_header():
    with Store(":memory:") as store:
        buffer = io.StringIO()
        assert export(store, "csv", buffer)["rows"] == 0
    assert buffer.getvalue() == ",".join(BRIEF_COLUMNS) + "\n"


def test_export_unknown_format(filled_store, tmp_path):
    with pytest.raises(SitrepError, match=r"\[E204\].*'xlsx'.*jsonl, csv, geojson"):
        export(filled_store, "xlsx", tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()
