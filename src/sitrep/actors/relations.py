"""Stage `sitrep_relations`: affiliations between actors ("former members of the NDS enlisted in
Islamic State") as `sitrep.document.Relation`s in `doc._.relations`.

Types: joined (recruitment, enlisting, defecting to, pledging allegiance), left (defecting from,
breaking away), member_of (a person or branch of a group), allied_with, fights. A trigger
phrase from `TRIGGERS` is found in a sentence; its source and target are the actor mentions
the dependency parse gives as its subject and object, or, on an unparsed Doc, the nearest
mentions before and after it in its clause. See docs/actors.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.actors.matching import coordinated
from sitrep.actors.sectors import ORGANISED_SECTORS
from sitrep.document import Relation, Span
from sitrep.pipeline.doc import sentence_index

# Trigger phrases (lower case, matched on token boundaries) -> (relation type, direction).
# direction "forward": source before, target after ("A joined B"); "symmetric": A and B alike.
TRIGGERS: dict[str, tuple[str, str]] = {
    r"join(?:s|ed|ing)?": ("joined", "forward"),
    r"(?:re-)?enlist(?:s|ed|ing)? (?:in|with)": ("joined", "forward"),
    r"defect(?:s|ed|ing)? to": ("joined", "forward"),
    r"(?:turn|turned|turning|turns) to": ("joined", "forward"),
    r"sign(?:s|ed|ing)? up (?:with|for)": ("joined", "forward"),
    r"(?:recruited|recruit(?:s|ing)?) (?:into|by|for)": ("joined", "forward"),
    r"provid(?:e|es|ed|ing) recruits (?:for|to)": ("joined", "forward"),
    r"swell(?:s|ed|ing)? the ranks of": ("joined", "forward"),
    r"(?:pledg|swear|swor|swear)(?:e|es|ed|ing|n)? (?:an )?(?:oath of )?(?:allegiance|loyalty|bay'ah) to": ("joined", "forward"),
    r"merg(?:e|es|ed|ing) (?:with|into)": ("joined", "forward"),
    r"defect(?:s|ed|ing)? from": ("left", "forward"),
    r"(?:broke|break|breaks|breaking|split|splits|splitting|splintered) (?:away )?from": ("left", "forward"),
    r"(?:quit|quits|deserted|deserts)": ("left", "forward"),
    r"(?:is|was|are|were|as|a|an|became|become|becomes) (?:a |an )?(?:senior |former |top |leading )?(?:member|members|commander|commanders|leader|fighter|fighters|affiliate|branch|wing|faction|offshoot|province|chapter|spokesman|spokesperson) (?:of|in|for)": ("member_of", "forward"),
    r"(?:(?:is|are|was|were|as|becomes?|became) )?(?:an? )?(?:integral )?part of": ("member_of", "forward"),
    r"(?:coalition|alliance|group|bloc) (?:members|nations|countries|partners) (?:include|includes|including)": ("member_of", "reverse"),
    r"(?:allied|aligned|allies|ally) (?:with|to)": ("allied_with", "symmetric"),
    r"(?:together|partnered|partnering|cooperat(?:e|es|ed|ing)) with": ("allied_with", "symmetric"),
    r"(?:in support of|(?:air |military )?support (?:for|to)|supported|supporting|backing|backed|assisting|assisted)": ("allied_with", "symmetric"),
    r"(?:alliance|coalition|partnership) with": ("allied_with", "symmetric"),
    r"(?:fought|fight|fights|fighting|battled|battles|battling|clashed|clashes|clashing) (?:with|against)": ("fights", "symmetric"),
    r"(?:fought|battled)": ("fights", "symmetric"),
    r"(?:to )?(?:defeat|defeating|defeated|destroy|destroying|degrade|degrading|combat|combating|combatting|dislodge|oust|ousting|rout|routed)": ("fights", "forward"),
    r"(?:campaign|offensive|operations?|struggle|efforts?|fight) (?:against|on)": ("fights", "forward"),
    r"(?:at war|war|waging war|wages war|insurgency|offensive|campaign) (?:with|against)": ("fights", "symmetric"),
    r"(?:vs\.?|versus)": ("fights", "symmetric"),
    r"(?:been |are |were )?at each other's throats": ("fights", "symmetric"),
}
# Relations between parties to a conflict: both sides must be organised actors.
PARTY_TYPES = {"fights", "allied_with"}
# "fighting between A and B": both actors come after the trigger.
BETWEEN = re.compile(r"\b(?:fighting|clashes|clash|war|battles|battle|conflict|tussle|hostilities) between\b")
# Titles that make a person a member of the group named with them.
TITLE_NOUNS = {
    "leader", "head", "chief", "commander", "spokesman", "spokesperson", "member", "founder",
    "emir", "director", "minister", "secretary", "official", "officer", "general", "adviser",
    "advisor", "envoy", "ambassador", "president", "chairman", "deputy", "militant", "fighter",
}
# "A's regional affiliate, B": B is a member of A.
AFFILIATE_NOUNS = {"affiliate", "branch", "wing", "offshoot", "province", "chapter", "franchise", "faction", "arm"}
# Confidence of a relation: the trigger's reliability times how its actors were found.
CONFIDENCE_PARSE = 0.85  # subject and object from the dependency parse
CONFIDENCE_LINEAR = 0.7  # nearest mentions in the clause
# How far (tokens) the linear fallback looks for a target after the trigger.
MAX_TARGET_DISTANCE = 15
CLAUSE_BREAKS = {";", ".", "?", "!", "“", "”", '"'}
PARENTHESIS_MARKS = {"—", "–", "(", ")"}
_TRIGGER_RE = re.compile(r"(?<![\w\-])(" + "|".join(f"(?:{p})" for p in TRIGGERS) + r")(?=\W|$)", re.IGNORECASE)
_COMPILED = [(re.compile(rf"^(?:{p})$", re.IGNORECASE), t) for p, t in TRIGGERS.items()]


@dataclass
class Slot:
    """An actor mention as relations see it: token span and the actor ids it denotes."""

    start: int
    end: int
    actors: list[str]
    confidence: float
    named: bool  # a KB actor or a proper name, rather than "militants"


class RelationExtractor:
    """Fills `doc._.relations` from trigger phrases between actor mentions of `doc._.actors`."""

    DEFAULT_CONFIG: ClassVar[dict] = {"min_confidence": 0.3}

    def __init__(self, nlp: Language, name: str, *, min_confidence: float = 0.3):
        self.name = name
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        if doc._.relations is None:
            doc._.relations = []
        slots = actor_slots(doc)
        if not slots:
            return doc
        found = []
        # a Doc without sentence boundaries (a bare pipeline) is read as one sentence
        sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
        persons = {a.id for a in doc._.actors if _is_person(a)}
        for sent in sents:
            found += sentence_relations(doc, sent, [s for s in slots if sent.start <= s.start < sent.end], persons)
        sectors = {a.id: a.sector for a in doc._.actors}
        for rel in _dedupe(found):
            if rel.type in PARTY_TYPES and not {sectors.get(rel.source), sectors.get(rel.target)} <= ORGANISED_SECTORS:
                continue  # "supporting refugees", "attacks against civilians": aid or events
            if rel.confidence >= self.min_confidence:
                doc._.relations.append(rel)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def actor_slots(doc: Doc) -> list[Slot]:
    """Mentions of `doc._.actors` as token spans; one slot per span, with every actor it names."""
    by_span: dict[tuple[int, int], Slot] = {}
    for actor in doc._.actors or []:
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            slot = by_span.get((span.start, span.end))
            if slot is None:
                slot = by_span[(span.start, span.end)] = Slot(span.start, span.end, [], m.confidence, False)
            if actor.id not in slot.actors:
                slot.actors.append(actor.id)
            slot.named = slot.named or _names(m.text)
    return sorted(by_span.values(), key=lambda s: (s.start, s.end))


def _names(text: str) -> bool:
    """Whether a mention names its actor ("the Taliban", "ISIS-K") rather than describes it
    ("the group", "the country's new rulers", "militants")."""
    words = [w for w in text.split() if w.lower() not in ("the", "a", "an", "former", "ex")]
    return bool(words) and words[0][:1].isupper()


def sentence_relations(doc: Doc, sent: SpacySpan, slots: list[Slot], persons: set[str] | None = None) -> list[Relation]:
    """Relations of one sentence; `persons` are the ids of actors that are people."""
    if len(slots) < 2:
        return []
    out: list[Relation] = []
    text = sent.text.lower().replace("’", "'")
    main_sources: list[Slot] | None = None  # the clause subject a later participle shares
    for match in _TRIGGER_RE.finditer(text):
        trigger = doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
        if trigger is None or _inside_slot(trigger, slots):
            continue
        rel_type, direction = _trigger_type(match.group(1))
        found, sources = _relations_at(doc, sent, trigger, rel_type, direction, slots, main_sources)
        out += found
        main_sources = main_sources or sources
    for match in BETWEEN.finditer(text):
        trigger = doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
        if trigger is not None:
            out += _between(doc, sent, trigger, slots)
    out += _affiliates(doc, sent, slots)
    out += _titles(doc, sent, slots, persons if persons is not None else {a.id for a in doc._.actors if _is_person(a)})
    return out


def _relations_at(doc: Doc, sent: SpacySpan, trigger: SpacySpan, rel_type: str, direction: str,
                  slots: list[Slot], main_sources: list[Slot] | None) -> tuple[list[Relation], list[Slot] | None]:
    # The clause rules first: on news text they were more reliable than the subject/object of
    # sitrep's small parser, which is the fallback for what they cannot read.
    pair = _linear_arguments(doc, sent, trigger, slots, main_sources)
    confidence = CONFIDENCE_LINEAR
    if pair is None and doc.has_annotation("DEP"):
        pair = _parse_arguments(trigger, slots)
        confidence = CONFIDENCE_PARSE
    if pair is None and direction == "symmetric":
        pair = _reciprocal(doc, trigger, slots)  # "A and B fought (each other)"
    if pair is None:
        return [], None
    sources, target = pair
    if direction == "reverse":  # "coalition members include X": X is the member
        sources, target = [target], sources[0]
    out = []
    for source in sources:
        for s_id in source.actors:
            for t_id in target.actors:
                if s_id == t_id:
                    continue
                conf = confidence * min(source.confidence, target.confidence) ** 0.5
                out.append(_relation(doc, rel_type, s_id, t_id, trigger, conf))
    return out, sources


def _parse_arguments(trigger: SpacySpan, slots: list[Slot]) -> tuple[list[Slot], Slot] | None:
    """Subject and object of the trigger's verb from the dependency parse."""
    verb = trigger[0]
    subj_token = _subject(verb)
    obj_token = _object(trigger)
    if subj_token is None or obj_token is None:
        return None
    source = _slot_of(subj_token, slots)
    target = _slot_of(obj_token, slots)
    if source is None or target is None or source is target:
        return None
    sources = [source] + [s for s in (_slot_of(c, slots) for c in subj_token.conjuncts) if s is not None and s is not source]
    return sources, target


