"""HTML pages and fragments to article text.

Whole pages go through trafilatura, which drops navigation, adverts and comments and reads
the page's metadata (title, date, site name, canonical URL). Fragments, such as the content
of a feed entry, are already the article: they are only stripped of tags, keeping their
paragraph breaks.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from sitrep.document import Provenance
from sitrep.ingest.article import MAX_ARTICLE_CHARS, Article, Failure, failure, make_article
from sitrep.ingest.published import METADATA, normalise

# htmldate's "original" date is the publication date rather than the last update; its extensive
# search guesses from dates in the body text, which are usually the events', not the article's.
DATE_PARAMS = {"original_date": True, "extensive_search": False}
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr"}
    | {"section", "article", "header", "footer", "figure", "figcaption", "dd", "dt"}
)
_DROP_TAGS = ("script", "style", "noscript", "template")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def read_html(
    html: str,
    *,
    ref: str,
    provenance: Provenance,
    url: str | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
    **fallback: object,
) -> Article | Failure:
    """Extract the article from a whole HTML page.

    Args:
        html: The decoded page.
        ref: Reference to the input.
        provenance: Where the page came from.
        url: Address the page was fetched from, which helps trafilatura read its metadata.
        max_chars: Longest text accepted as one article.
        **fallback: `Article` fields to use where the page's metadata has none (e.g. a WARC date).

    Returns:
        The article, or an E105 `Failure` when the page holds no extractable text.
    """
    import trafilatura  # its import takes about a second; plain-text runs never need it

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, date_extraction_params=DATE_PARAMS
        )
    except (ValueError, lxml.etree.LxmlError) as err:  # lxml rejects some broken documents outright
        return failure("E105", ref=ref, reason=f"the parser failed: {err}")
    if doc is None or not (doc.text or "").strip():
        return failure("E105", ref=ref, reason="the page has no main text")
    meta = _metadata(doc, url)
    for name, value in fallback.items():
        if meta.get(name) is None:
            meta[name] = value
    return make_article(doc.text, ref=ref, provenance=provenance, max_chars=max_chars, **meta)


def fragment_text(html: str) -> str:
    """Text of an HTML fragment with its tags stripped and one blank line between blocks."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):  # empty or whitespace-only content
        return ""
    for element in list(root.iter(*_DROP_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if element.tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
        elif element.tag == "br":
            element.tail = "\n" + (element.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _metadata(doc: object, url: str | None) -> dict[str, object]:
    published = normalise(getattr(doc, "date", None))
    return {
        "title": getattr(doc, "title", None) or None,
        "url": getattr(doc, "url", None) or url,
        "published": published,
        "published_source": METADATA if published else None,
        "source": getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
    }
