"""The `sitrep_casualties` stage: casualty figures linked to the events they describe.

A killed or injured figure belongs to the event whose trigger, or a later mention merged into it,
is nearest in its sentence ("Gunmen attacked a bus, killing 13 civilians" links 13 civilians
killed to the attack; so does "Iran condemns the attack. ... the shelling, which resulted in the
death of 10").
The event's `fatalities` sum the killed figures by UCDP group with ACLED's conservative reading
(see `sitrep.quantities.tolls`); injured and other figures get `refers_to` only, since the
document model keeps fatalities alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Event, Quantity
from sitrep.pipeline.doc import sentence_index, text_of
from sitrep.quantities.tolls import fatalities

TOLL_KINDS = {"casualties_killed", "casualties_injured", "casualties", "abducted", "arrested", "displaced"}
HARM_KINDS = {"casualties_killed", "casualties_injured", "casualties"}
HARM_TYPES = {"ASSAULT"}  # the events that kill and wound
TOLL_TYPES = {"ASSAULT", "PROTEST", "COERCE"}  # ACLED counts deaths in violence, riots and crackdowns only
MAX_DISTANCE = 250
SUBSET_CUE = re.compile(r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+$", re.IGNORECASE)  # characters between trigger and figure: farther is another clause's toll


class CasualtyLinker:
    """Link casualty figures to events and fill `event.fatalities`.

    DOCS: docs/times-and-quantities.md
    """

    DEFAULT_CONFIG: ClassVar[dict[str, Any]] = {}

    def __init__(self, nlp: Language, name: str = "sitrep_casualties"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = doc._.events or []
        quantities: list[Quantity] = doc._.quantities or []
        if not events or not quantities:
            return doc
        linked: dict[str, list[Quantity]] = {}
        sites = _sites(doc, events)
        for q in quantities:
            if q.kind not in TOLL_KINDS or q.refers_to:
                continue
            event = _nearest_event(q, sites)
            if event is None:
                continue
            q.refers_to = event.id
            linked.setdefault(event.id, []).append(q)
        for event in events:
            killed = [q for q in linked.get(event.id, []) if q.kind == "casualties_killed" and not _part_of_another(text_of(doc), q)]
            toll = fatalities(killed)
            if toll is not None:
                event.fatalities = toll
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _part_of_another(text: str, q: Quantity) -> bool:
    """ "four soldiers, including two officers, were killed": the two are inside the four."""
    return bool(SUBSET_CUE.search(text, max(q.start - 25, 0), q.start))


@dataclass(frozen=True)
class _Site:
    """Where an event is told: its trigger, or a later mention merged into it ("The blast killed 13")."""

    event: Event
    start: int
    end: int
    sentence: int


def _sites(doc: Doc, events: list[Event]) -> list[_Site]:
    return [_Site(e, span.start, span.end, e.sentence if span is e.trigger else sentence_index(doc, span.start))
            for e in events for span in (e.trigger, *e.mentions)]


def _nearest_event(q: Quantity, sites: list[_Site]) -> Event | None:
    """The event told nearest the figure in its sentence, an attack first for the killed and
    wounded ("Fourteen protesters and four officers were killed": the killing, not the protest);
    else the last event of the sentence before, when the figure's own sentence has none
    ("Gunmen attacked a bus. Dozens were wounded."). The killed and wounded go to violence, a
    protest or a crackdown only: "after ten deaths, the government negotiated a pact" is no toll of
    the talks."""
    if q.kind in HARM_KINDS:  # the dead and wounded of talks or demands are no one's toll
        sites = [s for s in sites if s.event.type in TOLL_TYPES]
    same = [s for s in sites if s.sentence == q.sentence and _distance(q, s) <= MAX_DISTANCE]
    harm = [s for s in same if s.event.type in HARM_TYPES] if q.kind in HARM_KINDS else []
    if same:
        return min(harm or same, key=lambda s: _distance(q, s)).event
    if any(s.sentence == q.sentence for s in sites):
        return None
    before = [s for s in sites if s.sentence == q.sentence - 1]
    return max(before, key=lambda s: s.start).event if before else None


def _distance(q: Quantity, site: _Site) -> int:
    if q.start >= site.end:
        return q.start - site.end
    if site.start >= q.end:
        return site.start - q.end
    return 0
