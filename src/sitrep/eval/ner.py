"""`sitrep eval ner`: exact-span precision, recall and F1 of named entities, per label.

Reads every NER format in ../shared/data and maps its labels to sitrep's:

- a ``.conllu`` file with GUM's ``Entity=`` markup: named person / organization / place
  mentions and date / time mentions, converted as for training (``sitrep.training``);
- a re3d folder (``entities.json`` + ``documents.json``) or a parent of several;
- en_worldwide_newswire_ner's ``processed_annotated`` folder (or the folder holding it);
- any other file (or folder of files): CoNLL ``token<TAB>label`` or ``token label`` in
  BIO, IOB1 or BIOES.

Label mapping (case-insensitive): PER/Person -> PERSON; ORG/Organization/Organisation/
corporation/group -> ORG; LOC/Location -> PLACE; GPE, FAC/Facility, NORP/Nationality,
DATE/Temporal, TIME, MONEY, QUANTITY, PERCENT, CARDINAL, WEAPON, MilitaryPlatform ->
MILITARY_VEHICLE as named; everything else (MISC, Product, creative-work, Vehicle, ...) is
not scored. When the gold data has a coarser label than sitrep, predictions are merged the
same way: GPE and LOC (and FAC if the data has no facility label) count as PLACE, TIME as
DATE if the data has no TIME, CARDINAL and PERCENT as QUANTITY if it has no CARDINAL.
Only labels present in the gold data are scored; other predictions are ignored.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from sitrep.errors import Errors, SitrepError
from sitrep.training import corpora
from sitrep.training.corpora import NerSample
from sitrep.training.labels import PLACE

CharSpan = tuple[int, int, str]

RAW_LABELS = {
    "per": "PERSON", "person": "PERSON",
    "org": "ORG", "organization": "ORG", "organisation": "ORG", "corporation": "ORG", "group": "ORG",
    "loc": PLACE, "location": PLACE, "place": PLACE,
    "gpe": "GPE", "fac": "FAC", "facility": "FAC",
    "norp": "NORP", "nationality": "NORP",
    "date": "DATE", "temporal": "DATE", "time": "TIME",
    "money": "MONEY", "quantity": "QUANTITY", "percent": "PERCENT", "cardinal": "CARDINAL",
    "weapon": "WEAPON", "militaryplatform": "MILITARY_VEHICLE",
    "military_vehicle": "MILITARY_VEHICLE",
}
GOAL_LABELS = ("PERSON", "ORG", PLACE)  # the issue's goal: PERSON, ORG and place entities
BATCH_SIZE = 256


@dataclass
class GoldText:
    """A text with its gold entities as character spans in sitrep's labels."""

    text: str
    spans: list[CharSpan]


def run(data: Path, *, nlp: Language | None = None, limit: int | None = None,
        config: str | None = None) -> dict[str, Any]:
    """Score a pipeline's entities against gold data.

    data (Path): A gold NER file or folder in one of the formats above.
    nlp (Language | None): The pipeline; if None, the names part of sitrep's config (`load_names`).
    limit (int | None): Only the first ``limit`` texts (sentences or documents).
    config (str | None): The sitrep config whose names are scored; the default config if None.
    RETURNS (dict): Per-label and averaged P/R/F1, error counts, words/s.
    """
    golds = list(read_gold(Path(data), limit))
    if not golds:
        raise SitrepError(Errors.E801.format(path=data))
    nlp = nlp if nlp is not None else load_names(config)
    started = time.process_time()
    predicted = list(predict(nlp, [g.text for g in golds]))
    seconds = time.process_time() - started
    merge = label_merges({label for g in golds for _, _, label in g.spans})
    scored = {merge.get(label, label) for g in golds for _, _, label in g.spans}
    metrics = score(golds, predicted, merge, scored)
    words = sum(len(g.text.split()) for g in golds)
    metrics.update(
        texts=len(golds),
        words=words,
        words_per_second=round(words / seconds, 1) if seconds else None,
        format=detect_format(Path(data)),
        model=nlp.meta.get("name", ""),
    )
    return metrics


