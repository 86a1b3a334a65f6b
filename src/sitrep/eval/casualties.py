"""`sitrep eval casualties`: deaths and injuries per MUC-4 message against the answer keys.

``--data`` is a MUC-4 split in JSON lines (``dev.json``: ``docid``, ``doctext``); its keys file
sits beside it (``keys_dev`` for ``dev.json``), either in the original MUC-4 template format
(``23. HUM TGT: EFFECT OF INCIDENT  DEATH: "PEASANT"``) or the ``%%%``-separated JSON
format of muc4_proc. The gold toll of a message is, over its incidents, the number of human
targets whose effect is DEATH (INJURY), counted with HUM TGT: NUMBER. sitrep's toll is the
conservative total of the message's killed (injured) figures (`sitrep.quantities.tolls`).

Scores per message with at least one incident: exact accuracy, accuracy within sitrep's
bounds, mean absolute error, and detection P/R/F1 of "reports deaths". Keys stripped of the
effect and number slots (as some redistributions are) carry no gold toll: the report then
says so and gives sitrep's output alone.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.document import Quantity
from sitrep.errors import Errors, SitrepError
from sitrep.quantities.tolls import fatalities

_SLOT = re.compile(r"^\s*(\d+)\.\s+([A-Z][A-Z :]+?)\s{2,}(.*)$")
_COUNT = re.compile(r"(\d+)(?:\s*-\s*(\d+))?\s*:\s*\"([^\"]*)\"")
_EFFECT = re.compile(r"(DEATH|INJURY|NO DEATH|NO INJURY|NO INJURY OR DEATH|REGULAR HOSTAGE|HOSTAGE|KIDNAPPING)\s*:\s*\"([^\"]*)\"")
EFFECT_SLOTS = ("HUM TGT: EFFECT OF INCIDENT", "hum_tgt_effect_of_incident", "hum_tgt_effect")
NUMBER_SLOTS = ("HUM TGT: NUMBER", "hum_tgt_number", "hum_tgt_total_num", "hum_tgt_number_of")


@dataclass
class Incident:
    message: str
    effects: list[tuple[str, str]] = field(default_factory=list)  # (DEATH, "PEASANT")
    numbers: dict[str, int] = field(default_factory=dict)  # target -> count

    def toll(self, effect: str) -> int:
        return sum(self.numbers.get(target, 1) for eff, target in self.effects if eff == effect)


def read_keys(path: Path) -> tuple[dict[str, list[Incident]], bool]:
    """Incidents per message id, and whether the keys carry effects at all."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    incidents = _read_json_keys(raw) if raw.lstrip().startswith("%%%") else _read_text_keys(raw)
    has_effects = any(i.effects for items in incidents.values() for i in items) or any(s in raw for s in EFFECT_SLOTS)
    return incidents, has_effects


def _read_text_keys(raw: str) -> dict[str, list[Incident]]:
    out: dict[str, list[Incident]] = {}
    current: Incident | None = None
    slot = ""
    for line in raw.splitlines():
        m = _SLOT.match(line)
        if m:
            slot, value = m.group(2).strip(), m.group(3)
            if slot == "MESSAGE: ID":
                current = Incident(value.strip())
                continue
            if slot == "MESSAGE: TEMPLATE" and current is not None:
                if value.strip().startswith("*"):
                    out.setdefault(current.message, [])
                    current = Incident(current.message)
                    continue
                out.setdefault(current.message, []).append(current)
        elif current is not None:
            value = line
        else:
            continue
        if current is not None:
            _add_slot(current, slot, value)
    return out


def _read_json_keys(raw: str) -> dict[str, list[Incident]]:
    out: dict[str, list[Incident]] = {}
    for block in raw.split("%%%"):
        block = block.strip()
        if not block:
            continue
        pairs = json.loads(block)
        slots = {}
        for name, value in pairs:
            slots.setdefault(name, []).append(value)
        message = slots.get("message_id", [""])[0]
        template = slots.get("message_template", ["*"])[0]
        out.setdefault(message, [])
        if template == "*":
            continue
        incident = Incident(message)
        for name, values in slots.items():
            for value in values:
                _add_slot(incident, name, _json_text(value))
        out[message].append(incident)
    return out


def _json_text(value: Any) -> str:
    """A JSON slot value as MUC-4 writes it: ``DEATH: "PEASANT"`` for a colon clause."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        if "strings_lhs" in value:
            return " ".join(f'{l}: "{r}"' for l in value["strings_lhs"] for r in value.get("strings_rhs", [""])[:1])
        return " ".join(f'"{s}"' for s in value.get("strings", []))
    return str(value)


def _add_slot(incident: Incident, slot: str, value: str) -> None:
    if slot in EFFECT_SLOTS:
        incident.effects.extend((e.upper(), t.upper()) for e, t in _EFFECT.findall(value))
    elif slot in NUMBER_SLOTS:
        for low, _high, target in _COUNT.findall(value):
            incident.numbers[target.upper()] = int(low)  # the low end of "7 - 10", as ACLED would


def read_messages(path: Path) -> list[tuple[str, str]]:
    """(docid, text) of each message of a MUC-4 JSON-lines split."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out.append((record["docid"], record["doctext"]))
    return out


