"""Attributions in news text: who said, alleged, denied or assessed what (`doc._.claims`).

The stage `sitrep_claims` (`component.ClaimExtractor`) finds direct quotes, indirect speech,
"according to X" and reported assessments, each with a source, cue and content span; gives each
a stance from the cue lexicon (`lexicon`); resolves pronoun speakers; links the claims to the
events, quantities and actors inside them and links contradicting claims (`links`).
"""
