"""Every kind of bad input: a clear message naming it, a quarantine row, and the run goes on."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO

FAST_CFG = '[sitrep]\nbase = "blank:en"\nexclude = []\nstages = ["sitrep_entities"]\n'
GOOD = "Taliban fighters attacked a checkpoint in Kunar province on Tuesday, Afghan officials said."


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the block ends: connections are refused


def bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per bad case (plus one good article); returns name -> expected ref fragment."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "empty.txt").write_text("")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "broken.html").write_text("<html><head><title>x</title></head><body><div><p")
    (folder / "records.jsonl").write_text(
        json.dumps({"id": "ok", "text": GOOD.replace("Tuesday", "Monday")}) + "\n"
        + json.dumps({"id": "no-text", "title": "headline only"}) + "\n" + "{not json\n")
    (folder / "latin1.txt").write_bytes(b"\xff\xfe\xfa\xfb\x00\xc3\x28\xa0\xa1" * 40)
    (folder / "huge.txt").write_text(GOOD + " More." * 5000)
    return {"empty.txt": "", "image.txt": "", "broken.html": "", "records.jsonl:2": "", "records.jsonl:3": "",
            "latin1.txt": "", "huge.txt": ""}


def test_bad_inputs_are_quarantined_and_the_run_goes_on(tmp_path):
    expected = bad_inputs(tmp_path / "in")
    cfg = tmp_path / "fast.cfg"
    cfg.write_text(FAST_CFG)
    db = tmp_path / "bad.duckdb"
    feed = f"http://127.0.0.1:{closed_port()}/feed.xml"
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "run", str(tmp_path / "in"), feed, "--db", str(db),
                           "--config", str(cfg), "--max-chars", "20000", "--quiet"],
                          capture_output=True, check=False, text=True, cwd=REPO, timeout=120)
    assert proc.returncode != 0
    assert "2 new articles stored" in proc.stdout and "8 failed" in proc.stdout, proc.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select ref, code, message, kind from quarantine").fetchall()
        stored = con.execute("select count(*) from articles").fetchone()[0]
    assert stored == 2
    refs = " ".join(r[0] for r in rows)
    for name in [*expected, feed]:
        assert name in refs, f"{name} not quarantined: {rows}"
    for ref, code, message, kind in rows:
        assert code.startswith("E") and kind == "error"
        assert Path(ref.split(":")[0]).name in message or ref in message, message  # names its input


def test_non_english_articles_are_skipped_not_failed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "fr.txt").write_text(
        "Des combattants talibans ont attaqué un poste de contrôle dans la province de Kunar mardi, "
        "ont déclaré des responsables afghans. Les autorités ont ouvert une enquête sur l'attaque.")
    (tmp_path / "in" / "en.txt").write_text(GOOD)
    cfg = tmp_path / "fast.cfg"
    cfg.write_text(FAST_CFG)
    db = tmp_path / "lang.duckdb"
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "run", str(tmp_path / "in"), "--db", str(db),
                           "--config", str(cfg), "--quiet"], capture_output=True, check=False, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select ref, code, kind, message from quarantine").fetchall()
    assert len(rows) == 1 and rows[0][2] == "skipped" and "'fr'" in rows[0][3]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_pipeline_that_cannot_load_stops_the_run_with_a_clear_error(tmp_path, workers):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD)
    (tmp_path / "in" / "b.txt").write_text(GOOD.replace("Kunar", "Kandahar"))
    cfg = tmp_path / "broken.cfg"
    cfg.write_text(f'[sitrep]\nbase = "{tmp_path / "no_such_model"}"\nexclude = []\nstages = []\n')
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "run", str(tmp_path / "in"), "--db",
                           str(tmp_path / "x.duckdb"), "--config", str(cfg), "--workers", workers, "--quiet"],
                          capture_output=True, check=False, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 2
    assert "E013" in proc.stderr and "no_such_model" in proc.stderr
    assert "Traceback" not in proc.stderr
