"""The MiniLM encoder NER stage (`sitrep_encoder_ner`): its helpers always, its predictions when
onnxruntime, tokenizers and the exported model are present (skipped otherwise)."""

from __future__ import annotations

import importlib.util

import pytest
import spacy

from sitrep.entities.encoder import (
    FACTORY,
    MODEL_DIR,
    MODEL_FILE,
    SHAPES,
    tags_to_spans,
    trim_punctuation,
    windows,
    word_shape,
)
from sitrep.pipeline.factories import register_stage

HAS_RUNTIME = all(importlib.util.find_spec(m) for m in ("onnxruntime", "tokenizers"))
HAS_MODEL = (MODEL_DIR / MODEL_FILE).exists()
needs_model = pytest.mark.skipif(not (HAS_RUNTIME and HAS_MODEL),
                                 reason="onnxruntime/tokenizers or src/sitrep/models/encoder_ner absent")


@pytest.mark.parametrize(
    "word,shape",
    [("rebels", "lower"), ("Kabul", "title"), ("NATO", "upper"), ("McDonald", "mixed"),
     ("iPhone", "mixed"), ("2021", "digit"), ("A", "title"), (",", "other"), ("al-Shabaab", "mixed")],
)
def test_word_shape(word, shape):
    assert SHAPES[word_shape(word)] == shape


def test_windows_cut_at_sentence_ends_and_length():
    words = ["He", "left", ".", "They", "stayed", ".", "then", "rain"]
    assert windows(words) == [(0, 3), (3, 8)]  # no cut before a lower-case word
    assert windows(["w"] * 10, max_words=4) == [(0, 4), (4, 8), (8, 10)]


def test_windows_never_cut_where_forbidden():
    words = ["a"] * 6
    keep = [True, True, True, False, True, True]
    assert windows(words, max_words=3, keep=keep) == [(0, 4), (4, 6)]


def test_tags_to_spans_repairs_stray_inside_tags():
    tags = ["B-PERSON", "I-PERSON", "O", "I-ORG", "I-ORG", "B-GPE", "I-ORG"]
    assert tags_to_spans(tags) == [(0, 2, "PERSON"), (3, 5, "ORG"), (5, 6, "GPE"), (6, 7, "ORG")]


@pytest.mark.parametrize(
    "text, start, end, kept",
    [("leader Berta Caceres.", 1, 4, "Berta Caceres"),
     ("Didier Enrique “Electric” Ramirez was held", 0, 4, "Didier Enrique"),
     ("the Liberation Front (FLN) said", 1, 6, "Liberation Front (FLN)"),
     ("“Taliban” fighters", 0, 3, "Taliban"),
     ("U.S. forces", 0, 1, "U.S."),
     ("( )", 0, 2, ""),
     ("rose 11% in May", 1, 3, "11%"),
     ("Srinagar- A scooty-rider was killed", 1, 2, ""),
     ("the end of the State of Emergency", 2, 3, ""),
     ("the leaders of the US and Iran", 4, 5, "US"),
     ("The Hague ruled", 0, 2, "The Hague"),
     ("the National Athletes' Welfare Foundation said", 1, 6, "National Athletes' Welfare Foundation")],
)
def test_entity_edges_lose_the_punctuation_the_tagger_let_in(text, start, end, kept):
    doc = spacy.blank("en")(text)
    s, e = trim_punctuation(doc, start, end)
    assert doc[s:e].text == kept


@pytest.fixture(scope="module")
def nlp():
    register_stage(FACTORY)
    pipeline = spacy.blank("en")
    pipeline.add_pipe(FACTORY, config={"threads": 1})
    return pipeline


@needs_model
def test_finds_people_places_and_organisations(nlp):
    doc = nlp("President Joe Biden met Kenyan officials in Nairobi on Tuesday, the White House said.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joe Biden", "PERSON") in ents
    assert ("Nairobi", "GPE") in ents
    assert not any(e.text in ("met", "officials", "said") for e in doc.ents)