def _subject(verb: Token) -> Token | None:
    for _ in range(3):  # "pledging allegiance" -> the verb it hangs on -> its subject
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            return subjects[0]
        if verb.dep_ in ("advcl", "xcomp", "conj", "acl", "relcl") and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def _object(trigger: SpacySpan) -> Token | None:
    """The object of a trigger: direct ("joined ISIS"), or prepositional in the ClearNLP
    (prep > pobj) or Universal Dependencies (obl/nmod with a case child) scheme."""
    for token in trigger:
        for child in token.children:
            if child.i < trigger.start:
                continue
            if child.dep_ in ("dobj", "obj", "pobj", "attr", "obl", "nmod") and child.i >= trigger.end - 1:
                return child
            if child.dep_ == "prep":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def _slot_of(token: Token, slots: list[Slot]) -> Slot | None:
    """The mention holding `token` or, for "members of the NDS", one in its subtree."""
    for slot in slots:
        if slot.start <= token.i < slot.end:
            return slot
    # "members of the NDS": the mention hangs on the token; not any mention of its subtree,
    # which may be a whole clause
    for child in token.children:
        if child.dep_ in ("nmod", "prep", "pobj", "compound", "poss"):
            for slot in slots:
                if slot.start <= child.i < slot.end:
                    return slot
    return None


