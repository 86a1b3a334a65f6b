"""An event mention before merging: one trigger with its type, roles and modality."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span


@dataclass
class EventMention:
    trigger: Span
    type: str
    mode: str | None
    act: str | None  # the lexicon's finer class: kill, force, arrest, clash, destroy, loot
    modality: str = "asserted"
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    confidence: float = 1.0
    nominal: bool = False  # the trigger is a noun ("the attack"), so it may refer back
    merged: list[Span] = field(default_factory=list)  # coreferent mentions folded into this one

    @property
    def sentence_start(self) -> int:
        return self.trigger.sent.start
