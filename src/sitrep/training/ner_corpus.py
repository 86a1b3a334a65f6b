"""Turn the open NER corpora into spaCy Docs with sitrep's labels, harmonised.

Each source annotates some of sitrep's labels. Gold spans are mapped (``labels.py``),
trimmed to OntoNotes-style boundaries, and completed with weak spans (``weak.py``) for the
labels the source leaves out; words that the source cannot have judged (re3d's nominal
"U.S. service members", weapon nouns in sources without WEAPON) are left *missing*, so
the model is neither rewarded nor punished there.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import corpora, paths
from .corpora import NerSample
from .labels import (
    CONLL_MAP,
    GUM_ANNOTATES,
    GUM_MAP,
    PER_ORG_PLACE,
    PLACE,
    RE3D_ANNOTATES,
    RE3D_MAP,
    TITLES,
    WNUT_MAP,
    country_names,
    demonym_names,
    is_name_like,
    split_place,
    strip_span,
)
from .weak import ARMS_WORDS, numeric_spans, weak_spans

Span3 = tuple[int, int, str]
DEV_EVERY = 10  # hold out every 10th document of sources that ship no dev split
RE3D_REPEAT = 3  # re3d is the only conflict-domain source: show it three times per epoch
WIKIGOLD_REPEAT = 2  # edited encyclopaedic prose, the closest open set to newswire
# All BTC sections. Keeping only E (MH17) and G (news) scored 0.9 higher on newswire but
# 7 lower on WNUT17 and 0.4 lower on GUM: not worth the narrower model (docs/model-card.md).
BTC_SECTIONS = ("a", "b", "e", "f", "g", "h")
USE_WNUT = True  # WNUT17: without it, newswire F1 fell 4.4 points (docs/model-card.md)
NAMED_UPOS = frozenset({"PROPN"})
PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "this", "that", "these", "those"])
AMOUNT_PRIORITY = ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
SOCIAL_MARKS = frozenset({"@", "#"})


def finish_label(words: list[str], start: int, end: int, label: str) -> Span3 | None:
    """Trim a mapped span and resolve PLACE; None when nothing of it is left."""
    start, end = strip_span(words, start, end, label)
    if start >= end:
        return None
    text = " ".join(words[start:end])
    if label == PLACE:
        label = split_place(text)
    elif label == "ORG" and text.lower() in country_names():
        label = "GPE"  # a country acting ("the United States said") is GPE, as in OntoNotes
    return (start, end, label)


def retype_numeric(words: list[str], start: int, end: int, default: str) -> str:
    """The label the numeric patterns give a gold span ("10" is CARDINAL, "10 km" QUANTITY)."""
    found = {label for _, _, label in numeric_spans(words[start:end])}
    if default in ("DATE", "TIME"):
        return "TIME" if "TIME" in found and "DATE" not in found else "DATE"
    return next((label for label in AMOUNT_PRIORITY if label in found), default)


def harmonise(
    words: list[str], gold: list[Span3], annotates: frozenset[str], missing: list[Span3]
) -> tuple[list[Span3], list[Span3]]:
    """Complete gold spans with weak spans for the labels the source does not annotate.

    RETURNS (tuple): The entity spans and the spans whose words are left missing.
    """
    taken = [False] * len(words)
    for start, end, _ in gold + missing:
        for i in range(start, end):
            taken[i] = True
    spans = list(gold)
    for start, end, label in weak_spans(words):
        if label not in annotates and not any(taken[start:end]):
            spans.append((start, end, label))
            for i in range(start, end):
                taken[i] = True
    if "WEAPON" not in annotates:
        missing = missing + [
            (i, i + 1, "") for i, w in enumerate(words) if w.lower() in ARMS_WORDS and not taken[i]
        ]
    return spans, missing


def to_doc(nlp: Language, words: list[str], spaces: list[bool] | None,
           spans: list[Span3], missing: list[Span3]) -> Doc:
    """Build a Doc whose entities are ``spans``, ``missing`` words unknown, the rest O."""
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    ents = filter_spans([Span(doc, s, e, label=lab) for s, e, lab in spans])
    ent_tokens = {i for ent in ents for i in range(ent.start, ent.end)}
    unknown_ids = {i for s, e, _ in missing for i in range(s, e)} - ent_tokens
    unknown = [Span(doc, i, i + 1) for i in sorted(unknown_ids)]
    doc.set_ents(ents, missing=unknown, default="outside")
    return doc


# --- per-source conversion -------------------------------------------------------------


def gum_docs(nlp: Language, split: str) -> Iterator[Doc]:
    """GUM sentences: named person/organization/place mentions, dates and times."""
    for sample in corpora.read_gum(paths.ud_file(paths.GUM_DIR, split)):
        gold = gum_gold_spans(sample)
        spans, missing = harmonise(sample.words, gold, GUM_ANNOTATES, [])
        yield to_doc(nlp, sample.words, sample.spaces, spans, missing)


def gum_gold_spans(sample: NerSample) -> list[Span3]:
    """sitrep entities of a GUM sample: the names inside its named mentions, dates, times.

    A person / organization / place mention counts when its head is a proper noun; the
    entity is the run of proper nouns around the head ("Bob McDonnell" out of "Virginia
    Governor Bob McDonnell, who ..."). Plural person mentions are groups ("Libertarians"):
    NORP when they are nationality words, else left out.
    """
    upos, feats = sample.extra["upos"], sample.extra["feats"]
    gold = []
    for start, end, etype, head in sample.extra["mentions"]:
        label = GUM_MAP.get(etype)
        if label is None:
            continue
        if label == "DATE" and end - start > MAX_TIME_MENTION:
            inner = numeric_spans(sample.words[start:end])
            gold.extend((start + s, start + e, lab) for s, e, lab in inner if lab in ("DATE", "TIME"))
            continue
        if label == "DATE":
            label = _gum_time_label(sample.words, start, end, upos[head])
            span = finish_label(sample.words, start, end, label) if label else None
        elif upos[head] in NAMED_UPOS and sample.words[head][:1].isupper():
            s, e = _name_run(sample.words, upos, start, end, head)
            if " ".join(sample.words[s:e]) in demonym_names():
                label = "NORP"
            elif label == "PERSON" and "Number=Plur" in feats[head]:
                continue
            span = finish_label(sample.words, s, e, label)
            if span and sample.words[span[1] - 1].lower() in TITLES:
                span = None  # a title, not a name ("Attorney General", "U.S. Senator")
        else:
            continue
        if span:
            gold.append(span)
    return longest_first(gold)


MAX_TIME_MENTION = 6  # longer time mentions are descriptions; keep only the dates inside

NAME_CONNECTORS = frozenset({"of", "de", "del", "la", "du", "von", "van", "al", "bin", "-", "&", "and"})


def _name_run(words: list[str], upos: list[str], start: int, end: int, head: int) -> tuple[int, int]:
    """The proper-noun run holding ``head`` inside ``[start, end)``, through "of", "&", "-"."""
    def is_name(i: int) -> bool:
        # GUM tags "United" (States) VERB and "Museum" (of Flight) NOUN: capitals count,
        # except on a sentence's first word
        return upos[i] == "PROPN" or (i > 0 and upos[i] != "PRON" and words[i][:1].isupper())

    s = head
    while s - 1 >= start and (
        is_name(s - 1) or (words[s - 1] in NAME_CONNECTORS and s - 2 >= start and is_name(s - 2))
    ):
        s -= 1
    e = head + 1
    while e < end and (
        is_name(e) or (words[e] in NAME_CONNECTORS and e + 1 < end and is_name(e + 1))
    ):
        e += 1
    return s, e


def longest_first(spans: list[Span3]) -> list[Span3]:
    """Drop spans overlapping a longer one ("Portsmouth" inside "University of Portsmouth")."""
    kept: list[Span3] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept)


def _gum_time_label(words: list[str], start: int, end: int, upos: str) -> str | None:
    """DATE or TIME for a GUM time mention that names a date; None for "that moment"."""
    found = {label for _, _, label in numeric_spans(words[start:end])}
    if "TIME" in found and "DATE" not in found:
        return "TIME"
    if found & {"DATE", "CARDINAL"} or upos in {"PROPN", "NUM"}:
        return "DATE"
    return None


def re3d_docs(nlp: Language, dev: bool) -> Iterator[Doc]:
    """re3d documents (train: 9 in 10 by hash of the id; dev: the rest)."""
    for sample in corpora.read_re3d(paths.RE3D_DIR):
        if _is_dev(sample.doc_id) != dev:
            continue
        tokens = nlp.make_doc(sample.text)
        words = [t.text for t in tokens]
        spaces = [bool(t.whitespace_) for t in tokens]
        gold, missing = [], []
        for begin, end, raw in sample.spans:
            label = RE3D_MAP.get(raw)
            span = tokens.char_span(begin, end, alignment_mode="expand")
            if label is None or span is None:
                continue
            if label in ("MONEY", "QUANTITY", "DATE"):
                label = retype_numeric(words, span.start, span.end, label)
            done = finish_label(words, span.start, span.end, label)
            if done is None:
                continue
            text_words = words[done[0]:done[1]]
            if done[2] in PER_ORG_PLACE and not is_name_like(text_words):
                missing.append(done)  # a description ("the Army", "rebels"), not a name
            elif len(text_words) == 1 and text_words[0].lower() in PRONOUNS:
                continue
            else:
                gold.append(done)
        spans, missing = harmonise(words, gold, RE3D_ANNOTATES, missing)
        for _ in range(1 if dev else RE3D_REPEAT):
            yield to_doc(nlp, words, spaces, spans, missing)


def conll_docs(nlp: Language, samples: Iterable[NerSample], mapping: dict[str, str],
               annotates: frozenset[str]) -> Iterator[Doc]:
    """CoNLL-format sentences (WNUT17, wikigold, BTC) mapped with ``mapping``."""
    for sample in samples:
        gold: list[Span3] = []
        missing: list[Span3] = []
        for start, end, raw in sample.spans:
            label = mapping.get(raw)
            if label == "NORP" and " ".join(sample.words[start:end]) not in demonym_names():
                label = None  # CoNLL MISC beyond nationality words is not ours
            if label is None:
                continue
            span = finish_label(sample.words, start, end, label)
            if span is None:
                continue
            words = sample.words[span[0]:span[1]]
            if words[0][:1] in SOCIAL_MARKS:
                missing.append(span)  # @user and #tag names are not news names
            elif span[2] in ("GPE", "LOC") and " ".join(words) in demonym_names():
                gold.append((span[0], span[1], "NORP"))  # BTC marks "Nigerians" as LOC
            else:
                gold.append(span)
        spans, missing = harmonise(sample.words, gold, annotates, missing)
        yield to_doc(nlp, sample.words, None, spans, missing)


def _is_dev(key: str) -> bool:
    """A stable 1-in-DEV_EVERY choice by the CRC32 of ``key``."""
    return zlib.crc32(key.encode("utf8")) % DEV_EVERY == 0


def _split(samples: Iterable[NerSample], dev: bool) -> Iterator[NerSample]:
    """Samples of the dev (or train) part, chosen by position-independent hashing of words."""
    for sample in samples:
        if _is_dev(" ".join(sample.words)) == dev:
            yield sample


def ner_docs(split: str) -> Iterator[Doc]:
    """All open NER training ('train') or development ('dev') Docs."""
    nlp = spacy.blank("en")
    dev = split == "dev"
    yield from gum_docs(nlp, split)
    yield from re3d_docs(nlp, dev)
    if USE_WNUT:
        wnut_file = paths.WNUT_DIR / ("emerging.dev.conll" if dev else "wnut17train.conll")
        yield from conll_docs(nlp, corpora.read_conll(wnut_file), WNUT_MAP, PER_ORG_PLACE)
    for _ in range(1 if dev else WIKIGOLD_REPEAT):
        wikigold = _split(corpora.read_conll(paths.WIKIGOLD_FILE), dev)
        yield from conll_docs(nlp, wikigold, CONLL_MAP, PER_ORG_PLACE | {"NORP"})
    for section in BTC_SECTIONS:
        btc = _split(corpora.read_conll(paths.BTC_DIR / f"{section}.conll"), dev)
        yield from conll_docs(nlp, btc, CONLL_MAP, PER_ORG_PLACE)