def _linear_arguments(doc: Doc, sent: SpacySpan, trigger: SpacySpan, slots: list[Slot],
                      main_sources: list[Slot] | None) -> tuple[list[Slot], Slot] | None:
    """Source: the mention(s) closest before the trigger in its clause, skipping asides between
    dashes; a comma-led participle ("..., pledging allegiance to") shares the subject of the
    clause before it. Target: the first mention after the trigger, or the name it introduces
    ("the only force ...: Islamic State") or that owns it ("the group's affiliate, ISIS-K")."""
    before = [s for s in slots if s.end <= trigger.start and not _in_parenthesis(doc, sent, s)]
    after = [s for s in slots if s.start >= trigger.end and s.start - trigger.end <= MAX_TARGET_DISTANCE
             and not _clause_break(doc, trigger.end, s.start)]
    if not after:
        return None
    participle = trigger[0].lower_.endswith("ing") and trigger.start > 0 and doc[trigger.start - 1].text == ","
    if participle and main_sources:
        sources = main_sources
    elif before:
        sources = [before[0]] if participle else _coordinated(doc, before)
    else:
        return None
    target = after[0]
    if _is_possessor(doc, target) or not target.named:
        named = [s for s in after[1:] if s.named and not _is_possessor(doc, s) and _introduced(doc, s)]
        target = named[0] if named else target
    return sources, target


