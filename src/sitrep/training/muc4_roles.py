"""Fine-tune the MiniLM encoder as a tagger of MUC-4 attack roles, export it to ONNX int8.

    python -m sitrep.training.muc4_roles              # train on train.json minus its hold-out, export to SPLIT_DIR

`python -m sitrep.events.train` runs the same (`train_and_export`) on the documents it has
already read, then chooses how the tagger and the phrase model are combined on the hold-out,
and last fine-tunes the tagger sitrep ships on all of train for the epochs the hold-out chose
(`train_all_and_export`).

Labels: every mention string of a role entity in a document's MUC-4 key is looked up in its
words (all occurrences, longer mentions first, no overlaps) and tagged B-/I-role; the rest is O.
Windows as at run time (`sitrep.events.role_tagger.article_windows`): whole sentences, and the
lead sentence before later windows in a share of them (LEAD_DROPOUT), so that one model can be
scored with and without the lead context; the lead copy carries no loss. (It made no
difference, so the shipped model is trained and run without it: LEAD_DROPOUT.) The model, batching
and export are `sitrep.training.encoder_ner`'s. One thread, a fixed seed, EPOCHS epochs; the
epoch kept is the one with the best document-level role F1 on the hold-out (part of train).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from sitrep.entities.encoder import LABELS_FILE, tags_to_spans
from sitrep.events.role_tagger import MODEL_DIR, ROLES, article_windows, window_words

from . import encoder_ner, paths

logger = logging.getLogger(__name__)

WORK = paths.WORK_DIR / "muc4_roles"
SPLIT_DIR = WORK / "split"  # the tagger trained without the hold-out, which the hold-out's choices are made with
SEED = 0
# Hold-out role F1 of the tagger alone: 4 epochs at 1e-4 ended at 0.43; 7 epochs at 1e-4 peaked at
# 0.46 (epoch 5), 7 at 2e-4 at 0.44 (epoch 7), about 41 minutes on one thread. With the phrase
# model, 2e-4 scored 0.552 and 1e-4 0.540 (4 epochs: 0.535): within the hold-out's noise (the
# tagger alone moves +-0.03 between epochs), and the 2e-4 model lost the perpetrators and
# victims of plain attack sentences (tests/events/test_arguments.py), so 1e-4 is kept.
EPOCHS = 7
BATCH_SIZE = 16
LEARNING_RATE = 1e-4  # the encoder's; the head learns 10x faster (as encoder_ner)
THREADS = 1  # the machine's other core belongs to other jobs
MAX_MINUTES = 75.0  # a guard: training stops there (then not reproducible) and keeps its best epoch
# Share of windows trained without the lead before them. Measured with 0.5 (3 epochs, one model
# scored both ways): hold-out role F1 0.427 with the lead, 0.428 without; the lead costs 20% more
# tokens in training and 50% more time at run time, so it is left out (1.0).
LEAD_DROPOUT = 1.0
# Of the articles with no incident (all O), the share trained on. Half of them (session 5, to halve
# their cost) left the tagger with little to learn its silence from, and articles with no incident
# gave most of the false positives; all of them (session 9, 25% more steps): split tagger with the
# phrase model, hold-out 0.540 -> 0.547 and MUC-4 dev 0.474 -> 0.487, under each one's own choices.
NON_INCIDENT_SHARE = 1.0
TAGS = ["O"] + [f"{p}-{role}" for role in ROLES for p in ("B", "I")]


# --- corpus --------------------------------------------------------------------------------


def project(words: list[str], mentions: dict[str, list[list[str]]]) -> list[str]:
    """BIO tags of lower-cased `words` from each role's mention word lists: every occurrence,
    longer mentions first, a word tagged once."""
    tags = ["O"] * len(words)
    lowered = [w.lower() for w in words]
    by_length = sorted(((len(m), role, m) for role, ms in mentions.items() for m in ms if m), key=lambda x: -x[0])
    for n, role, mention in by_length:
        for s in range(len(words) - n + 1):
            if lowered[s:s + n] == mention and all(t == "O" for t in tags[s:s + n]):
                tags[s:s + n] = [f"B-{role}"] + [f"I-{role}"] * (n - 1)
    return tags


def article(record: dict, tokens: list[tuple[str, str]], tokenize) -> dict:
    """A MUC-4 record as words (`tokens`: text, text with its space) and projected tags."""
    words = [t for t, _ in tokens]
    mentions = {role: [[w.lower() for w in tokenize(m[0]) if w.strip()] for entity in record["extracts"].get(role, [])
                       for m in entity] for role in ROLES}
    return {"record": record, "words": words, "ws": [ws for _, ws in tokens], "tags": project(words, mentions),
            "incident": any(record["extracts"].get(role) for role in ROLES)}


def training_windows(articles: list[dict], rng: random.Random) -> list[dict]:
    """Windows of words with tags (None on the lead copy: no loss), the lead dropped at random."""
    out = []
    for art in articles:
        for window in article_windows(art["words"], lead=True):
            context = window.context if rng.random() >= LEAD_DROPOUT else 0
            words = art["words"][:context] + art["words"][window.start:window.end]
            out.append({"words": words, "tags": [None] * context + art["tags"][window.start:window.end]})
    return out


# --- training ------------------------------------------------------------------------------


class _Run:
    """One fine-tuning run: the model, its optimiser over a schedule of `epochs` epochs, the data."""

    def __init__(self, articles: list[dict], epochs: int, seed: int) -> None:
        import torch

        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.set_num_threads(THREADS)
        self.rng = random.Random(seed)
        self.chosen = [a for a in articles if a["incident"] or self.rng.random() < NON_INCIDENT_SHARE]
        self.tag_ids = {t: i for i, t in enumerate(TAGS)}
        self.tokenizer = encoder_ner.load_tokenizer(encoder_ner.base_model_dir())
        self.model = encoder_ner.build_model(len(TAGS))
        per_epoch = -(-len(training_windows(self.chosen, random.Random(seed))) // BATCH_SIZE)
        self.steps = per_epoch * epochs
        self.optimizer, self.scheduler = encoder_ner.fine_tuning(self.model, LEARNING_RATE, self.steps)
        self.loss_fn = torch.nn.CrossEntropyLoss(ignore_index=encoder_ner.IGNORE)
        self.step, self.started = 0, time.time()

    def minutes(self) -> float:
        return (time.time() - self.started) / 60

    def epoch(self, number: int, max_minutes: float) -> None:
        """One pass over freshly drawn windows; stops early past `max_minutes`."""
        encoded = encoder_ner.encode(training_windows(self.chosen, self.rng), self.tokenizer, self.tag_ids)
        for index in encoder_ner.batches(encoded, BATCH_SIZE, self.rng):
            batch = encoder_ner.collate(encoded, index)
            loss = encoder_ner.train_step(self.model, self.optimizer, self.scheduler, self.loss_fn, batch, len(TAGS))
            self.step += 1
            if self.step % 50 == 0:
                logger.info("epoch %d step %d/%d loss %.4f %.0f s", number, self.step, self.steps, loss, time.time() - self.started)
            if self.minutes() >= max_minutes:
                break

    def save(self, work: Path) -> None:
        import torch

        torch.save(self.model.state_dict(), work / "model.pt")
        (work / LABELS_FILE).write_text(json.dumps({"tags": TAGS}, indent=1))


def train(train_articles: list[dict], holdout: list[dict], work: Path = WORK, epochs: int = EPOCHS,
          max_minutes: float = MAX_MINUTES, seed: int = SEED) -> dict:
    """Fine-tune; keep the epoch with the best hold-out role F1 in work/model.pt."""
    import torch

    work.mkdir(parents=True, exist_ok=True)
    run = _Run(train_articles, epochs, seed)
    _write_holdout_windows(holdout, work)
    best, best_epoch, history = -1.0, 0, []
    logger.info("%d training articles (%d with an incident), %d hold-out, %d steps", len(run.chosen),
                sum(a["incident"] for a in run.chosen), len(holdout), run.steps)
    for epoch in range(1, epochs + 1):
        run.epoch(epoch, max_minutes)
        scores = holdout_scores(run.model, run.tokenizer, holdout, lead=LEAD_DROPOUT < 1.0)
        history.append({"epoch": epoch, "step": run.step, "minutes": round(run.minutes(), 1), **scores})
        logger.info("hold-out after epoch %d: %s", epoch, scores)
        if scores["role_f1"] > best:
            best, best_epoch = scores["role_f1"], epoch
            run.save(work)
        if run.minutes() >= max_minutes:
            logger.warning("stopped by the %.0f-minute guard", max_minutes)
            break
    model = run.model
    model.load_state_dict(torch.load(work / "model.pt"))
    trained_with_lead = LEAD_DROPOUT < 1.0
    without_lead = holdout_scores(model, run.tokenizer, holdout, lead=False) if trained_with_lead else {"role_f1": best}
    summary = {"epochs_run": len(history), "best_epoch": best_epoch, "steps": run.step, "train_articles": len(run.chosen),
               "holdout_articles": len(holdout), "minutes": round(run.minutes(), 1), "best_holdout_role_f1": best,
               "history": history, "best_without_lead": without_lead, "lead": trained_with_lead and best > without_lead["role_f1"],
               "seed": seed, "threads": THREADS, "lr": LEARNING_RATE, "batch_size": BATCH_SIZE}
    (work / "train_summary.json").write_text(json.dumps(summary, indent=1))
    return summary


def train_all(articles: list[dict], holdout: list[dict], epochs: int, work: Path = WORK / "all",
              seed: int = SEED) -> dict:
    """Fine-tune on every article, hold-out included, for the `epochs` the hold-out chose, on the
    same learning-rate schedule (over EPOCHS) as the run that chose them; no epoch is picked here,
    since nothing is held out. The hold-out's windows are only for the export's int8 check."""
    work.mkdir(parents=True, exist_ok=True)
    run = _Run(articles, EPOCHS, seed)
    _write_holdout_windows(holdout, work)
    logger.info("%d articles (%d with an incident), %d of %d steps", len(run.chosen),
                sum(a["incident"] for a in run.chosen), run.steps * epochs // EPOCHS, run.steps)
    for epoch in range(1, epochs + 1):
        run.epoch(epoch, float("inf"))
    run.save(work)
    summary = {"epochs": epochs, "steps": run.step, "train_articles": len(run.chosen), "minutes": round(run.minutes(), 1),
               "seed": seed, "threads": THREADS, "lr": LEARNING_RATE, "batch_size": BATCH_SIZE}
    (work / "train_summary.json").write_text(json.dumps(summary, indent=1))
    return summary


def _write_holdout_windows(holdout: list[dict], work: Path) -> None:
    """work/dev.jsonl: the hold-out windows, which `encoder_ner.compare_onnx` reads after export."""
    with (work / "dev.jsonl").open("w", encoding="utf8") as handle:
        for window in training_windows(holdout, random.Random(SEED)):
            handle.write(json.dumps({"words": window["words"], "tags": [t or "O" for t in window["tags"]]}) + "\n")


def torch_probabilities(model, tokenizer, words: list[str], lead: bool) -> np.ndarray:
    """As `RoleTagger.probabilities`, with the torch model: tag probabilities of one article."""
    import torch

    probs = np.zeros((len(words), len(TAGS)), dtype=np.float32)
    probs[:, 0] = 1.0
    found = article_windows(words, lead)
    if not found:
        return probs
    samples = [{"words": window_words(words, w), "tags": [None] * (w.context + w.end - w.start)} for w in found]
    encoded = encoder_ner.encode(samples, tokenizer, {})
    ids, mask, shapes, _ = encoder_ner.collate(encoded, list(range(len(encoded))))
    with torch.no_grad():
        piece_probs = torch.softmax(model(ids, mask, shapes), dim=-1).numpy()
    for row, window in enumerate(found):
        for w, pos in enumerate(encoded[row][3][window.context:]):
            if pos >= 0:
                probs[window.start + w] = piece_probs[row, pos]
    return probs


def decoded_roles(art: dict, probs: np.ndarray) -> dict[str, list[str]]:
    """Role -> distinct strings of the spans the most likely tags make."""
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    for s, e, role in tags_to_spans([TAGS[i] for i in probs.argmax(axis=1)]):
        text = "".join(art["ws"][s:e]).strip().lower()
        if text and text not in found[role]:
            found[role].append(text)
    return found


def holdout_scores(model, tokenizer, holdout: list[dict], lead: bool) -> dict:
    """GRIT's document-level role F1 of the tagger alone (its most likely tags) on `holdout`."""
    from sitrep.eval.events import _prf, _score_role

    model.eval()
    counts = {role: Counter() for role in ROLES}
    for art in holdout:
        found = decoded_roles(art, torch_probabilities(model, tokenizer, art["words"], lead))
        for role in ROLES:
            _score_role(found[role], art["record"]["extracts"].get(role, []), counts[role])
    total = sum(counts.values(), Counter())
    return {name: _prf(c["tp"], c["fp"], c["fn"])["f1"] for name, c in {"role_f1": total, **counts}.items()}


