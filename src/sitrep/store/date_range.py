"""Turn an ISO 8601 value at any precision into the first and last day it covers.

Views and exports filter events by day ("everything in August 2021"); the document keeps the
value at its own precision ("2021-08", "2021-W34", "2021-08-20/2021-08-26"), so the store
adds the day range it spans. Values that are not calendar dates (durations, "PRESENT_REF")
give ``(None, None)``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")  # also the date part of a date-time
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")

DateRange = tuple[dt.date | None, dt.date | None]


def date_range(value: str | None) -> DateRange:
    """First and last day covered by `value`; an interval "a/b" spans a's first to b's last.

    value (str | None): ISO 8601 date, date-time, week, month, quarter or year, or "a/b".
    RETURNS (tuple): ``(start, end)`` as dates, or ``(None, None)`` when not a calendar date.
    """
    if not value:
        return None, None
    if "/" in value:
        first, _, last = value.partition("/")
        return _one(first.strip())[0], _one(last.strip())[1]
    return _one(value.strip())


def day_of(value: str | None) -> dt.date | None:
    """The day of `value` when it names exactly one day, else None."""
    start, end = date_range(value)
    return start if start is not None and start == end else None


def _one(value: str) -> DateRange:
    try:
        return _parse(value)
    except ValueError:  # e.g. "2021-02-30", "2021-W60": not a real day
        return None, None


def _parse(value: str) -> DateRange:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + dt.timedelta(days=6)
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    if m := _QUARTER.match(value):
        year, first = int(m[1]), 3 * int(m[2]) - 2
        last = first + 2
        return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
    if m := _YEAR.match(value):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    return None, None
