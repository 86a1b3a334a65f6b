"""The ACLED view of a PLOVER event: `acled_event_type` and `acled_sub_event_type`.

The mapping holds only where PLOVER's type, mode and the trigger's act determine ACLED's
class; elsewhere the view stays empty rather than guess (docs/events.md has the table).
ACLED records events that took place, so negated, hypothetical, future and assessed events get
no ACLED class; alleged ones keep theirs (ACLED codes reported events).
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# (PLOVER type, mode or "*", act or "*") -> (ACLED event type, sub-event type); first match wins
TABLE: list[tuple[tuple[str, str, str], tuple[str, str]]] = [
    (("ASSAULT", "explosives", "*"), (EXPLOSIONS, "Remote explosive/landmine/IED")),
    (("ASSAULT", "suicide-attack", "*"), (EXPLOSIONS, "Suicide bomb")),
    (("ASSAULT", "aerial", "*"), (EXPLOSIONS, "Air/drone strike")),
    (("ASSAULT", "heavy-weapons", "*"), (EXPLOSIONS, "Shelling/artillery/missile attack")),
    (("ASSAULT", "unconventional", "*"), (EXPLOSIONS, "Chemical weapon")),
    (("ASSAULT", "abduct", "*"), (VAC, "Abduction/forced disappearance")),
    (("ASSAULT", "sexual", "*"), (VAC, "Sexual violence")),
    (("ASSAULT", "massacre", "*"), (VAC, "Attack")),
    (("ASSAULT", "cleansing", "*"), (VAC, "Attack")),
    (("ASSAULT", "torture", "*"), (VAC, "Attack")),
    (("ASSAULT", "*", "clash"), (BATTLES, "Armed clash")),
    (("ASSAULT", "*", "destroy"), (STRATEGIC, "Looting/property destruction")),
    (("PROTEST", "riot", "*"), (RIOTS, "Violent demonstration")),
    (("PROTEST", "*", "*"), (PROTESTS, "Peaceful protest")),
    (("COERCE", "arrest", "*"), (STRATEGIC, "Arrests")),
    (("COERCE", "seize", "loot"), (STRATEGIC, "Looting/property destruction")),
    (("RETREAT", "ceasefire", "*"), (STRATEGIC, "Agreement")),
    (("AGREE", "*", "*"), (STRATEGIC, "Agreement")),
    (("RETREAT", "withdraw", "*"), (STRATEGIC, "Non-violent transfer of territory")),
    (("MOBILIZE", "*", "*"), (STRATEGIC, "Other")),
]
ARMED_SECTORS = frozenset({"military", "rebels", "insurgents", "militia", "police", "armed_group", "terrorists", "intelligence"})
CIVILIAN_SECTORS = frozenset({"civilians", "refugees", "media", "ngo", "igo", "religious", "business", "education", "health"})
OCCURRED = frozenset({"asserted", "alleged"})


def acled_view(
    type_: str, mode: str | None, act: str | None, modality: str, target_sectors: list[str | None]
) -> tuple[str | None, str | None]:
    """ACLED (event type, sub-event type) of an event, or (None, None) where the mapping does not hold."""
    if modality not in OCCURRED:
        return None, None
    for (t, m, a), view in TABLE:
        if t == type_ and m in ("*", mode) and a in ("*", act):
            return view
    if type_ == "ASSAULT":
        return _assault_by_target(act, target_sectors)
    return None, None


def _assault_by_target(act: str | None, sectors: list[str | None]) -> tuple[str | None, str | None]:
    """An attack, killing or shooting: a battle when the target is armed, else violence against civilians."""
    known = {s.lower() for s in sectors if s}
    if known & ARMED_SECTORS:
        return BATTLES, "Armed clash"
    if known & CIVILIAN_SECTORS:
        return VAC, "Attack"
    return None, None