def train_and_export(train_articles: list[dict], holdout: list[dict], out: Path = SPLIT_DIR, work: Path = WORK) -> dict:
    """Train, then export the kept epoch to `out` (ONNX int8, tokenizer, labels)."""
    summary = train(train_articles, holdout, work)
    exported = encoder_ner.export(work, out)
    # the window setting the hold-out chose travels with the model (EncoderModel reads "tags" only)
    labels = {"tags": TAGS, "lead": summary["lead"], "source": "MUC-4 train minus its hold-out fifth (public domain)",
              "epoch": summary["best_epoch"], "holdout_role_f1": summary["best_holdout_role_f1"],
              "holdout_role_f1_without_lead": summary["best_without_lead"]["role_f1"]}
    (out / LABELS_FILE).write_text(json.dumps(labels, indent=1))
    return {"train": summary, "export": exported}


def train_all_and_export(articles: list[dict], holdout: list[dict], epochs: int, out: Path = MODEL_DIR,
                         work: Path = WORK / "all") -> dict:
    """`train_all`, then export to `out`: the tagger sitrep ships."""
    summary = train_all(articles, holdout, epochs, work)
    exported = encoder_ner.export(work, out)
    labels = {"tags": TAGS, "lead": False, "epochs": epochs,
              "source": "MUC-4 train, all 1,300 articles (public domain); epochs chosen on the hold-out fifth by a run without it"}
    (out / LABELS_FILE).write_text(json.dumps(labels, indent=1))
    return {"train": summary, "export": exported}


