"""Schema migrations: a store created at an older version is upgraded on open."""

import duckdb
import pytest
from store_sample_docs import samples

from sitrep.errors import SitrepError
from sitrep.store import Store
from sitrep.store.bulk import insert_rows, table_columns
from sitrep.store.migrate import available, latest_version, migrate
from sitrep.store.rows import CHILD_TABLES, article_row


def test_migrations_numbered_in_order():
    versions = [m.version for m in available()]
    assert versions == list(range(1, len(versions) + 1))
    assert available()[0].name == "initial"


def test_store_new_file_is_at_latest_version(store):
    assert store.schema_version == latest_version() >= 2
    rows = store.sql("SELECT version, name FROM schema_migrations ORDER BY version")
    assert [r["version"] for r in rows] == [m.version for m in available()]


def test_store_upgrades_version_1_database(store_path):
    """Write with a version-1 schema (as an older sitrep did), then open with this one."""
    doc = samples()[1]
    con = duckdb.connect(str(store_path))
    assert migrate(con, upto=1) == [1]
    assert con.execute("SELECT count(*) FROM information_schema.tables "
                       "WHERE table_name = 'event_sheet'").fetchone()[0] == 0
    columns = table_columns(con)
    con.execute("INSERT INTO runs (run_id, started_at) VALUES ('old-run', now())")
    insert_rows(con, "articles", columns["articles"],
                [article_row(doc, first_run="old-run", last_run="old-run",
                             first_written=None, now=None)])
    for table, build in CHILD_TABLES.items():
        if table in columns:  # tables added by later migrations did not exist yet
            insert_rows(con, table, columns[table], build(doc))
    con.close()

    with Store(store_path) as store:
        assert store.schema_version == latest_version()
        applied = store.sql("SELECT version FROM schema_migrations ORDER BY version")
        assert [r["version"] for r in applied] == [m.version for m in available()]
        # the views added by 002 see the rows written before it
        sheet = list(store.event_sheet())
        assert [r["event_id"] for r in sheet] == [f"{doc.id}:e1", f"{doc.id}:e2"]
        assert store.known([doc.id]) == {doc.id}
        run = store.begin_run([], {})
        assert store.write(samples(), run) == 2  # the old article is not new
        assert store.summary()["articles"] == 3
    with Store(store_path) as store:  # opening again applies nothing twice
        assert len(store.sql("SELECT * FROM schema_migrations")) == len(available())


def test_store_refuses_newer_schema(store_path):
    Store(store_path).close()
    con = duckdb.connect(str(store_path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    con.close()
    with pytest.raises(SitrepError, match=r"\[E203\]"):
        Store(store_path)


def test_store_read_only_needs_current_schema(store_path):
    con = duckdb.connect(str(store_path))
    migrate(con, upto=1)
    con.close()
    with pytest.raises(SitrepError, match=r"\[E207\]"):
        Store(store_path, read_only=True)
    Store(store_path).close()  # upgrade
    with Store(store_path, read_only=True) as store:
        assert store.summary()["articles"] == 0


def test_store_read_only_refuses_newer_schema(store_path):
    Store(store_path).close()
    con = duckdb.connect(str(store_path))
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', now())")
    con.close()
    with pytest.raises(SitrepError, match=r"\[E203\]"):
        Store(store_path, read_only=True)
