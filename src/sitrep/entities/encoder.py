"""Stage `sitrep_encoder_ner`: named entities from a fine-tuned MiniLM encoder, run with ONNX.

The encoder (all-MiniLM-L6-v2, uncased) was fine-tuned as a BIO token classifier on sitrep's
open NER corpora by ``sitrep.training.encoder_ner``, with each word's *shape* (lower, Title,
UPPER, mixed, digits, other) added to its embeddings and to the classifier's input, since the
uncased wordpieces cannot see capitals. At run time it needs onnxruntime, tokenizers and
numpy only; no torch.

Modes: ``replace`` sets ``doc.ents`` to the encoder's entities; ``overwrite`` keeps earlier
entities that none of the encoder's overlaps; ``fill`` adds the encoder's entities only where
no earlier entity lies. The default config runs it in ``overwrite`` mode after the place ruler
(the CNN NER left out); ``--config fast`` runs the CNN NER instead (docs/model-card.md).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import ClassVar

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sitrep.errors import Errors, SitrepError

FACTORY = "sitrep_encoder_ner"
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "encoder_ner"
MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
LABELS_FILE = "labels.json"
MODES = ("replace", "overwrite", "fill")

# Word shapes, id 0 reserved for padding and the special tokens [CLS] / [SEP].
SHAPES = ("special", "lower", "title", "upper", "mixed", "digit", "other")
MAX_WORDS = 48  # words per encoder window; newswire sentences are shorter
MAX_PIECES = 160  # wordpieces per window: a window over it is halved
# Windows per onnxruntime call. int8 dynamic quantization scales activations over the whole
# batch, so tags of one sentence shift with its batch-mates (15% of newswire sentences differ
# between 1 and 32); one window per call keeps each Doc's entities independent of the others,
# at about 3/4 of the batched speed.
WINDOW_BATCH = 1
SENTENCE_END = frozenset({".", "!", "?", "...", "…"})
# Marks that open a part of a name closed later ("Didier “Electric” Ramirez", "Front (FLN)")
# (a straight single quote is left out: it is far more often an apostrophe, "Athletes' Foundation")
CLOSERS = {"(": ")", "[": "]", "“": "”", "‘": "’", '"': '"'}
ARTICLES = frozenset({"a", "an", "the", "this", "that", "these", "those"})
# Marks an entity never begins or ends with ("%" ends a PERCENT, "$" begins MONEY)
EDGE_MARKS = frozenset({".", ",", ";", ":", "!", "?", "…", "...", "-", "–", "—", "«", "»", "'", *CLOSERS, *CLOSERS.values()})


def word_shape(word: str) -> int:
    """The shape id of a word: what the uncased wordpieces lose."""
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return SHAPES.index("digit") if any(c.isdigit() for c in word) else SHAPES.index("other")
    if all(c.islower() for c in letters):
        return SHAPES.index("lower")
    if all(c.isupper() for c in letters):
        # "A", "I": one capital letter is a title-case word, not an acronym
        return SHAPES.index("upper") if len(letters) > 1 else SHAPES.index("title")
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return SHAPES.index("title")
    return SHAPES.index("mixed")


def windows(words: list[str], max_words: int = MAX_WORDS, keep: list[bool] | None = None,
            cased: bool = True) -> list[tuple[int, int]]:
    """Split words into sentence-like windows of at most ``max_words`` words.

    A window ends after sentence-final punctuation followed by a capitalised word, or at
    ``max_words``. ``keep[i]`` False forbids a cut before word i (inside a gold entity).
    ``cased=False`` is for lower-cased text (MUC-4), where no capital marks a sentence's start:
    a window then ends after any sentence-final punctuation.
    """
    out, start = [], 0
    for i in range(1, len(words) + 1):
        at_end = i == len(words)
        may_cut = at_end or keep is None or keep[i]
        sentence_ends = not at_end and words[i - 1] in SENTENCE_END and (not cased or words[i][:1].isupper())
        if at_end or (may_cut and (sentence_ends or i - start >= max_words)):
            out.append((start, i))
            start = i
    return out


class EncoderNer:
    """Tag a Doc's named entities with the ONNX encoder (see the module docstring)."""

    DEFAULT_CONFIG: ClassVar[dict] = {"model_dir": None, "mode": "replace", "threads": 0, "batch_size": 32, "labels": None,
                                       "window_batch": WINDOW_BATCH}

    def __init__(self, nlp: Language, name: str, *, model_dir: str | None = None, mode: str = "replace",
                 threads: int = 0, batch_size: int = 32, labels: list[str] | None = None,
                 window_batch: int = WINDOW_BATCH):
        if mode not in MODES:
            raise ValueError(f"{FACTORY}: mode {mode!r} is not one of {MODES}")
        self.name = name
        self.mode = mode
        self.batch_size = batch_size
        self.only_labels = frozenset(labels) if labels else None
        self.model = EncoderModel(Path(model_dir) if model_dir else MODEL_DIR, threads, window_batch)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        size = batch_size or self.batch_size
        buffer: list[Doc] = []
        for doc in docs:
            buffer.append(doc)
            if len(buffer) >= size:
                yield from self._tag(buffer)
                buffer = []
        if buffer:
            yield from self._tag(buffer)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        word_lists = [[t.text for t in doc] for doc in docs]
        for doc, spans in zip(docs, self.model.predict(word_lists)):
            trimmed = ((trim_punctuation(doc, s, e), lab) for s, e, lab in spans
                       if self.only_labels is None or lab in self.only_labels)
            ents = [Span(doc, s, e, label=lab) for (s, e), lab in trimmed if s < e]
            doc.ents = self._merge(list(doc.ents), ents)
        return docs

    def _merge(self, earlier: list[Span], mine: list[Span]) -> list[Span]:
        """The Doc's entities after this stage, by ``mode``."""
        if self.mode == "replace":
            return mine
        if self.mode == "overwrite":
            mine = mended_places(earlier, mine)
        first, second = (mine, earlier) if self.mode == "overwrite" else (earlier, mine)
        taken = {i for span in first for i in range(span.start, span.end)}
        kept = [s for s in second if not any(i in taken for i in range(s.start, s.end))]
        return filter_spans(first + kept)


