"""`sitrep actors NAME`: from the KB alone and over a real DuckDB store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sitrep.actors.cli import actors_command

TEXT = ("Former members of the NDS enlisted in ISIS-K, officials said. "
        "The Taliban and ISIS-K have fought each other for years.")


def test_actors_cli_kb_only():
    result = CliRunner().invoke(actors_command, ["ISKP"])
    assert result.exit_code == 0, result.output
    assert "Islamic State Khorasan Province" in result.output
    assert "IS-Khorasan" in result.output and "Islamic State [isis]" in result.output


def test_actors_cli_unknown_name():
    result = CliRunner().invoke(actors_command, ["Nobody Brigade"])
    assert result.exit_code != 0 and "E606" in result.output


def test_actors_cli_over_store(tmp_path, link):
    store_mod = pytest.importorskip("sitrep.store", reason="the store (sitrep.store) is not in this checkout")
    from sitrep.pipeline.assemble import to_document

    document = to_document(link(TEXT))
    db = tmp_path / "sitrep.duckdb"
    with store_mod.Store(db) as store:
        run_id = store.begin_run(["test"], {})
        store.write([document], run_id)
        store.finish_run(run_id, {})
    result = CliRunner().invoke(actors_command, ["IS-Khorasan", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    profile = json.loads(result.output)
    assert profile["kb"]["id"] == "iskp"
    kinds = {(r["type"], r["other"], r["outgoing"]) for r in profile["relations"]}
    assert ("joined", "National Directorate of Security", False) in kinds
    assert any(r["type"] == "fights" and r["other"] == "Taliban" for r in profile["relations"])
    text = CliRunner().invoke(actors_command, ["ISKP", "--db", str(db)]).output
    assert "in the store: 1 document(s)" in text and "joined -> this" in text


def test_actors_cli_new_actor_from_store(tmp_path, link):
    store_mod = pytest.importorskip("sitrep.store", reason="the store (sitrep.store) is not in this checkout")
    from sitrep.pipeline.assemble import to_document

    db = tmp_path / "sitrep.duckdb"
    with store_mod.Store(db) as store:
        run_id = store.begin_run(["test"], {})
        store.write([to_document(link("Breakaway fighters from the TTP joined militants near Jalalabad."))], run_id)
        store.finish_run(run_id, {})
    result = CliRunner().invoke(actors_command, ["militants", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    profile = json.loads(result.output)
    assert profile["kb"] is None and len(profile["mentions"]) == 1
    assert [(r["type"], r["other_kb_id"], r["outgoing"]) for r in profile["relations"]] == [("joined", "ttp", False)]
