"""Place mentions in a spaCy Doc: the model's place entities plus gazetteer names it missed.

Demonyms ("Afghan", "Pakistani") are not places: the entity stage records them as NORP linked
to their country, and they are left out here.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from sitrep.places.gazetteer import ADMIN1, CITY, CONTINENT, COUNTRY, LANDFORM, REGION, WATER, Gazetteer, normalize

PLACE_LABELS = ("GPE", "LOC", "FAC")
MAX_NAME_TOKENS = 4  # "Democratic Republic of the Congo" is five words but also "DRC"/"Congo"
# A bare town name found only by the gazetteer must be this large to count: the gazetteer holds
# 235k towns, and small ones share names with words and people ("Hope", "Mark", "Taylor").
MIN_TOWN_POPULATION = 100_000
AREA_KINDS = {COUNTRY, ADMIN1, CONTINENT, REGION, WATER, LANDFORM}


@dataclass(frozen=True)
class PlaceSpan:
    start: int  # character offsets into doc.text
    end: int
    source: str  # "ner:GPE", "gazetteer"


class Recognizer:
    """Finds place spans in a Doc."""

    def __init__(self, gazetteer: Gazetteer, *, labels: tuple[str, ...] = PLACE_LABELS,
                 gazetteer_matches: bool = True) -> None:
        self.gaz = gazetteer
        self.labels = set(labels)
        self.gazetteer_matches = gazetteer_matches

    def __call__(self, doc: Doc) -> list[PlaceSpan]:
        spans = [PlaceSpan(e.start_char, e.end_char, f"ner:{e.label_}") for e in doc.ents
                 if e.label_ in self.labels and not is_demonym(self.gaz, e.text)]
        if self.gazetteer_matches:
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            spans += self._gazetteer_spans(doc, taken)
        return sorted(spans, key=lambda s: s.start)

    def _gazetteer_spans(self, doc: Doc, taken: set[int]) -> list[PlaceSpan]:
        out = []
        i = 0
        while i < len(doc):
            match = self._longest_match(doc, i, taken)
            if match:
                out.append(PlaceSpan(doc[i].idx, doc[match - 1].idx + len(doc[match - 1]), "gazetteer"))
                i = match
            else:
                i += 1
        return out

    def _longest_match(self, doc: Doc, i: int, taken: set[int]) -> int | None:
        """End token of the longest gazetteer name starting at token i that passes the filters."""
        first = doc[i]
        if i in taken or not (first.is_title or (first.is_upper and len(first) > 1)) or first.is_stop:
            return None
        if i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_:
            return None  # "ISIS-Khorasan": part of a hyphenated name
        for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if any(t.i in taken for t in span) or not (span[-1].is_title or span[-1].is_upper):
                continue
            if i + n < len(doc) and doc[i + n].text == "-" and not span[-1].whitespace_:
                continue  # "Kabul-based", "Khorasan-Province"
            recs = self.gaz.names.get(normalize(span.text))
            if recs and self._plausible(recs, normalize(span.text), n, first.is_sent_start):
                return i + n
        return None

    def _plausible(self, recs: tuple[int, ...], key: str, n_tokens: int, sentence_start: bool) -> bool:
        """An area name always counts; a town only under its main name, and only if large."""
        gaz = self.gaz
        if any(gaz.kind[r] in AREA_KINDS for r in recs):
            return True
        big_town = any(gaz.kind[r] == CITY and gaz.pop[r] >= MIN_TOWN_POPULATION and normalize(gaz.name[r]) == key
                       for r in recs)
        # a capitalised first word of a sentence is weak evidence of a name
        return big_town and (n_tokens > 1 or not sentence_start)


def is_demonym(gaz: Gazetteer, text: str) -> bool:
    """True for "Afghan", "Pakistanis": a people, not a place."""
    return normalize(text) in gaz.demonyms

