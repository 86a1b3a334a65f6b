"""Finding actor mentions in a Doc: knowledge-base aliases, state actors ("Afghan soldiers"),
generic actor nouns ("militants"), definite descriptions ("the group") and named entities.

`ActorMatcher.candidates(doc)` returns non-overlapping `Candidate`s in text order; the linker
(`sitrep.actors.component`) resolves descriptions and groups candidates into actors.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from sitrep.actors.candidate import CONFIDENCE, Candidate
from sitrep.actors.casing import CASELESS_MIN_ALIAS, FoldedDict, is_caseless
from sitrep.actors.kb import ActorKB, KBEntry
from sitrep.actors.persons import LOWER_TITLES, PERSON_TITLES, attach_titles, titled_persons
from sitrep.actors.sectors import (
    ANAPHORIC_NOUNS,
    ATTACK_NOUNS,
    COORDINATION_WORDS,
    DESCRIPTOR_TAGS,
    DETERMINERS,
    MAX_COORDINATION_ADJECTIVES,
    MEMBER_NOUNS,
    MODIFIED_ONLY,
    PERPETRATOR_ADJECTIVES,
    QUALIFIED_ONLY,
    SECTOR_NOUNS,
    STATE_SECTORS,
    STATUS_WORDS,
    TITLE_SECTORS,
)
from sitrep.entities.names import country_names, demonyms

# How far a country may stand from the noun it qualifies: "Afghanistan's U.S.-trained elite
# intelligence service" has three modifiers between them; more is rarely one noun phrase.
MAX_MODIFIERS = 3
# How far before a mention a status word may stand: "some former members of ..." is handled by
# the member rule; "former U.S.-trained Afghan soldiers" has two tokens in between.
MAX_STATUS_DISTANCE = 3
# How far back a list of places is walked to find its preposition: "in Iraq, Syria and Libya".
MAX_LIST_WALK = 6
# "to" is not among them: "sent arms to Pakistan", "apologized to Brazil" name a recipient.
LOCATIVE_PREPOSITIONS = {
    "in", "at", "near", "into", "inside", "within", "across", "throughout", "from",
    "around", "outside", "toward", "towards", "through", "over", "via", "of",
}
# Words that end a noun phrase between a country and its noun ("Afghan and Pakistani troops"
# is handled by coordination, not by skipping "and").
PHRASE_BREAKS = {
    "and", "or", "but", "to", "the", "a", "an", "of", "in", "on", "for", "with", "by", "from",
    "that", "which", "who", "is", "are", "was", "were", "has", "have", "had", "will", "would",
    "said", "says", "as", "at", "its", "their", "his", "her", "not", "than", "also",
}
# "US-trained forces" are not US forces: a country before these participles only modifies.
MODIFYING_PARTICIPLES = {
    "trained", "backed", "led", "funded", "supported", "armed", "allied", "aligned", "based",
    "made", "sponsored", "brokered", "installed", "controlled", "held", "occupied", "owned",
}
POSSESSIVES = {"'s", "’s", "'", "’"}
# After a capital these make it the government acting: "Moscow said", "Washington denied".
AGENTIVE_VERBS = {
    "said", "says", "has", "have", "had", "will", "would", "is", "was", "denied", "denies",
    "accused", "accuses", "warned", "warns", "announced", "rejected", "condemned", "called",
    "wants", "demanded", "insisted", "responded", "claimed", "urged", "sent", "imposed", "agreed",
}
COORDINATORS = {"and", "or", "&", "as well as"}
# Sector nouns that, right after a named actor, name its people: "Taliban fighters".
MEMBER_SECTORS = {"rebels", "militia", "military", "police", "intelligence", "government"}
SINGULAR_S = {"rebels"}  # never mind: "the rebels" is plural but one actor in practice
# "rebels in Sudan", "students throughout Indonesia": the group's country follows it.
GROUP_PLACE_PREPOSITIONS = {"in", "of", "from", "throughout", "across", "inside"}
MAX_PLACE_TOKENS = 4  # "in Darfur, Sudan", "in North Kivu, Congo"
ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
LIST_JOINERS = frozenset({",", "and", "or", "&"})
CLAUSE_POS = frozenset({"VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON"})  # words no noun phrase's modifiers include
ORG_SECTOR_WORDS: dict[str, str] = {
    "army": "military", "forces": "military", "brigade": "military", "battalion": "military",
    "regiment": "military", "division": "military", "navy": "military", "command": "military",
    "police": "police", "gendarmerie": "police", "intelligence": "intelligence",
    "ministry": "government", "government": "government", "council": "government",
    "department": "government", "office": "government", "agency": "government",
    "commission": "government", "parliament": "legislature", "assembly": "legislature",
    "court": "judiciary", "party": "party", "front": "rebels", "liberation": "rebels",
    "movement": "rebels", "militia": "militia", "brigades": "rebels", "mujahideen": "rebels",
    "jihad": "rebels", "news": "media", "times": "media", "post": "media", "journal": "media",
    "tv": "media", "radio": "media", "agency's": "media", "university": "education",
    "school": "education", "church": "religious", "mosque": "religious", "bank": "business",
    "company": "business", "corporation": "business", "group": "business", "inc": "business",
    "ltd": "business", "foundation": "ngo", "watch": "ngo", "federation": "ngo", "union": "labour",
    "hospital": "health", "red": "ngo", "relief": "ngo", "aid": "ngo", "rights": "ngo",
}


POLITICAL_WORDS = frozenset({"democratic", "democracy", "progressive", "socialist", "conservative", "liberal", "patriotic",
                             "republican", "communist", "civic", "green", "greens", "reform", "unity", "justice", "change"})
ARMED_WORDS = frozenset({"liberation", "revolutionary", "armed", "army", "jihad", "mujahideen", "resistance", "militia",
                         "brigades", "fighters", "guerrilla", "insurgent"})


class ActorMatcher:
    """Phrase matchers over the KB's aliases, countries, demonyms and sector nouns."""

    def __init__(self, nlp: Language, kb: ActorKB):
        self.kb = kb
        self.named = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.demonyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.demonym_iso3: dict[str, str | None] = demonyms()
        self.country_codes = country_names()
        self.country_names = set(self.country_codes)
        self._cased = (self.demonym_iso3, self.country_codes, self.country_names)
        self._caseless: tuple | None = None  # built on the first all-lower-case Doc
        self._nlp = nlp
        for entry in kb:
            patterns = _alias_docs(nlp, entry.names)
            if patterns:
                self.named.add(entry.id, patterns)
        self.demonyms.add("DEMONYM", list(nlp.tokenizer.pipe(self.demonym_iso3)))
        for noun, sector in SECTOR_NOUNS.items():
            self.nouns.add(sector, [nlp.make_doc(noun)])
        self.perpetrators = PhraseMatcher(nlp.vocab, attr="LOWER")
        for adjective, sector in PERPETRATOR_ADJECTIVES.items():
            self.perpetrators.add(sector, [nlp.make_doc(adjective)])
        # single-word triggers, matched rather than found by walking every token (Token objects
        # are the cost of a Python loop over a Doc)
        self.collectives = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.collectives.add("COLLECTIVE", list(nlp.tokenizer.pipe(ANAPHORIC_NOUNS)))
        self.titles = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.titles.add("TITLE", list(nlp.tokenizer.pipe(PERSON_TITLES | LOWER_TITLES)))
        self.vocab = nlp.vocab

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Actor mentions of `doc`, non-overlapping, in text order."""
        nouns = self._noun_spans(doc)
        caseless = is_caseless(doc)
        # the name tables for this Doc: exact, or folded for text without case (MUC-4, SMS)
        self.demonym_iso3, self.country_codes, self.country_names = self._tables(caseless)
        named = self._caseless[3] if caseless else self.named
        matches = named(doc)
        # tokens of named actors other than countries: no state phrase runs across them
        named_tokens = {i for _, s, e in matches for i in range(s, e) if doc[s:e].text not in self.country_names}
        found: list[Candidate] = []
        found += self._named(doc, matches, nouns, named_tokens)
        found += self._demonyms(doc, nouns, named_tokens)
        found += self._generic(doc, nouns, named_tokens | self._country_tokens(doc, matches))
        found += self._entities(doc)
        if not caseless:
            found += titled_persons(doc, self.titles(doc), named_tokens, self.country_names)
        for cand in found:
            _extend_members(doc, cand)
            _extend_member_noun(doc, cand, nouns)
        chosen = _named_by_descriptor(_non_overlapping(found))
        for cand in chosen:
            _set_status(doc, cand)
            cand.modifier = _is_modifier(doc, cand)
        _distribute_coordination(doc, chosen, self.kb)
        self._located_groups(doc, chosen)
        attach_titles(doc, chosen, self.country_of)
        for cand in chosen:
            if cand.kind == "entity" and cand.country is None:
                # "Nigerian Union of Teachers", "Iraqi Kurds": a name carrying a country
                cand.country = next((c for c in map(self.country_of, (t.text for t in doc[cand.start:cand.end])) if c), None)
        self._sentence_country(doc, chosen, matches)
        return chosen

    def _sentence_country(self, doc: Doc, cands: list[Candidate], matches: list[tuple[int, int, int]]) -> None:
        """"President Omar al-Bashir ... in Sudan": a state official with no country of their
        own takes the country when their sentence names exactly one."""
        officials = [c for c in cands if c.kind == "person" and c.country is None and c.sector in STATE_SECTORS]
        if not officials:
            return
        demonym_matches = (self.demonyms_caseless if isinstance(self.demonym_iso3, FoldedDict) else self.demonyms)(doc)
        spans = [doc[s:e].text for _, s, e in matches] + [doc[s:e].text for _, s, e in demonym_matches]
        starts = [s for _, s, _ in matches] + [s for _, s, _ in demonym_matches]
        by_sentence: dict[int, set[str]] = {}
        for start, text in zip(starts, spans):
            iso3 = self.country_of(text)
            if iso3:
                by_sentence.setdefault(doc[start].sent.start if doc.has_annotation("SENT_START") else 0, set()).add(iso3)
        for cand in officials:
            sent_start = doc[cand.start].sent.start if doc.has_annotation("SENT_START") else 0
            countries = by_sentence.get(sent_start, set())
            if len(countries) == 1:
                cand.country = next(iter(countries))
                cand.confidence = min(cand.confidence, CONFIDENCE["inferred_country"])

    def _located_groups(self, doc: Doc, cands: list[Candidate]) -> None:
        """"rebels in Darfur, Sudan", "security forces in Guinea", "opposition parties in Nepal":
        a generic group placed in one country belongs to it."""
        for cand in cands:
            if cand.kind != "generic" or cand.country is not None:
                continue
            i = cand.end
            if i >= len(doc) or doc[i].lower_ not in GROUP_PLACE_PREPOSITIONS:
                continue
            iso3 = self._country_after(doc, i + 1)
            if iso3 is None:
                continue
            cand.country = iso3
            entry = self.kb.state_entry(iso3, cand.sector) if cand.sector in STATE_SECTORS else None
            if entry is not None:
                cand.kind, cand.entry = "state", entry

    def _country_after(self, doc: Doc, i: int) -> str | None:
        """The first country named from token i on, past a few place words: "the Sudan",
        "Darfur, Sudan"; None when anything else comes first."""
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        for k in range(i, min(i + MAX_PLACE_TOKENS, len(doc))):
            for j in range(min(k + 3, len(doc)), k, -1):
                iso3 = self.country_codes.get(doc[k:j].text)
                if iso3:
                    return iso3
            if not (doc[k].is_title or doc[k].text == ","):
                return None
        return None

    def _tables(self, caseless: bool) -> tuple:
        if not caseless:
            return self._cased
        if self._caseless is None:
            demonyms, countries, _ = self._cased
            named = PhraseMatcher(self._nlp.vocab, attr="LOWER")
            for entry in self.kb:
                # short lower-case aliases ("is", "un", "us", "ap") are ordinary words
                names = [n for n in entry.names if len(n.replace(".", "")) >= CASELESS_MIN_ALIAS]
                patterns = _alias_docs(self._nlp, tuple(names))
                if patterns:
                    named.add(entry.id, patterns)
            folded_countries = FoldedDict(countries)
            self._caseless = (FoldedDict(demonyms), folded_countries, folded_countries, named)
            self.demonyms_caseless = PhraseMatcher(self._nlp.vocab, attr="LOWER")
            self.demonyms_caseless.add("DEMONYM", list(self._nlp.tokenizer.pipe(demonyms)))
        return self._caseless[:3]

    def country_of(self, word: str) -> str | None:
        """ISO3 of a country name or demonym ("Gambian", "U.S."), else None."""
        return self.demonym_iso3.get(word) or self.country_codes.get(word)

    # --- matchers ---------------------------------------------------------------------------


    def _noun_spans(self, doc: Doc) -> dict[int, tuple[int, str]]:
        """Start token -> (end, sector) of the longest sector noun starting there."""
        spans: dict[int, tuple[int, str]] = {}
        for match_id, start, end in self.nouns(doc):
            if start not in spans or end > spans[start][0]:
                spans[start] = (end, self.vocab.strings[match_id])
        for match_id, start, end in self.perpetrators(doc):
            if start not in spans and end < len(doc) and doc[end].lower_ in ATTACK_NOUNS:
                spans[start] = (end, self.vocab.strings[match_id])
        return spans

    def _named(self, doc: Doc, matches: list[tuple[int, int, int]], nouns: dict[int, tuple[int, str]],
               named_tokens: set[int]) -> list[Candidate]:
        out = []
        for match_id, start, end in matches:
            entry = self.kb.get(self.vocab.strings[match_id])
            if entry is None:
                continue
            text = doc[start:end].text
            if entry.type == "state" and _listed_with_persons(doc, start, end):
                continue  # "two nephews, Jordan and Josué Rivera": a person's name
            is_country = entry.type == "state" and entry.id == entry.country
            if is_country or (entry.type == "state" and text in entry.places):
                combined = self._state_phrase(doc, start, end, entry.country, nouns, named_tokens)
                if combined is not None:
                    out.append(combined)
                    continue
            if _is_place_name(entry, text) and not self._acts_as_state(doc, start, end, text):
                continue  # "in Washington", "from Afghanistan": a place, not an actor
            if is_country:
                out.append(Candidate(start, end, "country", entry=entry, confidence=CONFIDENCE["country"], priority=2))
                continue
            short = len(text) <= 3 and text.isupper()
            if short and _in_capitals(doc, start, end):
                continue  # "WHAT IS ISIS-K?": a headline in capitals, where "IS" is a verb
            out.append(Candidate(start, end, "kb", entry=entry, priority=3,
                                 confidence=CONFIDENCE["kb_short" if short else "kb"]))
        return out

    def _acts_as_state(self, doc: Doc, start: int, end: int, text: str) -> bool:
        """Whether a place name stands for its state here: "Pakistan accused India" but not
        "in Pakistan"; a capital only where it acts: "Washington denied", "by Moscow"."""
        if _before_modifying_participle(doc, end) or _after_locative(doc, start):
            return False
        if text in self.country_names:
            return True
        before = doc[start - 1].lower_ if start > 0 else ""
        after = doc[end].lower_ if end < len(doc) else ""
        return before == "by" or after in AGENTIVE_VERBS or after in POSSESSIVES

    def _demonyms(self, doc: Doc, nouns: dict[int, tuple[int, str]], named_tokens: set[int]) -> list[Candidate]:
        out = []
        matcher = self.demonyms_caseless if isinstance(self.demonym_iso3, FoldedDict) else self.demonyms
        for _, start, end in matcher(doc):
            iso3 = self.demonym_iso3.get(doc[start:end].text)
            combined = self._state_phrase(doc, start, end, iso3, nouns, named_tokens)
            if combined is None:
                combined = self._shared_noun(doc, start, end, iso3, nouns, named_tokens)
            if combined is not None:
                out.append(combined)
            elif iso3 and doc[end - 1].text.endswith("s") and not _followed_by_noun(doc, end):
                # "Afghans", "the Palestinians": the people of a country
                out.append(Candidate(start, end, "generic", sector="civilians", country=iso3,
                                     name=doc[start:end].text, confidence=CONFIDENCE["generic"]))
        return out

    def _state_phrase(self, doc: Doc, start: int, end: int, iso3: str | None,
                      nouns: dict[int, tuple[int, str]], named_tokens: set[int]) -> Candidate | None:
        """"Afghan soldiers", "Afghanistan's spy agency", "the government of Afghanistan"."""
        if _before_modifying_participle(doc, end):
            return None
        i = end
        if i < len(doc) and doc[i].text in POSSESSIVES:
            i += 1
        for _ in range(MAX_MODIFIERS + 1):
            if i >= len(doc):
                break
            if i in named_tokens:
                break  # "Pakistani Taliban fighters": the noun belongs to the named actor
            if i in nouns:
                noun_end, sector = nouns[i]
                return self._state_candidate(doc, start, noun_end, iso3, sector)
            if not _modifier_token(doc[i]):
                break
            i += 1
        # "the government of Afghanistan", "the army of Pakistan"
        j = start - 1
        if j >= 1 and doc[j].lower_ == "of":
            for noun_start in range(max(j - 3, 0), j):
                if noun_start in nouns and nouns[noun_start][0] == j:
                    return self._state_candidate(doc, noun_start, end, iso3, nouns[noun_start][1])
        return None

    def _shared_noun(self, doc: Doc, start: int, end: int, iso3: str | None,
                     nouns: dict[int, tuple[int, str]], named_tokens: set[int]) -> Candidate | None:
        """"Hungarian and Romanian officials": the first demonym shares the second's noun."""
        if end + 1 >= len(doc) or doc[end].lower_ not in ("and", "or", ","):
            return None
        nxt = doc[end + 1]
        if nxt.text not in self.demonym_iso3 and nxt.text not in self.country_names:
            return None
        other = self._state_phrase(doc, end + 1, end + 2, self.demonym_iso3.get(nxt.text), nouns, named_tokens)
        if other is None:
            return None
        noun_sector = (other.entry.sector if other.entry else other.sector) or "government"
        cand = self._state_candidate(doc, start, end, iso3, noun_sector)
        cand.confidence = min(cand.confidence, CONFIDENCE["generic"])
        return cand

    def _state_candidate(self, doc: Doc, start: int, end: int, iso3: str | None, sector: str) -> Candidate:
        entry = self.kb.state_entry(iso3, sector) if iso3 else None
        if entry is not None:
            return Candidate(start, end, "state", entry=entry, confidence=CONFIDENCE["state"], priority=2)
        return Candidate(start, end, "generic", sector=sector, country=iso3, name=doc[start:end].text,
                         confidence=CONFIDENCE["generic"], priority=1)

    def _national(self, text: str) -> bool:
        return text in self.country_names or text in self.demonym_iso3

    def _country_tokens(self, doc: Doc, matches: list[tuple[int, int, int]]) -> set[int]:
        """Tokens of country names and demonyms: "the Guatemala army" is no description."""
        demonym_matches = (self.demonyms_caseless if isinstance(self.demonym_iso3, FoldedDict) else self.demonyms)(doc)
        spans = [(s, e) for _, s, e in demonym_matches] + [(s, e) for _, s, e in matches if doc[s:e].text in self.country_names]
        return {i for s, e in spans for i in range(s, e)}

    def _generic(self, doc: Doc, nouns: dict[int, tuple[int, str]], name_tokens: set[int]) -> list[Candidate]:
        out = []
        for start, (end, sector) in nouns.items():
            if end < len(doc) and doc[end].text in {"-", "–"}:
                continue  # "intelligence-gathering": a modifier, not an actor
            head = doc[end - 1].lower_
            det, descriptor = _determiner_and_descriptor(doc, start)
            if det is not None and any(i in name_tokens for i in range(det, end)):
                det = None
            descriptor = descriptor or next((t.lower_ for t in doc[start:end - 1] if t.lower_ in DESCRIPTOR_TAGS), None)
            if det is not None and head in ANAPHORIC_NOUNS:
                out.append(self._anaphor(doc, det, end, head, descriptor, sector))
                continue
            country_ref = _country_reference(doc, start)
            if doc[start:end].text.lower() in QUALIFIED_ONLY and not country_ref:
                continue
            cand = Candidate(start, end, "generic", sector=sector, name=doc[start:end].text,
                             confidence=CONFIDENCE["generic"])
            cand.extra["country_reference"] = country_ref
            out.append(cand)
        # "the group", "the organisation": collective nouns that name no sector by themselves
        for _, i, _ in self.collectives(doc):
            token = doc[i]
            head = token.lower_
            if token.i not in nouns and not _inside(nouns, token.i):
                det, descriptor = _determiner_and_descriptor(doc, token.i)
                if det is not None and not (head in MODIFIED_ONLY and det == token.i - 1):
                    out.append(self._anaphor(doc, det, token.i + 1, head, descriptor, ANAPHORIC_NOUNS[head][0]))
        return out

    def _anaphor(self, doc: Doc, start: int, end: int, head: str, descriptor: str | None, sector: str) -> Candidate:
        tags = frozenset({DESCRIPTOR_TAGS[descriptor]}) if descriptor else frozenset()
        cand = Candidate(start, end, "anaphor", sector=sector, compatible=ANAPHORIC_NOUNS[head], tags=tags,
                         name=doc[start:end].text, confidence=CONFIDENCE["anaphor"])
        cand.extra["head"] = head
        # "the groups", "the two jihadist groups": several antecedents
        cand.extra["plural"] = head.endswith("s") and head not in SINGULAR_S or any(
            t.lower_ in ("two", "both") for t in doc[start:end])
        return cand

    def _entities(self, doc: Doc) -> list[Candidate]:
        out = []
        places = {(p.start, p.end) for p in (doc._.places or []) if getattr(p, "resolved", False) and not getattr(p, "metonymy", False)}
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            if any(s <= ent.start_char and ent.end_char <= e for s, e in places):
                continue  # a place the NER took for a name ("Juan Caballero" of Pedro Juan Caballero): the places stage resolved it
            entry = self.kb.lookup(ent.text)
            if entry is not None and entry.type == "state" and entry.places:
                if not _listed_with_persons(doc, ent.start, ent.end):
                    continue  # country and capital names: the named matcher decides, with context
                entry = None
            if entry is not None:
                out.append(Candidate(ent.start, ent.end, "kb", entry=entry, confidence=CONFIDENCE["kb"], priority=1))
            elif ent.label_ == "PERSON":
                out.append(Candidate(ent.start, ent.end, "person", name=ent.text, confidence=CONFIDENCE["entity"]))
            elif ent.label_ == "ORG":
                out.append(Candidate(ent.start, ent.end, "entity", name=ent.text, sector=guess_org_sector(ent, self._national),
                                     confidence=CONFIDENCE["entity"]))
            elif ent.label_ == "NORP" and ent.text not in self.demonym_iso3 and not _followed_by_noun(doc, ent.end):
                out.append(Candidate(ent.start, ent.end, "entity", name=ent.text, sector="civilians",
                                     confidence=CONFIDENCE["entity"]))
        return out


