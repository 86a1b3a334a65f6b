"""Walking folders, dispatch by extension and sniffing, and the failures every input can hit."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.errors import Errors
from sitrep.ingest import MAX_ARTICLE_CHARS, is_supported, read, read_many
from tests.ingest.samples import ENGLISH, FRENCH, GERMAN, collect, page


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "b" / "deep").mkdir()
    (root / ".git").mkdir()
    (root / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (root / "b" / "c.jsonl").write_text(json.dumps({"text": FRENCH}) + "\n", encoding="utf-8")
    (root / "b" / "deep" / "d.html").write_text(page("Deep", ENGLISH + "\n\n" + ENGLISH), encoding="utf-8")
    (root / "b" / "empty.txt").write_text("", encoding="utf-8")
    (root / "c.md").write_text(GERMAN, encoding="utf-8")
    (root / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text(ENGLISH, encoding="utf-8")


def test_folder_walk_is_sorted_recursive_and_skips_hidden(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = list(read(tmp_path))
    refs = [Path(x.ref.split(":")[0]).relative_to(tmp_path).as_posix() for x in items]
    assert refs == ["a.txt", "b/c.jsonl", "b/deep/d.html", "b/empty.txt", "c.md"]
    assert [x.code if hasattr(x, "code") else x.language for x in items] == ["en", "fr", "en", "E102", "de"]
    assert [is_supported(x) for x in items if hasattr(x, "language")] == [True, False, True, False]


def test_read_is_deterministic(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert list(read(tmp_path)) == list(read(tmp_path))


def test_read_many_chains_sources(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ENGLISH, encoding="utf-8")
    items = list(read_many([tmp_path / "one.txt", str(tmp_path / "missing.txt"), tmp_path / "one.txt"]))
    assert [type(x).__name__ for x in items] == ["Article", "Failure", "Article"]
    assert items[1].code == "E101" and "missing.txt" in items[1].message


def test_missing_path(tmp_path: Path) -> None:
    articles, (fail,) = collect(tmp_path / "nope" / "x.txt")
    assert articles == [] and fail.code == "E101" and fail.kind == "error"
    assert fail.message == Errors.E101.format(ref=tmp_path / "nope" / "x.txt")


def test_empty_and_blank_files(tmp_path: Path) -> None:
    for name, content in [("e.txt", ""), ("b.txt", " \n\t\n"), ("e.html", ""), ("e.jsonl", "\n\n"), ("e.json", "[]")]:
        (tmp_path / name).write_text(content, encoding="utf-8")
    codes = {Path(f.ref).name: f.code for f in collect(tmp_path)[1]}
    assert codes == {name: "E102" for name in ("b.txt", "e.html", "e.json", "e.jsonl", "e.txt")}


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / ".only-hidden").write_text(ENGLISH, encoding="utf-8")
    articles, (fail,) = collect(tmp_path)
    assert articles == [] and fail.code == "E114"


def test_oversized_article(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(ENGLISH * 10, encoding="utf-8")
    articles, (fail,) = collect(tmp_path / "big.txt", max_chars=len(ENGLISH) * 5)
    assert articles == [] and fail.code == "E108" and f"{len(ENGLISH) * 10:,}" in fail.message
    (ok,), _ = collect(tmp_path / "big.txt", max_chars=len(ENGLISH) * 10)
    assert len(ok.text) == len(ENGLISH) * 10


def test_oversized_record_fails_alone(tmp_path: Path) -> None:
    lines = [json.dumps({"text": ENGLISH}), json.dumps({"text": "word " * (MAX_ARTICLE_CHARS // 5 + 1)})]
    (tmp_path / "r.jsonl").write_text("\n".join(lines), encoding="utf-8")
    articles, (fail,) = collect(tmp_path / "r.jsonl")
    assert len(articles) == 1 and fail.code == "E108" and fail.ref.endswith("r.jsonl:2")


def test_pathlike_and_string_sources_agree(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    assert list(read(tmp_path / "a.txt")) == list(read(str(tmp_path / "a.txt")))


def test_every_failure_names_its_input_and_code(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    _, failures = collect(tmp_path)
    assert {f.code for f in failures} == {"E102", "E103", "E106"}
    for fail in failures:
        assert fail.message.startswith(f"[{fail.code}] ") and fail.ref in fail.message


def test_named_pipe_is_refused_not_read(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    articles, (fail,) = collect(tmp_path / "pipe")  # opening it would block for ever
    assert articles == [] and fail.code == "E115" and "regular file" in fail.message
    articles, failures = collect(tmp_path)  # a walk passes over it
    assert len(articles) == 1 and failures == []
