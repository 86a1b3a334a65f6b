"""The `sitrep_claims` stage: attributions become `Claim`s on `doc._.claims`.

It runs last, so it can link each claim to the events, quantities and actors already found:
the speaker to the actor whose mention overlaps it, the content to the items inside it, and
events inside an allegation or assessment to that claim (their modality). It works from token
patterns on any pipeline and uses the dependency parse where the Doc has one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.claims.attribution import Attribution
from sitrep.claims.lexicon import ATTITUDE_BASES
from sitrep.claims.links import (
    is_estimate,
    link_about,
    link_contradictions,
    mark_events,
)
from sitrep.claims.parsed import parsed_attributions
from sitrep.claims.patterns import find_attributions
from sitrep.claims.speakers import resolve
from sitrep.document import Claim, Span
from sitrep.pipeline.doc import next_id, register_extensions, sentence_index, text_of

# Confidence lost by a claim whose speaker is a pronoun resolved to an earlier speaker.
RESOLVED_PENALTY = 0.1


class ClaimExtractor:
    """Find attributions and add them to `doc._.claims` as `sitrep.document.Claim`.

    Args:
        nlp (Language): the pipeline (unused; part of the factory contract).
        name (str): the component's name.
        pronoun_window (int): sentences back a pronoun speaker may be resolved.
        contradiction_window (int): sentences back a denial that says "the claim" may reach.
        use_parse (bool): use the dependency parse when the Doc has one.
        attitudes (bool): keep claims whose cue is a verb of stance or cognition ("supports",
            "wants", "likes"); PARC-style attribution counts them, a list of statements may not.
    """

    DEFAULT_CONFIG: ClassVar[dict[str, object]] = {"pronoun_window": 3, "contradiction_window": 3, "use_parse": True, "attitudes": True}

    def __init__(
        self,
        nlp: Language,
        name: str = "sitrep_claims",
        *,
        pronoun_window: int = 3,
        contradiction_window: int = 3,
        use_parse: bool = True,
        attitudes: bool = True,
    ) -> None:
        register_extensions()
        self.name = name
        self.pronoun_window = pronoun_window
        self.contradiction_window = contradiction_window
        self.use_parse = use_parse
        self.attitudes = attitudes

    def __call__(self, doc: Doc) -> Doc:
        if doc._.claims is None:
            doc._.claims = []
        attributions = self.attributions(doc)
        for i, att in enumerate(attributions):
            att.resolved = resolve(doc, attributions, i, self.pronoun_window)
        for att in attributions:
            claim = self._claim(doc, att)
            doc._.claims.append(claim)
            link_about(doc, claim)
            if not claim.negated:  # events told inside a claim nobody made keep their modality
                mark_events(doc, claim)
        link_contradictions(doc, doc._.claims, self.contradiction_window)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def attributions(self, doc: Doc) -> list[Attribution]:
        """The attributions of a Doc as character ranges, before they become claims."""
        found = find_attributions(doc)
        if not self.attitudes:
            found = [a for a in found if a.base not in ATTITUDE_BASES]
        if self.use_parse and doc.has_annotation("DEP"):
            taken = {doc.char_span(*a.cue, alignment_mode="expand")[-1].idx for a in found}
            found = sorted(found + parsed_attributions(doc, taken), key=lambda a: a.cue[0])
        return found

    def _claim(self, doc: Doc, att: Attribution) -> Claim:
        speaker = _span(doc, att.source) if att.source else None
        claim = Claim(
            id=next_id(doc._.claims, "c"),
            speaker=speaker,
            speaker_role=att.role,
            cue=_span(doc, att.cue),
            content=_span(doc, att.content),
            kind=att.kind,
            negated=att.negated,
            medium=att.medium,
            sentence=sentence_index(doc, att.cue[0]),
            confidence=att.confidence - (RESOLVED_PENALTY if att.resolved else 0.0),
        )
        claim.speaker_actor = _actor_at(doc, att.resolved or att.source)
        if att.resolved:
            claim.speaker_resolved = _span(doc, att.resolved)
        if att.resolved and claim.speaker_role is None:
            claim.speaker_role = _role_of(doc, att.resolved)
        if is_estimate(doc, claim):
            claim.kind = "estimate"
        return claim


def _span(doc: Doc, chars: tuple[int, int]) -> Span:
    return Span(start=chars[0], end=chars[1], text=text_of(doc)[chars[0] : chars[1]])


def _actor_at(doc: Doc, chars: tuple[int, int] | None) -> str | None:
    """The actor with a mention overlapping a character range."""
    if chars is None:
        return None
    for actor in doc._.actors or []:
        if any(m.start < chars[1] and chars[0] < m.end for m in actor.mentions):
            return actor.id
    return None


def _role_of(doc: Doc, chars: tuple[int, int]) -> str | None:
    """The role an earlier claim gave the resolved speaker ("Nabil, former head of ...")."""
    for claim in doc._.claims:
        if claim.speaker and claim.speaker.start == chars[0] and claim.speaker_role:
            return claim.speaker_role
    return None
