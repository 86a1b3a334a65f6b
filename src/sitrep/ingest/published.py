"""Publication dates from input metadata, normalised to ISO 8601.

Metadata dates come as ISO 8601 (JSON, HTML meta), RFC 2822 (RSS, HTTP), a Unix time or,
rarely, a loose form such as "1 November 2021". A date alone stays a date (``2021-11-01``);
a date with a time keeps its time and offset.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

METADATA = "metadata"  # published_source: the input said so
INFERRED = "inferred"  # published_source: a stand-in such as a crawl date
MIN_YEAR, MAX_YEAR = 1800, 2200  # outside this a "date" is an id or a typo, not a publication date
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EPOCH = re.compile(r"^\d{9,10}(\.\d+)?$")


def normalise(value: object) -> str | None:
    """ISO 8601 form of a metadata date, or None if `value` is not a plausible date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if isinstance(value, time.struct_time):  # feedparser's *_parsed fields, in UTC
        return _plausible(datetime(*value[:6], tzinfo=UTC))
    text = str(value).strip()
    if not text:
        return None
    if _DATE_ONLY.match(text):
        return _date_only(text)
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    for parse in (_iso, _rfc2822):
        parsed = parse(text)
        if parsed is not None:
            return _plausible(parsed)
    parsed = _loose(text)
    if parsed is None:
        return None
    if ":" not in text:  # "1 November 2021" names a day, not its midnight
        return _date_only(parsed.date().isoformat())
    return _plausible(parsed)


def _date_only(text: str) -> str | None:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day.isoformat() if MIN_YEAR <= day.year <= MAX_YEAR else None


def _from_epoch(seconds: float) -> str | None:
    try:
        return _plausible(datetime.fromtimestamp(seconds, tz=UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _plausible(moment: datetime) -> str | None:
    return moment.isoformat() if MIN_YEAR <= moment.year <= MAX_YEAR else None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _loose(text: str) -> datetime | None:
    # dateparser is slow to import and would read "yesterday" relative to today, so it is
    # the last resort and must not resolve relative expressions.
    import dateparser

    return dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "PARSERS": ["absolute-time"]},
    )
