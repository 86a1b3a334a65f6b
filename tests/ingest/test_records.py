"""JSON and JSONL records: fields, aliases, bad lines that fail alone, line-number provenance."""

from __future__ import annotations

import json
from pathlib import Path

from tests.ingest.samples import ENGLISH, FRENCH, collect


def _write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jsonl_records_bad_lines_and_line_numbers(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "a1", "url": "https://example.org/a", "title": "A", "text": ENGLISH, "published": "2021-11-01"}
        ),
        "",  # blank lines are ignored
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "no-text", "title": "Only a title"}),
        json.dumps({"id": "b2", "content": FRENCH, "date": "Mon, 01 Nov 2021 08:30:00 GMT", "illustrative": True}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 7, "body": ENGLISH, "source": "Example Wire", "text": "   "}),
    ]
    path = tmp_path / "batch.jsonl"
    _write_jsonl(path, lines)
    articles, failures = collect(path)
    assert [a.record_id for a in articles] == ["a1", "b2", "7"]
    assert [a.provenance.offset for a in articles] == [1, 5, 7]  # line numbers, from 1
    assert [a.ref for a in articles] == [f"{path}:1", f"{path}:5", f"{path}:7"]
    first, french, third = articles
    assert first.url == first.provenance.url == "https://example.org/a"
    assert first.title == "A" and first.published == "2021-11-01" and first.published_source == "metadata"
    assert french.text == FRENCH and french.language == "fr" and french.illustrative is True
    assert french.published == "2021-11-01T08:30:00+00:00"
    assert third.text == ENGLISH and third.source == "Example Wire" and third.illustrative is False
    assert [(f.ref, f.code) for f in failures] == [(f"{path}:3", "E106"), (f"{path}:4", "E107"), (f"{path}:6", "E107")]
    assert all(f.kind == "error" for f in failures)
    # the line numbers lead back to the records
    raw = path.read_text(encoding="utf-8").split("\n")
    assert json.loads(raw[first.provenance.offset - 1])["id"] == "a1"


def test_jsonl_invalid_utf8_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.ndjson"
    good = json.dumps({"text": ENGLISH}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + b'{"text": "caf\xe9"}\n' + good + b"\n")
    articles, (fail,) = collect(path)
    assert [a.provenance.offset for a in articles] == [1, 3]
    assert fail.code == "E104" and fail.ref == f"{path}:2" and articles[0].provenance.format == "jsonl"


def test_json_list_and_single_record(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(
        json.dumps([{"text": ENGLISH}, {"title": "x"}, {"text": FRENCH}]), encoding="utf-8"
    )
    (tmp_path / "one.json").write_text(json.dumps({"text": ENGLISH, "published": 1635755400}), encoding="utf-8")
    articles, failures = collect(tmp_path / "list.json")
    assert [(a.ref, a.provenance.offset) for a in articles] == [
        (f"{tmp_path}/list.json#0", 0),
        (f"{tmp_path}/list.json#2", 2),
    ]
    assert [(f.ref, f.code) for f in failures] == [(f"{tmp_path}/list.json#1", "E107")]
    (one,), _ = collect(tmp_path / "one.json")
    assert one.published == "2021-11-01T08:30:00+00:00" and one.provenance.format == "json"


def test_invalid_json_file_fails(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"text": "x",}', encoding="utf-8")
    articles, (fail,) = collect(tmp_path / "bad.json")
    assert articles == [] and fail.code == "E106" and "line 1" in fail.message


def test_record_with_html_text_is_stripped(tmp_path: Path) -> None:
    record = {"text": f"<p>{ENGLISH}</p><p>Second paragraph of the report.</p>"}
    (tmp_path / "h.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,), _ = collect(tmp_path / "h.jsonl")
    assert article.text == f"{ENGLISH}\n\nSecond paragraph of the report."


def test_record_bad_date_is_dropped_not_fatal(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": ENGLISH, "published": "someday"}) + "\n", encoding="utf-8")
    (article,), failures = collect(tmp_path / "d.jsonl")
    assert failures == [] and article.published is None and article.published_source is None


def test_article_to_document(tmp_path: Path) -> None:
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": ENGLISH, "title": "T", "illustrative": "true"}) + "\n", encoding="utf-8"
    )
    (article,), _ = collect(tmp_path / "d.jsonl")
    doc = article.to_document()
    assert doc.text == ENGLISH and doc.title == "T" and doc.illustrative and len(doc.id) == 16
    assert doc.provenance.offset == 1 and doc.provenance.format == "jsonl"


def test_gzipped_jsonl(tmp_path: Path) -> None:
    import gzip

    data = "\n".join(json.dumps({"id": i, "text": ENGLISH}) for i in range(3)).encode()
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(data))
    articles, failures = collect(tmp_path / "b.jsonl.gz")
    assert failures == [] and [a.provenance.offset for a in articles] == [1, 2, 3]
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(data)[:-30])
    cut_articles, (fail,) = collect(tmp_path / "cut.jsonl.gz")
    assert fail.code == "E115" and len(cut_articles) < 3


def test_json_api_answer_with_article_list(tmp_path: Path) -> None:
    answer = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {
                "source": {"id": None, "name": "Example Wire"},
                "title": "T",
                "content": ENGLISH,
                "publishedAt": "2021-11-01T08:30:00Z",
            },
            {"source": {"name": "Other"}, "title": "No text"},
        ],
    }
    (tmp_path / "api.json").write_text(json.dumps(answer), encoding="utf-8")
    (article,), (fail,) = collect(tmp_path / "api.json")
    assert article.source == "Example Wire" and article.published == "2021-11-01T08:30:00+00:00"
    assert article.ref.endswith("api.json#0") and fail.ref.endswith("api.json#1") and fail.code == "E107"
