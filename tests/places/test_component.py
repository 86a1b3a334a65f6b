from sitrep.document import Actor, Event, Mention, Place, Span
from sitrep.pipeline import run
from sitrep.places.events import EventPlacer


def test_places_stage_fills_doc_places_on_the_seed(places_nlp, seed_path):
    doc = run(places_nlp, seed_path.read_text(encoding="utf-8"))
    places = doc._.places
    assert all(isinstance(p, Place) for p in places)
    assert [p.id for p in places] == [f"p{i + 1}" for i in range(len(places))]
    by_text = {p.text: p for p in places}
    for name in ["Kunar", "Nangarhar", "Nuristan", "Panjshir", "Kabul"]:
        assert by_text[name].country == "AFG" and by_text[name].admin1 and by_text[name].lat is not None
    for p in places:
        assert doc.text[p.start:p.end] == p.text
    assert "Khorasan" not in {doc.text[p.start:p.end] for p in places if doc.text[p.start - 1] == "-"}


def test_places_stage_handles_a_doc_without_prepare(places_nlp):
    doc = places_nlp("Troops moved from Herat to Kandahar.")
    assert {p.text for p in doc._.places} >= {"Herat", "Kandahar"}


def _event(doc, word: str, eid: str = "e1") -> Event:
    start = doc.text.index(word)
    sent = next(i for i, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
    return Event(id=eid, type="ASSAULT", trigger=Span(start=start, end=start + len(word), text=word), sentence=sent)


def test_event_placer_prefers_the_locative_place_in_the_sentence(places_nlp):
    text = "Pakistan condemned the attack. A suicide bomber killed 12 people in Jalalabad, Nangarhar province."
    doc = run(places_nlp, text)
    doc._.events = [_event(doc, "killed")]
    EventPlacer(places_nlp, "sitrep_event_places")(doc)
    event = doc._.events[0]
    place = next(p for p in doc._.places if p.id == event.place)
    assert place.text == "Jalalabad" and event.geo_precision == 1


def _placed(nlp, text: str, word: str, source: str | None = None) -> Place:
    """The place the event placer gives an event triggered by `word`; `source` names the
    event's source actor, a mention of it in the text."""
    doc = run(nlp, text)
    event = _event(doc, word)
    if source:
        start = text.index(source)
        doc._.actors = [Actor(id="a1", name=source, mentions=[Mention(start=start, end=start + len(source), text=source)])]
        event.source = ["a1"]
    doc._.events = [event]
    EventPlacer(nlp, "sitrep_event_places")(doc)
    return next(p for p in doc._.places if p.id == event.place)


def test_event_placer_skips_a_place_in_a_hyphened_modifier(places_nlp):
    text = "Fighting spread across Kunar province.\nMembers of the US-trained forces fled after the Taliban attacked them."
    assert _placed(places_nlp, text, "attacked").text == "Kunar"  # "US-trained" qualifies the forces


def test_event_placer_skips_the_source_actors_own_name(places_nlp):
    text = ("The Taliban took Kabul and Kandahar. Afghanistan has a new government.\n\n"
            "The United States attacked the Taliban for twenty years.")
    # who attacked is not where: the document's focus
    assert _placed(places_nlp, text, "attacked", source="United States").country == "AFG"


def test_event_placer_reads_a_place_before_an_irregular_verb_as_a_place(places_nlp):
    text = "Fighting raged in Kunar. Kunar was calm by night.\n\nKabul fell to the Taliban."
    assert _placed(places_nlp, text, "fell").text == "Kabul"  # not a modifier like "Kabul residents"


def test_event_placer_falls_back_to_paragraph_then_focus(places_nlp):
    text = "Clashes broke out in Kunar province.\nFighters attacked a checkpoint overnight.\n\nOfficials were silent."
    doc = run(places_nlp, text)
    doc._.events = [_event(doc, "attacked"), _event(doc, "silent", "e2")]
    EventPlacer(places_nlp, "sitrep_event_places")(doc)
    first, second = doc._.events
    kunar = next(p for p in doc._.places if p.text == "Kunar")
    assert first.place == kunar.id and first.geo_precision == 3
    assert second.place == kunar.id and second.geo_precision == 3


def test_event_placer_without_events_leaves_doc_alone(places_nlp):
    doc = run(places_nlp, "Nothing happened in Herat.")
    EventPlacer(places_nlp, "sitrep_event_places")(doc)
    assert doc._.events == []


def test_places_stage_reads_ap_abbreviations_and_skips_demonyms(places_nlp):
    doc = run(places_nlp, "Pakistani officials met in Charleston, W.Va., on Monday.")
    by_text = {p.text: p for p in doc._.places}
    assert "Pakistani" not in by_text
    assert by_text["W.Va."].admin1 == "West Virginia"
    assert by_text["Charleston"].admin1 == "West Virginia"


def test_event_placer_follows_the_parse_to_the_attached_place(places_nlp):
    from spacy.tokens import Doc

    from sitrep.pipeline.doc import prepare
    from sitrep.places import resolve

    # "A bomber who trained in Kabul killed 12 people in a market in Jalalabad ." with a UD parse:
    # Kabul is nearer the trigger, but hangs from "trained", not from "killed"
    words = ["A", "bomber", "who", "trained", "in", "Kabul", "killed", "12", "people", "in", "a", "market", "in",
             "Jalalabad", "."]
    heads = [1, 6, 3, 1, 5, 3, 6, 8, 6, 11, 11, 6, 13, 11, 6]
    deps = ["det", "nsubj", "nsubj", "acl:relcl", "case", "obl", "ROOT", "nummod", "obj", "case", "det", "obl",
            "case", "nmod", "punct"]
    pos = ["DET", "NOUN", "PRON", "VERB", "ADP", "PROPN", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN", "ADP",
           "PROPN", "PUNCT"]
    doc = prepare(Doc(places_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
                      sent_starts=[True] + [False] * 14))
    spans = [(doc[5].idx, doc[5].idx + 5), (doc[13].idx, doc[13].idx + 9)]
    doc._.places = resolve(doc.text, spans)
    doc._.events = [_event(doc, "killed")]
    EventPlacer(places_nlp, "sitrep_event_places")(doc)
    place = next(p for p in doc._.places if p.id == doc._.events[0].place)
    assert place.text == "Jalalabad"


def test_event_placer_uses_a_place_the_gazetteer_does_not_know(places_nlp):
    from sitrep.places import resolve

    text = "Police said the widow was murdered in Qzrtvillebagh on Saturday."
    doc = run(places_nlp, text)
    start = text.index("Qzrtvillebagh")
    doc._.places = resolve(text, [(start, start + len("Qzrtvillebagh"))])
    doc._.events = [_event(doc, "murdered")]
    EventPlacer(places_nlp, "sitrep_event_places")(doc)
    event = doc._.events[0]
    assert event.place == doc._.places[0].id and not doc._.places[0].resolved
    assert event.geo_precision == 2


def test_places_stage_reads_a_dateline_after_the_headline(places_nlp):
    doc = run(places_nlp, "Man held after chase. CHARLESTON, W.Va. -- A man was arrested on Friday.")
    by_text = {p.text: p for p in doc._.places}
    assert by_text["CHARLESTON"].admin1 == "West Virginia"


def test_area_names_the_model_took_for_people_are_places_in_a_list_of_places(tmp_path):
    import spacy

    from sitrep.pipeline import load, run

    # a base whose NER gets one province wrong, as statistical models do
    own = spacy.blank("en")
    own.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Kunar"},
                                              {"label": "PERSON", "pattern": "Kunar Singh"},
                                              {"label": "GPE", "pattern": "Nangarhar"}])
    own.to_disk(tmp_path / "base")
    nlp = load(base=str(tmp_path / "base"), stages=["sitrep_places"])
    doc = run(nlp, "It has cells in Kunar, Nangarhar and Nuristan provinces. Kunar Singh said so.")
    names = [p.text for p in doc._.places if p.resolved]
    assert names[:3] == ["Kunar", "Nangarhar", "Nuristan"]
    assert all(p.start < 40 for p in doc._.places)  # the person stays a person


