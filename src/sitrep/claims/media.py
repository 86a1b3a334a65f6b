"""The medium or venue of a claim: "told WSJ", "told Congress", "in a statement", "on Twitter"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from sitrep.claims.lexicon import MEDIUM_WORDS
from sitrep.claims.phrases import QUOTE_CHARS, capitalised, is_stop
from sitrep.pipeline.doc import text_of

# Venues named after the cue: "in a statement", "in an interview with CNN", "on Twitter".
VENUE = re.compile(
    r"\s*(?:,\s*)?(?P<venue>(?:in|during)\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|interview|speech|letter|post|tweet|briefing|conference|hearing|testimony|"
    r"report|op-ed|memo|message|video|broadcast)(?:\s+(?:with|to|on)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s*)+)?"
    r"|on\s+(?:Twitter|Facebook|Telegram|Instagram|X|television|TV|radio|Fox News|CNN|BBC|[A-Z][\w.]+ TV))"
)
# An addressee longer than this is not a medium but the start of the content.
MAX_ADDRESSEE_TOKENS = 6


def medium_after(doc: Doc, after: int, ceiling: int, *, addressee: bool) -> tuple[str | None, int]:
    """The medium after a cue and the token where the content starts.

    addressee: the cue takes the hearer as its object ("told WSJ that"), which is the medium.
    """
    medium = None
    if addressee and after < ceiling:
        end = _addressee_end(doc, after, ceiling)
        if end > after:
            medium = doc[after:end].text
            after = end
    if after < ceiling:
        rest = text_of(doc)[doc[after].idx : doc[ceiling - 1].idx + len(doc[ceiling - 1].text)]
        match = VENUE.match(rest)
        if match:
            venue_end = doc[after].idx + match.end()
            medium = medium or match.group("venue")
            while after < ceiling and doc[after].idx < venue_end:
                after += 1
    return medium, after


def _addressee_end(doc: Doc, start: int, ceiling: int) -> int:
    """End of the hearer after "told": a name, "reporters", "the Wall Street Journal", "him"."""
    first = doc[start]
    if first.lower_ in {"him", "her", "them", "us", "me", "you"}:
        return start + 1
    end = start
    if first.lower_ in {"the", "a", "an"}:
        # "told the paper", "told a news conference": up to "that" or punctuation
        while end < ceiling and end - start < MAX_ADDRESSEE_TOKENS and not (
            doc[end].is_punct or doc[end].lower_ == "that" or doc[end].text in QUOTE_CHARS
        ):
            end += 1
        return end if end - start < MAX_ADDRESSEE_TOKENS else start
    while end < ceiling and end - start < MAX_ADDRESSEE_TOKENS:
        tok = doc[end]
        if tok.text in QUOTE_CHARS or tok.lower_ == "that" or (is_stop(tok) and not (end == start and tok.lower_ in MEDIUM_WORDS)):
            break
        if not (capitalised(tok) or tok.lower_ in MEDIUM_WORDS or tok.lower_ in {"of", "'s", "’s", "."}):
            break
        end += 1
    return end
