"""Event arguments beyond actors: perpetrators, victims, physical targets and weapons of attacks.

`sitrep.document.Event` names actors only (source, target); the MUC-4 roles also ask for the
physical target ("the presidential farm") and the weapon ("dynamite"). This module reads them
for a document's attacks with a small model learned from MUC-4 train (public domain; built by
`python -m sitrep.events.train`, stored in `model/arguments.json`):

1. candidates: runs of content words in the document ("guerrilla column", "santo tomas
   presidential farm") and their head-final suffixes ("presidential farm", "farm");
2. features: the phrase, its head and first word, the words either side, the nearest event
   trigger and on which side of it the phrase stands, the sentence's place in the article and
   the sector of an actor the phrase names;
3. a multinomial logistic regression (numpy) over NONE and the five roles; per run of words
   the best (suffix, role) is kept when its probability clears that role's threshold.

Documents in which the events stage finds no attack that took place get no arguments.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from sitrep.events.lexicon import surface_table

MODEL = Path(__file__).with_name("model") / "arguments.json"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
CLASSES = ("NONE", *ROLES)
ATTACK_TYPES = frozenset({"ASSAULT"})
OCCURRED = frozenset({"asserted", "alleged"})
MAX_WORDS = 6  # a role filler longer than this is a description that no pattern recovers whole
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "this", "that", "these", "those", "of", "in", "on", "at", "by", "for", "from", "to", "with", "into", "onto", "over", "under", "near", "about", "after", "before", "during", "since", "until", "against", "between", "through", "and", "or", "but", "nor", "as", "than", "then", "so", "if", "while", "when", "where", "who", "whom", "whose", "which", "what", "how", "why", "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its", "their", "our", "my", "your", "there", "here", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes", "also", "only", "just", "even", "still", "already", "yet", "very", "more", "most", "other", "another", "such", "some", "any", "all", "both", "each", "every", "either", "neither", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "said", "says", "say", "told", "reported", "according", "added", "stated", "today", "yesterday", "tomorrow", "ago", "last", "next", "week", "month", "year", "years", "days", "day", "hours", "night", "morning", "afternoon", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr"]
)


def chunks(doc: Doc, trigger_tokens: set[int]) -> list[Span]:
    """Maximal runs of content words: no function word, punctuation (bar quotes), number or trigger."""
    runs, start = [], None
    for tok in doc:
        content = (tok.is_alpha or tok.text in {'"', "-", "'"}) and tok.lower_ not in FUNCTION_WORDS and tok.i not in trigger_tokens
        if start is not None and (not content or tok.is_sent_start):
            runs.append(doc[start : tok.i])
            start = None
        if content and start is None:
            start = tok.i
    if start is not None:
        runs.append(doc[start : len(doc)])
    return [_strip_quotes(r) for r in runs if any(t.is_alpha for t in r)]


def _strip_quotes(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and not span.doc[start].is_alpha:
        start += 1
    while end > start and not span.doc[end - 1].is_alpha:
        end -= 1
    return span.doc[start:end]


def suffixes(chunk: Span) -> list[Span]:
    """Head-final suffixes of a chunk, longest first, at most MAX_WORDS words."""
    first = max(chunk.start, chunk.end - MAX_WORDS)
    return [chunk.doc[i : chunk.end] for i in range(first, chunk.end) if chunk.doc[i].is_alpha]


def features(doc: Doc, span: Span, chunk: Span, triggers: list[tuple[int, int, str, str]], actors: dict[int, str]) -> list[str]:
    """String features of one candidate phrase (see the module docstring)."""
    words = [t.lower_ for t in span]
    prev = [doc[i].lower_ for i in range(max(span.start - 2, 0), span.start)]
    nxt = [doc[i].lower_ for i in range(span.end, min(span.end + 2, len(doc)))]
    feats = [f"p={' '.join(words)}", f"h={words[-1]}", f"len={min(len(words), 4)}", f"whole={span.start == chunk.start}"]
    if len(words) > 1:
        feats.append(f"m={words[0]}")
    if prev:
        feats += [f"l1={prev[-1]}", f"l2={' '.join(prev)}"]
    if nxt:
        feats += [f"r1={nxt[0]}", f"r2={' '.join(nxt)}"]
    # the nearest content words either side, past function words: "<victim> was killed", "murder of <victim>"
    feats += [f"cl={w}" for w in _content_words(doc, span.start - 1, -1)]
    feats += [f"cr={w}" for w in _content_words(doc, span.end, 1)]
    sent = span.sent
    near = [t for t in triggers if t[0] >= sent.start and t[1] <= sent.end]
    if near:
        start, end, form, cls = min(near, key=lambda t: min(abs(t[0] - span.end), abs(span.start - t[1])))
        side = "b" if span.end <= start else "a"
        gap = start - span.end if side == "b" else span.start - end
        feats += [f"t{side}={form}", f"t{side}c={cls}", f"t{side}d={min(gap, 6)}", f"tc={cls}"]
    else:
        feats.append("notrig")
    feats.append(f"sent={min(_sentence_number(doc, sent), 6)}")
    sector = next((actors[i] for i in range(span.start, span.end) if i in actors), None)
    if sector:
        feats.append(f"actor={sector}")
    return feats


CONTEXT_WORDS = 2  # content words read on each side of a candidate


def _content_words(doc: Doc, i: int, step: int) -> list[str]:
    words: list[str] = []
    sent = doc[max(i, 0)].sent if 0 <= i < len(doc) else None
    while sent is not None and sent.start <= i < sent.end and len(words) < CONTEXT_WORDS:
        tok = doc[i]
        if tok.is_alpha and tok.lower_ not in FUNCTION_WORDS:
            words.append(tok.lower_)
        i += step
    return words


def _sentence_number(doc: Doc, sent: Span) -> int:
    starts = doc.user_data.setdefault("_sitrep_sent_starts", [s.start for s in doc.sents])
    return starts.index(sent.start) if sent.start in starts else 0


def trigger_spans(doc: Doc, table: dict) -> list[tuple[int, int, str, str]]:
    """(start, end, surface form, type/mode) of every lexicon trigger, for features."""
    from sitrep.events.triggers import _longest_first

    found = []
    firsts = _first_words(table)
    spans = []
    for s in range(len(doc)):
        if doc[s].lower_ in firsts:
            spans += [(s, e, doc[s:e].text.lower()) for e in range(s + 1, min(s + 4, len(doc)) + 1) if doc[s:e].text.lower() in table]
    for start, end, form in _longest_first(spans):
        entry = table[form]
        found.append((start, end, form, f"{entry.type}/{entry.mode or entry.act or '-'}"))
    return found


_FIRSTS: dict[int, frozenset[str]] = {}


def _first_words(table: dict) -> frozenset[str]:
    if id(table) not in _FIRSTS:
        _FIRSTS[id(table)] = frozenset(form.split(" ")[0].split("-")[0] for form in table)
    return _FIRSTS[id(table)]


def actor_sectors(doc: Doc) -> dict[int, str]:
    sectors: dict[int, str] = {}
    for actor in doc._.actors or []:
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    sectors[i] = (actor.sector or "unknown") + ("/kb" if actor.kb_id else "")
    return sectors


def candidates(doc: Doc, table: dict) -> list[tuple[Span, list[tuple[Span, list[str]]]]]:
    """Each chunk with its suffixes and their features."""
    triggers = trigger_spans(doc, table)
    # a noun trigger may be a filler itself ("the bomb" is the weapon); verbs and phrases break runs
    trigger_tokens = {i for s, e, form, _ in triggers if table[form].pos not in {"n", "nv"} for i in range(s, e)}
    actors = actor_sectors(doc)
    return [(chunk, [(sfx, features(doc, sfx, chunk, triggers, actors)) for sfx in suffixes(chunk)])
            for chunk in chunks(doc, trigger_tokens)]


class ArgumentFinder:
    """Role fillers of a document's attacks, from the learned model."""

    def __init__(self, vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray, thresholds: dict[str, float],
                 relevance_model: tuple[dict[str, int], np.ndarray, np.ndarray, float] | None = None):
        self.vocab = vocab
        self.weights = weights
        self.bias = bias
        self.thresholds = thresholds
        self.relevance_model = relevance_model
        self.table = surface_table()

    @classmethod
    def load(cls, path: Path = MODEL) -> ArgumentFinder:
        model = json.loads(Path(path).read_text(encoding="utf-8"))
        rel = model.get("relevance")
        relevance_model = None
        if rel:
            relevance_model = ({f: i for i, f in enumerate(rel["features"])}, np.asarray(rel["weights"], dtype=np.float32),
                               np.asarray(rel["bias"], dtype=np.float32), rel["threshold"])
        return cls({f: i for i, f in enumerate(model["features"])}, np.asarray(model["weights"], dtype=np.float32),
                   np.asarray(model["bias"], dtype=np.float32), model["thresholds"], relevance_model)

    def probabilities(self, feats: list[list[str]]) -> np.ndarray:
        """Class probabilities (rows: candidates, columns: CLASSES)."""
        return _softmax(self.vocab, self.weights, self.bias, feats)

    def relevance(self, doc: Doc) -> float:
        """Probability that `doc` reports an incident (an attack the article is about), 1.0 without a model."""
        if self.relevance_model is None:
            return 1.0
        vocab, weights, bias, _ = self.relevance_model
        return float(_softmax(vocab, weights, bias, [relevance_features(doc)])[0, 1])

    def scored(self, doc: Doc) -> list[tuple[str, str, float]]:
        """(phrase, role, probability): the best suffix and role of each run of words."""
        best = []
        for _chunk, options in candidates(doc, self.table):
            probs = self.probabilities([f for _, f in options])[:, 1:]
            row, col = np.unravel_index(np.argmax(probs), probs.shape)
            best.append((options[row][0].text.lower(), ROLES[col], float(probs[row, col])))
        return best

    def roles(self, doc: Doc, scored: list[tuple[str, str, float]] | None = None) -> dict[str, list[str]]:
        """Role -> filler strings for the attacks of `doc`; empty when it reports no attack."""
        if not reports_attack(doc) or (self.relevance_model and self.relevance(doc) < self.relevance_model[3]):
            return {}
        return select(self.scored(doc) if scored is None else scored, self.thresholds)


