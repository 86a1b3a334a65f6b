"""The library's front door: `extract(text) -> Document`."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from spacy.language import Language

from sitrep import __version__
from sitrep.document import Document
from sitrep.errors import Errors, SitrepError
from sitrep.pipeline import load, run_many
from sitrep.pipeline.assemble import to_document


@lru_cache(maxsize=4)
def default_pipeline(config: str | None = None) -> Language:
    """The pipeline `extract` uses, loaded once per config."""
    return load(config)


def extract(
    text: str,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    nlp: Language | None = None,
    **fields: Any,
) -> Document:
    """Read one article and return its structured, sourced document.

    Args:
        text: The article text; offsets in the result index into it.
        published: Publication date (ISO 8601 string or date). Without it sitrep infers one
            from the text and marks it `published_source="inferred"`, or leaves it unknown.
        title: Headline, if known apart from the text.
        url: Where the article came from.
        nlp: A pipeline from `sitrep.pipeline.load`; sitrep's default when None.
        fields: Further Document fields (source, provenance, illustrative, language).
    """
    return next(extract_many([(text, dict(published=published, title=title, url=url, **fields))], nlp=nlp))


def extract_many(items, *, nlp: Language | None = None, batch_size: int = 16):
    """Extract documents from (text, fields) pairs, batching the pipeline's model work."""
    nlp = nlp or default_pipeline()
    items = list(items)  # read twice: once for the pipeline, once for each document's fields
    prepared = [(text, article_meta(text, fields)) for text, fields in items]
    docs = run_many(nlp, prepared, batch_size=batch_size)
    for doc, (_, fields) in zip(docs, items):
        extra = {k: v for k, v in fields.items() if k not in _META_FIELDS}
        document = to_document(doc, **extra)
        document.pipeline = {"sitrep": __version__, "base": nlp.meta.get("sitrep", {}).get("base"),
                             "components": list(nlp.pipe_names)}
        yield document


_META_FIELDS = ("published", "published_source", "title", "url")  # carried by doc._.meta instead


def article_meta(text: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The metadata stages read from `doc._.meta`: publication date (given or inferred), title, url."""
    meta = {"title": fields.get("title"), "url": fields.get("url"), "published": None,
            "published_source": None, "published_confidence": None}
    published = fields.get("published")
    if published:
        meta.update(published=normalise_date(published),
                    published_source=fields.get("published_source") or "given", published_confidence=1.0)
    else:
        inferred = _infer_published(text, fields.get("url"))
        if inferred:
            meta.update(published=inferred[0], published_source="inferred", published_confidence=inferred[1])
    return meta


def normalise_date(value: str | dt.date) -> str:
    """ISO 8601 date (or datetime) string of `value`; raises E006 when it is not one."""
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        parsed = dt.datetime.fromisoformat(str(value).strip())
    except ValueError as err:
        raise SitrepError(Errors.E006.format(value=value)) from err
    return parsed.date().isoformat() if len(str(value).strip()) <= 10 else parsed.isoformat()


def _infer_published(text: str, url: str | None):
    from sitrep.times import infer_published

    return infer_published(text, url)
