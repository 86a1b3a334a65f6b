"""The `sitrep_events` stage on sentences written for these tests and on the seed article."""

import pytest

from sitrep.document import Event
from sitrep.events.ontology import EVENT_TYPES, MODALITIES
from sitrep.pipeline import load, run

from .conftest import SEED


def events(nlp, text):
    return run(nlp, text)._.events


@pytest.mark.parametrize(
    "text,type_,mode",
    [
        ("Gunmen opened fire on a bus near the border on Monday.", "ASSAULT", "firearms"),
        ("A car bomb exploded outside the ministry.", "ASSAULT", "explosives"),
        ("Police arrested twelve opposition activists in the capital.", "COERCE", "arrest"),
        ("Thousands of students protested against the new law.", "PROTEST", "demo"),
        ("Rebels kidnapped two aid workers in the north.", "ASSAULT", "abduct"),
        ("The two governments agreed to a ceasefire.", "AGREE", None),
        ("The minister condemned the decision.", "ACCUSE", "disapprove"),
        ("The army deployed troops along the frontier.", "MOBILIZE", "troops"),
        ("The two leaders held talks in Geneva.", "CONSULT", None),
        ("Police fired 12 rounds to disperse the crowd.", "ASSAULT", "firearms"),
        ("Militants hacked two villagers to death near Beni.", "ASSAULT", None),
        ("The president visited Kabul on Tuesday.", "CONSULT", "visit"),
    ],
)
def test_events_type_and_mode(events_nlp, text, type_, mode):
    found = events(events_nlp, text)
    assert found, text
    assert found[0].type == type_
    assert found[0].mode == mode
    assert found[0].type in EVENT_TYPES


def test_events_trigger_offsets_point_into_text(events_nlp):
    text = "Protesters blocked the highway. Later, police detained their leader."
    found = events(events_nlp, text)
    assert [e.id for e in found] == [f"e{i}" for i in range(1, len(found) + 1)]
    for e in found:
        assert isinstance(e, Event)
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert 0 < e.confidence <= 1
    assert found[-1].sentence == 1


@pytest.mark.parametrize(
    "text,modality",
    [
        ("The militants attacked the checkpoint.", "asserted"),
        ("The militants did not attack the checkpoint.", "negated"),
        ("The militants will attack the checkpoint.", "future"),
        ("If talks fail, the militants might attack the checkpoint.", "hypothetical"),
        ("The militants allegedly attacked the checkpoint.", "alleged"),
        ("Analysts assessed that the group could attack the capital within months.", "assessed"),
    ],
)
def test_events_modality(events_nlp, text, modality):
    found = [e for e in events(events_nlp, text) if e.type == "ASSAULT"]
    assert found and found[0].modality == modality
    assert found[0].modality in MODALITIES


def test_events_fired_from_a_job_is_no_event(events_nlp):
    assert not run(events_nlp, "He was fired from his job last year.")._.events


def test_events_no_duplicate_for_one_mention(events_nlp):
    found = events(events_nlp, "Insurgents shot dead three soldiers.")
    assert len(found) == 1
    assert found[0].trigger.text == "shot dead"


def test_events_coreferent_mentions_merge_within_article(events_nlp):
    text = ("A suicide bomber struck a market in the city on Friday. "
            "The blast killed at least 13 people. Witnesses said the bombing shattered windows.")
    assault = [e for e in events(events_nlp, text) if e.type == "ASSAULT"]
    assert len(assault) == 1
    assert [m.text for m in assault[0].mentions] == ["struck", "blast", "killed", "bombing"]


def test_events_distinct_attacks_stay_apart(events_nlp):
    text = "Rebels attacked a convoy on Monday. Separately, another attack hit a police post."
    assault = [e for e in events(events_nlp, text) if e.type == "ASSAULT"]
    assert len(assault) == 2
    # "the clashes" names a class of events, not the attack told before
    text = "Small farms were attacked on Monday. Police sent to deal with the clashes were accused of abuses."
    assert len([e for e in events(events_nlp, text) if e.type == "ASSAULT"]) == 2


def test_events_speech_act_embeds_its_complement(events_nlp):
    found = events(events_nlp, "The group threatened to attack the embassy.")
    assert [e.type for e in found] == ["THREATEN"]
    assert found[0].mode == "violence"


