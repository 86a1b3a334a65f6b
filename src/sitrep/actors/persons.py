"""People among the actor mentions: names after titles, and the sector, country and status a
person takes from their title, the group or country named with it, or an apposition
("Rahmatullah Nabil, former head of Afghanistan's spy agency").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from sitrep.actors.candidate import CONFIDENCE, Candidate
from sitrep.actors.sectors import STATUS_WORDS, TITLE_SECTORS

# Capitalised titles before a name; the name after them is a person even where no NER ran.
PERSON_TITLES = {
    "President", "Prime", "Minister", "King", "Queen", "Prince", "Crown", "General", "Gen.", "Lt.",
    "Col.", "Colonel", "Major", "Maj.", "Captain", "Capt.", "Admiral", "Adm.", "Sgt.", "Commander",
    "Secretary", "Chancellor", "Governor", "Gov.", "Senator", "Sen.", "Rep.", "Judge", "Justice",
    "Sheikh", "Ayatollah", "Mullah", "Emir", "Archbishop", "Bishop", "Pope", "Rev.", "Mr.", "Mrs.",
    "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Vice", "Deputy", "Foreign", "Defence", "Defense",
    "Interior", "Marshal", "Field", "Ambassador", "Envoy", "Mayor", "Speaker", "Maulana", "Councilman",
    "Councilwoman", "Councillor", "Councilor", "Alderman", "Congressman", "Congresswoman", "Legislator", "Commissioner",
    "Prosecutor",
}
# Lower-case titles right before a name: "Hamas leader Yahya Sinwar", "IS spokesman Abu X".
LOWER_TITLES = {
    "leader", "commander", "chief", "spokesman", "spokeswoman", "spokesperson", "founder", "emir",
    "minister", "president", "envoy", "ambassador", "general", "cleric", "preacher", "militant",
}
# A name after a title is at most this long: "Omar Hassan Ahmad al-Bashir".
MAX_NAME_TOKENS = 5
# A person's title stands within this many tokens before the name ("senior Pentagon official X").
MAX_TITLE_TOKENS = 4
# An apposition after a name is at most this long: ", former head of Afghanistan's spy agency".
MAX_APPOSITION_TOKENS = 10
ORG_KINDS = ("kb", "state", "country", "entity")
CALENDAR_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
}
NAME_PARTICLES = {"al-", "el-", "bin", "ibn", "de", "van", "von", "da", "dos", "del", "la", "le", "al"}


def titled_persons(doc: Doc, title_matches, named_tokens: set[int], country_names) -> list[Candidate]:
    """"President Omar al-Bashir", "Lt. Gen. Prosper Avril": names after a title (matches of
    PERSON_TITLES and LOWER_TITLES), for pipelines whose NER missed them or that have none."""
    out = []
    for _, title, _ in title_matches:
        if title > 0 and doc[title - 1].text in PERSON_TITLES:
            continue  # "Prime Minister": the name follows the last title word
        if doc[title].text in LOWER_TITLES and not (title + 1 < len(doc) and doc[title + 1].is_title):
            continue
        i = title + 1
        while i < len(doc) and doc[i].text in PERSON_TITLES:
            i += 1
        j = i
        while j < len(doc) and j - i < MAX_NAME_TOKENS and _name_token(doc[j]) and j not in named_tokens:
            j += 1
        if j > i and doc[i:j].text not in country_names:
            out.append(Candidate(i, j, "person", name=doc[i:j].text, confidence=CONFIDENCE["entity"]))
    return out


def _name_token(token: Token) -> bool:
    """A token of a personal name: capitalised, a particle inside one (al-, de, bin), or the
    hyphen of "Jean-Bertrand"; not a title, weekday or month."""
    if token.text in PERSON_TITLES or token.text in CALENDAR_WORDS:
        return False
    doc = token.doc
    if token.text == "-":
        prev, nxt = (doc[token.i - 1], doc[token.i + 1]) if 0 < token.i < len(doc) - 1 else (None, None)
        return prev is not None and (prev.is_title or prev.lower_ in NAME_PARTICLES) and nxt.is_title
    return (token.is_title or token.text in NAME_PARTICLES or (token.text[:1].isupper() and "-" in token.text)) and not token.is_punct


RANKED_BY_GENERAL = frozenset({"secretary", "attorney", "director", "governor", "consul", "solicitor", "auditor", "accountant",
                               "registrar", "surveyor", "postmaster", "inspector", "advocate", "commissioner"})


def attach_titles(doc: Doc, cands: list[Candidate], country_of) -> None:
    """A person's sector, country and status from their title: "IS leader Abu Bakr al-Baghdadi",
    "Rahmatullah Nabil, former head of Afghanistan's spy agency"."""
    for k, cand in enumerate(cands):
        if cand.kind != "person":
            continue
        before = cands[k - 1] if k > 0 else None
        window = [t.lower_ for t in doc[max(cand.start - MAX_TITLE_TOKENS, 0):cand.end] if not t.is_punct]
        if (before is not None and cand.start - before.end <= 3 and before.kind in ORG_KINDS
                and not any(t.is_punct for t in doc[before.end:cand.start])):
            cand.org = before
        apposition = _apposition(doc, cand.end)
        if apposition is not None:
            window += [t.lower_ for t in apposition]
            inside = [c for c in cands[k + 1:] if c.start < apposition.end and c.kind in ORG_KINDS]
            cand.org = cand.org or (inside[0] if inside else None)
            if any(STATUS_WORDS.get(t.lower_) == "former" for t in apposition):
                cand.status = "former"
        title_sector = next((TITLE_SECTORS[w] for w in _title_heads(window) if TITLE_SECTORS.get(w)), None)
        org = cand.org
        org_sector = (org.entry.sector if org.entry else org.sector) if org else None
        # the organisation's sector wins unless it is a government that titles refine
        # ("Defence Minister" of a state is government; "head of the spy agency" is intelligence)
        cand.sector = org_sector if org_sector and org_sector != "government" else title_sector or org_sector
        cand.country = (org.entry.country if org.entry else org.country) if org else None
        if cand.country is None:  # "Gambian President Dawda Jawara", "U.S. Secretary of State X"
            cand.country = next((c for c in map(country_of, _title_words(doc, cand.start, cand.end)) if c), None)
            if cand.country and cand.sector is None and any(w in TITLE_SECTORS for w in window):
                cand.sector = "government"  # "Libyan leader Muammar Gaddafi": a state's leader
        if cand.status is None and any(STATUS_WORDS.get(w) == "former" for w in window):
            cand.status = "former"


def _title_heads(window: list[str]) -> list[str]:
    """Title words without a "general" that only ranks another title: "National General Secretary",
    "Attorney General", "Director-General" are no generals."""
    return [w for i, w in enumerate(window)
            if not (w == "general" and ({*window[max(i - 1, 0):i], *window[i + 1:i + 2]} & RANKED_BY_GENERAL))]


def _title_words(doc: Doc, start: int, end: int) -> list[str]:
    """The words right before a name and in its span up to punctuation or "and": "Gambian President
    Dawda Jawara", but not "Tanzania" in "Kenya, Uganda and Tanzania, and John Mwangi", another
    item of a list, nor a name the NER read as a person ("Jordan Peterson", "Jordan and Josué")."""
    first = start
    while first > max(start - MAX_TITLE_TOKENS, 0) and not doc[first - 1].is_punct and doc[first - 1].lower_ not in ("and", "or"):
        first -= 1
    return [t.text for t in doc[first:end] if t.ent_type_ != "PERSON"]


def _apposition(doc: Doc, end: int) -> Span | None:
    """", former head of Afghanistan's spy agency," after a name: up to the next punctuation."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    stop = end + 1
    while stop < len(doc) and stop - end <= MAX_APPOSITION_TOKENS and not (doc[stop].is_punct and doc[stop].text not in {"-", "’s", "'s"}):
        stop += 1
    span = doc[end + 1:stop]
    if not span or span[0].pos_ == "VERB" or span[0].lower_ in ("who", "which", "said", "says", "and"):
        return None
    return span