# --- command -------------------------------------------------------------------------------


def read_articles(path: Path) -> tuple[list[dict], list[dict]]:
    """MUC-4 train as (training articles, hold-out articles), split as `sitrep.events.train` splits,
    tokenised as the pipeline tokenises."""
    from sitrep.eval.events import default_pipeline
    from sitrep.events.train import holdout_split, read_muc

    nlp = default_pipeline("muc4")
    shuffled, cut = holdout_split(read_muc(path))

    def tokenize(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    articles = [article(r, [(t.text, t.text_with_ws) for t in nlp.make_doc(r["doctext"])], tokenize) for r in shuffled]
    return articles[:cut], articles[cut:]


def main(argv: list[str] | None = None) -> None:
    from sitrep.events.train import DEFAULT_TRAIN

    parser = argparse.ArgumentParser(prog="python -m sitrep.training.muc4_roles", description=__doc__.split("\n")[0])
    parser.add_argument("--muc4-train", type=Path, default=DEFAULT_TRAIN)
    parser.add_argument("--work", type=Path, default=WORK)
    parser.add_argument("--out", type=Path, default=SPLIT_DIR)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    train_articles, holdout = read_articles(args.muc4_train)
    result = train_and_export(train_articles, holdout, args.out, args.work)
    print(json.dumps({"train": {k: v for k, v in result["train"].items()}, "export": result["export"]}, indent=1))


if __name__ == "__main__":
    main()
