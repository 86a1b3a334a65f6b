"""Stage `sitrep_attack_arguments`: the weapons and physical targets of a document's attacks.

The argument model (`sitrep.events.arguments`, learned from MUC-4) reads role fillers for a
whole document, as MUC-4 asks. This stage keeps the two roles that no actor carries, Weapon
and (physical) Target, and hangs each phrase on the attack it belongs to: the attack whose
trigger is nearest in the same sentence, else the nearest attack at most
``max_sentence_gap`` sentences away ("Gunmen stormed the hotel. They used grenades."). A
phrase with no attack near it stays unattached, since an attack three paragraphs away is a
guess. The perpetrator and victim roles are the events' source and target actors already.

Documents without an attack that took place cost nothing: the model runs only on the others,
and there only over the sentences within ``max_sentence_gap`` of an attack.
``tagger = false`` leaves out the contextual role tagger (a MiniLM run over the whole article):
the fast config does, trading MUC-4 dev role F1 0.508 for 0.401 (docs/events.md).
The model's document relevance weight is not applied: it asks whether an article is a MUC-4
incident report, and the events stage has already found an attack in this one.
"""

from __future__ import annotations

from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.document import Argument, Event
from sitrep.events.arguments import ATTACK_TYPES, OCCURRED, ArgumentFinder, select
from sitrep.pipeline.doc import sentence_index

# MUC-4 role -> Argument.role
ROLES = {"Weapon": "weapon", "Target": "physical_target"}
# a phrase one sentence away from its attack is less sure to belong to it
NEIGHBOUR_DISCOUNT = 0.7


class AttackArguments:
    """Adds `Argument`s (weapons, physical targets) to the attacks in `doc._.events`."""

    DEFAULT_CONFIG: ClassVar[dict] = {"max_sentence_gap": 1, "tagger": True}

    def __init__(self, nlp: Language, name: str, *, max_sentence_gap: int = 1, tagger: bool = True) -> None:
        self.name = name
        self.max_sentence_gap = max_sentence_gap
        self.tagger = tagger  # the contextual role tagger: most of this stage's cost (docs/events.md)
        self.finder = ArgumentFinder.load()

    def __call__(self, doc: Doc) -> Doc:
        attacks = [e for e in doc._.events or [] if e.type in ATTACK_TYPES and e.modality in OCCURRED]
        if not attacks:
            return doc
        near = {e.sentence + d for e in attacks for d in range(-self.max_sentence_gap, self.max_sentence_gap + 1)}
        for role, start, end, score in self.phrases(doc, near):
            sentence = sentence_index(doc, doc[start].idx)
            event, discount = self._attack_near(attacks, sentence, doc[start].idx)
            if event is not None:
                span = doc[start:end]
                event.arguments.append(Argument(
                    role=role, start=span.start_char, end=span.end_char, text=span.text,
                    sentence=sentence, confidence=round(min(score, 1.0) * discount, 3)))
        for event in attacks:
            event.arguments.sort(key=lambda a: a.start)
        return doc

    def phrases(self, doc: Doc, sentences: set[int] | None = None) -> list[tuple[str, int, int, float]]:
        """(role, start token, end token, score) of each weapon and target phrase the model keeps,
        in `sentences` (sentence numbers) only when given: no phrase further from an attack is kept."""
        scored = self.finder.scored(doc, tag=self.tagger, sentences=sentences)
        kept = select(scored, self.finder.thresholds)
        best: dict[tuple[str, str], tuple[float, int, int]] = {}
        for text, role, score, start, end in scored:
            if role in ROLES and text in kept.get(role, ()):
                key = (role, text)
                if key not in best or score > best[key][0]:
                    best[key] = (score, start, end)
        return [(ROLES[role], start, end, score) for (role, _), (score, start, end) in best.items()]

    def _attack_near(self, attacks: list[Event], sentence: int, char: int) -> tuple[Event | None, float]:
        event = min(attacks, key=lambda e: (abs(e.sentence - sentence), abs(e.trigger.start - char)))
        gap = abs(event.sentence - sentence)
        if gap > self.max_sentence_gap:
            return None, 0.0
        return event, 1.0 if gap == 0 else NEIGHBOUR_DISCOUNT
