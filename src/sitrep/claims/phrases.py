"""Noun phrases around a cue, found from word shapes when the Doc has no parse.

A speaker phrase is scanned leftwards from the cue ("a senior Pentagon official | said") or
rightwards after it ("said | Dan Gerstein, director of ..."), with its apposition ("Rahmatullah
Nabil, former head of ..., | told"). The scan stops at clause words, prepositions other than
"of"/"for", punctuation and time words, and keeps a phrase only when its head can name a source.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.claims.lexicon import (
    DETERMINERS,
    FORM_TO_BASE,
    NP_STOPS,
    SPEAKER_NOUNS,
    SUBJECT_PRONOUNS,
)

# A speaker phrase longer than this is a clause, not a name with its title.
MAX_PHRASE_TOKENS = 10
# An apposition longer than this is a sentence of its own, not a role.
MAX_APPOSITION_TOKENS = 25
# Tokens that may sit inside a name: possessives, initials' dots, hyphens, ampersands.
NAME_PUNCT = frozenset({"'s", "’s", "'", "’", ".", "-", "&", "–"})
TIME_WORDS = frozenset({
    "week", "month", "year", "today", "yesterday", "tomorrow", "day", "days", "night", "morning",
    "afternoon", "evening", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "ago", "tonight",
})
QUOTE_CHARS = frozenset('"“”«»„')


def is_stop(tok: Token) -> bool:
    """Whether a token ends a speaker phrase."""
    low = tok.lower_
    if tok.is_punct and tok.text not in NAME_PUNCT:
        return True
    if tok.text in QUOTE_CHARS or tok.is_space:
        return True
    if low in TIME_WORDS:
        return True
    if low in NP_STOPS and not (tok.is_title and low not in {"and", "or", "but"} and tok.i > 0 and not tok.is_sent_start):
        return True
    if low in FORM_TO_BASE and not tok.is_title and low not in SPEAKER_NOUNS:
        return True
    if tok.pos_ in {"VERB", "AUX", "ADP", "SCONJ", "CCONJ"} and low not in {"of", "for"}:
        return True
    return False


def phrase_left(doc: Doc, end: int, floor: int) -> tuple[int, int] | None:
    """The speaker phrase ending just before token `end`, not reaching before token `floor`."""
    if end <= floor:
        return None
    last = doc[end - 1]
    if last.lower_ in SUBJECT_PRONOUNS:
        return (end - 1, end)
    start = end
    while start > floor and end - start < MAX_PHRASE_TOKENS:
        tok = doc[start - 1]
        if is_stop(tok):
            break
        start -= 1
        if tok.lower_ in DETERMINERS:
            break
    while start < end and (doc[start].is_punct or doc[start].lower_ in {"of", "for"}):
        start += 1
    if start >= end or not _names_a_source(doc[start:end]):
        return None
    return (start, end)


def phrase_right(doc: Doc, start: int, ceiling: int) -> tuple[int, int] | None:
    """The speaker phrase starting at token `start`, ending before token `ceiling`."""
    if start >= ceiling:
        return None
    first = doc[start]
    if first.lower_ in SUBJECT_PRONOUNS:
        return (start, start + 1)
    end = start
    while end < ceiling and end - start < MAX_PHRASE_TOKENS:
        tok = doc[end]
        if is_stop(tok) and not (end == start and tok.lower_ in DETERMINERS):
            break
        end += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"of", "for", "'s", "’s"}):
        end -= 1
    if end <= start or not _names_a_source(doc[start:end]):
        return None
    return (start, end)


def apposition_after(doc: Doc, end: int, ceiling: int) -> tuple[int, int] | None:
    """", director of X" after a name and before token `ceiling`: the role's tokens, commas left out."""
    if end >= ceiling or doc[end].text != ",":
        return None
    stop = end + 1
    while stop < ceiling and doc[stop].text not in {",", ";", ":"} and doc[stop].text not in QUOTE_CHARS:
        stop += 1
    role = (end + 1, stop)
    if not 0 < stop - end - 1 <= MAX_APPOSITION_TOKENS or not _is_role(doc[role[0] : role[1]]):
        return None
    return role


def apposition_before(doc: Doc, comma: int, floor: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"NAME, ROLE," ending at token `comma`: (name tokens, role tokens) or None."""
    if doc[comma].text != ",":
        return None
    open_comma = comma - 1
    while open_comma > floor and doc[open_comma].text != ",":
        if doc[open_comma].text in QUOTE_CHARS or doc[open_comma].text in {";", ":", "(", ")"}:
            return None
        open_comma -= 1
    if open_comma <= floor or not 0 < comma - open_comma - 1 <= MAX_APPOSITION_TOKENS:
        return None
    role = (open_comma + 1, comma)
    name = phrase_left(doc, open_comma, floor)
    if name is None or not _is_name(doc[name[0] : name[1]]) or not _is_role(doc[role[0] : role[1]]):
        return None
    return name, role


def _names_a_source(span: Span) -> bool:
    """Whether a phrase can be a speaker: a name, a pronoun, or headed by a source noun."""
    head = span[-1]
    if head.lower_ in SUBJECT_PRONOUNS:
        return len(span) == 1
    if head.like_num:
        return False
    if head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or (head.is_title or head.is_upper) and head.is_alpha:
        return True
    if head.lower_ in SPEAKER_NOUNS:
        return True
    if head.pos_ in {"NOUN", "PROPN"} and span[0].lower_ in DETERMINERS:
        return True
    return span[0].lower_ in DETERMINERS and head.lower_.endswith(("s", "er", "or", "ist", "ian", "ment"))


def _is_name(span: Span) -> bool:
    return any(t.is_title or t.is_upper for t in span if t.is_alpha) or span[-1].ent_type_ in {"PERSON", "ORG"}


def _is_role(span: Span) -> bool:
    """Whether an apposition reads as a role: no verb of saying in it, not a bare number or date."""
    if any(t.lower_ in FORM_TO_BASE and not t.is_title for t in span[:1]):
        return False
    if all(t.like_num or t.is_punct for t in span):
        return len(span) == 1  # "Clinton, 35," is an age
    return not span[0].lower_ in {"and", "but", "or", "which", "when", "where", "while"}