def guess_org_sector(span: Span, national: Callable[[str], bool] = lambda text: False) -> str | None:
    """A sector for an organisation the KB does not know, from words of its name: its head's
    ("Mineworkers Union"), but a "movement", "front" or "union" with a political word and no armed
    one is a party ("Progressive Movement", "Patriotic Union of Kurdistan"), and an army that no
    state's name (`national`: a country name or demonym) qualifies is a non-state armed group
    ("Arakan Army", "Mahdi Army"; "the Bolivian Army" is a state's)."""
    words = {t.lower_ for t in span}
    for token in reversed(span):
        sector = ORG_SECTOR_WORDS.get(token.lower_)
        if sector in ("rebels", "labour") and words & POLITICAL_WORDS and not words & ARMED_WORDS:
            return "party"
        if token.lower_ == "army" and not any(national(t.text) for t in span[:token.i - span.start]):
            return "rebels"
        if sector:
            return sector
    return None


# --- span rules ------------------------------------------------------------------------------


def _is_place_name(entry: KBEntry, text: str) -> bool:
    return text in entry.places or text.lower() in {p.lower() for p in entry.places}


def _alias_docs(nlp: Language, names: tuple[str, ...]) -> list[Doc]:
    """Pattern docs of a KB entry's names, with the "Al-"/"al-" spelling variants news uses."""
    variants: list[str] = []
    for name in names:
        variants.append(name)
        if "'" in name:  # "Da'esh" is often typeset "Da’esh"
            variants.append(name.replace("'", "’"))
        if name.startswith("al-"):
            variants.append("Al-" + name[3:])
        elif name.startswith("Al-"):
            variants.append("al-" + name[3:])
    docs = list(nlp.tokenizer.pipe(dict.fromkeys(v for v in variants if v.strip())))
    # "joined ISIS-K." tokenizes as ISIS, -, "K.": match the alias with the full stop too
    # (the mention is trimmed back to the alias by `trimmed_span`)
    dotted = [d.text + "." for d in docs if len(d[-1]) <= 2 and d[-1].is_alpha]
    for d in nlp.tokenizer.pipe(dotted):
        if d[-1].text != ".":
            docs.append(d)
    return docs


