"""The shipped en_sitrep pipeline: it loads, has its pipes and labels, and is not broken.

The accuracy floors are far below the model card's figures (on small samples), so they
catch a broken or mis-assembled model, not a small regression.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from sitrep.eval import ner, parse
from sitrep.training.labels import LABELS
from sitrep.training.paths import MODEL_DIR

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
EWT_TEST = DATA / "ud_english_ewt" / "en_ewt-ud-test.conllu"
GUM_TEST = DATA / "ud_english_gum" / "en_gum-ud-test.conllu"
SAMPLE = 200  # sentences: enough for a stable smoke score, fast on one core
LAS_FLOOR = 0.70  # full EWT test LAS is in docs/model-card.md
POS_FLOOR = 0.88
NER_F1_FLOOR = 0.40  # GUM test micro F1 (exact span and label)
REQUIRED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL",
                   "QUANTITY", "MONEY", "WEAPON", "MILITARY_VEHICLE"}
needs_data = pytest.mark.skipif(not EWT_TEST.exists() or not GUM_TEST.exists(),
                                reason="../shared/data is not available")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL_DIR)


def test_en_sitrep_has_its_pipes(nlp):
    assert nlp.pipe_names == [
        "tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner", "place_ruler"
    ]
    assert nlp.meta["name"] == "en_sitrep"


def test_en_sitrep_runs_one_shared_cnn(nlp):
    # one tok2vec feeds every trained component: a second CNN for the NER would cost ~45% speed
    assert set(nlp.get_pipe("tok2vec").listening_components) == {
        "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"}


def test_en_sitrep_ner_labels(nlp):
    labels = set(nlp.get_pipe("ner").labels)
    assert REQUIRED_LABELS <= labels
    assert labels <= set(LABELS)


def test_en_sitrep_is_lean():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 50 * 1024 * 1024


def test_en_sitrep_annotates_a_sentence(nlp):
    doc = nlp("On Tuesday, President Joe Biden met Kenyan officials in Nairobi. They talked for two hours.")
    assert len(list(doc.sents)) == 2
    assert any(t.dep_ == "ROOT" and t.lemma_ == "meet" for t in doc)
    labels = {ent.label_ for ent in doc.ents}
    assert "PERSON" in labels and labels & {"GPE", "LOC"}
    assert "Joe Biden" in {ent.text for ent in doc.ents}  # the title stays out of the name


def test_en_sitrep_ner_runs_without_the_parser():
    nlp = ner.load_ner()
    assert nlp.pipe_names == ["tok2vec", "ner", "place_ruler"]
    doc = nlp("Fighting continued in Kabul on Monday, said Ashraf Ghani.")
    assert "PERSON" in {e.label_ for e in doc.ents}  # the NER's own work: the place ruler adds only places


@needs_data
def test_en_sitrep_parse_smoke_floor(nlp):
    metrics = parse.run(EWT_TEST, nlp=nlp, limit=SAMPLE)
    assert metrics["sentences"] == SAMPLE
    assert metrics["las"] >= LAS_FLOOR
    assert metrics["upos"] >= POS_FLOOR


@needs_data
def test_en_sitrep_ner_smoke_floor():
    metrics = ner.run(GUM_TEST, nlp=ner.load_ner(), limit=SAMPLE)  # en_sitrep's CNN NER
    assert metrics["texts"] == SAMPLE
    assert metrics["micro"]["f"] >= NER_F1_FLOOR
    assert metrics["per_label"]["PERSON"]["gold"] > 0
