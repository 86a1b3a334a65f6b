"""Attributions cued by an adjective of stance or cognition: "Cruz is confident that ...",
"voters are skeptical of ...", "Republicans were eager to ...".

A predicative adjective of knowing, believing or feeling (aware, confident, skeptical, willing)
reports a party's state of mind as a verb of cognition does, and PARC-style attribution
(PolNeAR) counts it. Only the predicative shape is read: a subject, a form of "be" (or "seem",
"remain", "appear", "grow"), adverbs, the adjective, and a complement opened by "that", "to" or
the adjective's preposition. The cue runs from the linking verb to the adjective (with its
preposition), the source is the phrase before the verb, the content runs to the next comma or
the sentence's end. Like nouns, these cues are weak (confidence 0.5).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sitrep.claims.attribution import Attribution, positions_in
from sitrep.claims.lexicon import ATTITUDE_CONFIDENCE, AUXILIARIES, CUE_ADVERBS
from sitrep.claims.phrases import clause_until_stop, phrase_left, token_chars

# adjective -> the prepositions that open its content ("that" and "to" open every one's)
STANCE_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "aware": ("of",), "unaware": ("of",), "confident": ("of", "in"), "sure": ("of", "about"),
    "certain": ("of", "about"), "convinced": ("of",), "skeptical": ("of", "about"),
    "sceptical": ("of", "about"), "doubtful": ("of", "about"), "optimistic": ("about",),
    "pessimistic": ("about",), "hopeful": ("about", "of"), "concerned": ("about", "by", "over", "with"),
    "worried": ("about", "by", "over"), "afraid": ("of",), "wary": ("of", "about"),
    "eager": ("for",), "willing": (), "unwilling": (), "reluctant": (), "determined": (),
    "keen": ("on",), "adamant": (), "critical": ("of",), "supportive": ("of",),
    "opposed": (), "proud": ("of",), "upset": ("about", "by", "with", "over"),
    "angry": ("about", "at", "with", "over"), "furious": ("about", "at", "with", "over"),
    "disappointed": ("by", "with", "in"), "frustrated": ("by", "with"),
}
LINKING_VERBS = frozenset({
    "is", "are", "was", "were", "be", "been", "being", "am", "'m", "’m", "'re", "’re", "'s", "’s",
    "seem", "seems", "seemed", "remain", "remains", "remained", "appear", "appears", "appeared",
    "grew", "grow", "grows", "become", "became", "becomes", "feel", "feels", "felt",
})
# Degree words between the linking verb and the adjective ("is now more willing").
DEGREE_WORDS = frozenset({"more", "less", "most", "least", "very", "so", "too", "quite", "rather", "now", "still", "increasingly", "not"})
# Words between the linking verb and the adjective, at most.
MAX_DEGREE_WORDS = 3


def adjective_attributions(doc: Doc, sent: Span) -> list[Attribution]:
    """The attributions of a sentence cued by a predicative adjective of stance."""
    found = []
    for i in positions_in(doc, "adjectives", STANCE_ADJECTIVES, sent.start + 2, sent.end - 2):
        tok = doc[i]
        openers = STANCE_ADJECTIVES[tok.lower_]
        if not tok.is_lower:
            continue
        link = _linking_verb(doc, i, sent.start)
        if link is None:
            continue
        att = _attribution(doc, sent, link, i, openers)
        if att is not None:
            found.append(att)
    return found


def _linking_verb(doc: Doc, adjective: int, floor: int) -> int | None:
    """The first token of "has been (acutely)" before the adjective, or None."""
    i = adjective
    while i - 1 > floor and adjective - i < MAX_DEGREE_WORDS and (doc[i - 1].lower_ in DEGREE_WORDS or _adverb(doc[i - 1].lower_)):
        i -= 1
    if i - 1 <= floor or doc[i - 1].lower_ not in LINKING_VERBS:
        return None
    i -= 1
    while i - 1 > floor and (doc[i - 1].lower_ in AUXILIARIES or doc[i - 1].lower_ in CUE_ADVERBS):
        i -= 1
    if any(t.lower_ in {"not", "n't", "n’t", "never"} for t in doc[i:adjective]):
        return None  # "is not sure": a negated stance, like a negated cue
    return i


def _adverb(word: str) -> bool:
    return word.endswith("ly") and len(word) > 4


def _attribution(doc: Doc, sent: Span, link: int, adjective: int, openers: tuple[str, ...]) -> Attribution | None:
    nxt = doc[adjective + 1]
    if nxt.lower_ in {"that", "to"}:
        cue_end = adjective + 1
    elif nxt.lower_ in openers:
        cue_end = adjective + 2
    else:
        return None
    source = phrase_left(doc, link, sent.start)
    if source is None:
        return None
    content = clause_until_stop(doc, sent, cue_end)
    if content is None:
        return None
    return Attribution(
        cue=token_chars(doc, link, cue_end),
        content=content,
        source=token_chars(doc, *source),
        base=doc[adjective].lower_,
        kind="assessment",
        confidence=ATTITUDE_CONFIDENCE,
    )
