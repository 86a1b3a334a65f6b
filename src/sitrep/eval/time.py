"""`sitrep eval time`: time expressions against TimeML TIMEX3 annotations, scored as TempEval-3.

Every ``.tml`` file under ``--data`` (searched recursively) is read: its text without markup,
its TIMEX3 spans with value and type, and its document creation time (DCT), which is given to
the pipeline as the publication date. Scores, as in TempEval-3 task A:

- extraction P/R/F1, strict (same characters) and relaxed (overlapping spans);
- value and type accuracy over the relaxed matches, and value/type F1 (correct values over
  the system's and the gold expressions: relaxed F1 times accuracy).

The same scores are given for two halves of the files (sorted by name: odd positions, the half
sitrep's rules were developed on, and even positions, held out), so a rule fitted to some
documents shows as a gap between them.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.errors import Errors, SitrepError
from sitrep.times.timeml import timeml_type, timeml_value

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.DOTALL)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    value: str | None
    type: str


@dataclass(frozen=True)
class TimeMLDoc:
    path: Path
    text: str
    dct: str | None
    timexes: list[Timex]


def read_tml(path: Path) -> TimeMLDoc:
    """Text, TIMEX3 spans and DCT of one TimeML file."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct_match = _DCT.search(raw)
    dct = _ATTR_dict(dct_match.group(1)).get("value") if dct_match else None
    body = _TEXT.search(raw)
    content = body.group(1) if body else raw
    parts: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(content):
        chunk = html.unescape(content[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, _ATTR_dict(m.group(3)))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(Timex(start, length, attrs.get("value"), attrs.get("type", "DATE")))
            open_timex = None
    parts.append(html.unescape(content[pos:]))
    return TimeMLDoc(path, "".join(parts), dct, timexes)


def _ATTR_dict(attrs: str) -> dict[str, str]:
    return dict(_ATTR.findall(attrs))


def run(data: Path, *, nlp: Any = None, limit: int | None = None) -> dict:
    """Score sitrep's time expressions on the TimeML files under `data`; JSON-able metrics."""
    from sitrep.pipeline import load
    from sitrep.pipeline import run as run_pipeline

    files = sorted(Path(data).rglob("*.tml"))
    if not files:
        raise SitrepError(Errors.E501.format(path=data))
    if limit:
        files = files[:limit]
    nlp = nlp or load(base="blank:en", stages=["sitrep_times"])
    counts = _zero()
    halves = {name: _zero() for name in HALVES}
    dev_names = {p.name for i, p in enumerate(sorted(files, key=lambda p: p.name)) if i % 2 == 1}
    errors: list[dict] = []
    words = 0
    elapsed = 0.0
    for path in files:
        doc_gold = read_tml(path)
        t0 = time.perf_counter()
        doc = run_pipeline(nlp, doc_gold.text, meta={"published": doc_gold.dct})
        elapsed += time.perf_counter() - t0
        words += len(doc)
        system = [Timex(t.start, t.end, timeml_value(t.value, t.precision), timeml_type(t.kind, t.value)) for t in doc._.times]
        half = halves["development" if path.name in dev_names else "held_out"]
        before = dict(counts)
        _score(doc_gold, system, counts, errors)
        for key in counts:
            half[key] += counts[key] - before[key]
    metrics = _metrics(counts, files, words, elapsed, errors)
    metrics["halves"] = {name: _scores(c) for name, c in halves.items()}
    return metrics


HALVES = ("development", "held_out")


def _zero() -> dict[str, int]:
    return {"gold": 0, "system": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}


def _scores(counts: dict) -> dict:
    """Extraction, value and type P/R/F1 of one set of counts."""
    out = {"gold": counts["gold"], "system": counts["system"]}
    for name in ("strict", "relaxed", "value", "type"):
        out[name] = _prf(counts[name], counts["system"], counts["gold"])
    return out


def _score(gold_doc: TimeMLDoc, system: list[Timex], counts: dict, errors: list[dict]) -> None:
    gold = gold_doc.timexes
    counts["gold"] += len(gold)
    counts["system"] += len(system)
    used: set[int] = set()
    for g in gold:
        match = next((i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end), None)
        if match is None:
            errors.append(_error("missed", gold_doc, g, None))
            continue
        used.add(match)
        s = system[match]
        counts["relaxed"] += 1
        counts["strict"] += (s.start, s.end) == (g.start, g.end)
        counts["type"] += s.type == g.type
        if s.value == g.value:
            counts["value"] += 1
        else:
            errors.append(_error("value", gold_doc, g, s))
    for i, s in enumerate(system):
        if i not in used:
            errors.append(_error("spurious", gold_doc, None, s))


def _error(kind: str, doc: TimeMLDoc, gold: Timex | None, system: Timex | None) -> dict:
    span = gold or system
    return {
        "error": kind, "file": doc.path.name, "dct": doc.dct,
        "text": doc.text[span.start:span.end],
        "gold": gold.value if gold else None,
        "system": (doc.text[system.start:system.end], system.value) if system else None,
    }


def _prf(correct: int, system: int, gold: int) -> dict[str, float]:
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _metrics(counts: dict, files: list[Path], words: int, elapsed: float, errors: list[dict]) -> dict:
    relaxed = counts["relaxed"]
    return {
        "task": "time",
        "files": len(files),
        "gold": counts["gold"],
        "system": counts["system"],
        "strict": _prf(counts["strict"], counts["system"], counts["gold"]),
        "relaxed": _prf(relaxed, counts["system"], counts["gold"]),
        "value_accuracy": round(counts["value"] / relaxed, 4) if relaxed else 0.0,
        "value": _prf(counts["value"], counts["system"], counts["gold"]),
        "type_accuracy": round(counts["type"] / relaxed, 4) if relaxed else 0.0,
        "type": _prf(counts["type"], counts["system"], counts["gold"]),
        "words": words,
        "words_per_second": round(words / elapsed) if elapsed else None,
        "errors_sample": errors[:200],
        "error_counts": {k: sum(e["error"] == k for e in errors) for k in ("missed", "spurious", "value")},
    }


def report(metrics: dict) -> str:
    """A short plain-text table of the metrics `run` returned."""
    lines = [f"TimeML time expressions: {metrics['files']} files, {metrics['gold']} gold, {metrics['system']} found"]
    for name in ("strict", "relaxed", "value", "type"):
        m = metrics[name]
        lines.append(f"  {name:<8} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines.append(f"  value accuracy {metrics['value_accuracy']:.3f}   type accuracy {metrics['type_accuracy']:.3f}")
    for name, half in metrics.get("halves", {}).items():
        f1 = "  ".join(f"{k} {half[k]['f1']:.3f}" for k in ("strict", "relaxed", "value", "type"))
        lines.append(f"  {name + ' half':<17} F1: {f1}  ({half['gold']} gold)")
    lines.append(f"  errors: {metrics['error_counts']}")
    if metrics.get("words_per_second"):
        lines.append(f"  speed: {metrics['words_per_second']:,} words/s over {metrics['words']:,} words (tokenizer, sentencizer, times)")
    return "\n".join(lines)
