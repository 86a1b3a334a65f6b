"""Plain text: the text stays intact, a headline is taken only from the news layout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sitrep.ingest.text import title_of
from tests.ingest.samples import ENGLISH, collect


def test_text_title_and_intact_text(tmp_path: Path) -> None:
    content = f"Three police officers killed in Kunduz\n\n{ENGLISH}\n"
    (tmp_path / "a.txt").write_text(content, encoding="utf-8")
    (article,), failures = collect(tmp_path / "a.txt")
    assert failures == []
    assert article.title == "Three police officers killed in Kunduz"
    assert article.text == content  # offsets downstream index the whole file
    assert article.provenance.format == "text"
    assert article.provenance.path == str(tmp_path / "a.txt")
    assert article.ref == str(tmp_path / "a.txt")
    assert article.language == "en" and article.language_confidence > 0.9


def test_text_without_extension_is_text(tmp_path: Path) -> None:
    (tmp_path / "story").write_text(ENGLISH, encoding="utf-8")
    (article,), _ = collect(tmp_path / "story")
    assert article.text == ENGLISH
    assert article.title is None  # no blank line after the first line


def test_title_rules() -> None:
    assert title_of("\n\nHeadline here\r\n\r\nBody.") == "Headline here"
    assert title_of("A first sentence that ends.\n\nBody.") is None
    assert title_of("------\n\nBody.") is None
    assert title_of("One line\nthen more\n\nBody.") is None
    assert title_of("x" * 250 + "\n\nBody.") is None
    assert title_of("“Tell me,” said the prosecutor. “No! You tell me!”\n\nBody.") is None
    assert title_of("By Isaac Mpho Mogotsi\n\nBody.") is None  # a byline
    assert title_of("By the river a village burns\n\nBody.") == "By the river a village burns"


def test_text_opening_with_its_address(tmp_path: Path) -> None:
    url = "https://www.example.org/2022/06/08/three-officers-killed/"
    content = f"{url}\n\nThree police officers killed in Kunduz\n\n{ENGLISH}\n"
    (tmp_path / "a.txt").write_text(content, encoding="utf-8")
    (article,), _ = collect(tmp_path / "a.txt")
    assert (article.url, article.title) == (url, "Three police officers killed in Kunduz")
    assert article.text == content


def test_stdin_is_read_as_text(tmp_path: Path) -> None:
    code = (
        "from sitrep.ingest import read\n"
        "for item in read('-'):\n"
        "    print(type(item).__name__, item.ref, repr(item.title), item.language, len(item.text))\n"
    )
    text = f"Clashes in Kunduz\n\n{ENGLISH}"
    done = subprocess.run([sys.executable, "-c", code], input=text.encode("utf-8"), capture_output=True, check=True)
    assert done.stdout.decode().split() == ["Article", "<stdin>", "'Clashes", "in", "Kunduz'", "en", str(len(text))]


def test_empty_stdin_fails(tmp_path: Path) -> None:
    code = "from sitrep.ingest import read\nprint([f.code for f in read('-')])\n"
    done = subprocess.run([sys.executable, "-c", code], input=b"  \n", capture_output=True, check=True)
    assert done.stdout.decode().strip() == "['E102']"
