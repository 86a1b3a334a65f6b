"""The pipeline frame: config, base swap, stage registration, the Doc contract."""

import pytest
import spacy
from spacy.language import Language

from sitrep.errors import SitrepError
from sitrep.pipeline import load, read_config, run, run_many
from sitrep.pipeline.doc import next_id, sentence_index, text_of

TEXT = "Taliban fighters attacked a checkpoint in Kunar. Pakistani officials said Afghans fled."


def write_cfg(tmp_path, base, stages):
    path = tmp_path / "p.cfg"
    path.write_text(f'[sitrep]\nbase = "{base}"\nexclude = []\nstages = {stages!r}\n'.replace("'", '"'))
    return path


def test_blank_base_gets_a_sentencizer_and_the_stages(tmp_path):
    nlp = load(write_cfg(tmp_path, "blank:en", ["sitrep_entities"]))
    assert nlp.pipe_names == ["sitrep_paragraphs", "sentencizer", "sitrep_entities"]
    doc = run(nlp, TEXT, {"published": "2021-11-01"})
    assert [s.text for s in doc.sents][1].startswith("Pakistani")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Pakistani", "NORP"), ("Afghans", "NORP")}
    assert doc._.meta["published"] == "2021-11-01"
    assert doc._.places == [] and doc._.events == []


def test_any_spacy_pipeline_on_disk_can_be_the_base(tmp_path):
    # stands in for en_core_web_trf: a user's own pipeline, saved, with its own ruler
    own = spacy.blank("en")
    own.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Taliban"}])
    own.to_disk(tmp_path / "own_pipeline")
    nlp = load(write_cfg(tmp_path, str(tmp_path / "own_pipeline"), ["sitrep_entities"]))
    assert nlp.pipe_names[:3] == ["sitrep_paragraphs", "sentencizer", "entity_ruler"]
    doc = run(nlp, TEXT)
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Taliban"] == "ORG" and labels["Pakistani"] == "NORP"


def test_a_dateline_dash_is_split_from_its_place():
    for base in ("blank:en", "sitrep:en_sitrep"):
        nlp = load(base=base, stages=[])
        words = [t.text for t in nlp.make_doc("Srinagar- The police and KABUL- Two self- styled militants")]
        assert words[:3] == ["Srinagar", "-", "The"], base
        assert ["KABUL", "-"] == words[5:7] and "self-" in words, base  # lower-case words keep their dash
        nlp.tokenizer.to_bytes()  # the tokenizer still serialises


def test_overrides_replace_config_keys():
    nlp = load(base="blank:en", stages=[])
    assert nlp.pipe_names == ["sitrep_paragraphs", "sentencizer"]


def test_unknown_stage_and_missing_base_are_explained(tmp_path):
    with pytest.raises(SitrepError, match="E005"):
        load(base="blank:en", stages=["sitrep_nope"])
    with pytest.raises(SitrepError, match="E003"):
        load(base=str(tmp_path / "no_such_pipeline"), stages=[])
    with pytest.raises(SitrepError, match="E002"):
        load(tmp_path / "missing.cfg")


def test_a_component_that_returns_no_doc_is_an_error():
    @Language.component("sitrep_test_broken")
    def broken(doc):
        return None

    nlp = load(base="blank:en", stages=[])
    nlp.add_pipe("sitrep_test_broken")
    with pytest.raises(SitrepError, match="E004"):
        run(nlp, TEXT)


def test_run_many_keeps_each_articles_metadata():
    nlp = load(base="blank:en", stages=["sitrep_entities"])
    docs = list(run_many(nlp, [("One. Two.", {"published": "2020-01-01"}), ("Three.", {"published": None})]))
    assert [d._.meta["published"] for d in docs] == ["2020-01-01", None]
    assert sentence_index(docs[0], 5) == 1 and sentence_index(docs[0], 0) == 0
    assert next_id(docs[0]._.places, "p") == "p1"


def test_text_of_builds_the_text_once():
    doc = spacy.blank("en")("Rebels shelled the town.  Two died.")
    first = text_of(doc)
    assert first == doc.text == "Rebels shelled the town.  Two died."
    assert text_of(doc) is first  # cached: doc.text would join the tokens again


def test_a_headline_is_its_own_sentence():
    nlp = load(base="blank:en", stages=[])
    doc = run(nlp, "Gunmen kill 12 in Borno\n\nMAIDUGURI, Nigeria - Gunmen killed 12 people. Police said so.")
    assert [s.text.strip() for s in doc.sents][:2] == ["Gunmen kill 12 in Borno", "MAIDUGURI, Nigeria - Gunmen killed 12 people."]


def test_hard_wrapped_lines_do_not_split_sentences():
    nlp = load(base="blank:en", stages=[])
    doc = run(nlp, "Gunmen killed 12 people in an attack on\na market in Konduga, police said.")
    assert len(list(doc.sents)) == 1


def test_whitespace_and_opening_quotes_never_stand_alone_as_sentences():
    nlp = load(base="blank:en", stages=[])
    doc = run(nlp, "Nabil told WSJ so.\n\n“If there were a resistance, they would join,” Nabil said.\n\nEnd.")
    texts = [s.text for s in doc.sents]
    assert len(texts) == 3 and texts[1].startswith("“If") and all(t.strip() for t in texts)


def test_entity_stage_corrects_known_organisations_and_marks_its_source(tmp_path):
    import spacy

    own = spacy.blank("en")  # a base model with the classic error: an armed group as a person
    own.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Taliban"},
                                              {"label": "PERSON", "pattern": "Colin Kahl"}])
    own.to_disk(tmp_path / "base")
    nlp = load(base=str(tmp_path / "base"), stages=["sitrep_entities"])
    doc = run(nlp, "Colin Kahl said the Taliban and Hezbollah fought Iraqi forces.")
    ents = {e.text: (e.label_, e.ent_id_.split(":")[0]) for e in doc.ents}
    assert ents["Taliban"] == ("ORG", "sitrep_entities")
    assert ents["Hezbollah"] == ("ORG", "sitrep_entities") and ents["Iraqi"] == ("NORP", "sitrep_entities")
    assert ents["Colin Kahl"] == ("PERSON", "")


def test_a_shipped_config_can_be_named():
    default, _ = read_config(None)
    fast, _ = read_config("fast")
    assert "sitrep_encoder_ner" in default["stages"] and "ner" in default["exclude"]
    assert "sitrep_encoder_ner" not in fast["stages"] and fast["stages"] == default["stages"][1:]
    with pytest.raises(SitrepError, match=r"E002.*default, fast"):
        read_config("no-such-config")


def test_sitrep_extract_stays_the_function_after_the_modules_load():
    # a module named like the function replaced `sitrep.extract` with itself once imported
    import sitrep
    import sitrep.extraction

    first = sitrep.extract
    assert callable(first) and first is sitrep.extraction.extract
    assert sitrep.extract is first
