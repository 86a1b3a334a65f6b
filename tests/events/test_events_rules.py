"""Lexicon inflection, PLOVER context rules and the ACLED table, through the public stage."""

import pytest

from sitrep.events.acled import acled_view
from sitrep.events.lexicon import expand, surface_table, verb_forms
from sitrep.events.ontology import EVENT_TYPES, MODES, current_type
from sitrep.pipeline import run


def test_lexicon_inflects_verbs_and_nouns():
    assert {"kidnapped", "kidnapping", "kidnaps"} <= verb_forms("kidnap")
    assert {"shot", "shooting"} <= verb_forms("shoot")
    assert {"expelled", "expelling"} <= verb_forms("expel")
    assert expand("v:open fire") >= {"opened fire", "opening fire"}
    assert expand("n:tear gas shell") == {"tear gas shell", "tear gas shells"}


def test_lexicon_types_and_modes_are_plover():
    for entry in surface_table().values():
        assert entry.type in EVENT_TYPES
        assert entry.mode is None or entry.mode in MODES[entry.type], entry


def test_legacy_gold_labels_map_to_plover_08():
    assert current_type("DEMAND") == "REQUEST"
    assert current_type("FIGHT") == "ASSAULT"
    assert current_type("ASSAULT") == "ASSAULT"


@pytest.mark.parametrize(
    "text,type_",
    [
        ("Finland said it will give Tanzania economic aid next year.", "AGREE"),
        ("Syria says it is willing to withdraw its troops from Lebanon.", "AGREE"),
        ("Farmers said they would blockade Paris from Monday night.", "THREATEN"),
        ("Serbia lifted a night curfew in Montenegro.", "RETREAT"),
    ],
)
def test_events_plover_context_rules(events_nlp, text, type_):
    found = run(events_nlp, text)._.events
    assert found and found[0].type == type_
    assert found[0].modality == "asserted"


def test_events_blocked_contexts(events_nlp):
    assert not run(events_nlp, "He died of a heart attack.")._.events
    assert not run(events_nlp, "The ministry released a statement on Monday.")._.events
    assert not run(events_nlp, "Welcome to the new India.")._.events  # a greeting
    assert not run(events_nlp, "It may be less offensive if carried out by local staff.")._.events  # the adjective
    assert not run(events_nlp, "He made offensive remarks.")._.events
    assert not run(events_nlp, "The shift in the charges is striking.")._.events
    assert run(events_nlp, "The army launched an offensive in the north.")._.events
    assert not run(events_nlp, "Republican Guard officers walk down the streets.")._.events  # a name
    assert not run(events_nlp, "Police officers used their riot shields.")._.events
    assert not run(events_nlp, "The physician feared a cardiac arrest.")._.events
    assert not run(events_nlp, "The list of alleged gangsters grew.")._.events  # no one alleges here
    assert [e.type for e in run(events_nlp, "He alleged that the company hired gangsters.")._.events] == ["ACCUSE"]
    assert run(events_nlp, "The minister welcomed the ceasefire.")._.events


def test_only_a_device_explodes(events_nlp, default_nlp):
    """ "Protests exploded": a figure of speech, read from the subject in a parse, else the word before."""
    for nlp in (events_nlp, default_nlp):
        assert "ASSAULT" not in {e.type for e in run(nlp, "Protests exploded across the country after the vote.")._.events}
        assert [e.type for e in run(nlp, "A car bomb exploded outside the embassy.")._.events] == ["ASSAULT"]
    assert "ASSAULT" not in {e.type for e in run(default_nlp, "A wave of anger exploded in the capital.")._.events}


def test_a_cyber_attack_is_coercion_not_force(events_nlp):
    """PLOVER's gold records code hacking as COERCE (context "cyber"); a machete is still force."""
    assert [e.type for e in run(events_nlp, "The ministry was hit by a spyware attack.")._.events] == ["COERCE"]
    assert [e.type for e in run(events_nlp, "Hackers hacked into the army's computers.")._.events] == ["COERCE"]
    assert [e.type for e in run(events_nlp, "Two farmers were hacked to death.")._.events] == ["ASSAULT"]


