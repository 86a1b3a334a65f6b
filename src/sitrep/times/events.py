"""The `sitrep_event_times` stage: each event's time, date and ACLED time precision.

An event takes, in order: the closest dated expression of its own sentence; the article's
dateline ("KABUL, Nov 1 (Reuters) -"); the publication date. ACLED's time precision is
1 for a day, 2 for a week, a weekend or a range of days, 3 for a month or longer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Event, Time
from sitrep.pipeline.doc import text_of
from sitrep.times.published import infer_published
from sitrep.times.tagger import parse_anchor

__all__ = ["EventDater", "acled_precision", "infer_published"]

REPORTING = re.compile(r"\b(?:said|says|told|tells|reported|reports|announced|stated|added|claimed|according\s+to)\b",
                       re.IGNORECASE)
REPORTED_ON = re.compile(r"\b(?:said|says|told\s+\w+|reported|announced|stated|added|claimed)\s+(?:on\s+|late\s+|early\s+)?$",
                         re.IGNORECASE)
DAY_PRECISIONS = {"day", "part_of_day", "minute", "hour"}
WEEK_PRECISIONS = {"week", "weekend"}
RANGE_DAYS = 10  # ACLED codes a range of up to about ten days as 2; longer is 3 ("early August" is 2)
DATELINE_CHARS = 200  # a dateline sits in the article's first line or two
PUBLICATION_PRECISION = 2  # an undated event happened in the days before publication, not on its day


def acled_precision(time: Time) -> int | None:
    """ACLED time precision of a resolved time: 1 day, 2 week or range, 3 month or longer."""
    if not time.resolved or not time.value:
        return None
    if "/" in time.value:
        first, last = (date.fromisoformat(v[:10]) for v in time.value.split("/", 1))
        return 2 if (last - first).days + 1 <= RANGE_DAYS else 3
    if time.precision in DAY_PRECISIONS:
        return 1
    if time.precision in WEEK_PRECISIONS:
        return 2
    return 3


class EventDater:
    """Give every event a time.

    DOCS: docs/times-and-quantities.md
    """

    DEFAULT_CONFIG: ClassVar[dict[str, Any]] = {"use_publication_date": True}

    def __init__(self, nlp: Language, name: str = "sitrep_event_times", *, use_publication_date: bool = True):
        self.name = name
        self.use_publication_date = use_publication_date

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = doc._.events or []
        if not events:
            return doc
        times: list[Time] = doc._.times or []
        dateline = _dateline(times)
        published = (doc._.meta or {}).get("published")
        for event in events:
            time = _closest_in_sentence(event, times, text_of(doc)) or dateline
            if time is not None:
                event.time, event.date, event.time_precision = time.id, time.value, acled_precision(time)
            elif self.use_publication_date and parse_anchor(published):
                event.time, event.date = None, parse_anchor(published).isoformat()
                event.time_precision = PUBLICATION_PRECISION
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _usable(time: Time, event: Event) -> bool:
    """A calendar time that can date an event: resolved, not a duration, a set or a reference."""
    if not time.resolved or not time.value or time.kind in ("duration", "set"):
        return False
    # a past event is not dated by "next week" in its sentence
    return not (time.kind == "future" and event.modality not in ("future", "hypothetical"))


def _closest_in_sentence(event: Event, times: list[Time], text: str) -> Time | None:
    candidates = [t for t in times if t.sentence == event.sentence and _usable(t, event)
                  and not _dates_the_report(event, t, text)]
    if not candidates:
        return None
    anchor = event.trigger.start
    # the finest expression wins a tie: "on Tuesday" over "this year" in the same sentence
    return min(candidates, key=lambda t: (_rank(t), abs(t.start - anchor)))


def _dates_the_report(event: Event, time: Time, text: str) -> bool:
    """ "could attack …, an official had told Congress last week": a reporting verb between the
    event and the expression puts the expression in the reporting clause; it dates the report."""
    if time.start >= event.trigger.end:
        return bool(REPORTING.search(text, event.trigger.end, time.start))
    # "said on Tuesday that gunmen attacked": the reporting verb right before the expression
    return bool(REPORTING.search(text, time.end, event.trigger.start)) or bool(
        REPORTED_ON.search(text, max(time.start - 20, 0), time.start))


def _rank(time: Time) -> int:
    return acled_precision(time) or 3


def _dateline(times: list[Time]) -> Time | None:
    """A day-precise date in the article's first line, as news agencies write them."""
    for time in times:
        if time.start > DATELINE_CHARS:
            break
        if time.sentence == 0 and time.resolved and acled_precision(time) == 1:
            return time
    return None
