"""Train the events stage's learned parts on open data: `python -m sitrep.events.train`.

Today that is the argument model (`arguments.py`), trained on MUC-4 train (public domain):
every candidate phrase of an incident document is labelled with the role whose gold filler it
equals (after GRIT's normalisation), or NONE, and a multinomial logistic regression is fitted
in numpy (full-batch Adam, L2, fixed seed); a second regression learns whether a document
reports an incident at all. The relevance gate, how much relevance weighs on each phrase, and
each role's threshold are chosen on a hold-out fifth of train, through the whole pipeline (a
gate only where it beats no gate by more than the hold-out's bootstrap standard error); then
both models are refitted on all of train. MUC-4 dev is never read here.

The contextual role tagger (`role_tagger.py`) is fine-tuned first on the same split's training
part (`sitrep.training.muc4_roles`, one thread, about 50 minutes; kept in its work folder,
SPLIT_DIR); the hold-out then also chooses how much its span probabilities weigh against the
phrase model's (TAGGER_WEIGHTS; 0 keeps the phrase model alone). Last, as the phrase models are,
the tagger is fine-tuned again on all of train for the epochs the hold-out chose (about 55
minutes) and exported beside arguments.json: the weight and thresholds chosen with the first
run apply to it (with the same choices, MUC-4 dev 0.472 with the first run's tagger, 0.484
with this one, in session 7).

The pipeline the documents run through is `sitrep.eval.events.default_pipeline("muc4")`, the
one the evaluation scores with: en_sitrep's tagger and parser under the events stages, since
the phrase model reads the parse.

The pipeline runs once per document; candidate features are kept as integer ids.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections import Counter
from pathlib import Path

import click
import numpy as np

from sitrep.entities.encoder import LABELS_FILE
from sitrep.events.arguments import (
    CLASSES,
    MIN_SCORE,
    MODEL,
    ROLES,
    ArgumentFinder,
    _softmax,
    candidates,
    relevance_features,
    role_scores,
    select,
    with_tagger,
)
from sitrep.events.lexicon import surface_table
from sitrep.events.role_tagger import RoleTagger
from sitrep.training import muc4_roles

DEFAULT_TRAIN = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "muc4" / "train.json"
SEED = 13
HOLDOUT = 0.2
MIN_FEATURE_COUNT = 2  # a feature seen once is one document's name, not a pattern
MIN_WEIGHT = 0.02  # features whose weights all stay below this are dropped when saving
L2 = 1e-6  # on the mean loss; 1e-4 underfits the phrase model (hold-out role F1 0.41 vs 0.47)
# the document model's L2, chosen by its log loss on the hold-out: as low as the phrase model's,
# it learnt the words of 1,040 articles into probabilities of 0 and 1 (log loss 2.10 against 0.53
# at 1e-2) and its gate dropped 23 of dev's 111 incident articles
RELEVANCE_L2S = (1e-4, 1e-3, 1e-2)
STEPS = 400
LEARNING_RATE = 0.1
THRESHOLDS = (MIN_SCORE, 0.03, *(round(t, 2) for t in np.arange(0.05, 0.9, 0.05)))
RELEVANCE_GATES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
RELEVANCE_POWERS = (0.0, 1.0)  # phrase score = role probability x relevance ** power
TAGGER_DIR = "role_tagger"  # beside arguments.json
TAGGER_WEIGHTS = (0.0, 0.25, 0.375, 0.5, 0.625, 0.75, 1.0)  # phrase role probability = (1 - w) x regression + w x tagger
THRESHOLD_PASSES = 2  # roles compete for tokens, so each role's threshold is re-chosen given the others'
BOOTSTRAP_SAMPLES = 200  # resamples of the hold-out's documents for the standard error of its role F1


def read_muc(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).open(encoding="utf-8") if line.strip()]


def holdout_split(records: list[dict]) -> tuple[list[dict], int]:
    """The records shuffled with SEED, and where the hold-out (the last HOLDOUT of them) begins."""
    shuffled = records[:]
    random.Random(SEED).shuffle(shuffled)
    return shuffled, int(len(shuffled) * (1 - HOLDOUT))


def is_incident(record: dict) -> bool:
    return any(record["extracts"].get(role) for role in ROLES)


class Encoder:
    """Feature strings -> integer ids, growing as documents are read."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __call__(self, feats: list[str]) -> np.ndarray:
        return np.fromiter((self.ids.setdefault(f, len(self.ids)) for f in feats), dtype=np.int32)

    def names(self) -> list[str]:
        return sorted(self.ids, key=self.ids.__getitem__)


