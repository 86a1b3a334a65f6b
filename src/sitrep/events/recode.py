"""PLOVER's coding rules that turn one event type into another by context.

- An announced intention to cooperate is AGREE ("Finland will give Tanzania a grant", "Syria is
  willing to withdraw its troops"); an announced intention to use force or coercion is THREATEN
  ("farmers said they would blockade Paris"). The statement is what happened, so the event is
  asserted. Only announced intentions count: "the group could attack" stays an assessed ASSAULT.
- Lifting or easing a restriction is RETREAT for curfews, emergencies, blockades and embargoes,
  and CONCEDE for bans and other restrictions ("Serbia lifted a night curfew").
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.events.mentions import EventMention

COOPERATIVE = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT", "CONSULT"})
CONFLICTUAL = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
INTENT_CUES = frozenset({"willing", "ready", "prepared", "offered", "offers", "offer", "pledged", "pledges", "promised", "promises",
                         "agreed", "agrees", "decided", "intends", "intend"})
SPEECH = frozenset({"said", "says", "say", "announced", "announces", "declared", "declares", "told", "stated", "warned", "warns",
                    "vowed", "vows", "pledged", "promised", "insisted", "added", "according"})
LIFT_VERBS = frozenset({"lift", "lifted", "lifts", "lifting", "ease", "eased", "eases", "easing", "relax", "relaxed", "relaxes",
                        "relaxing", "shorten", "shortened", "cancel", "cancelled", "canceled", "end", "ended", "ends", "revoke",
                        "revoked", "withdrew", "withdraw", "withdrawn", "scrap", "scrapped", "remove", "removed", "loosen", "loosened"})
RETREAT_RESTRICTIONS = frozenset({"curfew", "martial-law", "restrict"})  # curfew, emergency, blockade/embargo/sanctions
LIFT_WINDOW = 4  # "lifted a night curfew", "eased the nightly curfew imposed"


def recode(doc: Doc, mention: EventMention) -> EventMention:
    """Apply PLOVER's context rules to one mention, in place."""
    if mention.type == "COERCE" and _lifted(doc, mention):
        mention.type = "RETREAT" if mention.mode in RETREAT_RESTRICTIONS else "CONCEDE"
        mention.mode = None
        return mention
    if mention.modality == "future" or _intent(doc, mention):
        if not _announced(doc, mention):
            return mention
        if mention.type in COOPERATIVE:
            mention.type, mention.mode, mention.modality = "AGREE", None, "asserted"
        elif mention.type in CONFLICTUAL:
            mode = {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations"}.get(mention.type, "restrict")
            mention.type, mention.mode, mention.modality = "THREATEN", mode, "asserted"
    return mention


def _before(doc: Doc, mention: EventMention, window: int) -> list[str]:
    start = max(mention.trigger.sent.start, mention.trigger.start - window)
    return [doc[i].lower_ for i in range(start, mention.trigger.start)]


def _lifted(doc: Doc, mention: EventMention) -> bool:
    return bool(set(_before(doc, mention, LIFT_WINDOW)) & LIFT_VERBS)


def _intent(doc: Doc, mention: EventMention) -> bool:
    words = _before(doc, mention, 6)
    return any(w in INTENT_CUES and words[i + 1 : i + 2] == ["to"] for i, w in enumerate(words))


def _announced(doc: Doc, mention: EventMention) -> bool:
    """The intention is someone's statement: a speech verb in the sentence, or an intent cue."""
    sent = mention.trigger.sent
    return _intent(doc, mention) or any(t.lower_ in SPEECH for t in sent)
