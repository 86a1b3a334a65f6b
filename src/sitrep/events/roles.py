"""Source and target actors of an event: from the parse when there is one, else by position.

The actors stage (`sitrep_actors`) gives each actor mentions with character spans; an actor
whose mention lies in the trigger's sentence and in the right role becomes `source` or `target`.
With a dependency parse the roles are the subject / agent (source) and the object / passive
subject / "on, against, at" object (target). Without one: the nearest mention before the
trigger is the source and the nearest after it the target, swapped for a passive ("X was
attacked by Y").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

BE_FORMS = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "get"})
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "into", "targeting", "of"})
COMPOUND_JOINERS = frozenset({"and", ",", "&", "or"})
# Between a mention and the trigger, these end the mention's clause. So does a verb whose subject
# tells of what others did: "UNICEF reports violence against children" names no one behind the
# violence. Not "claimed" or "vowed": who claims an attack or vows one is its source.
CLAUSE_STOPS = frozenset({",", ";", ":", "when", "while", "after", "before", "because", "but", "although", "though", "if", "as",
                          "\"", "said", "says", "told", "report", "reports", "reported", "deplore", "deplores", "deplored",
                          "condemn", "condemns", "condemned", "accused", "accuses", "blamed", "blames"})
MAX_GAP_TOKENS = 12  # a mention further than this from the trigger (no parse) is rarely its argument


@dataclass(frozen=True)
class ActorMention:
    actor: str  # actor id
    start: int  # token offsets
    end: int


def actor_mentions(doc: Doc) -> list[ActorMention]:
    """Every actor mention of `doc._.actors` as token offsets, in text order."""
    found = []
    for actor in getattr(doc._, "actors", None) or []:
        for mention in actor.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span):
                found.append(ActorMention(actor.id, span.start, span.end))
    return sorted(found, key=lambda m: (m.start, m.end))


def assign_roles(doc: Doc, trigger: Span, mentions: list[ActorMention]) -> tuple[list[str], list[str]]:
    """(source ids, target ids) of the event named by `trigger`."""
    sent = trigger.sent
    local = [m for m in mentions if m.start >= sent.start and m.end <= sent.end and not _inside(m, trigger)]
    if not local:
        return [], []
    pos_source, pos_target = _by_position(doc, trigger, local)
    if not doc.has_annotation("DEP"):
        return pos_source, pos_target
    source, target = _by_parse(doc, trigger, local)
    # the parse decides the roles it finds; position fills a role it left empty
    source = source or [a for a in pos_source if a not in target]
    target = target or [a for a in pos_target if a not in source]
    return source, target


def _inside(m: ActorMention, span: Span) -> bool:
    return m.start >= span.start and m.end <= span.end


def _ids(mentions: list[ActorMention]) -> list[str]:
    seen: list[str] = []
    for m in mentions:
        if m.actor not in seen:
            seen.append(m.actor)
    return seen


# --- with a parse ---


def _by_parse(doc: Doc, trigger: Span, local: list[ActorMention]) -> tuple[list[str], list[str]]:
    root = trigger.root
    source_tokens: set[int] = set()
    target_tokens: set[int] = set()
    for child in root.children:
        if child.dep_ in {"nsubj", "poss", "compound", "amod"} and child.i < root.i or child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            source_tokens.update(t.i for t in child.subtree)
        elif child.dep_ in {"dobj", "nsubjpass", "iobj", "obj", "attr"} or child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            target_tokens.update(t.i for t in child.subtree)
    if not source_tokens and root.dep_ in {"xcomp", "advcl", "conj", "acl", "pcomp"}:
        # "agreed to cooperate", "attacked and killed": the subject is the governing verb's
        for child in root.head.children:
            if child.dep_ in {"nsubj", "agent"}:
                source_tokens.update(t.i for t in child.subtree)
    source = [m for m in local if source_tokens & set(range(m.start, m.end))]
    target = [m for m in local if target_tokens & set(range(m.start, m.end)) and m not in source]
    return _ids(source), _ids(target)


# --- by position ---


def _by_position(doc: Doc, trigger: Span, local: list[ActorMention]) -> tuple[list[str], list[str]]:
    before = [m for m in local if m.end <= trigger.start and trigger.start - m.end <= MAX_GAP_TOKENS
              and not _clause_between(doc, m.end, trigger.start)]
    after = [m for m in local if m.start >= trigger.end and m.start - trigger.end <= MAX_GAP_TOKENS
             and not _clause_between(doc, trigger.end, m.start)]
    after_by = [m for m in after if _preceded_by(doc, m, "by")]
    after_other = [m for m in after if m not in after_by]
    if _passive(doc, trigger):
        source = _group(doc, after_by[:1], after_by) if after_by else []
        target = _group_back(doc, before[-1:], before) if before else []
        return _ids(source), _ids([m for m in target if m not in source])
    source = _group_back(doc, before[-1:], before) if before else []
    if after_by:  # a nominal trigger: "attacks by X on Y"
        source = _group(doc, after_by[:1], after_by)
    target = _group(doc, after_other[:1], after_other) if after_other else []
    return _ids(source), _ids([m for m in target if m not in source])


def _clause_between(doc: Doc, start: int, end: int) -> bool:
    """A clause boundary between a mention and the trigger: "when the police came, they fled"."""
    return any(doc[i].lower_ in CLAUSE_STOPS for i in range(start, end))


def _passive(doc: Doc, trigger: Span) -> bool:
    prev = [doc[i].lower_ for i in range(max(trigger.sent.start, trigger.start - 2), trigger.start)]
    return bool(set(prev) & BE_FORMS) and trigger[0].lower_.endswith(("ed", "en", "t", "n"))


def _preceded_by(doc: Doc, m: ActorMention, word: str) -> bool:
    lo = max(m.start - 3, doc[m.start].sent.start)
    return any(doc[i].lower_ == word for i in range(lo, m.start))


def _joined(doc: Doc, left: ActorMention, right: ActorMention) -> bool:
    gap = doc[left.end : right.start]
    return len(gap) <= 2 and all(t.lower_ in COMPOUND_JOINERS or t.lower_ == "the" for t in gap)


def _group(doc: Doc, first: list[ActorMention], candidates: list[ActorMention]) -> list[ActorMention]:
    """The first mention and those joined to it forwards ("X and Y")."""
    group = list(first)
    for m in candidates:
        if m.start >= group[-1].end and m not in group and _joined(doc, group[-1], m):
            group.append(m)
    return group


def _group_back(doc: Doc, last: list[ActorMention], candidates: list[ActorMention]) -> list[ActorMention]:
    """The last mention and those joined to it backwards."""
    group = list(last)
    for m in reversed(candidates):
        if m.end <= group[0].start and m not in group and _joined(doc, m, group[0]):
            group.insert(0, m)
    return group
