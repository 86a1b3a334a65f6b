"""What a time expression says, before it is anchored to a date: the output of the grammar.

"last month" is ``Expr("relative", grain="month", shift=-1)``; "Aug. 26" is
``Expr("calendar", grain="day", month=8, day=26)`` with its year left to the anchor;
"for six months" is ``Expr("duration", value="P6M")``. `sitrep.times.resolve` turns an
`Expr` and the anchor date into a value.
"""

from __future__ import annotations

from dataclasses import dataclass

# kinds of Expr
CALENDAR = "calendar"  # a named date or period; missing year taken from the anchor
RELATIVE = "relative"  # a period counted from the anchor or the reference date
WEEKDAY = "weekday"  # a named weekday near the anchor
DURATION = "duration"  # a length of time, value is ISO 8601 (P6M)
SET = "set"  # a recurrence, value is ISO 8601 (P1W) or a pattern (XXXX-WXX-1)
REFERENCE = "ref"  # PRESENT_REF, PAST_REF, FUTURE_REF
CLOCK = "clock"  # a time of day, on a day given by `on` or the anchor


@dataclass(frozen=True)
class Expr:
    kind: str
    grain: str | None = None  # day, week, weekend, month, season, quarter, half, year, decade, century
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_shift: int | None = None  # "April next year": the year is the anchor's plus this
    shift: int = 0  # periods away from the frame: "last month" -1, "next week" 1
    frame: str = "anchor"  # anchor: the publication date; reference: the last date the text named;
    # completed: the reference, or else the last whole period before the anchor ("the quarter")
    direction: str = "auto"  # for an incomplete date: past, future or auto (the nearest)
    mod: str | None = None  # start, mid, end: "early August", "mid-2021", "late last month"
    weekday: int | None = None  # Monday 0
    pod: str | None = None  # part of day: MO, AF, EV, NI
    hour: int | None = None
    minute: int | None = None
    value: str | None = None  # literal value (durations, sets, references, decades)
    on: Expr | None = None  # the day a clock time or part of day falls on
    future: bool = False  # the text points forward ("next", "tomorrow", "will")
    confidence: float = 0.9
