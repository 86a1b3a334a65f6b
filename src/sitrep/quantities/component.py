"""The `sitrep_quantities` stage: numbers with bounds, what they count and of what kind.

Fills ``doc._.quantities`` with `sitrep.document.Quantity` items (ids q1, q2, ...). Numbers
inside time expressions ("26 August", "six months") are left to the time stage: its
``doc._.times`` when it ran before, else sitrep's time grammar.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Quantity
from sitrep.pipeline.doc import next_id, sentence_index, text_of
from sitrep.quantities.tagger import QuantityMention, tag_quantities

TIME_STAGE = "sitrep_times"


class QuantityTagger:
    """Find quantities and read their bounds and unit.

    DOCS: docs/times-and-quantities.md
    """

    DEFAULT_CONFIG: ClassVar[dict[str, Any]] = {}

    def __init__(self, nlp: Language, name: str = "sitrep_quantities"):
        self.name = name
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
        mentions = tag_quantities(text_of(doc), self._time_spans(doc), sentences)
        if doc._.quantities is None:
            doc._.quantities = []
        for m in mentions:
            doc._.quantities.append(_to_quantity(doc, m, next_id(doc._.quantities, "q")))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _time_spans(self, doc: Doc) -> list[tuple[int, int]]:
        if TIME_STAGE in self.nlp.pipe_names and doc._.times is not None:
            return [(t.start, t.end) for t in doc._.times]
        from sitrep.times.grammar import find_expressions

        return [(f.start, f.end) for f in find_expressions(text_of(doc))]


def _to_quantity(doc: Doc, m: QuantityMention, qid: str) -> Quantity:
    return Quantity(
        id=qid, start=m.start, end=m.end, text=m.text, sentence=sentence_index(doc, m.start),
        confidence=m.confidence, low=m.low, best=m.best, high=m.high, unit=m.unit, kind=m.kind,
    )
