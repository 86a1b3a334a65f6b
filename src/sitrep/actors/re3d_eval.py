"""Affiliations against the re3d relations (Dstl, OGL v3): fights, member_of and allied_with.

    python -m sitrep.actors.re3d_eval ../shared/data/re3d [BASE]

re3d's FightingAgainst, BelongsTo/InChargeOf and AlliesOf relations are compared with
sitrep's fights, member_of and allied_with: a gold relation is found when a sitrep relation of
the mapped type joins actors with mentions overlapping its source and target spans (either
way round for fights and allied_with). Precision counts sitrep relations that meet a gold one
of any of these types. re3d also codes attacks ("strikes engaged ISIL vehicles") and
NP-internal membership ("ISIL fighters") as relations, which sitrep keeps as events or as one
mention, so recall is bounded well below 1. Also reports how many of re3d's Organisation and
Person entities fall inside an actor mention (actor coverage).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.pipeline import load, run_many

TYPE_MAP = {"FightingAgainst": "fights", "BelongsTo": "member_of", "InChargeOf": "member_of", "AlliesOf": "allied_with"}
SYMMETRIC = {"fights", "allied_with"}
ACTOR_ENTITY_TYPES = {"Organisation", "Person"}


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def load_corpus(folder: Path) -> list[tuple[dict, list[dict], list[dict]]]:
    """(document, its relations, its entities) for every document of every re3d source."""
    out = []
    for source in sorted(p for p in folder.iterdir() if (p / "documents.json").is_file()):
        rels: dict[str, list] = {}
        ents: dict[str, list] = {}
        for r in _jsonl(source / "relations.json"):
            rels.setdefault(r["documentId"], []).append(r)
        for e in _jsonl(source / "entities.json"):
            ents.setdefault(e["documentId"], []).append(e)
        out += [(d, rels.get(d["_id"], []), ents.get(d["_id"], [])) for d in _jsonl(source / "documents.json")]
    return out


def evaluate(folder: Path, base: str = "blank:en") -> dict[str, Any]:
    corpus = load_corpus(folder)
    nlp = load(base=base, exclude=[], stages=["sitrep_entities", "sitrep_actors", "sitrep_relations"])  # the base's own NER too
    docs = run_many(nlp, [(d["text"], None) for d, _, _ in corpus])
    counts: Counter = Counter()
    for (_, gold_rels, gold_ents), doc in zip(corpus, docs):
        spans = {a.id: [(m.start, m.end) for m in a.mentions] for a in doc._.actors}
        gold = [(TYPE_MAP[r["type"]], (r["sourceBegin"], r["sourceEnd"]), (r["targetBegin"], r["targetEnd"]))
                for r in gold_rels if r["type"] in TYPE_MAP]
        predicted = [(r.type, spans[r.source], spans[r.target]) for r in doc._.relations if r.type in TYPE_MAP.values()]
        for kind, src, tgt in gold:
            counts[f"gold_{kind}"] += 1
            counts[f"found_{kind}"] += any(_matches(kind, src, tgt, p) for p in predicted)
        for p in predicted:
            counts[f"pred_{p[0]}"] += 1
            counts[f"correct_{p[0]}"] += any(_matches(g[0], g[1], g[2], p, typed=False) for g in gold)
        for ent in gold_ents:
            if ent["type"] in ACTOR_ENTITY_TYPES:
                counts["actor_entities"] += 1
                counts["actor_entities_covered"] += any(s < ent["end"] and ent["begin"] < e for ms in spans.values() for s, e in ms)
    report: dict[str, Any] = {"base": base, "documents": len(corpus)}
    for kind in ("fights", "member_of", "allied_with"):
        report[kind] = {
            "gold": counts[f"gold_{kind}"], "recall": _ratio(counts[f"found_{kind}"], counts[f"gold_{kind}"]),
            "predicted": counts[f"pred_{kind}"], "precision": _ratio(counts[f"correct_{kind}"], counts[f"pred_{kind}"]),
        }
    report["actor_coverage"] = _ratio(counts["actor_entities_covered"], counts["actor_entities"])
    return report


def _matches(kind: str, src: tuple[int, int], tgt: tuple[int, int], pred: tuple, typed: bool = True) -> bool:
    p_kind, p_src, p_tgt = pred
    if typed and p_kind != kind:
        return False
    forward = _overlaps(src, p_src) and _overlaps(tgt, p_tgt)
    backward = _overlaps(src, p_tgt) and _overlaps(tgt, p_src)
    return forward or (backward and (p_kind in SYMMETRIC or kind in SYMMETRIC))


def _overlaps(span: tuple[int, int], mentions: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in mentions)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/re3d")
    print(json.dumps(evaluate(folder, *sys.argv[2:3]), indent=2))