@needs_model
def test_casing_changes_the_tags(nlp):
    # the wordpieces are uncased: only the shape features tell a name from a common word
    named = {e.text for e in nlp("Police arrested Rose Stone in Lagos.").ents}
    plain = {e.text for e in nlp("police arrested rose stone in lagos.").ents}
    assert "Rose Stone" in named
    assert "rose stone" not in plain


@needs_model
def test_pipe_matches_call_and_handles_long_and_empty_docs(nlp):
    texts = ["", "The Taliban attacked a checkpoint in Kandahar province.", " ".join(["Soldiers fired ."] * 40)]
    piped = list(nlp.pipe(texts))
    single = [nlp(t) for t in texts]
    assert [[(e.start, e.end, e.label_) for e in d.ents] for d in piped] == \
        [[(e.start, e.end, e.label_) for e in d.ents] for d in single]
    assert piped[0].ents == ()
    # "Kandahar" or "Kandahar province": both are place names by one guideline or another
    assert any(e.text.startswith("Kandahar") and e.label_ in ("GPE", "LOC") for e in piped[1].ents)


@needs_model
def test_overwrite_keeps_earlier_entities_it_does_not_overlap():
    from spacy.tokens import Span

    register_stage(FACTORY)
    pipeline = spacy.blank("en")
    stage = pipeline.add_pipe(FACTORY, config={"mode": "overwrite", "threads": 1})
    doc = pipeline.make_doc("Ali Hassan spoke in Mogadishu on Monday about the deal.")
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 9, 10, label="WEAPON")]  # "deal" marked before
    doc = stage(doc)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("deal", "WEAPON") in ents  # kept: the encoder has nothing there
    assert ("Ali Hassan", "ORG") not in ents  # replaced by the encoder's span


def test_eval_ner_scores_the_names_of_the_chosen_config():
    from sitrep.eval.ner import load_names

    assert "sitrep_encoder_ner" in load_names().pipe_names and "ner" not in load_names().pipe_names
    fast = load_names("fast").pipe_names
    assert "ner" in fast and "sitrep_encoder_ner" not in fast and "parser" not in fast


def test_a_place_name_the_encoder_broke_is_made_whole():
    from spacy.tokens import Span

    from sitrep.entities.encoder import mended_places

    doc = spacy.blank("en").make_doc("Rebels entered the Central African Republic and Kenya Airways flew out of Bosnia.")
    country, kenya, bosnia = Span(doc, 3, 6, label="GPE"), Span(doc, 7, 8, label="GPE"), Span(doc, 12, 13, label="GPE")
    pieces = [Span(doc, 3, 5, label="LOC"), Span(doc, 5, 6, label="GPE")]
    airline = Span(doc, 7, 9, label="ORG")
    got = {(e.text, e.label_) for e in mended_places([country, kenya, bosnia], [*pieces, airline, bosnia])}
    assert got == {("Central African Republic", "GPE"), ("Kenya Airways", "ORG"), ("Bosnia", "GPE")}
    # one span inside, or pieces that are not places, leave the encoder's reading
    assert mended_places([country], [pieces[0]]) == [pieces[0]]
    people = [Span(doc, 3, 5, label="PERSON"), Span(doc, 5, 6, label="GPE")]
    assert mended_places([country], people) == people


@needs_model
def test_overwrite_mends_a_split_country_name():
    from spacy.tokens import Span

    register_stage(FACTORY)
    pipeline = spacy.blank("en")
    stage = pipeline.add_pipe(FACTORY, config={"mode": "overwrite", "threads": 1})
    doc = pipeline.make_doc("One month after the rebel movement Séléka took over power in the Central African Republic, "
                            "unrest is spreading in the country.")
    start = [t.text for t in doc].index("Central")
    doc.ents = [Span(doc, start, start + 3, label="GPE")]  # as the gazetteer ruler marks it
    assert ("Central African Republic", "GPE") in {(e.text, e.label_) for e in stage(doc).ents}
