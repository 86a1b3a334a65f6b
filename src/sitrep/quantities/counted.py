"""What a number counts: the noun phrase after it and the verb around it.

"13 civilians were killed" counts civilians killed (casualties_killed); "several thousand
active fighters" counts active fighters, a force size; "killing 13" counts people killed.
"""

from __future__ import annotations

import re

KILLED = r"killed|dead|died|deaths?(?!\s+(?:row|penalty|sentences?|threats?|squads?))|succumbed|slain|killings?|murdered|executed|massacred|perished|lost\s+their\s+lives|fatalities|bodies|death\s+toll|beheaded|lynched|shot\s+dead"
INJURED = r"wounded|injured|injury|injuries|injuring|wounding|hurt|maimed"
CASUALTIES = r"casualties"  # killed and wounded together: neither toll alone
ABDUCTED = r"kidnapped|abducted|taken\s+hostage|hostages|kidnapping|abducting|captives"
ARRESTED = r"arrested|detained|arrests|detentions|apprehended|rounded\s+up|arresting|detaining"
DISPLACED = r"displaced|displacing|fled|refugees|homeless|evacuated|uprooted"
KIND_PATTERNS = [
    ("casualties_killed", re.compile(rf"\b(?:{KILLED}|killing|kill)\b", re.IGNORECASE)),
    ("casualties_injured", re.compile(rf"\b(?:{INJURED})\b", re.IGNORECASE)),
    ("casualties", re.compile(rf"\b(?:{CASUALTIES})\b", re.IGNORECASE)),
    ("abducted", re.compile(rf"\b(?:{ABDUCTED})\b", re.IGNORECASE)),
    ("arrested", re.compile(rf"\b(?:{ARRESTED})\b", re.IGNORECASE)),
    ("displaced", re.compile(rf"\b(?:{DISPLACED})\b", re.IGNORECASE)),
]
KIND_UNIT_WORD = {"casualties_killed": "killed", "casualties_injured": "wounded", "casualties": "killed or wounded", "abducted": "abducted",
                  "arrested": "arrested", "displaced": "displaced"}
# People a number can count; a count of these near a casualty verb is a toll
PEOPLE = {
    "people", "persons", "person", "civilians", "civilian", "villagers", "children", "women", "men", "students",
    "worshippers", "passengers", "residents", "pedestrians", "peasants", "babies", "farmers", "workers",
    "soldiers", "soldier", "troops", "police", "policemen", "officers", "personnel", "guards", "fighters",
    "militants", "rebels", "insurgents", "gunmen", "attackers", "terrorists", "militiamen", "guerrillas",
    "members", "combatants", "recruits", "protesters", "demonstrators", "journalists", "employees", "others",
    "victims", "inmates", "prisoners", "detainees", "migrants", "refugees", "pilgrims", "bystanders",
    "servicemen", "marines", "commandos", "jihadists", "extremists", "suspects", "individuals", "family",
    "teachers", "doctors", "nurses", "tourists", "citizens", "nationals", "boys", "girls", "infants",
    "woman", "man", "child", "boy", "girl", "policeman", "officer", "guard", "fighter", "militant", "rebel",
    "insurgent", "gunman", "attacker", "student", "worker", "farmer", "peasant", "journalist", "resident",
    "villager", "member", "baby", "infant", "passenger", "pilgrim", "teacher", "doctor", "nurse", "tourist",
    "official", "officials", "leader", "leaders", "commander", "commanders", "priest", "priests",
}
# One person named by an article and a noun, with the verb that says what befell them: "a man
# was killed", "gunmen shot dead a policeman", "a soldier was wounded". ACLED counts each as one.
VICTIM_NOUNS = {
    "herder", "driver", "trader", "shopkeeper", "businessman", "vendor", "labourer", "laborer", "activist", "lawyer",
    "judge", "politician", "councillor", "councilor", "mayor", "chief", "elder", "youth", "teenager", "minor", "son",
    "daughter", "father", "mother", "husband", "wife", "brother", "sister", "relative", "neighbour", "neighbor",
    "employee", "watchman", "constable", "inspector", "sergeant", "captain", "lieutenant", "colonel", "cleric",
    "imam", "pastor", "monk", "refugee", "migrant", "prisoner", "inmate", "detainee", "suspect", "protester",
    "demonstrator", "bystander", "pedestrian", "motorist", "cyclist", "rider", "reporter", "photographer",
    "cameraman", "volunteer", "trooper", "jawan", "militiaman", "paramilitary", "contractor", "engineer", "lady",
}
SINGULAR_PEOPLE = sorted({w for w in PEOPLE if not w.endswith(("s", "men", "children")) and w not in {"people", "family", "police", "personnel"}}
                         | VICTIM_NOUNS, key=len, reverse=True)
