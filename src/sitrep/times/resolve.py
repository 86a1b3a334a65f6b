"""Anchoring: from what an expression says (`Expr`) and the publication date to a value.

Relative expressions ("last month", "on Tuesday") are counted from the anchor, the article's
publication date; anaphoric ones ("the previous day", "a year earlier") from the reference,
the last date the text itself named. Without an anchor a relative expression stays
unresolved: its value is None, or an underspecified TimeML value such as ``XXXX-08-26`` when
the text gives part of the date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sitrep.times import periods
from sitrep.times.expressions import (
    CALENDAR,
    CLOCK,
    DURATION,
    REFERENCE,
    RELATIVE,
    SET,
    WEEKDAY,
    Expr,
)
from sitrep.times.periods import Period

# How far an incomplete date ("Aug. 26", "in March") may sit from its anchor: the nearest
# year's occurrence is taken, so a March article's "December" is the December just past.
NEAREST_YEARS = (-1, 0, 1)
HOLIDAYS = {"christmas": (12, 25), "christmas_eve": (12, 24), "new": (1, 1), "new_eve": (12, 31),
            "thanksgiving": None, "easter": None}
# Quarters and halves named without a year ("the third quarter") are reported once begun: the
# latest one begun by the anchor, never a later one (unless the text says "next")
REPORTED_GRAINS = {"quarter", "half"}
PAST_BIAS = 2  # how many times closer a future occurrence must be to win over a past one


@dataclass(frozen=True)
class Resolved:
    value: str | None
    precision: str | None
    kind: str  # date, time, duration, set, future
    resolved: bool
    period: Period | None = None  # the period named, for the discourse reference
    first: date | None = None  # first and last day the value covers
    last: date | None = None


def resolve(expr: Expr, anchor: date | None, reference: date | None = None) -> Resolved:
    """The value of `expr` given the publication date `anchor` (None if unknown)."""
    if expr.kind == DURATION:
        return Resolved(expr.value, None, "duration", True)
    if expr.kind == SET:
        return Resolved(expr.value, None, "set", True)
    if expr.kind == REFERENCE:
        kind = "future" if expr.value == "FUTURE_REF" else "date"
        return Resolved(expr.value, None, kind, False)
    if expr.kind == CLOCK:
        return _clock(expr, anchor, reference)
    period = _period(expr, anchor, reference)
    if period is None:
        return Resolved(_underspecified(expr), expr.grain, "future" if expr.future else "date", False)
    return _finish(expr, period, anchor)


def _finish(expr: Expr, period: Period, anchor: date | None) -> Resolved:
    first, last = period.first, period.last
    value = period.value()
    precision = period.grain
    if expr.pod and period.grain == "day":
        value, precision = f"{value}T{expr.pod}", "part_of_day"
    elif expr.mod and period.grain not in ("day",):
        first, last = periods.part(period, expr.mod)
        value = periods.interval(first, last)
    future = expr.future or (anchor is not None and first > anchor)
    return Resolved(value, precision, "future" if future else "date", True, period, first, last)


def _period(expr: Expr, anchor: date | None, reference: date | None) -> Period | None:
    if expr.kind == CALENDAR:
        return _calendar(expr, anchor)
    if expr.kind == RELATIVE and expr.frame == "completed":
        if reference is not None and reference != anchor:
            period = periods.shift(periods.containing(reference, expr.grain), expr.shift)
        elif anchor is not None:
            period = periods.shift(periods.containing(anchor, expr.grain), expr.shift - 1)
        else:
            return None
        if expr.year is not None:  # "the 1988 quarter": that quarter of the year named
            period = Period(period.grain, period.first.replace(year=expr.year))
        return period
    if expr.kind == RELATIVE:
        frame = reference if expr.frame == "reference" and reference else anchor
        if frame is None:
            return None
        return periods.shift(periods.containing(frame, expr.grain), expr.shift)
    if expr.kind == WEEKDAY:
        return _weekday(expr, anchor)
    return None


def _calendar(expr: Expr, anchor: date | None) -> Period | None:
    grain = expr.grain
    if expr.year is None and expr.year_shift is not None and anchor is not None:
        expr = replace(expr, year=anchor.year + expr.year_shift)
    if expr.value in HOLIDAYS:
        return _holiday(expr, anchor)
    if expr.year is not None:
        month = expr.month or 1
        day = expr.day or 1
        try:
            base = date(expr.year, month, day)
        except ValueError:
            return None
        period = periods.containing(base, grain) if grain != "day" else Period("day", base)
        return periods.shift(period, expr.shift) if expr.shift else period
    if anchor is None:
        return None
    options = []
    for dy in NEAREST_YEARS:
        try:
            first = date(anchor.year + dy, expr.month or 1, expr.day or 1)
        except ValueError:
            continue
        options.append(periods.containing(first, grain) if grain != "day" else Period("day", first))
    return _choose(options, anchor, expr.direction)


def _holiday_date(name: str, year: int) -> date:
    if name == "thanksgiving":  # the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "easter":
        from dateutil.easter import easter  # dateutil comes with dateparser

        return easter(year)
    return date(year, *HOLIDAYS[name])


def _holiday(expr: Expr, anchor: date | None) -> Period | None:
    if expr.year is not None:
        return Period("day", _holiday_date(expr.value, expr.year))
    if anchor is None:
        return None
    options = [Period("day", _holiday_date(expr.value, anchor.year + dy)) for dy in NEAREST_YEARS]
    return _choose(options, anchor, expr.direction)


def _choose(options: list[Period], anchor: date, direction: str) -> Period | None:
    """The occurrence nearest the anchor, or the latest before / earliest after it."""
    if direction == "past":  # "last March", "last winter": the one before the current one
        past = [p for p in options if p.last < anchor]
        return max(past, key=lambda p: p.first) if past else None
    if direction == "future":
        ahead = [p for p in options if p.last >= anchor]
        return min(ahead, key=lambda p: p.first) if ahead else None
    past = [p for p in options if p.first <= anchor]
    if options and options[0].grain in REPORTED_GRAINS:
        # "the fourth quarter" in a results story is the latest one under way or done: in
        # October, this year's; in January, last year's (HeidelTime reads them so too)
        return max(past, key=lambda p: p.first, default=None)
    # news reports what happened: an incomplete date is the nearest occurrence, with the past
    # favoured: a later one wins only when it is several times closer ("Oct. 26" on Oct. 25)
    ahead = [p for p in options if p.first > anchor]
    latest = max(past, key=lambda p: p.first, default=None)
    soonest = min(ahead, key=lambda p: p.first, default=None)
    if latest is None or soonest is None:
        return latest or soonest
    return soonest if _distance(soonest, anchor) * PAST_BIAS < _distance(latest, anchor) else latest


def _distance(period: Period, anchor: date) -> int:
    if period.first <= anchor <= period.last:
        return 0
    return min(abs((period.first - anchor).days), abs((period.last - anchor).days))


def _weekday(expr: Expr, anchor: date | None) -> Period | None:
    if anchor is None:
        return None
    if expr.grain == "weekend":
        # "the weekend": the one just past early in the week, the coming one later in it
        this = periods.containing(anchor, "weekend")
        return this if anchor.weekday() >= 3 else periods.shift(this, -1)
    delta = (anchor.weekday() - expr.weekday) % 7
    if expr.direction == "future":
        ahead = (expr.weekday - anchor.weekday()) % 7  # "will meet Friday" written on a Friday: that day
        return Period("day", anchor + timedelta(days=ahead))
    if expr.direction == "past" and delta == 0:
        delta = 7  # "last Friday" written on a Friday is a week ago
    return Period("day", anchor - timedelta(days=delta))


def _clock(expr: Expr, anchor: date | None, reference: date | None) -> Resolved:
    hhmm = f"T{expr.hour:02d}:{expr.minute or 0:02d}"
    day: Period | None
    if expr.on is not None:
        day = _period(expr.on, anchor, reference)
    else:
        # "at 6 a.m.": on the day the text last named, or else the day of writing
        day = Period("day", reference or anchor) if (reference or anchor) else None
    if day is None:
        return Resolved(f"XXXX-XX-XX{hhmm}", "minute", "time", False)
    return Resolved(f"{day.value()}{hhmm}", "minute", "time", True, day, day.first, day.first)


def _underspecified(expr: Expr) -> str | None:
    """A TimeML value with X for what only the anchor could say, or None (e.g. "last week")."""
    if expr.kind != CALENDAR:
        return None
    if expr.grain == "day" and expr.month and expr.day:
        return f"XXXX-{expr.month:02d}-{expr.day:02d}"
    if expr.grain == "month" and expr.month:
        return f"XXXX-{expr.month:02d}"
    if expr.grain == "quarter" and expr.month:
        return f"XXXX-Q{(expr.month - 1) // 3 + 1}"
    return None
