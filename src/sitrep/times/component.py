"""The `sitrep_times` stage: time expressions of the article, normalised against its date.

Fills ``doc._.times`` with `sitrep.document.Time` items (ids t1, t2, ...). Expressions come from
sitrep's grammar (`sitrep.times.grammar`) and, where the base pipeline has an NER, from its
DATE and TIME entities that the grammar missed; those are normalised with dateparser when it
can read them as an absolute date, and kept unresolved otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Time
from sitrep.pipeline.doc import next_id, sentence_index, text_of
from sitrep.times.grammar import AGE, MONTHS
from sitrep.times.tagger import TimeMention, parse_anchor, tag_times

ENTITY_LABELS = ("DATE", "TIME")
ENTITY_CONFIDENCE = 0.4  # an NER date sitrep's grammar could not read: found, but of unknown value
PARSED_ENTITY_CONFIDENCE = 0.6  # one dateparser read as an absolute date


class TimeTagger:
    """Find and normalise time expressions.

    DOCS: docs/times-and-quantities.md
    """

    DEFAULT_CONFIG: ClassVar[dict[str, Any]] = {"use_entities": True}

    def __init__(self, nlp: Language, name: str = "sitrep_times", *, use_entities: bool = True):
        self.name = name
        self.use_entities = use_entities

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.meta or {}
        published = meta.get("published")
        starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else None
        mentions = tag_times(text_of(doc), published, starts)
        if self.use_entities:
            mentions = _merge(mentions, _entity_mentions(doc, mentions, published))
        if doc._.times is None:
            doc._.times = []
        for mention in mentions:
            doc._.times.append(_to_time(doc, mention, next_id(doc._.times, "t")))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _to_time(doc: Doc, m: TimeMention, tid: str) -> Time:
    return Time(
        id=tid, start=m.start, end=m.end, text=m.text, sentence=sentence_index(doc, m.start),
        confidence=m.confidence, value=m.value, precision=m.precision, kind=m.kind,
        anchor=m.anchor, resolved=m.resolved,
    )


def _entity_mentions(doc: Doc, found: list[TimeMention], published: str | None) -> list[TimeMention]:
    """DATE/TIME entities of the base pipeline that overlap none of the grammar's expressions."""
    extra = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if any(ent.start_char < m.end and m.start < ent.end_char for m in found) or _is_age(ent):
            continue
        extra.append(_read_entity(ent.text, ent.start_char, ent.end_char, ent.label_, published))
    return extra


def _is_age(ent) -> bool:
    """OntoNotes labels ages DATE ("60 years old", "a 14-year-old"); the grammar reads them as no time."""
    return ent.text.lower().endswith("old") or AGE.match(ent.doc.text, ent.end_char) is not None


def _read_entity(text: str, start: int, end: int, label: str, published: str | None) -> TimeMention:
    parsed = _dateparse(text, published) if _looks_absolute(text) else None
    kind = "time" if label == "TIME" else "date"
    if parsed is None:
        return TimeMention(start, end, text, None, None, kind, False, None, ENTITY_CONFIDENCE, "entity")
    value, precision = parsed
    return TimeMention(start, end, text, value, precision, kind, True, None, PARSED_ENTITY_CONFIDENCE, "entity")


def _looks_absolute(text: str) -> bool:
    words = {w.strip(".,").lower() for w in text.split()}
    return any(ch.isdigit() for ch in text) and bool(words & set(MONTHS) or any(len(w) == 4 and w.isdigit() for w in words))


def _dateparse(text: str, published: str | None) -> tuple[str, str] | None:
    """An absolute date dateparser can read, at its precision (English only, past preferred)."""
    import dateparser  # imported on first use: most articles never need it

    anchor = parse_anchor(published)
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if anchor is not None:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime.combine(anchor, datetime.min.time())
    data = dateparser.DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day: date = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return f"{day.year:04d}", "year"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    return day.isoformat(), "day"


def _merge(a: list[TimeMention], b: list[TimeMention]) -> list[TimeMention]:
    return sorted(a + b, key=lambda m: m.start)