def test_events_acled_view_only_for_events_that_happened(events_nlp):
    bombing = events(events_nlp, "A roadside bomb exploded near the convoy.")[0]
    assert (bombing.acled_event_type, bombing.acled_sub_event_type) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    planned = events(events_nlp, "The group plans to bomb the convoy.")[0]
    assert planned.modality == "future" and planned.acled_event_type is None


def test_events_roles_from_actor_mentions(full_nlp):
    found = events(full_nlp, "Taliban fighters attacked a police checkpoint in Kunduz.")
    doc_actors = run(full_nlp, "Taliban fighters attacked a police checkpoint in Kunduz.")._.actors
    names = {a.id: a.name.lower() for a in doc_actors}
    assault = next(e for e in found if e.type == "ASSAULT")
    assert any("taliban" in names[a] for a in assault.source)
    assert any("police" in names[a] for a in assault.target)


def test_events_passive_swaps_roles(full_nlp):
    doc = run(full_nlp, "The police post was attacked by the Taliban.")
    names = {a.id: a.name.lower() for a in doc._.actors}
    assault = next(e for e in doc._.events if e.type == "ASSAULT")
    assert [names[a] for a in assault.source] and "taliban" in names[assault.source[0]]


def test_events_the_possessor_of_a_killing_suffered_it(full_nlp):
    doc = run(full_nlp, "For SMUG, the news of Mr Kato's killing came as a shock today.")
    names = {a.id: a.name.lower() for a in doc._.actors}
    killing = next(e for e in doc._.events if e.type == "ASSAULT")
    assert not killing.source and any("kato" in names[a] for a in killing.target)
    for text in ("ISIS's attack on the hospital killed 20.", "ISIS's killing of the hostages shocked the world."):
        doc = run(full_nlp, text)  # an attack, and a killing of someone, are the possessor's
        names = {a.id: a.name.lower() for a in doc._.actors}
        assert any("islamic state" in names[a] for a in doc._.events[0].source), text


def test_events_reporter_is_not_the_source_of_what_it_reports(full_nlp):
    doc = run(full_nlp, "UNICEF now reports widespread violence against children in Bangui.")
    names = {a.id: a.name.lower() for a in doc._.actors}
    violence = next(e for e in doc._.events if e.trigger.text.startswith("violence"))
    assert not any("unicef" in names[a] for a in violence.source)
    assert any("children" in names[a] for a in violence.target)
    doc = run(full_nlp, "A report by UNICEF mentions a sharp rise in attacks on schools.")
    assert all(e.source == [] for e in doc._.events if e.type == "ASSAULT")
    doc = run(full_nlp, "UNICEF spoke with three lawyers about the arrests.")
    assert all(e.source == [] for e in doc._.events if e.type == "COERCE")
    doc = run(full_nlp, "He was taken to a UNICEF clinic where he was treated for bullet wounds.")
    assert all(e.source == [] for e in doc._.events if e.type == "ASSAULT")  # the clinic, in another clause
    doc = run(full_nlp, "UNICEF workers attacked the children in Bangui.")  # no report between: the source stands
    names = {a.id: a.name.lower() for a in doc._.actors}
    attack = next(e for e in doc._.events if e.type == "ASSAULT")
    assert any("unicef" in names[a] for a in attack.source)


def test_events_no_source_by_position_for_doers_or_things(full_nlp):
    doc = run(full_nlp, "Police officers attacked the protesters.")
    protest = next(e for e in doc._.events if e.type == "PROTEST")
    assert protest.source == []  # the protesters' own protest, not the police's
    doc = run(full_nlp, "Police stations have become the favourite target of the bombers.")
    assert all(e.source == [] for e in doc._.events)  # the stations, not the police, stand before


