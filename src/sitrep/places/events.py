"""Stage `sitrep_event_places`: where each event happened, with ACLED's geo-precision.

For each event in `doc._.events` the place is looked for, in order:
1. in the event's sentence: places (resolved or not: "in Reshimbagh" says where even when the
   gazetteer cannot) that are neither metonymic ("Washington said") nor modifiers ("U.S.
   soldiers"). With a dependency parse, places of another clause drop out and the place hanging
   from the trigger through a locative preposition wins; otherwise those introduced by a
   locative preposition ("in Kabul", "near Jalalabad"), then the nearest to the trigger. Of
   places named in one phrase, the finest ("in Iraq's northern Nineveh province");
2. in the event's paragraph: the finest place mentioned before the event, else after it;
3. the document's focus: its most mentioned resolved place.
geo_precision follows ACLED: 1 the town itself, 2 a district, landmark or "near" a town,
3 only a province, region or country known.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Event, Place
from sitrep.pipeline.doc import text_of

# a locative preposition, then up to four words of the same noun phrase ("in Iraq's northern")
LOCATIVE = re.compile(r"\b(in|at|near|outside|inside|across|around|within|into|on|over|towards?|throughout)\s+"
                      r"(?:[\w'’.-]+\s+){0,4}$", re.IGNORECASE)
# words that may follow a place used as a location; any other lower-case word makes it a
# modifier ("U.S. soldiers", "Tamaulipas state officials"), which names no event's place
FOLLOWERS = frozenset({
    "was", "were", "is", "are", "has", "have", "had", "will", "would", "and", "or", "but", "on",
    "in", "at", "of", "to", "for", "with", "from", "by", "after", "before", "since", "during",
    "when", "where", "which", "that", "who", "while", "as", "near", "than", "into", "over",
    "under", "amid", "against", "until", "about", "this", "last", "earlier", "early", "late",
    "yesterday", "today", "tonight",
})
# irregular past tenses, which follow a place as a verb ("Kabul fell", "the United States fought"),
# not as the noun it qualifies
PAST_FORMS = frozenset({
    "fell", "fought", "took", "struck", "shot", "hit", "held", "met", "sent", "led", "began", "broke", "drove", "fled",
    "gave", "made", "saw", "stood", "told", "went", "won", "lost", "put", "threw", "withdrew", "overran", "sought",
    "spoke", "brought", "caught", "built", "bought", "kept", "ran", "rose", "sold", "swept", "wrote", "came", "became",
})
NEARBY = re.compile(r"\b(near|outside|outskirts of|close to|(north|south|east|west)(east|west)?(ern)? of|km from|"
                    r"miles from|kilometers from|kilometres from)\s+(the\s+)?$", re.IGNORECASE)
# finer kinds first: ACLED codes the most specific location named
KIND_RANK = {"populated_place": 0, "admin2": 1, "landform": 1, "water": 2, "admin1": 3, "region": 4, "country": 5, "continent": 6}
KIND_PRECISION = {"populated_place": 1, "admin2": 2, "landform": 2, "water": 2, "admin1": 3, "region": 3, "country": 3, "continent": 3}
LOCATIVE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "across", "around", "within", "into", "on",
                         "over", "toward", "towards", "throughout", "along", "off", "from"}
MAX_PARSE_STEPS = 6  # place -> ... -> trigger, through a few nouns ("in a market in the city of Mosul")
LOCATIVE_BONUS_CHARS = 200  # a locative preposition outweighs this much distance to the trigger
# a place the gazetteer does not know is a village, a district or a landmark: ACLED's "part of
# a region" is the honest reading until someone codes it
UNKNOWN_PLACE_PRECISION = 2
SAME_PHRASE_CHARS = 40  # places this close are named in one phrase ("Jenin, West Bank")


class EventPlacer:
    """Sets `event.place` (a place id) and `event.geo_precision` on every event of the Doc."""

    DEFAULT_CONFIG: ClassVar[dict] = {}

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for event, place, precision, _ in self.locate(doc):
            if place is not None:
                event.place, event.geo_precision = place.id, precision
        return doc

    def locate(self, doc: Doc) -> list[tuple[Event, Place | None, int | None, str | None]]:
        """(event, place, geo_precision, where it was found: sentence/paragraph/document) per event."""
        events = doc._.events or []
        # unresolved places count too: "in Reshimbagh" says where even if the gazetteer cannot
        places = [p for p in (doc._.places or []) if not p.metonymy]
        if not events or not places:
            return [(e, None, None, None) for e in events]
        paragraphs = _paragraph_starts(text_of(doc))
        focus = document_focus(places)
        return [(e, *self.place_of(doc, e, places, paragraphs, focus)) for e in events]

    def place_of(self, doc: Doc, event: Event, places: list[Place], paragraphs: list[int],
                 focus: Place | None) -> tuple[Place | None, int | None, str | None]:
        text = text_of(doc)
        sources = _source_spans(doc, event)
        places = [p for p in places if not _is_modifier(text, p)
                  and not any(p.start < end and start < p.end for start, end in sources)]
        same = [p for p in places if p.sentence == event.sentence]
        same = [p for p in same if not _in_other_clause(doc, event, p)] or same
        if same:
            attached = _attached_by_parse(doc, event, same)
            if attached:
                best = _finest_nearby(same, attached)
            else:
                best = _finest_nearby(same, min(same, key=lambda p: _sentence_rank(text, event, p)))
            precision = _precision(best)
            if precision == 1 and NEARBY.search(text[max(best.start - 30, 0):best.start]):
                precision = 2
            return best, precision, "sentence"
        para = _paragraph_of(paragraphs, event.trigger.start)
        near = [p for p in places if _paragraph_of(paragraphs, p.start) == para and p.sentence != event.sentence]
        if near:
            before = [p for p in near if p.start < event.trigger.start] or near
            best = min(before, key=lambda p: (_kind_rank(p), abs(p.start - event.trigger.start)))
            return best, max(_precision(best), 2), "paragraph"
        if focus is not None:
            return focus, 3, "document"
        return None, None, None


def _attached_by_parse(doc: Doc, event: Event, places: list[Place]) -> Place | None:
    """With a dependency parse: the place hanging from the trigger through a locative
    preposition ("killed ... in Kabul", "attacked a checkpoint near Jalalabad"), fewest steps first."""
    if not doc.has_annotation("DEP"):
        return None
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if trigger is None:
        return None
    best, best_steps = None, MAX_PARSE_STEPS + 1
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        steps, token, via_prep = 0, span.root, False
        while token.head.i != token.i and steps <= MAX_PARSE_STEPS:
            via_prep = via_prep or _has_locative_case(token)
            token, steps = token.head, steps + 1
            if trigger.start <= token.i < trigger.end:
                break
            if token.pos_ in ("VERB", "AUX"):
                token = None  # another clause's verb: the place belongs to it
                break
        if token is not None and trigger.start <= token.i < trigger.end and via_prep and steps < best_steps:
            best, best_steps = place, steps
    return best


def _in_other_clause(doc: Doc, event: Event, place: Place) -> bool:
    """With a parse: the first verb above the place is not the trigger ("a bomber who trained
    in Kabul killed ...": Kabul belongs to "trained")."""
    if not doc.has_annotation("DEP"):
        return False
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if trigger is None or span is None or trigger[0].pos_ not in ("VERB", "AUX"):
        return False
    token = span.root
    while token.head.i != token.i:
        token = token.head
        if trigger.start <= token.i < trigger.end:
            return False
        if token.pos_ in ("VERB", "AUX"):
            return True
    return not (trigger.start <= token.i < trigger.end)


def _has_locative_case(token) -> bool:
    """A locative preposition on this token: UD ("in" as `case` child) or ClearNLP (`pobj` of "in")."""
    if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    return any(c.dep_ == "case" and c.lower_ in LOCATIVE_PREPOSITIONS for c in token.children)


def _precision(place: Place) -> int:
    if not place.resolved:
        return UNKNOWN_PLACE_PRECISION
    return KIND_PRECISION.get(place.feature_class or "", 3)


def _finest_nearby(places: list[Place], best: Place) -> Place:
    """"in Iraq's northern Nineveh province", "in Silopi town of Sirnak province": of places
    named together in one phrase, the finest is where the event happened."""
    close = [p for p in places if abs(p.start - best.start) <= SAME_PHRASE_CHARS]
    return min(close, key=lambda p: (_kind_rank(p), abs(p.start - best.start)))


def _kind_rank(place: Place) -> int:
    # a place the gazetteer does not know is most likely a village or a district: it knows
    # every country and province
    return KIND_RANK.get(place.feature_class or "", 0)


def _sentence_rank(text: str, event: Event, place: Place) -> tuple[float, int]:
    distance = min(abs(place.start - event.trigger.end), abs(event.trigger.start - place.end))
    if LOCATIVE.search(text, max(place.start - 50, 0), place.start):
        distance -= LOCATIVE_BONUS_CHARS
    return distance, _kind_rank(place)


def _source_spans(doc: Doc, event: Event) -> set[tuple[int, int]]:
    """Character spans of the event's source actors' mentions: "the United States fought the
    Taliban" names who fought, not where."""
    return {(m.start, m.end) for a in (doc._.actors or []) if a.id in event.source for m in a.mentions}


def _is_modifier(text: str, place: Place) -> bool:
    """"U.S. soldiers", "Iraq's army": the place qualifies a noun rather than locating an event."""
    after = text[place.end:place.end + 30]
    if re.match(r"['’]s\b", after):
        return not LOCATIVE.search(text, max(place.start - 50, 0), place.start)
    if re.match(r"-[a-z]", after):  # "US-trained forces", "Saudi-led coalition", "Kabul-based"
        return True
    m = re.match(r"\s+([a-z][\w-]*)", after)
    return bool(m) and m.group(1) not in FOLLOWERS and not m.group(1).endswith("ed") and m.group(1) not in PAST_FORMS


def document_focus(places: list[Place]) -> Place | None:
    """The document's most mentioned resolved place (first mention on ties)."""
    resolved = [p for p in places if p.resolved]
    if not resolved:
        return None
    counts = Counter(p.gazetteer_id for p in resolved)
    best = max(counts.values())
    return next(p for p in resolved if counts[p.gazetteer_id] == best)


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]


def _paragraph_of(starts: list[int], char: int) -> int:
    import bisect

    return bisect.bisect_right(starts, char) - 1