def read_documents(records: list[dict], keep_candidates: set[int]) -> tuple[list[dict], Encoder, Encoder]:
    """Run the pipeline over `records`; per document its relevance features and label, and for the
    indices in `keep_candidates` its candidates (span, text, feature ids, class index)."""
    from sitrep.eval.events import _norm, default_pipeline
    from sitrep.pipeline import run_many

    nlp = default_pipeline("muc4")
    table = surface_table()
    enc, rel_enc = Encoder(), Encoder()
    docs = []

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    for n, (rec, doc) in enumerate(zip(records, run_many(nlp, ((r["doctext"], None) for r in records)))):
        item = {"record": rec, "relevance": rel_enc(relevance_features(doc)), "incident": int(is_incident(rec)),
                "article": muc4_roles.article(rec, [(t.text, t.text_with_ws) for t in doc], tokenize)}
        if n in keep_candidates:
            gold = {}
            for role in ROLES:
                for entity in rec["extracts"].get(role, []):
                    for mention in entity:
                        gold.setdefault(_norm(mention[0]), role)
            found = candidates(doc, table)
            item["candidates"] = [(c.text, c.start, c.end) for c in found]
            item["feats"] = [enc(c.feats) for c in found]
            item["labels"] = [CLASSES.index(gold.get(_norm(c.text), "NONE")) for c in found]
        docs.append(item)
    return docs, enc, rel_enc


