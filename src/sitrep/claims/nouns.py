"""Attributions cued by a noun with its owner: "Sanders's claim that ...", "his support for X",
"in their view, ...".

PARC-style attribution (PolNeAR) counts nouns of saying and stance as cues, with the possessor as
the source. Only the possessive shape is read here: a noun after a possessive pronoun or a name
with "'s", followed by "that", its preposition ("support for", "criticism of") or, for "view",
the clause after "In his view,". The content runs to the next comma or the sentence's end. These
cues are weaker than verbs (confidence 0.5), and one inside another attribution's content is
left out (PolNeAR gives each token one attribution at most).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sitrep.claims.attribution import Attribution, positions_in
from sitrep.claims.lexicon import ATTITUDE_CONFIDENCE, DETERMINERS, NP_STOPS, stance
from sitrep.claims.phrases import clause_until_stop, phrase_left, token_chars

# noun -> (the verb whose stance it takes, the prepositions that open its content)
NOUN_CUES: dict[str, tuple[str, tuple[str, ...]]] = {
    "claim": ("claim", ("that",)), "claims": ("claim", ("that",)),
    "assertion": ("assert", ("that",)), "allegation": ("allege", ("that",)),
    "allegations": ("allege", ("that",)), "accusation": ("accuse", ("that",)),
    "accusations": ("accuse", ("that",)), "contention": ("contend", ("that",)),
    "insistence": ("insist", ("that", "on")), "argument": ("argue", ("that", "for", "against")),
    "belief": ("believe", ("that", "in")), "view": ("think", ("that", "of", "on")),
    "views": ("think", ("on", "of")), "warning": ("warn", ("that", "about", "against")),
    "warnings": ("warn", ("that", "about", "against")), "promise": ("promise", ("that", "to")),
    "pledge": ("pledge", ("that", "to")), "vow": ("vow", ("that", "to")),
    "prediction": ("predict", ("that",)), "suggestion": ("suggest", ("that",)),
    "assessment": ("assess", ("that", "of")), "estimate": ("estimate", ("that", "of")),
    "denial": ("deny", ("that", "of")), "fear": ("fear", ("that", "of")),
    "fears": ("fear", ("that", "of", "about")), "hope": ("hope", ("that", "for")),
    "concern": ("worry", ("that", "about", "over")), "concerns": ("worry", ("that", "about", "over")),
    "support": ("support", ("for",)), "opposition": ("oppose", ("to",)),
    "criticism": ("criticize", ("of", "that")), "praise": ("praise", ("for", "of")),
    "endorsement": ("endorse", ("of",)), "attacks": ("attack", ("on",)), "attack": ("attack", ("on",)),
    "call": ("call", ("for",)), "calls": ("call", ("for",)), "demand": ("demand", ("that", "for")),
    "demands": ("demand", ("that", "for")), "complaint": ("complain", ("that", "about")),
    "complaints": ("complain", ("that", "about")), "remarks": ("say", ("about", "on")),
    "comments": ("say", ("about", "on")), "position": ("think", ("on", "that")),
    "stance": ("think", ("on",)), "doubts": ("doubt", ("about", "that")),
    "statement": ("state", ("that",)), "decision": ("decide", ("to",)), "plan": ("plan", ("to", "for")),
    "plans": ("plan", ("to", "for")), "proposal": ("propose", ("to", "for")),
}
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my"})
# Lower-case modifiers allowed between a possessor and its noun ("his repeated claims").
MAX_NOUN_MODIFIERS = 3
ADJECTIVE_ENDINGS = ("ed", "al", "ic", "ive", "ous", "ful", "ent", "ant", "est", "less", "ible", "able")
COMMON_ADJECTIVES = frozenset({"new", "strong", "own", "first", "last", "long", "harsh", "sharp", "clear", "broad", "full", "early", "late", "open", "blunt", "stern", "fresh"})
# Nouns whose that-clause reports a claim even without an owner ("allegations that he ...").
UNOWNED_NOUNS = frozenset({
    "claim", "claims", "allegation", "allegations", "accusation", "accusations", "criticism",
    "assertion", "warning", "warnings", "fears", "concerns", "suggestion",
    "complaints",
})
# The preposition stays in the cue for these ("support for"), as PARC annotates them.
CUE_PREPOSITIONS = frozenset({"for", "to", "on", "of", "about", "against", "over", "in"})


def noun_attributions(doc: Doc, sent: Span) -> list[Attribution]:
    """The attributions of a sentence cued by a possessed noun of saying or stance."""
    found = []
    for i in positions_in(doc, "nouns", NOUN_CUES, sent.start + 1, sent.end - 1):
        entry = NOUN_CUES[doc[i].lower_]
        if not doc[i].is_lower:
            continue
        before = _skip_modifiers(doc, i, sent.start)
        source = _possessor(doc, before - 1, sent.start)
        if source is None:
            if _unowned_claim(doc, sent, i):
                att = _attribution(doc, sent, i, None, entry)
                if att is not None:
                    found.append(att)
            continue
        att = _attribution(doc, sent, i, source, entry)
        if att is not None:
            found.append(att)
    return found


def _skip_modifiers(doc: Doc, noun: int, floor: int) -> int:
    """"Trump's by-now-familiar claims", "Graham's energetic endorsement": up to a few lower-case
    modifiers may stand between the possessor and the noun; the first of them is returned."""
    i = noun
    while i - 1 > floor and noun - i < MAX_NOUN_MODIFIERS:
        tok = doc[i - 1]
        if not _adjective_like(tok.lower_) or not tok.is_lower or tok.lower_ in NP_STOPS | DETERMINERS | POSSESSIVE_PRONOUNS:
            break
        i -= 1
    return i


def _adjective_like(word: str) -> bool:
    """A modifier by its shape ("by-now-familiar", "repeated", "recent", "energetic")."""
    return "-" in word or word.endswith(ADJECTIVE_ENDINGS) or word in COMMON_ADJECTIVES


def _unowned_claim(doc: Doc, sent: Span, noun: int) -> bool:
    """"criticism that Trump was urging ...", "allegations that he beat ...": a noun of saying with
    no owner, followed by a that-clause that reads as its content (a name, a pronoun or a
    determiner opening a clause, not a relative "that" whose verb follows at once)."""
    if noun + 2 >= sent.end or doc[noun + 1].lower_ != "that" or doc[noun].lower_ not in UNOWNED_NOUNS:
        return False
    if doc[noun - 1].lower_ in {"the", "this", "these", "those", "that"}:
        return False  # "the claims that he made": more often a relative clause
    nxt = doc[noun + 2]
    return nxt.lower_ in {"he", "she", "they", "it", "we", "i", "the", "a", "an", "there"} or nxt.text[:1].isupper()


def _possessor(doc: Doc, i: int, floor: int) -> tuple[int, int] | None:
    """The owner before a noun: "his", "their", or a name with "'s" ("Sanders's")."""
    tok = doc[i]
    if tok.lower_ in POSSESSIVE_PRONOUNS:
        return (i, i + 1)
    if tok.lower_ in {"'s", "’s"} and i > floor:
        name = phrase_left(doc, i, floor)
        if name is not None and doc[name[0]].text[:1].isupper():
            return (name[0], i + 1)
    return None


def _attribution(
    doc: Doc, sent: Span, noun: int, source: tuple[int, int] | None, entry: tuple[str, tuple[str, ...]]
) -> Attribution | None:
    verb, openers = entry
    nxt = doc[noun + 1]
    in_view = source is not None and doc[noun].lower_ == "view" and source[0] > sent.start and doc[source[0] - 1].lower_ == "in" and nxt.text == ","
    if in_view:
        cue_end, start = noun + 1, noun + 2  # "In their view, CONTENT"
    elif nxt.lower_ in openers:
        cue_end = noun + 2 if nxt.lower_ in CUE_PREPOSITIONS else noun + 1
        start = cue_end
    else:
        return None
    content = clause_until_stop(doc, sent, start)
    if content is None:
        return None
    return Attribution(
        cue=token_chars(doc, noun, cue_end),
        content=content,
        source=token_chars(doc, *source) if source else None,
        base=verb,
        kind=stance(verb),
        confidence=ATTITUDE_CONFIDENCE,
    )
