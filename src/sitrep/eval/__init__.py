"""`sitrep eval TASK`: one entry point for every evaluation.

Each task is a module with `run(data, *, nlp=None, limit=None) -> dict` (JSON-able metrics)
and `report(metrics) -> str`.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

from sitrep.errors import Errors, SitrepError

TASKS = {
    "ner": "sitrep.eval.ner",
    "parse": "sitrep.eval.parse",
    "geo": "sitrep.eval.geo",
    "event-location": "sitrep.eval.event_location",
    "time": "sitrep.eval.time",
    "casualties": "sitrep.eval.casualties",
    "events": "sitrep.eval.events",
    "quotes": "sitrep.eval.quotes",
}


def run_task(task: str, data: Path, *, limit: int | None = None, config: str | None = None) -> tuple[dict[str, Any], str]:
    """Run evaluation `task` on `data`; returns (metrics, human-readable report)."""
    if task not in TASKS:
        raise SitrepError(Errors.E007.format(name=task, known=", ".join(TASKS)))
    module = importlib.import_module(TASKS[task])
    kwargs: dict[str, Any] = {"limit": limit}
    params = inspect.signature(module.run).parameters
    if config and "config" in params:
        kwargs["config"] = config  # the task builds what it measures from the config
    elif config and "nlp" in params:
        # a user's config swaps the pipeline under evaluation; tasks measure whatever it builds
        from sitrep.pipeline import load

        kwargs["nlp"] = load(config)
    metrics = module.run(data, **kwargs)
    metrics.setdefault("task", task)
    metrics.setdefault("data", str(data))
    return metrics, module.report(metrics)
