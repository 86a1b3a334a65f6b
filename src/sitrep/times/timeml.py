"""sitrep time values written as TimeML TIMEX3 values and types, for evaluation and export.

sitrep writes "early August" as the interval of its first ten days with precision month;
TimeML writes the month (``2021-08``, with a START modifier that sitrep's value carries).
"""

from __future__ import annotations

from datetime import date

from sitrep.times import periods

KIND_TO_TYPE = {"date": "DATE", "future": "DATE", "time": "TIME", "duration": "DURATION", "set": "SET"}


def timeml_value(value: str | None, precision: str | None) -> str | None:
    """The TIMEX3 value of a sitrep time value: intervals become the period they are part of."""
    if value is None or "/" not in value or precision is None:
        return value
    first = date.fromisoformat(value.split("/", 1)[0])
    return periods.containing(first, precision).value()


def timeml_type(kind: str, value: str | None) -> str:
    """The TIMEX3 type of a sitrep time kind; a date at a part of day is a TIME in TimeML."""
    if value and kind in ("date", "future") and "T" in value and not value.startswith("P"):
        return "TIME"
    return KIND_TO_TYPE.get(kind, "DATE")
