"""Stage sitrep_relations: affiliations between actors."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_4f3246a8c156d27a.txt"


def _triples(doc):
    by_id = {a.id: a for a in doc._.actors}
    return [(r.type, by_id[r.source], by_id[r.target], r) for r in doc._.relations]


def test_relations_enlisted_with_coordinated_former_members(link):
    doc = link("Some former members of Afghanistan's intelligence service and elite military units—hunted "
               "by the Taliban—have enlisted in the only force challenging the country's new rulers: Islamic State.")
    joined = {(s.kb_id, s.status, t.kb_id) for kind, s, t, _ in _triples(doc) if kind == "joined"}
    assert ("AFG-SPY", "former", "isis") in joined
    assert ("AFG-MIL", "former", "isis") in joined
    assert not any(s.kb_id == "taliban" for _, s, _, _ in _triples(doc))


def test_relations_join_and_pledge(link):
    doc = link("In 2014, breakaway fighters from the Pakistani Taliban joined militants in Afghanistan to form "
               "a regional chapter, pledging allegiance to IS leader Abu Bakr al-Baghdadi.")
    triples = _triples(doc)
    joined = [(s, t, r) for kind, s, t, r in triples if kind == "joined"]
    assert any(s.kb_id == "ttp" and s.status == "breakaway" and t.name == "militants" for s, t, _ in joined)
    pledge = [(s, t) for s, t, r in joined if "allegiance" in r.trigger.text]
    assert pledge and pledge[0][0].kb_id == "ttp" and pledge[0][1].kb_id == "isis"
    assert all(r.sentence == 0 and 0 < r.confidence <= 1 for _, _, _, r in triples)


def test_relations_fights_and_affiliate(link):
    doc = link("The extremist group's regional affiliate, ISIS-Khorasan, is small. "
               "The Taliban and ISIS-K have fought each other. Fighting between Hamas and Fatah resumed.")
    kinds = {(kind, s.kb_id, t.kb_id) for kind, s, t, _ in _triples(doc)}
    assert ("fights", "hamas", "fatah") in kinds
    assert ("fights", "taliban", "iskp") in kinds or ("fights", "iskp", "taliban") in kinds


def test_relations_seed_article(link):
    if not SEED.is_file():
        pytest.skip("../shared/seed is not beside this checkout")
    doc = link(SEED.read_text(encoding="utf-8"))
    triples = {(kind, s.kb_id, s.status, t.kb_id or t.name) for kind, s, t, _ in _triples(doc)}
    assert ("joined", "AFG-SPY", "former", "isis") in triples
    assert ("joined", "ttp", "breakaway", "militants") in triples
    assert ("joined", "ttp", "breakaway", "isis") in triples
    assert ("member_of", "iskp", None, "isis") in triples
    assert ("fights", "taliban", None, "iskp") in triples


def test_relations_person_titles(link):
    doc = link("Hamas leader Yahya Sinwar spoke on Sunday.")
    members = {(s.name, t.kb_id) for kind, s, t, _ in _triples(doc) if kind == "member_of"}
    assert ("Yahya Sinwar", "hamas") in members


def test_relations_person_apposition():
    from sitrep.pipeline import load, run
    from sitrep.pipeline.factories import register_stage

    nlp = load(base="blank:en", stages=[])
    ruler = nlp.add_pipe("entity_ruler")  # stands in for a trained NER: it sets doc.ents
    ruler.add_patterns([{"label": "PERSON", "pattern": "Mohammed Deif"}])
    for stage in ("sitrep_actors", "sitrep_relations"):
        register_stage(stage)
        nlp.add_pipe(stage)
    doc = run(nlp, "Mohammed Deif, commander of the Qassam Brigades, was killed.")
    members = {(s.name, t.kb_id) for kind, s, t, _ in _triples(doc) if kind == "member_of"}
    assert ("Mohammed Deif", "qassam") in members
    deif = next(a for a in doc._.actors if a.name == "Mohammed Deif")
    assert (deif.sector, deif.country) == ("rebels", "PSE")


def test_relations_time_in_sentence(actors_nlp):
    """A relation takes the id of a time the times stage put in its sentence."""
    from sitrep.document import Time
    from sitrep.pipeline.doc import prepare

    text = "In 2015, fighters of the TTP joined ISIS-K. Later they left."
    doc = prepare(actors_nlp.make_doc(text))
    for name, proc in actors_nlp.pipeline:
        if name == "sitrep_relations":
            doc._.times.append(Time(id="t1", start=3, end=7, text="2015", sentence=0, value="2015", precision="year"))
        doc = proc(doc)
    (rel,) = [r for r in doc._.relations if r.type == "joined"]
    assert rel.time == "t1"