def trimmed_span(doc: Doc, cand: Candidate) -> tuple[int, int]:
    """Character offsets of a candidate, without a sentence's full stop glued to an alias."""
    span = doc[cand.start:cand.end]
    end = span.end_char
    if cand.entry is not None and span.text.endswith(".") and not any(n.endswith(".") for n in cand.entry.names):
        end -= 1
    return span.start_char, end


def _non_overlapping(cands: list[Candidate]) -> list[Candidate]:
    """Longest spans first, then the higher priority; drop whatever overlaps a chosen one."""
    taken: set[int] = set()
    chosen = []
    for cand in sorted(cands, key=lambda c: (-c.length, -c.priority, c.start)):
        if any(i in taken for i in range(cand.start, cand.end)):
            continue
        taken.update(range(cand.start, cand.end))
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _in_capitals(doc: Doc, start: int, end: int) -> bool:
    """Whether the words on both sides of a span are written in capitals too."""
    def caps(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_alpha and len(doc[i]) > 1 and doc[i].is_upper

    return caps(start - 1) and caps(end)


def _after_locative(doc: Doc, start: int) -> bool:
    """Whether a name follows "in", "from", ... directly or through a list ("in Iraq and Syria")."""
    j = start - 1
    for _ in range(MAX_LIST_WALK):
        if j < 0:
            return False
        word = doc[j]
        if word.lower_ in LOCATIVE_PREPOSITIONS:
            return True
        if not (word.lower_ in DETERMINERS or word.lower_ in ("and", "or", ",") or word.is_title):
            return False
        j -= 1
    return False


def _before_modifying_participle(doc: Doc, end: int) -> bool:
    """"US-trained", "Iran-backed": the country modifies a participle, it is not the actor."""
    if end < len(doc) and doc[end].text == "-" and end + 1 < len(doc):
        return doc[end + 1].lower_ in MODIFYING_PARTICIPLES
    return end < len(doc) and doc[end].lower_.lstrip("-") in MODIFYING_PARTICIPLES and doc[end].text.startswith("-")


def _past_participle(token: Token) -> bool:
    """"trained", "armed": read from the morphology, so pipelines without a PTB tagger work too."""
    return "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense")