_ONE = r"(?P<one>\b(?:an?|one)\s+(?:[\w-]+\s+){0,2}?(?P<noun>" + "|".join(SINGULAR_PEOPLE) + r"))\b"  # "a 35-year-old man"
_SINGLE_VERBS = {"casualties_killed": r"killed|shot\s+dead|murdered|slain|executed|beheaded|lynched|stabbed\s+to\s+death",
                 "casualties_injured": r"wounded|injured|hurt"}
_PASSIVE = r"\s+(?:was|has\s+been|had\s+been|got)\s+(?:(?:also|fatally|seriously|critically|reportedly)\s+)?"
SINGLE_VICTIM = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, verbs in _SINGLE_VERBS.items()
    for pattern in (rf"{_ONE}{_PASSIVE}(?:{verbs})\b", rf"\b(?:{verbs})\s+{_ONE}")
]
FORCE_NOUNS = {
    "fighters", "troops", "soldiers", "militants", "members", "recruits", "men", "police", "policemen",
    "personnel", "rebels", "insurgents", "militiamen", "guerrillas", "combatants", "servicemen", "marines",
    "commandos", "jihadists", "gunmen", "forces", "defectors", "volunteers", "mercenaries", "battalions",
}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
                  "afghanis": "AFN", "rupees": "INR", "yuan": "CNY", "rubles": "RUB", "roubles": "RUB",
                  "naira": "NGN", "shillings": "KES", "dinars": "IQD", "riyals": "SAR", "lira": "TRY"}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "€": "EUR", "eur": "EUR", "¥": "JPY",
                  "rs": "INR", "rs.": "INR"}
TIME_UNITS = re.compile(r"^(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|"
                        r"decades?|centur(?:y|ies)|nights?|mornings?|weekends?|am|pm|a\.m\.|p\.m\.|"
                        r"gmt|utc|o'clock)$", re.IGNORECASE)
# Words that end a noun phrase: verbs, prepositions, conjunctions, determiners
STOP = {
    "was", "were", "is", "are", "be", "been", "being", "have", "has", "had", "in", "on", "at", "of", "to",
    "from", "by", "with", "for", "and", "or", "but", "that", "which", "who", "whom", "whose", "the", "a", "an",
    "as", "than", "after", "before", "during", "since", "into", "across", "near", "including", "among",
    "while", "when", "where", "said", "say", "says", "according", "per", "this", "these", "those", "their",
    "its", "his", "her", "they", "it", "he", "she", "we", "would", "will", "could", "can", "may", "might",
    "also", "still", "not", "each", "more", "less", "other", "out", "up", "down", "over", "under", "about",
    "them", "us", "you", "him", "me", "themselves", "such",
}
GOVERNS_FIGURE = re.compile(r"\s+(?:of\s+(?:the\s+)?)?(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|over\s+)?"
                            r"(?:\d|an?\s|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores|several)",
                            re.IGNORECASE)
CONNECTIVES = re.compile(r"[\s,]*(?:(?:rose|risen|climbed|reached|stood|stands|was|is|were|are|at|to|of|has|have|had|"
                         r"been|now|more|than|over|least|nearly|about|some|up|around|almost|and|toll|an|estimated|"
                         r"reportedly|officially|leaving|left|including|with|the)[\s,]+)*", re.IGNORECASE)
