"""Merge mentions of one event: within a sentence and across the sentences of one article.

"ISIS-K attacked a hospital in Kabul, killing 20" is one ASSAULT; so is "a bomb exploded at the
airport ... The blast killed 13 ... The attack was claimed by ISIS-K". Two mentions merge when
their types agree, their modes and actors do not conflict, their modality is the same, and the
later one is in the same sentence or refers back ("the attack", "the blast") within a few
sentences. The first mention keeps the event; the others fill its missing roles and mode.
"""

from __future__ import annotations

from sitrep.events.mentions import EventMention

ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "such", "its", "their", "same"})
NEW_EVENT_CUES = frozenset({"also", "another", "second", "third", "new", "separate", "earlier", "previous", "last", "other"})
COREF_MAX_SENTENCES = 4  # "the attack" rarely points further back than this in news prose
ANAPHOR_WINDOW = 3  # tokens before a nominal trigger that may hold its determiner ("the deadly suicide attack")


def merge(mentions: list[EventMention]) -> list[EventMention]:
    """Fold coreferent mentions into the first mention of each event, in text order."""
    events: list[EventMention] = []
    for m in sorted(mentions, key=lambda m: m.trigger.start):
        target = next((e for e in reversed(events) if _corefer(e, m)), None)
        if target is None:
            events.append(m)
        else:
            _fold(target, m)
    return events


def _corefer(first: EventMention, later: EventMention) -> bool:
    if first.type != later.type or first.modality != later.modality or not _compatible(first.mode, later.mode):
        return False
    same_sentence = later.sentence_start in {first.sentence_start, *(s.sent.start for s in first.merged)}
    if same_sentence and set(first.source) & set(later.source):
        return True  # one actor's act told twice: "ISIS-K attacked hospitals, killing babies"
    if not _roles_agree(first, later):
        return False
    if same_sentence:
        return True  # a sentence already telling this event: "The blast killed 13"
    doc = later.trigger.doc
    if _plural(first) or _plural(later) or _marks_new(doc, later):
        # "attacks" is a class of events ("police deployed to deal with the clashes" is no one
        # attack told before); "another attack", "also claimed the bombing" a new one
        return False
    distance = _sentence_distance(first, later)
    return distance <= COREF_MAX_SENTENCES and _anaphoric(doc, later)


def _plural(m: EventMention) -> bool:
    return m.nominal and m.trigger[-1].lower_.endswith("s") and not m.trigger[-1].lower_.endswith("ss")


def _marks_new(doc, m: EventMention) -> bool:
    lo = m.trigger.sent.start
    return any(doc[i].lower_ in NEW_EVENT_CUES for i in range(lo, m.trigger.start))


# modes one event may be told in: "a suicide bomber struck ... the blast killed 13"
MODE_FAMILIES = (frozenset({"explosives", "suicide-attack"}), frozenset({"aerial", "heavy-weapons"}), frozenset({"firearms", "assassinate"}))


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or any(a in f and b in f for f in MODE_FAMILIES)


def _roles_agree(a: EventMention, b: EventMention) -> bool:
    """Roles conflict only when both name actors and share none."""
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y and not set(x) & set(y):
            return False
    return True


def _sentence_distance(a: EventMention, b: EventMention) -> int:
    """Sentence boundaries between two mentions (0: the same sentence)."""
    between = b.trigger.doc[a.trigger.start : b.trigger.start]
    return max(sum(1 for _ in between.sents) - 1, 0)


def _anaphoric(doc, m: EventMention) -> bool:
    """A noun phrase with a determiner: "the attack", "this week's bombing"; verbs never refer back."""
    if not m.nominal:
        return False
    first = m.trigger[0]
    if first.is_title and first.i > first.sent.start:  # a name, not a reference
        return False
    lo = max(m.trigger.sent.start, m.trigger.start - ANAPHOR_WINDOW)
    return any(doc[i].lower_ in ANAPHORIC for i in range(lo, m.trigger.start))


def _fold(event: EventMention, other: EventMention) -> None:
    event.mode = event.mode or other.mode
    event.act = event.act or other.act
    event.source = event.source or other.source
    event.target = event.target + [t for t in other.target if t not in event.target]
    event.confidence = max(event.confidence, other.confidence)
    event.merged.append(other.trigger)