def _modifier_token(token: Token) -> bool:
    """Whether a token may stand between a country and its noun ("U.S.-trained", "elite")."""
    if token.lower_ in PHRASE_BREAKS or token.like_num:
        return False
    if token.pos_:
        return token.pos_ in ("ADJ", "NOUN", "PROPN") or _past_participle(token) or token.text in {"-", "–"}
    if token.is_punct:
        return token.text in {"-", "–"}
    if "-" not in token.text and token.lower_.endswith(("ed", "ing")):
        return False  # untagged: "joined", "fighting" are likelier verbs than modifiers
    return any(ch.isalpha() for ch in token.text)


def _followed_by_noun(doc: Doc, end: int) -> bool:
    """Whether a word follows that the demonym qualifies ("Afghan republic"), not a break."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.pos_:
        return nxt.pos_ in ("NOUN", "PROPN", "ADJ")
    return nxt.is_alpha and nxt.lower_ not in PHRASE_BREAKS and not nxt.is_stop


def _determiner_and_descriptor(doc: Doc, start: int) -> tuple[int | None, str | None]:
    """Start of "the [terror] group" and its descriptor, or (None, None) without a determiner."""
    descriptor = None
    i = start - 1
    for _ in range(2):  # "the terror group", "the Islamist militant group"
        if i < 0:
            return None, None
        word = doc[i].lower_
        if word in DETERMINERS:
            return i, descriptor
        if doc[i].is_punct or doc[i].is_digit:
            return None, None
        if not doc[i].is_lower:
            return None, None  # "the Afghan army", "the ISIS ranks": a name, not a description
        if doc[i].pos_ in CLAUSE_POS and word not in DESCRIPTOR_TAGS:
            return None, None  # "if the party disobeyed government orders": a verb between, two phrases
        if word in DESCRIPTOR_TAGS and descriptor is None:
            descriptor = word
        i -= 1
    if i >= 0 and doc[i].lower_ in DETERMINERS:
        return i, descriptor
    return None, None


def _country_reference(doc: Doc, start: int) -> bool:
    """Whether "the country's [new]" comes before a noun: "the country's new rulers"."""
    i = start - 1
    while i >= 0 and start - i <= 3 and _adjective_like(doc[i]) and doc[i].text not in POSSESSIVES:
        i -= 1
    return i >= 2 and doc[i].text in POSSESSIVES and doc[i - 1].lower_ in ("country", "nation") and doc[i - 2].lower_ in DETERMINERS


def _inside(nouns: dict[int, tuple[int, str]], i: int) -> bool:
    return any(s <= i < e for s, (e, _) in nouns.items())


def _extend_members(doc: Doc, cand: Candidate) -> None:
    """"[former] members of [the] NDS": the mention takes in the member phrase."""
    if cand.kind in ("anaphor", "person"):
        return
    i = cand.start - 1
    if i >= 0 and doc[i].lower_ in DETERMINERS:
        i -= 1
    if i >= 1 and doc[i].lower_ in ("of", "from") and doc[i - 1].lower_ in MEMBER_NOUNS:
        cand.extra["member_noun"] = doc[i - 1].lower_
        cand.start = i - 1


def _extend_member_noun(doc: Doc, cand: Candidate, nouns: dict[int, tuple[int, str]]) -> None:
    """"Taliban fighters", "Hamas leaders", "Pentagon officials": a named actor's people."""
    if cand.kind != "kb" or cand.end not in nouns:
        return
    noun_end, sector = nouns[cand.end]
    if sector in MEMBER_SECTORS or doc[cand.end:noun_end].text.lower() in MEMBER_NOUNS:
        cand.extra["member_noun"] = doc[cand.end:noun_end].text.lower()
        cand.end = noun_end
        cand.priority -= 1  # "United Nations peacekeepers" as an alias of its own wins


