"""Writing documents: row counts per table, idempotence, replacement, reading back."""

import duckdb
import pytest
from store_sample_docs import expected_counts, many, samples

from sitrep.errors import SitrepError
from sitrep.store import Store
from sitrep.store.bulk import table_columns
from sitrep.store.rows import CHILD_TABLES, article_row

TABLES = ["articles", *CHILD_TABLES]


def table_counts(store: Store) -> dict[str, int]:
    return {t: store.sql(f'SELECT count(*) AS n FROM "{t}"')[0]["n"] for t in TABLES}


def test_store_write_counts_per_table(store, docs):
    run = store.begin_run(["tests"], {})
    assert store.write(docs, run) == 3
    counts = table_counts(store)
    assert counts == expected_counts(docs)
    # the samples are not trivial: every table has rows
    assert all(n > 0 for n in counts.values()), counts


def test_store_write_twice_keeps_one_copy(store_path, docs):
    with Store(store_path) as store:
        first = store.begin_run(["a"], {})
        assert store.write(docs, first) == 3
        once = table_counts(store)
    with Store(store_path) as store:  # again, after reopening the file
        second = store.begin_run(["a"], {})
        assert store.write(samples(), second) == 0
        assert table_counts(store) == once
        runs = {r["id"]: (r["first_run"], r["last_run"])
                for r in store.sql("SELECT id, first_run, last_run FROM articles")}
    assert set(runs.values()) == {(first, second)}


def test_store_rewrite_replaces_child_rows(store, docs):
    run = store.begin_run([], {})
    store.write(docs, run)
    changed = samples()[0]
    dropped = changed.events.pop()  # a re-extraction that finds one event fewer
    changed.actors = changed.actors[:2]
    assert store.write([changed], run) == 0
    after = table_counts(store)
    expected = expected_counts([changed, *docs[1:]])
    assert after == expected
    ids = {r["event_id"] for r in store.sql(
        "SELECT event_id FROM events WHERE doc_id = ?", [changed.id])}
    assert dropped.id not in ids and ids
    (stored,) = store.documents([changed.id])
    assert stored == changed


def test_store_batch_with_repeated_id_writes_it_once(store, docs):
    run = store.begin_run([], {})
    assert store.write([docs[0], docs[1], docs[0]], run) == 2
    assert table_counts(store)["articles"] == 2
    assert table_counts(store)["events"] == len(docs[0].events) + len(docs[1].events)


def test_store_documents_round_trip(store, docs):
    run = store.begin_run([], {})
    store.write(docs, run)
    back = {d.id: d for d in store.documents()}
    assert back == {d.id: d for d in docs}
    assert [d.id for d in store.documents([docs[2].id])] == [docs[2].id]
    assert list(store.documents([])) == []


def test_store_known(store, docs):
    run = store.begin_run([], {})
    store.write(docs[:2], run)
    assert store.known([d.id for d in docs] + ["0000000000000000"]) == {docs[0].id, docs[1].id}
    assert store.known([]) == set()


def test_store_article_columns(store, docs):
    run = store.begin_run([], {})
    store.write(docs, run)
    (row,) = store.sql("SELECT * FROM articles WHERE id = ?", [docs[0].id])
    assert row["url"] == docs[0].url and row["source"] == "Example News"
    assert str(row["published_date"]) == "2021-11-03"
    assert row["provenance_path"] == "feeds/example.jsonl" and row["provenance_offset"] == 17
    assert row["illustrative"] is False and row["n_events"] == 2
    assert row["text_chars"] == len(docs[0].text)


def test_store_event_row_denormalised(store, docs):
    run = store.begin_run([], {})
    store.write(docs, run)
    (e,) = store.sql("SELECT * FROM events WHERE uid = ?", [f"{docs[1].id}:e2"])
    assert (e["actor1"], e["actor2"], e["assoc_actor_2"]) == (
        "Ukrainian troops", "Russian units", "Russian forces")
    assert (e["location"], e["country"], e["admin1_code"]) == ("Kharkiv", "UKR", "UA-63")
    assert e["event_date"] == "2022-05-14"  # taken from its time when the event has no date
    (week,) = store.sql("SELECT date_start, date_end FROM events WHERE doc_id = ?", [docs[2].id])
    assert (str(week["date_start"]), str(week["date_end"])) == ("2023-06-05", "2023-06-11")
    roles = store.sql("SELECT role, position, actor_id FROM event_actors WHERE doc_id = ? "
                      "AND event_id = 'e2' ORDER BY role, position", [docs[1].id])
    assert [(r["role"], r["actor_id"]) for r in roles] == [
        ("source", "a3"), ("target", "a4"), ("target", "a1")]


