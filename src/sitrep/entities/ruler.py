"""Stage `sitrep_entities`: countries, demonyms and known organisations the statistical NER
missed or mislabelled.

A baseline that works on a blank pipeline and complements a trained one. It adds entities only
where none overlap (never overwriting the model's spans), marks each with its source in
`ent_id_` (`sitrep_entities:GPE:AFG`), and corrects two frequent model errors: a curated
organisation's exact name labelled as a person or place ("Taliban" as PERSON) becomes ORG, and
a person's surname standing alone, labelled as a place or organisation where the article names
that person in full ("Nelson Garcia ... Garcia was killed"), becomes PERSON.
"""

from __future__ import annotations

from typing import ClassVar

from spacy.language import Language
from spacy.pipeline import EntityRuler as SpacyEntityRuler
from spacy.tokens import Doc, Span

from sitrep.entities.names import country_names, demonyms

SOURCE = "sitrep_entities"
# Labels a model gives known armed groups and organisations by mistake
RELABELLED = frozenset({"PERSON", "GPE", "LOC", "FAC"})
# Labels a model gives a lone surname by mistake, and the words before a surname that is a place
# after all ("Jack London ... flew to London")
NOT_PERSON = frozenset({"GPE", "LOC", "FAC", "ORG"})
PLACE_WORDS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "inside", "across", "towards", "toward",
                         "around"})


class EntityRuler:
    DEFAULT_CONFIG: ClassVar[dict[str, bool]] = {"countries": True, "demonyms": True, "organisations": True,
                                                 "surnames": True}

    def __init__(self, nlp: Language, name: str, *, countries: bool = True, demonyms: bool = True,
                 organisations: bool = True, surnames: bool = True):
        self.name = name
        self.surnames = surnames
        self.organisations = _organisation_names() if organisations else {}
        self.ruler = SpacyEntityRuler(nlp, name=f"{name}.ruler", overwrite_ents=False, phrase_matcher_attr="ORTH")
        self.ruler.add_patterns(list(_patterns(countries, demonyms, self.organisations)))

    def __call__(self, doc: Doc) -> Doc:
        if self.organisations:
            doc.ents = [_as_org(ent, self.organisations) for ent in doc.ents]
        if self.surnames:
            people = _surnames_as_people(list(doc.ents))
            if people is not None:
                doc.ents = people
        return self.ruler(doc)


def _as_org(ent, organisations: dict[str, str]):
    kb_id = organisations.get(ent.text)
    if kb_id and ent.label_ in RELABELLED:
        return ent.doc.char_span(ent.start_char, ent.end_char, label="ORG", span_id=f"{SOURCE}:ORG:{kb_id}")
    return ent


def _surnames_as_people(ents: list[Span]) -> list[Span] | None:
    """One-word places and organisations that are the last word of a person named in full in the
    same article, relabelled PERSON; not after a word that makes it a place ("in", "near"). A
    person span that ends "of Zanzibar" or "de Colón" gives no surname: the model took a place in.
    None when there is none to relabel."""
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title and e[-2].is_title}
    countries = country_names()

    def is_surname(ent: Span) -> bool:
        before = ent.doc[ent.start - 1].lower_ if ent.start else ""
        return (len(ent) == 1 and ent.label_ in NOT_PERSON and ent.text in surnames and ent.text not in countries
                and before not in PLACE_WORDS)

    if not surnames or not any(map(is_surname, ents)):
        return None
    return [Span(e.doc, e.start, e.end, label="PERSON") if is_surname(e) else e for e in ents]


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
