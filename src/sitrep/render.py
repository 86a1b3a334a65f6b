"""Readable text for people: one document, or the end of a run."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sitrep.document import Document

MAX_LISTED = 12  # items per section in a summary; the JSON has them all


def document_text(doc: Document) -> str:
    published = f"{doc.published} ({doc.published_source})" if doc.published else "unknown"
    lines = [f"{doc.title or doc.text[:80].strip()!s}", (f"id {doc.id}  published {published}  "
             f"{len(doc.sentences)} sentences  {len(doc.text.split())} words"), ""]
    lines += _section("Entities", [f"{e.label:8} {e.text}" for e in doc.entities], Counter(e.label for e in doc.entities))
    lines += _section("Places", [f"{p.text} -> {_place(p)}" for p in doc.places])
    lines += _section("Times", [f"{t.text} -> {t.value or '?'} ({t.precision or t.kind})" for t in doc.times])
    lines += _section("Quantities", [f"{q.text} -> {_bounds(q)} {q.unit or ''}".rstrip() for q in doc.quantities])
    actors = {a.id: a for a in doc.actors}
    lines += _section("Actors", [f"{a.name} [{a.sector or '?'}, {a.country or '?'}]" for a in doc.actors])
    lines += _section("Events", [_event(e, actors) for e in doc.events], Counter(e.type for e in doc.events))
    lines += _section("Claims", [f"{c.kind}: {c.speaker.text if c.speaker else '(unnamed)'} {c.cue.text} "
                                 f"\"{doc.text[c.content.start:c.content.end][:70]}\"" for c in doc.claims])
    return "\n".join(lines).rstrip()


def _section(title: str, rows: list[str], counts: Counter | None = None) -> list[str]:
    head = f"{title} ({len(rows)})" + (": " + ", ".join(f"{k} {v}" for k, v in counts.most_common()) if counts else "")
    more = [f"  ... {len(rows) - MAX_LISTED} more"] if len(rows) > MAX_LISTED else []
    return [head, *(f"  {r}" for r in rows[:MAX_LISTED]), *more, ""]


def _place(p) -> str:
    if not p.resolved:
        return "unresolved"
    return f"{p.lat:.3f},{p.lon:.3f} {p.admin1 or ''} {p.country or ''} ({p.feature_class})".replace("  ", " ")


def _bounds(q) -> str:
    if q.low == q.high:
        return f"{q.best:g}" if q.best is not None else "?"
    return f"{q.low:g}..{q.high:g}" if q.low is not None and q.high is not None else f"~{q.best:g}"


def _event(e, actors: dict) -> str:
    names = lambda ids: "+".join(actors[i].name for i in ids if i in actors) or "?"
    extra = f" [{e.modality}]" if e.modality != "asserted" else ""
    extra += "".join(f" {a.role}={a.text!r}" for a in e.arguments)
    return f"{e.type:10} {names(e.source)} -> {names(e.target)}: \"{e.trigger.text}\"{extra}"


def job_text(result: Any, db: str) -> str:
    s = result.summary
    events = s.get("events_by_type") or {}
    lines = [
        f"run {result.run_id}: {result.articles} new articles stored, {result.already_stored} already stored, "
        f"{result.skipped} skipped, {result.failed} failed in {result.seconds:.1f} s"
        + (f" ({result.words / result.seconds:,.0f} words/s)" if result.seconds and result.words else ""),
        f"store {db}: " + ", ".join(f"{k} {v}" for k, v in s.items() if isinstance(v, int)),
    ]
    if events:
        lines.append("events by type: " + ", ".join(f"{k} {v}" for k, v in sorted(events.items(), key=lambda kv: -kv[1])))
    for failure in result.failures[:MAX_LISTED]:
        lines.append(f"  failed: {failure['message']}")
    if result.failed or result.skipped:
        lines.append(f"quarantine: see table 'quarantine' in {db} (duckdb {db} \"select * from quarantine\")")
    lines.append(f"output: {db}; export with `sitrep export --db {db} --format csv|jsonl|geojson`")
    return "\n".join(lines)
