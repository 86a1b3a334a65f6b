"""Number phrases of a text: the number, its qualifier or range, and the words after it.

"at least 13 civilians", "between 500 and 1,000 fighters", "several thousand active fighters",
"as low as 500", "dozens of people", "$2.5 million". The bounds of each reading follow the
qualifier: "at least 13" is 13 and up, "up to 50" at most 50, "about 500" has no firm bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.quantities.numbers import TENS, UNITS, VAGUE, Reading, parse_number

_atoms = sorted((k for k in list(UNITS) + list(TENS) if k not in ("a", "an", "single", "lone")), key=len, reverse=True)
ATOM = rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(k for k in UNITS if k not in ('a', 'an', 'zero', 'single', 'lone'))}))?|{'|'.join(_atoms)})"
SCALE = r"(?:hundred|thousand|million|billion|trillion|mn|bn|m|k)(?![\w])"
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|\d+(?:\.\d+)?)"
WORDS = rf"(?:{ATOM}(?:\s+(?:and\s+)?(?:{ATOM}|hundred|thousand|million|billion)(?![\w]))*)"
_vague = sorted((re.escape(k).replace("\\ ", r"\s+") for k in VAGUE if not k.endswith(" of")), key=len, reverse=True)
VAGUE_RE = rf"(?:(?:{'|'.join(_vague)})(?:\s+(?:hundred|thousand|million|billion))?)"
CORE = (rf"(?:(?:a|one)\s+dozen|half\s+a\s+dozen|{DIGITS}(?:\s*-?\s*{SCALE})?|a\s+(?:hundred|thousand|million)"
        rf"|{VAGUE_RE}|{WORDS})(?:\s+of(?=\s))?")
CURRENCY_SIGN = r"(?:US\$|\$|£|€|¥|Rs\.?|USD\s?|EUR\s?)"

# qualifier -> which bounds the stated number fixes
LOWER = r"at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|no\s+fewer\s+than|no\s+less\s+than|as\s+high\s+as|as\s+many\s+as|as\s+much\s+as"
UPPER = r"up\s+to|nearly|almost|close\s+to|just\s+under|under|fewer\s+than|less\s+than|below|at\s+most|a\s+maximum\s+of|as\s+few\s+as|as\s+low\s+as|as\s+little\s+as"
APPROX = r"about|around|some|roughly|approximately|an\s+estimated|estimated|nearly|about|almost|just\s+over|more\s+or\s+less|or\s+so"
EXACT = r"exactly|only|just|a\s+total\s+of|total\s+of|all"
QUALIFIER = rf"(?P<q>{LOWER}|{UPPER}|{APPROX}|{EXACT})"

PHRASE = re.compile(
    rf"(?<![\w.,$£€/:#-])(?:(?:between|from)\s+)?(?:{QUALIFIER}\s+)?(?P<cur>{CURRENCY_SIGN})?(?P<n>{CORE})"
    rf"(?:\s*(?:-|–|to|and|or)\s*(?P<cur2>{CURRENCY_SIGN})?(?P<n2>{DIGITS}(?:\s*{SCALE})?|{WORDS}(?:\s+{SCALE})?))?"
    rf"(?P<pct>\s*(?:%|percent|per\s+cent))?(?![\w])",
    re.IGNORECASE,
)

# The stated number is a lower bound ("at least 13", "as high as"): low = N, high open
_LOWER = re.compile(rf"^(?:{LOWER})$", re.IGNORECASE)
# The stated number is an upper bound ("up to 50", "nearly 200"): high = N
_UPPER = re.compile(rf"^(?:{UPPER})$", re.IGNORECASE)
_APPROX = re.compile(rf"^(?:{APPROX})$", re.IGNORECASE)
# "as low as 500" gives the low end of an estimate, "as high as" the high end
_LOW_END = re.compile(r"^as\s+(?:low|few|little)\s+as$", re.IGNORECASE)
_HIGH_END = re.compile(r"^as\s+(?:high|many|much)\s+as$", re.IGNORECASE)


@dataclass(frozen=True)
class NumberPhrase:
    start: int
    end: int
    reading: Reading
    qualifier: str | None
    currency: str | None
    percent: bool
    vague: bool
    ranged: bool


def find_numbers(text: str) -> list[NumberPhrase]:
    """Every number phrase of `text` with its bounds, in text order."""
    out = []
    for m in PHRASE.finditer(text):
        phrase = _read(m)
        if phrase is not None:
            out.append(phrase)
    return out


def _read(m: re.Match) -> NumberPhrase | None:
    core = re.sub(r"\s+of$", "", m["n"].strip(), flags=re.IGNORECASE)
    reading = parse_number(core)
    if reading is None:
        return None
    vague = reading.low != reading.high or core.lower().split()[0] in VAGUE or core.lower() in VAGUE
    ranged = False
    if m["n2"]:
        second = parse_number(m["n2"])
        joined = m[0][m.end("n") - m.start(): m.start("n2") - m.start()].strip().lower()
        if second is None or (joined == "and" and not m[0].lower().startswith("between")):
            return _trimmed(m, reading, core, vague)
        low = _scale_like(reading, core, m["n2"])
        reading = Reading(low.low, low.best, second.high)
        ranged = True
    qualifier = " ".join(m["q"].lower().split()) if m["q"] else None
    reading = _qualify(reading, qualifier)
    return NumberPhrase(m.start(), m.end(), reading, qualifier, m["cur"] or m["cur2"], bool(m["pct"]), vague, ranged)


def _trimmed(m: re.Match, reading: Reading, core: str, vague: bool) -> NumberPhrase:
    """The phrase without a second part that is not a range ("5 and 6" in a list)."""
    qualifier = " ".join(m["q"].lower().split()) if m["q"] else None
    return NumberPhrase(m.start(), m.end("n"), _qualify(reading, qualifier), qualifier, m["cur"], False, vague, False)


def _scale_like(first: Reading, first_text: str, second_text: str) -> Reading:
    """ "500 to 1,000": as is; "two to three thousand": the first number takes the second's scale."""
    scale_word = re.search(SCALE, second_text, re.IGNORECASE)
    if scale_word is None or re.search(SCALE, first_text, re.IGNORECASE) or first.best is None:
        return first
    scale = parse_number("one " + scale_word.group(0))
    factor = scale.best if scale else 1
    return Reading(first.low * factor if first.low is not None else None, first.best * factor,
                   first.high * factor if first.high is not None else None)


def _qualify(reading: Reading, qualifier: str | None) -> Reading:
    if not qualifier:
        return reading
    n = reading.best
    if _LOW_END.match(qualifier):
        return Reading(n, n, None)
    if _HIGH_END.match(qualifier) or _UPPER.match(qualifier):
        return Reading(None if reading.low == reading.high else reading.low, n, n)
    if _LOWER.match(qualifier):
        return Reading(reading.low, n, None if reading.low == reading.high else reading.high)
    if _APPROX.match(qualifier):
        return Reading(None if reading.low == reading.high else reading.low, n,
                       None if reading.low == reading.high else reading.high)
    return reading
