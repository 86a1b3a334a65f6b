"""Scale-out is another executor over the same job: Ray actors give the same store as local."""

from __future__ import annotations

import duckdb
import pytest

from sitrep.runner.job import JobOptions, run_job
from sitrep.runner.local import LocalExecutor
from tests.core.test_main_job import FAST_CFG, many_articles

ray = pytest.importorskip("ray", reason="the Ray engine is optional: pip install 'sitrep[scale]'")


def test_ray_engine_stores_what_the_local_engine_stores(tmp_path):
    from sitrep.runner.ray import RayExecutor

    inputs = many_articles(tmp_path / "in", 60)
    cfg = tmp_path / "fast.cfg"
    cfg.write_text(FAST_CFG)
    results = {}
    for name, executor in {"local": LocalExecutor(1, str(cfg)), "ray": RayExecutor(2, str(cfg))}.items():
        db = tmp_path / f"{name}.duckdb"
        result = run_job([str(inputs)], JobOptions(db=db, config=str(cfg), progress=False), executor)
        assert result.ok and result.articles == 60
        with duckdb.connect(str(db), read_only=True) as con:
            results[name] = con.execute(
                "select id, n_sentences, (select count(*) from entities e where e.doc_id = a.id), "
                "(select count(*) from times t where t.doc_id = a.id) from articles a order by id").fetchall()
    assert results["ray"] == results["local"]
    assert not ray.is_initialized()  # the engine shuts down the local cluster it started
