"""Sentences for attribution, found the same way whatever the base pipeline.

A small parser's sentence splits are often wrong, and the sentencizer cuts after abbreviations
("Sen. Bernie Sanders (I-Vt.) | defended ..."), separating a speaker from its verb. These rules are
few: a sentence ends after ".", "!", "?" (with the closing quotes or brackets that follow) when
the next word can open a sentence, and at a paragraph break unless it follows a colon ("said:").
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from sitrep.claims.phrases import QUOTE_CHARS

SENTENCE_END = frozenset({".", "!", "?", "?!"})
CLOSERS = frozenset({"”", '"', "’", "'", ")", "]", "»"})
# Titles and ranks the tokenizer may split from their full stop ("Lt" "."), which go on to a name.
TITLE_ABBREVIATIONS = frozenset({
    "lt", "sgt", "capt", "col", "maj", "gen", "adm", "cpl", "pvt", "atty", "supt", "det", "insp",
    "cmdr", "lieut", "brig", "sen", "sens", "rep", "reps", "gov", "dr", "mr", "mrs", "ms", "prof",
    "rev", "hon", "amb", "sec", "pres", "gens",
})


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences for attribution; one that opens with a lower-case word or ")"
    continues the last one."""
    bounds = [0]
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if tok.is_space and "\n" in tok.text and not (i > 0 and doc[i - 1].text == ":"):
            bounds.append(i + 1)  # a paragraph break ends a sentence, unless after "said:"
        elif (tok.text in SENTENCE_END or (tok.text.endswith(".") and len(tok) == 1)) and not _after_title(doc, i):
            j = i + 1
            while j < n and (doc[j].text in CLOSERS or doc[j].text in SENTENCE_END):
                j += 1
            if j < n and _opens_sentence(doc[j]):
                bounds.append(j)
            i = j
            continue
        i += 1
    bounds.append(n)
    spans = [doc[a:b] for a, b in pairwise(bounds) if b > a]
    return _rejoin(doc, spans)


def _after_title(doc: Doc, i: int) -> bool:
    """A full stop split from a title ("Lt" "." "Tyler Livingston") that goes on to a name."""
    if doc[i].text != "." or i == 0 or i + 1 >= len(doc):
        return False
    title = doc[i - 1]
    return not title.whitespace_ and title.lower_ in TITLE_ABBREVIATIONS and title.text[:1].isupper() and doc[i + 1].text[:1].isupper()


def _opens_sentence(tok: Token) -> bool:
    return tok.is_space or not (tok.is_lower or tok.text in {")", ",", ";", ":"} or tok.is_punct and tok.text not in QUOTE_CHARS)


def _rejoin(doc: Doc, spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        first = next((t for t in span if not t.is_space), None)
        if merged and first is not None and (first.is_lower or first.text in {")", ",", ";"}) and "\n" not in doc[span.start - 1].text:
            merged[-1] = doc[merged[-1].start : span.end]
        else:
            merged.append(span)
    return merged
