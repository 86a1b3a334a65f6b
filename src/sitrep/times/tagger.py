"""Find and normalise the time expressions of a text: the grammar, then anchoring in text order.

`tag_times` works on plain text, so evaluations and other tools can use it without spaCy;
`sitrep.times.component.TimeTagger` wraps it as a pipeline stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from sitrep.times.expressions import WEEKDAY, Expr
from sitrep.times.grammar import find_expressions, with_future
from sitrep.times.resolve import Resolved, resolve

# Words before a weekday or month name that put it ahead of the publication date. Not "could":
# it is as often the past of "can" ("could not be reached Friday") as a possibility ahead.
FUTURE_CUES = re.compile(r"\b(?:will|'ll|shall|going\s+to|plans?\s+to|planned|planning|scheduled|expected\s+to|"
                         r"set\s+to|upcoming|as\s+(?:soon|early)\s+as|(?:is|are)\s+(?:to|due)|would)\b", re.IGNORECASE)
# a reporting verb between the cue and the date closes the forward-looking clause: in
# "will say Friday" the date is ahead, in "will fall, he said Friday" it is not
CLAUSE_BREAK = re.compile(r"\b(?:said|says|announced|reported|told|added|noted)\b|[;:]", re.IGNORECASE)
# characters before the expression searched for a future cue: about one clause, long enough for
# "will almost double its flights between Australia and India by August" (60 was measured too)
FUTURE_WINDOW = 80
# Only dates at these grains become the reference for "the previous day", "a year earlier"
REFERENCE_GRAINS = {"day", "week", "month", "quarter", "year"}


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    kind: str
    resolved: bool
    anchor: str | None  # what it was resolved against: "published:2021-11-01" or "reference:…"
    confidence: float
    rule: str
    first: date | None = None
    last: date | None = None


def parse_anchor(published: str | None) -> date | None:
    """The day of an ISO 8601 publication date or date-time; None if missing or malformed."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def tag_times(text: str, published: str | None, sentence_starts: list[int] | None = None) -> list[TimeMention]:
    """Time expressions of `text`, normalised against the publication date `published`."""
    anchor = parse_anchor(published)
    reference: date | None = anchor
    reference_grain = "day"
    out: list[TimeMention] = []
    for found in find_expressions(text):
        expr = _with_tense(found.expr, text, found.start, sentence_starts)
        expr = _at_reference_grain(expr, found.rule, reference_grain)
        # "the quarter" follows a quarter the text named; a named year or day does not say which
        frame_date = reference if expr.frame != "completed" or reference_grain == "quarter" else anchor
        if expr.kind == "clock" and reference_grain != "day":
            frame_date = anchor  # a clock time falls on a day, not on "1998" or "last month"
        res = resolve(expr, anchor, frame_date)
        out.append(_mention(text, found.start, found.end, expr, res, anchor, reference, found.rule))
        # a date the text names becomes the reference; one counted from the reference does not,
        # so "a year earlier ... a year earlier" does not walk back a year at each mention
        if _moves_reference(expr, res, reference, found.rule):
            reference, reference_grain = res.first, res.period.grain
    return out


def _moves_reference(expr: Expr, res: Resolved, reference: date | None, rule: str) -> bool:
    """Whether a resolved expression becomes the reference for the anaphoric ones after it."""
    if not res.resolved or res.period is None or res.period.grain not in REFERENCE_GRAINS:
        return False
    if rule == "ago":
        return False  # "a year ago" is a distance from now: "... a year ago, ... a year earlier" compare with one period
    if expr.frame in ("reference", "completed"):
        return False
    if res.kind == "future":
        return False  # a forecast ("the third quarter of 1990") is not what the story narrates
    return reference is None or not (res.first <= reference <= res.last) or res.period.grain == "quarter"


def _at_reference_grain(expr: Expr, rule: str, reference_grain: str) -> Expr:
    """ "a year earlier" after "the third quarter" is that quarter a year before, not a year."""
    if rule == "ago" and expr.grain == "year" and reference_grain == "quarter":
        return replace(expr, grain="quarter", shift=expr.shift * 4, frame="reference")
    return expr


def _with_tense(expr: Expr, text: str, start: int, sentence_starts: list[int] | None) -> Expr:
    """A weekday or month name (alone or under a clock time) in a forward-looking clause."""
    if expr.kind == "clock" and expr.on is not None:
        on = _with_tense(expr.on, text, start, sentence_starts)
        return expr if on is expr.on else replace(expr, on=on)
    if expr.direction != "auto" or not (expr.kind == WEEKDAY or (expr.grain == "month" and expr.year is None and expr.day is None)):
        return expr
    lo = max(start - FUTURE_WINDOW, _sentence_start(start, sentence_starts))
    cues = list(FUTURE_CUES.finditer(text, lo, start))
    future = bool(cues) and not CLAUSE_BREAK.search(text, cues[-1].end(), start)
    return with_future(expr, future)


def _sentence_start(start: int, sentence_starts: list[int] | None) -> int:
    if not sentence_starts:
        return 0
    best = 0
    for s in sentence_starts:
        if s > start:
            break
        best = s
    return best


def _mention(text: str, start: int, end: int, expr: Expr, res: Resolved, anchor: date | None,
             reference: date | None, rule: str) -> TimeMention:
    if not res.resolved:
        how = None
    elif expr.frame == "reference" and reference is not None and reference != anchor:
        how = f"reference:{reference.isoformat()}"
    elif anchor is not None and _needs_anchor(expr):
        how = f"published:{anchor.isoformat()}"
    else:
        how = None  # absolute: needs no anchor
    confidence = expr.confidence if res.resolved or res.kind in ("duration", "set") else min(expr.confidence, 0.5)
    return TimeMention(start, end, text[start:end], res.value, res.precision, res.kind, res.resolved, how,
                       round(confidence, 3), rule, res.first, res.last)


def _needs_anchor(expr: Expr) -> bool:
    if expr.kind in ("duration", "set", "ref"):
        return False
    if expr.kind == "calendar":
        return expr.year is None
    if expr.kind == "clock":
        return expr.on is None or _needs_anchor(expr.on)
    return True


__all__ = ["TimeMention", "parse_anchor", "tag_times"]