def select(scored: list[tuple[str, str, float]], thresholds: dict[str, float]) -> dict[str, list[str]]:
    """Fillers above their role's threshold, one per role and head word: "presidential farm" and
    "santo tomas presidential farm" name one entity, and a second string for it is a false positive."""
    best: dict[tuple[str, str], tuple[float, str]] = {}
    for text, role, prob in scored:
        key = (role, text.split()[-1])
        if prob >= thresholds[role] and prob > best.get(key, (0.0, ""))[0]:
            best[key] = (prob, text)
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    for (role, _head), (_prob, text) in best.items():
        found[role].append(text)
    return found


def _softmax(vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray, feats: list[list[str]]) -> np.ndarray:
    logits = np.tile(bias, (len(feats), 1))
    for row, fs in enumerate(feats):
        ids = [vocab[f] for f in fs if f in vocab]
        if ids:
            logits[row] += weights[ids].sum(axis=0)
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=1, keepdims=True)


LEAD_SENTENCES = 3  # news puts the incident it reports in the lead


def relevance_features(doc: Doc) -> list[str]:
    """Words of the lead and the event types told in it and in the whole document."""
    feats: set[str] = set()
    for i, sent in enumerate(doc.sents):
        if i >= LEAD_SENTENCES:
            break
        feats.update(f"w={t.lower_}" for t in sent if t.is_alpha)
    lead_end = sum(1 for _ in zip(range(LEAD_SENTENCES), doc.sents))
    for e in doc._.events or []:
        kind = f"{e.type}/{e.mode or '-'}/{e.modality}"
        feats.add(f"e={kind}")
        if e.sentence < lead_end:
            feats.add(f"lead={kind}")
    return sorted(feats)


def reports_attack(doc: Doc) -> bool:
    """Whether the events stage found an attack that took place in `doc`."""
    return any(e.type in ATTACK_TYPES and e.modality in OCCURRED for e in doc._.events or [])
