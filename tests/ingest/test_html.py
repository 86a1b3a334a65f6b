"""HTML pages through trafilatura: text without boilerplate, metadata, and broken pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.ingest.html import fragment_text
from tests.ingest.samples import ENGLISH, collect, page

PAGES = Path(__file__).resolve().parent / "pages"  # hand-written pages kept with the tests
BODY = ENGLISH + "\n\n" + "Residents said the fighting lasted for several hours before reinforcements arrived."


def test_html_page_text_and_metadata(tmp_path: Path) -> None:
    html = page("Three officers killed in Kunduz", BODY, date="2021-11-01T08:30:00Z", site="Daily Example")
    html = html.replace("<head>", '<head><link rel="canonical" href="https://example.org/kunduz">')
    (tmp_path / "story.html").write_text(html, encoding="utf-8")
    (article,), failures = collect(tmp_path / "story.html")
    assert failures == []
    assert "killing three officers" in article.text and "reinforcements arrived" in article.text
    assert "Copyright" not in article.text and "Home" not in article.text  # boilerplate removed
    assert article.title == "Three officers killed in Kunduz"
    assert article.published == "2021-11-01" and article.published_source == "metadata"
    assert article.source == "Daily Example"
    assert article.url == "https://example.org/kunduz"
    assert article.provenance.format == "html"


def test_html_latin1_page(tmp_path: Path) -> None:
    html = page("Attaque à Kunduz", BODY.replace("Residents", "Résidents"), charset="iso-8859-1")
    (tmp_path / "latin.htm").write_bytes(html.encode("latin-1"))
    (article,), _ = collect(tmp_path / "latin.htm")
    assert "Résidents" in article.text and article.title == "Attaque à Kunduz"


def test_html_without_date_has_none(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page("No date here", BODY), encoding="utf-8")
    (article,), _ = collect(tmp_path / "a.html")
    assert article.published is None and article.published_source is None


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div>",  # truncated before any text
        "<html><head><title>Only a title</title></head><body><script>var x = 1;</script></body></html>",
        "<<<>>>",
    ],
)
def test_html_without_text_fails(tmp_path: Path, html: str) -> None:
    (tmp_path / "broken.html").write_text(html, encoding="utf-8")
    articles, (fail,) = collect(tmp_path / "broken.html")
    assert articles == [] and fail.code == "E105" and "broken.html" in fail.message


def test_truncated_html_keeps_what_it_has(tmp_path: Path) -> None:
    html = page("Cut off", BODY)
    (tmp_path / "cut.html").write_text(html[: html.index("reinforcements")], encoding="utf-8")
    (article,), _ = collect(tmp_path / "cut.html")
    assert "killing three officers" in article.text


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    (tmp_path / "page").write_text(page("Sniffed", BODY), encoding="utf-8")
    (article,), _ = collect(tmp_path / "page")
    assert article.provenance.format == "html" and "<p>" not in article.text


def test_fragment_text_keeps_paragraphs() -> None:
    html = "<p>First &amp; one.</p><p>Second<br>line</p><script>x()</script><ul><li>a</li><li>b</li></ul>"
    assert fragment_text(html) == "First & one.\n\nSecond\nline\n\na\n\nb"
    assert fragment_text("   ") == ""
    assert fragment_text("plain words") == "plain words"


def test_html_boilerplate_of_a_real_layout_is_dropped() -> None:
    """Cookie banner, menus, share links, related stories, comments, sidebar and footer all go."""
    (article,), _ = collect(PAGES / "news_layout.html")  # written like a real news site's article page
    paragraphs = article.text.split("\n")
    assert paragraphs[0] == "Three police officers killed in Kunduz attack"
    assert paragraphs[1].startswith("KABUL — Gunmen attacked") and paragraphs[-1].startswith("Residents said")
    noise = ["cookies", "Share on", "Related stories", "Kandahar", "Comments", "thoughts are with", "Most read", "©"]
    assert [word for word in noise if word in article.text] == []
    assert article.published == "2021-11-01" and article.source == "Example Times"
