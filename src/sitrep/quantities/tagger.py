"""Find the quantities of a text: number phrases with bounds, what they count and of what kind.

`tag_quantities` works on plain text; `sitrep.quantities.component.QuantityTagger` wraps it as
the ``sitrep_quantities`` stage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from sitrep.quantities import counted
from sitrep.quantities.grammar import NumberPhrase, find_numbers

YEAR = re.compile(r"^(?:1[5-9]\d\d|20\d\d)$")
# bare words that are numbers only in some uses ("one of them", "many say"): kept only as tolls
WEAK_WORDS = {"one", "many", "numerous", "multiple", "a number of", "a few", "few", "a couple", "a couple of"}
SUBJECT_VERBS = re.compile(r"\s+(?:were|are|have|had|was|fled|died|gathered|remain|remained)\b", re.IGNORECASE)
# "no one", "aged 25", "class 12", "between days 14 and 20", "Resolution 2593": not counts
NOT_A_COUNT = re.compile(r"\b(?:no|age\s+of|aged|age|no\.|number|days?|class|grade|page|chapter|article|section|"
                         r"phase|resolution|route|flight|room|ward|block|sector|km|kilometres?|miles?|who\s+was)\s+$",
                         re.IGNORECASE)
IN_URL = re.compile(r"(?:://|www\.|[=?&])")
AGE_IN_BRACKETS = re.compile(r"\((?:\d{1,3})\)")  # "Rahul (26)": an age after a name
# "Nelson Garcia, 39, who was shot", "his son, 12,": a bare number set off by commas after a name
# or a word for a person is an age ("In the attack, 39, among them children, died" is a toll)
AGE_BETWEEN_COMMAS = re.compile(r"(?:\b[A-Z][\w'’-]*|\b(?:son|daughter|wife|husband|man|woman|boy|girl|mother|father|brother|"
                                r"sister|child|teenager|victim|driver|student|teacher|farmer|resident))\s*,\s*$")
COMMA_AFTER = re.compile(r"\s*,")
AND_ONLY = re.compile(r"\s*,?\s*and\s*", re.IGNORECASE)
COORDINATION = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|as\s+well\s+as)\s*", re.IGNORECASE)
TOLL_KINDS = {"casualties_killed", "casualties_injured", "casualties", "abducted", "arrested", "displaced"}
PARTITIVE = re.compile(r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|all|some|most|none|many|several)\s+of\s+(?:the|these|those)\s+$", re.IGNORECASE)
INHERIT_DISTANCE = 120  # "from several thousand fighters to as low as 500": the second borrows the unit
CONFIDENCE_EXACT = 0.9
CONFIDENCE_VAGUE = 0.75
CONFIDENCE_NO_UNIT = 0.5
CONFIDENCE_INHERITED = 0.65
CONFIDENCE_SINGLE = 0.6  # "a man was killed": one, read from the article


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    text: str
    low: float | None
    best: float | None
    high: float | None
    unit: str | None
    kind: str
    confidence: float


def tag_quantities(text: str, skip: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> list[QuantityMention]:
    """Quantities of `text`, leaving out numbers inside the `skip` spans (dates and times)."""
    starts = [s for s, _ in sentences] or [0]
    out: list[QuantityMention] = []
    for phrase in find_numbers(text):
        if _overlaps(phrase, skip):
            continue
        sentence = sentences[max(bisect.bisect_right(starts, phrase.start) - 1, 0)] if sentences else (0, len(text))
        mention = _mention(text, phrase, sentence, out)
        if mention is not None:
            out.append(mention)
    out += _single_victims(text, skip + [(m.start, m.end) for m in out])
    return _share_later_tolls(text, sorted(out, key=lambda m: m.start))


def _single_victims(text: str, taken: list[tuple[int, int]]) -> list[QuantityMention]:
    """ "A man was killed", "gunmen shot dead a policeman": one person killed or wounded, where no
    number says so."""
    found = []
    for kind, pattern in counted.SINGLE_VICTIM:
        for m in pattern.finditer(text):
            start, end = m.span("one")
            if not any(start < e and s < end for s, e in taken):
                taken.append((start, end))
                found.append(QuantityMention(start, end, text[start:end], 1, 1, 1,
                                             f"{m['noun'].lower()} {counted.KIND_UNIT_WORD[kind]}", kind, CONFIDENCE_SINGLE))
    return found


def _share_later_tolls(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """ "Fourteen protesters and four police officers were killed": a count of people joined by
    "and" to a toll right after it shares the toll's kind."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        first, second = out[i], out[i + 1]
        people = first.unit and first.unit.split()[-1].lower() in counted.PEOPLE
        if (first.kind == "count" and people and second.kind in TOLL_KINDS
                and AND_ONLY.fullmatch(text, first.end, second.start)):
            out[i] = replace(first, unit=f"{first.unit} {counted.KIND_UNIT_WORD[second.kind]}", kind=second.kind)
    return out


def _in_url(text: str, start: int) -> bool:
    """Whether the number sits in a URL or an id ("news.php?id=376728")."""
    token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    return bool(IN_URL.search(text, token_start, start))


def _overlaps(phrase: NumberPhrase, spans: list[tuple[int, int]]) -> bool:
    return any(phrase.start < e and s < phrase.end for s, e in spans)


