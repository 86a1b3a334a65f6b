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
CLAUSE_STOPS = frozenset({",", ";", ":", "when", "while", "where", "after", "before", "because", "but", "although", "though", "if", "as",
                          "\"", "said", "says"})
# Between a mention and the trigger after it, a verb whose subject tells of or reacts to what
# others did also ends the mention's clause: "UNICEF reports violence against children", "a
# report by the Federation mentions a rise in attacks", "Iraqis took to the streets to protest
# the Turkish attack" name no one behind the violence. Not
# "claimed" or "vowed": who claims an attack or vows one is its source. After the trigger such a
# verb still leads to its target ("began a hunger strike to protest Sweden's decision").
SOURCE_STOPS = CLAUSE_STOPS | {
    "told", "report", "reports", "reported", "deplore", "deplores", "deplored", "condemn", "condemns", "condemned",
    "accused", "accuses", "blamed", "blames", "protest", "protests", "protested", "protesting", "discuss", "discussed",
    "discusses", "criticised", "criticized", "denounced", "denounces", "investigate", "investigated", "investigating",
    "mourn", "mourned", "survived", "witnessed", "mention", "mentions", "mentioned", "show", "shows", "showed", "noted",
    "notes", "documented", "documents", "recorded", "records", "cited", "cites", "counted", "counts", "listed", "lists",
    "spoke", "speaking", "talked", "talking", "interviewed", "wrote", "writes", "about", "pointed", "remarked", "stressed",
    "argued", "explained", "believes", "believed", "fears", "feared"}
# Nouns whose possessor is who suffered them: "Kato's killing", "the group's expulsion"
PATIENT_NOUNS = frozenset({
    "killing", "killings", "murder", "murders", "assassination", "death", "deaths", "arrest", "arrests", "detention",
    "abduction", "kidnapping", "execution", "beheading", "torture", "poisoning", "disappearance", "extradition",
    "deportation", "expulsion", "lynching", "rape", "imprisonment", "jailing", "conviction", "sentencing"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# Triggers that name the doers themselves: whoever stands before them is no source by position
AGENT_NOUNS = frozenset(
    noun + ending for noun in ("protester", "protestor", "demonstrator", "rioter", "bomber", "attacker", "sniper", "raider",
                               "looter", "kidnapper", "abductor", "assailant", "hijacker", "shooter")
    for ending in ("", "s")) | {"gunman", "gunmen"}
PLACE_PREPS = frozenset({"in", "at", "inside", "near", "outside"})
FACILITY_NOUNS = frozenset({
    "station", "stations", "post", "posts", "checkpoint", "checkpoints", "headquarters", "base", "bases", "camp", "camps",
    "barracks", "compound", "compounds", "building", "buildings", "office", "offices", "committee", "committees", "files",
    "records", "custody", "academy", "hospital", "hospitals", "school", "schools", "property", "premises", "facility",
    "facilities", "installations", "residence", "quarters"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})
PLACE_LOOKBACK = 4  # "in the Delhi 's": a place preposition this near before a mention heads its phrase
MAX_GAP_TOKENS = 12  # a mention further than this from the trigger (no parse) is rarely its argument
MAX_CLIMB = 3  # governing verbs climbed for a subject: "started carrying out ... by destroying"
DASHES = frozenset({"-", "--", "–", "—"})


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
    local = [m for m in mentions if m.start >= sent.start and m.end <= sent.end and not _trigger_word(m, trigger)
             and not _wire_credit(doc, m)]
    if not local:
        return [], []
    pos_source, pos_target = _by_position(doc, trigger, local)
    if trigger[-1].lower_ in AGENT_NOUNS:
        pos_source = []  # "Police officers attacked the protesters": the protest is the protesters' own
    if not doc.has_annotation("DEP"):
        return _possessor_suffered(doc, trigger, local, pos_source, pos_target)
    source, target = _by_parse(doc, trigger, local)
    # the parse decides the roles it finds; position fills a role it left empty
    source = source or [a for a in pos_source if a not in target]
    target = target or [a for a in pos_target if a not in source]
    return _possessor_suffered(doc, trigger, local, source, target)


def _possessor_suffered(doc: Doc, trigger: Span, local: list[ActorMention], source: list[str],
                        target: list[str]) -> tuple[list[str], list[str]]:
    """ "Mr Kato's killing", "Navalny's brutal arrest": the possessor of such a noun suffered it
    ("ISIS's attack" stays the attacker's, and so does "the army's killing of civilians")."""
    if trigger[-1].lower_ not in PATIENT_NOUNS or (trigger.end < len(doc) and doc[trigger.end].lower_ == "of"):
        return source, target
    suffered = [m.actor for m in local if m.end < len(doc) and doc[m.end].lower_ in POSSESSIVE_MARKS
                and 0 <= trigger.start - m.end - 1 <= 2 and all(t.is_lower for t in doc[m.end + 1:trigger.start])]
    if not suffered:
        return source, target
    return [a for a in source if a not in suffered], target + [a for a in suffered if a not in target]


def _inside(m: ActorMention, span: Span) -> bool:
    return m.start >= span.start and m.end <= span.end


def _wire_credit(doc: Doc, m: ActorMention) -> bool:
    """The agency of a dateline, "KABUL, Nov 1 (Reuters) - Taliban fighters killed ...", reports
    the event and takes no part in it."""
    return (m.start > 0 and doc[m.start - 1].text == "(" and m.end + 1 < len(doc) and doc[m.end].text == ")"
            and doc[m.end + 1].text in DASHES)


def _trigger_word(m: ActorMention, trigger: Span) -> bool:
    """Whether `m` is a word of the trigger itself ("gunmen", "police firing"); an actor between a
    gapped trigger's verb and its end is its object ("hacked <the villagers> to death")."""
    return _inside(m, trigger) and (m.start == trigger.start or m.end == trigger.end)


def _ids(mentions: list[ActorMention]) -> list[str]:
    seen: list[str] = []
    for m in mentions:
        if m.actor not in seen:
            seen.append(m.actor)
    return seen


# --- with a parse ---

# Both label schemes: UD (en_sitrep: nsubj:pass, obj, obl/nmod heading a `case` preposition)
# and ClearNLP (spaCy's English models: nsubjpass, dobj, prep heading its pobj)
SUBJECT_DEPS = frozenset({"nsubj", "agent", "obl:agent"})
NOUN_SOURCE_DEPS = frozenset({"poss", "nmod:poss", "compound", "amod"})  # before the noun: "ISIS's attack", "ISIS attack"
OBJECT_DEPS = frozenset({"dobj", "obj", "iobj", "nsubjpass", "nsubj:pass", "attr"})
GOVERNED_DEPS = frozenset({"xcomp", "advcl", "conj", "acl", "acl:relcl", "relcl", "pcomp"})
# "launched an attack on", "carried out raids", "held talks with": a noun trigger that is the
# object of one of these has the verb's subject for its source
SUPPORT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "make", "begin", "start", "continue", "resume",
                           "intensify", "escalate", "step", "unleash", "wage", "commit", "perpetrate", "execute", "lead",
                           "hold", "sign", "impose", "issue", "give", "provide", "send", "deliver", "deploy", "order",
                           "file", "lodge", "express", "voice", "extend", "offer", "pledge", "grant", "announce"})
