"""sitrep eval time on a few TempEval-3 files, and the stage's speed."""

from __future__ import annotations

import time

import pytest

from sitrep.eval import time as time_eval
from sitrep.times import tag_times

MIN_VALUE_F1 = 0.6  # floor on 20 files; the full TBAQ score is in docs/times-and-quantities.md
MIN_WORDS_PER_SECOND = 5_000  # a quarter of the goal, so shared CPUs do not fail the test


def test_time_eval_scores_tempeval_files(shared_data):
    data = shared_data / "tempeval3" / "TBAQ-cleaned"
    if not data.is_dir():
        pytest.skip("TempEval-3 data absent")
    metrics = time_eval.run(data, limit=20)
    assert metrics["files"] == 20 and metrics["gold"] > 100
    assert metrics["relaxed"]["f1"] >= metrics["strict"]["f1"]
    assert metrics["value"]["f1"] >= MIN_VALUE_F1
    assert f"F1 {metrics['value']['f1']:.3f}" in time_eval.report(metrics)


def test_time_eval_reads_timeml_offsets(tmp_path):
    (tmp_path / "a.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-11-20" functionInDocument="CREATION_TIME">'
        '1998-11-20</TIMEX3></DCT><TEXT>He left <TIMEX3 tid="t1" type="DATE" value="1998-11-19">yesterday</TIMEX3> '
        'for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; more.</TEXT></TimeML>')
    doc = time_eval.read_tml(tmp_path / "a.tml")
    assert doc.dct == "1998-11-20"
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["yesterday", "three days"]
    metrics = time_eval.run(tmp_path)
    assert metrics["value"]["f1"] == 1.0 and metrics["strict"]["f1"] == 1.0


def test_time_eval_scores_the_two_halves_apart(tmp_path):
    dct = '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-11-20">1998-11-20</TIMEX3></DCT>'
    right = '<TIMEX3 tid="t1" type="DATE" value="1998-11-19">yesterday</TIMEX3>'
    wrong = '<TIMEX3 tid="t1" type="DATE" value="1998-11-18">yesterday</TIMEX3>'
    # sorted by name, a.tml is held out (position 0) and b.tml developed on (position 1)
    (tmp_path / "a.tml").write_text(f"<TimeML>{dct}<TEXT>He left {right}.</TEXT></TimeML>")
    (tmp_path / "b.tml").write_text(f"<TimeML>{dct}<TEXT>He left {wrong}.</TEXT></TimeML>")
    halves = time_eval.run(tmp_path)["halves"]
    assert halves["held_out"]["value"]["f1"] == 1.0
    assert halves["development"]["value"]["f1"] == 0.0
    assert halves["development"]["relaxed"]["f1"] == 1.0


def test_time_tagger_speed(seed_text):
    text = seed_text * 20
    words = len(text.split())
    start = time.perf_counter()
    tag_times(text, "2021-11-01")
    assert words / (time.perf_counter() - start) >= MIN_WORDS_PER_SECOND
