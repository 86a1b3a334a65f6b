"""The attribution record the finders produce and the stage turns into `Claim`s."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass
class Attribution:
    """One attribution as character ranges into the text: who (source), how (cue), what (content).

    source is None when the text names nobody ("it is alleged that"). role and medium are the
    speaker's role ("former head of ...") and the venue ("WSJ", "Congress") as the text gives them.
    """

    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None = None
    base: str = ""  # base form of the cue verb, "according to" for that phrase
    kind: str = "statement"
    role: str | None = None
    medium: str | None = None
    direct: bool = False  # the content is a quotation
    resolved: tuple[int, int] | None = None  # the antecedent of a pronoun source
    confidence: float = 0.7

    def overlaps(self, other: Attribution) -> bool:
        return self.cue[0] < other.cue[1] and other.cue[0] < self.cue[1]


_TEXT_KEY = ("sitrep.claims", "text")


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token again on each call."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