def _set_status(doc: Doc, cand: Candidate) -> None:
    """Status from a word shortly before the mention: "former Afghan soldiers", "ex-rebels"."""
    first = doc[cand.start]
    if first.lower_.startswith("ex-"):
        cand.status = "former"
        return
    for i in range(cand.start - 1, max(cand.start - 1 - MAX_STATUS_DISTANCE, -1), -1):
        token = doc[i]
        if token.is_punct and token.text not in {"-", "–"}:
            break
        status = STATUS_WORDS.get(token.lower_)
        if status:
            cand.status = status
            cand.extra["status_token"] = i
            if i == cand.start - 1 or all(doc[k].lower_ in DETERMINERS for k in range(i + 1, cand.start)):
                cand.start = i  # the status word is part of the mention
            return
        if token.lower_ in DETERMINERS or token.text in {"-", "–"}:
            continue
        if not _modifier_token(token) or token.lower_ in SECTOR_NOUNS:
            break  # "Former soldiers joined ISIS-K": the status belongs to another phrase
    for i in range(cand.start, cand.end):  # "the ousted Afghanistan government"
        status = STATUS_WORDS.get(doc[i].lower_)
        if status:
            cand.status = status
            return


def _listed_with_persons(doc: Doc, start: int, end: int) -> bool:
    """A name the NER read as a person, in a list with another person: "Daniel, Jordan and Josué"."""
    if doc[start].ent_type_ != "PERSON":
        return False
    before = doc[max(start - 2, 0):start]
    after = doc[end:end + 2]
    return (len(before) == 2 and before[-1].lower_ in LIST_JOINERS and before[0].ent_type_ == "PERSON") or (
        len(after) == 2 and after[0].lower_ in LIST_JOINERS and after[1].ent_type_ == "PERSON")