NOMINAL = frozenset({"NOUN", "PROPN"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
PASSIVE_DEPS = frozenset({"auxpass", "aux:pass", "nsubjpass", "nsubj:pass"})
CLAUSE_DEPS = frozenset({"acl:relcl", "relcl", "advcl", "ccomp", "parataxis"})  # not "acl": "crimes committed by X"


def _preposition(token) -> str | None:
    """The preposition that opens `token`'s phrase: the token itself (ClearNLP `prep`) or its
    `case` child (UD `obl`, `nmod`)."""
    if token.dep_ == "prep":
        return token.lower_
    if token.dep_.split(":")[0] in {"obl", "nmod"}:
        return next((c.lower_ for c in token.children if c.dep_ == "case"), None)
    return None


def _temporal(token) -> bool:
    """A dependent naming a time: a date or time entity, itself or its prepositional object."""
    nouns = [token]
    if token.dep_ == "prep":  # ClearNLP: the time is the preposition's object
        nouns += [c for c in token.children if c.dep_ == "pobj"]
    return any(n.ent_type_ in TIME_ENTITIES for n in nouns)


def _roles_of(head, before: int | None) -> tuple[set[int], set[int]]:
    """Source and target tokens among `head`'s dependents; `before` (a noun's index) limits
    noun-internal sources to its left."""
    source: set[int] = set()
    target: set[int] = set()
    for child in head.children:
        if _temporal(child):
            continue  # "On Wednesday, artillery targeted ...": a time, not a target
        prep = _preposition(child)
        noun_source = before is not None and child.dep_ in NOUN_SOURCE_DEPS and child.i < before
        if child.dep_ in SUBJECT_DEPS or prep == "by" or noun_source:
            source.update(_phrase(child))
        elif child.dep_ in OBJECT_DEPS or prep in TARGET_PREPS:
            target.update(_phrase(child))
    return source, target


def _phrase(token) -> set[int]:
    """`token`'s phrase without the clauses inside it: "a goon who ought to have been in police
    custody" does not name the police."""
    found = {token.i}
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS:
            found |= _phrase(child)
    return found


def _by_parse(doc: Doc, trigger: Span, local: list[ActorMention]) -> tuple[list[str], list[str]]:
    root = trigger.root
    nominal = root.pos_ in NOMINAL
    source_tokens, target_tokens = _roles_of(root, root.i if nominal else None)
    head = root.head
    if nominal and root.dep_ in {"obj", "dobj"} and head.lemma_.lower() in SUPPORT_VERBS:
        verb_source, verb_target = _roles_of(head, None)
        source_tokens = source_tokens or verb_source
        target_tokens = target_tokens or verb_target - {t.i for t in root.subtree}
    elif not source_tokens and root.dep_ in GOVERNED_DEPS and not nominal:
        source_tokens = _governing_subject(root)
    source = [m for m in local if source_tokens & set(range(m.start, m.end))]
    target = [m for m in local if target_tokens & set(range(m.start, m.end)) and m not in source]
    return _ids(source), _ids(target)


def _governing_subject(verb) -> set[int]:
    """ "agreed to cooperate", "attacked and killed": the subject is the governing verb's, or that
    verb's governor's ("groups started carrying out attacks ... by destroying machinery")."""
    for _ in range(MAX_CLIMB):
        if verb.dep_ not in GOVERNED_DEPS or verb.head is verb:
            break
        verb = verb.head
        found = {t.i for c in verb.children if c.dep_ in {"nsubj", "agent"} for t in c.subtree}
        if found:
            return found
    return set()


# --- by position ---


def _by_position(doc: Doc, trigger: Span, local: list[ActorMention]) -> tuple[list[str], list[str]]:
    before = [m for m in local if m.end <= trigger.start and trigger.start - m.end <= MAX_GAP_TOKENS
              and not _clause_between(doc, m.end, trigger.start, SOURCE_STOPS) and not _in_place_phrase(doc, m)
              and not _names_a_thing(doc, m)]
    after = [m for m in local if m.start >= trigger.end and m.start - trigger.end <= MAX_GAP_TOKENS
             and not _clause_between(doc, trigger.end, m.start)]
    after_by = [m for m in after if _preceded_by(doc, m, "by")]
    after_other = [m for m in local if _inside(m, trigger)] or [m for m in after if m not in after_by]
    if _passive(doc, trigger):
        source = _group(doc, after_by[:1], after_by) if after_by else []
        target = _group_back(doc, before[-1:], before) if before else []
        return _ids(source), _ids([m for m in target if m not in source])
    source = _group_back(doc, before[-1:], before) if before else []
    if after_by:  # a nominal trigger: "attacks by X on Y"
        source = _group(doc, after_by[:1], after_by)
    target = _group(doc, after_other[:1], after_other) if after_other else []
    return _ids(source), _ids([m for m in target if m not in source])


def _in_place_phrase(doc: Doc, m: ActorMention) -> bool:
    """ "In Delhi's Jawaharlal Nehru University clashes broke out": an actor named as the place
    where something happened is no one's source by position."""
    tokens = list(doc[max(m.start - PLACE_LOOKBACK, doc[m.start].sent.start):m.start])
    # past the words that may open the phrase: "in the", "in Delhi's"
    while tokens and tokens[-1].lower_ not in PLACE_PREPS and (
            tokens[-1].lower_ in DETERMINERS | POSSESSIVE_MARKS or tokens[-1].is_title):
        tokens.pop()
    return bool(tokens) and tokens[-1].lower_ in PLACE_PREPS


def _names_a_thing(doc: Doc, m: ActorMention) -> bool:
    """ "Police stations have become the bombers' favourite": an actor word before a facility or
    a thing of theirs names that thing, not someone acting."""
    return m.end < len(doc) and doc[m.end].lower_ in FACILITY_NOUNS


def _clause_between(doc: Doc, start: int, end: int, stops: frozenset[str] = CLAUSE_STOPS) -> bool:
    """A clause boundary between a mention and the trigger: "when the police came, they fled"."""
    return any(doc[i].lower_ in stops for i in range(start, end))


def _passive(doc: Doc, trigger: Span) -> bool:
    if doc.has_annotation("DEP"):
        # "civilians were killed and 22 others injured": a verb joined to a passive one is passive
        root = trigger.root
        verb = root.head if root.dep_ == "conj" else root
        if any(c.dep_ in PASSIVE_DEPS for c in (*root.children, *verb.children)):
            return True
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
