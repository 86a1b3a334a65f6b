"""The seed article's claims: Nabil told WSJ, the UN report, the Taliban's allegation and its denial."""

from __future__ import annotations

import pytest

from sitrep.document import Event, Span
from sitrep.pipeline import run

from .conftest import SEED

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="seed article not found in ../shared")


@pytest.fixture(scope="module")
def seed_claims(claims_nlp):
    return run(claims_nlp, SEED.read_text(encoding="utf-8"))._.claims


def _by_speaker(claims, start: str):
    return [c for c in claims if c.speaker and c.speaker.text.startswith(start)]


def test_seed_nabil_told_wsj(seed_claims):
    (claim,) = [c for c in _by_speaker(seed_claims, "Rahmatullah Nabil") if c.cue.text == "told"]
    assert claim.medium == "WSJ"
    assert claim.speaker_role == "former head of Afghanistan’s spy agency National Directorate of Security"
    assert claim.content.text.startswith("that ISIS has become very attractive")


def test_seed_un_security_council_report(seed_claims):
    (claim,) = _by_speaker(seed_claims, "a UN Security Council report")
    assert claim.cue.text == "according to"
    assert claim.content.text.startswith("Latest estimates of its strength vary")
    assert claim.kind == "estimate"


def test_seed_allegation_denied_by_washington(seed_claims):
    (allegation,) = [c for c in seed_claims if c.kind == "allegation" and c.speaker.text == "The Taliban"]
    (denial,) = [c for c in seed_claims if c.kind == "denial"]
    assert denial.speaker.text.startswith("Washington")
    assert denial.content.text == "The claim"
    assert allegation.id in denial.contradicts and denial.id in allegation.contradicts


def test_seed_ids_are_sequential(seed_claims):
    assert [c.id for c in seed_claims] == [f"c{i}" for i in range(1, len(seed_claims) + 1)]


def test_seed_event_inside_allegation_becomes_alleged(claims_nlp):
    """An event found by an earlier stage inside the allegation takes its modality and claim."""
    from sitrep.pipeline.doc import prepare

    text = SEED.read_text(encoding="utf-8")
    doc = prepare(claims_nlp.make_doc(text))
    at = text.index("aimed to sow division")
    event = Event(id="e1", type="COERCE", trigger=Span(start=at, end=at + 5, text="aimed"), sentence=0)
    doc._.events.append(event)
    for _name, proc in claims_nlp.pipeline:
        doc = proc(doc)
    assert event.modality == "alleged"
    assert event.claim is not None and doc._.claims[int(event.claim[1:]) - 1].kind == "allegation"


def test_seed_kahl_role_under_secretary(seed_claims):
    (claim,) = _by_speaker(seed_claims, "Colin Kahl")
    assert claim.speaker_role == "under secretary of defence for policy"
    assert claim.content.text.startswith("it was still unclear")


def test_seed_pronoun_it_resolves_to_the_report(claims_nlp):
    """"It said" follows "the report said": the pronoun keeps its text and its claim its confidence drop."""
    doc = run(claims_nlp, SEED.read_text(encoding="utf-8"))
    (it_claim,) = [c for c in doc._.claims if c.speaker and c.speaker.text == "It"]
    (report_claim,) = [c for c in doc._.claims if c.speaker and c.speaker.text == "the report"]
    assert it_claim.confidence < report_claim.confidence