def test_acled_table():
    assert acled_view("PROTEST", "riot", None, "asserted", []) == ("Riots", "Violent demonstration")
    assert acled_view("COERCE", "arrest", "arrest", "alleged", []) == ("Strategic developments", "Arrests")
    assert acled_view("ASSAULT", None, "force", "asserted", ["civilians"]) == ("Violence against civilians", "Attack")
    assert acled_view("ASSAULT", None, "force", "asserted", ["military"]) == ("Battles", "Armed clash")
    assert acled_view("ASSAULT", None, "force", "asserted", []) == (None, None)
    assert acled_view("ASSAULT", "explosives", "force", "hypothetical", []) == (None, None)


def test_disasters_and_accidents_are_no_attacks(events_nlp):
    for text in ("A powerful earthquake last month killed more than 1,000 people.",
                 "Floods have killed 20 people in Assam.", "A bus crash killed 12 pilgrims.",
                 "A scooty-rider was killed after getting hit by a truck near Shadipora.",
                 "Two pilgrims were killed in a road accident on Sunday.",
                 "A blaze killed 44 people at the container depot.",
                 "After a blaze killed at least 44 people, including 10 firefighters, and injured some 200 others, police said."):
        assert not [e for e in run(events_nlp, text)._.events if e.type == "ASSAULT"], text
    # a hazard in another clause leaves the killing an attack
    for text in ("After the earthquake, gunmen killed five villagers.", "Gunmen killed two men, and a truck was burnt.",
                 "He was killed by a bomb planted in his car."):
        assert any(e.type == "ASSAULT" for e in run(events_nlp, text)._.events), text


def test_the_occupied_territory_is_a_place_not_a_seizure(events_nlp):
    text = "Israeli forces killed two Palestinians in the occupied West Bank and in Israeli-occupied Golan."
    assert [e.type for e in run(events_nlp, text)._.events] == ["ASSAULT"]
    assert any(e.type == "COERCE" for e in run(events_nlp, "Israel occupied the West Bank in 1967.")._.events)


def test_killing_a_report_or_a_deal_is_no_attack(events_nlp):
    for text in ("China is lobbying hard in Geneva to kill the report.", "Senators killed the bill on Tuesday.",
                 "We want to empower women and fight this patriarchy.", "The ministry vowed to fight against corruption."):
        assert not [e for e in run(events_nlp, text)._.events if e.type == "ASSAULT"], text
    for text in ("Gunmen killed the mayor on Tuesday.", "Troops fought against the rebels near Goma."):
        assert any(e.type == "ASSAULT" for e in run(events_nlp, text)._.events), text


def test_an_attack_in_words_is_disapproval(events_nlp):
    for text in ("It was triggered by a need to attack and insult comrade Carl.",
                 "She attacked him on national television while he was ill.",
                 "The minister launched a scathing attack on the opposition.", "He attacked the plan in a speech.",
                 "Targeting the Abdullahs, Chug said they had ruined the state."):
        assert [(e.type, e.mode) for e in run(events_nlp, text)._.events] == [("ACCUSE", "disapprove")], text
    for text in ("Rebels launched an attack on the radio station.", "Militants attacked the army post in the media district.",
                 "Targeting civilians, the militants killed 12 people."):
        assert [e.type for e in run(events_nlp, text)._.events] == ["ASSAULT"], text


def test_a_labour_strike_is_a_protest_and_an_order_is_no_property(events_nlp):
    found = run(events_nlp, "The numerous worker strikes and demonstrations contributed to unrest.")._.events
    assert [(e.type, e.mode) for e in found] == [("PROTEST", "boycott"), ("PROTEST", "demo")]
    assert [e.type for e in run(events_nlp, "Missile strikes hit the town.")._.events] == ["ASSAULT"]
    found = run(events_nlp, "The talks with the striking workers failed. Jets were striking rebel positions.")._.events
    assert [(e.type, e.trigger.text) for e in found] == [("CONSULT", "talks"), ("PROTEST", "striking workers"), ("ASSAULT", "striking")]
    assert not [e for e in run(events_nlp, "Such a crisis can destroy the political order.")._.events if e.type == "ASSAULT"]
    assert [e.type for e in run(events_nlp, "The army destroyed the rebel camps.")._.events] == ["ASSAULT"]
    assert not run(events_nlp, "The congress would mobilise workers nationwide.")._.events  # no forces
    assert [e.type for e in run(events_nlp, "The army mobilised troops along the border.")._.events] == ["MOBILIZE"]
