"""The `sitrep` command on real inputs, through a real subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from sitrep.schema import problems
from tests.conftest import EXAMPLES, REPO, SEED


def sitrep(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], input=stdin, capture_output=True, check=False,
                          text=True, cwd=REPO, timeout=300)


def test_extract_prints_a_valid_document_for_the_seed():
    proc = sitrep("extract", str(SEED), "--published", "2021-11-01")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert problems(doc) == []
    assert doc["schema"] == "sitrep.document/1" and doc["published"] == "2021-11-01"
    assert doc["provenance"]["path"].endswith(SEED.name)
    labels = {e["label"] for e in doc["entities"]}
    assert {"GPE", "NORP"} <= labels
    assert doc["places"] and doc["times"]


def test_extract_reads_stdin_and_prints_text():
    proc = sitrep("extract", "-", "--format", "text", "--published", "2024-05-20",
                  stdin="A Russian missile strike hit Kharkiv overnight, injuring nine people, the governor said on Monday.")
    assert proc.returncode == 0, proc.stderr
    assert "published 2024-05-20 (given)" in proc.stdout
    assert "Entities (" in proc.stdout and "Places (" in proc.stdout


def test_extract_explains_a_missing_file_and_a_bad_date(tmp_path):
    proc = sitrep("extract", str(tmp_path / "nope.txt"))
    assert proc.returncode != 0 and "E008" in proc.stderr and "nope.txt" in proc.stderr
    proc = sitrep("extract", str(SEED), "--published", "last tuesday")
    assert proc.returncode != 0 and "E006" in proc.stderr


def test_eval_rejects_an_unknown_task(tmp_path):
    proc = sitrep("eval", "astrology", "--data", str(tmp_path))
    assert proc.returncode == 2 and "E007" in proc.stderr and "geo" in proc.stderr


def test_demo_run_and_exports(tmp_path):
    db = tmp_path / "d.duckdb"
    proc = sitrep("run", str(EXAMPLES), "--db", str(db), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "4 new articles stored" in proc.stdout and str(db) in proc.stdout
    out = tmp_path / "events.csv"
    assert sitrep("export", "--db", str(db), "--format", "csv", "--out", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows and {"event_id", "event_date", "event_type", "latitude", "notes"} <= set(rows[0])
    assert all(r["notes"] for r in rows)
    geo = json.loads(sitrep("export", "--db", str(db), "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection"
    assert all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in geo["features"])
    lines = sitrep("export", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 4 and all(problems(json.loads(line)) == [] for line in lines)
