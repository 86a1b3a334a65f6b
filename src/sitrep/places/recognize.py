"""Place mentions in a spaCy Doc: the model's place entities plus gazetteer names it missed.

Demonyms ("Afghan", "Pakistani") are not places: the entity stage records them as NORP linked
to their country, and they are left out here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitrep.pipeline.doc import text_of
from sitrep.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    GENERIC_WORDS,
    LANDFORM,
    NAME_PARTICLES,
    REGION,
    WATER,
    Gazetteer,
    normalize,
)

PLACE_LABELS = ("GPE", "LOC", "FAC")
MAX_NAME_TOKENS = 4  # "Democratic Republic of the Congo" is five words but also "DRC"/"Congo"
# A bare town name found only by the gazetteer must be this large to count: the gazetteer holds
# 235k towns, and small ones share names with words and people ("Hope", "Mark", "Taylor").
MIN_TOWN_POPULATION = 100_000
AREA_KINDS = {COUNTRY, ADMIN1, CONTINENT, REGION, WATER, LANDFORM}
# Inside an organisation's name, a leading country, state, county or region counts as a place
# ("Kanawha County Commission", "Ohio Department of Health"), and a large town under its main
# name ("Nashville Police"); small towns there are too often people ("Ford", "Webb").
ORG_PLACE_KINDS = {COUNTRY, ADMIN1, ADMIN2, CONTINENT, REGION}
# A dateline opens many wire and local stories, often after the headline: "CHARLESTON, W.Va. --",
# "KABUL (Reuters) -": a run of capitals at the start of the text, a line or a sentence
DATELINE = re.compile(r"(?:\A|\n|[.!?]\s)\s*([A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3})\s*(?=,|\(|—|–|--| -)")


# Labels the model sometimes gives a province or country ("Kunar" as a PERSON)
MISLABELLED = frozenset({"PERSON", "ORG"})
PLACE_NOUNS = frozenset({"province", "provinces", "district", "districts", "state", "states", "region", "regions",
                         "county", "counties", "valley", "governorate", "governorates", "oblast", "prefecture"})
LIST_JOINERS = frozenset({",", "and", "or", "&"})


TOWN_NOUNS = frozenset({"town", "city", "village", "municipality", "capital", "port", "district", "province", "region",
                        "state", "county", "township", "hamlet", "suburb"})


def _named_as_place(doc: Doc, e: Span) -> bool:
    """ "the town of Pedro Juan Caballero": a name the text itself calls a place."""
    return e.start >= 2 and doc[e.start - 1].lower_ == "of" and doc[e.start - 2].lower_ in TOWN_NOUNS


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
        self._ap: re.Pattern | None = None

    def __call__(self, doc: Doc) -> list[PlaceSpan]:
        spans = [PlaceSpan(e.start_char, e.end_char, f"ner:{e.label_}") for e in doc.ents
                 if e.label_ in self.labels and not is_demonym(self.gaz, e.text)]
        spans = self._joined_particles(text_of(doc), spans)
        if self.gazetteer_matches:
            spans = self._joined_names(doc, spans)
            spans += self._org_places(doc)
            spans += self._mislabelled_areas(doc, spans)
            taken = {i for e in doc.ents for i in range(e.start, e.end)}
            taken |= {t.i for s in spans for t in doc.char_span(s.start, s.end, alignment_mode="expand") or ()}
            spans += self._gazetteer_spans(doc, taken)
            spans += self._abbreviations_and_dateline(doc, spans)
        return sorted(set(spans), key=lambda s: s.start)

    def _joined_particles(self, text: str, spans: list[PlaceSpan]) -> list[PlaceSpan]:
        """Two place spans the model cut at a particle, joined where the whole is a gazetteer
        name: "San Francisco" + "de Yojoa" -> "San Francisco de Yojoa"."""
        out: list[PlaceSpan] = []
        for span in spans:
            prev = out[-1] if out else None
            gap = text[prev.end:span.start] if prev else None
            particle = text[span.start:span.end].split(" ", 1)[0]
            if (prev is not None and gap == " " and particle in NAME_PARTICLES
                    and self.gaz.names.get(normalize(text[prev.start:span.end]))):
                out[-1] = PlaceSpan(prev.start, span.end, prev.source)
            else:
                out.append(span)
        return out

    def _joined_names(self, doc: Doc, spans: list[PlaceSpan]) -> list[PlaceSpan]:
        """A place span the model cut short, the rest read as a name, joined where the whole is a
        town or an area in the gazetteer under its own name: "Pedro" LOC + "Juan Caballero" PERSON ->
        Pedro Juan Caballero."""
        text = text_of(doc)
        names = {e.start_char: e for e in doc.ents if e.label_ in MISLABELLED}
        out = []
        for span in spans:
            rest = names.get(span.end + 1)
            whole = text[span.start:rest.end_char] if rest is not None and text[span.end] == " " else ""
            key = normalize(whole)
            recs = self.gaz.names.get(key, ()) if whole else ()
            if recs and self._own_name(recs, key, AREA_KINDS | {CITY}):
                out.append(PlaceSpan(span.start, rest.end_char, span.source))
            else:
                out.append(span)
        return out

    def _org_places(self, doc: Doc) -> list[PlaceSpan]:
        """A country, state or county the model took for (the start of) an organisation."""
        out = []
        for e in doc.ents:
            if e.label_ != "ORG":
                continue
            for n in range(min(MAX_NAME_TOKENS, len(e)), 0, -1):
                part = e[:n]
                key = normalize(part.text)
                recs = self.gaz.names.get(key, ())
                if part[-1].is_title and (self._own_name(recs, key, ORG_PLACE_KINDS) or self._big_town(recs, key)):
                    out.append(PlaceSpan(part.start_char, part.end_char, "gazetteer:org"))
                    break
        return out

    def _mislabelled_areas(self, doc: Doc, found: list[PlaceSpan]) -> list[PlaceSpan]:
        """An area's own name the model labelled as a person or organisation, where the context
        says place: a place noun follows ("Kunar province") or it is listed with places
        ("Kunar, Nangarhar and Nuristan")."""
        candidates = [e for e in doc.ents if e.label_ in MISLABELLED
                      and self._own_name(self.gaz.names.get(normalize(e.text), ()), normalize(e.text),
                                         AREA_KINDS | ({CITY} if _named_as_place(doc, e) else set()))]
        token_spans = [doc.char_span(f.start, f.end, alignment_mode="expand") for f in found]
        starts = {t.start for t in token_spans if t}
        ends = {t.end - 1 for t in token_spans if t}
        out: list[PlaceSpan] = []
        changed = True
        while changed:  # a list may chain several mislabelled names
            changed = False
            for e in candidates:
                if any(o.start == e.start_char for o in out):
                    continue
                follows = e.end < len(doc) and doc[e.end].lower_ in PLACE_NOUNS or _named_as_place(doc, e)
                listed = (e.end + 1 in starts and doc[e.end].lower_ in LIST_JOINERS) or (
                    e.start - 2 in ends and doc[e.start - 1].lower_ in LIST_JOINERS)
                if follows or listed:
                    out.append(PlaceSpan(e.start_char, e.end_char, "gazetteer:context"))
                    starts.add(e.start)
                    ends.add(e.end - 1)
                    changed = True
        return out

    def _abbreviations_and_dateline(self, doc: Doc, found: list[PlaceSpan]) -> list[PlaceSpan]:
        """AP state abbreviations after a comma ("Bangor, Maine"; "Paducah, Ky.") and the dateline."""
        text, out = text_of(doc), []
        for m in self._ap_pattern.finditer(text):
            out.append(PlaceSpan(m.start(1), m.end(1), "gazetteer:ap"))
        for m in DATELINE.finditer(text):
            if self.gaz.names.get(normalize(m.group(1))):
                out.append(PlaceSpan(m.start(1), m.end(1), "gazetteer:dateline"))
        return [s for s in out if not any(f.start < s.end and s.start < f.end for f in found)]

    @property
    def _ap_pattern(self) -> re.Pattern:
        """"Ky.", "W.Va.", "N. Y." after "Town, " (case-insensitive: datelines are in capitals)."""
        if self._ap is None:
            names = sorted(self.gaz.ap_states, key=len, reverse=True)
            parts = [r"\.\s?".join(re.escape(p.strip()) for p in n.rstrip(".").split(".")) + r"\." for n in names]
            self._ap = re.compile(r"(?<=[a-z], )(" + "|".join(parts) + r")(?=[\s,;)]|$)", re.IGNORECASE)
        return self._ap

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

    def _own_name(self, recs: tuple[int, ...], key: str, kinds: set[str]) -> bool:
        """Whether `key` is the main or an official name (not a mere variant) of a record of
        one of `kinds`: "Webb" is only a short form of Webb County, "North" a translation."""
        gaz = self.gaz
        if key in GENERIC_WORDS:
            return False
        return any(gaz.kind[r] in kinds and (normalize(gaz.name[r]) == key or (r, key) in gaz.primary) for r in recs)

    def _plausible(self, recs: tuple[int, ...], key: str, n_tokens: int, sentence_start: bool) -> bool:
        """An area under its own name always counts; a town only under its main name, and only if large."""
        if self._own_name(recs, key, AREA_KINDS):
            return True
        # a capitalised first word of a sentence is weak evidence of a name
        return self._big_town(recs, key) and (n_tokens > 1 or not sentence_start)

    def _big_town(self, recs: tuple[int, ...], key: str) -> bool:
        gaz = self.gaz
        return any(gaz.kind[r] == CITY and gaz.pop[r] >= MIN_TOWN_POPULATION and normalize(gaz.name[r]) == key
                   for r in recs)


def is_demonym(gaz: Gazetteer, text: str) -> bool:
    """True for "Afghan", "Pakistanis": a people, not a place."""
    return normalize(text) in gaz.demonyms

