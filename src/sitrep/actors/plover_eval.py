"""Actor agreement with the PLOVER gold records' source/target actors (country and sector).

    python -m sitrep.actors.plover_eval ../shared/data/plover_gsr_cameo [BASE]

BASE is the spaCy pipeline under the stages (default blank:en; "sitrep:en_sitrep" adds NER).

For every coded actor whose text occurs in its sentence: whether sitrep linked an actor there
(coverage), whether its country matches the CAMEO country code, and whether its sector matches
the CAMEO sector code where the record gives one. IGO/NGO codes are compared with the sector.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.actors.sectors import CODE_SECTORS
from sitrep.pipeline import load, run_many

# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ROM": "ROU", "GER": "DEU", "SER": "SRB", "BOS": "BIH", "PAL": "PSE"}
ORGANISATION_CODES = {"IGO": "igo", "NGO": "ngo"}


def gold_records(folder: Path) -> list[dict[str, Any]]:
    path = folder / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
    return [r for r in json.loads(path.read_text("utf-8")) if r.get("text")]


def evaluate(folder: Path, base: str = "blank:en") -> dict[str, Any]:
    records = gold_records(folder)
    nlp = load(base=base, exclude=[], stages=["sitrep_entities", "sitrep_actors"])  # the base's own NER too
    start = time.perf_counter()
    docs = list(run_many(nlp, [(r["text"], None) for r in records]))
    seconds = time.perf_counter() - start
    counts: Counter = Counter()
    for record, doc in zip(records, docs):
        for gold in _actors(record):
            _score(doc, gold, counts)
    words = sum(len(d) for d in docs)
    return {
        "base": base, "records": len(records), "gold_actors": counts["gold"],
        "coverage": _ratio(counts["found"], counts["gold"]),
        "country_accuracy": _ratio(counts["country_ok"], counts["country_gold"]),
        "country_gold": counts["country_gold"],
        "sector_accuracy": _ratio(counts["sector_ok"], counts["sector_gold"]),
        "sector_gold": counts["sector_gold"],
        "docs_per_s": round(len(docs) / seconds, 1), "words_per_s": round(words / seconds),
    }


def _actors(record: dict[str, Any]) -> list[dict[str, str]]:
    out = []
    for role in ("source", "target"):
        value = record.get(role)
        if isinstance(value, list):
            out += [a for a in value if isinstance(a, dict) and a.get("actorText")]
    return out


def _score(doc, gold: dict[str, str], counts: Counter) -> None:
    start = doc.text.find(gold["actorText"])
    if start < 0:
        return
    end = start + len(gold["actorText"])
    counts["gold"] += 1
    actor = next((a for a in doc._.actors if any(m.start < end and start < m.end for m in a.mentions)), None)
    if actor is None:
        return
    counts["found"] += 1
    code = (gold.get("code") or "").upper()
    if code in ORGANISATION_CODES:
        counts["country_gold"] += 1
        counts["country_ok"] += actor.sector in ("igo", "ngo", "judiciary") or (actor.kb_id or "").islower() and actor.country is None
    elif len(code) == 3:
        counts["country_gold"] += 1
        counts["country_ok"] += actor.country == CAMEO_TO_ISO.get(code, code)
    sector = CODE_SECTORS.get((gold.get("sector") or "")[:3].upper())
    if sector:
        counts["sector_gold"] += 1
        counts["sector_ok"] += actor.sector == sector


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/plover_gsr_cameo")
    print(json.dumps(evaluate(folder, *sys.argv[2:3]), indent=2))
