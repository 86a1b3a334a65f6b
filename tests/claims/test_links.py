"""Links of claims: estimates side by side, actors of speakers (also through pronouns), what a
claim is about, and the stage's settings."""

from __future__ import annotations

from sitrep.document import Actor, Mention, Quantity
from sitrep.pipeline import load
from sitrep.pipeline.doc import prepare


def _run(nlp, text: str, actors=(), quantities=()):
    doc = prepare(nlp.make_doc(text))
    doc._.actors.extend(actors)
    doc._.quantities.extend(quantities)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_links_estimates_from_two_sources_contradict(claims_nlp):
    text = (
        "The health ministry said that 120 civilians were killed in the strike. "
        "A local monitoring group said that 85 civilians died there."
    )
    first, second = _run(claims_nlp, text)._.claims
    assert first.kind == second.kind == "estimate"
    assert first.contradicts == [second.id] and second.contradicts == [first.id]


def test_links_estimates_of_different_things_stay_apart(claims_nlp):
    text = "The ministry said that 120 civilians were killed. The army said that 40 tanks were destroyed."
    claims = _run(claims_nlp, text)._.claims
    assert all(c.contradicts == [] for c in claims)


def test_links_pronoun_speaker_takes_the_antecedent_actor(claims_nlp):
    text = "The Herald report said that the port was closed. It said that ships were turned away."
    start = text.index("The Herald")
    herald = Actor(id="a1", name="The Herald", mentions=[Mention(start=start, end=start + 10, text="The Herald")])
    claims = _run(claims_nlp, text, actors=[herald])._.claims
    assert claims[1].speaker.text == "It"
    assert claims[0].speaker_actor == claims[1].speaker_actor == "a1"


def test_links_about_holds_quantities_inside_the_content(claims_nlp):
    text = "Officials said that 300 families fled the town."
    at = text.index("300")
    quantity = Quantity(id="q1", start=at, end=at + 12, text="300 families", best=300, unit="families")
    (claim,) = _run(claims_nlp, text, quantities=[quantity])._.claims
    assert claim.about == ["q1"]
    assert claim.kind == "estimate"


def test_links_attitudes_can_be_left_out():
    nlp = load(base="blank:en", stages=["sitrep_claims"])
    nlp_strict = load(base="blank:en", stages=["sitrep_claims"])
    nlp_strict.get_pipe("sitrep_claims").attitudes = False
    text = "Senator Mora supports the new border agreement."
    assert [c.cue.text for c in _run(nlp, text)._.claims] == ["supports"]
    assert _run(nlp_strict, text)._.claims == []
