"""The sitrep document model: one `Document` per article, versioned as ``sitrep.document/1``.

Every extracted item carries character offsets into ``Document.text`` (or refers by id to an
item that has them), the index of its sentence and a confidence in [0, 1]. The JSON Schema in
``sitrep/schema/document-1.json`` and ``docs/schema.md`` describe the same fields; a test keeps
the three in step.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "sitrep.document/1"


def content_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of SHA-256 over its normalised text.

    Normalising (NFC, collapsed whitespace) makes the same article fetched twice, once with
    CRLF line ends or trailing blanks, one document rather than two.
    """
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(kw_only=True)
class Span:
    """A stretch of the article text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str = ""


@dataclass(kw_only=True)
class Sentence:
    start: int
    end: int


@dataclass(kw_only=True)
class Mention(Span):
    """Base of every item found in the text: its span, sentence and confidence."""

    sentence: int = 0
    confidence: float = 1.0


@dataclass(kw_only=True)
class Entity(Mention):
    label: str
    component: str = ""  # which stage found it: the model, a ruler, a gazetteer match


@dataclass(kw_only=True)
class Place(Mention):
    id: str = ""
    name: str | None = None  # the gazetteer's name for it: "Kunar" for "Konar province"
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None  # province / state name
    admin1_code: str | None = None  # ISO 3166-2 where known
    feature_class: str | None = None  # country, admin1, admin2, populated_place, region, ...
    gazetteer_id: str | None = None  # e.g. "geonames:1138958"
    resolved: bool = False
    metonymy: bool = False  # "Washington said": a place standing for its government


@dataclass(kw_only=True)
class Time(Mention):
    id: str = ""
    value: str | None = None  # ISO 8601 at its precision, or an interval "a/b"
    precision: str | None = None  # part_of_day, day, week, month, quarter, year, ...
    kind: str = "date"  # date, time, duration, set, future
    anchor: str | None = None  # what a relative expression was resolved against
    resolved: bool = False


@dataclass(kw_only=True)
class Quantity(Mention):
    id: str = ""
    low: float | None = None
    best: float | None = None
    high: float | None = None
    unit: str | None = None  # what is counted: fighters, civilians killed, ...
    kind: str = "count"  # count, casualties_killed, casualties_injured, force_size, money, ...
    refers_to: str | None = None  # id of the event or actor it describes


@dataclass(kw_only=True)
class Casualties:
    """UCDP-style fatalities with ACLED's conservative reading of vague numbers."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    side_a: int | None = None
    side_b: int | None = None
    civilians: int | None = None
    unknown: int | None = None
    quantity: str | None = None  # id of the quantity it was read from


@dataclass(kw_only=True)
class Actor:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    sector: str | None = None  # PLOVER sector: government, military, rebels, ...
    country: str | None = None  # ISO 3166-1 alpha-3
    status: str | None = None  # e.g. "former"
    kb_id: str | None = None  # entry in the actor knowledge base, None if new
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 1.0


@dataclass(kw_only=True)
class Argument(Mention):
    """A phrase an event needs beyond its actors: what it was done with, or to."""

    role: str  # weapon, physical_target


@dataclass(kw_only=True)
class Event:
    id: str
    type: str  # PLOVER event type, e.g. ASSAULT
    mode: str | None = None  # PLOVER mode, e.g. "bombing"
    trigger: Span
    sentence: int
    source: list[str] = field(default_factory=list)  # actor ids
    target: list[str] = field(default_factory=list)  # actor ids
    place: str | None = None  # place id
    geo_precision: int | None = None  # ACLED: 1 town, 2 district/nearby, 3 province/region
    time: str | None = None  # time id
    date: str | None = None  # the event's date value, copied from its time for views
    time_precision: int | None = None  # ACLED: 1 day, 2 week/range, 3 month or longer
    fatalities: Casualties | None = None
    modality: str = "asserted"  # asserted, negated, hypothetical, future, alleged, assessed
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    claim: str | None = None  # claim id when the event rests on one party's claim
    arguments: list[Argument] = field(default_factory=list)  # weapons and physical targets
    mentions: list[Span] = field(default_factory=list)  # later words for this event merged into it ("the blast")
    confidence: float = 1.0


@dataclass(kw_only=True)
class Claim:
    id: str
    speaker: Span | None  # None when the source is not named
    speaker_resolved: Span | None = None  # the earlier mention a pronoun speaker ("he") stands for
    speaker_actor: str | None = None  # actor id
    speaker_role: str | None = None  # "former head of Afghanistan's spy agency"
    cue: Span
    content: Span
    kind: str = "statement"  # statement, allegation, denial, assessment, estimate
    negated: bool = False  # the cue is negated: "did not say that ...", a claim the speaker did not make
    medium: str | None = None  # told WSJ, told Congress
    sentence: int = 0
    contradicts: list[str] = field(default_factory=list)  # claim ids
    about: list[str] = field(default_factory=list)  # ids of events, quantities, actors inside
    confidence: float = 1.0


@dataclass(kw_only=True)
class Relation:
    """An affiliation between actors over time (PLOVER has no event type for these)."""

    type: str  # member_of, joined, left, allied_with, fights
    source: str  # actor id
    target: str  # actor id
    time: str | None = None  # time id
    trigger: Span | None = None
    sentence: int = 0
    event: str | None = None  # the closest PLOVER event, kept alongside
    confidence: float = 1.0


@dataclass(kw_only=True)
class Provenance:
    path: str | None = None
    offset: int | None = None  # byte offset or line number of the record inside the file
    url: str | None = None
    format: str | None = None  # text, html, jsonl, json, feed, warc


@dataclass(kw_only=True)
class Document:
    id: str
    text: str
    schema: str = SCHEMA
    url: str | None = None
    title: str | None = None
    source: str | None = None  # the outlet
    published: str | None = None  # ISO 8601; None when unknown
    published_source: str | None = None  # given, metadata, inferred, or None
    published_confidence: float | None = None
    language: str = "en"
    illustrative: bool = False  # written for the demo, not a real article
    provenance: Provenance = field(default_factory=Provenance)
    pipeline: dict[str, Any] = field(default_factory=dict)  # name, version, components
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        if data.get("schema", SCHEMA) != SCHEMA:
            from sitrep.errors import Errors

            raise ValueError(Errors.E001.format(found=data.get("schema"), expected=SCHEMA))
        return _build(cls, data)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character `offset` (the last one if past the end)."""
        for i, s in enumerate(self.sentences):
            if offset < s.end:
                return i
        return max(len(self.sentences) - 1, 0)


@functools.cache
def _field_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    # get_type_hints evaluates every annotation string; once per class, not once per item
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _build(cls: type, data: Any) -> Any:
    """Rebuild nested dataclasses from plain dicts, guided by the type hints."""
    return cls(**{name: _convert(hint, data[name]) for name, hint in _field_hints(cls) if name in data})


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin is list:
        (inner,) = typing.get_args(hint)
        return [_convert(inner, v) for v in value]
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is not type(None):
                return _convert(arg, value)
    if dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return _build(hint, value)
    return value
