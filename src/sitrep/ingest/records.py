"""JSON and JSONL records: one article per object.

Fields read: ``text`` (or ``content``/``body``), ``id``, ``url``, ``title``, ``published``
(or ``date``/``published_at``/``publishedAt``), ``source`` (or ``outlet``; a string or an
object with a ``name``) and ``illustrative``. A text
holding HTML markup is stripped to plain text. JSONL is read line by line, so a broken line
costs only itself and files of any size stream.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.document import Provenance
from sitrep.ingest.article import MAX_ARTICLE_CHARS, Article, Failure, failure, make_article
from sitrep.ingest.html import fragment_text
from sitrep.ingest.published import METADATA, normalise

TEXT_FIELDS = ("text", "content", "body")
PUBLISHED_FIELDS = ("published", "date", "published_at", "publishedAt")
SOURCE_FIELDS = ("source", "outlet")  # a string, or an object with a "name" (NewsAPI)
LIST_FIELDS = ("articles", "items", "records", "data")
_MARKUP = re.compile(r"<(p|div|br|span|a|li|h[1-6])\b[^>]*>", re.IGNORECASE)
_TRUE = frozenset({"true", "yes", "1"})


def read_jsonl(path: Path, *, ref: str, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article | Failure]:
    """Read a JSONL file (gzipped if its name ends in .gz), one record per line; blank lines are ignored.

    Each record's ref is ``path:LINE`` and its provenance offset the line number (from 1).
    """
    try:
        for number, raw in _numbered_lines(path):
            line_ref = f"{ref}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as err:
                yield failure("E104", ref=line_ref, reason=f"JSON must be UTF-8: {err.reason} at byte {err.start}")
                continue
            except json.JSONDecodeError as err:
                yield failure("E106", ref=line_ref, error=f"{err.msg} at column {err.colno}")
                continue
            provenance = Provenance(path=str(path), offset=number, format="jsonl")
            yield read_record(record, ref=line_ref, provenance=provenance, max_chars=max_chars)
    except (OSError, EOFError, zlib.error) as err:  # a cut-off or corrupt gzip stream
        yield failure("E115", ref=ref, error=str(err) or type(err).__name__)


def _numbered_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """The lines of a plain or gzipped file with their numbers (from 1), without a UTF-8 BOM."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as lines:
        for number, raw in enumerate(lines, start=1):
            yield number, raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw


def read_json(
    text: str, *, path: str | None, ref: str, max_chars: int = MAX_ARTICLE_CHARS
) -> Iterator[Article | Failure]:
    """Read a JSON document holding one record or a list of them.

    The list may also sit under ``articles``, ``items``, ``records`` or ``data`` of an object
    without text of its own, as news APIs return it. Records of a list get the ref
    ``path#INDEX`` and their index (from 0) as provenance offset.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        yield failure("E106", ref=ref, error=f"{err.msg} at line {err.lineno}, column {err.colno}")
        return
    data = _unwrapped(data)
    if not isinstance(data, list):
        yield read_record(data, ref=ref, provenance=Provenance(path=path, offset=0, format="json"), max_chars=max_chars)
        return
    if not data:
        yield failure("E102", ref=ref)
    for index, record in enumerate(data):
        provenance = Provenance(path=path, offset=index, format="json")
        yield read_record(record, ref=f"{ref}#{index}", provenance=provenance, max_chars=max_chars)


def _unwrapped(data: Any) -> Any:
    """The record list inside an API answer such as ``{"status": "ok", "articles": [...]}``."""
    if not isinstance(data, dict) or _first_string(data, TEXT_FIELDS) is not None:
        return data
    for name in LIST_FIELDS:
        if isinstance(data.get(name), list):
            return data[name]
    return data


def read_record(
    record: Any, *, ref: str, provenance: Provenance, max_chars: int = MAX_ARTICLE_CHARS
) -> Article | Failure:
    """Make an article of one decoded JSON record."""
    if not isinstance(record, dict):
        return failure("E107", ref=ref, reason=f"the record is a JSON {type(record).__name__}, not an object")
    text = _first_string(record, TEXT_FIELDS)
    if text is None:
        return failure("E107", ref=ref, reason=f"none of the fields {'/'.join(TEXT_FIELDS)} holds text")
    if _MARKUP.search(text):
        text = fragment_text(text)
    url = _first_string(record, ("url",))
    provenance.url = url
    published = normalise(_first_value(record, PUBLISHED_FIELDS))
    record_id = record.get("id")
    return make_article(
        text,
        ref=ref,
        provenance=provenance,
        max_chars=max_chars,
        title=_first_string(record, ("title",)),
        url=url,
        published=published,
        published_source=METADATA if published else None,
        source=_source(record),
        illustrative=_truthy(record.get("illustrative")),
        record_id=None if record_id is None else str(record_id),
    )


def _first_string(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _source(record: dict[str, Any]) -> str | None:
    for name in SOURCE_FIELDS:
        value = record.get(name)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value
    return None


def _first_value(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        if record.get(name) not in (None, ""):
            return record[name]
    return None


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in _TRUE
    return value is True or value == 1
