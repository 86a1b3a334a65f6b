"""Weak entity labels from word patterns, for the labels a training source leaves out.

No open corpus here annotates CARDINAL, and only re3d annotates MONEY, QUANTITY and
PERCENT, so these come from patterns over the words (numbers, currency, units, months,
weekdays); dates and nationality words fill the sources that lack them. The patterns only
read the words, so they work on tweets, Wikipedia and treebanks alike.
"""

from __future__ import annotations

import re

from .labels import demonym_names

Span = tuple[int, int, str]

MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec."]
)
WEEKDAYS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)
DATE_WORDS = frozenset({"today", "yesterday", "tomorrow"})
DATE_UNITS = frozenset(
    ["day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "decade", "decades", "century", "centuries"]
)
TIME_UNITS = frozenset(["hour", "hours", "minute", "minutes", "second", "seconds"])
DAY_PARTS = frozenset(["morning", "afternoon", "evening", "night", "overnight"])
RELATIVE = frozenset(["last", "next", "this", "past", "coming", "previous", "recent", "early", "late"])
AGO = frozenset({"ago", "earlier", "later", "old"})
MERIDIEM = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m"})
CURRENCY_SIGNS = frozenset({"$", "us$", "€", "£", "¥", "rs", "rs.", "usd", "eur", "gbp", "inr"})
CURRENCY_WORDS = frozenset(
    ["dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "rupee", "rupees", "yuan", "renminbi", "yen", "naira", "shilling", "shillings", "rand", "peso", "pesos", "cents", "dinar", "dinars", "riyal", "riyals", "dirham", "dirhams", "lira", "ruble", "rubles", "rouble", "roubles", "won", "baht", "ringgit", "taka", "cedi", "cedis", "kwacha", "birr", "francs", "franc", "afghanis"]
)
SCALES = frozenset({"million", "billion", "trillion", "thousand", "hundred", "m", "bn", "k", "mln"})
UNITS = frozenset(
    ["km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre", "metres", "meter", "meters", "m", "cm", "mm", "kg", "kilogram", "kilograms", "kilo", "kilos", "gram", "grams", "g", "ton", "tons", "tonne", "tonnes", "foot", "feet", "ft", "inch", "inches", "litre", "litres", "liter", "liters", "gallon", "gallons", "barrel", "barrels", "acre", "acres", "hectare", "hectares", "degree", "degrees", "mph", "km/h", "kph", "sq", "square", "lb", "lbs", "ounce", "ounces", "mw", "gw", "kw"]
)
PERCENT_WORDS = frozenset({"%", "percent", "per", "pc"})
NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds", "thousands", "millions", "billions"]
)
NUMERIC_RE = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?$|^\d+(\.\d+)?(m|bn|k)$")
YEAR_RE = re.compile(r"^(1[5-9]|20)\d\d$|^(1[5-9]|20)\d0s$|^'\d0s$")
DATE_RE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$")
CLOCK_RE = re.compile(r"^\d{1,2}[:.]\d\d(am|pm)?$|^\d{1,2}(am|pm)$", re.IGNORECASE)
ORDINAL_DAY_RE = re.compile(r"^([12]?\d|3[01])(st|nd|rd|th)?$")
PERCENT_TOKEN_RE = re.compile(r"^\d+(\.\d+)?%$")
MONEY_TOKEN_RE = re.compile(r"^(US)?[$€£¥]\d[\d,.]*(m|bn|k)?$")


def is_number(word: str) -> bool:
    """A numeral in digits ("1,200", "3.5") or words ("twenty", "dozens")."""
    lower = word.lower()
    return bool(NUMERIC_RE.match(word)) or lower in NUMBER_WORDS or (
        "-" in lower and all(part in NUMBER_WORDS for part in lower.split("-"))
    )


def _number_run(lows: list[str], words: list[str], i: int) -> int:
    """End of the run of number words and scales starting at ``i`` (``i`` if none)."""
    j = i
    while j < len(words) and (
        is_number(words[j]) or (j > i and lows[j] in SCALES) or (j > i and lows[j] == "and" and j + 1 < len(words) and is_number(words[j + 1]))
    ):
        j += 1
    return j


def _match_date(lows: list[str], words: list[str], i: int) -> int:
    """End of a date expression starting at ``i``, or ``i`` when there is none."""
    n = len(words)
    j = i
    if ORDINAL_DAY_RE.match(lows[i]) and i + 1 < n and lows[i + 1] in MONTHS:
        j = i + 1  # "27 January"
    if lows[j] in MONTHS and (words[j][:1].isupper() or j > i):
        if words[j] == "may" and j == i and not (j + 1 < n and ORDINAL_DAY_RE.match(lows[j + 1])):
            return i  # "may" is mostly the verb
        j += 1
        if j < n and ORDINAL_DAY_RE.match(lows[j]):
            j += 1
        if j + 1 < n and lows[j] == "," and YEAR_RE.match(lows[j + 1]):
            j += 2
        elif j < n and YEAR_RE.match(lows[j]):
            j += 1
        return j
    if lows[i] in WEEKDAYS or lows[i] in DATE_WORDS or DATE_RE.match(lows[i]):
        return i + 1
    if YEAR_RE.match(lows[i]):
        return i + 1
    if lows[i] in RELATIVE and i + 1 < n and lows[i + 1] in DATE_UNITS | WEEKDAYS | MONTHS:
        return i + 2
    if lows[i] in RELATIVE and i + 2 < n and is_number(words[i + 1]) and lows[i + 2] in DATE_UNITS:
        return i + 3
    end = _number_run(lows, words, i)
    if end > i and end < n and lows[end] in DATE_UNITS:
        end += 1
        if end < n and lows[end] in AGO:
            end += 1
        return end
    return i


def _match_time(lows: list[str], words: list[str], i: int) -> int:
    """End of a time expression starting at ``i``, or ``i`` when there is none."""
    n = len(words)
    if CLOCK_RE.match(lows[i]):
        return i + 2 if i + 1 < n and lows[i + 1] in MERIDIEM else i + 1
    if re.match(r"^\d{1,2}$", lows[i]) and i + 1 < n and lows[i + 1] in MERIDIEM:
        return i + 2
    if lows[i] in {"midnight", "noon", "tonight"}:
        return i + 1
    if (lows[i] in RELATIVE | DATE_WORDS | WEEKDAYS) and i + 1 < n and lows[i + 1] in DAY_PARTS:
        return i + 2
    end = _number_run(lows, words, i)
    if end > i and end < n and lows[end] in TIME_UNITS:
        return end + 1
    return i


def _match_amount(lows: list[str], words: list[str], i: int) -> tuple[int, str]:
    """End and label of a MONEY, PERCENT or QUANTITY expression starting at ``i``."""
    n = len(words)
    if MONEY_TOKEN_RE.match(words[i]):
        end = i + 1
        while end < n and lows[end] in SCALES:
            end += 1
        return end, "MONEY"
    if PERCENT_TOKEN_RE.match(words[i]):
        return i + 1, "PERCENT"
    if lows[i] in CURRENCY_SIGNS and i + 1 < n and is_number(words[i + 1]):
        return _number_run(lows, words, i + 1), "MONEY"
    end = _number_run(lows, words, i)
    if end == i or end >= n:
        return i, ""
    if lows[end] in CURRENCY_WORDS or lows[end] in CURRENCY_SIGNS - {"$", "€", "£", "¥"}:
        return end + 1, "MONEY"
    if lows[end] in PERCENT_WORDS:
        if lows[end] == "per":
            return (end + 2, "PERCENT") if end + 1 < n and lows[end + 1] == "cent" else (i, "")
        return end + 1, "PERCENT"
    if lows[end] in UNITS:
        return end + 1, "QUANTITY"
    return i, ""


def numeric_spans(words: list[str]) -> list[Span]:
    """Find DATE, TIME, MONEY, PERCENT, QUANTITY and CARDINAL spans by word patterns.

    words (list[str]): The words of a sentence or document.
    RETURNS (list[Span]): Non-overlapping ``(start, end, label)`` spans, in order.
    """
    lows = [w.lower() for w in words]
    spans: list[Span] = []
    i = 0
    while i < len(words):
        end, label = _match_amount(lows, words, i)
        if end == i:
            end, label = _match_time(lows, words, i), "TIME"
        if end == i:
            end, label = _match_date(lows, words, i), "DATE"
        if end == i:
            end, label = _number_run(lows, words, i), "CARDINAL"
        if end > i:
            spans.append((i, end, label))
            i = end
        else:
            i += 1
    return spans


MAX_DEMONYM_WORDS = 3  # "South African", "Papua New Guinean"


def norp_spans(words: list[str]) -> list[Span]:
    """NORP spans for nationality, religion and party words ("Afghan", "South African")."""
    names = demonym_names()
    spans: list[Span] = []
    i = 0
    while i < len(words):
        for size in range(MAX_DEMONYM_WORDS, 0, -1):
            if " ".join(words[i:i + size]) in names and i + size <= len(words):
                spans.append((i, i + size, "NORP"))
                i += size
                break
        else:
            i += 1
    return spans


def weak_spans(words: list[str]) -> list[Span]:
    """All weak spans of a text: numeric expressions and nationality words."""
    return sorted(numeric_spans(words) + norp_spans(words))


# Nouns that re3d marks as WEAPON or MILITARY_VEHICLE although no other source marks
# them: left unknown (not "O") in the other sources so they do not contradict re3d.
ARMS_WORDS = frozenset(
    ["weapon", "weapons", "gun", "guns", "rifle", "rifles", "pistol", "pistols", "missile", "missiles", "rocket", "rockets", "bomb", "bombs", "explosive", "explosives", "ied", "ieds", "grenade", "grenades", "mortar", "mortars", "artillery", "munition", "munitions", "ammunition", "tank", "tanks", "aircraft", "jet", "jets", "fighter", "fighters", "bomber", "bombers", "drone", "drones", "uav", "uavs", "helicopter", "helicopters", "warship", "warships", "frigate", "frigates", "destroyer", "destroyers", "submarine", "submarines", "vehicle", "vehicles", "airstrike", "airstrikes", "ak-47", "ak-47s"]
)
