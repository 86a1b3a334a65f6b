"""Find trigger candidates: lexicon phrases in the text, longest match first, minus blocked contexts."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sitrep.events.lexicon import (
    BLOCK_AFTER,
    BLOCK_BEFORE,
    BLOCK_OBJECTS,
    EXPLODE_FORMS,
    FIGURATIVE_BLASTS,
    GAPPED,
    HAZARDS,
    VEHICLES,
    Entry,
    surface_table,
)

# Speech-act triggers that take an event as complement: "threatened to attack" is one THREATEN
# event, "agreed to withdraw" one AGREE event, not two.
EMBEDDING_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE"})
OBJECT_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "any", "all"})
QUALIFYING_PARTICIPLES = frozenset({"alleged", "accused", "suspected", "reported", "purported"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "and", "but", "after", "before", "when", "while", "by"})
# after the verb these lead on to its cause ("killed after being hit by a truck", "when a bus crashed")
CAUSE_BREAKS = CLAUSE_BREAKS - {"after", "when", "by"}
# between two coordinated verbs only these may stand ("killed 44 people, including ..., and injured")
COORDINATION_BREAKS = CLAUSE_BREAKS - {",", "and"}
HIT_WORDS = frozenset({"hit", "struck", "run", "ran", "knocked", "crushed"})
COORDINATED_WINDOW = 15  # tokens from a hazard's harm verb to one coordinated with it
HAZARD_WINDOW = 6  # tokens before a harm verb that may name its natural cause ("an earthquake last month that killed")
EMBED_MAX_GAP = 4  # tokens between the speech act and the embedded trigger ("threatened to launch an attack")
# mode of the speech act, by the type of the event it embeds ("demanded the release" -> REQUEST yield)
EMBEDDED_MODE: dict[str, dict[str, str]] = {
    "THREATEN": {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "SANCTION": "relations"},
    "REQUEST": {"RETREAT": "yield", "CONCEDE": "change", "CONSULT": "meet", "AID": "assist", "COOPERATE": "assist"},
    "REJECT": {"RETREAT": "yield", "CONCEDE": "change", "CONSULT": "meet", "AID": "assist", "COOPERATE": "assist"},
}


@dataclass
class Trigger:
    span: Span
    entry: Entry
    mode: str | None  # the entry's mode, or one a speech act takes from its complement


class TriggerFinder:
    """Matches the lexicon's surface forms on lower-cased tokens (no lemmatizer needed)."""

    def __init__(self, nlp: Language):
        self.table = surface_table()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = {form: nlp.make_doc(form) for form in self.table}
        # key each pattern by its own surface form, so a match finds its entry
        for form, pattern in patterns.items():
            self.matcher.add(form, [pattern])
        self.gapped = Matcher(nlp.vocab)
        self.gapped_entries: dict[str, Entry] = {}
        for i, (type_, mode, act, weight, verbs, objects, gap) in enumerate(GAPPED):
            key = f"gapped{i}"
            self.gapped_entries[key] = Entry(type_, mode, act, weight, "v")
            between = {"IS_ALPHA": True, "LOWER": {"NOT_IN": [".", ";"]}, "OP": "?"}
            number = {"LIKE_NUM": True, "OP": "?"}
            middle = [between if j % 2 else number for j in range(gap)]
            ends = [[{"LOWER": word} for word in end.split()] for end in sorted(objects)]
            self.gapped.add(key, [[{"LOWER": {"IN": sorted(verbs)}}, *middle, *end] for end in ends])

    def __call__(self, doc: Doc) -> list[Trigger]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            form = doc.vocab.strings[match_id]
            spans.append((start, end, form))
        for match_id, start, end in self.gapped(doc):
            spans.append((start, end, doc.vocab.strings[match_id]))
        chosen = _longest_first(spans)
        triggers = []
        natural: Span | None = None  # the last harm verb a hazard did
        for start, end, form in chosen:
            span = doc[start:end]
            if _blocked(doc, span):
                continue
            entry = self.table.get(form) or self.gapped_entries[form]
            if entry.type == "ASSAULT" and (_natural_cause(doc, span) or _shares_cause(doc, natural, span)):
                natural = span
                continue
            triggers.append(Trigger(span, entry, entry.mode))
        return _absorb_embedded(doc, triggers)


def _longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    taken: set[int] = set()
    chosen = []
    for start, end, form in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if taken.isdisjoint(range(start, end)):
            chosen.append((start, end, form))
            taken.update(range(start, end))
    return sorted(chosen)