def _named_by_descriptor(cands: list[Candidate]) -> list[Candidate]:
    """"the rebel movement Séléka", "the journalist Ana Lima": a name right after a generic phrase
    is one mention with it; if the KB does not know the name, it takes the phrase's sector. A group noun
    ("movement", "militia") makes the name an organisation; the name's other mentions, which the
    NER may have read as a person, become that organisation too."""
    out: list[Candidate] = []
    groups: dict[str, str] = {}
    for cand in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind in ("generic", "anaphor") and prev.sector and prev.end == cand.start
                and (cand.entry is not None or (cand.kind in ("entity", "person") and cand.sector is None and cand.name))):
            cand.start = prev.start
            if cand.entry is not None:  # "the rebel movement Seleka": the KB knows it already
                out[-1] = cand
                continue
            cand.sector = prev.sector
            if prev.name and prev.name.split()[-1].lower() in ANAPHORIC_NOUNS:
                cand.kind = "entity"
                groups[cand.name] = prev.sector
            out[-1] = cand
            continue
        out.append(cand)
    for cand in out:
        if cand.kind in ("entity", "person") and cand.sector is None and cand.name in groups:
            cand.kind, cand.sector = "entity", groups[cand.name]
    return out


def _is_modifier(doc: Doc, cand: Candidate) -> bool:
    """"IS leader", "ISIS's ranks": the actor qualifies a following noun."""
    if cand.end >= len(doc):
        return False
    nxt = doc[cand.end]
    return nxt.text in POSSESSIVES or nxt.lower_ in MEMBER_NOUNS or nxt.lower_ in TITLE_SECTORS or nxt.lower_ == "statements"


