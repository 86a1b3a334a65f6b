"""sitrep's grammar of English time expressions: regular-expression rules that read an `Expr`.

Each rule is a pattern and a function from its match to an `Expr` (or None to reject the match).
`find_expressions` runs every rule over a text and keeps the longest non-overlapping matches.
Spans follow TimeML's extent: the expression without the preposition before it ("in early
August" gives "early August"), with its determiners and modifiers ("the past three years").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from sitrep.quantities.numbers import TENS, UNITS, parse_exact
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

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "dawn": "MO", "dusk": "EV"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# ISO 8601 designators of duration units; decades and centuries are written in years as TimeML does
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W",
              "month": "M", "quarter": "Q", "year": "Y", "decade": "Y", "century": "Y", "centurie": "Y"}
SPLIT_UNITS = {"year": ("M", 12), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60)}  # fractions, one unit down
UNIT_FACTORS = {"fortnight": 2, "decade": 10, "century": 100, "centurie": 100}
CLOCK_UNITS = {"second", "minute", "hour"}
GRAIN_OF_UNIT = {"day": "day", "week": "week", "weekend": "weekend", "month": "month", "quarter": "quarter",
                 "year": "year", "decade": "decade", "century": "century", "fortnight": "week"}
MODS = {"early": "start", "earlier": "start", "beginning": "start", "start": "start", "mid": "mid",
        "middle": "mid", "late": "end", "later": "end", "end": "end", "close": "end"}
SPELLED_CENTURIES = {"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
                     "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
                     "twenty-first": 21}
# "the twenties" … "the nineties" name decades of the 1900s (the 2020s are written in digits)
SPELLED_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                   "seventies": 70, "eighties": 80, "nineties": 90}
MONTH_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
# Month names that are also ordinary words: taken alone only when written as names
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jun", "dec", "sept", "sep", "jan", "aug", "oct"}

_num_words = "|".join(sorted((k for k in list(UNITS) + list(TENS) if k not in ("a", "an", "zero", "single", "lone")), key=len, reverse=True))
NUM = rf"(?:(?:a|one|two|three|four|five|several|a\s+few)\s+(?:hundred|thousand)|\d+(?:\.\d+)?|(?:{'|'.join(TENS)})(?:[-\s](?:{_num_words}))?|{_num_words}|a|an|a\s+few|few|several|a\s+couple\s+of|couple\s+of|some|many|a\s+half|half\s+an?|a\s+dozen)"
MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|(?![\w.])))"
WDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
POD = r"(?:morning|afternoon|evening|night)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
MOD = r"(?:early|earlier|mid|late|later|the\s+(?:beginning|start|middle|end|close)\s+of)"
# "in May", "since May": a month name after these cannot be the modal verb
DATE_PREPOSITION = re.compile(r"\b(?:in|since|until|till|by|during|of|from|through|before|after|last|next|this)\s+$", re.IGNORECASE)
AGE = re.compile(r"\s*(?:-\s*)?old\b", re.IGNORECASE)
B = r"(?<![\w-])"  # word start that is not inside a hyphenated word
E = r"(?![\w])"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    read: Callable[[re.Match], Expr | None]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    expr: Expr
    rule: str


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _num(text: str | None) -> float | None:
    """The number of a count word ("two", "24", "a"); None for vague ones ("several")."""
    if text is None:
        return None
    norm = " ".join(text.lower().split())
    if norm in ("a half", "half a", "half an"):
        return 0.5
    if norm in ("a couple of", "couple of"):
        return 2
    if norm in ("a few", "few", "several", "some", "many"):
        return None
    return parse_exact(norm)


def _mod(text: str | None) -> str | None:
    if not text:
        return None
    words = text.lower().replace("-", " ").split()
    return next((MODS[w] for w in words if w in MODS), None)


def _unit(text: str) -> str:
    unit = text.lower().rstrip("s")
    return "century" if unit == "centurie" else unit


def _duration_value(amount: float | None, unit: str) -> str:
    """ISO 8601 duration: P6M, PT3H, P20Y (two decades); PXY when the amount is vague."""
    code = UNIT_CODES[unit]
    clock = "T" if unit in CLOCK_UNITS else ""
    if unit == "quarter":  # ISO 8601 has no quarters: three months each
        return f"P{_fmt(amount * 3)}M" if amount is not None else "PXQ"
    if amount is None:
        return f"P{clock}X{'DE' if unit == 'decade' else 'CE' if unit == 'century' else code}"
    amount = amount * UNIT_FACTORS.get(unit, 1)
    whole, part = divmod(amount, 1)
    if part and unit in SPLIT_UNITS:
        # ISO 8601 writes "2 1/2 years" as P2Y6M, "5 1/2 hours" as PT5H30M, "1.5 days" as P1DT12H
        smaller, factor = SPLIT_UNITS[unit]
        rest = part * factor
        if float(rest).is_integer():
            lead = f"{_fmt(whole)}{code}" if whole else ""
            time_mark = "T" if unit == "day" else ""
            return f"P{clock}{lead}{time_mark}{_fmt(rest)}{smaller}"
    return f"P{clock}{_fmt(amount)}{code}"


def _fmt(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.strip().lstrip("'\u2019")
    year = int(digits)
    if len(digits) == 2:  # '90 in a dateline: the nearest century that keeps it in the past
        year += 1900 if year > 30 else 2000
    return year


# --- rule functions: each reads one pattern's groups -------------------------------------------


def read_iso(m: re.Match) -> Expr | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if m["h"]:
        return Expr(CLOCK, on=Expr(CALENDAR, grain="day", year=year, month=month, day=day), hour=int(m["h"]), minute=int(m["mi"]))
    return Expr(CALENDAR, grain="day", year=year, month=month, day=day, confidence=0.95)


def read_slash(m: re.Match) -> Expr | None:
    a, b, year = int(m["a"]), int(m["b"]), _year(m["y"])
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Expr(CALENDAR, grain="day", year=year, month=month, day=day, confidence=0.8)


def read_month_day(m: re.Match) -> Expr | None:
    day = int(re.sub(r"\D", "", m["d"]))
    if not 1 <= day <= 31:
        return None
    rel = (m["rel"] or "").lower() if "rel" in m.re.groupindex else ""
    direction = "past" if rel.endswith(("last", "past")) else "future" if rel.endswith(("next", "coming")) else "auto"
    return Expr(CALENDAR, grain="day", year=_year(m["y"]), month=_month(m["mon"]), day=day, mod=_mod(m["mod"]),
                direction=direction, future=direction == "future")


def read_week_of(m: re.Match) -> Expr | None:
    """ "the week of March 6": the week (or weekend) holding that day."""
    day = int(re.sub(r"\D", "", m["d"]))
    if not 1 <= day <= 31:
        return None
    return Expr(CALENDAR, grain=m["unit"].lower(), year=_year(m["y"]), month=_month(m["mon"]), day=day)


def read_month_year(m: re.Match) -> Expr | None:
    return Expr(CALENDAR, grain="month", year=_year(m["y"]), month=_month(m["mon"]), mod=_mod(m["mod"]))


def read_month(m: re.Match) -> Expr | None:
    word = m["mon"]
    name = word.lower().rstrip(".")
    qualified = bool(m["mod"] or m["rel"] or m["of"])
    if name in AMBIGUOUS_MONTHS and not word[0].isupper():
        return None
    if name in MONTH_ABBREVIATIONS and not word.endswith(".") and not qualified:
        return None  # "Jan Kavan": an abbreviation alone needs its dot
    if name in ("may", "march") and not (qualified or DATE_PREPOSITION.search(m.string, max(m.start() - 12, 0), m.start())):
        return None  # "May" and "March" alone are too often the verb or part of a name
    rel = (m["rel"] or "").lower()
    shift = {"last": -1, "next": 1, "this": 0, "coming": 1, "past": -1}.get(rel.split()[-1] if rel else "", None)
    direction = "past" if shift == -1 else "future" if shift == 1 else "auto"
    year_shift = 0 if shift == 0 else None  # "this September": the anchor's year
    if m["of"]:
        year_shift = {"this": 0, "last": -1, "next": 1}[m["of"].split()[-2].lower()]
    return Expr(CALENDAR, grain="month", month=_month(word), mod=_mod(m["mod"]), direction=direction,
                future=shift == 1 or year_shift == 1, year_shift=year_shift)


def read_year(m: re.Match) -> Expr | None:
    year = int(m["y"])
    mod = _mod(m["mod"])
    if m["fy"]:
        return Expr(CALENDAR, grain="year", year=year, confidence=0.85)
    return Expr(CALENDAR, grain="year", year=year, mod=mod, confidence=0.85 if mod else 0.8)


def read_decade(m: re.Match) -> Expr | None:
    digits = m["d"]
    if len(digits) == 2:
        decade = (1900 if int(digits) > 20 else 2000) + int(digits)
    else:
        decade = int(digits)
    if decade % 10:
        return None
    return Expr(CALENDAR, grain="decade", year=decade, mod=_mod(m["mod"]))


def read_century(m: re.Match) -> Expr | None:
    word = m["n"].lower().replace(" ", "-")
    n = SPELLED_CENTURIES.get(word) or int(re.sub(r"\D", "", word))
    if not 1 <= n <= 21:
        return None
    return Expr(CALENDAR, grain="century", year=(n - 1) * 100, mod=_mod(m["mod"]))


def read_spelled_decade(m: re.Match) -> Expr | None:
    """ "the nineties", "the late eighties": a decade of the 1900s, as news writes them."""
    decade = 1900 + SPELLED_DECADES[m["w"].lower()]
    return Expr(CALENDAR, grain="decade", year=decade, mod=_mod(m["mod"]), confidence=0.7)


def read_deictic_day(m: re.Match) -> Expr | None:
    word = " ".join(m["w"].lower().split())
    if word == "today" and m.string[m.end():m.end() + 2] in ("'s", "\u2019s") and not (m["pod"] or m["h"]):
        return None  # "today's world": the present in general, not the day
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}[word]
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower()) or ("NI" if word == "tonight" else None)
    day = Expr(RELATIVE, grain="day", shift=shift, mod=_mod(m["mod"]), future=shift > 0)
    if m["h"]:
        return _clock(m, on=day)
    if pod:
        return Expr(RELATIVE, grain="day", shift=shift, pod=pod, future=shift > 0, confidence=0.9)
    return day


def read_part_of_day(m: re.Match) -> Expr | None:
    rel = m["rel"].lower()
    pod = PARTS_OF_DAY[m["pod"].lower()]
    if rel == "last" and pod != "NI":
        return None  # "last morning" is not a deictic expression
    shift = -1 if rel == "last" else 0
    return Expr(RELATIVE, grain="day", shift=shift, pod=pod)


def read_weekday(m: re.Match) -> Expr | None:
    rel = (m["rel"] or "").lower()
    direction = "past" if rel in ("last", "past", "previous") else "future" if rel in ("next", "coming", "this coming") else "auto"
    pod = PARTS_OF_DAY.get((m["pod"] or "").lower())
    day = Expr(WEEKDAY, grain="day", weekday=WEEKDAYS[m["wd"].lower()], direction=direction, pod=pod,
               mod=_mod(m["mod"]), future=direction == "future")
    if m["h"]:
        return _clock(m, on=day)
    return day


def read_relative(m: re.Match) -> Expr | None:
    rel = " ".join(m["rel"].lower().split())
    unit = _unit(m["unit"])
    grain = GRAIN_OF_UNIT.get(unit)
    if grain is None:
        return None
    mod = _mod(m["mod"])
    if rel in ("the past", "the last", "past", "the previous", "previous", "the preceding") and not mod:
        if rel.endswith(("previous", "preceding")):
            return Expr(RELATIVE, grain=grain, shift=-1, frame="reference")
        return Expr(DURATION, value=_duration_value(1, unit), confidence=0.8)
    if rel in ("the following", "the next", "following") and not mod:
        if rel == "the next" and unit in ("day", "week", "month", "year"):
            return Expr(RELATIVE, grain=grain, shift=1, frame="reference", confidence=0.7)
        return Expr(RELATIVE, grain=grain, shift=1, frame="reference")
    shift = {"last": -1, "this": 0, "next": 1, "coming": 1, "the coming": 1, "current": 0, "the current": 0,
             "this past": -1, "past": -1, "the past": -1, "the last": -1, "the previous": -1, "previous": -1,
             "the same": 0, "that": 0}.get(rel)
    if shift is None:
        return None
    frame = "reference" if rel in ("the same", "that", "the previous", "previous") else "anchor"
    if m["mod"] and m["mod"].lower().startswith("earlier") and shift == 0:
        mod = None  # "earlier this month": the month, up to now
    if m["mod"] and m["mod"].lower().startswith("later") and shift == 0:
        mod = None
    return Expr(RELATIVE, grain=grain, shift=shift, frame=frame, mod=mod, future=shift > 0)


def read_period_part(m: re.Match) -> Expr | None:
    """ "year-end", "the end of the month", "earlier in the year": part of the current period."""
    unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
    if m["mod2"]:  # "earlier in the year": the year so far, as "earlier this year"
        return Expr(RELATIVE, grain=unit, shift=0, confidence=0.7)
    return Expr(RELATIVE, grain=unit, shift=0, mod=_mod(m["mod"] or m["end"]), confidence=0.7)


def read_the_period(m: re.Match) -> Expr | None:
    """ "the quarter", "the latest quarter": the quarter the text talks about, or else the last
    one completed before publication (what a results story reports). "The latest period" is
    how results stories name that last reported quarter too."""
    if m["latest"] or m["latest2"]:  # "the latest quarter": the last one completed, whatever the text named before
        return Expr(RELATIVE, grain="quarter", shift=-1, confidence=0.6)
    return Expr(RELATIVE, grain="quarter", shift=0, frame="completed", confidence=0.6)


def read_year_ago_period(m: re.Match) -> Expr | None:
    """ "the year-ago quarter", "the same period last year", "last year's quarter": the quarter
    talked about (or the last completed), a year before."""
    return Expr(RELATIVE, grain="quarter", shift=-4, frame="completed", confidence=0.6)


def read_year_period(m: re.Match) -> Expr | None:
    """ "the 1988 quarter" in a results story: the quarter talked about, in that year."""
    return Expr(RELATIVE, grain="quarter", year=int(m["y"]), frame="completed", confidence=0.6)


def read_spelled_year(m: re.Match) -> Expr | None:
    """ "nineteen ninety-six", "the year two thousand", as broadcasts write years."""
    century = m["c"].lower()
    rest = parse_exact(m["yy"].lower()) if m["yy"] else 0
    if rest is None or rest >= 100:
        return None
    if century == "nineteen":
        if not m["yy"]:
            return None  # "nineteen" alone is a number
        year, confidence = 1900 + int(rest), 0.7
    elif century == "twenty":
        if not m["yy"] or rest < 10:
            return None  # "twenty one" is a count, "twenty twenty-one" a year
        year, confidence = 2000 + int(rest), 0.6
    elif not m[0].lower().startswith("the year") and not m["yy"] and not m["mon"]:
        return None  # "two thousand" is a count unless "the year two thousand"
    else:
        year, confidence = 2000 + int(rest), 0.7
    if m["mon"]:  # "January nineteen ninety-seven"
        if m["mon"].lower().rstrip(".") in AMBIGUOUS_MONTHS and not m["mon"][0].isupper():
            return None
        return Expr(CALENDAR, grain="month", year=year, month=_month(m["mon"]), confidence=confidence)
    return Expr(CALENDAR, grain="year", year=year, confidence=confidence)


def read_holiday(m: re.Match) -> Expr | None:
    """Fixed and computable holidays: Christmas, New Year, (US) Thanksgiving, (Western) Easter."""
    name = " ".join(m["h"].lower().replace("'", "").split())
    rel = (m["rel"] or "").lower()
    year_shift = {"last": -1, "this": 0, "next": 1}.get(rel)
    year = _year(m["y"]) if m["y"] else None
    return Expr(CALENDAR, grain="day", year=year, year_shift=year_shift, value=name.split()[0] + ("_eve" if "eve" in name else ""),
                direction="past" if rel == "last" else "future" if rel == "next" else "auto", confidence=0.75)


def read_weekend(m: re.Match) -> Expr | None:
    rel = (m["rel"] or "the").lower()
    shift = {"last": -1, "this": 0, "next": 1, "the": 0, "this past": -1, "the past": -1, "coming": 1,
             "the coming": 1, "over the": 0}.get(rel, 0)
    if rel == "the":
        return Expr(WEEKDAY, grain="weekend", weekday=5, direction="auto", confidence=0.7)
    return Expr(RELATIVE, grain="weekend", shift=shift, future=shift > 0)


def read_ago(m: re.Match) -> Expr | None:
    unit = _unit(m["unit"])
    amount = _num(m["n"])
    word = m["dir"].lower()
    sign = -1 if word in ("ago", "earlier", "before", "back", "previously") else 1
    frame = "anchor" if word in ("ago", "back", "from now", "hence") else "reference"
    if amount is None or unit in CLOCK_UNITS or not float(amount).is_integer():
        if frame == "reference":  # "a few days later", "an hour later": a stretch after the event
            return Expr(DURATION, value=_duration_value(amount, unit), confidence=0.6)
        return Expr(REFERENCE, value="PAST_REF" if sign < 0 else "FUTURE_REF", confidence=0.7)
    grain = GRAIN_OF_UNIT[unit]
    n = int(amount) * UNIT_FACTORS.get(unit, 1) if unit in ("fortnight",) else int(amount)
    if unit == "decade":
        grain, n = "year", n * 10
    return Expr(RELATIVE, grain=grain, shift=sign * n, frame=frame, future=sign > 0)


def read_anaphoric_day(m: re.Match) -> Expr | None:
    word = " ".join(m["w"].lower().split())
    shift = {"the previous day": -1, "the day before": -1, "the next day": 1, "the following day": 1,
             "the day after": 1, "that day": 0, "the same day": 0, "that same day": 0, "a day earlier": -1,
             "a day later": 1, "the previous night": -1, "that night": 0, "the next morning": 1,
             "the following morning": 1, "that morning": 0, "the night before": -1}[word]
    pod = next((code for name, code in PARTS_OF_DAY.items() if word.endswith(name)), None)
    return Expr(RELATIVE, grain="day", shift=shift, frame="reference", pod=pod, confidence=0.75)


def read_duration(m: re.Match) -> Expr | None:
    unit = _unit(m["unit"])
    amount = _num(m["n"]) if m["n"] else None
    plural = m["unit"].lower().endswith("s") and unit != "centurie"
    if m["n"] is None and (not plural or m["adj"]):
        return None  # "days" alone is vague; "business days" alone names no length
    if m["n"] and amount is not None and amount > 1 and not plural and not m["hy"] and not _adjectival(m):
        return None  # "two year" is English only before a noun ("a two year truce"), like "two-year"
    if m["old"] or AGE.match(m.string, m.end()):
        return None  # "six-year-old", "52 years old": an age
    if unit == "second" and amount == 1 and not plural:
        return None  # "a second attack": the ordinal
    if unit == "quarter" and m["hy"]:
        return None  # "three-quarters": a fraction
    if (m["frac"] or m["frac2"]) and amount is not None:
        amount += 0.5
    return Expr(DURATION, value=_duration_value(amount, unit), confidence=0.85 if amount is not None else 0.7)


def _adjectival(m: re.Match) -> bool:
    """A singular unit used as an adjective: a lower-case word follows ("a two year truce")."""
    follow = re.match(r"\s+([a-z]+)", m.string[m.end():m.end() + 20])
    return bool(follow) and follow.group(1) not in ("ago", "later", "earlier", "before", "after", "of", "and", "or", "in")


def read_set(m: re.Match) -> Expr | None:
    word = " ".join(m[0].lower().split())
    if m["adv"]:
        adv = m["adv"].lower()
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                 "annual": "P1Y", "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q", "biweekly": "P2W"}[adv]
        return Expr(SET, value=value, confidence=0.8)
    if m["wd"]:
        return Expr(SET, value=f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    unit = _unit(m["unit"])
    n = _num(m["n"]) if m["n"] else 1
    if n is None:
        return None
    value = _duration_value(n * (2 if "other" in word else 1), unit)
    return Expr(SET, value=value)


def read_quarter(m: re.Match) -> Expr | None:
    which = (m["q"] or "").lower()
    half = m["unit"].lower().startswith("half")
    count = 2 if half else 4
    n = ORDINALS.get(which) or (count if which in ("final", "last", "fourth") else None)
    year = _year(m["y"] or m["yp"])
    rel = (m["rel"] or "").lower()
    year_shift = -1 if rel.startswith("last") or m["ya"] else 1 if rel.startswith("next") else 0 if rel else None
    if n is None or n > count:
        return None
    grain = "half" if half else "quarter"
    return Expr(CALENDAR, grain=grain, year=year, month=(n - 1) * (12 // count) + 1, year_shift=year_shift)


def read_season(m: re.Match) -> Expr | None:
    season = m["s"].lower()
    rel = (m["rel"] or "").lower()
    if season == "fall" and not (rel or m["y"] or m["mod"]):
        return None  # "fall" alone is the verb
    month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[SEASON_CODES[season]]
    shift = {"last": -1, "this": 0, "next": 1, "this past": -1, "the past": -1, "the": 0, "": 0}.get(rel, 0)
    direction = "past" if shift < 0 else "future" if shift > 0 else "auto"
    return Expr(CALENDAR, grain="season", year=_year(m["y"]), month=month, mod=_mod(m["mod"]),
                direction=direction, shift=0, future=shift > 0, confidence=0.8)


def read_reference(m: re.Match) -> Expr | None:
    word = " ".join(m[0].lower().split())
    if word in ("now", "currently", "current", "at present", "nowadays", "presently", "these days",
                "at the moment", "right now", "present", "today's"):
        return Expr(REFERENCE, value="PRESENT_REF", confidence=0.7)
    if word in ("the future", "future", "soon", "in the coming days", "the coming days", "the coming weeks",
                "the coming months", "the coming years", "the near future"):
        return Expr(REFERENCE, value="FUTURE_REF", confidence=0.6)
    return Expr(REFERENCE, value="PAST_REF", confidence=0.6)


def read_clock(m: re.Match) -> Expr | None:
    return _clock(m, on=None)


def read_clock_pod(m: re.Match) -> Expr | None:
    """ "at 4 in the morning", "at 9 in the evening": an hour made exact by its part of day."""
    hour = int(m["h"])
    pod = m["pod"].lower()
    if pod in ("afternoon", "evening") or (pod == "night" and hour >= 6):
        hour = hour % 12 + 12
    elif hour == 12:
        hour = 0  # "12 in the morning" is midnight
    return Expr(CLOCK, hour=hour, minute=int(m["mi"]) if m["mi"] else 0, confidence=0.8)


def read_military(m: re.Match) -> Expr | None:
    hhmm = m["hm"]
    hour, minute = int(hhmm[:2]), int(hhmm[2:])
    if hour > 24 or minute > 59:
        return None
    on = None
    if m["dw"]:
        word = " ".join(m["dw"].lower().split())
        on = Expr(RELATIVE, grain="day", shift=-1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0)
    return Expr(CLOCK, hour=hour, minute=minute, on=on, confidence=0.8)


def read_noon(m: re.Match) -> Expr | None:
    word = m["w"].lower()
    hour = 12 if word in ("noon", "midday") else 24
    on = None
    if m["wd"]:
        on = Expr(WEEKDAY, grain="day", weekday=WEEKDAYS[m["wd"].lower()])
    return Expr(CLOCK, hour=hour, minute=0, on=on, confidence=0.8)


def _clock(m: re.Match, on: Expr | None) -> Expr | None:
    hour = int(m["h"])
    minute = int(m["mi"]) if m["mi"] else 0
    ampm = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    if on is None and "wd" in m.re.groupindex and m["wd"]:
        on = Expr(WEEKDAY, grain="day", weekday=WEEKDAYS[m["wd"].lower()])
    if on is None and "mon" in m.re.groupindex and m["mon"]:
        on = Expr(CALENDAR, grain="day", year=_year(m["y"]), month=_month(m["mon"]), day=int(re.sub(r"\D", "", m["d"])))
    if on is None and "dw" in m.re.groupindex and m["dw"]:
        word = " ".join(m["dw"].lower().split())
        shift = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
        on = Expr(RELATIVE, grain="day", shift=shift)
    return Expr(CLOCK, hour=hour, minute=minute, on=on)


AMPM = r"(?P<ap>[ap]\.?\s?m\.?(?![\w]))"
CLOCK_CORE = rf"(?P<h>[01]?\d|2[0-4])(?::(?P<mi>[0-5]\d))?\s*{AMPM}"
TZ = r"(?:\s+(?:\(?(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|local\s+time)\)?))?"

RULES_SPEC: list[tuple[str, str, Callable[[re.Match], Expr | None]]] = [
    ("iso", rf"{B}(?P<y>{YEAR4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<h>\d\d):(?P<mi>\d\d)(?::\d\d)?)?{E}", read_iso),
    ("slash", rf"{B}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\w/])", read_slash),
    ("month_day", rf"{B}(?:{WDAY},?\s+)?(?:(?P<mod>{MOD})\s+|(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?!\d|:\d|\.\d|\s*(?:%|percent|per\s+cent))(?:,?\s+(?P<y>{YEAR4}|'\d\d))?{E}", read_month_day),
    ("day_month", rf"{B}(?:{WDAY},?\s+)?(?:(?P<mod>{MOD})\s+)?(?:the\s+)?(?P<d>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR4}|\d\d(?![\d,])))?{E}", read_month_day),
    ("week_of", rf"{B}the\s+(?P<unit>week|weekend)\s+of\s+(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR4}))?{E}", read_week_of),
    ("month_year", rf"{B}(?:(?P<mod>{MOD})[\s-]+)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR4}|'\d\d){E}", read_month_year),
    ("month", rf"{B}(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past)\s+|(?P<mod>{MOD})[\s-]+)?(?P<mon>{MONTH}){E}(?P<of>,?\s+(?:of\s+)?(?:this|last|next)\s+year(?!'))?", read_month),
    ("military", rf"(?<=\bat\s)(?P<hm>[01]\d[0-5]\d|2[0-3][0-5]\d)(?:\s*(?:GMT|hours|hrs|local\s+time|\(\d{{4}}\s+GMT\)))?(?:\s+(?P<dw>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)))?{E}", read_military),
    ("year", rf"{B}(?:(?P<mod>{MOD})[\s-]+)?(?:(?P<fy>fiscal|FY)\s*)?(?:the\s+year\s+)?(?P<y>{YEAR4})(?!\d|,\d{{3}}|\.\d|\s*(?:%|percent|per\s+cent)|-(?:\d|[a-z]+-old))", read_year),
    ("decade", rf"{B}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<d>1[5-9]\d0|20\d0)'?s|'(?P<d2>\d0)s){E}", None),
    ("century", rf"{B}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>1[1-9]th|2[01](?:st|th)|[2-9]th|1st|2nd|3rd|(?:eleven|twelf|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twentie)th|twenty[\s-]first)[\s-]+century{E}", None),
    ("spelled_decade", rf"{B}the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties){E}", read_spelled_decade),
    ("deictic_day", rf"{B}(?:(?P<mod>early|late)\s+)?(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>{POD}))?(?:\s+(?:at\s+)?(?P<h>[01]?\d|2[0-4])(?::(?P<mi>[0-5]\d))?\s*{AMPM})?{E}", read_deictic_day),
    ("part_of_day", rf"{B}(?P<rel>this|last)\s+(?P<pod>{POD}){E}", read_part_of_day),
    ("weekday", rf"{B}(?:(?P<rel>last|next|this|this\s+coming|coming|past|previous)\s+|(?P<mod>early|late)\s+)?(?P<wd>{WDAY})(?:'s)?(?:\s+(?P<pod>{POD}))?(?:,?\s+(?:at\s+)?(?P<h>[01]?\d|2[0-4])(?::(?P<mi>[0-5]\d))?\s*{AMPM})?{E}", read_weekday),
    ("relative", rf"{B}(?:(?P<mod>{MOD}|later)\s+)?(?P<rel>last|this|next|coming|the\s+coming|current|the\s+current|this\s+past|the\s+past|the\s+last|the\s+previous|previous|the\s+preceding|the\s+following|the\s+next|following|the\s+same|that)\s+(?:fiscal\s+)?(?P<unit>day|week|fortnight|month|quarter|year|decade|century){E}", read_relative),
    ("period_part", (rf"{B}(?:(?:the\s+)?(?P<unit>year|month|week)(?:'s|\u2019s)?[\s-](?P<end>end)"
                     rf"|the\s+(?P<mod>end|start|beginning|middle|close)\s+of\s+the\s+(?P<unit2>year|month|week)"
                     rf"|(?P<mod2>earlier|later)\s+in\s+the\s+(?P<unit3>year|month|week)){E}"), read_period_part),
    ("the_period", rf"{B}the\s+(?:(?P<latest>latest|just-ended|just-completed|most\s+recent)\s+|(?:current|same)\s+)?(?:fiscal\s+)?(?P<unit>quarter){E}|{B}the\s+(?P<latest2>latest|just-ended|most\s+recent)\s+(?P<unit2>period){E}", read_the_period),
    ("year_ago_period", (rf"{B}(?:(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?:year-ago|year-earlier)(?:\s+(?:fiscal\s+)?(?:quarter|period))?"
                         rf"|the\s+(?:same|corresponding|comparable)\s+(?:fiscal\s+)?(?:quarter|period)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier))"
                         rf"|last\s+year's\s+(?:fiscal\s+)?(?:quarter|period)|the\s+(?:quarter|period)\s+a\s+year\s+(?:ago|earlier)){E}"), read_year_ago_period),
    ("year_period", rf"{B}the\s+(?P<y>{YEAR4})\s+(?:fiscal\s+)?quarter{E}", read_year_period),
    ("spelled_year", rf"{B}(?:(?P<mon>{MONTH}),?\s+(?:of\s+)?|the\s+year\s+)?(?P<c>nineteen|twenty|two\s+thousand(?:\s+and)?)(?:\s+(?P<yy>(?:{'|'.join(TENS)})(?:[-\s](?:{_num_words}))?|{_num_words}))?{E}", read_spelled_year),
    ("holiday", rf"{B}(?:(?P<rel>last|this|next)\s+)?(?P<h>christmas\s+eve|christmas(?:\s+day)?|new\s+year'?s\s+eve|new\s+year'?s(?:\s+day)?|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?)(?:\s+(?P<y>{YEAR4}))?{E}", read_holiday),
    ("weekend", rf"{B}(?:(?P<rel>last|this|next|the|this\s+past|the\s+past|coming|the\s+coming)\s+)weekend{E}", read_weekend),
    ("ago", rf"{B}(?:(?:about|almost|nearly|roughly|around|some|more\s+than|less\s+than|at\s+least|just|only|barely|over)\s+)?(?P<n>{NUM})\s+(?P<unit>{UNIT})s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|back|from\s+now|hence){E}", read_ago),
    ("anaphoric_day", rf"{B}(?P<w>the\s+previous\s+day|the\s+day\s+before|the\s+next\s+day|the\s+following\s+day|that\s+same\s+day|that\s+day|the\s+same\s+day|a\s+day\s+earlier|a\s+day\s+later|the\s+previous\s+night|that\s+night|the\s+next\s+morning|the\s+following\s+morning|that\s+morning|the\s+night\s+before){E}", read_anaphoric_day),
    ("duration", rf"{B}(?:(?:the|these|those)\s+)?(?:(?P<dir>past|last|next|previous|first|coming|final|following|recent|future)\s+)?(?:(?:about|almost|nearly|roughly|around|some|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|over|under|just|only|as\s+(?:little|few|many|much|long)\s+as)\s+)?(?:(?P<n>{NUM})(?P<frac>\s+1/2|\s+and\s+a\s+half)?(?:\s+more)?(?:(?P<hy>-)|\s+))?(?:(?P<adj>trading|business|working)\s+)?(?P<unit>{UNIT}s?)(?P<frac2>\s+and\s+a\s+half)?(?P<old>-old)?{E}", read_duration),
    ("set", rf"{B}(?:(?:every|each)\s+(?:other\s+)?(?:(?P<wd>{WDAY})|(?P<n>{NUM})?\s*(?P<unit>{UNIT})s?)|(?:once|twice|(?:\w+)\s+times)\s+(?:a|an|per|every|each)\s+(?P<unit2>{UNIT})|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly)){E}", None),
    ("quarter", rf"{B}(?:(?P<rel>last\s+year|this\s+year|next\s+year)(?:'s)?\s+)?(?:the\s+)?(?:(?P<yp>{YEAR4})\s+|(?P<ya>year-ago|year-earlier)\s+)?(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<rel2>this|last|next)\s+year))?{E}", None),
    ("season", rf"{B}(?:(?P<rel>last|this|next|this\s+past|the\s+past|the)\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?{E}", read_season),
    ("reference", rf"{B}(?:now|currently|current|nowadays|presently|at\s+present|these\s+days|right\s+now|recently|lately|the\s+past|in\s+the\s+past|the\s+future|the\s+near\s+future|the\s+coming\s+(?:days|weeks|months|years)){E}", read_reference),
    ("clock", rf"{B}{CLOCK_CORE}{TZ}(?:,?\s+(?:on\s+)?(?:(?P<wd>{WDAY})|(?P<dw>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))|(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR4}))?))?{E}", read_clock),
    ("clock_pod", rf"(?<=\bat\s)(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?(?:\s+o'clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night){E}", read_clock_pod),
    ("noon", rf"{B}(?P<w>noon|midday|midnight)(?:\s+(?P<wd>{WDAY}))?{E}", read_noon),
]


def read_decade_rule(m: re.Match) -> Expr | None:
    digits = m["d"] or m["d2"]
    return read_decade(_Groups(m, d=digits))


def read_set_rule(m: re.Match) -> Expr | None:
    if m["unit2"] and not m["unit"]:
        return read_set(_Groups(m, unit=m["unit2"], n=None, wd=None))
    return read_set(m)


def read_quarter_rule(m: re.Match) -> Expr | None:
    rel = m["rel"] or (f"{m['rel2']} year" if m["rel2"] else None)
    return read_quarter(_Groups(m, rel=rel))


class _Groups:
    """A match with some groups replaced, so rule functions can share readers."""

    def __init__(self, m: re.Match, **over: str | None):
        self._m, self._over = m, over
        self.re = m.re

    def __getitem__(self, key: str | int) -> str | None:
        if key in self._over:
            return self._over[key]
        return self._m[key]


_READERS = {"decade": read_decade_rule, "century": read_century, "set": read_set_rule, "quarter": read_quarter_rule}
RULES: list[Rule] = [
    Rule(name, re.compile(pattern, re.IGNORECASE), reader or _READERS[name]) for name, pattern, reader in RULES_SPEC
]
# Cheap screens: a rule runs only on paragraphs holding one of its key words, since most
# paragraphs hold no duration or "ago" and the full patterns are costly to try at every character.
_UNIT_KEY = r"second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur"
RULE_KEYS: dict[str, re.Pattern] = {name: re.compile(key, re.IGNORECASE) for name, key in {
    "ago": r"\b(?:ago|earlier|later|back|from\s+now|hence)\b",
    "duration": _UNIT_KEY,
    "set": r"every|each|once|twice|times|daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly",
    "relative": _UNIT_KEY,
    "month_day": r"\d",
    "day_month": r"\d",
    "month_year": r"\d",
    "week_of": r"week",
    "quarter": r"quarter|half",
    "season": r"spring|summer|autumn|fall|winter",
    "holiday": r"christmas|new\s+year|thanksgiving|easter",
    "spelled_year": r"nineteen|twenty|thousand",
    "year_ago_period": r"year",
    "year_period": r"quarter",
    "period_part": r"year|month|week",
    "decade": r"\ds",
    "century": r"century",
    "spelled_decade": r"ties\b",
    "clock": r"\d",
    "clock_pod": r"\bin\s+the\s+(?:morning|afternoon|evening|night)",
    "slash": r"/",
    "iso": r"\d-\d",
}.items()}
_PARAGRAPH = re.compile(r"\n\s*\n")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _matches(rule: Rule, text: str, paragraphs: list[tuple[int, int]]):
    key = RULE_KEYS.get(rule.name)
    if key is None:
        yield from rule.pattern.finditer(text)
        return
    for start, end in paragraphs:
        if key.search(text, start, end):
            yield from rule.pattern.finditer(text, start, end)


def find_expressions(text: str) -> list[Found]:
    """All time expressions of `text`, longest first among overlapping ones, in text order."""
    candidates: list[tuple[int, int, int, re.Match]] = []
    paragraphs = _paragraphs(text)
    for order, rule in enumerate(RULES):
        for m in _matches(rule, text, paragraphs):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), order, m))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    found: list[Found] = []
    for start, end, order, m in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        expr = RULES[order].read(m)
        if expr is None:
            continue
        start, end = _trim(text, start, end)
        taken.append((start, end))
        found.append(Found(start, end, expr, RULES[order].name))
    found.sort(key=lambda f: f.start)
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    return start, end


def with_future(expr: Expr, future: bool) -> Expr:
    """`expr` marked as pointing forward (tense of its clause), for weekday and month names."""
    if not future or expr.direction != "auto":
        return expr
    return replace(expr, direction="future", future=True)
