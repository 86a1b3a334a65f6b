"""From a source (path, folder, URL or "-") to the reader for each file in it.

The format of a file is chosen by its extension; a file with no or an unknown extension is
sniffed (WARC, feed, HTML, else plain text). Every file is checked for emptiness and binary
content first. Readers are guarded: whatever one raises becomes an E117 failure for that
file, and the reading goes on with the next.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sitrep.document import Provenance
from sitrep.ingest.article import MAX_ARTICLE_CHARS, Article, Failure, failure, unusable_bytes
from sitrep.ingest.decode import SNIFF_BYTES, DecodeError, binary_kind, decode
from sitrep.ingest.feeds import looks_like_feed, read_feed
from sitrep.ingest.fetch import DEFAULT_TIMEOUT, is_url, read_url
from sitrep.ingest.html import read_html
from sitrep.ingest.records import read_json, read_jsonl
from sitrep.ingest.text import read_text
from sitrep.ingest.warc import looks_like_warc, read_warc

STDIN = "-"
STDIN_REF = "<stdin>"
MAX_FILE_BYTES = 50_000_000  # for formats read whole (text, HTML, JSON, feeds); JSONL and WARC stream
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}
COMPRESSED_FORMATS = {".warc.gz": "warc", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl"}  # streamed through gzip
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")
_STREAMED = frozenset({"jsonl", "warc"})


def read_source(
    source: str | os.PathLike[str], *, max_chars: int = MAX_ARTICLE_CHARS, timeout: float = DEFAULT_TIMEOUT
) -> Iterator[Article | Failure]:
    """Read every article in `source`: a file, a folder, an http(s) URL or "-" for stdin."""
    if isinstance(source, str) and source == STDIN:
        yield from _guarded(STDIN_REF, lambda: _read_stdin(max_chars))
    elif is_url(source):
        yield from _guarded(str(source), lambda: read_url(str(source), timeout=timeout, max_chars=max_chars))
    else:
        path = Path(source)
        if path.is_dir():
            yield from _read_folder(path, max_chars)
        elif path.is_file():
            yield from _guarded(str(path), lambda: read_file(path, max_chars=max_chars))
        elif path.exists():  # a pipe or device would block or never end; "-" reads stdin
            yield failure("E115", ref=str(path), error="not a regular file")
        else:
            yield failure("E101", ref=str(path))


def walk(folder: Path) -> Iterator[Path | Failure]:
    """Files under `folder`, depth first in name order, skipping hidden files and folders.

    A folder that cannot be listed gives an E115 failure in its place. Links to folders are
    not followed, so a link loop cannot trap the walk.
    """
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield failure("E115", ref=str(folder), error=err.strerror or str(err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def read_file(path: Path, *, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article | Failure]:
    """Read one file in the format its extension (or, failing that, its content) names."""
    ref = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as err:
        yield failure("E115", ref=ref, error=err.strerror or str(err))
        return
    if size <= len(head) and not head.strip():  # a longer blank file fails later, once decoded
        yield failure("E102", ref=ref)
        return
    fmt = format_of(path, head)
    kind = None if fmt == "warc" or _compressed(path) else binary_kind(head)  # WARCs hold images
    if kind:
        yield failure("E103", ref=ref, what=kind)
        return
    if fmt in _STREAMED:
        reader = read_warc if fmt == "warc" else read_jsonl
        yield from reader(path, ref=ref, max_chars=max_chars)
        return
    if size > MAX_FILE_BYTES:
        yield failure("E116", ref=ref, limit=MAX_FILE_BYTES)
        return
    yield from _read_whole(path.read_bytes(), fmt, path=path, max_chars=max_chars)


def format_of(path: Path, head: bytes) -> str:
    """The format of a file: from its extension, else sniffed from its first bytes."""
    name = path.name.lower()
    for suffix, fmt in COMPRESSED_FORMATS.items():
        if name.endswith(suffix):
            return fmt
    if path.suffix.lower() in FORMATS:
        return FORMATS[path.suffix.lower()]
    if looks_like_warc(head):
        return "warc"
    if looks_like_feed(head):
        return "feed"
    if head.lstrip()[:200].lower().startswith(_HTML_MARKERS):
        return "html"
    return "text"


def _read_whole(data: bytes, fmt: str, *, path: Path, max_chars: int) -> Iterator[Article | Failure]:
    ref = str(path)
    if fmt == "feed":
        yield from read_feed(data, ref=ref, path=ref, max_chars=max_chars)
        return
    try:
        text = decode(data)
    except DecodeError as err:
        yield failure("E104", ref=ref, reason=str(err))
        return
    provenance = Provenance(path=ref, offset=0, format=fmt)
    if fmt == "json":
        yield from read_json(text, path=ref, ref=ref, max_chars=max_chars)
    elif fmt == "html":
        yield read_html(text, ref=ref, provenance=provenance, max_chars=max_chars)
    else:
        yield read_text(text, ref=ref, provenance=provenance, max_chars=max_chars)


def _read_folder(folder: Path, max_chars: int) -> Iterator[Article | Failure]:
    empty = True
    for path in walk(folder):
        empty = False
        if isinstance(path, Failure):
            yield path
        else:
            yield from _guarded(str(path), functools.partial(read_file, path, max_chars=max_chars))
    if empty:
        yield failure("E114", ref=str(folder))


def _read_stdin(max_chars: int) -> Iterator[Article | Failure]:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    unusable = unusable_bytes(data, STDIN_REF)
    if unusable:
        yield unusable
        return
    try:
        text = decode(data)
    except DecodeError as err:
        yield failure("E104", ref=STDIN_REF, reason=str(err))
        return
    yield read_text(text, ref=STDIN_REF, provenance=Provenance(path=STDIN, format="text"), max_chars=max_chars)


def _compressed(path: Path) -> bool:
    return path.name.lower().endswith(tuple(COMPRESSED_FORMATS))


def _guarded(ref: str, make: Callable[[], Iterable[Article | Failure]]) -> Iterator[Article | Failure]:
    """Yield from the reader `make` builds, turning anything it raises into an E117 failure."""
    try:
        yield from make()
    except Exception as err:  # noqa: BLE001 - bad input must never end the whole run
        yield failure("E117", ref=ref, error=f"{type(err).__name__}: {err}")
