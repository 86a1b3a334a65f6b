"""Direct quotations: the spans between quote marks, across sentences and paragraphs.

News style opens every paragraph of a long quotation with a quote mark and closes only the
last, so an open quotation that meets a paragraph break and a new opening mark ends at the
break. Single quotes are left out: ’ is also the apostrophe, and headlines use ‘ ’ for scare
quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from sitrep.pipeline.doc import text_of

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
# A quotation longer than this is an unbalanced mark, not a quote.
MAX_QUOTE_CHARS = 3000
# Every other character leaves the scan's state as it is, so the scan jumps from one of these
# to the next instead of stepping through the whole text in Python.
_MARK_OR_BREAK = re.compile(r"[“„«”»\"'`\n]")


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or after the last character of the paragraph)

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def find_quotes(text: str) -> list[Quote]:
    """All quotations of a text, in order, each from its opening to its closing mark."""
    quotes: list[Quote] = []
    open_at: int | None = None
    mode = ""  # the kind of mark that opened: curly, straight or doubled apostrophes
    i = 0
    while i < len(text):
        ch = text[i]
        mark = _mark_at(text, i)
        if open_at is None:
            if mark in {"curly", "straight", "double"} and not (mark == "curly" and ch in CLOSING):
                open_at, mode = i, mark
        elif ch == "\n":
            # a quotation continued in the next paragraph ends here; one that is not is unbalanced
            if _next_paragraph_opens(text, i):
                quotes.append(Quote(start=open_at, end=_paragraph_end(text, i)))
            open_at = None
        elif _closes(text, i, mark, mode):
            end = i + (2 if mode == "double" else 1)
            if end - open_at <= MAX_QUOTE_CHARS:
                quotes.append(Quote(start=open_at, end=end))
            open_at = None
            i = end
            continue
        i += 2 if mark == "double" else 1
        found = _MARK_OR_BREAK.search(text, i)
        i = found.start() if found else len(text)
    return quotes


def _mark_at(text: str, i: int) -> str:
    """The kind of quote mark at offset i, or "" when there is none."""
    ch = text[i]
    if ch in OPENING or ch in CLOSING:
        return "curly"
    if ch == STRAIGHT:
        return "straight"
    if text.startswith(("''", "``"), i):
        return "double"
    return ""


def _closes(text: str, i: int, mark: str, mode: str) -> bool:
    """Whether the mark at i closes a quotation opened by a mark of kind `mode`.

    Straight and curly marks are mixed in real copy ("I was hoping,” Graham said), so either
    closes the other; an opening curly mark closes only where it is plainly misprinted.
    """
    if mode == "double" or mark == "double":
        return mark == mode
    if mark == "straight":
        return True
    return mark == "curly" and (text[i] in CLOSING or _misprinted_close(text, i))


def _misprinted_close(text: str, i: int) -> bool:
    """An opening mark used to close ("It's unusual,“ said"): after punctuation, before a space."""
    return text[i] in OPENING and i > 0 and text[i - 1] in ",.?!" and (i + 1 == len(text) or text[i + 1].isspace())


def _next_paragraph_opens(text: str, newline: int) -> bool:
    """Whether the paragraph after `newline` starts with an opening quote mark."""
    rest = text[newline:].lstrip()
    return bool(rest) and (rest[0] in OPENING or rest[0] == STRAIGHT or rest.startswith("''"))


def _paragraph_end(text: str, newline: int) -> int:
    """Offset after the last non-space character before `newline`."""
    end = newline
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def find_quotes_cached(doc: Doc) -> list[Quote]:
    """The Doc's quotations, found once for all the claims finders."""
    quotes = doc.user_data.get(_QUOTES_KEY)
    if quotes is None:
        quotes = doc.user_data[_QUOTES_KEY] = find_quotes(text_of(doc))
    return quotes


_QUOTES_KEY = ("sitrep.claims", "quotes")
