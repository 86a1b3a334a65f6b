"""Speed and fidelity of every reader over a real corpus, written out in each format.

Run: ``.venv/bin/python tests/ingest/bench_ingest.py [N]`` (N articles, default all). It
takes the plain-text articles of ../shared/data/en_worldwide_newswire_ner, writes them as
.txt files, one JSONL file, HTML pages with navigation and footer, a gzipped WARC of those
pages and an RSS feed, reads each back through ``sitrep.ingest.read`` and prints articles/s,
failures, the share detected as English, and how much of each original text comes back
(word-level recall and precision against the original, which has no boilerplate).
"""

from __future__ import annotations

import collections
import html
import json
import resource
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest import Article, read

CORPUS = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "en_worldwide_newswire_ner" / "original_articles"
)


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())


def _page(title: str, text: str) -> str:
    paragraphs = _paragraphs(text)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
        "<aside>Most read: Markets rally as rates hold</aside><footer>© Example Media. All rights reserved.</footer>"
        "</body></html>"
    )


def write_formats(texts: dict[str, str], root: Path) -> dict[str, Path]:
    """Write the corpus in every format; returns format -> source to read."""
    (root / "txt").mkdir()
    for name, text in texts.items():
        (root / "txt" / f"{name}.txt").write_text(text, encoding="utf-8")
    with (root / "all.jsonl").open("w", encoding="utf-8") as out:
        for name, text in texts.items():
            out.write(json.dumps({"id": name, "text": text}) + "\n")
    (root / "html").mkdir()
    for name, text in texts.items():
        (root / "html" / f"{name}.html").write_text(_page(name, text), encoding="utf-8")
    with (root / "all.warc.gz").open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for name, text in texts.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            payload = BytesIO(_page(name, text).encode("utf-8"))
            writer.write_record(
                writer.create_warc_record(
                    f"https://example.org/{name}", "response", payload=payload, http_headers=headers
                )
            )
    items = "".join(
        f"<item><title>{name}</title><link>https://example.org/{name}</link>"
        f"<description>{html.escape(_paragraphs(text))}</description></item>"
        for name, text in texts.items()
    )
    (root / "all.rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    return {
        "text": root / "txt",
        "jsonl": root / "all.jsonl",
        "html": root / "html",
        "warc": root / "all.warc.gz",
        "rss": root / "all.rss",
    }


def _overlap(original: str, extracted: str) -> tuple[float, float]:
    want, got = collections.Counter(original.split()), collections.Counter(extracted.split())
    common = sum((want & got).values())
    return common / max(sum(want.values()), 1), common / max(sum(got.values()), 1)


def main(limit: int | None) -> None:
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found: {CORPUS}")
    files = sorted(CORPUS.glob("*.txt"))[:limit]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in files}
    with tempfile.TemporaryDirectory() as tmp:
        sources = write_formats(texts, Path(tmp))
        list(read(sources["html"] / f"{files[0].stem}.html"))  # import trafilatura outside the timings
        print(f"{len(texts)} articles, {sum(map(len, texts.values())):,} characters")
        print("format   articles/s  articles  failures  english  word recall  word precision")
        for fmt, source in sources.items():
            start = time.perf_counter()
            items = list(read(source))
            seconds = time.perf_counter() - start
            articles = [x for x in items if isinstance(x, Article)]
            scores = [_overlap(texts[_name(a)], a.text) for a in articles]
            recall = sum(s[0] for s in scores) / max(len(scores), 1)
            precision = sum(s[1] for s in scores) / max(len(scores), 1)
            english = sum(a.language == "en" for a in articles) / max(len(articles), 1)
            failed = len(items) - len(articles)
            print(f"{fmt:8} {len(items) / seconds:10.0f}  {len(articles):8}  {failed:8}  ", end="")
            print(f"{english:7.1%}  {recall:11.1%}  {precision:14.1%}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _name(article: Article) -> str:
    if article.record_id:
        return article.record_id
    if article.url:
        return article.url.rsplit("/", 1)[-1]
    return Path(article.provenance.path or "").stem


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else None)
