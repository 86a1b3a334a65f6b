"""Read CoNLL-U treebanks (UD English EWT, GUM) into plain token records and spaCy Docs.

The reader keeps the syntactic words of multi-word tokens ("do" + "n't") and takes
``SpaceAfter=No`` from the multi-word line, so ``Doc.text`` matches the original text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab


@dataclass
class Row:
    """One syntactic word of a CoNLL-U sentence."""

    word: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0-based index of the head in the sentence; the root points at itself
    deprel: str
    misc: str
    space_after: bool = True


@dataclass
class Sentence:
    """A CoNLL-U sentence: its words and its comment lines as a dict."""

    rows: list[Row] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U file.

    path (Path): The .conllu file.
    YIELDS (Sentence): Sentences in file order, with ``newdoc id`` carried in ``meta``.
    """
    sent = Sentence()
    mwt_end, mwt_space = -1, True
    with Path(path).open(encoding="utf8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if sent.rows:
                    yield _finish(sent)
                sent, mwt_end = Sentence(), -1
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                sent.meta[key.strip()] = value.strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10 or "." in cols[0]:
                continue  # malformed line or an empty node of the enhanced graph
            if "-" in cols[0]:
                mwt_end = int(cols[0].split("-")[1])
                mwt_space = "SpaceAfter=No" not in cols[9]
                continue
            idx = int(cols[0])
            space = "SpaceAfter=No" not in cols[9]
            if mwt_end >= 0 and idx < mwt_end:
                space = False
            elif idx == mwt_end:
                space = mwt_space
            head = int(cols[6]) if cols[6].isdigit() else 0
            sent.rows.append(
                Row(cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7], cols[9], space)
            )
    if sent.rows:
        yield _finish(sent)


def _finish(sent: Sentence) -> Sentence:
    """Turn 1-based CoNLL-U heads into 0-based indices (root points at itself)."""
    for i, row in enumerate(sent.rows):
        row.head = i if row.head == 0 else row.head - 1
    return sent


def sentences_to_doc(vocab: Vocab, sentences: list[Sentence]) -> Doc:
    """Build one Doc carrying gold tags, morphology, lemmas, heads and sentence starts.

    vocab (Vocab): The vocab of the pipeline being trained.
    sentences (list[Sentence]): Consecutive sentences to join into one Doc.
    RETURNS (Doc): The annotated Doc.
    """
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for sent in sentences:
        offset = len(words)
        for i, row in enumerate(sent.rows):
            words.append(row.word)
            spaces.append(row.space_after)
            tags.append(row.xpos if row.xpos != "_" else "")
            pos.append(row.upos if row.upos != "_" else "")
            morphs.append(row.feats if row.feats != "_" else "")
            lemmas.append(row.lemma if row.lemma != "_" else row.word)
            heads.append(row.head + offset)
            deps.append("ROOT" if row.deprel == "root" else row.deprel)  # spaCy's root label
            starts.append(i == 0)
        if spaces:
            spaces[-1] = True  # sentences are joined by a space when the text keeps none
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def chunk_by_document(sentences: Iterator[Sentence], size: int) -> Iterator[list[Sentence]]:
    """Group consecutive sentences into chunks of at most ``size`` within one source document."""
    chunk: list[Sentence] = []
    for sent in sentences:
        if chunk and ("newdoc id" in sent.meta or len(chunk) >= size):
            yield chunk
            chunk = []
        chunk.append(sent)
    if chunk:
        yield chunk
