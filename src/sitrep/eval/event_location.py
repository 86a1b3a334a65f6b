"""`sitrep eval event-location`: does each event get the place where it happened?

    sitrep eval event-location --data ../shared/data/event_location

The data (Halterman, "Geolocating Political Events in Text") gives sentences with one event
verb and the span(s) of the place where that event happened, or none when the sentence does
not say. Each sentence runs through the pipeline up to the place stage; the verb becomes an
`Event`, and `sitrep_event_places` chooses its place. Two settings:
- **end to end**: the places are what the pipeline recognised;
- **attachment**: the gold location spans are added to the recognised places (resolved with
  `sitrep.places.resolve`), so the figure measures the choice among places, not recognition.
Items whose location offsets do not point at a name (about 12% in the released file) are
left out. Figures are given for every choice and for the choices made in the event's own sentence
(the rest fall back to the paragraph or the document's focus, which the data does not
annotate). A choice is correct when its span overlaps a gold location span; with no gold location, the
correct answer is no place in the sentence (a place from elsewhere counts as a false alarm).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from sitrep.errors import Errors, SitrepError

DATA_FILE = "labeled_text.json"


def read_items(data: Path) -> list[dict[str, Any]]:
    """Items with text, the verb span and the gold location spans (a list, maybe empty)."""
    path = data / DATA_FILE if data.is_dir() else data
    if not path.is_file():
        raise SitrepError(Errors.E008.format(path=path))
    items = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        verbs = [s for s in rec.get("spans", []) if s.get("label") == "VERB"]
        if len(verbs) != 1 or rec.get("answer") not in (None, "accept"):
            continue
        locations = [(s["start"], s["end"]) for s in rec["spans"] if s.get("label") == "LOCATION"]
        if not all(_is_name(rec["text"][s:e]) for s, e in locations):
            continue  # about 12% of the location offsets do not point at a name in the released file
        items.append({"text": rec["text"], "verb": (verbs[0]["start"], verbs[0]["end"]), "locations": locations})
    return items


def _is_name(text: str) -> bool:
    return len(text.strip()) > 1 and text[0].isalnum()


def _place_stage_nlp() -> Any:
    from sitrep.eval.geo import _default_nlp

    return _default_nlp()


def evaluate(items: list[dict[str, Any]], nlp: Any, *, attachment: bool) -> dict[str, Any]:
    """Precision/recall of the chosen event place against the gold location spans."""
    from sitrep.document import Event, Span
    from sitrep.pipeline import run_many
    from sitrep.pipeline.doc import next_id, sentence_index
    from sitrep.places.events import EventPlacer
    from sitrep.places.resolver import Resolver

    placer = EventPlacer(nlp, "sitrep_event_places")
    resolver = Resolver() if attachment else None
    counts = {"all": [0, 0], "sentence": [0, 0]}  # [chosen, correct]
    with_gold = precision_1 = n_precision = 0
    start = time.perf_counter()
    docs = run_many(nlp, [(item["text"], {}) for item in items])
    for item, doc in zip(items, docs):
        if attachment:
            _add_gold_places(doc, item["locations"], resolver, next_id, sentence_index)
        vs, ve = item["verb"]
        doc._.events = [Event(id="e1", type="EVENT", trigger=Span(start=vs, end=ve, text=doc.text[vs:ve]),
                              sentence=sentence_index(doc, vs))]
        gold = item["locations"]
        with_gold += bool(gold)
        (_, place, precision, level), = placer.locate(doc)
        if place is None:
            continue
        hit = any(place.start < e and s < place.end for s, e in gold)
        for key in ("all", "sentence") if level == "sentence" else ("all",):
            counts[key][0] += 1
            counts[key][1] += hit
        n_precision += 1
        precision_1 += precision == 1
    out = {"items": len(items), "with_gold_location": with_gold,
           "share_geo_precision_1": round(precision_1 / n_precision, 4) if n_precision else None,
           "items_per_s": round(len(items) / (time.perf_counter() - start), 1)}
    for key, (chosen, correct) in counts.items():
        p = correct / chosen if chosen else 0.0
        r = correct / with_gold if with_gold else 0.0
        out[key if key == "all" else "sentence_only"] = {
            "chosen": chosen, "correct": correct, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    out.update(out["all"])
    return out


def _add_gold_places(doc: Any, locations: list[tuple[int, int]], resolver: Any, next_id: Any, sentence_index: Any) -> None:
    """Add the gold location spans the pipeline did not find, resolved like any place."""
    missing = [(s, e) for s, e in locations if not any(p.start < e and s < p.end for p in doc._.places)]
    if not missing:
        return
    for res in resolver.resolve(doc.text, missing):
        doc._.places.append(resolver.to_place(res, next_id(doc._.places, "p"), sentence_index(doc, res.start)))


def run(data: Path, *, nlp: Any = None, limit: int | None = None) -> dict[str, Any]:
    """Evaluate event placement on the event_location data (a folder or its JSON file)."""
    items = read_items(Path(data))
    if limit:
        items = items[:limit]
    nlp = nlp or _place_stage_nlp()
    return {"end_to_end": evaluate(items, nlp, attachment=False),
            "attachment": evaluate(items, nlp, attachment=True)}


def report(metrics: dict[str, Any]) -> str:
    lines = [f"event-location: {metrics.get('data', '')}"]
    for key in ("attachment", "end_to_end"):
        m = metrics[key]
        lines.append(
            f"  {key}: P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} "
            f"({m['correct']}/{m['chosen']} chosen right; {m['with_gold_location']} of {m['items']} have a gold place; "
            f"{m['items_per_s']} items/s)"
        )
        s = m["sentence_only"]
        lines.append(f"    choices from the event's own sentence only: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return "\n".join(lines)
