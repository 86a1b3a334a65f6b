"""Inferring an article's publication date from its text, when no metadata gives one.

Looked for, in order of trust: a dateline at the top ("KABUL, Nov 1 (Reuters) -",
"GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)"), a "Published/Updated on ..." line, the day in the
article's address (".../2022/06/08/powerful-mothers-..."), then the latest complete date (day,
month and year) the text names, which bounds the publication from below.
"""

from __future__ import annotations

import re
from datetime import date

from sitrep.times.tagger import tag_times

DATELINE_CHARS = 300  # a dateline or byline sits in the first lines of an article
DATELINE_CONFIDENCE = 0.85
STAMP_CONFIDENCE = 0.9
URL_CONFIDENCE = 0.8  # a site files an article under its day; an update may come later
LATEST_DATE_CONFIDENCE = 0.4  # the article was written on or after the latest date it names
_STAMP = re.compile(r"\b(?:published|posted|updated|last\s+updated|first\s+published)\s*(?:on|:)?\s*", re.IGNORECASE)
_DATELINE = re.compile(r"^[^\n]{0,80}?[A-Z][A-Za-z .'-]{2,40},\s", re.MULTILINE)
# "/2022/06/08/", "/2022/6/9/", "-2022-06-08", "/20220608/" in an address's path
_URL_DAY = re.compile(r"[/_-]((?:19|20)\d\d)([/-]?)(\d{1,2})\2(\d{1,2})(?=[/_.-]|$)")


def infer_published(text: str, url: str | None = None) -> tuple[str, float] | None:
    """The article's likely publication date as (ISO date, confidence), or None.

    Only complete dates count (a day with its year, or a dateline's day and year); relative
    expressions cannot anchor anything without a date to count from.
    """
    head = text[:DATELINE_CHARS]
    for m in _STAMP.finditer(head):
        day = _first_full_date(text[m.end(): m.end() + 60])
        if day:
            return day, STAMP_CONFIDENCE
    dateline = _DATELINE.search(head)
    if dateline:
        day = _first_full_date(head[dateline.end(): dateline.end() + 40])
        if day:
            return day, DATELINE_CONFIDENCE
    in_url = date_in_url(url) if url else None
    if in_url:
        return in_url, URL_CONFIDENCE
    days = [m.value for m in tag_times(text, None) if m.precision == "day" and m.resolved and m.value]
    if days:
        return max(days), LATEST_DATE_CONFIDENCE
    return None


def _first_full_date(snippet: str) -> str | None:
    for m in tag_times(snippet, None):
        if m.precision == "day" and m.resolved and m.value:
            return m.value
        if m.kind == "time" and m.resolved and m.value:
            return m.value[:10]
    return None


def date_in_url(url: str) -> str | None:
    """The day an address's path names ("/2022/06/08/", "/20220608/"), as an ISO date, or None."""
    path = url.split("?", 1)[0].split("://", 1)[-1]
    for m in _URL_DAY.finditer(path):
        if len(m[2]) == 0 and (len(m[3]) != 2 or len(m[4]) != 2):
            continue  # run together, a day must be "20220608", not a longer number
        try:
            return date(int(m[1]), int(m[3]), int(m[4])).isoformat()
        except ValueError:
            continue
    return None