def run(data: Path, *, nlp: Any = None, limit: int | None = None) -> dict:
    """Score sitrep's casualty figures on a MUC-4 split; JSON-able metrics."""
    from sitrep.pipeline import load
    from sitrep.pipeline import run as run_pipeline

    data = Path(data)
    keys_path = data.with_name("keys_" + data.stem)
    try:
        messages = read_messages(data)
        incidents, has_effects = read_keys(keys_path)
    except (OSError, ValueError, KeyError) as err:
        raise SitrepError(Errors.E502.format(path=data, reason=err)) from err
    if limit:
        messages = messages[:limit]
    nlp = nlp or load(base="blank:en", stages=["sitrep_times", "sitrep_quantities"])
    rows = []
    t0 = time.perf_counter()
    words = 0
    for docid, text in messages:
        doc = run_pipeline(nlp, text, meta={"published": None})
        words += len(doc)
        rows.append(_row(docid, doc._.quantities or [], incidents.get(docid, []), has_effects))
    elapsed = time.perf_counter() - t0
    return _metrics(rows, has_effects, keys_path, words, elapsed)


def _row(docid: str, quantities: list[Quantity], gold: list[Incident], has_effects: bool) -> dict:
    killed = fatalities([q for q in quantities if q.kind == "casualties_killed"])
    injured = fatalities([q for q in quantities if q.kind == "casualties_injured"])
    row = {"docid": docid, "incidents": len(gold),
           "deaths": _toll(killed), "injuries": _toll(injured)}
    if has_effects:
        row["gold_deaths"] = sum(i.toll("DEATH") for i in gold)
        row["gold_injuries"] = sum(i.toll("INJURY") for i in gold)
    return row


def _toll(toll: Any) -> dict | None:
    return None if toll is None else {"low": toll.low, "best": toll.best, "high": toll.high}


def _metrics(rows: list[dict], has_effects: bool, keys_path: Path, words: int, elapsed: float) -> dict:
    scored = [r for r in rows if r["incidents"]]
    out: dict[str, Any] = {
        "task": "casualties", "messages": len(rows), "messages_with_incidents": len(scored),
        "incidents": sum(r["incidents"] for r in rows), "gold_available": has_effects,
        "system_messages_with_deaths": sum(r["deaths"] is not None for r in rows),
        "system_deaths_best": sum(r["deaths"]["best"] for r in rows if r["deaths"]),
        "system_messages_with_injuries": sum(r["injuries"] is not None for r in rows),
        "words_per_second": round(words / elapsed) if elapsed else None,
    }
    if not has_effects:
        out["note"] = (f"{keys_path.name} has no HUM TGT: EFFECT OF INCIDENT or HUM TGT: NUMBER slots, so it "
                       "gives no gold toll; only sitrep's output is summarised. Use the original MUC-4 keys.")
        return out
    for what in ("deaths", "injuries"):
        out[what] = _score(scored, what)
    return out


def _score(rows: list[dict], what: str) -> dict:
    exact = within = abs_err = tp = fp = fn = 0
    for r in rows:
        gold = r[f"gold_{what}"]
        sys = r[what]
        best = sys["best"] if sys else 0
        exact += best == gold
        low = sys["low"] if sys and sys["low"] is not None else best
        high = sys["high"] if sys and sys["high"] is not None else best
        within += low <= gold <= high if sys else gold == 0
        abs_err += abs(best - gold)
        tp += bool(gold) and bool(best)
        fp += not gold and bool(best)
        fn += bool(gold) and not best
    n = len(rows) or 1
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return {"accuracy": round(exact / n, 4), "within_bounds": round(within / n, 4), "mae": round(abs_err / n, 3),
            "detection": {"precision": round(p, 4), "recall": round(rec, 4),
                          "f1": round(2 * p * rec / (p + rec), 4) if p + rec else 0.0}}


def report(metrics: dict) -> str:
    """A short plain-text summary of the metrics `run` returned."""
    lines = [(f"MUC-4 casualties: {metrics['messages']} messages, {metrics['messages_with_incidents']} with "
              f"{metrics['incidents']} incidents")]
    lines.append(f"  sitrep: deaths in {metrics['system_messages_with_deaths']} messages "
                 f"({metrics['system_deaths_best']} in all), injuries in {metrics['system_messages_with_injuries']}")
    if not metrics["gold_available"]:
        lines.append("  " + metrics["note"])
    for what in ("deaths", "injuries"):
        if what in metrics:
            m = metrics[what]
            d = m["detection"]
            lines.append(f"  {what:<9} accuracy {m['accuracy']:.3f}  within bounds {m['within_bounds']:.3f}  "
                         f"MAE {m['mae']:.2f}  detection P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}")
    if metrics.get("words_per_second"):
        lines.append(f"  speed: {metrics['words_per_second']:,} words/s")
    return "\n".join(lines)


__all__ = ["read_keys", "read_messages", "report", "run"]