class EncoderModel:
    """The ONNX token classifier with its tokenizer: words in, entity word spans out."""

    def __init__(self, model_dir: Path, threads: int = 0, window_batch: int = WINDOW_BATCH):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_file = model_dir / MODEL_FILE
        if not model_file.exists():
            raise SitrepError(Errors.E303.format(path=model_file))
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("OMP_NUM_THREADS", "0") or 0)
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.window_batch = window_batch
        self.tags = json.loads((model_dir / LABELS_FILE).read_text(encoding="utf8"))["tags"]

    def predict(self, word_lists: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        """Entity spans ``(start, end, label)`` over the words of each list."""
        pieces = []  # (doc index, word offset, words) of every window
        for d, words in enumerate(word_lists):
            pieces.extend((d, s, words[s:e]) for s, e in windows(words))
        tags: list[list[str]] = [["O"] * len(words) for words in word_lists]
        encoded = self._encode([p[2] for p in pieces])
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))  # less padding
        size = self.window_batch
        for b in range(0, len(order), size):
            batch = [encoded[i] for i in order[b:b + size]]
            for i, word_tags in zip(order[b:b + size], self._run(batch)):
                d, offset, _ = pieces[i]
                for w, tag in enumerate(word_tags):  # words with no wordpiece (spaces) stay O
                    tags[d][offset + w] = tag
        return [tags_to_spans(t) for t in tags]

    def _encode(self, windows_words: list[list[str]]) -> list[tuple[list[int], list[int], list[int | None]]]:
        """Wordpiece ids, shape ids and word ids of each window, halving over-long windows."""
        out = []
        for words, enc in zip(windows_words, self.tokenizer.encode_batch(windows_words, is_pretokenized=True)):
            if len(enc.ids) > MAX_PIECES and len(words) > 1:
                # rare (URLs, long number runs): encode the halves apart and join their word ids
                half = len(words) // 2
                left, right = self._encode([words[:half], words[half:]])
                out.append(_joined(left, right, half))
                continue
            shapes = [0 if w is None else word_shape(words[w]) for w in enc.word_ids]
            out.append((enc.ids[:MAX_PIECES], shapes[:MAX_PIECES], enc.word_ids[:MAX_PIECES]))
        return out

    def window_probabilities(self, windows_words: list[list[str]]) -> list[np.ndarray]:
        """Tag probabilities (words x tags, columns in ``self.tags`` order) of each window of
        words, one window per onnxruntime call (see WINDOW_BATCH); a word without wordpieces
        (a space) is certainly "O"."""
        out = []
        for words, encoded in zip(windows_words, self._encode(windows_words)):
            logits = self._logits([encoded])[0]
            logits = logits - logits.max(axis=-1, keepdims=True)
            piece_probs = np.exp(logits)
            piece_probs /= piece_probs.sum(axis=-1, keepdims=True)
            probs = np.zeros((len(words), len(self.tags)), dtype=np.float32)
            probs[:, self.tags.index("O")] = 1.0
            seen = set()
            for pos, w in enumerate(encoded[2]):
                if w is not None and w not in seen:
                    seen.add(w)
                    probs[w] = piece_probs[pos]
            out.append(probs)
        return out

    def _logits(self, batch: list[tuple[list[int], list[int], list[int | None]]]) -> np.ndarray:
        """Logits (windows x wordpieces x tags) of a batch of encoded windows, padded to the longest."""
        width = max(len(ids) for ids, _, _ in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)
        shape_ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, (ids, shapes, _) in enumerate(batch):
            input_ids[row, :len(ids)] = ids
            shape_ids[row, :len(ids)] = shapes
            mask[row, :len(ids)] = 1
        return self.session.run(None, {"input_ids": input_ids, "attention_mask": mask, "shape_ids": shape_ids})[0]

    def _run(self, batch: list[tuple[list[int], list[int], list[int | None]]]) -> list[list[str]]:
        """BIO tags per word (first wordpiece of each word) of a batch of windows."""
        best = self._logits(batch).argmax(-1)
        out = []
        for row, (_, _, word_ids) in enumerate(batch):
            n_words = max((w for w in word_ids if w is not None), default=-1) + 1
            word_tags = ["O"] * n_words
            seen = set()
            for pos, w in enumerate(word_ids):
                if w is not None and w not in seen:
                    seen.add(w)
                    word_tags[w] = self.tags[best[row, pos]]
            out.append(word_tags)
        return out


