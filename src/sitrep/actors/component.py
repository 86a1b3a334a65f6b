"""Stage `sitrep_actors`: actor mentions linked to the knowledge base, or kept as new actors.

Each distinct actor of the article becomes one `sitrep.document.Actor` in `doc._.actors`
(ids a1, a2, ... in order of first mention) with all its mentions. An actor is a KB entry and
a status: "former Afghan soldiers" (AFG-MIL, former) is not the Afghan army of today.
Definite descriptions ("the group", "the terror group") take the nearest compatible actor
before them; unknown actors are kept with a guessed sector, never dropped. See docs/actors.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.actors.candidate import Candidate
from sitrep.actors.kb import ActorKB, fold, load_kb
from sitrep.actors.matching import ActorMatcher, trimmed_span
from sitrep.actors.sectors import DETERMINERS, NO_SECTOR_ALONE, OPEN_COLLECTIVES, STATE_ANAPHORS, STATUS_WORDS
from sitrep.document import Actor, Mention
from sitrep.pipeline.doc import next_id, sentence_index, text_of

# A description ("the group") looks this many sentences back for its antecedent; further back
# the nearest compatible actor is too often a different one.
MAX_ANAPHOR_SENTENCES = 3
# Confidence of a resolved description: high when the antecedent is in the same or the
# previous sentence, lower each sentence further.
ANAPHOR_CONFIDENCE = 0.7
ANAPHOR_DECAY = 0.1
# An unresolved description is kept as a new actor, but one we know little about.
UNRESOLVED_CONFIDENCE = 0.3
# "the two groups", "the groups": the two nearest distinct actors (a pair is by far the commonest
# plural antecedent in news: "fighting between the two").
PLURAL_ANTECEDENTS = 2
NAMED_KINDS = ("entity", "resolved")  # candidates without a KB entry that carry a name of their own


class ActorLinker:
    """Fills `doc._.actors`.

    Config: `extra_kb` (list of YAML/CSV files extending the knowledge base),
    `resolve_descriptions` (link "the group" to an antecedent), `keep_generic` (keep actors
    named only by a noun such as "civilians").
    """

    DEFAULT_CONFIG: ClassVar[dict] = {"extra_kb": [], "resolve_descriptions": True, "keep_generic": True}

    def __init__(self, nlp: Language, name: str, *, extra_kb: list[str] | None = None,
                 resolve_descriptions: bool = True, keep_generic: bool = True):
        self.name = name
        self.kb: ActorKB = load_kb(extra_kb or [])
        self.matcher = ActorMatcher(nlp, self.kb)
        self.resolve_descriptions = resolve_descriptions
        self.keep_generic = keep_generic

    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            doc._.actors = []
        cands = self.matcher.candidates(doc)
        link_acronyms(doc, cands)
        if self.resolve_descriptions:
            cands = resolve_anaphors(doc, cands, self.kb)
        if not self.keep_generic:
            cands = [c for c in cands if c.kind != "generic"]
        link_persons(cands)
        doc._.actors.extend(build_actors(doc, cands, start=len(doc._.actors)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def resolve_anaphors(doc: Doc, cands: list[Candidate], kb: ActorKB | None = None) -> list[Candidate]:
    """Give each description ("the group") the nearest compatible named actor before it; a plural
    one ("the two groups") the two nearest distinct ones. Returns the candidates, where a plural
    description has become one candidate per antecedent."""
    out: list[Candidate] = []
    for k, cand in enumerate(cands):
        if cand.kind == "generic" and cand.extra.get("country_reference") and kb is not None:
            cand = _country_referent(doc, cands[:k], cand, kb)
        if cand.kind != "anaphor":
            out.append(cand)
            continue
        if cand.extra.get("head") in STATE_ANAPHORS and kb is not None:
            state = _state_antecedent(doc, cands[:k], cand, kb)
            if state is not None:
                out.append(state)
                continue
        wanted = PLURAL_ANTECEDENTS if cand.extra.get("plural") else 1
        found = _antecedents(doc, cands[:k], cand, wanted)
        if not found:
            cand.confidence = UNRESOLVED_CONFIDENCE
            if cand.extra.get("head") in NO_SECTOR_ALONE and not cand.tags:
                cand.sector = None
            if not cand.extra.get("plural"):
                out.append(cand)  # kept as a new actor; "the groups" alone names no one
            continue
        for prev, distance in found:
            out.append(_resolved(cand, prev, distance))
    return out


def _country_referent(doc: Doc, before: list[Candidate], cand: Candidate, kb: ActorKB) -> Candidate:
    """"the country's new rulers": the nearest state named before gives the country."""
    here = _sentence(doc, cand.start)
    for prev in reversed(before):
        if here - _sentence(doc, prev.start) > MAX_ANAPHOR_SENTENCES:
            break
        if prev.kind in ("country", "state") and prev.entry is not None and prev.entry.country:
            entry = kb.state_entry(prev.entry.country, cand.sector or "")
            new = replace(cand, country=prev.entry.country, extra=dict(cand.extra))
            if entry is not None:
                new.kind, new.entry = "state", entry
            new.confidence = min(cand.confidence, ANAPHOR_CONFIDENCE)
            return new
    return cand


def _state_antecedent(doc: Doc, before: list[Candidate], cand: Candidate, kb: ActorKB) -> Candidate | None:
    """"the army" after "Nigerian troops": the state institution of the nearest country named."""
    here = _sentence(doc, cand.start)
    for prev in reversed(before):
        distance = here - _sentence(doc, prev.start)
        if distance > MAX_ANAPHOR_SENTENCES:
            return None
        country = prev.entry.country if prev.entry else prev.country
        if country is None or prev.kind not in ("country", "state", "kb", "resolved"):
            continue
        if prev.entry is not None and prev.entry.type not in ("state", "agency", None):
            continue  # "Taliban ... the government": a group's country is not its state
        entry = kb.state_entry(country, cand.sector)
        if entry is None:
            return None
        new = replace(cand, kind="resolved", entry=entry, extra=dict(cand.extra))
        new.extra["antecedent"] = prev
        new.confidence = max(ANAPHOR_CONFIDENCE - ANAPHOR_DECAY * max(distance - 1, 0), UNRESOLVED_CONFIDENCE)
        return new
    return None


def _antecedents(doc: Doc, before: list[Candidate], cand: Candidate, wanted: int) -> list[tuple[Candidate, int]]:
    here = _sentence(doc, cand.start)
    found: list[tuple[Candidate, int]] = []
    seen: set = set()
    for prev in reversed(before):
        distance = here - _sentence(doc, prev.start)
        if distance > MAX_ANAPHOR_SENTENCES:
            break
        key = _actor_key(prev)
        if key in seen or not _compatible(cand, prev):
            continue
        seen.add(key)
        found.append((prev, distance))
        if len(found) == wanted:
            return found
    return found if wanted == 1 else []


def _resolved(cand: Candidate, prev: Candidate, distance: int) -> Candidate:
    new = replace(cand, kind="resolved", entry=prev.entry, name=prev.name, extra=dict(cand.extra))
    new.extra["antecedent"] = prev
    new.sector = prev.entry.sector if prev.entry else prev.sector
    new.country = prev.entry.country if prev.entry else prev.country
    new.status = cand.status or prev.status
    new.confidence = max(ANAPHOR_CONFIDENCE - ANAPHOR_DECAY * max(distance - 1, 0), UNRESOLVED_CONFIDENCE)
    return new


def _open(anaphor: Candidate) -> bool:
    return anaphor.extra.get("head") in OPEN_COLLECTIVES and not anaphor.tags


def _compatible(anaphor: Candidate, prev: Candidate) -> bool:
    if prev.kind not in ("kb", "entity", "resolved"):
        return False
    sector = prev.entry.sector if prev.entry else prev.sector
    if sector is None and prev.kind == "entity" and _open(anaphor):
        return True
    if sector not in anaphor.compatible:
        return False
    tags = prev.entry.tags if prev.entry else frozenset()
    return anaphor.tags <= tags if prev.entry else not anaphor.tags


def link_persons(cands: list[Candidate]) -> None:
    """"Nabil" after "Rahmatullah Nabil" is the same person: share the full name."""
    full: dict[str, Candidate] = {}
    for cand in cands:
        if cand.kind != "person" or not cand.name:
            continue
        parts = cand.name.split()
        if len(parts) == 1 and parts[0] in full:
            first = full[parts[0]]
            cand.name, cand.sector, cand.country = first.name, first.sector, first.country
            cand.status = cand.status or first.status
        elif len(parts) > 1:
            full.setdefault(parts[-1], cand)


def link_acronyms(doc: Doc, cands: list[Candidate]) -> None:
    """"... Indigenas de Honduras (COPINH)": the acronym in brackets after an organisation is that
    organisation, there and wherever the article uses it again, also where the KB knows the
    acronym as another's ("National Police Agency (NPA)" is no New People's Army)."""
    named: dict[str, Candidate] = {}
    for prev, cand in zip([None, *cands], cands):
        if cand.kind not in ("entity", "kb"):
            continue
        text = doc[cand.start:cand.end].text
        if text in named:
            _take_name(cand, named[text])
        elif (prev is not None and prev.kind in ("entity", "kb") and _bracketed_acronym(doc, prev, cand)
              and (cand.entry is None or cand.entry is not prev.entry)):
            named[text] = prev
            _take_name(cand, prev)


def _bracketed_acronym(doc: Doc, name: Candidate, cand: Candidate) -> bool:
    text = doc[cand.start:cand.end].text
    return (cand.start == name.end + 1 and doc[name.end].text == "(" and cand.end < len(doc) and doc[cand.end].text == ")"
            and cand.end - cand.start == 1 and text.isupper() and len(text) >= 2)


def _take_name(cand: Candidate, first: Candidate) -> None:
    cand.kind, cand.entry = first.kind, first.entry
    cand.name, cand.sector, cand.country = first.name, first.sector, first.country


def build_actors(doc: Doc, cands: list[Candidate], start: int = 0) -> list[Actor]:
    """One Actor per distinct (KB entry or name, status), mentions in text order."""
    actors: dict[tuple, Actor] = {}
    placeholder: list[Actor] = [None] * start  # type: ignore[list-item]  # ids continue after existing actors
    for cand in cands:
        key = _actor_key(cand)
        start_char, end_char = trimmed_span(doc, cand)
        text = text_of(doc)[start_char:end_char]
        mention = Mention(start=start_char, end=end_char, text=text,
                          sentence=sentence_index(doc, start_char), confidence=round(cand.confidence, 3))
        actor = actors.get(key)
        if actor is None:
            actor = _new_actor(next_id(placeholder + list(actors.values()), "a"), cand)
            actors[key] = actor
        actor.mentions.append(mention)
        if text not in actor.aliases and text != actor.name:
            actor.aliases.append(text)
        actor.confidence = max(actor.confidence, cand.confidence)
    return list(actors.values())


def _actor_key(cand: Candidate) -> tuple:
    if cand.entry is not None:
        return ("kb", cand.entry.id, cand.status)
    if cand.kind == "person":
        return ("person", cand.name, cand.status)
    # generic actors: one per sector, country and status ("former Afghan soldiers"), or per
    # name when no country qualifies them ("civilians", "militants"); a named organisation sitrep
    # does not know is one per name, whatever its country
    if cand.country and cand.kind not in NAMED_KINDS:
        return ("generic", cand.sector, cand.country, cand.status)
    return ("new", fold(_bare_name(cand.name or "")), cand.sector, cand.status)


def _new_actor(actor_id: str, cand: Candidate) -> Actor:
    entry = cand.entry
    if entry is not None:
        return Actor(id=actor_id, name=entry.name, aliases=list(entry.aliases), sector=entry.sector,
                     country=entry.country, status=cand.status, kb_id=entry.id, confidence=cand.confidence)
    name = _bare_name(cand.name or "")
    return Actor(id=actor_id, name=name, sector=cand.sector, country=cand.country, status=cand.status,
                 kb_id=None, confidence=cand.confidence)


def _bare_name(text: str) -> str:
    """"the former militants" -> "militants": the name without determiners and status words."""
    words = text.split()
    while words and (words[0].lower() in DETERMINERS or words[0].lower() in STATUS_WORDS):
        words = words[1:]
    return " ".join(words) or text


def _sentence(doc: Doc, token_i: int) -> int:
    return sentence_index(doc, doc[token_i].idx)