def report(metrics: dict[str, Any]) -> str:
    """A table of per-label P/R/F1 with micro and macro averages."""
    lines = [
        (
            f"NER on {metrics.get('data', '')} ({metrics['format']}, {metrics['texts']} texts, "
            f"{metrics['words']} words, {metrics['words_per_second']} words/s of one core's CPU time)"
        ),
        f"{'label':<18}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}{'pred':>7}",
    ]
    for label, row in sorted(metrics["per_label"].items()):
        lines.append(
            f"{label:<18}{row['p']:>7.3f}{row['r']:>7.3f}{row['f']:>7.3f}{row['gold']:>7}{row['pred']:>7}"
        )
    for name in ("micro", "macro", "goal"):
        row = metrics.get(name)
        if row:
            label = "PER+ORG+PLACE" if name == "goal" else name
            lines.append(f"{label:<18}{row['p']:>7.3f}{row['r']:>7.3f}{row['f']:>7.3f}")
    errors = metrics["errors"]
    lines.append("errors: " + ", ".join(f"{k} {v}" for k, v in errors.items()))
    return "\n".join(lines)


# --- reading ------------------------------------------------------------------------------


def detect_format(path: Path) -> str:
    """'re3d', 'newswire', 'conllu' or 'conll', from the path's shape."""
    if path.is_dir():
        if corpora.re3d_folders(path):
            return "re3d"
        if (path / "processed_annotated").is_dir() or any(path.glob("*.tsv")):
            return "newswire"
        return "conll"
    return "conllu" if path.suffix == ".conllu" else "conll"


def read_gold(path: Path, limit: int | None = None) -> Iterator[GoldText]:
    """Gold texts of any supported format, labels mapped to sitrep's."""
    fmt = detect_format(path)
    if fmt == "re3d":
        items: Iterator[GoldText] = _re3d_gold(path)
    elif fmt == "conllu":
        items = _gum_gold(path)
    elif fmt == "newswire":
        folder = path / "processed_annotated" if (path / "processed_annotated").is_dir() else path
        items = (_words_gold(s) for s in corpora.read_newswire(folder))
    else:
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        items = (_words_gold(s) for f in files for s in corpora.read_conll(f))
    for count, item in enumerate(items):
        if limit is not None and count >= limit:
            return
        yield item


def _words_gold(sample: NerSample) -> GoldText:
    """Join a sample's words with spaces and map its raw labels."""
    starts, pos = [], 0
    spaces = sample.spaces or [True] * len(sample.words)
    for word, space in zip(sample.words, spaces):
        starts.append(pos)
        pos += len(word) + (1 if space else 0)
    text = "".join(w + (" " if s else "") for w, s in zip(sample.words, spaces))
    spans = []
    for start, end, raw in sample.spans:
        label = RAW_LABELS.get(raw.lower())
        if label:
            spans.append((starts[start], starts[end - 1] + len(sample.words[end - 1]), label))
    return GoldText(text, spans)


def _re3d_gold(path: Path) -> Iterator[GoldText]:
    """re3d documents with their entity offsets, labels mapped."""
    for sample in corpora.read_re3d(path):
        spans = {
            (b, e, RAW_LABELS[raw.lower()]) for b, e, raw in sample.spans if raw.lower() in RAW_LABELS
        }
        yield GoldText(sample.text, sorted(spans))


def _gum_gold(path: Path) -> Iterator[GoldText]:
    """GUM sentences with their named mentions converted as for training."""
    from sitrep.training.ner_corpus import gum_gold_spans

    for sample in corpora.read_gum(path):
        spans = gum_gold_spans(sample)
        gold = _words_gold(NerSample(sample.words, spans, spaces=sample.spaces))
        # GUM has one "place" type: its GPE / LOC / FAC split is sitrep's own, so score PLACE
        gold.spans = [(b, e, PLACE if lab in ("GPE", "LOC", "FAC") else lab) for b, e, lab in gold.spans]
        yield gold


# --- predicting and scoring ---------------------------------------------------------------


SYNTAX_PIPES = ["tagger", "morphologizer", "trainable_lemmatizer", "parser"]


def load_names(config: str | None = None) -> Language:
    """What sets the names in a sitrep config: its base pipeline without the syntax components,
    and the encoder NER stage when the config has it; sitrep's later stages are left out.

    The default config scores the encoder NER, `--config fast` en_sitrep's CNN NER.
    """
    from sitrep.pipeline import load, read_config

    settings, _ = read_config(config)
    stages = [s for s in settings["stages"] if s == "sitrep_encoder_ner"]
    exclude = sorted(set(settings.get("exclude", [])) | set(SYNTAX_PIPES))
    nlp = load(config, stages=stages, exclude=exclude)
    if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")  # the syntax and CNN NER it fed are left out: it would run for nothing
    return nlp


