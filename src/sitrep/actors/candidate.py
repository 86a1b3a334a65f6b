"""A candidate actor mention: what `sitrep.actors.matching` finds and the linker resolves."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.actors.kb import KBEntry

# Confidence of each kind of mention, from how often that kind names the right actor.
CONFIDENCE = {
    "kb": 0.95,  # an exact alias of a curated entry
    "kb_short": 0.8,  # an acronym of up to 3 letters (IS, UN, AP): more often something else
    "state": 0.85,  # a country with a sector noun: "Afghan soldiers"
    "country": 0.75,  # a country name standing for its state: "Pakistan accused India"
    "generic": 0.6,  # "militants", "civilians"
    "entity": 0.6,  # a named entity the KB does not know
    "anaphor": 0.5,  # "the group" before resolution
    "inferred_country": 0.45,  # a person whose country is the only one their sentence names
}


@dataclass
class Candidate:
    """One actor mention before linking: a token span and what it may denote."""

    start: int  # token indices into the Doc
    end: int
    kind: str  # kb, state, country, generic, anaphor, entity, person
    entry: KBEntry | None = None
    sector: str | None = None
    country: str | None = None
    status: str | None = None
    name: str | None = None  # for actors the KB does not know
    confidence: float = 0.6
    compatible: tuple[str, ...] = ()  # anaphors: the sectors their antecedent may have
    tags: frozenset[str] = frozenset()  # anaphors: "the terror group" needs the tag terrorist
    modifier: bool = False  # the mention qualifies another noun: "IS leader", "ISIS's ranks"
    org: Candidate | None = None  # persons: the organisation named with their title
    priority: int = 0  # between equally long spans: higher wins
    extra: dict = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start