def _reciprocal(doc: Doc, trigger: SpacySpan, slots: list[Slot]) -> tuple[list[Slot], Slot] | None:
    """"The Taliban and ISIS-K have fought": the coordinated subjects fight each other."""
    before = [s for s in slots if s.end <= trigger.start and not _clause_break(doc, s.end, trigger.start)]
    if len(before) < 2:
        return None
    group = _coordinated(doc, before)
    return (group[:-1], group[-1]) if len(group) >= 2 else None


def _introduced(doc: Doc, slot: Slot) -> bool:
    """Whether a mention follows ":", "," or a dash: an apposition naming what came before."""
    return slot.start > 0 and doc[slot.start - 1].text in {":", ",", "—", "–", "-"}


def _coordinated(doc: Doc, before: list[Slot]) -> list[Slot]:
    """The last mention before the trigger and those joined to it by "and"/","."""
    group = [before[-1]]
    for prev in reversed(before[:-1]):
        if coordinated(doc, prev.end, group[-1].start):
            group.append(prev)
        else:
            break
    return list(reversed(group))


def _between(doc: Doc, sent: SpacySpan, trigger: SpacySpan, slots: list[Slot]) -> list[Relation]:
    """"fighting between A and B" (or "between the two", a mention naming two actors)."""
    after = [s for s in slots if s.start >= trigger.end and not _clause_break(doc, trigger.end, s.start)][:2]
    ids: list[str] = []
    for slot in after:
        ids += [a for a in slot.actors if a not in ids]
        if len(ids) >= 2:
            break
    if len(ids) < 2:
        return []
    conf = CONFIDENCE_LINEAR * min(s.confidence for s in after) ** 0.5
    return [_relation(doc, "fights", ids[0], ids[1], trigger, conf)]


def _affiliates(doc: Doc, sent: SpacySpan, slots: list[Slot]) -> list[Relation]:
    """"A's regional affiliate, B": member_of(B, A)."""
    out = []
    for slot in slots:
        i = slot.end
        if i >= sent.end or doc[i].text not in ("'s", "’s"):
            continue
        window = doc[i + 1:min(i + 4, sent.end)]
        noun = next((t for t in window if t.lower_ in AFFILIATE_NOUNS), None)
        if noun is None:
            continue
        nxt = [s for s in slots if s.start > noun.i and s.start - noun.i <= 2]
        if not nxt:
            continue
        for member in nxt[0].actors:
            for group in slot.actors:
                if member != group:
                    out.append(_relation(doc, "member_of", member, group, doc[noun.i:noun.i + 1], CONFIDENCE_LINEAR))
    return out


