"""`sitrep eval ner`: readers of every format, label mapping, exact-span scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.errors import SitrepError
from sitrep.eval import ner
from sitrep.training.corpora import tags_to_spans

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def test_tags_to_spans_reads_bio_iob1_and_bioes():
    assert tags_to_spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    # IOB1: I- opens a span; B- only separates two adjacent spans of one type
    assert tags_to_spans(["I-LOC", "B-LOC", "O", "I-ORG", "I-ORG"]) == [(0, 1, "LOC"), (1, 2, "LOC"), (3, 5, "ORG")]
    assert tags_to_spans(["S-Person", "B-Date", "I-Date", "E-Date"]) == [(0, 1, "Person"), (1, 4, "Date")]


def test_eval_ner_reads_space_separated_conll(tmp_path):
    path = tmp_path / "sample.conll"
    path.write_text("-DOCSTART- O\n\nJohn B-PER\nSmith I-PER\nvisited O\nKenya B-LOC\n. O\n\n", encoding="utf8")
    golds = list(ner.read_gold(path))
    assert len(golds) == 1
    assert golds[0].text.strip() == "John Smith visited Kenya ."
    assert golds[0].spans == [(0, 10, "PERSON"), (19, 24, "PLACE")]


def test_eval_ner_scores_exact_spans_and_merges_labels():
    gold = [ner.GoldText("John Smith visited Kenya .", [(0, 10, "PERSON"), (19, 24, "PLACE")])]
    merge = ner.label_merges({"PERSON", "PLACE"})
    perfect = ner.score(gold, [[(0, 10, "PERSON"), (19, 24, "GPE")]], merge, {"PERSON", "PLACE"})
    assert perfect["micro"]["f"] == 1.0
    scored = {"PERSON", "PLACE", "ORG"}
    partial = ner.score(gold, [[(5, 10, "PERSON"), (19, 24, "ORG"), (0, 4, "DATE")]], merge, scored)
    assert partial["micro"]["f"] == 0.0
    # DATE is not a label of this data: ignored, not counted as spurious
    assert partial["errors"] == {"boundary": 1, "wrong_label": 1, "spurious": 0}


def test_eval_ner_reads_a_re3d_folder(tmp_path):
    source = tmp_path / "re3d" / "Source A"
    source.mkdir(parents=True)
    doc = {"_id": "d1", "text": "ISIS fighters attacked Mosul with a T-72 tank."}
    ents = [
        {"documentId": "d1", "begin": 0, "end": 4, "type": "Organisation", "value": "ISIS"},
        {"documentId": "d1", "begin": 23, "end": 28, "type": "Location", "value": "Mosul"},
        {"documentId": "d1", "begin": 36, "end": 45, "type": "MilitaryPlatform", "value": "T-72 tank"},
        {"documentId": "d1", "begin": 0, "end": 4, "type": "CommsIdentifier", "value": "ISIS"},
    ]
    (source / "documents.json").write_text(json.dumps(doc) + "\n", encoding="utf8")
    (source / "entities.json").write_text("".join(json.dumps(e) + "\n" for e in ents), encoding="utf8")
    for path in (source, tmp_path / "re3d"):
        golds = list(ner.read_gold(path))
        assert golds[0].spans == [(0, 4, "ORG"), (23, 28, "PLACE"), (36, 45, "MILITARY_VEHICLE")]


def test_eval_ner_rejects_an_empty_file(tmp_path):
    empty = tmp_path / "empty.conll"
    empty.write_text("\n", encoding="utf8")
    with pytest.raises(SitrepError, match="E801"):
        ner.run(empty)


@pytest.mark.skipif(not (DATA / "en_worldwide_newswire_ner").exists(), reason="no ../shared/data")
def test_eval_ner_maps_newswire_labels():
    golds = list(ner.read_gold(DATA / "en_worldwide_newswire_ner", limit=300))
    labels = {label for g in golds for _, _, label in g.spans}
    assert {"PERSON", "ORG", "PLACE", "DATE"} <= labels
    assert labels <= {"PERSON", "ORG", "PLACE", "FAC", "NORP", "DATE", "MONEY"}
    assert not any(g.text.startswith("http") for g in golds)
