"""Event arguments beyond actors: perpetrators, victims, physical targets and weapons of attacks.

`sitrep.document.Event` names actors only (source, target); the MUC-4 roles also ask for the
physical target ("the presidential farm") and the weapon ("dynamite"). This module reads them
for a document's attacks with two small models learned from MUC-4 train (public domain; built
by `python -m sitrep.events.train`, stored in `model/arguments.json`):

1. candidates: every phrase of up to MAX_WORDS words inside a run of content words and numbers
   ("guerrilla column", "santo tomas presidential farm", "two men", "mortar" of "mortar
   attack"), and "X of (the) Y" phrases joining two runs ("members of the fmln");
2. features: the phrase, its head and first word, the words either side, the nearest event
   trigger and on which side of it the phrase stands, the sentence's place in the article, how
   often the phrase and its head recur in the article, the sector of an actor it names, and,
   where the pipeline parses, how the phrase attaches to its governor and which trigger class
   that governor is ("killed by <soldiers>": obl:by of ASSAULT/kill);
3. a multinomial logistic regression (numpy) over NONE and the five roles, and a document
   relevance regression (does the article report an incident at all: its words, its lead, the
   events the events stage finds). A phrase's score is its role probability times the
   document's relevance; phrases are kept best first when the score clears the role's
   threshold and the phrase overlaps no phrase kept before it.

Documents whose relevance falls under the learned gate get no arguments.

4. a contextual role tagger (`role_tagger.py`: MiniLM fine-tuned on MUC-4 train, run with ONNX)
   reads the document's sentences with the lead before them. A phrase's role probability is
   then (1 - w) x the regression's + w x the tagger's span probability, and spans the tagger
   finds that are no candidate enter with the tagger's part alone; the weight w is chosen on
   the hold-out with the thresholds (`arguments.json` "tagger"). The tagger runs only on
   documents whose relevance can still lift a phrase over a threshold.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from sitrep.events.lexicon import surface_table
from sitrep.events.role_tagger import RoleTagger

MODEL = Path(__file__).with_name("model") / "arguments.json"
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
CLASSES = ("NONE", *ROLES)
ATTACK_TYPES = frozenset({"ASSAULT"})
OCCURRED = frozenset({"asserted", "alleged"})
MAX_WORDS = 6  # a role filler longer than this is a description that no pattern recovers whole
OF_LEFT_WORDS, OF_RIGHT_WORDS = 3, 5  # "branch of banco popular", "members of the farabundo marti national liberation front"
NUMBER_WORDS = frozenset(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                          "dozen", "dozens", "hundred", "hundreds"])
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "this", "that", "these", "those", "of", "in", "on", "at", "by", "for", "from", "to", "with", "into", "onto", "over", "under", "near", "about", "after", "before", "during", "since", "until", "against", "between", "through", "and", "or", "but", "nor", "as", "than", "then", "so", "if", "while", "when", "where", "who", "whom", "whose", "which", "what", "how", "why", "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its", "their", "our", "my", "your", "there", "here", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "yes", "also", "only", "just", "even", "still", "already", "yet", "very", "more", "most", "other", "another", "such", "some", "any", "all", "both", "each", "every", "either", "neither", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "said", "says", "say", "told", "reported", "according", "added", "stated", "today", "yesterday", "tomorrow", "ago", "last", "next", "week", "month", "year", "years", "days", "day", "hours", "night", "morning", "afternoon", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr"]
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
JOINERS = frozenset({"-", "'", "'s", "."})  # inside a word: "ak-47", "d'aubuisson", "councilman's", "u.s."


@dataclass
class Candidate:
    """One phrase that may fill a role: token span, lower-cased text, and its features."""

    start: int
    end: int
    text: str
    feats: list[str] = field(default_factory=list)


def _is_number(tok) -> bool:
    return tok.like_num or tok.lower_ in NUMBER_WORDS


def _is_word(tok) -> bool:
    """A token that can begin or end a phrase: a content word or a number."""
    if tok.is_alpha:
        return tok.lower_ not in FUNCTION_WORDS or tok.lower_ in NUMBER_WORDS
    # "u.s.", "m-16", "9-mm": a word with digits or inner marks
    return tok.like_num or (tok.text[:1].isalnum() and any(c.isalpha() for c in tok.text))


def _is_joiner(doc: Doc, i: int) -> bool:
    """Quotes inside a name ('the "santo tomas" farm') and marks inside a word ("ak-47")."""
    tok = doc[i]
    if tok.text == '"':
        return True
    if tok.text not in JOINERS or i == 0 or i + 1 >= len(doc):
        return False
    return not doc[i - 1].whitespace_ and (not tok.whitespace_ or tok.text == "'s") and doc[i + 1].text[:1].isalnum()


def runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of content words, numbers and word-inner marks, within a sentence."""
    found, start = [], None
    for tok in doc:
        inside = _is_word(tok) or (start is not None and _is_joiner(doc, tok.i))
        if start is not None and (not inside or tok.is_sent_start):
            found.append(_trim(doc, start, tok.i))
            start = None
        if inside and start is None and _is_word(tok):
            start = tok.i
    if start is not None:
        found.append(_trim(doc, start, len(doc)))
    return [(s, e) for s, e in found if e > s]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while end > start and not _is_word(doc[end - 1]):
        end -= 1
    return start, end


