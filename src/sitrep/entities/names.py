"""Country names and demonyms, shared by the entity ruler and later stages."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pycountry

# Short forms news text uses that ISO's names do not carry.
EXTRA_COUNTRY_NAMES = {
    "US": "USA", "U.S.": "USA", "USA": "USA", "U.S.A.": "USA", "America": "USA",
    "United States": "USA", "UK": "GBR", "U.K.": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    "Russia": "RUS", "Iran": "IRN", "Syria": "SYR", "North Korea": "PRK", "South Korea": "KOR",
    "Vietnam": "VNM", "Laos": "LAO", "Bolivia": "BOL", "Venezuela": "VEN", "Tanzania": "TZA",
    "Moldova": "MDA", "Palestine": "PSE", "Gaza": "PSE", "West Bank": "PSE", "Kosovo": "XKX",
    "Congo": "COD", "DR Congo": "COD", "DRC": "COD", "Ivory Coast": "CIV", "Turkey": "TUR",
    "Burma": "MMR", "Czech Republic": "CZE", "Taiwan": "TWN", "UAE": "ARE",
    # short, former and constituent-country names
    "Bosnia": "BIH",
    "Herzegovina": "BIH",
    "Macedonia": "MKD",
    "Swaziland": "SWZ",
    "East Timor": "TLS",
    "Cape Verde": "CPV",
    "Czechia": "CZE",
    "Holland": "NLD",
    "the Netherlands": "NLD",
    "Brunei": "BRN",
    "Micronesia": "FSM",
    "Vatican": "VAT",
    "Holy See": "VAT",
    "Zaire": "COD",
    "Congo-Kinshasa": "COD",
    "Congo-Brazzaville": "COG",
    "South Sudan": "SSD",
    "Northern Ireland": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Wales": "GBR",
}
# Plurals of these end as they are: "the British", "the Chinese", "the Swiss".
NO_PLURAL_ENDINGS = ("ish", "ese", "ch", "ss")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name -> ISO3, from pycountry plus the short forms above."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names[value] = country.alpha_3
    names.update(EXTRA_COUNTRY_NAMES)
    return names


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str | None]:
    """Demonym (singular and plural) -> ISO3, or None for groups with no one country (Kurdish)."""
    table: dict[str, str | None] = {}
    text = resources.files("sitrep.entities").joinpath("data/demonyms.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, iso3 = line.partition("\t")
        table[word] = iso3.strip() or None
        if not word.endswith(NO_PLURAL_ENDINGS):
            table[word + "s"] = iso3.strip() or None  # Afghans, Iraqis, Somalis
    return table