def fit(feats: list[list[str]], labels: list[int], n_classes: int = len(CLASSES)) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(feature names, weights [features x classes], bias) of a softmax regression over string features."""
    enc = Encoder()
    rows = [enc(fs) for fs in feats]
    return fit_ids(rows, labels, enc.names(), n_classes)


def fit_ids(rows: list[np.ndarray], labels: list[int], names: list[str], n_classes: int = len(CLASSES),
            l2: float | None = None) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Softmax regression over rows of feature ids into `names`; features seen in fewer than
    MIN_FEATURE_COUNT rows are dropped."""
    counts = np.bincount(np.concatenate([np.unique(r) for r in rows] or [np.zeros(0, np.int32)]), minlength=len(names))
    keep = np.flatnonzero(counts >= MIN_FEATURE_COUNT)
    remap = np.full(len(names), -1, dtype=np.int64)
    remap[keep] = np.arange(len(keep))
    rows = [remap[r] for r in rows]
    rows = [r[r >= 0] for r in rows]
    kept_names = [names[i] for i in keep]
    ids = np.concatenate(rows) if rows else np.zeros(0, np.int64)
    row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
    y = np.eye(n_classes, dtype=np.float32)[labels]
    rng = np.random.default_rng(SEED)
    w = rng.normal(0, 0.01, (len(kept_names), n_classes)).astype(np.float32)
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
        g_w = np.stack([np.bincount(ids, weights=d[row_of, c], minlength=len(kept_names)) for c in range(n_classes)], axis=1)
        g_w = g_w.astype(np.float32) + (L2 if l2 is None else l2) * w
        g_b = d.sum(axis=0)
        for param, grad, m, v in ((w, g_w, m_w, v_w), (b, g_b, m_b, v_b)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return kept_names, w, b


def _fit_docs(docs: list[dict], enc: Encoder, rel_enc: Encoder, rel_l2: float):
    """The argument model (on the incident documents' candidates) and the relevance model (on all)."""
    incident = [d for d in docs if d["incident"]]
    arg = fit_ids([f for d in incident for f in d["feats"]], [y for d in incident for y in d["labels"]], enc.names())
    return arg, _fit_relevance(docs, rel_enc, rel_l2)


def _fit_relevance(docs: list[dict], rel_enc: Encoder, l2: float):
    return fit_ids([d["relevance"] for d in docs], [d["incident"] for d in docs], rel_enc.names(), n_classes=2, l2=l2)


def choose_relevance_l2(train_docs: list[dict], holdout: list[dict], rel_enc: Encoder) -> tuple[float, dict[float, float]]:
    """The relevance model's L2 with the lowest log loss on `holdout`, and each one's loss."""
    names = rel_enc.names()
    incident = np.array([d["incident"] for d in holdout])
    losses = {}
    for l2 in RELEVANCE_L2S:
        rel_names, w, b = _fit_relevance(train_docs, rel_enc, l2)
        vocab = {f: i for i, f in enumerate(rel_names)}
        p = np.clip(_softmax(vocab, w, b, [[names[i] for i in d["relevance"]] for d in holdout])[:, 1], 1e-6, 1 - 1e-6)
        losses[l2] = round(float(-np.mean(incident * np.log(p) + (1 - incident) * np.log(1 - p))), 4)
    return min(losses, key=losses.get), losses


def _finder(arg, rel) -> ArgumentFinder:
    names, w, b = arg
    rel_names, rel_w, rel_b = rel
    return ArgumentFinder({f: i for i, f in enumerate(names)}, w, b, {},
                          relevance_model=({f: i for i, f in enumerate(rel_names)}, rel_w, rel_b, 0.0))


def choose_thresholds(finder: ArgumentFinder, docs: list[dict], enc: Encoder, rel_enc: Encoder,
                      tagger: RoleTagger | None = None) -> dict[str, dict]:
    """The tagger's weight, the relevance gate and power and the per-role thresholds with the best
    role F1 on `docs`; weight 0 (the phrase model alone) is one of the choices."""
    names, rel_names = enc.names(), rel_enc.names()
    base = []
    for d in docs:
        relevance = float(finder_relevance(finder, [rel_names[i] for i in d["relevance"]]))
        probs = finder.probabilities([[names[i] for i in f] for f in d["feats"]]) if d["feats"] else np.zeros((0, len(CLASSES)))
        token_probs = tagger.probabilities(d["article"]["words"]) if tagger else None
        base.append((d, probs, token_probs, relevance))
    best: dict = {"f1": -1.0}
    by_weight: dict[float, float] = {}
    phrase_only: dict = {}  # the phrase model's gate and power, at which the weights are compared
    for weight in TAGGER_WEIGHTS if tagger else (0.0,):
        scored_docs = []
        for d, probs, token_probs, relevance in base:
            spans = d["candidates"]
            if weight > 0:
                ws = d["article"]["ws"]
                spans, probs = with_tagger(spans, probs, tagger, token_probs, weight, lambda s, e, ws=ws: "".join(ws[s:e]).strip().lower())
            scored_docs.append((d["record"], role_scores(spans, probs) if spans else [], relevance))
        # the gate and power search is 12 times the thresholds': weights are compared at the
        # phrase model's gate and power, and the weight kept gets the whole search
        found = _search(scored_docs) if weight == 0 else _search(scored_docs, (phrase_only["gate"],), (phrase_only["power"],))
        if weight == 0:
            phrase_only = found
        by_weight[weight] = round(found["f1"], 4)
        if found["f1"] > best["f1"]:
            best = {**found, "weight": weight, "scored_docs": scored_docs}
    if best["weight"] > 0:
        best = {**best, **_search(best["scored_docs"])}
    per_role = _role_counts(best["scored_docs"], best["thresholds"], best["gate"], best["power"])
    return {"relevance": {"threshold": best["gate"], "power": best["power"], "holdout_role_f1": round(best["f1"], 4),
                          "holdout_best_role_f1": round(best["best_f1"], 4), "holdout_se": best["se"]},
            "tagger": {"weight": best["weight"], "holdout_role_f1_by_weight": by_weight},
            **{role: {"threshold": float(best["thresholds"][role]), "holdout_f1": round(_f1(per_role[role]), 4)} for role in ROLES}}


def _search(scored_docs: list, gates: tuple = RELEVANCE_GATES, powers: tuple = RELEVANCE_POWERS) -> dict:
    """Gate, power and per-role thresholds for `scored_docs`: the simplest gate and power (the
    lowest gate, then no power) whose role F1 is within one bootstrap standard error of the best.
    On 260 hold-out articles the gate's gain is inside that noise, and rebuilds flipped between
    gating and not; a gate must earn its place."""
    found = []
    for gate in gates:
        for power in powers:
            thresholds = {role: 0.3 for role in ROLES}
            for _ in range(THRESHOLD_PASSES):
                for role in ROLES:
                    thresholds[role] = max(THRESHOLDS, key=lambda t: _role_f1(scored_docs, {**thresholds, role: t}, gate, power))
            found.append({"f1": _role_f1(scored_docs, thresholds, gate, power), "gate": gate, "power": power,
                          "thresholds": dict(thresholds)})
    best = max(found, key=lambda f: f["f1"])
    se = _bootstrap_se(scored_docs, best)
    return {**next(f for f in found if f["f1"] >= best["f1"] - se), "se": round(se, 4), "best_f1": best["f1"]}


def _bootstrap_se(scored_docs: list, chosen: dict) -> float:
    """Standard error of the role F1 of `chosen` over `scored_docs`, resampling documents."""
    from sitrep.eval.events import _score_role

    per_doc = []
    for rec, scored, relevance in scored_docs:
        found = select(scored, chosen["thresholds"], relevance ** chosen["power"]) if relevance >= chosen["gate"] else {}
        counts = Counter()
        for role in ROLES:
            _score_role(found.get(role, []), rec["extracts"].get(role, []), counts)
        per_doc.append((counts["tp"], counts["fp"], counts["fn"]))
    counts = np.array(per_doc, dtype=float)
    rng = np.random.default_rng(SEED)
    f1s = []
    for _ in range(BOOTSTRAP_SAMPLES):
        tp, fp, fn = counts[rng.integers(0, len(counts), len(counts))].sum(axis=0)
        f1s.append(2 * tp / max(2 * tp + fp + fn, 1))
    return float(np.std(f1s))


def finder_relevance(finder: ArgumentFinder, feats: list[str]) -> float:
    vocab, weights, bias, _ = finder.relevance_model
    return _softmax(vocab, weights, bias, [feats])[0, 1]


def _role_counts(scored_docs, thresholds, gate, power) -> dict[str, Counter]:
    from sitrep.eval.events import _score_role

    counts = {role: Counter() for role in ROLES}
    for rec, scored, relevance in scored_docs:
        found = select(scored, thresholds, relevance**power) if relevance >= gate else {}
        for role in ROLES:
            _score_role(found.get(role, []), rec["extracts"].get(role, []), counts[role])
    return counts


def _role_f1(scored_docs, thresholds, gate, power) -> float:
    return _f1(sum(_role_counts(scored_docs, thresholds, gate, power).values(), Counter()))


def _f1(counts: Counter) -> float:
    p = counts["tp"] / max(counts["tp"] + counts["fp"], 1)
    r = counts["tp"] / max(counts["tp"] + counts["fn"], 1)
    return 2 * p * r / max(p + r, 1e-9)


def train(train_path: Path = DEFAULT_TRAIN, out: Path = MODEL, tagger: str = "train", split_dir: Path = muc4_roles.SPLIT_DIR) -> dict:
    """Fit the phrase and relevance models; `tagger`: "train" (fine-tune the role tagger on the same
    split first, then the shipped one on all of train), "refit" (the split's tagger in `split_dir`
    already trained: only the shipped one), "reuse" (both taggers as they are) or "none"."""
    started = time.perf_counter()
    records = read_muc(train_path)
    shuffled, cut = holdout_split(records)
    keep = {n for n, r in enumerate(shuffled) if n >= cut or is_incident(r)}
    docs, enc, rel_enc = read_documents(shuffled, keep)
    articles = [d["article"] for d in docs]
    tagger_summary = None
    if tagger == "train":
        tagger_summary = muc4_roles.train_and_export(articles[:cut], articles[cut:], split_dir)
    role_tagger = _split_tagger(split_dir) if tagger != "none" else None
    rel_l2, rel_losses = choose_relevance_l2(docs[:cut], docs[cut:], rel_enc)
    chosen = choose_thresholds(_finder(*_fit_docs(docs[:cut], enc, rel_enc, rel_l2)), docs[cut:], enc, rel_enc, role_tagger)
    if tagger in ("train", "refit") and chosen["tagger"]["weight"] > 0:
        epochs = json.loads((split_dir / LABELS_FILE).read_text(encoding="utf-8"))["epoch"]
        refit = muc4_roles.train_all_and_export(articles, articles[cut:], epochs, out.parent / TAGGER_DIR)
        tagger_summary = {**(tagger_summary or {}), "all": refit}
    (names, w, b), (rel_names, rel_w, rel_b) = _fit_docs(docs, enc, rel_enc, rel_l2)
    model = {
        "source": "MUC-4 train (public domain)", "documents": len(records), "seed": SEED, "classes": list(CLASSES),
        "holdout": chosen, "thresholds": {role: chosen[role]["threshold"] for role in ROLES},
        "bias": [round(float(x), 4) for x in b], **_pruned(names, w),
        "relevance": {"threshold": chosen["relevance"]["threshold"], "power": chosen["relevance"]["power"],
                      "l2": rel_l2, "holdout_log_loss_by_l2": rel_losses,
                      "bias": [round(float(x), 4) for x in rel_b], **_pruned(rel_names, rel_w)},
        "tagger": {"dir": TAGGER_DIR, **chosen["tagger"], **_tagger_record(tagger_summary)},
        "train_seconds": round(time.perf_counter() - started, 1),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    return model


def _split_tagger(split_dir: Path) -> RoleTagger:
    if not (split_dir / LABELS_FILE).is_file():
        raise click.ClickException(f"no role tagger trained without the hold-out in {split_dir}: the hold-out's choices need it. "
                                   "Run `python -m sitrep.events.train --tagger train` (about 110 minutes), or "
                                   "`python -m sitrep.training.muc4_roles` (about 50) and then `--tagger refit`.")
    return RoleTagger.load(split_dir)


def _tagger_record(summary: dict | None) -> dict:
    """What arguments.json keeps of the tagger runs: their times, epochs and hold-out history."""
    if not summary:
        return {}
    record = {}
    if "train" in summary:
        record["split"] = {k: summary["train"][k] for k in ("minutes", "epochs_run", "best_epoch", "history", "best_without_lead", "lead")}
    if "all" in summary:
        record["all"] = {k: summary["all"]["train"][k] for k in ("minutes", "epochs", "train_articles")} | {"export": summary["all"]["export"]}
    return record


def _pruned(names: list[str], w: np.ndarray) -> dict[str, list]:
    keep = np.abs(w).max(axis=1) >= MIN_WEIGHT
    return {"features": [n for n, k in zip(names, keep) if k],
            "weights": [[round(float(x), 3) for x in row] for row, k in zip(w, keep) if k]}


@click.command("train-events")
@click.option("--muc4-train", "train_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=DEFAULT_TRAIN,
              show_default=True, help="MUC-4 train split, one JSON document per line.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=MODEL, show_default=True)
@click.option("--tagger", type=click.Choice(["train", "refit", "reuse", "none"]), default="train", show_default=True,
              help="The contextual role tagger: fine-tune it on the split, then on all of train (about 110 min on one thread); "
                   "refit (the split's tagger exists: only the second, about 55 min); reuse both as they are; or leave it out.")
def train_events_command(train_path: Path, out: Path, tagger: str) -> None:
    """Train the events stage's argument model (and its role tagger) on MUC-4 train."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")  # the tagger's progress
    model = train(train_path, out, tagger)
    click.echo(f"wrote {out}: {len(model['features'])} features, {model['train_seconds']} s")
    click.echo(f"  tagger weight {model['tagger']['weight']} (hold-out role F1 by weight {model['tagger']['holdout_role_f1_by_weight']})")
    for role, m in model["holdout"].items():
        if role == "tagger":
            continue
        extra = f" power {m['power']}" if "power" in m else ""
        click.echo(f"  {role:<9} threshold {m['threshold']:.2f}{extra}  hold-out F1 {m.get('holdout_f1', m.get('holdout_role_f1')):.3f}")


if __name__ == "__main__":
    train_events_command()