def test_a_place_name_the_model_cut_at_a_particle_is_made_whole(tmp_path):
    import spacy

    from sitrep.pipeline import load, run

    own = spacy.blank("en")
    own.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "San Francisco"},
                                              {"label": "LOC", "pattern": "de Yojoa"}])
    own.to_disk(tmp_path / "base")
    nlp = load(base=str(tmp_path / "base"), stages=["sitrep_places"])
    place = run(nlp, "He was killed in the San Francisco de Yojoa region.")._.places[0]
    assert (place.text, place.country) == ("San Francisco de Yojoa", "HND")
    # two places that only happen to meet stay two
    texts = [p.text for p in run(nlp, "Flights from San Francisco de Yojoa and San Francisco resumed.")._.places]
    assert texts.count("San Francisco") == 1


def test_a_town_the_model_read_as_a_person_is_a_place(tmp_path):
    import spacy

    from sitrep.pipeline import load, run

    own = spacy.blank("en")
    own.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Pedro Juan Caballero"}])
    own.to_disk(tmp_path / "whole")
    nlp = load(base=str(tmp_path / "whole"), stages=["sitrep_places", "sitrep_actors"])
    doc = run(nlp, "The mayor of the town of Pedro Juan Caballero was shot.")  # the text calls it a town
    assert [(p.text, p.country) for p in doc._.places] == [("Pedro Juan Caballero", "PRY")]
    assert doc._.actors == []
    assert run(nlp, "Pedro Juan Caballero spoke.")._.places == []  # no word says place: the person stays
    cut = spacy.blank("en")
    cut.add_pipe("entity_ruler").add_patterns([{"label": "LOC", "pattern": "Pedro"}, {"label": "PERSON", "pattern": "Juan Caballero"}])
    cut.to_disk(tmp_path / "cut")
    nlp = load(base=str(tmp_path / "cut"), stages=["sitrep_places", "sitrep_actors"])
    doc = run(nlp, "Gunmen shot the mayor in Pedro Juan Caballero.")  # a place the model cut short
    assert [(p.text, p.country) for p in doc._.places] == [("Pedro Juan Caballero", "PRY")]
    assert [a.name for a in doc._.actors] == ["Gunmen"] or all(a.name != "Juan Caballero" for a in doc._.actors)
