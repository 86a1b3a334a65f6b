"""What a claim is about, how it changes the events it carries, and which claims contradict.

Contradictions are linked both ways (`Claim.contradicts`):

- a denial and the allegation (or claim) it answers: the nearest earlier allegation within
  `window` sentences when the denial's content is anaphoric ("The claim", "the report", "it"),
  or any earlier one whose content shares enough words with the denial's;
- two estimates of one quantity from different speakers: both contents count the same thing
  (the same `Quantity.unit`/`kind`, or the same word after the number).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from sitrep.document import Claim

# A denial whose content is one of these refers back to the claim it denies.
ANAPHORIC_HEADS = frozenset({
    "claim", "claims", "allegation", "allegations", "accusation", "accusations", "charge",
    "charges", "report", "reports", "it", "this", "that", "assertion", "suggestion", "story",
    "account", "idea", "notion", "them", "these", "those", "such",
})
# A denial's content of at most this many words, one of them anaphoric, points back.
MAX_ANAPHOR_WORDS = 3
# Share of the denial's content words found in the allegation's for them to be one dispute.
MIN_WORD_OVERLAP = 0.5
NUMBER_WORDS = frozenset({
    "dozens", "hundreds", "thousands", "millions", "dozen", "hundred", "thousand", "million",
    "billion", "several", "scores",
})
NUMBER_MODIFIERS = frozenset({
    "active", "more", "than", "least", "most", "about", "some", "nearly", "around", "up", "low",
    "high", "over", "under", "almost", "roughly", "approximately", "estimated", "additional", "new",
})
STOPWORDS = frozenset({
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "was", "is", "were", "are",
    "be", "been", "it", "its", "by", "for", "with", "as", "at", "from", "this", "had", "has", "have",
})
YEAR = re.compile(r"(19|20)\d\d")  # a year is a date, not an estimate
WORD = re.compile(r"[A-Za-z][\w'’-]*")


def link_about(doc: Doc, claim: Claim) -> None:
    """Ids of the events, quantities and actors whose span lies inside the claim's content."""
    start, end = claim.content.start, claim.content.end
    about: list[str] = []
    for event in doc._.events or []:
        if start <= event.trigger.start < end:
            about.append(event.id)
    for quantity in doc._.quantities or []:
        if start <= quantity.start < end:
            about.append(quantity.id)
    for actor in doc._.actors or []:
        if any(start <= m.start < end for m in actor.mentions):
            about.append(actor.id)
    claim.about = about


def mark_events(doc: Doc, claim: Claim) -> None:
    """Events that rest on an allegation or assessment carry it in their modality."""
    modality = {"allegation": "alleged", "assessment": "assessed"}.get(claim.kind)
    if modality is None:
        return
    for event in doc._.events or []:
        if claim.content.start <= event.trigger.start < claim.content.end and event.modality == "asserted":
            event.modality = modality
            event.claim = claim.id


def is_estimate(doc: Doc, claim: Claim) -> bool:
    """A statement or assessment whose content gives a number: a quantity or a number word."""
    if claim.kind not in {"statement", "assessment"}:
        return claim.kind == "estimate"
    if any(claim.content.start <= q.start < claim.content.end for q in doc._.quantities or []):
        return True
    words = WORD.findall(claim.content.text) + re.findall(r"\d[\d,.]*", claim.content.text)
    return any((w[0].isdigit() and not YEAR.fullmatch(w)) or w.lower() in NUMBER_WORDS for w in words)


def link_contradictions(doc: Doc, claims: list[Claim], window: int) -> None:
    """Link each denial to what it denies and estimates of one quantity to each other."""
    for i, claim in enumerate(claims):
        if claim.kind == "denial":
            target = _denied(claims[:i], claim, window)
            if target is not None:
                _link(claim, target)
    estimates = [c for c in claims if c.kind == "estimate" and c.speaker is not None]
    for i, first in enumerate(estimates):
        for second in estimates[i + 1 :]:
            if _speaker_key(first) != _speaker_key(second) and _counted(doc, first) & _counted(doc, second):
                _link(first, second)


def _denied(earlier: list[Claim], denial: Claim, window: int) -> Claim | None:
    """The claim a denial answers: by reference back ("The claim has been denied"), preferring an
    allegation, else by shared words."""
    words = _content_words(denial.content.text)
    anaphoric = not words or (len(words) <= MAX_ANAPHOR_WORDS and bool(words & ANAPHORIC_HEADS))
    candidates = [c for c in reversed(earlier) if c.kind != "denial"]
    if anaphoric:
        near = [c for c in candidates if denial.sentence - c.sentence <= window]
        allegations = [c for c in near if c.kind == "allegation"]
        if allegations or near:
            return (allegations or near)[0]
    for claim in candidates:
        theirs = _content_words(claim.content.text)
        if words and len(words & theirs) / len(words) >= MIN_WORD_OVERLAP:
            return claim
    return None


def _link(a: Claim, b: Claim) -> None:
    if b.id not in a.contradicts:
        a.contradicts.append(b.id)
    if a.id not in b.contradicts:
        b.contradicts.append(a.id)


def _speaker_key(claim: Claim) -> str:
    return claim.speaker_actor or (claim.speaker.text.lower() if claim.speaker else "")


def _counted(doc: Doc, claim: Claim) -> set[str]:
    """What the numbers of a claim count: quantity units/kinds, else the noun after each number."""
    found = {
        (q.unit or q.kind).lower()
        for q in doc._.quantities or []
        if claim.content.start <= q.start < claim.content.end and (q.unit or q.kind)
    }
    if found:
        return found
    words = re.findall(r"[\w'’-]+", claim.content.text)
    for i, word in enumerate(words[:-1]):
        if word[0].isdigit() or word.lower() in NUMBER_WORDS:
            noun = next((w for w in words[i + 1 : i + 4] if _is_counted_noun(w)), None)
            if noun:
                found.add(_singular(noun.lower()))
    return found


def _is_counted_noun(word: str) -> bool:
    """Not a number, a stop word or a modifier of the number ("active", "more than", "at least")."""
    low = word.lower()
    return not (word[0].isdigit() or low in NUMBER_WORDS or low in STOPWORDS or low in NUMBER_MODIFIERS)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text) if w.lower() not in STOPWORDS}
