"""Casualty tolls from quantities: whose deaths (UCDP's sides) and the conservative total.

UCDP counts deaths of side a (the government), side b (the armed group), civilians and
unknown. Several figures for the same group are conflicting reports: ACLED takes the most
conservative (the lowest). Figures for different groups add up.
"""

from __future__ import annotations

from sitrep.document import Casualties, Quantity

GOVERNMENT = {"soldiers", "soldier", "troops", "police", "policemen", "policeman", "officers", "officer",
              "personnel", "servicemen", "marines", "guards", "commandos", "army", "security", "forces",
              "paramilitaries", "gendarmes", "sailors", "airmen", "pilots", "conscripts", "recruits"}
ARMED_GROUP = {"militants", "militant", "rebels", "rebel", "insurgents", "insurgent", "fighters", "fighter",
               "gunmen", "gunman", "attackers", "attacker", "terrorists", "terrorist", "militiamen", "guerrillas",
               "guerrilla", "jihadists", "combatants", "extremists", "bombers", "bomber", "assailants",
               "subversives", "members"}
CIVILIANS = {"civilians", "civilian", "villagers", "children", "child", "women", "students", "worshippers",
             "passengers", "residents", "pedestrians", "peasants", "peasant", "babies", "farmers", "workers",
             "protesters", "demonstrators", "journalists", "teachers", "doctors", "nurses", "tourists", "pilgrims",
             "bystanders", "infants", "boys", "girls", "family", "families", "schoolgirls", "schoolchildren",
             "shoppers", "patients", "refugees", "migrants", "aid", "mourners"}
SIDES = ("side_a", "side_b", "civilians", "unknown")


def side_of(unit: str | None) -> str:
    """UCDP group of the people a casualty figure counts, from the words of its unit."""
    words = set((unit or "").lower().replace("-", " ").split())
    if words & CIVILIANS:
        return "civilians"
    if words & GOVERNMENT:
        return "side_a"
    if words & ARMED_GROUP:
        return "side_b"
    return "unknown"


def fatalities(killed: list[Quantity]) -> Casualties | None:
    """The toll of the `killed` figures of one event, None if there are none."""
    if not killed:
        return None
    by_side: dict[str, Quantity] = {}
    for q in killed:
        side = side_of(q.unit)
        if q.best is None:
            continue
        current = by_side.get(side)
        if current is None or _conservative(q) < _conservative(current):
            by_side[side] = q
    if not by_side:
        return None
    lows = [q.low if q.low is not None else q.best for q in by_side.values()]
    highs = [q.high for q in by_side.values()]
    best = sum(int(_conservative(q)) for q in by_side.values())
    first = min(by_side.values(), key=lambda q: q.start)
    toll = Casualties(
        low=int(sum(lows)), best=best, high=int(sum(highs)) if all(h is not None for h in highs) else None,
        quantity=first.id,
    )
    for side, q in by_side.items():
        setattr(toll, side, int(_conservative(q)))
    return toll


def _conservative(q: Quantity) -> float:
    """ACLED's figure for a report: the lowest it supports ("at least 13" is 13, "dozens" 12)."""
    return q.low if q.low is not None else q.best
