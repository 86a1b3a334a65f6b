"""The `sitrep_casualties` stage: casualty figures linked to the events they describe.

A killed or injured figure belongs to the event whose trigger is nearest in its sentence
("Gunmen attacked a bus, killing 13 civilians" links 13 civilians killed to the attack).
The event's `fatalities` sum the killed figures by UCDP group with ACLED's conservative reading
(see `sitrep.quantities.tolls`); injured and other figures get `refers_to` only, since the
document model keeps fatalities alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Event, Quantity
from sitrep.pipeline.doc import text_of
from sitrep.quantities.tolls import fatalities

TOLL_KINDS = {"casualties_killed", "casualties_injured", "casualties", "abducted", "arrested", "displaced"}
HARM_KINDS = {"casualties_killed", "casualties_injured", "casualties"}
HARM_TYPES = {"ASSAULT"}  # the events that kill and wound
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
        for q in quantities:
            if q.kind not in TOLL_KINDS or q.refers_to:
                continue
            event = _nearest_event(q, events)
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


def _nearest_event(q: Quantity, events: list[Event]) -> Event | None:
    """The event nearest the figure in its sentence, an attack first for the killed and wounded
    ("Fourteen protesters and four officers were killed": the killing, not the protest); else
    the last event of the sentence before, when the figure's own sentence has none ("Gunmen
    attacked a bus. Dozens were wounded.")."""
    same = [e for e in events if e.sentence == q.sentence and _distance(q, e) <= MAX_DISTANCE]
    harm = [e for e in same if e.type in HARM_TYPES] if q.kind in HARM_KINDS else []
    if same:
        return min(harm or same, key=lambda e: _distance(q, e))
    if any(e.sentence == q.sentence for e in events):
        return None
    before = [e for e in events if e.sentence == q.sentence - 1]
    return max(before, key=lambda e: e.trigger.start) if before else None


def _distance(q: Quantity, e: Event) -> int:
    if q.start >= e.trigger.end:
        return q.start - e.trigger.end
    if e.trigger.start >= q.end:
        return e.trigger.start - q.end
    return 0
