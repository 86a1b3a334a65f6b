"""Stage `sitrep_attack_arguments`: weapons and physical targets hung on their attacks."""

from sitrep.document import Event, Span
from sitrep.events.attack_arguments import NEIGHBOUR_DISCOUNT, AttackArguments
from sitrep.extraction import extract

CAR_BOMB = "Gunmen detonated a car bomb outside the police station in Kabul on Monday, killing five people."


def test_attack_gets_its_weapon_and_target_with_evidence(default_nlp):
    doc = extract(CAR_BOMB, published="2024-03-04", nlp=default_nlp)
    arguments = [(a.role, a.text) for e in doc.events for a in e.arguments]
    assert ("weapon", "car bomb") in arguments
    assert ("physical_target", "police station") in arguments
    for event in doc.events:
        for a in event.arguments:
            assert doc.text[a.start:a.end] == a.text
            assert a.sentence == event.sentence == 0
            assert 0 < a.confidence <= 1


def test_denied_attack_gets_no_arguments(default_nlp):
    doc = extract("The rebels denied that they had bombed the power station with rockets.", nlp=default_nlp)
    assert all(e.modality != "asserted" or e.type != "ASSAULT" for e in doc.events)
    assert not [a for e in doc.events for a in e.arguments]


def _attack(sentence: int, start: int) -> Event:
    return Event(id=f"e{sentence}", type="ASSAULT", trigger=Span(start=start, end=start + 6, text="attack"),
                 sentence=sentence)


def test_phrase_goes_to_the_nearest_attack_and_not_beyond_the_gap(default_nlp):
    stage = AttackArguments(default_nlp, "test", max_sentence_gap=1)
    same, next_one, far = _attack(2, 200), _attack(3, 300), _attack(9, 900)
    assert stage._attack_near([far, next_one, same], 2, 230) == (same, 1.0)
    assert stage._attack_near([far, next_one], 2, 230) == (next_one, NEIGHBOUR_DISCOUNT)
    assert stage._attack_near([far], 2, 230) == (None, 0.0)
