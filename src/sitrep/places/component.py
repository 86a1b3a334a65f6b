"""Stage `sitrep_places`: place mentions resolved against the gazetteer, in `doc._.places`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Place
from sitrep.pipeline.doc import next_id, sentence_index, text_of
from sitrep.places.gazetteer import load
from sitrep.places.recognize import PLACE_LABELS, Recognizer
from sitrep.places.resolver import Resolver

# Below this the place is left unresolved (its point dropped, its country kept): answers this
# unsure are right less than half the time (docs/places.md, accuracy by confidence), and a
# wrong point on a map is worse than none.
MIN_CONFIDENCE = 0.3


class PlaceResolver:
    """Finds place mentions (the model's GPE/LOC/FAC plus gazetteer names it missed) and
    resolves each to a gazetteer record with coordinates, country, province and a confidence.

    Adds `sitrep.document.Place` items with ids p1, p2, ... to `doc._.places`.
    """

    DEFAULT_CONFIG: ClassVar[dict] = {"min_confidence": MIN_CONFIDENCE, "gazetteer_matches": True,
                                      "labels": list(PLACE_LABELS)}

    def __init__(self, nlp: Language, name: str, *, min_confidence: float = MIN_CONFIDENCE,
                 gazetteer_matches: bool = True, labels: Sequence[str] = PLACE_LABELS) -> None:
        self.name = name
        self.min_confidence = min_confidence
        gazetteer = load()  # the one expensive step (about a second), done once per process
        self.resolver = Resolver(gazetteer)
        self.recognizer = Recognizer(gazetteer, labels=tuple(labels), gazetteer_matches=gazetteer_matches)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.places is None:
            doc._.places = []
        spans = self.recognizer(doc)
        results = self.resolver.resolve(text_of(doc), [(s.start, s.end) for s in spans])
        for res in results:
            place = self.resolver.to_place(res, next_id(doc._.places, "p"), sentence_index(doc, res.start))
            if place.resolved and place.confidence < self.min_confidence:
                _unresolve(place)
            doc._.places.append(place)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _unresolve(place: Place) -> None:
    """Drop a too-unsure answer's point and ids; the country of the best guess stays."""
    place.resolved = False
    place.lat = place.lon = None
    place.name = place.admin1 = place.admin1_code = place.gazetteer_id = place.feature_class = None