def _blocked(doc: Doc, span: Span) -> bool:
    first, last = span[0].lower_, span[-1].lower_
    if span.start > 0 and doc[span.start - 1].lower_ in BLOCK_BEFORE.get(first, ()):
        return True
    if span.end < len(doc) and doc[span.end].lower_ in BLOCK_AFTER.get(last, ()):
        return True
    if last in BLOCK_OBJECTS and set(_object_words(doc, span.end)) & BLOCK_OBJECTS[last]:
        return True
    if len(span) == 1 and first in QUALIFYING_PARTICIPLES and span[0].dep_ == "amod":
        return True  # "alleged gangsters" in a parse: an adjective
    if first in EXPLODE_FORMS and _exploders(doc, span[0]) & FIGURATIVE_BLASTS:
        return True
    # a capitalised trigger inside a name ("Attack Helicopter Battalion", "Free Syrian Army")
    # is part of the name, unless the sentence is in capitals or lower case throughout
    return span[0].is_title and span[0].i > span.sent.start and _mixed_case(span.sent) and _in_name(doc, span)


def _exploders(doc: Doc, verb: Token) -> set[str]:
    """What explodes: the verb's subjects in a parse, else the word before it."""
    if doc.has_annotation("DEP"):
        return {c.lower_ for c in verb.children if c.dep_.startswith("nsubj")}
    return {doc[verb.i - 1].lower_} if verb.i > verb.sent.start else set()


def _object_words(doc: Doc, i: int) -> list[str]:
    """The object's first two words after a verb, past "against" and one determiner or possessive
    ("kill the report" -> report, "destroy the political order" -> political, order)."""
    if i < len(doc) and doc[i].lower_ == "against":
        i += 1
    if i < len(doc) and doc[i].lower_ in OBJECT_DETERMINERS:
        i += 1
    return [t.lower_ for t in doc[i:i + 2] if t.is_alpha]


def _natural_cause(doc: Doc, span: Span) -> bool:
    """A hazard named just before the harm verb in its clause ("floods have killed 20"), or just
    after it ("was killed in a road accident", "killed after being hit by a truck")."""
    for i in range(span.start - 1, max(span.sent.start, span.start - HAZARD_WINDOW) - 1, -1):
        word = doc[i].lower_
        if word in HAZARDS:
            return True
        if word in CLAUSE_BREAKS:
            return False
    for i in range(span.end, min(span.sent.end, span.end + HAZARD_WINDOW)):
        word = doc[i].lower_
        if word in HAZARDS or (word in VEHICLES and _hit_by(doc, i)):
            return True
        if word in CAUSE_BREAKS:
            return False
    return False


def _shares_cause(doc: Doc, natural: Span | None, span: Span) -> bool:
    """ "a blaze killed 44 people, including 10 firefighters, and injured 200": a harm verb joined
    by "and" to one a hazard did has the same cause."""
    if natural is None or natural.sent.start != span.sent.start or span.start - natural.end > COORDINATED_WINDOW:
        return False
    between = {t.lower_ for t in doc[natural.end:span.start]}
    return doc[span.start - 1].lower_ == "and" and not between & COORDINATION_BREAKS


def _hit_by(doc: Doc, i: int) -> bool:
    """ "hit by a truck", "run over by the bus": the vehicle is what killed."""
    words = [t.lower_ for t in doc[max(i - 4, 0):i]]
    return "by" in words and any(w in HIT_WORDS for w in words)


def _mixed_case(sent: Span) -> bool:
    alpha = [t for t in sent if t.is_alpha]
    return any(t.is_lower for t in alpha) and any(t.is_title for t in alpha)


def _in_name(doc: Doc, span: Span) -> bool:
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    # a capital opening the sentence is a name's only where it is no function word ("Republican Guard officers")
    named_before = prev is not None and prev.is_title and not (prev.is_sent_start and prev.is_stop)
    return bool((nxt is not None and nxt.is_title) or named_before)


def _absorb_embedded(doc: Doc, triggers: list[Trigger]) -> list[Trigger]:
    """Drop a trigger that is the complement of a preceding speech act ("vowed to attack")."""
    kept: list[Trigger] = []
    for trig in triggers:
        prev = kept[-1] if kept else None
        if prev is not None and prev.entry.type in EMBEDDING_TYPES and _embeds(doc, prev.span, trig.span):
            prev.mode = prev.mode or EMBEDDED_MODE.get(prev.entry.type, {}).get(trig.entry.type)
            continue
        kept.append(trig)
    return kept


def _embeds(doc: Doc, outer: Span, inner: Span) -> bool:
    if inner.start - outer.end > EMBED_MAX_GAP or inner.sent.start != outer.sent.start:
        return False
    between = doc[outer.end : inner.start]
    if doc.has_annotation("DEP"):
        return inner.root.head.i in range(outer.start, outer.end) or any(t.dep_ in {"xcomp", "ccomp"} for t in between)
    words = {t.lower_ for t in between}
    return bool(words & {"to", "that", "the", "a", "an", "for", "of"}) and not words & {",", ";", "and", "but"}
