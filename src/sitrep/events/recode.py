"""PLOVER's coding rules that turn one event type into another by context.

- An announced intention to cooperate is AGREE ("Finland will give Tanzania a grant", "Syria is
  willing to withdraw its troops"); an announced intention to use force or coercion is THREATEN
  ("farmers said they would blockade Paris"). The statement is what happened, so the event is
  asserted. Only announced intentions count: "the group could attack" stays an assessed ASSAULT.
- Lifting or easing a restriction is RETREAT for curfews, emergencies, blockades and embargoes,
  and CONCEDE for bans and other restrictions ("Serbia lifted a night curfew").
- An attack in words is ACCUSE (disapprove): "a need to attack and insult comrade Carl", "a
  scathing attack on the minister", "attacked him on national television", "Targeting the
  Abdullahs, Chug said ...".
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.events.lexicon import verb_forms
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
ATTACK_FORMS = frozenset({"attack", "attacks", "attacked", "attacking"})
OPENING_PARTICIPLES = frozenset({"attacking", "targeting", "targetting", "slamming", "hitting"})
VERBAL_VERBS = frozenset(
    form for verb in ("insult", "criticise", "criticize", "undermine", "slander", "smear", "ridicule", "mock", "belittle",
                      "denounce", "vilify", "discredit", "humiliate", "defame", "berate", "lambast", "castigate", "malign")
    for form in verb_forms(verb))
VERBAL_MODIFIERS = frozenset({"verbal", "personal", "rhetorical", "scathing", "stinging", "blistering", "withering", "vitriolic",
                              "written", "online", "editorial", "political", "racist", "sexist", "attack"})
VERBAL_NOUNS_AFTER = frozenset({"piece", "pieces", "ad", "ads", "advert", "adverts", "advertisement", "campaign", "dog", "dogs"})
VENUES = frozenset({"television", "tv", "twitter", "facebook", "radio", "column", "article", "op-ed", "editorial", "speech",
                    "interview", "podcast", "blog", "tweet", "tweets", "newspaper"})
PHRASE_ENDS = frozenset({"while", "when", "and", "to", "that", "on", "in", "at", "for", "last", "this", "after", "before", "which",
                         "as", "but", "since", "during", "over", "about", "against", "saying", "calling"})
VERBAL_WINDOW = 3  # "attack and insult", "a blistering personal attack"
VENUE_WINDOW = 8  # "attacked him on national television", "attacked the plan in a speech"


def recode(doc: Doc, mention: EventMention) -> EventMention:
    """Apply PLOVER's context rules to one mention, in place."""
    if mention.type == "ASSAULT" and _in_words(doc, mention):
        mention.type, mention.mode, mention.act = "ACCUSE", "disapprove", None
        return mention
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


def _in_words(doc: Doc, mention: EventMention) -> bool:
    """An attack made in words: joined to a verb of criticism, named as verbal, made in a venue, or
    the participle opening a sentence that reports speech ("Targeting the Abdullahs, Chug said ...")."""
    trigger = mention.trigger
    sent = trigger.sent
    if trigger.start == sent.start and trigger[0].lower_ in OPENING_PARTICIPLES and any(t.lower_ in SPEECH for t in sent):
        return True
    if trigger[-1].lower_ not in ATTACK_FORMS:
        return False
    near = [t.lower_ for t in doc[max(sent.start, trigger.start - VERBAL_WINDOW):min(sent.end, trigger.end + VERBAL_WINDOW)]]
    if set(near) & VERBAL_VERBS or set(_before(doc, mention, VERBAL_WINDOW)) & VERBAL_MODIFIERS:
        return True
    if trigger.end < sent.end and doc[trigger.end].lower_ in VERBAL_NOUNS_AFTER:
        return True
    after = doc[trigger.end:min(sent.end, trigger.end + VENUE_WINDOW)]
    return any(t.lower_ in ("on", "in") and _venue_follows(doc, t.i + 1, sent.end) for t in after)


def _venue_follows(doc: Doc, i: int, end: int) -> bool:
    """ "on national television", "in a speech": a venue noun ends the phrase ("on a TV crew",
    "in the media district" name a place or people)."""
    for j in range(i, min(i + 3, end)):
        if doc[j].lower_ in VENUES:
            return j + 1 >= end or not doc[j + 1].is_alpha or doc[j + 1].lower_ in PHRASE_ENDS
    return False