def load_ner() -> Language:
    """en_sitrep's own NER (tokenizer, the shared CNN, ner, place ruler), whatever the config."""
    from sitrep.pipeline import load_base
    from sitrep.training.paths import MODEL_DIR

    nlp = load_base(str(MODEL_DIR))
    keep = {"tok2vec", "ner", "place_ruler"}
    nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in keep])
    return nlp


def predict(nlp: Language, texts: list[str]) -> Iterator[list[CharSpan]]:
    """Predicted entity character spans of each text.

    A pipeline built by ``sitrep.pipeline.load`` (its meta has "sitrep") runs through
    ``sitrep.pipeline.run_many``, which gives its stages the Doc state they expect.
    """
    if "sitrep" in nlp.meta:
        from sitrep.pipeline import run_many

        docs = run_many(nlp, ((text, None) for text in texts), batch_size=BATCH_SIZE)
    else:
        docs = nlp.pipe(texts, batch_size=BATCH_SIZE)
    for doc in docs:
        yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def label_merges(gold_labels: set[str]) -> dict[str, str]:
    """How predicted labels merge into the gold data's coarser ones."""
    merge: dict[str, str] = {}
    if PLACE in gold_labels:
        merge.update(GPE=PLACE, LOC=PLACE)
        if "FAC" not in gold_labels:
            merge["FAC"] = PLACE
    if "DATE" in gold_labels and "TIME" not in gold_labels:
        merge["TIME"] = "DATE"
    if "QUANTITY" in gold_labels and "CARDINAL" not in gold_labels:
        merge.update(CARDINAL="QUANTITY", PERCENT="QUANTITY")
    return merge


def score(golds: list[GoldText], predicted: list[list[CharSpan]], merge: dict[str, str],
          scored: set[str]) -> dict[str, Any]:
    """Exact span + label matching, per label and averaged, with an error breakdown."""
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = Counter()
    for gold, pred in zip(golds, predicted):
        gold_set = {(b, e, merge.get(lab, lab)) for b, e, lab in gold.spans}
        pred_set = {(b, e, merge.get(lab, lab)) for b, e, lab in pred}
        pred_set = {span for span in pred_set if span[2] in scored}
        for span in gold_set & pred_set:
            tp[span[2]] += 1
        for span in pred_set - gold_set:
            fp[span[2]] += 1
        for span in gold_set - pred_set:
            fn[span[2]] += 1
        _count_errors(gold_set - pred_set, pred_set - gold_set, errors)
    per_label = {label: _prf(tp[label], fp[label], fn[label]) for label in sorted(scored)}
    goal = [label for label in GOAL_LABELS if label in scored]
    return {
        "per_label": per_label,
        "micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "macro": _macro(per_label),
        "goal": _prf(sum(tp[x] for x in goal), sum(fp[x] for x in goal), sum(fn[x] for x in goal)) if goal else None,
        "errors": dict(errors),
        "label_merges": merge,
    }


def _count_errors(missed: set[CharSpan], spurious: set[CharSpan], errors: Counter) -> None:
    """Classify unmatched spans: wrong label (same span), boundary (overlap), missed, spurious."""
    spurious_left = set(spurious)
    for b, e, label in missed:
        same = next((s for s in spurious_left if s[0] == b and s[1] == e), None)
        overlap = same or next((s for s in spurious_left if s[0] < e and b < s[1]), None)
        if same:
            errors["wrong_label"] += 1
        elif overlap:
            errors["boundary"] += 1
        else:
            errors["missed"] += 1
        if overlap:
            spurious_left.discard(overlap)
    errors["spurious"] += len(spurious_left)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall, F1 and counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "gold": tp + fn, "pred": tp + fp}


def _macro(per_label: dict[str, dict]) -> dict[str, float]:
    """The unweighted mean over labels with gold entities."""
    rows = [row for row in per_label.values() if row["gold"]]
    if not rows:
        return {"p": 0.0, "r": 0.0, "f": 0.0}
    return {k: round(sum(r[k] for r in rows) / len(rows), 4) for k in ("p", "r", "f")}
