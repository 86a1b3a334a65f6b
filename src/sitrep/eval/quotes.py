"""`sitrep eval quotes`: attribution spans against PolNeAR (source, cue, content; exact and overlap).

    sitrep eval quotes --data ../shared/data/polnear/dev
    python -m sitrep.eval.quotes --data ../shared/data/polnear/dev --limit 20

A PolNeAR split folder holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (BRAT: `T`
lines with Source/Cue/Content spans, possibly discontinuous, and `E` lines tying them into one
attribution). Articles annotated by several annotators are scored against the first annotation
file in name order.

Each role is scored on its own: the gold spans of that role (one per attribution that has it)
against the predicted spans (one per claim), matched one to one by a maximum matching.

- exact: the spans are equal once whitespace and the punctuation ``,.;:`` at their ends are
  trimmed (a discontinuous gold span is compared as the stretch from its first to its last part);
- overlap: the spans share at least one non-space character (any part of a discontinuous span).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from sitrep.errors import Errors, SitrepError
from sitrep.eval.matching import max_matching

ROLES = ("source", "cue", "content")
TRIM = " \t\n\r\xa0,.;:"
TEXT_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
EVENT_LINE = re.compile(r"^(E\d+)\t(.+)$")

Fragments = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldAttribution] = field(default_factory=list)


def read_split(data: Path, limit: int | None = None) -> list[Article]:
    """The articles of a PolNeAR split folder with their gold attributions."""
    text_dir, ann_dir = data / "text", data / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise SitrepError(Errors.E701.format(path=data))
    articles = []
    for path in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{path.stem}_*.ann"))
        if not anns:
            continue
        articles.append(Article(path.stem, path.read_text(encoding="utf-8"), read_brat(anns[0])))
        if limit is not None and len(articles) >= limit:
            break
    if not articles:
        raise SitrepError(Errors.E701.format(path=data))
    return articles


def read_brat(path: Path) -> list[GoldAttribution]:
    """The attributions of one BRAT file: each `E` line with its Source, Cue and Content spans."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := TEXT_LINE.match(line):
            frags = tuple(tuple(map(int, part.split())) for part in match.group(3).strip().split(";"))
            spans[match.group(1)] = tuple(sorted(frags))  # type: ignore[arg-type]
        elif match := EVENT_LINE.match(line):
            events.append(dict(part.split(":", 1) for part in match.group(2).split() if ":" in part))
    gold = []
    for event in events:
        roles = {role: spans.get(event.get(role.capitalize(), "")) for role in ROLES}
        gold.append(GoldAttribution(**roles))
    return gold


def run(data: Path, *, nlp: Language | None = None, limit: int | None = None) -> dict[str, Any]:
    """Score the claims stage on a PolNeAR split; returns JSON-able metrics with the stage's speed."""
    articles = read_split(Path(data), limit)
    if nlp is None:
        from sitrep.pipeline import load

        nlp = load(stages=["sitrep_claims"])
    counts = {role: {"exact": [0, 0, 0], "overlap": [0, 0, 0]} for role in ROLES}
    seconds = {"pipeline": 0.0, "claims": 0.0}
    words = 0
    for article in articles:
        predicted = _predict(nlp, article.text, seconds)
        words += len(article.text.split())
        for role in ROLES:
            gold = [getattr(g, role) for g in article.gold if getattr(g, role)]
            pred = [p[role] for p in predicted if p[role]]
            for mode in ("exact", "overlap"):
                tp = _match(article.text, gold, pred, mode)
                row = counts[role][mode]
                row[0] += tp
                row[1] += len(pred)
                row[2] += len(gold)
    metrics: dict[str, Any] = {
        "data": str(data),
        "documents": len(articles),
        "words": words,
        "gold_attributions": sum(len(a.gold) for a in articles),
        "base": nlp.meta.get("sitrep", {}).get("base"),
        "parsed": "parser" in nlp.pipe_names,
    }
    for role in ROLES:
        metrics[role] = {mode: _prf(*counts[role][mode]) for mode in ("exact", "overlap")}
    metrics["speed"] = {
        "pipeline_seconds": round(seconds["pipeline"], 3),
        "claims_seconds": round(seconds["claims"], 3),
        "claims_words_per_second": round(words / seconds["claims"]) if seconds["claims"] else None,
        "pipeline_words_per_second": round(words / seconds["pipeline"]) if seconds["pipeline"] else None,
    }
    return metrics


def _predict(nlp: Language, text: str, seconds: dict[str, float]) -> list[dict[str, Fragments | None]]:
    """Run the pipeline over one text, timing the claims stage apart from the rest."""
    from sitrep.pipeline.doc import prepare

    start = time.perf_counter()
    doc = prepare(nlp.make_doc(text))
    for name, proc in nlp.pipeline:
        stage_start = time.perf_counter()
        doc = proc(doc)
        if name == "sitrep_claims":
            seconds["claims"] += time.perf_counter() - stage_start
    seconds["pipeline"] += time.perf_counter() - start
    return [
        {
            "source": ((c.speaker.start, c.speaker.end),) if c.speaker else None,
            "cue": ((c.cue.start, c.cue.end),),
            "content": ((c.content.start, c.content.end),),
        }
        for c in doc._.claims or []
    ]


def _match(text: str, gold: list[Fragments], pred: list[Fragments], mode: str) -> int:
    """Number of predicted spans matched one to one (a maximum matching) to gold spans under `mode`."""
    agree = [[i for i, g in enumerate(gold) if (_exact(text, g, p) if mode == "exact" else _overlap(text, g, p))] for p in pred]
    return max_matching(agree)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def _exact(text: str, gold: Fragments, pred: Fragments) -> bool:
    return _trimmed(text, gold[0][0], gold[-1][1]) == _trimmed(text, pred[0][0], pred[-1][1])


def _overlap(text: str, gold: Fragments, pred: Fragments) -> bool:
    for gs, ge in gold:
        for ps, pe in pred:
            lo, hi = max(gs, ps), min(ge, pe)
            if lo < hi and text[lo:hi].strip():
                return True
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "predicted": n_pred, "gold": n_gold}


def report(metrics: dict[str, Any]) -> str:
    """The metrics as a small text table."""
    lines = [
        (
            f"PolNeAR {metrics['data']}: {metrics['documents']} articles, {metrics['words']:,} words, "
            f"{metrics['gold_attributions']} gold attributions (base {metrics['base']}, parse: {metrics['parsed']})"
        ),
        f"{'span':<8} {'mode':<8} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}",
    ]
    for role in ROLES:
        for mode in ("exact", "overlap"):
            m = metrics[role][mode]
            lines.append(
                f"{role:<8} {mode:<8} {m['p']:>6.3f} {m['r']:>6.3f} {m['f1']:>6.3f} {m['tp']:>6} {m['predicted']:>6} {m['gold']:>6}"
            )
    speed = metrics["speed"]
    lines.append(
        f"speed: claims stage {speed['claims_words_per_second']:,} words/s "
        f"({speed['claims_seconds']} s); whole pipeline {speed['pipeline_words_per_second']:,} words/s"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitrep eval quotes", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--base", default=None, help="base pipeline, e.g. blank:en or a path")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = parser.parse_args(argv)
    nlp = None
    if args.base:
        from sitrep.pipeline import load

        nlp = load(base=args.base, stages=["sitrep_claims"])
    metrics = run(args.data, nlp=nlp, limit=args.limit)
    print(json.dumps(metrics, indent=2) if args.json else report(metrics))
    return 0


if __name__ == "__main__":
    sys.exit(main())
