"""Flatten a Document into one row (a dict keyed by column name) per table row.

The keys must match the columns the migrations create: `bulk.insert_rows` reads the column
list from the database and looks every one up, so a drift fails loudly. Event rows carry
their place, time, actor names and sentence so that views need no joins.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

from sitrep.document import Actor, Document, Event, Mention, Place, Span, Time
from sitrep.store.date_range import date_range, day_of
from sitrep.store.document_json import document_json

Row = dict[str, Any]

ASSOC_SEPARATOR = "; "  # ACLED's separator inside assoc_actor_* columns


def article_row(doc: Document, *, first_run: str, last_run: str, first_written: dt.datetime,
                now: dt.datetime, document: str | None = None) -> Row:
    """The `articles` row of `doc`, with the runs that first and last wrote it.

    document (str | None): `doc`'s JSON when the caller has it already (see `storable`).
    """
    prov = doc.provenance
    return {
        "id": doc.id,
        "schema_version": doc.schema,
        "url": doc.url,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "published_date": day_of(doc.published),
        "published_source": doc.published_source,
        "published_confidence": doc.published_confidence,
        "language": doc.language,
        "illustrative": doc.illustrative,
        "provenance_path": prov.path,
        "provenance_offset": prov.offset,
        "provenance_url": prov.url,
        "provenance_format": prov.format,
        "pipeline": json.dumps(doc.pipeline, ensure_ascii=False, default=str),
        "text_chars": len(doc.text),
        "n_sentences": len(doc.sentences),
        "n_events": len(doc.events),
        "document": document if document is not None else document_json(doc),
        "first_run": first_run,
        "last_run": last_run,
        "first_written": first_written,
        "last_written": now,
    }


def _span(prefix: str, span: Span | None) -> Row:
    if span is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_text": span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _mention(doc: Document, ordinal: int, item: Mention) -> Row:
    return {
        "doc_id": doc.id,
        "ordinal": ordinal,
        "text": item.text,
        "start_char": item.start,
        "end_char": item.end,
        "sentence": item.sentence,
        "confidence": item.confidence,
    }


def sentence_rows(doc: Document) -> Iterator[Row]:
    for i, s in enumerate(doc.sentences):
        yield {"doc_id": doc.id, "ordinal": i, "start_char": s.start, "end_char": s.end,
               "text": doc.text[s.start:s.end]}


def entity_rows(doc: Document) -> Iterator[Row]:
    for i, e in enumerate(doc.entities):
        yield _mention(doc, i, e) | {"label": e.label, "component": e.component}


def place_rows(doc: Document) -> Iterator[Row]:
    for i, p in enumerate(doc.places):
        yield _mention(doc, i, p) | {
            "place_id": p.id, "name": p.name, "latitude": p.lat, "longitude": p.lon, "country": p.country,
            "admin1": p.admin1, "admin1_code": p.admin1_code, "feature_class": p.feature_class,
            "gazetteer_id": p.gazetteer_id, "resolved": p.resolved, "metonymy": p.metonymy,
        }


def time_rows(doc: Document) -> Iterator[Row]:
    for i, t in enumerate(doc.times):
        start, end = date_range(t.value)
        yield _mention(doc, i, t) | {
            "time_id": t.id, "value": t.value, "date_start": start, "date_end": end,
            "precision": t.precision, "kind": t.kind, "anchor": t.anchor, "resolved": t.resolved,
        }


def quantity_rows(doc: Document) -> Iterator[Row]:
    for i, q in enumerate(doc.quantities):
        yield _mention(doc, i, q) | {
            "quantity_id": q.id, "low": q.low, "best": q.best, "high": q.high, "unit": q.unit,
            "kind": q.kind, "refers_to": q.refers_to,
        }


def actor_rows(doc: Document) -> Iterator[Row]:
    for i, a in enumerate(doc.actors):
        first = min(a.mentions, key=lambda m: m.start) if a.mentions else None
        yield {
            "doc_id": doc.id, "ordinal": i, "actor_id": a.id, "name": a.name,
            "aliases": list(a.aliases), "sector": a.sector, "country": a.country,
            "status": a.status, "kb_id": a.kb_id, "n_mentions": len(a.mentions),
            "first_start": first.start if first else None,
            "first_end": first.end if first else None, "confidence": a.confidence,
        }


def event_rows(doc: Document) -> Iterator[Row]:
    places = {p.id: p for p in doc.places if p.id}
    times = {t.id: t for t in doc.times if t.id}
    actors = {a.id: a for a in doc.actors}
    for i, event in enumerate(doc.events):
        yield event_row(doc, i, event, places=places, times=times, actors=actors)


def event_row(doc: Document, ordinal: int, event: Event, *, places: dict[str, Place],
              times: dict[str, Time], actors: dict[str, Actor]) -> Row:
    """One `events` row: the event with its place, date, actors and sentence copied in."""
    place = places.get(event.place) if event.place else None
    time = times.get(event.time) if event.time else None
    value = event.date or (time.value if time else None)
    start, end = date_range(value)
    sources = _actor_names(event.source, actors)
    targets = _actor_names(event.target, actors)
    deaths = event.fatalities
    return {
        "doc_id": doc.id, "ordinal": ordinal, "event_id": event.id,
        "uid": f"{doc.id}:{event.id}", "type": event.type, "mode": event.mode,
        **_span("trigger", event.trigger),
        "sentence": event.sentence, "sentence_text": _sentence_text(doc, event.sentence),
        "time_id": event.time, "event_date": value, "date_start": start, "date_end": end,
        "time_precision": event.time_precision,
        **_place_columns(event, place),
        "actor1": sources[0] if sources else None,
        "actor2": targets[0] if targets else None,
        "assoc_actor_1": ASSOC_SEPARATOR.join(sources[1:]) or None,
        "assoc_actor_2": ASSOC_SEPARATOR.join(targets[1:]) or None,
        "fatalities_low": deaths.low if deaths else None,
        "fatalities_best": deaths.best if deaths else None,
        "fatalities_high": deaths.high if deaths else None,
        "fatalities_side_a": deaths.side_a if deaths else None,
        "fatalities_side_b": deaths.side_b if deaths else None,
        "fatalities_civilians": deaths.civilians if deaths else None,
        "fatalities_unknown": deaths.unknown if deaths else None,
        "modality": event.modality, "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type, "claim_id": event.claim,
        "confidence": event.confidence,
    }


def _place_columns(event: Event, place: Place | None) -> Row:
    if place is None:
        return {"place_id": event.place, "location": None, "country": None, "admin1": None,
                "admin1_code": None, "latitude": None, "longitude": None,
                "geo_precision": event.geo_precision, "gazetteer_id": None}
    return {"place_id": place.id, "location": place.name or place.text, "country": place.country,
            "admin1": place.admin1, "admin1_code": place.admin1_code, "latitude": place.lat,
            "longitude": place.lon, "geo_precision": event.geo_precision,
            "gazetteer_id": place.gazetteer_id}


def _actor_names(ids: list[str], actors: dict[str, Actor]) -> list[str]:
    # An id with no actor behind it is a pipeline slip; the id is better than a silent gap.
    return [actors[i].name if i in actors else i for i in ids]


def _sentence_text(doc: Document, index: int) -> str | None:
    if 0 <= index < len(doc.sentences):
        s = doc.sentences[index]
        return doc.text[s.start:s.end].strip()
    return None


def event_actor_rows(doc: Document) -> Iterator[Row]:
    for i, event in enumerate(doc.events):
        for role, ids in (("source", event.source), ("target", event.target)):
            for position, actor_id in enumerate(ids):
                yield {"doc_id": doc.id, "event_ordinal": i, "role": role,
                       "position": position, "event_id": event.id, "actor_id": actor_id}


def event_argument_rows(doc: Document) -> Iterator[Row]:
    for i, event in enumerate(doc.events):
        for position, argument in enumerate(event.arguments):
            yield {"doc_id": doc.id, "event_ordinal": i, "position": position, "event_id": event.id,
                   "role": argument.role, "text": argument.text, "start_char": argument.start,
                   "end_char": argument.end, "sentence": argument.sentence, "confidence": argument.confidence}


def claim_rows(doc: Document) -> Iterator[Row]:
    for i, c in enumerate(doc.claims):
        yield {
            "doc_id": doc.id, "ordinal": i, "claim_id": c.id, **_span("speaker", c.speaker),
            "speaker_actor": c.speaker_actor, "speaker_role": c.speaker_role,
            "speaker_resolved_text": c.speaker_resolved.text if c.speaker_resolved else None,
            **_span("cue", c.cue), **_span("content", c.content), "kind": c.kind, "negated": c.negated,
            "medium": c.medium, "sentence": c.sentence, "contradicts": list(c.contradicts),
            "about": list(c.about), "confidence": c.confidence,
        }


def relation_rows(doc: Document) -> Iterator[Row]:
    for i, r in enumerate(doc.relations):
        yield {
            "doc_id": doc.id, "ordinal": i, "type": r.type, "source": r.source,
            "target": r.target, "time_id": r.time, **_span("trigger", r.trigger),
            "sentence": r.sentence, "event_type": r.event, "confidence": r.confidence,
        }


# Child tables in the order they are written; each row carries its article's id in doc_id.
CHILD_TABLES: dict[str, Callable[[Document], Iterator[Row]]] = {
    "sentences": sentence_rows,
    "entities": entity_rows,
    "places": place_rows,
    "times": time_rows,
    "quantities": quantity_rows,
    "actors": actor_rows,
    "events": event_rows,
    "event_actors": event_actor_rows,
    "event_arguments": event_argument_rows,
    "claims": claim_rows,
    "relations": relation_rows,
}
