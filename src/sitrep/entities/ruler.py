"""Stage `sitrep_entities`: countries, demonyms and known organisations the statistical NER
missed or mislabelled.

A baseline that works on a blank pipeline and complements a trained one. It adds entities only
where none overlap (never overwriting the model's spans), marks each with its source in
`ent_id_` (`sitrep_entities:GPE:AFG`), and corrects one frequent model error: a curated
organisation's exact name labelled as a person or place ("Taliban" as PERSON) becomes ORG.
"""

from __future__ import annotations

from typing import ClassVar

from spacy.language import Language
from spacy.pipeline import EntityRuler as SpacyEntityRuler
from spacy.tokens import Doc

from sitrep.entities.names import country_names, demonyms

SOURCE = "sitrep_entities"
# Labels a model gives known armed groups and organisations by mistake
RELABELLED = frozenset({"PERSON", "GPE", "LOC", "FAC"})


class EntityRuler:
    DEFAULT_CONFIG: ClassVar[dict[str, bool]] = {"countries": True, "demonyms": True, "organisations": True}

    def __init__(self, nlp: Language, name: str, *, countries: bool = True, demonyms: bool = True,
                 organisations: bool = True):
        self.name = name
        self.organisations = _organisation_names() if organisations else {}
        self.ruler = SpacyEntityRuler(nlp, name=f"{name}.ruler", overwrite_ents=False, phrase_matcher_attr="ORTH")
        self.ruler.add_patterns(list(_patterns(countries, demonyms, self.organisations)))

    def __call__(self, doc: Doc) -> Doc:
        if self.organisations:
            doc.ents = [_as_org(ent, self.organisations) for ent in doc.ents]
        return self.ruler(doc)


def _as_org(ent, organisations: dict[str, str]):
    kb_id = organisations.get(ent.text)
    if kb_id and ent.label_ in RELABELLED:
        return ent.doc.char_span(ent.start_char, ent.end_char, label="ORG", span_id=f"{SOURCE}:ORG:{kb_id}")
    return ent


def _organisation_names() -> dict[str, str]:
    """Exact names of the actor knowledge base's curated organisations and armed groups -> KB id
    (states are left to the country list; aliases that are also places, such as Washington, out)."""
    from sitrep.actors.kb import load_kb

    names = {}
    for entry in load_kb():
        if entry.source == "pycountry" or entry.type == "state":
            continue
        for alias in entry.names:
            if alias not in entry.places and len(alias) > 2:
                names[alias] = entry.id
    return names


def _patterns(with_countries: bool, with_demonyms: bool, organisations: dict[str, str]):
    if with_countries:
        for text, iso3 in country_names().items():
            yield {"label": "GPE", "pattern": text, "id": f"{SOURCE}:GPE:{iso3}"}
    if with_demonyms:
        for text, iso3 in demonyms().items():
            yield {"label": "NORP", "pattern": text, "id": f"{SOURCE}:NORP:{iso3 or ''}"}
    for text, kb_id in organisations.items():
        yield {"label": "ORG", "pattern": text, "id": f"{SOURCE}:ORG:{kb_id}"}
