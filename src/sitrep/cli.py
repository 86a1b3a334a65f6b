"""The `sitrep` command: a thin layer over the library.

Subcommands owned by other packages (`actors`, `train`) are imported only when invoked, so
`sitrep --help` stays fast and loads no models.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import click

from sitrep.errors import Errors, SitrepError

DEFAULT_DB = "sitrep.duckdb"
LAZY_COMMANDS = {
    "actors": ("sitrep.actors.cli", "actors_command", "Show an actor: aliases, relations and events over time."),
    "train": ("sitrep.training.cli", "train_command", "Rebuild sitrep's trained models from ../shared/data."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return sorted([*super().list_commands(ctx), *LAZY_COMMANDS])

    def get_command(self, ctx, name):
        if name in LAZY_COMMANDS:
            module, attr, _ = LAZY_COMMANDS[name]
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, name)

    def format_commands(self, ctx, formatter):
        rows = [(n, self.commands[n].get_short_help_str(60) if n in self.commands else LAZY_COMMANDS[n][2])
                for n in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup)
@click.version_option(package_name="sitrep")
def cli() -> None:
    """sitrep: news reporting on conflict, turned into a structured, sourced situation picture."""


config_option = click.option("--config", type=click.Path(dir_okay=False), help="Pipeline config (.cfg); sitrep's default if left out.")


@cli.command()
@click.argument("source")
@click.option("--published", help="Publication date, ISO 8601 (overrides what the input says).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@config_option
def extract(source: str, published: str | None, fmt: str, config: str | None) -> None:
    """Extract one article (a file of any supported format, or - for stdin) and print it."""
    from sitrep.extraction import default_pipeline
    from sitrep.extraction import extract as extract_article
    from sitrep.ingest import Failure, read
    from sitrep.render import document_text

    if source != "-" and "://" not in source and not Path(source).exists():
        raise click.ClickException(Errors.E008.format(path=source))
    item = next(iter(read(source)), None)
    if item is None or isinstance(item, Failure):
        raise click.ClickException(item.message if item else f"{source}: no article found")
    document = extract_article(
        item.text, published=published or item.published, title=item.title, url=item.url,
        nlp=default_pipeline(config), source=item.source, provenance=item.provenance,
        published_source=None if published else item.published_source,
    )
    click.echo(json.dumps(document.to_dict(), ensure_ascii=False, indent=2) if fmt == "json" else document_text(document))


@cli.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="DuckDB file.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1), help="Processes extracting in parallel.")
@click.option("--max-chars", type=click.IntRange(1), help="Quarantine articles longer than this.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where extraction runs: this machine's processes, or Ray actors.")
@click.option("--ray-address", help="Join this Ray cluster (e.g. auto, ray://head:10001); a local one if left out.")
@config_option
def run(sources: tuple[str, ...], db: str, workers: int, max_chars: int | None, quiet: bool, engine: str,
        ray_address: str | None, config: str | None) -> None:
    """The main job: ingest SOURCES (files, folders, URLs), extract, store in DB."""
    from sitrep.render import job_text
    from sitrep.runner.job import JobOptions, run_job

    options = JobOptions(db=Path(db), workers=workers, config=config, max_chars=max_chars, progress=not quiet)
    executor = None
    if engine == "ray":
        from sitrep.runner.ray import RayExecutor

        executor = RayExecutor(workers, config, ray_address)
    result = run_job(sources, options, executor)
    click.echo(job_text(result, db))
    if not result.ok:
        sys.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Output file; standard output if left out.")
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, exists=True))
def export(fmt: str, out: str | None, db: str) -> None:
    """Export the store: JSONL documents, an ACLED-like CSV of events, or GeoJSON of events."""
    from sitrep.export import export as export_store
    from sitrep.store import Store

    with Store(db) as store:
        if out:
            with open(out, "w", encoding="utf-8", newline="") as handle:
                counts = export_store(store, fmt, handle)
        else:
            counts = export_store(store, fmt, sys.stdout)
    click.echo(f"exported {json.dumps(counts)}" + (f" to {out}" if out else ""), err=True)


@cli.command()
@click.argument("query", required=False)
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(query: str | None, db: str, fmt: str) -> None:
    """Show stored articles whose id, title or input path contains QUERY (all if left out)."""
    from sitrep.render import document_text
    from sitrep.store import Store

    like = f"%{(query or '').lower()}%"
    with Store(db, read_only=True) as store:
        ids = [r["id"] for r in store.sql(
            "select id from articles where lower(id) like $1 or lower(coalesce(title, '')) like $1 "
            "or lower(coalesce(provenance_path, '')) like $1 or lower(coalesce(url, '')) like $1 order by id", [like])]
        if not ids:
            raise click.ClickException(f"no stored article matches {query!r} in {db}")
        for doc in store.documents(ids):
            click.echo(json.dumps(doc.to_dict(), ensure_ascii=False) if fmt == "json" else document_text(doc) + "\n")


@cli.command(name="eval")
@click.argument("task")
@click.option("--data", required=True, type=click.Path(exists=True), help="Gold data: a file or folder.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of metrics.")
@click.option("--limit", type=click.IntRange(1), help="Only the first N items (a quick look).")
@config_option
def evaluate(task: str, data: str, as_json: bool, limit: int | None, config: str | None) -> None:
    """Evaluate TASK on gold data (ner, parse, geo, event-location, time, casualties, events, quotes)."""
    from sitrep.eval import run_task

    metrics, text = run_task(task, Path(data), limit=limit, config=config)
    click.echo(json.dumps(metrics, ensure_ascii=False) if as_json else text)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except SitrepError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
