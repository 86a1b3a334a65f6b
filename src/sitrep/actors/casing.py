"""Text without capitals: MUC-4 is lower-cased, old wire copy was all capitals. The matcher then
compares names ignoring case and leaves short aliases out ("is", "us", "un" are words there).
"""

from __future__ import annotations

from spacy.tokens import Doc

# Case of a Doc: read from its first tokens; all but a sliver lower (or upper) case means the
# text has lost its capitals (MUC-4 is lower-cased, wire copy once was all capitals). Headlines in
# capitals are a line, not 98% of a text.
CASE_SAMPLE_TOKENS = 400
CASE_MIN_WORDS = 20
CASELESS_SHARE = 0.98
CASELESS_MIN_ALIAS = 4


class FoldedDict(dict):
    """A name table that ignores case, for Docs written without it."""

    def __init__(self, table: dict):
        super().__init__((k.lower(), v) for k, v in table.items())

    def get(self, key, default=None):
        return super().get(key.lower(), default)

    def __contains__(self, key) -> bool:
        return super().__contains__(key.lower())


def is_caseless(doc: Doc) -> bool:
    """Whether a Doc was written without capitals (or all in capitals): then names are
    matched ignoring case, and only aliases of CASELESS_MIN_ALIAS or more characters."""
    letters = [t for t in doc[:CASE_SAMPLE_TOKENS] if t.is_alpha and len(t) > 1]
    if len(letters) < CASE_MIN_WORDS:
        return False
    lower = sum(t.is_lower for t in letters)
    upper = sum(t.is_upper for t in letters)
    return lower / len(letters) > CASELESS_SHARE or upper / len(letters) > CASELESS_SHARE
