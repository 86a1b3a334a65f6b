"""Readers for the NER corpora in ../shared/data, as token lists with labelled spans.

Every reader yields :class:`NerSample` objects carrying the source's *raw* labels; the
label maps in ``labels.py`` turn them into sitrep's. Formats: CoNLL ``token<TAB>label`` or
``token label`` (IOB1, IOB2/BIO or BIOES, ``-DOCSTART-`` lines skipped), CoNLL-U with
GUM's ``Entity=`` coreference markup, re3d's JSON-lines folders, and the
``processed_annotated`` folder of en_worldwide_newswire_ner (one CoNLL file per article).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .conllu import Sentence, chunk_by_document, read_conllu

RawSpan = tuple[int, int, str]


@dataclass
class NerSample:
    """Words with gold spans ``(start, end, raw_label)``; ``end`` is exclusive."""

    words: list[str]
    spans: list[RawSpan]
    spaces: list[bool] | None = None
    doc_id: str = ""
    text: str | None = None  # the original text, when the source has one (re3d)
    extra: dict = field(default_factory=dict)


# --- CoNLL BIO / BIOES -------------------------------------------------------------


def read_conll(path: Path, doc_id: str = "") -> Iterator[NerSample]:
    """Yield the sentences of a CoNLL NER file (first column word, last column label)."""
    words: list[str] = []
    tags: list[str] = []
    with Path(path).open(encoding="utf8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t") if "\t" in line else line.split()
            if not parts or not parts[0].strip() or len(parts) < 2:
                if words:
                    yield NerSample(words, tags_to_spans(tags), doc_id=doc_id)
                words, tags = [], []
                continue
            if parts[0].startswith("-DOCSTART-") or re.match(r"^https?://\S+$", parts[0]) and not words and parts[-1].strip() == "O":
                continue  # document separators and the source URL heading an article
            words.append(parts[0].strip())
            tags.append(parts[-1].strip() or "O")
    if words:
        yield NerSample(words, tags_to_spans(tags), doc_id=doc_id)


def tags_to_spans(tags: list[str]) -> list[RawSpan]:
    """Turn IOB1, BIO or BIOES tags into spans.

    A span starts at B-/S-, at an I-/E- whose type differs from the open span, or at an
    I- after O (IOB1); it ends at E-/S-, at O, or where the next span starts.
    """
    spans: list[RawSpan] = []
    start, label = -1, ""
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        if tag == "O" or not kind:
            prefix, kind = "O", ""
        opens = prefix in {"B", "S", "U"} or (prefix in {"I", "E", "L"} and kind != label)
        if label and (prefix == "O" or opens):
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix == "O":
            continue
        if opens or not label:
            start, label = i, kind
        if prefix in {"E", "S", "L", "U"}:
            spans.append((start, i + 1, label))
            start, label = -1, ""
    return spans


# --- CoNLL-U with GUM Entity= markup --------------------------------------------------

_OPEN_RE = re.compile(r"\(([^()]*)(\)?)")
_CLOSE_RE = re.compile(r"(\d+)\)")


def gum_mentions(sentence: Sentence) -> list[tuple[int, int, str, int]]:
    """The entity mentions of a GUM sentence as ``(start, end, type, head)``.

    GUM marks every mention (names, nominals, pronouns) in MISC ``Entity=`` with brackets
    ``(id-type-…`` and ``id)``; ``head`` is the word whose syntactic head lies outside.
    """
    open_at: dict[str, list[tuple[int, str]]] = {}
    mentions = []
    for i, row in enumerate(sentence.rows):
        value = next((m[7:] for m in row.misc.split("|") if m.startswith("Entity=")), "")
        pos = 0
        while pos < len(value):
            if value[pos] == "(":
                match = _OPEN_RE.match(value, pos)
                fields = match.group(1).split("-")
                eid, etype = fields[0], fields[1] if len(fields) > 1 else ""
                if match.group(2):
                    mentions.append((i, i + 1, etype))
                else:
                    open_at.setdefault(eid, []).append((i, etype))
                pos = match.end()
                continue
            match = _CLOSE_RE.match(value, pos)
            if not match:
                pos += 1
                continue
            stack = open_at.get(match.group(1))
            if stack:
                start, etype = stack.pop()
                mentions.append((start, i + 1, etype))
            pos = match.end()
    return [(s, e, t, _head(sentence, s, e)) for s, e, t in mentions]


def _head(sentence: Sentence, start: int, end: int) -> int:
    """Index of the span's syntactic head (the word whose head lies outside the span)."""
    for i in range(start, end):
        head = sentence.rows[i].head
        if head == i or not start <= head < end:
            return i
    return start


def read_gum(path: Path, sents_per_sample: int = 1) -> Iterator[NerSample]:
    """Yield GUM sentences (or chunks of them) with all their mentions.

    ``spans`` holds ``(start, end, type)``; ``extra`` holds ``mentions`` as
    ``(start, end, type, head)`` and the words' ``upos`` and ``feats``, so the label
    mapper can keep the named mentions only and cut them down to the name.
    """
    for chunk in chunk_by_document(read_conllu(path), sents_per_sample):
        words, spaces, mentions, upos, feats = [], [], [], [], []
        for sent in chunk:
            offset = len(words)
            for start, end, etype, head in gum_mentions(sent):
                mentions.append((start + offset, end + offset, etype, head + offset))
            words.extend(r.word for r in sent.rows)
            spaces.extend(r.space_after for r in sent.rows)
            upos.extend(r.upos for r in sent.rows)
            feats.extend(r.feats for r in sent.rows)
        yield NerSample(
            words,
            [(s, e, t) for s, e, t, _ in mentions],
            spaces=spaces,
            doc_id=chunk[0].meta.get("newdoc id", ""),
            extra={"mentions": mentions, "upos": upos, "feats": feats},
        )


# --- re3d JSON folders ------------------------------------------------------------------


def re3d_folders(path: Path) -> list[Path]:
    """The re3d source folders at ``path``: itself, or its sub-folders holding entities.json."""
    path = Path(path)
    if (path / "entities.json").exists():
        return [path]
    return sorted(p.parent for p in path.glob("*/entities.json"))


def read_re3d(path: Path) -> Iterator[NerSample]:
    """Yield re3d documents as character-offset samples (``text`` set, ``words`` empty).

    re3d's entities.json and documents.json hold one JSON object per line; entity
    ``begin``/``end`` are character offsets into the document ``text``.
    """
    for folder in re3d_folders(path):
        docs = {d["_id"]: d for d in _json_lines(folder / "documents.json")}
        by_doc: dict[str, list[RawSpan]] = {}
        for ent in _json_lines(folder / "entities.json"):
            by_doc.setdefault(ent["documentId"], []).append((ent["begin"], ent["end"], ent["type"]))
        for doc_id, doc in docs.items():
            yield NerSample([], sorted(by_doc.get(doc_id, [])), doc_id=doc_id, text=doc["text"],
                            extra={"source": folder.name})


def _json_lines(path: Path) -> Iterator[dict]:
    """Objects of a mongoexport file: one JSON object per line."""
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


# --- en_worldwide_newswire_ner --------------------------------------------------------


def read_newswire(path: Path) -> Iterator[NerSample]:
    """Yield the sentences of every article file in a ``processed_annotated`` folder."""
    for file in sorted(Path(path).glob("*.tsv")):
        yield from read_conll(file, doc_id=file.name)
