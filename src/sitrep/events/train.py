"""Train the events stage's learned parts on open data: `python -m sitrep.events.train`.

Today that is the argument model (`arguments.py`), trained on MUC-4 train (public domain):
every candidate phrase of an incident document is labelled with the role whose gold filler it
equals, or NONE, and a multinomial logistic regression is fitted in numpy (full-batch Adam,
L2, fixed seed). Each role's probability threshold is chosen on a hold-out fifth of train,
through the whole pipeline (the events stage decides which documents report an attack), then
the model is refitted on all of train. MUC-4 dev is never read here.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import click
import numpy as np

from sitrep.events.arguments import (
    CLASSES,
    MODEL,
    ROLES,
    ArgumentFinder,
    candidates,
    relevance_features,
    select,
)
from sitrep.events.lexicon import surface_table

DEFAULT_TRAIN = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "muc4" / "train.json"
SEED = 13
HOLDOUT = 0.2
MIN_FEATURE_COUNT = 2  # a feature seen once is one document's name, not a pattern
MIN_WEIGHT = 0.02  # features whose weights all stay below this are dropped when saving (3.2 -> 1.0 MB, same dev F1)
L2 = 1e-4
STEPS = 400
LEARNING_RATE = 0.1
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.8, 0.05))
RELEVANCE_THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def read_muc(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).open(encoding="utf-8") if line.strip()]


def _docs(nlp, records: list[dict]):
    from sitrep.pipeline import run_many

    return run_many(nlp, ((r["doctext"], None) for r in records))


def relevance_examples(nlp, records: list[dict]) -> tuple[list[list[str]], list[int]]:
    """Document features and whether the document reports an incident (a filled template)."""
    feats, labels = [], []
    for rec, doc in zip(records, _docs(nlp, records)):
        feats.append(relevance_features(doc))
        labels.append(int(any(rec["extracts"].get(role) for role in ROLES)))
    return feats, labels


def examples(nlp, records: list[dict]) -> tuple[list[list[str]], list[int]]:
    """Feature lists and class indices of every candidate in the incident documents."""
    table = surface_table()
    feats, labels = [], []
    incident = [r for r in records if any(r["extracts"].get(role) for role in ROLES)]
    for rec, doc in zip(incident, _docs(nlp, incident)):
        gold = {}
        for role in ROLES:
            for entity in rec["extracts"].get(role, []):
                for mention in entity:
                    gold.setdefault(_norm(mention[0]), role)
        for _chunk, options in candidates(doc, table):
            for span, fs in options:
                feats.append(fs)
                labels.append(CLASSES.index(gold.get(_norm(span.text), "NONE")))
    return feats, labels


def fit(feats: list[list[str]], labels: list[int], n_classes: int = len(CLASSES)) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(feature names, weights [features x classes], bias) of a softmax regression."""
    counts = Counter(f for fs in feats for f in set(fs))
    names = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(names)}
    rows = [[index[f] for f in fs if f in index] for fs in feats]
    ids = np.fromiter((i for r in rows for i in r), dtype=np.int64)
    row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    y = np.eye(n_classes, dtype=np.float32)[labels]
    rng = np.random.default_rng(SEED)
    w = rng.normal(0, 0.01, (len(names), n_classes)).astype(np.float32)
    b = np.zeros(n_classes, dtype=np.float32)
    m_w, v_w, m_b, v_b = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    for step in range(1, STEPS + 1):
        logits = np.zeros((len(rows), n_classes), dtype=np.float32) + b
        for c in range(n_classes):
            logits[:, c] += np.bincount(row_of, weights=w[ids, c], minlength=len(rows))
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        d = (p - y) / len(rows)
        g_w = np.stack([np.bincount(ids, weights=d[row_of, c], minlength=len(names)) for c in range(n_classes)], axis=1)
        g_w = g_w.astype(np.float32) + L2 * w
        g_b = d.sum(axis=0)
        for param, grad, m, v in ((w, g_w, m_w, v_w), (b, g_b, m_b, v_b)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return names, w, b


def choose_thresholds(nlp, finder: ArgumentFinder, records: list[dict]) -> dict[str, dict]:
    """The relevance threshold and per-role thresholds with the best F1 on `records`, through the pipeline."""
    from sitrep.eval.events import _score_role
    from sitrep.events.arguments import reports_attack

    docs = [(rec, finder.scored(doc) if reports_attack(doc) else None, finder.relevance(doc))
            for rec, doc in zip(records, _docs(nlp, records))]
    best: dict[str, dict] = {}
    best_total = -1.0
    for t_rel in RELEVANCE_THRESHOLDS:
        chosen, total = {}, Counter()
        for role in ROLES:
            scores = {}
            for t in THRESHOLDS:
                counts: Counter = Counter()
                for rec, scored, rel in docs:
                    keep = scored is not None and rel >= t_rel
                    predicted = select(scored, {r: (t if r == role else 2.0) for r in ROLES})[role] if keep else []
                    _score_role(predicted, rec["extracts"].get(role, []), counts)
                scores[t] = (_f1(counts), counts)
            t = max(scores, key=lambda k: scores[k][0])
            chosen[role] = {"threshold": float(t), "holdout_f1": round(scores[t][0], 4)}
            total += scores[t][1]
        if _f1(total) > best_total:
            best_total = _f1(total)
            best = {"relevance": {"threshold": float(t_rel), "holdout_role_f1": round(best_total, 4)}, **chosen}
    return best


def _f1(counts: Counter) -> float:
    p = counts["tp"] / max(counts["tp"] + counts["fp"], 1)
    r = counts["tp"] / max(counts["tp"] + counts["fn"], 1)
    return 2 * p * r / max(p + r, 1e-9)


def train(train_path: Path = DEFAULT_TRAIN, out: Path = MODEL) -> dict:
    from sitrep.eval.events import default_pipeline

    nlp = default_pipeline()
    records = read_muc(train_path)
    shuffled = records[:]
    random.Random(SEED).shuffle(shuffled)
    cut = int(len(shuffled) * (1 - HOLDOUT))
    names, w, b = fit(*examples(nlp, shuffled[:cut]))
    rel_names, rel_w, rel_b = fit(*relevance_examples(nlp, shuffled[:cut]), n_classes=2)
    finder = ArgumentFinder({f: i for i, f in enumerate(names)}, w, b, {},
                            relevance_model=({f: i for i, f in enumerate(rel_names)}, rel_w, rel_b, 0.0))
    chosen = choose_thresholds(nlp, finder, shuffled[cut:])
    names, w, b = fit(*examples(nlp, records))
    rel_names, rel_w, rel_b = fit(*relevance_examples(nlp, records), n_classes=2)
    model = {
        "source": "MUC-4 train (public domain)", "documents": len(records), "seed": SEED,
        "pipeline": [name for name, _ in nlp.pipeline], "classes": list(CLASSES), "holdout": chosen,
        "thresholds": {role: chosen[role]["threshold"] for role in ROLES},
        "bias": [round(float(x), 4) for x in b], **_pruned(names, w),
        "relevance": {"threshold": chosen["relevance"]["threshold"], "bias": [round(float(x), 4) for x in rel_b],
                      **_pruned(rel_names, rel_w)},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    return model


def _pruned(names: list[str], w: np.ndarray) -> dict[str, list]:
    keep = np.abs(w).max(axis=1) >= MIN_WEIGHT
    return {"features": [n for n, k in zip(names, keep) if k],
            "weights": [[round(float(x), 3) for x in row] for row, k in zip(w, keep) if k]}


@click.command("train-events")
@click.option("--muc4-train", "train_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_TRAIN,
              show_default=True, help="MUC-4 train split, one JSON document per line.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=MODEL, show_default=True)
def train_events_command(train_path: Path, out: Path) -> None:
    """Train the events stage's argument model on MUC-4 train."""
    model = train(train_path, out)
    click.echo(f"wrote {out}: {len(model['features'])} features")
    for role, m in model["holdout"].items():
        click.echo(f"  {role:<9} threshold {m['threshold']:.2f}  hold-out F1 {m.get('holdout_f1', m.get('holdout_role_f1')):.3f}")


if __name__ == "__main__":
    train_events_command()
