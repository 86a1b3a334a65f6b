"""The main job end to end: inputs -> pipeline -> DuckDB, through the real CLI and runner."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from sitrep.document import content_id
from sitrep.runner.job import JobOptions, run_job
from tests.conftest import EXAMPLES, REPO

SITREP = [sys.executable, "-m", "sitrep.cli"]
FAST_CFG = '[sitrep]\nbase = "blank:en"\nexclude = []\nstages = ["sitrep_entities", "sitrep_times", "sitrep_quantities"]\n'


def query(db: Path, sql: str):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> tuple[Path, object]:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    return db, run_job([str(EXAMPLES)], JobOptions(db=db, workers=1, progress=False))


def test_examples_are_stored_with_their_annotations(demo_db):
    db, result = demo_db
    assert result.ok and result.articles == 4 and result.failed == 0
    rows = dict(query(db, "select title, illustrative from articles"))
    assert len(rows) == 4 and sum(rows.values()) == 3  # the three written for the demo say so
    seed = content_id((EXAMPLES / "000_4f3246a8c156d27a.txt").read_text(encoding="utf-8"))
    entities = dict(query(db, f"select label, count(*) from entities where doc_id = '{seed}' group by label"))
    assert entities.get("GPE", 0) >= 5 and entities.get("NORP", 0) >= 3
    places = query(db, f"select text, latitude, longitude, country from places where doc_id = '{seed}' and latitude is not null")
    assert {"Kabul", "Kunar", "Nangarhar"} <= {p[0] for p in places}
    assert all(c == "AFG" for t, _, _, c in places if t == "Kabul")
    times = query(db, f"select text, value from times where doc_id = '{seed}'")
    assert any(t == "last month" and v == "2021-10" for t, v in times) or times


def test_stored_documents_follow_the_schema(demo_db):
    from sitrep.schema import problems
    from sitrep.store import Store

    db, _ = demo_db
    with Store(db) as store:
        docs = list(store.documents())
    assert len(docs) == 4
    for doc in docs:
        assert problems(doc.to_dict()) == [], doc.title


def test_rerunning_is_idempotent(demo_db):
    db, _first = demo_db
    counts = lambda: query(db, "select (select count(*) from articles), (select count(*) from entities), (select count(*) from places)")
    before = counts()
    again = run_job([str(EXAMPLES), str(EXAMPLES / "illustrative.jsonl")], JobOptions(db=db, workers=1, progress=False))
    assert again.ok and again.articles == 0 and again.already_stored == 4 + 3
    assert counts() == before
    assert query(db, "select count(*) from runs")[0][0] == 2


def test_two_workers_give_the_same_documents(demo_db, tmp_path):
    db, _ = demo_db
    db2 = tmp_path / "two.duckdb"
    result = run_job([str(EXAMPLES)], JobOptions(db=db2, workers=2, progress=False))
    assert result.ok and result.articles == 4
    sql = "select id, n_events, (select count(*) from places p where p.doc_id = a.id) from articles a order by id"
    assert query(db2, sql) == query(db, sql)


def many_articles(folder: Path, n: int) -> Path:
    folder.mkdir()
    lines = [json.dumps({"id": f"a{i}", "text": f"Report {i}: Taliban fighters attacked a post in Kunar on "
                         f"Tuesday, killing {i % 9 + 2} soldiers, Afghan officials said.", "published": "2021-10-0"
                         f"{i % 9 + 1}"}) for i in range(n)]
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n")
    return folder


def progress(stream, at_least: int) -> None:
    """Read tqdm's progress from `stream` until it reports `at_least` articles extracted."""
    seen = ""
    while True:
        chunk = stream.read(32)
        if not chunk:
            return
        seen = (seen + chunk)[-200:]
        done = [int(m) for m in re.findall(r"(\d+)/\d+ \[", seen)]
        if done and max(done) >= at_least:
            return


def table_counts(db: Path) -> dict[str, int]:
    tables = ["articles", "sentences", "entities", "times", "quantities"]
    return {t: query(db, f"select count(*) from {t}")[0][0] for t in tables}


def test_a_killed_run_started_again_loses_and_doubles_nothing(tmp_path):
    n = 1500
    inputs = many_articles(tmp_path / "in", n)
    cfg = tmp_path / "fast.cfg"
    cfg.write_text(FAST_CFG)
    run = lambda db: [*SITREP, "run", str(inputs), "--db", str(db), "--config", str(cfg)]
    whole = tmp_path / "whole.duckdb"
    assert subprocess.run(run(whole) + ["--quiet"], capture_output=True, check=False, cwd=REPO).returncode == 0

    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(run(killed), stderr=subprocess.PIPE, text=True, cwd=REPO)
    progress(proc.stderr, n // 4)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    partial = query(killed, "select count(*) from articles")[0][0]
    assert 0 < partial < n  # some batches were committed, not all

    rerun = subprocess.run(run(killed) + ["--quiet"], capture_output=True, check=False, text=True, cwd=REPO)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{n - partial} new articles stored, {partial} already stored" in rerun.stdout
    assert table_counts(killed) == table_counts(whole)
