"""Numbers written in digits or words, with the bounds a vague number leaves open.

``parse_number("twenty-three") == Reading(23, 23, 23)``; ``parse_number("several thousand")``
is 3,000 to 9,000 with 3,000 as the conservative best reading. Vague words get the bounds
the words allow, and the best reading is the low, conservative end, as ACLED codes them
("dozens" 12, "hundreds" 100; see docs/times-and-quantities.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "single": 1, "lone": 1,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "mn": 1_000_000, "m": 1_000_000,
          "billion": 1_000_000_000, "bn": 1_000_000_000, "trillion": 1_000_000_000_000, "k": 1_000}
MULTIPLIERS = {"dozen": 12, "score": 20, "half": 0.5, "couple": 2, "pair": 2}
# Vague amounts: (low, best, high). The best reading is the low, conservative one, as ACLED
# codes them ("tens" 10, "dozens" 12, "hundreds" 100); high is the most the words allow.
VAGUE = {
    "a couple of": (2, 2, 3), "a couple": (2, 2, 3), "couple of": (2, 2, 3),
    "a few": (2, 3, 5), "few": (2, 3, 5), "a handful of": (2, 3, 9), "a handful": (2, 3, 9),
    "several": (3, 3, 9), "many": (10, 10, None), "numerous": (10, 10, None),
    "a number of": (2, 3, None), "multiple": (2, 2, None),
    "dozens of": (12, 12, 99), "dozens": (12, 12, 99), "scores of": (20, 20, 99), "scores": (20, 20, 99),
    "tens of": (10, 10, 99), "tens": (10, 10, 99), "hundreds of": (100, 100, 999), "hundreds": (100, 100, 999),
    "thousands of": (1_000, 1_000, 9_999), "thousands": (1_000, 1_000, 9_999),
    "tens of thousands of": (10_000, 10_000, 99_999), "tens of thousands": (10_000, 10_000, 99_999),
    "hundreds of thousands of": (100_000, 100_000, 999_999), "hundreds of thousands": (100_000, 100_000, 999_999),
    "millions of": (1_000_000, 1_000_000, 9_999_999), "millions": (1_000_000, 1_000_000, 9_999_999),
}
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")  # "1.000 persons": a European thousands separator
_SPLIT = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class Reading:
    """A number with its bounds; None where the text leaves a bound open."""

    low: float | None
    best: float | None
    high: float | None


def parse_number(text: str) -> Reading | None:
    """Read a number in digits or words ("1,200", "2.5 million", "twenty-three", "dozens of").

    Returns None when `text` is not a number.
    """
    norm = " ".join(text.lower().replace("\u2019", "'").split())
    if norm in VAGUE:
        return Reading(*VAGUE[norm])
    vague_scaled = _vague_scaled(norm)
    if vague_scaled is not None:
        return vague_scaled
    value = parse_exact(norm)
    return None if value is None else Reading(value, value, value)


def parse_exact(norm: str) -> float | None:
    """The exact value of a number in digits, words or both ("2.5 million", "a dozen")."""
    words = [w for w in _SPLIT.split(norm.replace(" and ", " ")) if w]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for word in words:
        digits = _DIGITS.match(word)
        if _DOT_THOUSANDS.match(word):
            current += float(word.replace(".", ""))
        elif digits:
            current += float(digits.group(1).replace(",", "") + ("." + digits.group(2) if digits.group(2) else ""))
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in MULTIPLIERS:
            current = (current or 1) * MULTIPLIERS[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        seen = True
    return (total + current) if seen else None


def _vague_scaled(norm: str) -> Reading | None:
    """ "several thousand", "a few hundred", "dozens of thousands": a vague count of a scale."""
    for vague, (low, best, high) in VAGUE.items():
        if not norm.startswith(vague + " "):
            continue
        rest = norm[len(vague) + 1:]
        rest = rest.removesuffix(" of")
        scale = SCALES.get(rest)
        if scale is None:
            return None
        return Reading(low * scale, best * scale, None if high is None else high * scale)
    return None
