"""sitrep_casualties: figures linked to a hand-made event, UCDP sides, ACLED conservatism;
and sitrep eval casualties on hand-written MUC-4 keys."""

from __future__ import annotations

import json

from sitrep.document import Event, Span
from sitrep.eval import casualties as casualty_eval
from sitrep.pipeline import load
from sitrep.pipeline.doc import prepare


def _run_with_event(text: str, trigger: str):
    nlp = load(base="blank:en", stages=["sitrep_times", "sitrep_quantities", "sitrep_casualties"])
    doc = prepare(nlp.make_doc(text), {"published": "2021-11-01"})
    for name, proc in nlp.pipeline:
        if name == "sitrep_casualties":
            start = text.index(trigger)
            doc._.events.append(Event(id="e1", type="ASSAULT", trigger=Span(start=start, end=start + len(trigger), text=trigger), sentence=0))
        doc = proc(doc)
    return doc


def test_casualty_linker_sums_sides_and_links_quantities():
    doc = _run_with_event("Gunmen attacked a bus, killing at least 13 civilians and two soldiers. Dozens were wounded.", "attacked")
    toll = doc._.events[0].fatalities
    assert (toll.best, toll.low, toll.high, toll.civilians, toll.side_a) == (15, 15, None, 13, 2)
    assert toll.quantity == doc._.quantities[0].id
    assert all(q.refers_to == "e1" for q in doc._.quantities)  # the injured too, in the next sentence


def test_casualty_linker_takes_the_conservative_report():
    doc = _run_with_event("Militants stormed the village, killing dozens of villagers; officials said 40 villagers were killed.", "stormed")
    toll = doc._.events[0].fatalities
    assert (toll.best, toll.civilians) == (12, 12)  # ACLED: "dozens" is 12, the lower of two reports


def test_casualty_linker_without_figures_or_events():
    doc = _run_with_event("Gunmen attacked a bus.", "attacked")
    assert doc._.events[0].fatalities is None
    nlp = load(base="blank:en", stages=["sitrep_quantities", "sitrep_casualties"])
    from sitrep.pipeline import run

    assert run(nlp, "Five people were killed.", meta=None)._.events == []


KEYS = """0.  MESSAGE: ID                    DEV-MUC3-0001
1.  MESSAGE: TEMPLATE              1
19. HUM TGT: DESCRIPTION           "PEASANTS"
21. HUM TGT: NUMBER                7: "PEASANTS"
23. HUM TGT: EFFECT OF INCIDENT    DEATH: "PEASANTS"
0.  MESSAGE: ID                    DEV-MUC3-0002
1.  MESSAGE: TEMPLATE              1
21. HUM TGT: NUMBER                2: "SOLDIERS"
                                   1: "MAYOR"
23. HUM TGT: EFFECT OF INCIDENT    INJURY: "SOLDIERS"
                                   DEATH: "MAYOR"
0.  MESSAGE: ID                    DEV-MUC3-0003
1.  MESSAGE: TEMPLATE              *
"""


def test_casualty_eval_scores_against_muc4_keys(tmp_path):
    messages = [
        {"docid": "DEV-MUC3-0001", "doctext": "guerrillas killed seven peasants in the village of flores."},
        {"docid": "DEV-MUC3-0002", "doctext": "the mayor was shot dead and two soldiers were wounded in the attack."},
        {"docid": "DEV-MUC3-0003", "doctext": "the president spoke about the economy."},
    ]
    (tmp_path / "dev.json").write_text("\n".join(json.dumps(m) for m in messages))
    (tmp_path / "keys_dev").write_text(KEYS)
    incidents, has_effects = casualty_eval.read_keys(tmp_path / "keys_dev")
    assert has_effects and incidents["DEV-MUC3-0002"][0].toll("INJURY") == 2
    metrics = casualty_eval.run(tmp_path / "dev.json")
    assert metrics["messages_with_incidents"] == 2
    assert metrics["deaths"]["accuracy"] == 0.5  # 7 found; "the mayor was shot dead" has no figure
    assert metrics["injuries"]["accuracy"] == 1.0
    assert "deaths" in casualty_eval.report(metrics)


def test_casualty_eval_says_when_keys_carry_no_effects(shared_data):
    metrics = casualty_eval.run(shared_data / "muc4" / "dev.json", limit=20)
    assert metrics["messages"] == 20
    if not metrics["gold_available"]:
        assert "no HUM TGT" in casualty_eval.report(metrics)


def test_casualty_linker_does_not_count_a_subset_twice():
    doc = _run_with_event("Rebels attacked the base, and four soldiers, including two officers, were killed.", "attacked")
    assert doc._.events[0].fatalities.side_a == 4


def test_quantity_tagger_partitive_total_is_not_a_toll():
    doc = _run_with_event("A bomb exploded and seven of the nine soldiers were wounded.", "exploded")
    kinds = {q.text: q.kind for q in doc._.quantities}
    assert kinds["seven"] == "casualties_injured" and kinds["nine soldiers"] == "force_size"


def test_the_killed_go_to_the_killing_not_to_a_nearer_protest():
    nlp = load(base="blank:en", stages=["sitrep_entities", "sitrep_quantities", "sitrep_actors", "sitrep_events", "sitrep_casualties"])
    doc = nlp("Fourteen protesters and four police officers were killed in the violence.")
    by_type = {e.type: e for e in doc._.events}
    assert "PROTEST" in by_type  # "protesters" tells a protest, nearer the officers' figure
    assert by_type["ASSAULT"].fatalities.best == 18
    assert all(e.fatalities is None for e in doc._.events if e.type != "ASSAULT")


def test_a_toll_goes_to_the_event_a_later_mention_names():
    nlp = load(base="blank:en", stages=["sitrep_entities", "sitrep_quantities", "sitrep_actors", "sitrep_events", "sitrep_casualties"])
    doc = nlp("Iran condemns deadly attack on Zakho\n\nThe spokesperson condemned the shelling of the city of Zakho, "
              "which resulted in the death of 10 and injury of 31 civilians.")
    attack = next(e for e in doc._.events if e.type == "ASSAULT")
    assert [m.text for m in attack.mentions] == ["shelling"]  # the headline's attack, told again
    assert attack.fatalities.best == 10
    kinds = {q.text: q.kind for q in doc._.quantities}
    assert kinds == {"10": "casualties_killed", "31 civilians": "casualties_injured"}


def test_the_dead_are_no_toll_of_talks():
    nlp = load(base="blank:en", stages=["sitrep_entities", "sitrep_quantities", "sitrep_actors", "sitrep_events", "sitrep_casualties"])
    doc = nlp("After at least ten deaths, the administration negotiated a pact with indigenous organisations.")
    assert all(e.fatalities is None for e in doc._.events if e.type == "CONSULT")
    assert all(q.refers_to is None for q in doc._.quantities)
