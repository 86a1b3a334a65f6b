"""Runs and quarantine."""

import pytest

from sitrep.errors import SitrepError


def test_store_runs_begin_and_finish(store):
    run = store.begin_run(["a.jsonl", "b/"], {"batch_size": 64, "model": "sitrep.v1"})
    (row,) = store.runs()
    assert row["run_id"] == run and row["status"] == "running" and row["finished_at"] is None
    assert row["inputs"] == ["a.jsonl", "b/"] and row["config"]["batch_size"] == 64
    store.finish_run(run, {"documents": 10, "seconds": 1.5})
    (row,) = store.runs()
    assert row["status"] == "finished" and row["stats"] == {"documents": 10, "seconds": 1.5}
    assert row["finished_at"] >= row["started_at"]


def test_store_run_ids_are_distinct(store):
    assert len({store.begin_run([], {}) for _ in range(5)}) == 5


def test_store_finish_unknown_run(store):
    with pytest.raises(SitrepError, match=r"\[E205\]"):
        store.finish_run("missing", {})


def test_store_quarantine_one_row_per_ref_and_code(store):
    first = store.begin_run([], {})
    store.quarantine("in/a.html", "E105", "no text", "error", first)
    store.quarantine("in/a.html", "E105", "no text (again)", "error", first)
    store.quarantine("in/a.html", "E104", "bad bytes", "error", first)
    second = store.begin_run([], {})
    store.quarantine("in/b.txt", "E102", "empty", "skipped", second)
    store.quarantine("in/a.html", "E105", "no text", "error", second)
    rows = store.quarantined()
    assert [(r["ref"], r["code"]) for r in rows] == [
        ("in/a.html", "E104"), ("in/a.html", "E105"), ("in/b.txt", "E102")]
    again = rows[1]
    assert again["occurrences"] == 3 and again["first_run"] == first and again["run_id"] == second
    assert again["last_seen"] >= again["first_seen"]
    assert {(r["ref"], r["code"]) for r in store.quarantined(second)} == {
        ("in/a.html", "E105"), ("in/b.txt", "E102")}
    assert store.summary()["quarantined"] == {"error": 2, "skipped": 1}


def test_store_quarantine_rejects_unknown_kind(store):
    run = store.begin_run([], {})
    with pytest.raises(SitrepError, match=r"\[E206\]"):
        store.quarantine("x", "E101", "m", "warning", run)
    assert store.quarantined() == []
