"""Component `sitrep_paragraphs`: a blank line (the end of a paragraph or headline) ends a sentence.

Neither the sentencizer nor a parser trained on treebank sentences splits a headline from
the paragraph under it, since the headline has no final stop. Set before them, these
boundaries are kept: both leave preset sentence starts alone. A single line break is not
enough: hard-wrapped text breaks lines in mid-sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("sitrep_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if token.is_space and token.i > 0:
            # whitespace belongs to the sentence before it, never opens one of its own
            token.is_sent_start = False
            after_break = after_break or token.text.count("\n") >= 2
        elif after_break:
            token.is_sent_start = True
            after_break = False
        elif token.i > 0 and doc[token.i - 1].text in OPENING and doc[token.i - 1].is_sent_start:
            token.is_sent_start = False  # an opening quote or bracket starts the sentence with its words
    return doc


OPENING = frozenset({"“", "‘", '"', "'", "(", "[", "«"})
