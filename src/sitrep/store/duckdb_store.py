"""The sitrep store: documents, their extracted items, runs and quarantined inputs in DuckDB.

One file, no server. DuckDB lets one process hold a database file for writing, so all
writes go through one `Store` (one connection) in one process: the runner's main process.
Workers hand their Documents back to it; they never open the store themselves. A second
process that opens the file gets E201.

A batch of documents is written in one transaction: a run killed at any point leaves each
batch either fully written or absent, and writing an article again (same content id)
replaces its rows instead of doubling them, so a rerun finishes with nothing lost or doubled.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import duckdb

import sitrep
from sitrep.document import Document
from sitrep.errors import Errors, SitrepError
from sitrep.store.bulk import insert_rows, table_columns
from sitrep.store.document_json import storable
from sitrep.store.migrate import current_version, latest_version, migrate
from sitrep.store.rows import CHILD_TABLES, article_row

logger = logging.getLogger(__name__)

QUARANTINE_KINDS = ("error", "skipped")
READ_CHUNK = 256  # documents fetched per round trip when streaming; bounds memory, not speed
_LOCK_MARK = "Could not set lock"  # DuckDB's message when another process holds the file
_COUNTED = ("articles", "sentences", "entities", "places", "times", "quantities", "events",
            "claims", "actors", "relations", "runs")  # tables whose rows summary() counts
# Filters on the event_sheet view / events table for `geocoded` True, False or None.
_GEOCODED_WHERE = {None: "", True: "WHERE latitude IS NOT NULL AND longitude IS NOT NULL",
                   False: "WHERE latitude IS NULL OR longitude IS NULL"}


class Store:
    """A sitrep store in one DuckDB file (or ``":memory:"``).

    path (str | Path): the database file; created with the current schema if missing.
    read_only (bool): open without writing (no migrations); for readers while no run writes.
    threads (int | None): DuckDB worker threads; None lets DuckDB use every core. The runner
        may pass 1 so the store does not compete with its extraction workers.

    DOCS: docs/store.md
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False,
                 threads: int | None = None) -> None:
        self.path = str(path)
        self._con = _connect(self.path, read_only)
        if threads is not None:
            self._con.execute(f"SET threads = {int(threads)}")
        if read_only:
            self._check_version()
        else:
            migrate(self._con)
        self._columns = table_columns(self._con)

    # --- runs -------------------------------------------------------------------------

    def begin_run(self, inputs: list[str], config: dict[str, Any]) -> str:
        """Record the start of a run and return its id (sortable by start time)."""
        now = _utcnow()
        run_id = f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
        self._con.execute(
            "INSERT INTO runs (run_id, started_at, status, inputs, config, sitrep_version) "
            "VALUES (?, ?, 'running', ?, ?, ?)",
            [run_id, now, _json(list(inputs)), _json(config), sitrep.__version__],
        )
        return run_id

    def finish_run(self, run_id: str, stats: dict[str, Any]) -> None:
        """Mark `run_id` finished and keep its stats (counts, timings)."""
        self._require_run(run_id)
        self._con.execute(
            "UPDATE runs SET finished_at = ?, status = 'finished', stats = ? WHERE run_id = ?",
            [_utcnow(), _json(stats), run_id],
        )

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first, with inputs, config and stats decoded."""
        cur = self._con.execute("SELECT * FROM runs ORDER BY started_at, run_id")
        out = _dicts(cur)
        for run in out:
            for key in ("inputs", "config", "stats"):
                run[key] = json.loads(run[key]) if run[key] is not None else None
        return out

    # --- writing ----------------------------------------------------------------------

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of `ids` are already stored."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return set()
        rows = self._con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[]))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def write(self, docs: list[Document], run_id: str) -> int:
        """Write a batch of documents in one transaction, replacing any already stored.

        docs (list[Document]): the batch; a repeated id keeps its last document.
        run_id (str): the run writing them, from `begin_run`.
        RETURNS (int): how many of the documents were new to the store.
        """
        if not docs:
            return 0
        self._require_run(run_id)
        prepared = {doc.id: self._storable(doc) for doc in docs}  # last of a repeated id wins
        batch = [doc for doc, _ in prepared.values()]
        now = _utcnow()
        with self._transaction():
            before = self._first_writes(list(prepared))
            if before:
                self._delete(list(before))
            articles = []
            for doc, text in prepared.values():
                first_run, first_written = before.get(doc.id, (run_id, now))
                articles.append(article_row(doc, first_run=first_run, last_run=run_id,
                                            first_written=first_written, now=now, document=text))
            insert_rows(self._con, "articles", self._columns["articles"], articles)
            for table, build in CHILD_TABLES.items():
                rows = [row for doc in batch for row in build(doc)]
                insert_rows(self._con, table, self._columns[table], rows)
        return len(batch) - len(before)

    def quarantine(self, ref: str, code: str, message: str, kind: str, run_id: str) -> None:
        """Record an input that failed (kind "error") or was left out (kind "skipped").

        One row per (ref, code): a recurrence updates its message, run and last_seen and
        counts the occurrence.
        """
        if kind not in QUARANTINE_KINDS:
            raise SitrepError(Errors.E206.format(kind=kind, ref=ref, known=QUARANTINE_KINDS))
        self._require_run(run_id)
        now = _utcnow()
        self._con.execute(
            "INSERT INTO quarantine (ref, code, message, kind, run_id, first_run, first_seen, "
            "last_seen, occurrences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1) "
            "ON CONFLICT (ref, code) DO UPDATE SET message = excluded.message, "
            "kind = excluded.kind, run_id = excluded.run_id, last_seen = excluded.last_seen, "
            "occurrences = quarantine.occurrences + 1",
            [ref, code, message, kind, run_id, run_id, now, now],
        )

    # --- reading ----------------------------------------------------------------------

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stream stored documents (all, or those in `ids`), ordered by id."""
        for text in self.document_json(ids):
            yield Document.from_dict(json.loads(text))

    def document_json(self, ids: Iterable[str] | None = None) -> Iterator[str]:
        """Stream the stored JSON of documents (``Document.to_dict()``), ordered by id."""
        if ids is None:
            yield from self._stream("SELECT document FROM articles ORDER BY id", [])
        else:
            yield from self._stream(
                "SELECT document FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[])) "
                "ORDER BY id", [list(ids)])

    def event_sheet(self, *, geocoded: bool | None = None) -> Iterator[dict[str, Any]]:
        """Stream one ACLED-like record per event, by date, article and position.

        geocoded (bool | None): True for events with coordinates only, False for those
            without, None for all.
        """
        where = _GEOCODED_WHERE[geocoded]
        cur = self._con.cursor()
        cur.execute(
            "SELECT * EXCLUDE (date_start, published_date, ordinal) FROM event_sheet "
            f"{where} ORDER BY coalesce(date_start, published_date) NULLS LAST, "
            "article_id, ordinal"
        )
        names = [d[0] for d in cur.description]
        while chunk := cur.fetchmany(READ_CHUNK):
            for row in chunk:
                yield dict(zip(names, row, strict=True))

    def count_events(self, *, geocoded: bool | None = None) -> int:
        """How many events are stored (with coordinates only if `geocoded`, ...)."""
        where = _GEOCODED_WHERE[geocoded]
        return self._con.execute(f"SELECT count(*) FROM events {where}").fetchone()[0]

    def summary(self) -> dict[str, Any]:
        """Counts of what the store holds: articles, items, events by type, quarantine."""
        counts: dict[str, Any] = {
            table: self._scalar(f'SELECT count(*) FROM "{table}"') for table in _COUNTED
        }
        counts["places_geocoded"] = self._scalar(
            "SELECT count(*) FROM places WHERE latitude IS NOT NULL")
        counts["events_geocoded"] = self.count_events(geocoded=True)
        counts["events_by_type"] = dict(self._con.execute(
            "SELECT coalesce(type, '?'), count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall())
        counts["actors_distinct"] = self._scalar("SELECT count(*) FROM actor_index")
        counts["quarantined"] = {kind: 0 for kind in QUARANTINE_KINDS} | dict(
            self._con.execute("SELECT kind, count(*) FROM quarantine GROUP BY kind").fetchall())
        return counts

    def quarantined(self, run_id: str | None = None) -> list[dict[str, Any]]:
        """Quarantined inputs (those last seen by `run_id` if given), by ref and code."""
        where, params = ("WHERE run_id = ?", [run_id]) if run_id else ("", [])
        cur = self._con.execute(f"SELECT * FROM quarantine {where} ORDER BY ref, code", params)
        return _dicts(cur)

    def sql(self, query: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Run a read query on the store and return its rows as dicts (for the CLI and API)."""
        return _dicts(self._con.execute(query, params or []))

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new DuckDB cursor on this store, for reads from another thread."""
        return self._con.cursor()

    @property
    def schema_version(self) -> int:
        return current_version(self._con)

    # --- lifecycle --------------------------------------------------------------------

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- internals --------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        self._con.execute("COMMIT")

    @staticmethod
    def _storable(doc: Document) -> tuple[Document, str]:
        clean, text = storable(doc)
        if clean is not doc:
            logger.warning("document %s holds invalid code points (lone surrogates); stored "
                           "with U+FFFD in their place", doc.id)
        return clean, text

    def _first_writes(self, ids: list[str]) -> dict[str, tuple[str, dt.datetime]]:
        rows = self._con.execute(
            "SELECT id, first_run, first_written FROM articles "
            "WHERE id IN (SELECT unnest($1::VARCHAR[]))", [ids]
        ).fetchall()
        return {doc_id: (first_run, first_written) for doc_id, first_run, first_written in rows}

    def _delete(self, ids: list[str]) -> None:
        for table in CHILD_TABLES:
            self._con.execute(
                f'DELETE FROM "{table}" WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))', [ids])
        self._con.execute("DELETE FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[]))", [ids])

    def _require_run(self, run_id: str) -> None:
        if not self._scalar("SELECT count(*) FROM runs WHERE run_id = ?", [run_id]):
            raise SitrepError(Errors.E205.format(run_id=run_id, path=self.path))

    def _check_version(self) -> None:
        found, expected = current_version(self._con), latest_version()
        if found != expected:
            raise SitrepError(Errors.E207.format(path=self.path, found=found, expected=expected))

    def _scalar(self, query: str, params: list[Any] | None = None) -> Any:
        return self._con.execute(query, params or []).fetchone()[0]

    def _stream(self, query: str, params: list[Any]) -> Iterator[Any]:
        # A cursor of its own, so the caller may write through the store while iterating.
        cur = self._con.cursor()
        cur.execute(query, params)
        while chunk := cur.fetchmany(READ_CHUNK):
            for (value,) in chunk:
                yield value


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        detail = str(exc).removeprefix("IO Error: ")
        if _LOCK_MARK in detail:
            raise SitrepError(Errors.E201.format(path=path, detail=detail)) from exc
        raise SitrepError(Errors.E202.format(path=path, detail=detail)) from exc
    if path != ":memory:":
        found, expected = current_version(con), latest_version()
        if found > expected:
            con.close()
            raise SitrepError(Errors.E203.format(path=path, found=found, expected=expected))
    return con


def _json(value: Any) -> str:
    # default=str: a config may hold Paths or dates; the record matters more than the type.
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
