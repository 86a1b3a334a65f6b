"""Direct quotations: the spans between quote marks, across sentences and paragraphs.

News style opens every paragraph of a long quotation with a quote mark and closes only the
last, so an open quotation that meets a paragraph break and a new opening mark ends at the
break. Single quotes are left out: ’ is also the apostrophe, and headlines use ‘ ’ for scare
quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
# A quotation longer than this is an unbalanced mark, not a quote.
MAX_QUOTE_CHARS = 3000


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
    curly = False
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in OPENING or ch == STRAIGHT:
                open_at, curly = i, ch != STRAIGHT
        elif ch == "\n":
            # a quotation continued in the next paragraph ends here; one that is not is unbalanced
            if _next_paragraph_opens(text, i):
                quotes.append(Quote(start=open_at, end=_paragraph_end(text, i)))
            open_at = None
        elif (ch in CLOSING) if curly else (ch == STRAIGHT):
            if i + 1 - open_at <= MAX_QUOTE_CHARS:
                quotes.append(Quote(start=open_at, end=i + 1))
            open_at = None
    return quotes


def _next_paragraph_opens(text: str, newline: int) -> bool:
    """Whether the paragraph after `newline` starts with an opening quote mark."""
    rest = text[newline:].lstrip()
    return bool(rest) and (rest[0] in OPENING or rest[0] == STRAIGHT)


def _paragraph_end(text: str, newline: int) -> int:
    """Offset after the last non-space character before `newline`."""
    end = newline
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
