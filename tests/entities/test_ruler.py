"""The `sitrep_entities` stage's corrections of a model's labels, with an entity ruler standing in
for the trained NER (it sets doc.ents as a model would)."""

from __future__ import annotations

import pytest

from sitrep.pipeline import load, run
from sitrep.pipeline.factories import register_stage


@pytest.fixture(scope="module")
def nlp():
    nlp = load(base="blank:en", stages=[])
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Nelson Garcia"}, {"label": "LOC", "pattern": "Garcia"},
        {"label": "PERSON", "pattern": "Jack London"}, {"label": "GPE", "pattern": "London"},
        {"label": "ORG", "pattern": "Caceres"}, {"label": "PERSON", "pattern": "Berta Caceres"},
        {"label": "PERSON", "pattern": "Taliban"}, {"label": "PERSON", "pattern": "Hussein Mwinyi of Zanzibar"},
        {"label": "ORG", "pattern": "Zanzibar"},
    ])
    register_stage("sitrep_entities")
    nlp.add_pipe("sitrep_entities")
    return nlp


def _labels(nlp, text):
    return [(e.text, e.label_) for e in run(nlp, text).ents]


def test_a_surname_standing_alone_is_the_person_named_in_full(nlp):
    text = "Nelson Garcia, an activist, was shot. Garcia was killed near his house. The group Caceres led mourned Berta Caceres."
    labels = _labels(nlp, text)
    assert ("Garcia", "PERSON") in labels and ("Caceres", "PERSON") in labels
    assert ("Garcia", "LOC") not in labels


def test_a_surname_after_a_place_word_stays_a_place(nlp):
    assert ("London", "GPE") in _labels(nlp, "Jack London wrote novels. He later flew to London.")


def test_a_lone_name_without_its_person_keeps_its_label(nlp):
    assert ("Garcia", "LOC") in _labels(nlp, "Troops reached Garcia on Monday.")


def test_a_place_the_model_took_into_a_person_gives_no_surname(nlp):
    assert ("Zanzibar", "ORG") in _labels(nlp, "Hussein Mwinyi of Zanzibar met him. Zanzibar welcomed the visit.")


def test_a_known_organisation_labelled_as_a_person_becomes_an_organisation(nlp):
    assert ("Taliban", "ORG") in _labels(nlp, "The Taliban took Kabul.")
