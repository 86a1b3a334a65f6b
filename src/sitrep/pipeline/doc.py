"""What sitrep keeps on a spaCy `Doc` between stages, and how a stage finds a sentence.

Each stage adds its items (the dataclasses of `sitrep.document`) to one of the lists below;
the assembler turns the finished Doc into a `Document`.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc

ITEM_LISTS = ("places", "times", "quantities", "actors", "events", "relations", "claims")


def register_extensions() -> None:
    """Declare sitrep's Doc attributes; idempotent, called by `register_components`."""
    if not Doc.has_extension("meta"):
        # meta: published (ISO date or None), published_source, title, url of the article
        Doc.set_extension("meta", default=None)
    for name in ITEM_LISTS:
        if not Doc.has_extension(name):
            # a getter-backed default would be shared between docs; each doc gets its own list
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("sent_starts"):
        Doc.set_extension("sent_starts", default=None)


_TEXT_KEY = ("sitrep", "text")


def prepare(doc: Doc, meta: dict[str, Any] | None = None) -> Doc:
    """Give a fresh Doc its own empty item lists and the article's metadata."""
    doc._.meta = dict(meta or {})
    for name in ITEM_LISTS:
        setattr(doc._, name, [])
    return doc


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: spaCy joins every token each time `doc.text` is read."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def sentence_index(doc: Doc, char: int) -> int:
    """Index of the sentence holding character offset `char` (sentences must be set)."""
    starts = doc._.sent_starts
    if starts is None:
        starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        doc._.sent_starts = starts
    return max(bisect.bisect_right(starts, char) - 1, 0)


def next_id(items: list, prefix: str) -> str:
    """The next free item id of a list: p1, p2, ... for places; t1, ... for times."""
    return f"{prefix}{len(items) + 1}"