def _titles(doc: Doc, sent: SpacySpan, slots: list[Slot], persons: set[str]) -> list[Relation]:
    """People and the groups their titles name: "IS leader Abu Bakr al-Baghdadi", "Rahmatullah
    Nabil, former head of Afghanistan's spy agency" -> member_of(person, group)."""
    out = []
    for k, slot in enumerate(slots):
        if not persons.intersection(slot.actors):
            continue
        person = next(a for a in slot.actors if a in persons)
        prev = slots[k - 1] if k > 0 else None
        if prev is not None and not persons.intersection(prev.actors):
            between = doc[prev.end:slot.start]
            title = next((t for t in between if t.lower_ in TITLE_NOUNS), None)
            if title is not None and len(between) <= 3:
                out += [_relation(doc, "member_of", person, g, doc[title.i:title.i + 1], CONFIDENCE_LINEAR) for g in prev.actors]
        nxt = slots[k + 1] if k + 1 < len(slots) else None
        if nxt is not None and slot.end < len(doc) and doc[slot.end].text == ",":
            between = doc[slot.end + 1:nxt.start]
            # the title may open the next mention: "X, former head of Afghanistan's spy agency"
            title = next((t for t in doc[slot.end + 1:min(nxt.end, nxt.start + 3)] if t.lower_ in TITLE_NOUNS), None)
            if title is not None and len(between) <= 5 and not any(t.text in CLAUSE_BREAKS for t in between):
                out += [_relation(doc, "member_of", person, g, doc[title.i:title.i + 1], CONFIDENCE_LINEAR) for g in nxt.actors]
    return out


def _is_person(actor) -> bool:
    """Whether a new actor looks like a person: two or more capitalised words ("Abu Bakr
    al-Baghdadi"), not a KB entry or a group noun. (Actor has no field for its kind.)"""
    words = actor.name.split()
    if actor.kb_id is not None or len(words) < 2 or actor.sector in ("civilians", "refugees"):
        return False
    return words[0][:1].isupper() and (words[-1][:1].isupper() or "-" in words[-1])


def _relation(doc: Doc, rel_type: str, source: str, target: str, trigger: SpacySpan, confidence: float) -> Relation:
    sentence = sentence_index(doc, trigger.start_char)
    return Relation(
        type=rel_type, source=source, target=target,
        time=_time_in_sentence(doc, sentence, trigger.start_char),
        trigger=Span(start=trigger.start_char, end=trigger.end_char, text=trigger.text),
        sentence=sentence, event=_event_near(doc, sentence, trigger.start_char, {source, target}),
        confidence=round(confidence, 3),
    )


def _time_in_sentence(doc: Doc, sentence: int, char: int) -> str | None:
    """The time expression of the sentence nearest the trigger, if the times stage found one."""
    times = [t for t in (doc._.times or []) if getattr(t, "sentence", None) == sentence and getattr(t, "kind", "date") != "duration"]
    if not times:
        return None
    return min(times, key=lambda t: abs(t.start - char)).id


def _event_near(doc: Doc, sentence: int, char: int, actors: set[str]) -> str | None:
    """The closest PLOVER event of the same sentence that shares an actor with the relation,
    kept alongside (PLOVER has no type for affiliations)."""
    events = [e for e in (doc._.events or []) if getattr(e, "sentence", None) == sentence
              and actors & set(getattr(e, "source", []) + getattr(e, "target", []))]
    if not events:
        return None
    return min(events, key=lambda e: abs(e.trigger.start - char)).id


def _trigger_type(text: str) -> tuple[str, str]:
    for pattern, value in _COMPILED:
        if pattern.match(text):
            return value
    return ("joined", "forward")


def _inside_slot(trigger: SpacySpan, slots: list[Slot]) -> bool:
    return any(s.start <= trigger.start < s.end for s in slots)


def _in_parenthesis(doc: Doc, sent: SpacySpan, slot: Slot) -> bool:
    """Whether a mention sits between two dashes or brackets: an aside, not the subject."""
    left = [t.text for t in doc[sent.start:slot.start] if t.text in PARENTHESIS_MARKS]
    right = [t.text for t in doc[slot.end:sent.end] if t.text in PARENTHESIS_MARKS]
    return len(left) % 2 == 1 and len(right) >= 1


def _clause_break(doc: Doc, start: int, end: int) -> bool:
    return any(t.text in CLAUSE_BREAKS for t in doc[start:end])


def _is_possessor(doc: Doc, slot: Slot) -> bool:
    return slot.end < len(doc) and doc[slot.end].text in ("'s", "’s")


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """One relation per (type, source, target, sentence): the most confident."""
    best: dict[tuple, Relation] = {}
    for rel in relations:
        key = (rel.type, rel.source, rel.target, rel.sentence)
        if key not in best or rel.confidence > best[key].confidence:
            best[key] = rel
    return list(best.values())
