"""Apply the numbered SQL migrations in ``sitrep/store/migrations`` in order.

Each ``NNN_name.sql`` runs once, in its own transaction, and is recorded in
``schema_migrations``; a store opened by an older sitrep is brought up to date on open.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources

import duckdb

_FILE = re.compile(r"^(\d{3})_(\w+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    """The migrations shipped with this sitrep, oldest first."""
    folder = resources.files("sitrep.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if m := _FILE.match(entry.name):
            found.append(Migration(int(m[1]), m[2], entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


def latest_version() -> int:
    return available()[-1].version


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The newest migration applied to the database behind `con`; 0 for a new one."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection, *, upto: int | None = None) -> list[int]:
    """Apply every migration newer than the database's version (up to `upto` if given).

    RETURNS (list[int]): the versions applied by this call.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = current_version(con)
    applied = []
    for migration in available():
        if migration.version <= done or (upto is not None and migration.version > upto):
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                        [migration.version, migration.name, _utcnow()])
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
        applied.append(migration.version)
    return applied


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
