"""Modality of an event mention: asserted, negated, hypothetical, future, alleged or assessed.

Cues are read in the stretch of the sentence before the trigger (its clause, when the parse is
there). "The US intelligence community has assessed that Islamic State could attack the United
States in six months" is an *assessed* ASSAULT: an assessment of a threat, not an attack.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

NEGATION = frozenset({"not", "n't", "never", "no", "without", "neither", "nor", "denied", "deny", "denies", "denying",
                      "failed", "fail", "fails", "refused", "refuse", "refuses", "prevented", "averted", "foiled", "thwarted"})
ASSESSMENT = frozenset({"assessed", "assess", "assesses", "assessment", "estimate", "estimated", "estimates", "believe", "believes",
                        "believed", "fear", "fears", "feared", "predict", "predicts", "predicted", "likely", "unlikely", "capability",
                        "capable", "ability", "possibility", "risk", "analysts", "intelligence"})
ALLEGATION = frozenset({"allegedly", "reportedly", "alleged", "purportedly", "supposedly", "suspected", "accused", "accuses", "accusing",
                        "alleges", "alleging"})
# "claimed that X attacked" is an allegation; "claimed the attack" (responsibility) is not
CLAIM_VERBS = frozenset({"claimed", "claims", "claiming", "claim"})
HYPOTHETICAL = frozenset({"if", "unless", "whether", "could", "might", "may", "would", "should", "possible", "possibly", "perhaps"})
FUTURE = frozenset({"will", "'ll", "shall", "willing", "ready", "prepared", "offered", "pledged", "promised", "plans", "planned", "planning", "plan", "intends", "intend", "intended", "scheduled",
                    "expected", "upcoming", "going", "vowed", "vows", "set", "preparing", "prepare"})
MODALS = frozenset({"could", "might", "may", "would", "can"})
CLAUSE_BREAKS = frozenset({";", "but", "while", "although", "though", "whereas", "after", "before", "when", "since", "as", "following"})
WINDOW = 10  # tokens before the trigger read for cues: a clause, roughly, when no parse is there
NEGATION_WINDOW = 4  # negation binds close: "did not attack", "no one was arrested"


def modality(doc: Doc, trigger: Span) -> str:
    """The modality of the event `trigger` names, from the cues before it in its sentence."""
    before = _clause_before(doc, trigger)
    words = [t.lower_ for t in before]
    near = set(words[-NEGATION_WINDOW:])
    if near & NEGATION or (doc.has_annotation("DEP") and any(c.dep_ == "neg" for c in trigger.root.children)):
        return "negated"
    seen = set(words)
    if seen & ASSESSMENT and seen & (MODALS | {"likely", "capability", "capable", "ability"}):
        return "assessed"
    if seen & ALLEGATION or _claims_that(words):
        return "alleged"
    if _evidential(words):
        seen -= MODALS  # "could be seen patrolling": what was seen happened
    if _reported_future(doc, trigger, seen):
        return "future"
    if seen & HYPOTHETICAL:
        return "hypothetical"
    if seen & FUTURE and _future_marker(words):
        return "future"
    return "asserted"


REPORTING = frozenset({"said", "says", "announced", "declared", "told", "stated", "warned", "vowed", "pledged", "promised", "insisted"})


def _reported_future(doc: Doc, trigger: Span, seen: set[str]) -> bool:
    """'said they would blockade Paris': a future in reported speech, not a hypothesis."""
    if "would" not in seen or seen & {"if", "unless", "whether"}:
        return False
    return any(t.lower_ in REPORTING for t in doc[trigger.sent.start : trigger.start])


def _evidential(words: list[str]) -> bool:
    return any(w in MODALS and words[i + 1 : i + 3] == ["be", "seen"] for i, w in enumerate(words))


def _claims_that(words: list[str]) -> bool:
    return any(w in CLAIM_VERBS and words[i + 1 : i + 2] == ["that"] for i, w in enumerate(words))


def _future_marker(words: list[str]) -> bool:
    """'will', 'plans to', 'is set to', 'is going to': a bare 'set' or 'planned' is no future."""
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in {"will", "'ll", "shall", "upcoming"}:
            return True
        if w in FUTURE and nxt == "to":
            return True
    return False


def _clause_before(doc: Doc, trigger: Span) -> Span:
    sent = trigger.sent
    start = max(sent.start, trigger.start - WINDOW)
    for i in range(trigger.start - 1, start - 1, -1):
        if doc[i].lower_ in CLAUSE_BREAKS:
            start = i + 1
            break
    if doc.has_annotation("DEP"):
        # the parse knows the clause: cues among the trigger's ancestors count too ("assessed that ... could
        # attack"), unless a clause break stands between ("... effectively following the US withdrawal")
        for a in trigger.root.ancestors:
            if a.i < start and not any(t.lower_ in CLAUSE_BREAKS for t in doc[a.i + 1 : trigger.start]):
                start = a.i
    return doc[start : trigger.start]
