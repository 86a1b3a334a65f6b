"""Stage `sitrep_entities`: countries and demonyms the statistical NER missed.

A baseline that works on a blank pipeline and complements a trained one: it only adds
entities where none overlap (it never overwrites the model's), and marks each with its
source in `ent_id_` (`sitrep_entities:GPE:AFG`) so the document keeps where it came from.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import EntityRuler as SpacyEntityRuler
from spacy.tokens import Doc

from sitrep.entities.names import country_names, demonyms

SOURCE = "sitrep_entities"


class EntityRuler:
    DEFAULT_CONFIG = {"countries": True, "demonyms": True}

    def __init__(self, nlp: Language, name: str, *, countries: bool = True, demonyms: bool = True):
        self.name = name
        self.ruler = SpacyEntityRuler(nlp, name=f"{name}.ruler", overwrite_ents=False, phrase_matcher_attr="ORTH")
        self.ruler.add_patterns(list(_patterns(countries, demonyms)))

    def __call__(self, doc: Doc) -> Doc:
        return self.ruler(doc)


def _patterns(with_countries: bool, with_demonyms: bool):
    if with_countries:
        for text, iso3 in country_names().items():
            yield {"label": "GPE", "pattern": text, "id": f"{SOURCE}:GPE:{iso3}"}
    if with_demonyms:
        for text, iso3 in demonyms().items():
            yield {"label": "NORP", "pattern": text, "id": f"{SOURCE}:NORP:{iso3 or ''}"}