PLACE_LABELS = frozenset({"GPE", "LOC"})
PLACE_PART_LABELS = PLACE_LABELS | {"NORP", "FAC"}


def trim_punctuation(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds of an entity without the punctuation the tagger let in at its edges: the
    full stop after a name at the end of a sentence ("Berta Caceres."), or a quote it opened and
    never closed ("Didier Enrique “Electric" ends before the quote). A mark closing one opened
    inside the span stays ("National Liberation Front (FLN)"). An article alone is no name
    ("Srinagar- A scooty-rider was killed"), nor are lower-case function words ("the end of the
    State of Emergency" gave an ORG "of"): nothing is left of them."""
    if end - start == 1 and doc[start].lower_ in ARTICLES or all(t.is_lower and t.is_stop for t in doc[start:end]):
        return start, start
    while start < end and doc[start].text in EDGE_MARKS:
        start += 1
    while start < end and doc[end - 1].text in EDGE_MARKS and not _closes(doc, start, end - 1):
        end -= 1
    opened = [i for i in range(start, end) if doc[i].text in CLOSERS and not _closed(doc, i, end)]
    if opened:
        return trim_punctuation(doc, start, opened[0])
    return start, end


def _closes(doc: Doc, start: int, i: int) -> bool:
    return any(CLOSERS.get(doc[j].text) == doc[i].text for j in range(start, i))


def _closed(doc: Doc, i: int, end: int) -> bool:
    return any(doc[j].text == CLOSERS[doc[i].text] for j in range(i + 1, end))


def mended_places(earlier: list[Span], mine: list[Span]) -> list[Span]:
    """`mine` with the earlier place names it broke into pieces made whole again.

    The encoder sometimes splits a multi-word place it has rarely seen ("Central African" LOC +
    "Republic" GPE), and a bare "Republic" then geocodes to a town in Missouri. An earlier GPE or
    LOC span (the gazetteer ruler's, or another NER's) wins when two or more of the encoder's place
    spans lie wholly inside it. Where one of the encoder's spans reaches past it ("Kenya Airways"
    over the ruler's "Kenya"), or only one lies inside it, the encoder's reading stands.
    """
    mended, broken = [], set()
    for span in earlier:
        if span.label_ not in PLACE_LABELS:
            continue
        overlapping = [m for m in mine if m.start < span.end and span.start < m.end]
        inside = all(span.start <= m.start and m.end <= span.end for m in overlapping)
        if inside and len(overlapping) >= 2 and all(m.label_ in PLACE_PART_LABELS for m in overlapping):
            mended.append(span)
            broken.update((m.start, m.end) for m in overlapping)
    return [m for m in mine if (m.start, m.end) not in broken] + mended


def _joined(left, right, offset: int):
    """Two encoded halves as one window (the right half's [CLS] and the left's [SEP] dropped)."""
    ids = left[0][:-1] + right[0][1:]
    shapes = left[1][:-1] + right[1][1:]
    word_ids = left[2][:-1] + [None if w is None else w + offset for w in right[2][1:]]
    return ids[:MAX_PIECES], shapes[:MAX_PIECES], word_ids[:MAX_PIECES]


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO tags to spans; an I- that does not continue a span of its type opens one."""
    spans, start, label = [], -1, ""
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label and not continues:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans
