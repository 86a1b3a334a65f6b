"""Hand-built, realistic sitrep Documents for the store and export tests.

Three articles (Nangarhar, Kharkiv, West Darfur) with entities, places, times, quantities,
actors, events, claims and a relation, every span found in the text by search so offsets are
right by construction. `variant()` makes distinct articles (new content id) from one of them.
"""

from __future__ import annotations

import copy
import re

from sitrep.document import (
    Actor,
    Argument,
    Casualties,
    Claim,
    Document,
    Entity,
    Event,
    Mention,
    Place,
    Provenance,
    Quantity,
    Relation,
    Sentence,
    Span,
    Time,
    content_id,
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“])")


class Draft:
    """A document under construction: finds phrases in its text and builds items on them."""

    def __init__(self, text: str, **meta):
        self.doc = Document(id=content_id(text), text=text, sentences=_sentences(text), **meta)

    def span(self, phrase: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.doc.text.index(phrase, start + 1)
        return Span(start=start, end=start + len(phrase), text=phrase)

    def between(self, first: str, last: str) -> Span:
        """The span from the start of `first` to the end of the next `last` after it."""
        start = self.span(first).start
        end = self.doc.text.index(last, start) + len(last)
        return Span(start=start, end=end, text=self.doc.text[start:end])

    def item(self, cls, phrase: str, nth: int = 0, **fields):
        s = self.span(phrase, nth)
        return cls(start=s.start, end=s.end, text=s.text,
                   sentence=self.doc.sentence_of(s.start), **fields)

    def sentence(self, phrase: str) -> int:
        return self.doc.sentence_of(self.span(phrase).start)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(Sentence(start=start, end=m.start()))
        start = m.end()
    out.append(Sentence(start=start, end=len(text)))
    return out


def nangarhar() -> Document:
    d = Draft(
        "Gunmen killed four Taliban fighters at a checkpoint in Jalalabad on Tuesday, a "
        "provincial spokesman said. Islamic State Khorasan Province claimed the attack in a "
        "statement. The Taliban denied that any of its fighters had defected to the group. "
        "Former soldiers of the Afghan National Army have joined ISIS-K in recent months, "
        "according to a former intelligence official.",
        url="https://news.example.org/2021/11/03/jalalabad-checkpoint",
        title="Gunmen kill four Taliban fighters in Jalalabad",
        source="Example News", published="2021-11-03T09:30:00Z", published_source="metadata",
        published_confidence=0.95,
        provenance=Provenance(path="feeds/example.jsonl", offset=17, format="jsonl"),
        pipeline={"name": "sitrep", "version": "0.1.0", "components": ["ner", "events"]},
    )
    doc = d.doc
    doc.entities = [
        d.item(Entity, "Taliban", label="ORG", component="ner"),
        d.item(Entity, "Jalalabad", label="LOC", component="gazetteer"),
        d.item(Entity, "Islamic State Khorasan Province", label="ORG", component="ner"),
        d.item(Entity, "Afghan National Army", label="ORG", component="ner", confidence=0.8),
        d.item(Entity, "ISIS-K", label="ORG", component="ner"),
    ]
    doc.places = [d.item(Place, "Jalalabad", id="p1", lat=34.4265, lon=70.4515, country="AFG",
                         admin1="Nangarhar", admin1_code="AF-NAN",
                         feature_class="populated_place", gazetteer_id="geonames:1138958",
                         resolved=True, confidence=0.9)]
    doc.times = [d.item(Time, "Tuesday", id="t1", value="2021-11-02", precision="day",
                        anchor="2021-11-03", resolved=True),
                 d.item(Time, "in recent months", id="t2", value="2021-08/2021-11",
                        precision="month", kind="date", resolved=True, confidence=0.6)]
    doc.quantities = [d.item(Quantity, "four", id="q1", low=4, best=4, high=4,
                             unit="Taliban fighters", kind="casualties_killed", refers_to="e1")]
    doc.actors = [
        Actor(id="a1", name="Gunmen", sector="unidentified armed group",
              mentions=[d.item(Mention, "Gunmen")], confidence=0.7),
        Actor(id="a2", name="Taliban", aliases=["Islamic Emirate"], sector="government",
              country="AFG", kb_id="kb:taliban",
              mentions=[d.item(Mention, "Taliban"), d.item(Mention, "Taliban", nth=1)]),
        Actor(id="a3", name="Islamic State Khorasan Province", aliases=["ISIS-K", "ISKP"],
              sector="rebels", kb_id="kb:iskp",
              mentions=[d.item(Mention, "Islamic State Khorasan Province"),
                        d.item(Mention, "ISIS-K")]),
        Actor(id="a4", name="Former soldiers of the Afghan National Army", sector="military",
              country="AFG", status="former",
              mentions=[d.item(Mention, "Former soldiers of the Afghan National Army")]),
    ]
    doc.events = [
        Event(id="e1", type="ASSAULT", mode="firearms", trigger=d.span("killed"),
              sentence=d.sentence("killed"), source=["a1", "a3"], target=["a2"], place="p1",
              geo_precision=1, time="t1", date="2021-11-02", time_precision=1,
              fatalities=Casualties(low=4, best=4, high=4, side_b=4, quantity="q1"),
              acled_event_type="Battles", acled_sub_event_type="Armed clash", claim="c1",
              confidence=0.82),
        Event(id="e2", type="REJECT", mode="deny", trigger=d.span("denied"),
              sentence=d.sentence("denied"), source=["a2"], target=[], modality="asserted",
              confidence=0.6),
    ]
    doc.claims = [
        Claim(id="c1", speaker=d.span("a provincial spokesman"),
              speaker_role="provincial spokesman", cue=d.span("said"),
              content=d.between("Gunmen killed", "on Tuesday"),
              sentence=0, about=["e1", "q1"], confidence=0.9),
        Claim(id="c2", speaker=d.span("a former intelligence official"),
              cue=d.span("according to"),
              content=d.between("Former soldiers", "in recent months"),
              kind="assessment", sentence=d.sentence("according to"), about=["a4", "a3"]),
    ]
    doc.relations = [Relation(type="joined", source="a4", target="a3", time="t2",
                              trigger=d.span("joined"), sentence=d.sentence("joined"),
                              event="COOPERATE", confidence=0.75)]
    return doc


def kharkiv() -> Document:
    d = Draft(
        "Russian forces shelled residential areas of Kharkiv on 14 May 2022, killing at least "
        "three civilians and wounding 12, the regional governor said. “We were sleeping, "
        "then the windows exploded,” a resident of Kharkiv’s Saltivka district told reporters. "
        "Ukrainian troops pushed Russian units back from villages north of the city, the "
        "general staff said.",
        url="https://wire.example.com/ukraine/kharkiv-shelling?id=88",
        title="Shelling kills three in Kharkiv", source="Example Wire",
        published="2022-05-15", published_source="given",
        provenance=Provenance(url="https://wire.example.com/ukraine/kharkiv-shelling?id=88",
                              format="html"),
    )
    doc = d.doc
    doc.entities = [d.item(Entity, "Kharkiv", label="LOC"), d.item(Entity, "Saltivka", label="LOC"),
                    d.item(Entity, "Russian", label="NORP", component="ruler")]
    doc.places = [
        d.item(Place, "Kharkiv", id="p1", lat=49.9935, lon=36.2304, country="UKR",
               admin1="Kharkiv Oblast", admin1_code="UA-63", feature_class="populated_place",
               gazetteer_id="geonames:706483", resolved=True),
        d.item(Place, "Saltivka", id="p2", country="UKR", admin1="Kharkiv Oblast",
               resolved=False, confidence=0.4),
    ]
    doc.times = [d.item(Time, "14 May 2022", id="t1", value="2022-05-14", precision="day",
                        resolved=True)]
    doc.quantities = [
        d.item(Quantity, "at least three", id="q1", low=3, best=3, unit="civilians",
               kind="casualties_killed", refers_to="e1"),
        d.item(Quantity, "12", id="q2", low=12, best=12, high=12, unit="civilians",
               kind="casualties_injured", refers_to="e1"),
    ]
    doc.actors = [
        Actor(id="a1", name="Russian forces", sector="military", country="RUS",
              kb_id="kb:rus-military", mentions=[d.item(Mention, "Russian forces")]),
        Actor(id="a2", name="Civilians (Ukraine)", sector="civilians", country="UKR",
              mentions=[d.item(Mention, "residential areas of Kharkiv")], confidence=0.7),
        Actor(id="a3", name="Ukrainian troops", sector="military", country="UKR",
              kb_id="kb:ukr-military", mentions=[d.item(Mention, "Ukrainian troops")]),
        Actor(id="a4", name="Russian units", sector="military", country="RUS",
              kb_id="kb:rus-military", mentions=[d.item(Mention, "Russian units")]),
    ]
    doc.events = [
        Event(id="e1", type="ASSAULT", mode="shelling", trigger=d.span("shelled"),
              sentence=0, source=["a1"], target=["a2"], place="p1", geo_precision=1,
              time="t1", date="2022-05-14", time_precision=1,
              fatalities=Casualties(low=3, best=3, civilians=3, quantity="q1"),
              acled_event_type="Explosions/Remote violence",
              acled_sub_event_type="Shelling/artillery/missile attack",
              arguments=[d.item(Argument, "residential areas of Kharkiv", role="physical_target",
                                confidence=0.6)],
              confidence=0.9),
        Event(id="e2", type="ASSAULT", mode="ground", trigger=d.span("pushed"),
              sentence=d.sentence("pushed"), source=["a3"], target=["a4", "a1"], place="p1",
              geo_precision=2, time="t1", time_precision=1, acled_event_type="Battles",
              acled_sub_event_type="Armed clash", confidence=0.7),
    ]
    doc.claims = [Claim(id="c1", speaker=d.span("the regional governor"), cue=d.span("said"),
                        content=d.between("Russian forces shelled", "wounding 12"),
                        about=["e1", "q1", "q2"])]
    return doc


def west_darfur() -> Document:
    d = Draft(
        "Fighters from the Rapid Support Forces attacked a camp for displaced people near El "
        "Geneina last week, aid workers said, though the group denied involvement.",
        title="Camp attacked near El Geneina", source="Example Radio",
        published="2023-06-12", published_source="inferred", published_confidence=0.5,
        provenance=Provenance(path="inbox/darfur.txt", format="text"),
    )
    doc = d.doc
    doc.places = [d.item(Place, "El Geneina", id="p1", country="SDN", admin1="West Darfur",
                         resolved=False, confidence=0.5)]
    doc.times = [d.item(Time, "last week", id="t1", value="2023-W23", precision="week",
                        anchor="2023-06-12", resolved=True)]
    doc.actors = [
        Actor(id="a1", name="Rapid Support Forces", aliases=["RSF"], sector="rebels",
              country="SDN", kb_id="kb:rsf", mentions=[d.item(Mention, "Rapid Support Forces")]),
        Actor(id="a2", name="Displaced people (Sudan)", sector="civilians", country="SDN",
              mentions=[d.item(Mention, "displaced people")]),
    ]
    doc.events = [Event(id="e1", type="ASSAULT", mode="attack", trigger=d.span("attacked"),
                        sentence=0, source=["a1"], target=["a2"], place="p1", geo_precision=2,
                        time="t1", date="2023-W23", time_precision=2, modality="alleged",
                        acled_event_type="Violence against civilians",
                        acled_sub_event_type="Attack", claim="c1", confidence=0.55)]
    doc.claims = [
        Claim(id="c1", speaker=d.span("aid workers"), cue=d.span("said"),
              content=d.between("Fighters from", "last week"),
              kind="allegation", about=["e1"], contradicts=["c2"]),
        Claim(id="c2", speaker=d.span("the group"), speaker_actor="a1", cue=d.span("denied"),
              content=d.span("involvement"), kind="denial", contradicts=["c1"]),
    ]
    return doc


def samples() -> list[Document]:
    """The three sample articles, freshly built (callers may change them)."""
    return [nangarhar(), kharkiv(), west_darfur()]


def variant(doc: Document, n: int) -> Document:
    """A distinct article made from `doc`: a line appended, so a new content id, same items."""
    new = copy.deepcopy(doc)
    start = len(new.text) + 1
    new.text = f"{new.text} (Update {n}.)"
    new.id = content_id(new.text)
    new.sentences.append(Sentence(start=start, end=len(new.text)))
    return new


def many(count: int, offset: int = 0) -> list[Document]:
    """`count` distinct articles cycling through the samples, numbered from `offset`."""
    bases = samples()
    return [variant(bases[i % len(bases)], i) for i in range(offset, offset + count)]


# Per-table row counts of one copy of each sample, for checks against the store.
def expected_counts(docs: list[Document]) -> dict[str, int]:
    return {
        "articles": len(docs),
        "sentences": sum(len(d.sentences) for d in docs),
        "entities": sum(len(d.entities) for d in docs),
        "places": sum(len(d.places) for d in docs),
        "times": sum(len(d.times) for d in docs),
        "quantities": sum(len(d.quantities) for d in docs),
        "actors": sum(len(d.actors) for d in docs),
        "events": sum(len(d.events) for d in docs),
        "event_actors": sum(len(e.source) + len(e.target) for d in docs for e in d.events),
        "event_arguments": sum(len(e.arguments) for d in docs for e in d.events),
        "claims": sum(len(d.claims) for d in docs),
        "relations": sum(len(d.relations) for d in docs),
    }
