"""Column-wise bulk inserts into DuckDB through numpy object arrays (no pandas, no Arrow).

Each column becomes one numpy array; DuckDB scans the dict of arrays as a table and casts every
column to its declared type in ``INSERT ... SELECT``. Measured on DuckDB 2.0: 200,000
five-column rows in 0.09 s, against 1.0 s for one ``unnest($n::T[])`` list parameter per column
and ~40 s for ``executemany``. numpy comes with spaCy.

DuckDB infers an object column's type from its values, and a list column whose first values are
empty lists is read as a list of NULLs; list columns therefore travel as JSON text and are cast
back (``::JSON::VARCHAR[]``).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from typing import Any

import duckdb
import numpy as np

Columns = list[tuple[str, str]]  # (name, DuckDB type) in table order


def table_columns(con: duckdb.DuckDBPyConnection) -> dict[str, Columns]:
    """Every base table's columns and types, in declaration order."""
    rows = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = 'main' AND table_name IN "
        "(SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE') "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    tables: dict[str, Columns] = {}
    for table, column, kind in rows:
        tables.setdefault(table, []).append((column, kind))
    return tables


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: Columns,
                rows: Iterable[dict]) -> int:
    """Insert `rows` (dicts holding every column of `table`) in one statement.

    RETURNS (int): the number of rows inserted.
    """
    rows = list(rows)
    if not rows:
        return 0
    # row[name], not row.get(name): a column the row builder forgot must fail, not go NULL.
    data = {f"c{i}": _array([row[name] for row in rows], kind)
            for i, (name, kind) in enumerate(columns)}
    names = ", ".join(f'"{name}"' for name, _ in columns)
    casts = ", ".join(_cast(f"c{i}", kind) for i, (_, kind) in enumerate(columns))
    view = f"_sitrep_insert_{table}"
    con.register(view, data)
    try:
        con.execute(f'INSERT INTO "{table}" ({names}) SELECT {casts} FROM "{view}"')
    except BaseException:
        # In an aborted transaction unregister fails too; the insert's error is the one to see.
        with contextlib.suppress(duckdb.Error):
            con.unregister(view)
        raise
    con.unregister(view)
    return len(rows)


def _array(values: list[Any], kind: str) -> np.ndarray:
    if kind.endswith("[]"):
        values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
    array = np.empty(len(values), dtype=object)
    array[:] = values  # slice assignment keeps lists and tuples as single objects
    return array


def _cast(column: str, kind: str) -> str:
    if kind.endswith("[]"):
        return f'"{column}"::JSON::{kind}'
    return f'"{column}"::{kind}'
