"""Turn a processed spaCy `Doc` into a `sitrep.document.Document`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from sitrep.document import Document, Entity, Provenance, Sentence, content_id
from sitrep.entities.ruler import SOURCE as RULER_SOURCE
from sitrep.pipeline.doc import ITEM_LISTS, sentence_index

# spaCy's NER gives no per-span probability; these priors stand in for one and are documented
# in docs/schema.md. A ruler match is an exact name from a curated list, hence the higher prior.
MODEL_ENTITY_CONFIDENCE = 0.75
RULER_ENTITY_CONFIDENCE = 0.9


def to_document(doc: Doc, *, provenance: Provenance | None = None, **fields: Any) -> Document:
    """Collect what the stages left on `doc`; `fields` are Document fields (title, url, ...)."""
    meta = doc._.meta or {}
    document = Document(
        id=content_id(doc.text),
        text=doc.text,
        published=meta.get("published"),
        published_source=meta.get("published_source"),
        published_confidence=meta.get("published_confidence"),
        title=meta.get("title"),
        url=meta.get("url"),
        provenance=provenance or Provenance(),
        sentences=[Sentence(start=s.start_char, end=s.end_char) for s in doc.sents],
        entities=[_entity(doc, ent) for ent in doc.ents],
        **{name: list(getattr(doc._, name) or []) for name in ITEM_LISTS},
    )
    for key, value in fields.items():
        if value is not None:
            setattr(document, key, value)
    return document


def _entity(doc: Doc, ent: SpacySpan) -> Entity:
    from_ruler = ent.ent_id_.startswith(RULER_SOURCE)
    return Entity(
        text=ent.text,
        start=ent.start_char,
        end=ent.end_char,
        label=ent.label_,
        sentence=sentence_index(doc, ent.start_char),
        confidence=RULER_ENTITY_CONFIDENCE if from_ruler else MODEL_ENTITY_CONFIDENCE,
        component=RULER_SOURCE if from_ruler else "ner",
    )
