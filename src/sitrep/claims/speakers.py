"""Who a pronoun speaker is: "he said", "It said", "who said" resolved to an earlier speaker.

Resolution is deliberately narrow: a personal pronoun takes the nearest earlier speaker that
reads as a person, "it"/"they" the nearest that reads as a body or a document, "who"/"which"
the phrase before the comma. Beyond a few sentences the link is left out rather than guessed.
"""

from __future__ import annotations

from spacy.tokens import Doc

from sitrep.claims.attribution import Attribution
from sitrep.claims.lexicon import PERSON_PRONOUNS, SPEAKER_NOUNS, THING_PRONOUNS
from sitrep.claims.phrases import phrase_left
from sitrep.pipeline.doc import sentence_index, text_of

# Words that make a speaker a body or a document rather than a person.
NON_PERSON_HEADS = SPEAKER_NOUNS - {
    "spokesman", "spokeswoman", "spokesperson", "analyst", "expert", "witness", "resident",
    "diplomat", "leader", "commander", "minister", "president", "activist", "lawmaker", "senator",
    "prosecutor", "judge", "member", "person", "officer", "aide", "adviser", "advisor", "mayor",
    "governor", "chief", "head", "director", "secretary", "envoy", "ambassador", "representative",
    "candidate", "nominee", "official", "correspondent",
}


def is_pronoun(doc: Doc, span: tuple[int, int]) -> bool:
    return text_of(doc)[span[0] : span[1]].lower() in PERSON_PRONOUNS | THING_PRONOUNS | {"who", "which"}


def reads_as_person(doc: Doc, span: tuple[int, int]) -> bool:
    """A speaker phrase that names a person: a name or a person's title, not a body or a report."""
    text = text_of(doc)[span[0] : span[1]]
    words = text.replace(",", " ").split()
    if not words:
        return False
    low = [w.lower() for w in words]
    if low[0] in PERSON_PRONOUNS:
        return True
    if low[0] in THING_PRONOUNS or any(w in NON_PERSON_HEADS for w in low[: max(len(low) // 2 + 1, 1)] + low[-1:]):
        return False
    ents = [e for e in doc.ents if e.start_char < span[1] and span[0] < e.end_char]
    if ents:
        return any(e.label_ == "PERSON" for e in ents)
    return words[0][:1].isupper() and low[0] not in {"the", "a", "an"}


def resolve(doc: Doc, atts: list[Attribution], index: int, max_sentences: int) -> tuple[int, int] | None:
    """The antecedent of attribution `index`'s pronoun speaker, or None when not confident."""
    att = atts[index]
    if att.source is None or not is_pronoun(doc, att.source):
        return None
    word = text_of(doc)[att.source[0] : att.source[1]].lower()
    if word in {"who", "which"}:
        return _relative_antecedent(doc, att.source)
    if word in {"i", "we", "you"}:
        return None  # inside quotations these are the quoted speaker, outside the writer
    want_person = word in {"he", "she"}
    here = sentence_index(doc, att.source[0])
    for prev in reversed(atts[:index]):
        if prev.source is None or prev.source[0] >= att.source[0]:
            continue
        if here - sentence_index(doc, prev.source[0]) > max_sentences:
            break
        target = prev.resolved or prev.source
        if is_pronoun(doc, target):
            continue
        if reads_as_person(doc, target) == want_person:
            return target
    return None


def _relative_antecedent(doc: Doc, source: tuple[int, int]) -> tuple[int, int] | None:
    """"Trump, who said ..." -> "Trump"."""
    tok = next((t for t in doc if t.idx == source[0]), None)
    if tok is None or tok.i < 2 or doc[tok.i - 1].text != ",":
        return None
    found = phrase_left(doc, tok.i - 1, tok.sent.start)
    if found is None:
        return None
    return (doc[found[0]].idx, doc[found[1] - 1].idx + len(doc[found[1] - 1].text))
