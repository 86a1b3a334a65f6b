"""A contextual tagger of MUC-4 attack roles: MiniLM fine-tuned as a BIO tagger, run with ONNX.

The phrase model of `arguments.py` sees a phrase, its neighbours and hand-made features; this
tagger reads whole sentences with the encoder sitrep already fine-tunes for NER (the runtime is
`sitrep.entities.encoder.EncoderModel`; training in `sitrep.training.muc4_roles`). Its tags are
BIO over PerpInd, PerpOrg, Target, Victim, Weapon, learnt from MUC-4 train (public domain).

Windows: an article's sentences are packed into windows of up to WINDOW_WORDS words; every window
after the first may carry the article's lead sentence before it (LEAD_WORDS words at most), since
a MUC-4 article tells its incident in the lead and later sentences refer back to it. Tags of the
lead copy are read only in the window that holds the lead itself.

A span's role probability is read from the token marginals: P(B-role at its first word) x
P(I-role at each later word) x P(no I-role after its last word). At run time it needs
onnxruntime, tokenizers and numpy only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sitrep.entities.encoder import LABELS_FILE, EncoderModel, tags_to_spans, windows

MODEL_DIR = Path(__file__).with_name("model") / "role_tagger"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
WINDOW_WORDS = 64  # words of whole sentences per window: 2-3 MUC-4 sentences
LEAD_WORDS = 32  # words of the lead sentence put before a later window
TINY = 1e-9


@dataclass(frozen=True)
class Window:
    """Words [start, end) of an article tagged together, after `context` words [0, context) of
    the lead (none in the first window, or without lead context)."""

    start: int
    end: int
    context: int


def sentences(words: list[str]) -> list[tuple[int, int]]:
    """Sentence spans of lower-cased words; a sentence longer than WINDOW_WORDS is cut."""
    return windows(words, WINDOW_WORDS, cased=False)


def article_windows(words: list[str], lead: bool = True) -> list[Window]:
    """Whole sentences packed into windows of up to WINDOW_WORDS words, with the lead's context."""
    sents = sentences(words)
    if not sents:
        return []
    packed: list[tuple[int, int]] = []
    for s, e in sents:
        if packed and e - packed[-1][0] <= WINDOW_WORDS:
            packed[-1] = (packed[-1][0], e)
        else:
            packed.append((s, e))
    lead_end = min(sents[0][1], LEAD_WORDS)
    return [Window(s, e, lead_end if lead and s >= lead_end else 0) for s, e in packed]


def window_words(words: list[str], window: Window) -> list[str]:
    return words[:window.context] + words[window.start:window.end]


class RoleTagger:
    """Token marginals and spans of the five roles over an article's words."""

    def __init__(self, model: EncoderModel, lead: bool = True):
        self.model = model
        self.lead = lead
        tags = model.tags
        self.begin = np.array([tags.index(f"B-{r}") for r in ROLES])
        self.inside = np.array([tags.index(f"I-{r}") for r in ROLES])

    @classmethod
    def load(cls, model_dir: Path = MODEL_DIR, lead: bool | None = None, threads: int = 1) -> RoleTagger:
        """The exported tagger; with the lead context unless its labels.json says training chose none."""
        model = EncoderModel(Path(model_dir), threads)
        if lead is None:
            lead = json.loads((Path(model_dir) / LABELS_FILE).read_text(encoding="utf8")).get("lead", True)
        return cls(model, lead)

    def probabilities(self, words: list[str], only: list[tuple[int, int]] | None = None) -> np.ndarray:
        """Tag probabilities (words x tags in the model's order) of one article; with `only`
        (word ranges), of the windows that overlap one of them, every other word "O"."""
        probs = np.zeros((len(words), len(self.model.tags)), dtype=np.float32)
        probs[:, self.model.tags.index("O")] = 1.0
        found = article_windows(words, self.lead)
        if only is not None:
            found = [w for w in found if any(w.start < end and start < w.end for start, end in only)]
        for window, window_probs in zip(found, self.model.window_probabilities([window_words(words, w) for w in found])):
            probs[window.start:window.end] = window_probs[window.context:]
        return probs

    def spans(self, probs: np.ndarray) -> list[tuple[int, int, str]]:
        """The most likely tag of each word, read as (start, end, role) spans."""
        tags = [self.model.tags[i] for i in probs.argmax(axis=1)]
        return tags_to_spans(tags)

    def span_scores(self, probs: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """P(span is exactly a filler of role r), spans x ROLES, from the token marginals."""
        return span_scores(probs, self.begin, self.inside, starts, ends)


def span_scores(probs: np.ndarray, begin: np.ndarray, inside: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """B at the first word, I on the rest, no I right after: a product of marginals, read in logs
    with cumulative sums so that thousands of candidate phrases cost a few array operations."""
    starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
    if not len(starts):
        return np.zeros((0, len(begin)), dtype=np.float32)
    log_inside = np.log(probs[:, inside] + TINY)
    cumulative = np.vstack([np.zeros((1, len(inside))), np.cumsum(log_inside, axis=0)])
    after = np.vstack([1.0 - probs[:, inside], np.ones((1, len(inside)))])  # past the last word: no I
    log_score = (np.log(probs[starts][:, begin] + TINY) + cumulative[ends] - cumulative[starts + 1]
                 + np.log(after[ends] + TINY))
    return np.exp(log_score).astype(np.float32)