def test_store_rows_match_table_columns(store, docs):
    """Row builders and migrations agree: every column filled, none invented."""
    columns = table_columns(store._con)
    row = article_row(docs[0], first_run="r", last_run="r", first_written=None, now=None)
    assert set(row) == {name for name, _ in columns["articles"]}
    for table, build in CHILD_TABLES.items():
        rows = [r for d in docs for r in build(d)]
        assert rows, table
        assert set(rows[0]) == {name for name, _ in columns[table]}, table


def test_store_summary(store, docs):
    run = store.begin_run([], {})
    store.write(docs, run)
    store.quarantine("feeds/broken.json", "E106", "not JSON", "error", run)
    store.quarantine("feeds/huge.txt", "E108", "too long", "skipped", run)
    s = store.summary()
    assert s["articles"] == 3 and s["events"] == 5 and s["claims"] == 5
    assert s["events_by_type"] == {"ASSAULT": 4, "REJECT": 1}
    assert s["events_geocoded"] == 3 and s["places_geocoded"] == 2
    assert s["actors"] == 10 and s["actors_distinct"] == 9  # two Russian actors share a kb_id
    assert s["quarantined"] == {"error": 1, "skipped": 1}


def test_store_actor_index_aggregates_across_documents(store):
    run = store.begin_run([], {})
    store.write(many(6), run)  # two copies of each sample
    (rus,) = store.sql("SELECT * FROM actor_index WHERE kb_id = 'kb:rus-military'")
    assert rus["n_documents"] == 2 and rus["n_mentions"] == 4 and rus["n_event_roles"] == 6


def test_store_write_needs_a_known_run(store, docs):
    with pytest.raises(SitrepError, match=r"\[E205\]"):
        store.write(docs, "no-such-run")
    assert store.summary()["articles"] == 0


def test_store_in_memory(docs):
    with Store(":memory:") as store:
        run = store.begin_run([], {})
        assert store.write(docs, run) == 3
        assert store.summary()["events"] == 5


def test_store_document_json_equals_to_dict(docs):
    import json

    from sitrep.store.document_json import document_json
    for doc in docs:
        doc.pipeline = {"name": "sitrep", "components": ["ner", ("events", 2)], "n": 1.5}
        assert json.loads(document_json(doc)) == json.loads(json.dumps(doc.to_dict()))


def test_store_rewrite_while_iterating(store, docs):
    """Re-extraction reads documents and writes them back through the same store."""
    run = store.begin_run([], {})
    store.write(many(10), run)
    second = store.begin_run([], {})
    seen = 0
    for doc in store.documents():
        doc.events = doc.events[:1]
        assert store.write([doc], second) == 0
        seen += 1
    assert seen == 10
    assert store.summary()["events"] == 10
    assert {r["last_run"] for r in store.sql("SELECT last_run FROM articles")} == {second}


def test_store_in_memory_reads(docs):
    with Store(":memory:") as store:
        store.write(docs, store.begin_run([], {}))
        assert len(list(store.documents())) == 3 and len(list(store.event_sheet())) == 5


def test_store_lone_surrogate_is_replaced_not_fatal(store, docs, caplog):
    """Mis-decoded text must not fail the batch: U+FFFD in place, offsets unchanged."""
    bad = docs[0]
    at = bad.text.index("Jalalabad")
    bad.text = bad.text[:at] + "\udcc3" + bad.text[at + 1:]  # one code point for one
    bad.title = "Gunmen kill four \udce9"
    run = store.begin_run([], {})
    assert store.write(docs, run) == 3
    (stored,) = store.documents([bad.id])
    assert stored.text[at] == "\ufffd" and len(stored.text) == len(bad.text)
    assert stored.title.endswith("\ufffd") and stored.events == bad.events
    assert "lone surrogates" in caplog.text and bad.id in caplog.text
    assert store.summary()["events"] == 5


def test_store_failed_batch_leaves_nothing_and_store_usable(store, docs):
    run = store.begin_run([], {})
    broken = samples()[1]
    broken.places[0].lat = "north of the river"  # not a number: the batch must fail whole
    with pytest.raises(duckdb.Error, match="north of the river"):
        store.write([docs[0], broken], run)
    assert store.summary()["articles"] == 0 and store.summary()["events"] == 0
    assert store.write(docs, run) == 3


def test_store_pipeline_values_json_cannot_hold(store, docs):
    from pathlib import Path
    docs[0].pipeline = {"model": Path("/models/ner"), "components": ["ner"]}
    store.write(docs, store.begin_run([], {}))
    (stored,) = store.documents([docs[0].id])
    assert stored.pipeline == {"model": "/models/ner", "components": ["ner"]}
