"""`sitrep train`: rebuild sitrep's English pipeline from ../shared/data.

    sitrep train all                # both models below, evaluated (about two hours on 2 cores)
    sitrep train model --seed 0     # en_sitrep's training run (syntax and NER on one shared CNN)
    sitrep train assemble           # the last trained model + place ruler -> the shipped en_sitrep
    sitrep train encoder            # the MiniLM encoder NER, fine-tuned and exported to ONNX int8
    python -m sitrep.training all   # the same without the sitrep command
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import click

from . import paths

PARTS = ("all", "model", "assemble", "encoder")
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@click.command(name="train")
@click.argument("part", type=click.Choice(PARTS), default="all")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=paths.MODEL_DIR,
              show_default=True, help="Where the assembled pipeline is saved.")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path), default=paths.WORK_DIR,
              show_default=True, help="Folder for corpora, training runs and logs.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed of every run.")
@click.option("--no-eval", is_flag=True, help="Skip the held-out evaluation after assembling.")
def train_command(part: str, out: Path, work: Path, seed: int, no_eval: bool) -> None:
    """Train PART (all, model, assemble, encoder) from ../shared/data with fixed seeds."""
    for var in THREAD_VARS:  # one thread: the build machines are shared, runs stay comparable
        os.environ.setdefault(var, "1")
    from . import train

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    train.check_data()
    work.mkdir(parents=True, exist_ok=True)
    if part in ("all", "model"):
        train.train_model(work, seed)
    if part in ("all", "assemble"):
        train.assemble(train.trained_model(work), out)
        if not no_eval:
            scores = train.evaluate_model(out)
            train.write_json(work / "scores.json", scores)
            click.echo(train.format_scores(scores))
    if part in ("all", "encoder"):
        from . import encoder_ner  # needs the [train] extra: torch, transformers, the MiniLM wheel

        encoder_ner.train_and_export(work / "encoder_ner", out.parent / "encoder_ner", seed)


def main() -> None:
    """Entry point of ``python -m sitrep.training``."""
    from sitrep.errors import SitrepError

    try:
        train_command(standalone_mode=True)
    except SitrepError as err:
        raise click.ClickException(str(err)) from err
