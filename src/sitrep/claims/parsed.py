"""Attributions read from a dependency parse: a cue verb with a subject and a clausal complement.

Used only where the Doc has a parse (`doc.has_annotation("DEP")`), for cue verbs the token
patterns left without an attribution ("The number of defectors joining the group is small, but
growing, officials who spoke on condition of anonymity said" has its subject far from the verb).
Labels of both UD (`nsubj`, `ccomp`) and ClearNLP (`nsubj`, `ccomp`) pipelines are read.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.claims.attribution import Attribution
from sitrep.claims.lexicon import (
    ATTITUDE_BASES,
    NEEDS_COMPLEMENT,
    STRICT_COMPLEMENT,
    cue_base,
    stance,
)
from sitrep.claims.phrases import names_a_source, token_chars
from sitrep.claims.quotes import find_quotes_cached

SUBJECTS = frozenset({"nsubj"})
COMPLEMENTS = frozenset({"ccomp"})
CUE_PARTS = frozenset({"aux", "advmod", "compound:prt", "prt"})
# A parsed source longer than this is a parse error swallowing a clause.
MAX_SOURCE_TOKENS = 8
# Tokens allowed between the verb and its complement ("said on Tuesday that").
MAX_COMPLEMENT_GAP = 4


def parsed_attributions(doc: Doc, taken: set[int]) -> list[Attribution]:
    """Attributions of the cue verbs whose first character is not in `taken`."""
    found = []
    quotes = find_quotes_cached(doc)
    for tok in doc:
        if tok.idx in taken or tok.pos_ not in {"VERB", "AUX"} or any(q.start < tok.idx < q.end for q in quotes):
            continue
        base = cue_base(tok.text, tok.lemma_)
        if base is None:
            continue
        att = _from_tree(tok, base)
        if att is not None:
            found.append(att)
    return found


def _from_tree(verb: Token, base: str) -> Attribution | None:
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    complement = next((c for c in verb.children if c.dep_ in COMPLEMENTS), None)
    if subject is None or complement is None:
        return None
    source = (subject.left_edge.i, subject.right_edge.i + 1)
    content = (complement.left_edge.i, complement.right_edge.i + 1)
    parts = [c.i for c in verb.children if c.dep_ in CUE_PARTS and source[1] <= c.i < verb.i]
    cue = (min(parts + [verb.i]), verb.i + 1)
    doc = verb.doc
    if source[1] - source[0] > MAX_SOURCE_TOKENS or _overlap(source, content) or _overlap(cue, content):
        return None
    # the parse is trusted only in the shapes it is reliable on: a short subject that can name a
    # source, and a complement that starts right after the verb ("said (that) ...")
    if not names_a_source(doc[source[0] : source[1]]) or not 0 < content[0] - verb.i <= MAX_COMPLEMENT_GAP:
        return None
    if any(c.dep_ == "neg" or c.lower_ in {"not", "n't", "never"} for c in verb.children):
        return None
    opener = doc[content[0]].lower_
    if base in NEEDS_COMPLEMENT | STRICT_COMPLEMENT | ATTITUDE_BASES and opener not in {"that", "“", '"', "whether", "if"}:
        return None
    return Attribution(
        cue=token_chars(doc, *cue),
        content=token_chars(doc, *content),
        source=token_chars(doc, *source),
        base=base,
        kind=stance(base),
        confidence=0.6,
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
