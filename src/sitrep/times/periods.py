"""Calendar periods: a grain (day, week, month, ...) and its first day, shifted and written as ISO 8601.

A period is what a date expression names: "last month" is the month before the anchor's,
"early August" the first ten days of an August. Values follow ISO 8601 as TimeML writes them:
``2021-08-26`` (day), ``2021-W34`` (week), ``2021-W34-WE`` (weekend), ``2021-08`` (month),
``2021-Q3`` (quarter), ``2021-H2`` (half), ``2021-SU`` (season), ``2021`` (year),
``202`` (decade), ``20`` (century).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

GRAINS = ("day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century")
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month of each meteorological season
# early / mid / late parts of a period, as fractions of its length: "early August" is the first
# ten days, "late 2021" September to December; thirds are what readers and HeidelTime assume.
MOD_FRACTIONS = {"start": (0.0, 1 / 3), "mid": (1 / 3, 2 / 3), "end": (2 / 3, 1.0)}


@dataclass(frozen=True)
class Period:
    grain: str
    first: date  # the period's first day (Monday for weeks, Saturday for weekends)

    @property
    def last(self) -> date:
        """The period's last day."""
        return shift(self, 1).first - timedelta(days=1) if self.grain != "weekend" else self.first + timedelta(days=1)

    def value(self) -> str:
        """The ISO 8601 / TimeML value of the period."""
        d = self.first
        if self.grain == "day":
            return d.isoformat()
        if self.grain in ("week", "weekend"):
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}" + ("-WE" if self.grain == "weekend" else "")
        if self.grain == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.grain == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == "half":
            return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
        if self.grain == "season":  # a winter is written with the year of its December
            return f"{d.year:04d}-{_season_code(d.month)}"
        if self.grain == "year":
            return f"{d.year:04d}"
        if self.grain == "decade":
            return f"{d.year // 10:03d}"
        return f"{d.year // 100:02d}"  # century


def containing(day: date, grain: str) -> Period:
    """The period of `grain` that holds `day` (for weekends: the weekend of `day`'s week)."""
    if grain == "day":
        return Period("day", day)
    if grain == "week":
        return Period("week", day - timedelta(days=day.weekday()))
    if grain == "weekend":
        return Period("weekend", day - timedelta(days=day.weekday()) + timedelta(days=5))
    if grain == "month":
        return Period("month", day.replace(day=1))
    if grain == "quarter":
        return Period("quarter", date(day.year, 3 * ((day.month - 1) // 3) + 1, 1))
    if grain == "half":
        return Period("half", date(day.year, 1 if day.month <= 6 else 7, 1))
    if grain == "season":
        start = _season_start_month(day.month)
        year = day.year - 1 if start == 12 and day.month < 12 else day.year
        return Period("season", date(year, start, 1))
    if grain == "year":
        return Period("year", date(day.year, 1, 1))
    if grain == "decade":
        return Period("decade", date(max(day.year // 10 * 10, 1), 1, 1))
    return Period("century", date(max(day.year // 100 * 100, 1), 1, 1))


def shift(period: Period, n: int) -> Period:
    """The period `n` steps after (or before, n < 0) `period`, at the same grain."""
    g, d = period.grain, period.first
    if g == "day":
        return Period(g, d + timedelta(days=n))
    if g in ("week", "weekend"):
        return Period(g, d + timedelta(weeks=n))
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}[g]
    return Period(g, add_months(d, n * months))


def add_months(d: date, n: int) -> date:
    """`d` moved by `n` calendar months, the day clipped to the target month's length."""
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def part(period: Period, mod: str) -> tuple[date, date]:
    """First and last day of the early ("start"), "mid" or late ("end") part of `period`.

    Months split into days 1-10, 11-20 and 21 to the end; years into January-April, May-August
    and September-December; other periods into thirds of their days.
    """
    index = {"start": 0, "mid": 1, "end": 2}[mod]
    if period.grain == "month":
        first = period.first.replace(day=1 + 10 * index)
        last = period.first.replace(day=10 * (index + 1)) if index < 2 else period.last
        return first, last
    if period.grain == "year":
        first = period.first.replace(month=1 + 4 * index)
        return first, add_months(first, 4) - timedelta(days=1)
    lo, hi = MOD_FRACTIONS[mod]
    span = (period.last - period.first).days + 1
    first = period.first + timedelta(days=round(span * lo))
    last = period.first + timedelta(days=max(round(span * hi) - 1, 0))
    return first, last


def interval(first: date, last: date) -> str:
    """An ISO 8601 interval of whole days, ``first/last``."""
    return f"{first.isoformat()}/{last.isoformat()}"


def _season_start_month(month: int) -> int:
    return 12 if month == 12 or month < 3 else 3 * (month // 3)


def _season_code(month: int) -> str:
    start = _season_start_month(month)
    return next(code for code, m in SEASONS.items() if m == start)
