"""`sitrep actors NAME [--db FILE] [--json]`: an actor with its aliases, sector, country, and,
from a sitrep store, its relations and events over time.

The command is a thin layer over `actor_profile`, which a program can call directly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import duckdb

from sitrep.actors.kb import ActorKB, KBEntry, load_kb
from sitrep.errors import Errors, SitrepError

# How many events and relations the text view lists; --json gives them all.
SHOWN_ROWS = 20


def actor_profile(name: str, db: str | Path | None = None, kb: ActorKB | None = None) -> dict[str, Any]:
    """Everything sitrep knows about the actor `name` (a name, alias or KB id).

    name (str): e.g. "ISKP", "Islamic State Khorasan Province", "iskp".
    db (str | Path | None): a sitrep store (DuckDB file) to read mentions, relations, events from.
    kb (ActorKB | None): the knowledge base; sitrep's own when None.
    RETURNS (dict): kb entry fields, and with a store: documents, relations, events (by date).
    """
    kb = kb or load_kb()
    entry = kb.get(name) or kb.lookup(name)
    profile: dict[str, Any] = {"query": name, "kb": _entry_dict(kb, entry) if entry else None}
    if db is not None:
        profile.update(_store_profile(Path(db), name, entry))
    if entry is None and not profile.get("mentions"):
        raise SitrepError(Errors.E606.format(name=name))
    return profile


def _entry_dict(kb: ActorKB, entry: KBEntry) -> dict[str, Any]:
    parent = kb.get(entry.parent) if entry.parent else None
    return {
        "id": entry.id, "name": entry.name, "aliases": list(entry.aliases), "sector": entry.sector,
        "country": entry.country, "type": entry.type, "tags": sorted(entry.tags),
        "parent": {"id": parent.id, "name": parent.name} if parent else None,
        "children": [{"id": c.id, "name": c.name} for c in kb.children(entry.id)],
        "description": entry.description, "source": entry.source,
    }


def _store_profile(path: Path, name: str, entry: KBEntry | None) -> dict[str, Any]:
    if not path.is_file():
        raise SitrepError(Errors.E607.format(path=path, error="no such file"))
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as err:
        raise SitrepError(Errors.E607.format(path=path, error=err)) from err
    try:
        return _query_store(con, name, entry)
    except duckdb.Error as err:
        raise SitrepError(Errors.E607.format(path=path, error=err)) from err
    finally:
        con.close()


def _query_store(con: duckdb.DuckDBPyConnection, name: str, entry: KBEntry | None) -> dict[str, Any]:
    con.execute("CREATE TEMP TABLE wanted AS SELECT doc_id, actor_id, name, status FROM actors "
                "WHERE kb_id = $kb OR (kb_id IS NULL AND (lower(name) = $name OR list_contains(aliases, $raw)))",
                {"kb": entry.id if entry else None, "name": name.lower(), "raw": name})
    mentions = _rows(con, "SELECT a.doc_id, a.actor_id, a.name, a.status, a.n_mentions, ar.title, ar.published "
                          "FROM actors a JOIN wanted w USING (doc_id, actor_id) "
                          "LEFT JOIN articles ar ON ar.id = a.doc_id ORDER BY ar.published NULLS LAST")
    relations = _rows(con, """
        SELECT r.doc_id, r.type, r.source = w.actor_id AS outgoing,
               CASE WHEN r.source = w.actor_id THEN o2.name ELSE o1.name END AS other,
               CASE WHEN r.source = w.actor_id THEN o2.kb_id ELSE o1.kb_id END AS other_kb_id,
               w.status, r.trigger_text, r.confidence, t.value AS time, ar.published
        FROM relations r
        JOIN wanted w ON w.doc_id = r.doc_id AND w.actor_id IN (r.source, r.target)
        LEFT JOIN actors o1 ON o1.doc_id = r.doc_id AND o1.actor_id = r.source
        LEFT JOIN actors o2 ON o2.doc_id = r.doc_id AND o2.actor_id = r.target
        LEFT JOIN times t ON t.doc_id = r.doc_id AND t.time_id = r.time_id
        LEFT JOIN articles ar ON ar.id = r.doc_id
        ORDER BY coalesce(t.value, ar.published) NULLS LAST""")
    events = _rows(con, """
        SELECT e.doc_id, e.event_id, e.type, e.mode, ea.role, e.event_date, e.trigger_text,
               e.sentence_text, ar.published
        FROM event_actors ea
        JOIN wanted w ON w.doc_id = ea.doc_id AND w.actor_id = ea.actor_id
        JOIN events e ON e.doc_id = ea.doc_id AND e.ordinal = ea.event_ordinal
        LEFT JOIN articles ar ON ar.id = e.doc_id
        ORDER BY coalesce(e.event_date, ar.published) NULLS LAST""")
    return {"mentions": mentions, "relations": relations, "events": events}


def _rows(con: duckdb.DuckDBPyConnection, query: str) -> list[dict[str, Any]]:
    cur = con.execute(query)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def render(profile: dict[str, Any]) -> str:
    """The text view of a profile."""
    lines = []
    entry = profile.get("kb")
    if entry:
        lines.append(f"{entry['name']}  [{entry['id']}]")
        lines.append(f"  sector: {entry['sector'] or '-'}   country: {entry['country'] or '-'}   type: {entry['type'] or '-'}")
        if entry["aliases"]:
            lines.append(f"  aliases: {', '.join(entry['aliases'])}")
        if entry["parent"]:
            lines.append(f"  part of: {entry['parent']['name']} [{entry['parent']['id']}]")
        if entry["children"]:
            lines.append(f"  branches: {', '.join(c['name'] for c in entry['children'])}")
        if entry["description"]:
            lines.append(f"  {entry['description']}")
    else:
        lines.append(f"{profile['query']}  (not in the knowledge base; found in the store)")
    if "mentions" in profile:
        docs = {m["doc_id"] for m in profile["mentions"]}
        lines.append(f"  in the store: {len(docs)} document(s)")
        lines += _section("relations", profile["relations"], _relation_line)
        lines += _section("events", profile["events"], _event_line)
    return "\n".join(lines)


def _section(title: str, rows: list[dict[str, Any]], fmt) -> list[str]:
    if not rows:
        return [f"  {title}: none"]
    out = [f"  {title} ({len(rows)}):"]
    out += [f"    {fmt(r)}" for r in rows[:SHOWN_ROWS]]
    if len(rows) > SHOWN_ROWS:
        out.append(f"    ... {len(rows) - SHOWN_ROWS} more (--json lists all)")
    return out


def _relation_line(r: dict[str, Any]) -> str:
    when = r.get("time") or r.get("published") or "undated"
    who = f"({r['status']}) " if r.get("status") else ""
    arrow = f"{who}{r['type']} -> {r['other']}" if r["outgoing"] else f"{r['other']} {r['type']} -> this"
    return f"{when}  {arrow}  \"{r.get('trigger_text') or ''}\"  [{r['doc_id']}]"


def _event_line(e: dict[str, Any]) -> str:
    when = e.get("event_date") or e.get("published") or "undated"
    mode = f"/{e['mode']}" if e.get("mode") else ""
    return f"{when}  {e['type']}{mode} as {e['role']}  \"{e.get('trigger_text') or ''}\"  [{e['doc_id']}:{e['event_id']}]"


@click.command("actors")
@click.argument("name")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="A sitrep store (DuckDB) to read the actor's relations and events from.")
@click.option("--kb", "extra_kb", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Extra knowledge-base files (YAML/CSV) to look the name up in.")
@click.option("--json", "as_json", is_flag=True, help="Print the profile as JSON.")
def actors_command(name: str, db: Path | None, extra_kb: tuple[Path, ...], as_json: bool) -> None:
    """Show actor NAME (a name, alias or KB id such as ISKP): aliases, sector, country and, with
    --db, its relations and events over time."""
    try:
        profile = actor_profile(name, db=db, kb=load_kb(extra_kb))
    except SitrepError as err:
        raise click.ClickException(str(err)) from err
    click.echo(json.dumps(profile, indent=2, default=str, ensure_ascii=False) if as_json else render(profile))


__all__ = ["actor_profile", "actors_command", "render"]