def _distribute_coordination(doc: Doc, cands: list[Candidate], kb: ActorKB) -> None:
    """"former Afghan soldiers and police personnel": the second noun shares country and status."""
    for left, right in pairwise(cands):
        if right.kind != "generic" or right.country is not None:
            continue
        if not coordinated(doc, left.end, right.start):
            continue
        country = left.entry.country if left.entry else left.country
        if country is None or (left.entry is not None and left.entry.type not in ("state", "agency")):
            continue
        right.country = country
        right.status = right.status or left.status
        right.confidence = min(right.confidence, CONFIDENCE["generic"])
        right.extra["coordinated_with"] = left
        entry = kb.state_entry(country, right.sector) if right.sector in STATE_SECTORS else None
        if entry is not None:
            right.kind, right.entry = "state", entry


def coordinated(doc: Doc, end: int, start: int) -> bool:
    """Whether the tokens between two mentions join them: "A and B", "A, B", "A and elite B"."""
    words = doc[end:start]
    if not any(t.lower_ in ("and", "or", ",", "&") for t in words):
        return False
    extra = [t for t in words if t.lower_ not in COORDINATION_WORDS]
    if len(extra) > MAX_COORDINATION_ADJECTIVES:
        return False
    return all(_adjective_like(t) for t in extra)


def _adjective_like(token: Token) -> bool:
    if token.pos_:
        return token.pos_ == "ADJ"
    return token.is_alpha and token.is_lower and not token.lower_.endswith(("ed", "ing")) and token.lower_ not in PHRASE_BREAKS
