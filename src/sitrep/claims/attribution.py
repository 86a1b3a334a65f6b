"""The attribution record the finders produce and the stage turns into `Claim`s."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc


@dataclass
class Attribution:
    """One attribution as character ranges into the text: who (source), how (cue), what (content).

    source is None when the text names nobody ("it is alleged that"). role and medium are the
    speaker's role ("former head of ...") and the venue ("WSJ", "Congress") as the text gives them.
    """

    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None = None
    base: str = ""  # base form of the cue verb, "according to" for that phrase
    kind: str = "statement"
    role: str | None = None
    medium: str | None = None
    direct: bool = False  # the content is a quotation
    resolved: tuple[int, int] | None = None  # the antecedent of a pronoun source
    negated: bool = False  # the cue is negated: "did not say that ..."
    confidence: float = 0.7

    def overlaps(self, other: Attribution) -> bool:
        return self.cue[0] < other.cue[1] and other.cue[0] < self.cue[1]


def positions_in(doc: Doc, key: str, words: Collection[str], start: int, end: int) -> list[int]:
    """Indexes of the tokens in [start, end) whose lower-case form is in `words`. The finders run
    sentence by sentence; one vectorised search of the Doc's lower-case hashes, cached under `key`,
    costs less than looking at each token of each sentence."""
    cache_key = ("sitrep.claims", "positions", key)
    found = doc.user_data.get(cache_key)
    if found is None:
        lower = doc.user_data.get(_LOWER_KEY)
        if lower is None:
            lower = doc.user_data[_LOWER_KEY] = doc.to_array(LOWER)
        hashes = _HASHES.get(key)
        if hashes is None:
            hashes = _HASHES[key] = np.fromiter((hash_string(w) for w in words), dtype=np.uint64)
        found = doc.user_data[cache_key] = np.flatnonzero(np.isin(lower, hashes)).tolist()
    return found[bisect_left(found, start) : bisect_left(found, end)]


_LOWER_KEY = ("sitrep.claims", "lower")
_HASHES: dict[str, np.ndarray] = {}  # key -> hashes of its words (the word sets are constants)