OTHER_PASSIVE = re.compile(r"\W*(?:[^,]{0,30},\s*including[^,]{0,40},\s*)?(?:were|was|have\s+been|had\s+been|are|is|got)\s+(\w+ed|\w+en)\b", re.IGNORECASE)
_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'\-]*)")
MAX_NP_WORDS = 4  # "former Afghan security officials": longer runs are clauses, not heads
CONTEXT_BEFORE = 30  # "killing 13", "the death toll rose to 13": the verb sits just before
CONTEXT_AFTER = 45  # "13 civilians were killed in the attack"


def noun_phrase(text: str, end: int) -> tuple[str | None, int]:
    """The noun phrase right after a number ending at `end`: its words and where it ends."""
    words: list[str] = []
    pos = end
    while len(words) < MAX_NP_WORDS:
        m = _WORD.match(text, pos)
        if m is None:
            break
        word = m.group(1)
        low = word.lower()
        if low in STOP or (words and low.endswith(("ed", "ing"))):
            break  # "force moved": past the head a participle starts the verb phrase
        if _is_kind_word(low):
            if not _next_is_noun(text, m.end()):
                break
            pos = m.end()  # "two dead officers": the officers are counted, "dead" says how
            continue
        words.append(word)
        pos = m.end()
        if low in PEOPLE or low.endswith("s") and len(words) >= 1 and not _next_is_noun(text, pos):
            break
    if not words:
        return None, end
    return " ".join(words), pos


def _next_is_noun(text: str, pos: int) -> bool:
    m = _WORD.match(text, pos)
    return bool(m) and m.group(1).lower() in PEOPLE


def _is_kind_word(word: str) -> bool:
    return any(p.fullmatch(word) for _, p in KIND_PATTERNS)


def kind_of(text: str, start: int, end: int, unit: str | None, sentence: tuple[int, int]) -> str | None:
    """The casualty kind of a number from the verbs around it, or None."""
    lo = max(start - CONTEXT_BEFORE, sentence[0])
    hi = min(end + CONTEXT_AFTER, sentence[1])
    inside = text[start:end]  # "two dead officers": the adjective says it
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(inside):
            return kind
    after = text[end:hi]
    before = text[lo:start]
    # a verb right before the figure governs it: "killing more than 2,100, displacing 700,000"
    hits = [(m.end(), kind) for kind, pattern in KIND_PATTERNS for m in pattern.finditer(before)]
    if hits:
        pos, kind = max(hits)
        if not before[pos:].strip():
            return kind
    passive = OTHER_PASSIVE.match(after)
    if passive and not any(p.fullmatch(passive.group(1)) for _, p in KIND_PATTERNS):
        return None  # "two children were rescued": the figure's own verb is not a toll
    # the nearest verb after the figure decides ("two men were wounded and one woman was killed")
    # ("killing 920 people and 15 soldiers, injuring 600": "injuring" governs the 600, not the 15)
    hits = [(m.start(), kind) for kind, pattern in KIND_PATTERNS for m in pattern.finditer(after)
            if not GOVERNS_FIGURE.match(after, m.end())]
    if hits:
        pos, kind = min(hits)
        if not re.search(r"[;]|\b(?:and|but)\s+(?:\d|\w+\s+(?:were|was))", after[:pos]):
            return kind
    # else the nearest before it, joined by connective words only ("killing 13", "the death toll
    # rose to 13", not "deaths in a population of 11 million")
    hits = [(m.end(), kind) for kind, pattern in KIND_PATTERNS for m in pattern.finditer(before)]
    if hits:
        pos, kind = max(hits)
        if CONNECTIVES.fullmatch(before[pos:]):
            return kind
    return None


def is_force(unit: str | None) -> bool:
    """A head count of an armed group: "several thousand active fighters", "a 5,000-strong force"."""
    if not unit:
        return False
    words = unit.lower().split()
    return words[-1] in FORCE_NOUNS and words[0] not in ("former", "ex", "retired", "dead", "wounded")


def currency(sign: str | None, unit: str | None) -> str | None:
    if sign:
        return CURRENCY_SIGNS.get(sign.strip().lower())
    if unit:
        return CURRENCY_WORDS.get(unit.lower().split()[0])
    return None
