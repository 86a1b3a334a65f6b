"""PLOVER's event types and modes as sitrep codes them, and the older labels they replace.

PLOVER (manual 0.8, the ontology of the POLECAT data set) has 16 event types in four quad
classes. The gold records in ``plover_gsr_cameo`` were coded against draft 0.6, whose labels
DEMAND, DISAPPROVE, INVESTIGATE and FIGHT became REQUEST, ACCUSE and ASSAULT; `LEGACY_TYPES`
maps them so those records score against the current ontology.
"""

from __future__ import annotations

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",  # verbal cooperation
    "COOPERATE", "AID", "RETREAT",  # material cooperation
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION",  # verbal conflict
    "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",  # material conflict
)

# The modes PLOVER 0.8 lists for each type (CAMEO2PLOVER-2021 and the manual); a type without
# modes leaves `Event.mode` empty.
MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("phone", "visit", "third-party", "multilateral"),
    "RETREAT": ("release", "return", "access", "disarm", "ceasefire", "withdraw"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "allege", "investigate"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("relations", "restrict", "ban", "political", "violence", "territory", "expel"),
    "PROTEST": ("demo", "hunger", "boycott", "obstruct", "riot"),
    "MOBILIZE": ("police", "troops", "weapons"),
    "SANCTION": ("withdraw", "discontinue", "expel"),
    "COERCE": ("seize", "restrict", "ban", "curfew", "martial-law", "arrest", "deport", "censor"),
    "ASSAULT": (
        "abduct", "beat", "sexual", "torture", "suicide-attack", "explosives", "assassinate",
        "firearms", "heavy-weapons", "aerial", "massacre", "cleansing", "primitive", "unconventional",
    ),
}

MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "alleged", "assessed")

# Draft-0.6 labels of the gold records -> PLOVER 0.8 (type, mode)
LEGACY_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}


def current_type(label: str) -> str:
    """The PLOVER 0.8 type of a label that may come from an older draft."""
    return LEGACY_TYPES.get(label, (label, None))[0]
