"""Plain-text articles: the text is kept exactly as decoded, so offsets index the whole file.

A headline is recognised only in the common layout of a news text file: a first non-empty
line, short and without a closing full stop, followed by a blank line. It stays in the text.
A first line that is a bare web address (as news crawls save them) is the article's url, and
the headline is looked for after it.
"""

from __future__ import annotations

import re

from sitrep.document import Provenance
from sitrep.ingest.article import MAX_ARTICLE_CHARS, Article, Failure, make_article

CLOSING_QUOTES = "\"'”’»"
MAX_TITLE_CHARS = 200  # headlines are short; a longer first paragraph is body text
_TITLE = re.compile(r"\A\s*([^\n]+?)[ \t]*\r?\n[ \t]*\r?\n")
BYLINE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}$")  # "By Isaac Mpho Mogotsi"
_URL_LINE = re.compile(r"\A\s*(https?://[^\s]+)[ \t]*(?:\r?\n|\Z)")


def title_of(text: str) -> str | None:
    """The headline of a plain text: a first line followed by a blank line, else None."""
    match = _TITLE.match(text)
    if not match:
        return None
    line = match.group(1).strip()
    if len(line) > MAX_TITLE_CHARS or line.rstrip(CLOSING_QUOTES).endswith((".", "!")) or not any(ch.isalpha() for ch in line):
        return None  # a sentence (quoted too: "“No! You tell me!”"), or a rule of dashes, is not a headline
    if BYLINE.match(line):
        return None  # "By Isaac Mpho Mogotsi": who wrote it
    return line


def read_text(
    text: str, *, ref: str, provenance: Provenance, max_chars: int = MAX_ARTICLE_CHARS, **meta: object
) -> Article | Failure:
    """Make an article of a plain text.

    Args:
        text: The decoded text, kept intact.
        ref: Reference to the input.
        provenance: Where the text came from.
        max_chars: Longest text accepted as one article.
        **meta: Further `Article` fields known from outside (url, published, ...).

    Returns:
        The article or the reason there is none.
    """
    url = _URL_LINE.match(text)
    if url and not meta.get("url"):
        meta["url"] = url.group(1)
    meta.setdefault("title", title_of(text[url.end():] if url else text))
    return make_article(text, ref=ref, provenance=provenance, max_chars=max_chars, **meta)