def _mention(text: str, phrase: NumberPhrase, sentence: tuple[int, int], previous: list[QuantityMention]) -> QuantityMention | None:
    core = text[phrase.start:phrase.end]
    unit, np_end, strong = _unit_after(text, phrase.end)
    if unit == "":
        return None  # an age, a time unit or a model number
    if unit and counted.TIME_UNITS.match(unit.split()[0]):
        return None  # "six months": a duration, the time tagger's
    words = " ".join(core.lower().split())
    if YEAR.match(words) and not (unit and unit.split()[-1].lower() in counted.PEOPLE):
        return None
    if phrase.ranged and all(YEAR.match(w) for w in re.split(r"\s*(?:-|–|to|and)\s*", words) if w):
        return None  # "1863-1898": a span of years
    if _in_url(text, phrase.start):
        return None
    if NOT_A_COUNT.search(text, max(phrase.start - 14, 0), phrase.start) or AGE_IN_BRACKETS.match(text, phrase.start - 1):
        return None  # "no one", "at the age of 69", "Jamshed (23)"
    if unit is None and _apposed_age(text, phrase, words):
        return None
    if phrase.percent:
        return _make(text, phrase, phrase.end, "%", "percent", CONFIDENCE_EXACT)
    money = counted.currency(phrase.currency, unit)
    if money:
        return _make(text, phrase, np_end if not phrase.currency else phrase.end, money, "money", CONFIDENCE_EXACT)
    kind = counted.kind_of(text, phrase.start, np_end, unit, sentence)
    if kind is None:
        kind = _coordinated_kind(text, phrase.start, previous)
    if kind and PARTITIVE.search(text, max(phrase.start - 30, 0), phrase.start):
        kind = None  # "seven of the nine soldiers were wounded": nine is the group, not the toll
    people = unit is None or unit.split()[-1].lower() in counted.PEOPLE
    if kind and people:
        who = unit or "people"
        return _make(text, phrase, np_end, f"{who} {counted.KIND_UNIT_WORD[kind]}", kind, _confidence(phrase, unit))
    if _bare_word(words) and not (unit and unit.split()[-1].lower() in counted.PEOPLE):
        return None
    if strong or counted.is_force(unit):
        return _make(text, phrase, np_end, unit, "force_size", _confidence(phrase, unit))
    if unit is None:
        inherited = _inherit(phrase, previous, sentence)
        if inherited is not None:
            return _make(text, phrase, phrase.end, inherited.unit, inherited.kind, CONFIDENCE_INHERITED)
        if phrase.vague and SUBJECT_VERBS.match(text, phrase.end):
            return _make(text, phrase, phrase.end, "people", "count", CONFIDENCE_NO_UNIT)
        if not any(ch.isdigit() for ch in words):
            return None  # "the two", "one": a pronoun-like number with nothing counted
    return _make(text, phrase, np_end, unit, "count", _confidence(phrase, unit))


def _apposed_age(text: str, phrase: NumberPhrase, words: str) -> bool:
    """ "Garcia, 39, was killed", "his son, 12, and": up to three digits between commas, after a name."""
    return (words.isdigit() and int(words) <= 120 and COMMA_AFTER.match(text, phrase.end) is not None
            and AGE_BETWEEN_COMMAS.search(text, max(phrase.start - 40, 0), phrase.start) is not None)


def _coordinated_kind(text: str, start: int, previous: list[QuantityMention]) -> str | None:
    """ "killing 13 civilians and two soldiers": the second figure shares the first one's verb."""
    if not previous:
        return None
    last = previous[-1]
    if last.kind in TOLL_KINDS and COORDINATION.fullmatch(text, last.end, start):
        return last.kind
    return None


def _unit_after(text: str, end: int) -> tuple[str | None, int, bool]:
    """The counted noun phrase, where it ends, and whether it is an "N-strong" head count.

    The unit is "" when the number is an age ("25-year-old") or part of a name ("F-16").
    """
    if end < len(text) and text[end] == "-":
        m = re.match(r"-([A-Za-z]+)(-old)?", text[end:])
        if m is None or m.group(2) or counted.TIME_UNITS.match(m.group(1)):
            return "", end, False
        if m.group(1).lower() == "strong":  # "a 5,000-strong force": a head count, whatever the noun
            unit, np_end = counted.noun_phrase(text, end + m.end())
            return unit or "personnel", np_end, True
        return m.group(1), end + m.end(), False
    unit, np_end = counted.noun_phrase(text, end)
    return unit, np_end, False


def _bare_word(words: str) -> bool:
    return words in WEAK_WORDS


def _inherit(phrase: NumberPhrase, previous: list[QuantityMention], sentence: tuple[int, int]) -> QuantityMention | None:
    if not previous:
        return None
    last = previous[-1]
    if last.unit and last.start >= sentence[0] and phrase.start - last.end <= INHERIT_DISTANCE and last.kind not in ("money", "percent"):
        return last
    return None


def _confidence(phrase: NumberPhrase, unit: str | None) -> float:
    if unit is None:
        return CONFIDENCE_NO_UNIT
    return CONFIDENCE_VAGUE if phrase.vague else CONFIDENCE_EXACT


def _make(text: str, phrase: NumberPhrase, end: int, unit: str | None, kind: str, confidence: float) -> QuantityMention:
    r = phrase.reading
    start = phrase.start
    if not phrase.ranged and text[start:start + 5].lower() == "from ":
        start += 5  # "from several thousand fighters to as low as 500": two estimates, not one range
    if text[start:end].lower().endswith(" of"):
        end -= 3  # "seven of the nine": the "of" belongs to the partitive, not the number
    return QuantityMention(start, end, text[start:end], _tidy(r.low), _tidy(r.best), _tidy(r.high), unit, kind, confidence)


def _tidy(value: float | None) -> float | int | None:
    """13 rather than 13.0 in the JSON; fractions stay fractions."""
    return int(value) if value is not None and float(value).is_integer() else value
