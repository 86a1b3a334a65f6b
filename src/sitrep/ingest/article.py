"""What the readers hand on: an `Article` with its provenance, or a `Failure` that says why not.

Every reader builds its articles through `make_article`, so the checks every article must
pass (some text, not too long) and the language detection happen in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.document import Document, Provenance, content_id
from sitrep.errors import Errors
from sitrep.ingest.decode import binary_kind, detect_language

MAX_ARTICLE_CHARS = 200_000  # larger texts are index pages, dumps or several articles glued together

ERROR = "error"  # the input is broken: the runner quarantines it under its ref
SKIPPED = "skipped"  # the input is fine but holds no article (an image in a WARC, a redirect)


@dataclass(kw_only=True)
class Article:
    """One article read from an input, with what the input said about it.

    Attributes:
        text: The article text, exactly as offsets downstream will index it.
        title: Headline, when the input gives one.
        url: Address of the article, when known.
        published: ISO 8601 date or datetime from the input's metadata.
        published_source: "metadata" when taken from the input, "inferred" for a crawl date.
        source: Outlet, site name or feed title.
        language: ISO 639-1 code detected from the text.
        language_confidence: langdetect's probability for `language` (low for short texts).
        illustrative: True when the input marks the text as written for a demo.
        provenance: Where in which file or URL the article was found.
        ref: Human-readable reference (``path:17``, ``path@4096``, a URL), used in messages and
            as the quarantine key.
        record_id: The ``id`` a JSON record gave the article, if any.
    """

    text: str
    ref: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_source: str | None = None
    source: str | None = None
    language: str = "en"
    language_confidence: float = 0.0
    illustrative: bool = False
    provenance: Provenance = field(default_factory=Provenance)
    record_id: str | None = None

    def to_document(self) -> Document:
        """A fresh `Document` carrying this article's text and metadata, with no annotations."""
        return Document(
            id=content_id(self.text),
            text=self.text,
            url=self.url,
            title=self.title,
            source=self.source,
            published=self.published,
            published_source=self.published_source,
            language=self.language,
            illustrative=self.illustrative,
            provenance=self.provenance,
        )


@dataclass(kw_only=True)
class Failure:
    """An input, or a part of one, that gave no article.

    Attributes:
        ref: The input (same form as `Article.ref`).
        code: Error code from `sitrep.errors.Errors`, e.g. "E103".
        message: The full message: what went wrong with which input, and the fix.
        kind: "error" for broken input, "skipped" for input that holds no article.
    """

    ref: str
    code: str
    message: str
    kind: str = ERROR


def failure(code: str, *, kind: str = ERROR, **values: object) -> Failure:
    """Build a `Failure` from the catalogue entry `code`; `values` fill its message (``ref`` required)."""
    message = getattr(Errors, code).format(**values)
    return Failure(ref=str(values["ref"]), code=code, message=message, kind=kind)


def unusable_bytes(data: bytes, ref: str) -> Failure | None:
    """The failure of a whole input that is empty (E102) or binary (E103), else None."""
    if not data.strip():
        return failure("E102", ref=ref)
    kind = binary_kind(data)
    return failure("E103", ref=ref, what=kind) if kind else None


def make_article(
    text: str, *, ref: str, provenance: Provenance, max_chars: int = MAX_ARTICLE_CHARS, **meta: object
) -> Article | Failure:
    """Check `text` and wrap it as an `Article` with its detected language.

    Args:
        text: The article text.
        ref: Reference to the input, for the article and for messages.
        provenance: Where the text came from.
        max_chars: Longest text accepted as one article.
        **meta: Further `Article` fields (title, url, published, ...); None values are kept.

    Returns:
        The article, or a `Failure` (E102 when the text is blank, E108 when it is too long).
    """
    if not text.strip():
        return failure("E102", ref=ref)
    if len(text) > max_chars:
        return failure("E108", ref=ref, chars=len(text), limit=max_chars)
    language, confidence = detect_language(text)
    return Article(
        text=text,
        ref=ref,
        provenance=provenance,
        language=language,
        language_confidence=confidence,
        **meta,  # type: ignore[arg-type]
    )