def phrase_spans(doc: Doc, found_runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every phrase of up to MAX_WORDS tokens inside a run, beginning and ending on a word, and
    "X of (the) Y" phrases: a short end of one run, "of", the start of the next."""
    spans = []
    for s, e in found_runs:
        for i in range(s, e):
            if _is_word(doc[i]):
                spans += [(i, j) for j in range(i + 1, min(e, i + MAX_WORDS) + 1) if _is_word(doc[j - 1])]
    for (s1, e1), (s2, e2) in pairwise(found_runs):
        between = [t.lower_ for t in doc[e1:s2]]
        if between in (["of"], ["of", "the"], ["of", "a"], ["of", "an"]) and not doc[s2].is_sent_start:
            spans += [(i, j) for i in range(max(s1, e1 - OF_LEFT_WORDS), e1) if _is_word(doc[i])
                      for j in range(s2 + 1, min(e2, s2 + OF_RIGHT_WORDS) + 1) if _is_word(doc[j - 1])]
    return spans


@dataclass
class DocView:
    """Per-token facts of a document read once, so that features need no spaCy lookups (which
    cost most of this stage's time)."""

    lower: list[str]
    word: list[bool]
    content: list[bool]
    number: list[bool]
    sent_no: list[int]
    sent_bounds: list[tuple[int, int]]
    head: list[int]  # each token's syntactic head (itself at a root, or without a parse)
    # (governor, relation) pairs of each token: its head and relation ("nsubj", "obj", "obl:by" with
    # its preposition), and the verb of a relative clause whose pronoun stands for it ("rel:nsubj")
    attachments: list[list[tuple[int, str]]]

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        bounds = [(s.start, s.end) for s in doc.sents]
        sent_no = [0] * len(doc)
        for n, (s, e) in enumerate(bounds):
            sent_no[s:e] = [n] * (e - s)
        return cls([t.lower_ for t in doc], [_is_word(t) for t in doc],
                   [t.is_alpha and t.lower_ not in FUNCTION_WORDS for t in doc], [_is_number(t) for t in doc], sent_no, bounds,
                   [t.head.i for t in doc], _attachments(doc))


def _attachments(doc: Doc) -> list[list[tuple[int, str]]]:
    """Each token's (governor, relation) pairs: its head, with its preposition ("killed by
    <soldiers>": obl:by of "killed" in Universal Dependencies, pobj:by of it in spaCy's English
    scheme), and a relative clause's verb ("<soldiers> who attacked": rel:nsubj of "attacked")."""
    if not doc.has_annotation("DEP"):
        return [[] for _ in doc]
    found = []
    for t in doc:
        case = next((c for c in t.children if c.dep_ == "case" and c.is_alpha), None)
        if case is not None:
            found.append([(t.head.i, f"{t.dep_.partition(':')[0]}:{case.lower_}")])
        elif t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent"):
            found.append([(t.head.head.i, f"pobj:{t.head.lower_}")])
        else:
            found.append([(t.head.i, t.dep_)])
    for t in doc:
        if t.dep_ in ("relcl", "acl:relcl"):
            pronoun = next((c for c in t.children if c.dep_.startswith("nsubj") and c.lower_ in RELATIVE_PRONOUNS), None)
            if pronoun is not None:
                found[t.head.i].append((t.i, f"rel:{pronoun.dep_}"))
    return found


def features(view: DocView, start: int, end: int, text: str, run: tuple[int, int] | None, context: dict) -> list[str]:
    """String features of one candidate phrase (see the module docstring)."""
    lower = view.lower
    words = [lower[i] for i in range(start, end) if view.word[i]]
    prev = lower[max(start - 2, 0) : start]
    nxt = lower[end : end + 2]
    feats = [f"p={text}", f"h={words[-1]}", f"len={min(len(words), 5)}",
             f"whole={run is not None and (start, end) == run}", f"inrun={run is not None}"]
    if len(words) > 1:
        feats += [f"m={words[0]}", f"mh={words[0]}|{words[-1]}"]
    if view.number[start]:
        feats.append("num")
    if prev:
        feats += [f"l1={prev[-1]}", f"l2={' '.join(prev)}", f"l1h={prev[-1]}|{words[-1]}"]
    if nxt:
        feats += [f"r1={nxt[0]}", f"r2={' '.join(nxt)}"]
    # the nearest content words either side, past function words: "<victim> was killed", "murder of <victim>"
    feats += [f"cl={w}" for w in _content_words(view, start - 1, -1)]
    feats += [f"cr={w}" for w in _content_words(view, end, 1)]
    sent_no = view.sent_no[start]
    trig = _trigger_features(start, end, view.sent_bounds[sent_no], context["triggers"])
    # the head with the trigger's side and class: "guerrillas <attacked>" vs "<attacked> the farm"
    feats += trig + [f"ht={words[-1]}|{f}" for f in trig if f.startswith(("tbc=", "tac="))][:1]
    if prev:
        feats += [f"l1t={prev[-1]}|{f[:2]}" for f in trig if f.startswith(("tbc=", "tac="))][:1]
    feats.append(f"sent={min(sent_no, 6)}")
    # how far the nearest sentence telling an attack is: fillers stand in the sentences that tell the incident
    gap = min((abs(sent_no - n) for n in context["attack_sentences"]), default=None)
    feats.append(f"agap={'none' if gap is None else min(gap, 3)}")
    feats += [f"h3={words[-1][-3:]}", f"h2={words[-1][-2:]}"]
    feats.append(f"freq={min(context['freq'][text], 4)}")
    feats.append(f"hfreq={min(context['heads'][words[-1]], 6)}")
    feats.append(f"first={min(context['first'][text], 4)}")
    sector = next((context["actors"][i] for i in range(start, end) if i in context["actors"]), None)
    if sector:
        feats.append(f"actor={sector}")
    return feats + _syntax_features(view, start, end, context["trigger_at"])


def _syntax_features(view: DocView, start: int, end: int, trigger_at: dict[int, str]) -> list[str]:
    """How the phrase's head attaches, and to which trigger class when its governor is one:
    the agent of "killed" or the subject of "attacked" is a perpetrator whatever its words."""
    i = end - 1
    while start <= view.head[i] < end and view.head[i] != i:
        i = view.head[i]
    attached = view.attachments[i]
    feats = [f"dep={attached[0][1]}"] if attached else []
    return feats + [f"dt={relation}|{trigger_at[governor]}" for governor, relation in attached if governor in trigger_at]


def _trigger_features(start: int, end: int, sent: tuple[int, int], triggers: list[tuple[int, int, str, str]]) -> list[str]:
    near = [t for t in triggers if t[0] >= sent[0] and t[1] <= sent[1]]
    inside = [t for t in near if t[0] < end and start < t[1]]
    near = [t for t in near if t not in inside]
    feats = [f"in={cls}" for _, _, _, cls in inside]
    if not near:
        return [*feats, "notrig"]
    t_start, t_end, form, cls = min(near, key=lambda t: min(abs(t[0] - end), abs(start - t[1])))
    side = "b" if end <= t_start else "a"
    gap = t_start - end if side == "b" else start - t_end
    return [*feats, f"t{side}={form}", f"t{side}c={cls}", f"t{side}d={min(gap, 6)}", f"tc={cls}"]


CONTEXT_WORDS = 2  # content words read on each side of a candidate


def _content_words(view: DocView, i: int, step: int) -> list[str]:
    """Up to CONTEXT_WORDS content words from token i on, in i's sentence."""
    words: list[str] = []
    if not 0 <= i < len(view.lower):
        return words
    lo, hi = view.sent_bounds[view.sent_no[i]]
    while lo <= i < hi and len(words) < CONTEXT_WORDS:
        if view.content[i]:
            words.append(view.lower[i])
        i += step
    return words


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


def candidates(doc: Doc, table: dict, sentences: set[int] | None = None) -> list[Candidate]:
    """Every candidate phrase of `doc` with its features; only those in `sentences` (sentence
    numbers) when given, their features still counted over the whole article."""
    view = DocView.of(doc)
    found_runs = runs(doc)
    run_of = {(s, e): (s, e) for s, e in found_runs}
    spans = phrase_spans(doc, found_runs)
    texts = [doc[s:e].text.lower() for s, e in spans]
    triggers = trigger_spans(doc, table)
    context = {"triggers": triggers, "trigger_at": {i: cls for s, e, _, cls in triggers for i in range(s, e)}, "actors": actor_sectors(doc),
               "freq": _counts(texts), "heads": _counts(t.split()[-1] for t in texts if t),
               "first": {}, "attack_sentences": _attack_sentences(doc)}
    for (s, _e), text in zip(spans, texts):
        context["first"].setdefault(text, view.sent_no[s])
    inner = {i: r for r in found_runs for i in range(*r)}
    return [Candidate(s, e, text, features(view, s, e, text, run_of.get((s, e), inner.get(s) if inner.get(s) == inner.get(e - 1) else None), context))
            for (s, e), text in zip(spans, texts) if sentences is None or view.sent_no[s] in sentences]


def _attack_sentences(doc: Doc) -> set[int]:
    """Sentence numbers of the attacks that took place, as the events stage reads them."""
    return {e.sentence for e in doc._.events or [] if e.type in ATTACK_TYPES and e.modality in OCCURRED}


def _counts(items) -> Counter:
    return Counter(items)


class ArgumentFinder:
    """Role fillers of a document's attacks, from the learned models."""

    def __init__(self, vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray, thresholds: dict[str, float],
                 relevance_model: tuple[dict[str, int], np.ndarray, np.ndarray, float] | None = None,
                 relevance_power: float = 1.0, tagger: RoleTagger | None = None, tagger_weight: float = 0.0):
        self.vocab = vocab
        self.weights = weights
        self.bias = bias
        self.thresholds = thresholds
        self.relevance_model = relevance_model
        self.relevance_power = relevance_power
        self.tagger = tagger if tagger_weight > 0 else None
        self.tagger_weight = tagger_weight
        self.table = surface_table()

    @classmethod
    def load(cls, path: Path = MODEL) -> ArgumentFinder:
        model = json.loads(Path(path).read_text(encoding="utf-8"))
        rel = model.get("relevance")
        relevance_model = None
        if rel:
            relevance_model = ({f: i for i, f in enumerate(rel["features"])}, np.asarray(rel["weights"], dtype=np.float32),
                               np.asarray(rel["bias"], dtype=np.float32), rel["threshold"])
        tagger_config = model.get("tagger") or {}
        weight = tagger_config.get("weight", 0.0)
        tagger = RoleTagger.load(Path(path).parent / tagger_config["dir"]) if weight > 0 else None
        return cls({f: i for i, f in enumerate(model["features"])}, np.asarray(model["weights"], dtype=np.float32),
                   np.asarray(model["bias"], dtype=np.float32), model["thresholds"], relevance_model,
                   (rel or {}).get("power", 1.0), tagger, weight)

    def probabilities(self, feats: list[list[str]]) -> np.ndarray:
        """Class probabilities (rows: candidates, columns: CLASSES)."""
        return _softmax(self.vocab, self.weights, self.bias, feats)

    def relevance(self, doc: Doc) -> float:
        """Probability that `doc` reports an incident (an attack the article is about), 1.0 without a model."""
        if self.relevance_model is None:
            return 1.0
        vocab, weights, bias, _ = self.relevance_model
        return float(_softmax(vocab, weights, bias, [relevance_features(doc)])[0, 1])

    def scored(self, doc: Doc, tag: bool = True, sentences: set[int] | None = None) -> list[tuple[str, str, float, int, int]]:
        """(phrase, role, probability, start, end) of each candidate phrase and role it may fill;
        with the role tagger's spans and probabilities unless `tag` is False or there is none.
        `sentences` (sentence numbers) limits both to those sentences."""
        found = candidates(doc, self.table, sentences)
        spans = [(c.text, c.start, c.end) for c in found]
        probs = self.probabilities([c.feats for c in found]) if found else np.zeros((0, len(CLASSES)), dtype=np.float32)
        if tag and self.tagger is not None:
            only = None if sentences is None else [(s.start, s.end) for n, s in enumerate(doc.sents) if n in sentences]
            # lower-cased as in MUC-4, the tagger's only training text: its word shapes never saw a capital
            token_probs = self.tagger.probabilities([t.lower_ for t in doc], only)
            spans, probs = with_tagger(spans, probs, self.tagger, token_probs, self.tagger_weight,
                                       lambda s, e: doc[s:e].text.lower())
        return role_scores(spans, probs) if spans else []

    def roles(self, doc: Doc, scored: list[tuple[str, str, float, int, int]] | None = None,
              tag: bool = True) -> dict[str, list[str]]:
        """Role -> filler strings for the attacks of `doc`; empty when it reports no incident.
        `tag` False leaves the role tagger out, as a config's attack-arguments stage may."""
        relevance = self.relevance(doc)
        if self.relevance_model and relevance < self.relevance_model[3]:
            return {}
        weight = relevance**self.relevance_power
        if scored is None:
            # the tagger costs most of this stage: skip it where no phrase could clear a threshold
            scored = self.scored(doc, tag=tag and weight >= min(self.thresholds.values(), default=0.0))
        return select(scored, self.thresholds, weight)


MIN_SCORE = 0.02  # below every role threshold the trainer tries


def with_tagger(spans: list[tuple[str, int, int]], probs: np.ndarray, tagger: RoleTagger, token_probs: np.ndarray,
                weight: float, text_of) -> tuple[list[tuple[str, int, int]], np.ndarray]:
    """Candidates and class probabilities mixed with the tagger's: each candidate's role
    probability becomes (1 - weight) x its own + weight x the tagger's span probability, and the
    spans the tagger's most likely tags make that are no candidate join with the tagger's part."""
    known = {(s, e) for _, s, e in spans}
    extra = [(s, e) for s, e, _ in tagger.spans(token_probs) if (s, e) not in known]
    extra = list(dict.fromkeys(extra))
    spans = spans + [span for span in ((text_of(s, e), s, e) for s, e in extra) if span[0].strip()]
    own = np.zeros((len(spans), len(CLASSES)), dtype=np.float32)
    own[:len(probs)] = probs
    tagged = tagger.span_scores(token_probs, np.array([s for _, s, _ in spans]), np.array([e for _, _, e in spans]))
    mixed = own.copy()
    mixed[:, 1:] = (1 - weight) * own[:, 1:] + weight * tagged
    return spans, mixed


def role_scores(spans: list[tuple[str, int, int]], probs: np.ndarray) -> list[tuple[str, str, float, int, int]]:
    """Every (phrase, role) whose probability reaches MIN_SCORE, if the phrase `may_fill` a role,
    and not only its most likely role: a "guerrilla group" at 0.40 PerpInd and 0.45 PerpOrg may
    clear the PerpInd threshold only; `select` then keeps one role per stretch of text."""
    rows, cols = np.nonzero(probs[:, 1:] >= MIN_SCORE)
    return [(spans[r][0], ROLES[c], float(probs[r, c + 1]), spans[r][1], spans[r][2]) for r, c in zip(rows, cols)
            if may_fill(spans[r][0])]


def may_fill(text: str) -> bool:
    """A filler names a thing: ".38" of ".38 caliber" or "12" of "12-gauge" does not, nor a span
    the tagger ends on a function word ("car loaded with", "railroad bridge between")."""
    words = text.split()
    return bool(words) and any(c.isalpha() for c in text) and words[-1] not in FUNCTION_WORDS


def select(scored: list[tuple], thresholds: dict[str, float], weight: float = 1.0) -> dict[str, list[str]]:
    """Fillers whose probability times `weight` clears their role's threshold, best first; a phrase
    overlapping one kept before it is dropped ("shining path" and "path terrorist"), and so is a
    second string with the head word of a kept one in the same role ("presidential farm" and
    "santo tomas presidential farm" name one entity, and a second string for it is a false positive)."""
    kept_tokens: set[int] = set()
    heads: set[tuple[str, str]] = set()
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    for item in sorted(scored, key=lambda s: -s[2]):
        text, role, prob = item[:3]
        start, end = item[3:5] if len(item) >= 5 else (None, None)
        if prob * weight < thresholds[role]:
            continue
        tokens = set(range(start, end)) if start is not None else set()
        key = (role, text.split()[-1])
        if key in heads or tokens & kept_tokens or text in found[role]:
            continue
        heads.add(key)
        kept_tokens |= tokens
        found[role].append(text)
    return found


def _softmax(vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray, feats: list[list[str]]) -> np.ndarray:
    logits = np.tile(bias, (len(feats), 1))
    rows = [[vocab[f] for f in fs if f in vocab] for fs in feats]
    lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
    if lengths.sum():
        # one gather and one segment sum for all rows; rows without a known feature keep the bias
        ids = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(lengths.sum()))
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        nonempty = lengths > 0
        logits[nonempty] += np.add.reduceat(weights[ids], starts[nonempty], axis=0)
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=1, keepdims=True)


LEAD_SENTENCES = 3  # news puts the incident it reports in the lead


def relevance_features(doc: Doc) -> list[str]:
    """Words of the lead and of the whole article, and the event types told in each."""
    feats: set[str] = set()
    for i, sent in enumerate(doc.sents):
        if i < LEAD_SENTENCES:
            feats.update(f"w={t.lower_}" for t in sent if t.is_alpha)
        feats.update(f"d={t.lower_}" for t in sent if t.is_alpha and t.lower_ not in FUNCTION_WORDS)
    lead_end = sum(1 for _ in zip(range(LEAD_SENTENCES), doc.sents))
    for e in doc._.events or []:
        kind = f"{e.type}/{e.mode or '-'}/{e.modality}"
        feats.add(f"e={kind}")
        if e.sentence < lead_end:
            feats.add(f"lead={kind}")
    feats.add(f"attack={reports_attack(doc)}")
    return sorted(feats)


def reports_attack(doc: Doc) -> bool:
    """Whether the events stage found an attack that took place in `doc`."""
    return any(e.type in ATTACK_TYPES and e.modality in OCCURRED for e in doc._.events or [])