def test_events_seed_article(events_nlp):
    if not SEED.is_file():
        pytest.skip("seed article not there")
    found = events(events_nlp, SEED.read_text(encoding="utf-8"))
    attack = [e for e in found if e.trigger.text == "attack" and e.type == "ASSAULT"]
    # "could have the capability to attack the United States in as little as six months"
    assert attack and attack[0].modality == "assessed"
    assert attack[0].acled_event_type is None
    fought = [e for e in found if e.trigger.text == "fought"]
    assert fought and fought[0].modality == "asserted" and fought[0].acled_event_type == "Battles"
    bombing = [e for e in found if "bombing" in e.trigger.text]
    assert bombing and bombing[0].mode == "explosives" and bombing[0].modality == "asserted"
    triggers = [(e.trigger.start, e.trigger.end) for e in found]
    assert len(triggers) == len(set(triggers))


@pytest.mark.parametrize("text", [
    "Mr Palmer lost his legal fight over the hard border.",
    "The trade war between the two countries deepened.",
    "The party won a bruising political battle over the budget.",
])
def test_events_figurative_conflicts_are_no_assault(events_nlp, text):
    assert [e.type for e in events(events_nlp, text)] == []


def test_events_victim_inside_a_gapped_trigger_is_its_target(full_nlp):
    doc = run(full_nlp, "Militants hacked the villagers to death in Kasai.")
    names = {a.id: a.name.lower() for a in doc._.actors}
    killing = next(e for e in doc._.events if e.type == "ASSAULT")
    assert killing.trigger.text == "hacked the villagers to death"
    assert [names[a] for a in killing.source] == ["militants"]
    assert [names[a] for a in killing.target] == ["villagers"]
    doc = run(full_nlp, "A mob beat two men to death.")  # a mob is an actor: ACLED's rioters
    mob = next(a for a in doc._.actors if a.name.lower() == "mob")
    assert mob.sector == "civilians" and doc._.events[0].source == [mob.id]
    # "to" closes the pattern: death squads kill no one in this sentence's words
    doc = run(full_nlp, "The farmer was shot by members of the death squads.")
    assert [(e.trigger.text, e.mode) for e in doc._.events if e.type == "ASSAULT"] == [("shot", "firearms")]


def test_events_wire_agency_takes_no_part():
    doc = run(load(), "KABUL, Nov 1 (Reuters) - Taliban fighters killed two soldiers in Kunduz.")
    names = {a.id: a.name for a in doc._.actors}
    killing = next(e for e in doc._.events if e.type == "ASSAULT")
    assert "Reuters" in names.values()  # the agency is an actor of the article ...
    assert "Reuters" not in [names[a] for a in killing.source]  # ... not of the killing
    assert any("Taliban" in names[a] for a in killing.source)


@pytest.fixture(scope="module")
def parsed_nlp():
    """The trained base (UD labels: nsubj:pass, obj, obl with a case preposition) under the stages."""
    return load(base="sitrep:en_sitrep", stages=["sitrep_entities", "sitrep_actors", "sitrep_events"])


@pytest.mark.parametrize(("text", "trigger", "source", "target"), [
    ("Nine civilians were killed and 22 others injured.", "killed", [], ["civilians"]),
    ("The police post was attacked by the Taliban.", "attacked", ["taliban"], ["police"]),
    ("On Wednesday, Turkish artillery shelled a PKK hideout.", "shelled", ["turkish armed forces"], ["kurdistan workers' party"]),
    ("The Taliban launched an attack on a police checkpoint.", "attack", ["taliban"], ["police"]),
    ("The rebels started carrying out raids on police posts by destroying their radios.", "destroying", ["rebels"], []),
])
def test_events_roles_read_a_ud_parse(parsed_nlp, text, trigger, source, target):
    doc = run(parsed_nlp, text)
    names = {a.id: a.name.lower() for a in doc._.actors}
    event = next(e for e in doc._.events if e.trigger.text.startswith(trigger))
    assert [names[a] for a in event.source] == source
    assert [names[a] for a in event.target] == target


def test_events_actor_named_as_the_place_is_no_source():
    nlp = load()  # the default config: its encoder NER finds the university
    doc = run(nlp, "In Delhi's Jawaharlal Nehru University clashes broke out in a hostel mess.")
    assert [e.source for e in doc._.events if e.type == "ASSAULT"] == [[]]
    doc = run(nlp, "Jawaharlal Nehru University clashes broke out in a hostel mess.")  # no place word: the source stands
    names = {a.id: a.name for a in doc._.actors}
    assert [[names[a] for a in e.source] for e in doc._.events] == [["Jawaharlal Nehru University"]]
