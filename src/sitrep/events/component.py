"""The `sitrep_events` stage: PLOVER events with roles, modality and an ACLED view.

    nlp = sitrep.pipeline.load(base="blank:en", stages=["sitrep_entities", "sitrep_actors", "sitrep_events"])
    doc = sitrep.pipeline.run(nlp, text)
    doc._.events  # [Event(id="e1", type="ASSAULT", mode="explosives", ...)]

Steps: lexicon triggers (`triggers`), roles from the actors stage's mentions (`roles`),
modality (`modality`), PLOVER's context rules (`recode`), coreferent mentions merged
(`merge`), then the ACLED view (`acled`). See docs/events.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Event
from sitrep.document import Span as TextSpan
from sitrep.events.acled import acled_view
from sitrep.events.mentions import EventMention
from sitrep.events.merge import merge
from sitrep.events.modality import modality
from sitrep.events.recode import recode
from sitrep.events.roles import actor_mentions, assign_roles
from sitrep.events.triggers import Trigger, TriggerFinder
from sitrep.pipeline.doc import sentence_index

# How much a modality lowers confidence that the event took place as the text says
MODALITY_FACTOR = {"asserted": 1.0, "alleged": 0.9, "negated": 0.9, "future": 0.85, "assessed": 0.8, "hypothetical": 0.7}
ROLE_BONUS = 0.05  # a trigger with actors around it is more likely a real event
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "'s", "these", "those", "such"})


class EventExtractor:
    """Finds PLOVER event mentions and fills `doc._.events`.

    min_confidence (float): events below it are dropped.
    merge_mentions (bool): fold coreferent mentions of one event into one.
    """

    DEFAULT_CONFIG: ClassVar[dict[str, Any]] = {"min_confidence": 0.3, "merge_mentions": True}

    def __init__(self, nlp: Language, name: str = "sitrep_events", *, min_confidence: float = 0.3, merge_mentions: bool = True):
        self.name = name
        self.min_confidence = min_confidence
        self.merge_mentions = merge_mentions
        self.finder = TriggerFinder(nlp)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.mentions(doc)
        if self.merge_mentions:
            mentions = merge(mentions)
        sectors = {a.id: a.sector for a in (doc._.actors or [])}
        events = doc._.events if doc._.events is not None else []
        for m in mentions:
            if m.confidence >= self.min_confidence:
                events.append(self._event(doc, m, len(events) + 1, sectors))
        doc._.events = events
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def mentions(self, doc: Doc) -> list[EventMention]:
        """Every event mention before merging, with roles and modality."""
        actors = actor_mentions(doc)
        found = []
        for trig in self.finder(doc):
            source, target = assign_roles(doc, trig.span, actors)
            mood = modality(doc, trig.span)
            confidence = trig.entry.weight * MODALITY_FACTOR[mood] + (ROLE_BONUS if source or target else 0.0)
            mention = EventMention(
                trigger=trig.span, type=trig.entry.type, mode=trig.mode, act=trig.entry.act, modality=mood,
                source=source, target=target, confidence=min(confidence, 1.0), nominal=_nominal(doc, trig),
            )
            found.append(recode(doc, mention))
        return found

    def _event(self, doc: Doc, m: EventMention, number: int, sectors: dict[str, str | None]) -> Event:
        span = m.trigger
        acled_type, acled_sub = acled_view(m.type, m.mode, m.act, m.modality, [sectors.get(t) for t in m.target])
        return Event(
            id=f"e{number}", type=m.type, mode=m.mode,
            trigger=TextSpan(start=span.start_char, end=span.end_char, text=span.text),
            sentence=sentence_index(doc, span.start_char), source=list(m.source), target=list(m.target),
            modality=m.modality, acled_event_type=acled_type, acled_sub_event_type=acled_sub,
            mentions=[TextSpan(start=s.start_char, end=s.end_char, text=s.text) for s in m.merged],
            confidence=round(m.confidence, 3),
        )


def _nominal(doc: Doc, trig: Trigger) -> bool:
    if doc.has_annotation("TAG"):
        return trig.span.root.pos_ in {"NOUN", "PROPN"}
    if trig.entry.pos in {"n", ""}:
        return True
    if trig.entry.pos == "v":
        return False
    prev = [doc[i].lower_ for i in range(max(trig.span.sent.start, trig.span.start - 2), trig.span.start)]
    return bool(set(prev) & DETERMINERS)

