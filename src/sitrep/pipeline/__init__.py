"""The pipeline frame: a spaCy `Language` with sitrep's stages on top, built from a config.

    nlp = load()                  # sitrep's default config
    nlp = load("my.cfg")          # e.g. base = "en_core_web_trf"
    doc = run(nlp, text, meta={"published": "2021-11-01"})
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from sitrep.errors import Errors, SitrepError
from sitrep.pipeline import paragraphs  # noqa: F401 - registers sitrep_paragraphs
from sitrep.pipeline.doc import prepare, register_extensions
from sitrep.pipeline.factories import register_stage
from sitrep.pipeline.matmul import building_ops, limit_blas_threads

DEFAULT_CONFIG = Path(__file__).with_name("default.cfg")
MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
SENTENCE_PIPES = {"parser", "senter", "sentencizer"}


def load(config: str | Path | None = None, **overrides: Any) -> Language:
    """Build the pipeline a config describes; `overrides` replace keys of its [sitrep] section."""
    settings, stage_configs = read_config(config)
    settings.update(overrides)
    nlp = load_base(settings["base"], exclude=settings.get("exclude", []),
                    cpu_matmul=settings.get("cpu_matmul", "numpy"), blas_threads=settings.get("blas_threads", 1))
    register_extensions()
    split_dateline_dash(nlp)
    if not SENTENCE_PIPES & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("sitrep_paragraphs", first=True)
    for name in settings["stages"]:
        register_stage(name)
        nlp.add_pipe(name, config=stage_configs.get(name, {}))
    nlp.meta.setdefault("sitrep", {})["base"] = settings["base"]
    return nlp


# a dash closing a capitalised word, before a space: "Srinagar- The police ..." is a dateline and
# "Srinagar" a place (Python's lookbehinds have one width each: one per word length; the lookahead
# first, so that the tokenizer's search tries them only at a final dash)
DATELINE_DASH = "(?=[-–—]$)(?:" + "|".join(f"(?<=^[A-Z][A-Za-z]{{{n}}})" for n in range(1, 30)) + ")[-–—]$"


def split_dateline_dash(nlp: Language) -> None:
    """Let the tokenizer split a dash off the end of a capitalised word: "Srinagar-" was one token,
    and the NER read "Srinagar- The" as an organisation. Lower-case words keep theirs ("self-
    styled" in MUC-4's hyphenated line breaks)."""
    tok = nlp.tokenizer
    if not isinstance(tok, Tokenizer):  # a custom tokenizer is the user's to keep
        return
    pattern = getattr(getattr(tok.suffix_search, "__self__", None), "pattern", None)
    if pattern is None or DATELINE_DASH in pattern:
        return
    # a new tokenizer, not a new `suffix_search` on this one: setting it made tokenizing 2.5x slower
    nlp.tokenizer = Tokenizer(nlp.vocab, rules=tok.rules, prefix_search=tok.prefix_search,
                              suffix_search=re.compile(f"{pattern}|{DATELINE_DASH}").search,
                              infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match,
                              faster_heuristics=tok.faster_heuristics)


def read_config(config: str | Path | None) -> tuple[dict[str, Any], dict[str, dict]]:
    """The [sitrep] settings and per-stage settings of a config file, or of a shipped config by
    name ("fast" is sitrep/pipeline/fast.cfg)."""
    path = Path(config) if config else DEFAULT_CONFIG
    if not path.is_file() and config and (DEFAULT_CONFIG.parent / f"{config}.cfg").is_file():
        path = DEFAULT_CONFIG.parent / f"{config}.cfg"
    if not path.is_file():
        shipped = ", ".join(sorted(p.stem for p in DEFAULT_CONFIG.parent.glob("*.cfg")))
        raise SitrepError(Errors.E002.format(path=path, shipped=shipped))
    cfg = spacy.util.load_config(path, interpolate=True)
    settings = dict(cfg["sitrep"])
    return settings, {k: dict(v) for k, v in cfg.get("stages", {}).items()}


def load_base(name: str, *, exclude: Iterable[str] = (), cpu_matmul: str = "numpy", blas_threads: int = 1) -> Language:
    """Load the spaCy pipeline sitrep's stages run on.

    "sitrep:NAME" is a pipeline shipped in sitrep/models; while none is there (a checkout before
    the models are trained) sitrep falls back to a blank English pipeline and says so in meta.
    `cpu_matmul` and `blas_threads` are the config's keys of those names (`sitrep.pipeline.matmul`).
    """
    limit_blas_threads(blas_threads)
    with building_ops(cpu_matmul):
        return _load_base(name, exclude)


def _load_base(name: str, exclude: Iterable[str]) -> Language:
    try:
        if name.startswith("blank:"):
            return spacy.blank(name.split(":", 1)[1])
        if name.startswith("sitrep:"):
            path = MODELS_DIR / name.split(":", 1)[1]
            if not (path / "config.cfg").is_file():
                nlp = spacy.blank("en")
                nlp.meta["sitrep_fallback"] = f"{name} not found at {path}; using blank:en"
                return nlp
            return spacy.load(path, exclude=list(exclude))
        return spacy.load(name, exclude=list(exclude))
    except (OSError, ValueError, ImportError) as err:
        raise SitrepError(Errors.E003.format(name=name, error=err)) from err


def run(nlp: Language, text: str, meta: dict[str, Any] | None = None) -> Doc:
    """Run the whole pipeline over one article."""
    return next(run_many(nlp, [(text, meta)]))


def run_many(nlp: Language, items: Iterable[tuple[str, dict[str, Any] | None]], batch_size: int = 32) -> Iterator[Doc]:
    """Run the pipeline over (text, meta) pairs, letting batched components batch.

    Unlike `Language.pipe`, each Doc gets the article's metadata before the first component runs,
    since stages such as time normalisation need the publication date.
    """
    docs: Iterable[Doc] = (prepare(nlp.make_doc(text), meta) for text, meta in items)
    for name, proc in nlp.pipeline:
        docs = _apply(name, proc, docs, batch_size)
    yield from docs


def _apply(name: str, proc: Any, docs: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
    if hasattr(proc, "pipe"):
        results = proc.pipe(docs, batch_size=batch_size)
    else:
        results = (proc(doc) for doc in docs)
    for doc in results:
        if not isinstance(doc, Doc):
            raise SitrepError(Errors.E004.format(name=name, type=type(doc).__name__))
        yield doc
