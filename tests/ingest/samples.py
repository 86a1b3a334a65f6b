"""Sample texts and small builders shared by the ingest tests."""

from __future__ import annotations

from sitrep.ingest import Article, Failure, read

ENGLISH = (
    "Fighters attacked a police checkpoint in Kunduz province on Sunday, killing three officers, "
    "a provincial spokesman said. The Taliban denied any involvement in the attack."
)
FRENCH = (
    "Des combattants ont attaqué dimanche un poste de police dans la province de Kunduz, tuant trois "
    "policiers, a déclaré un porte-parole provincial. Les talibans ont nié toute implication."
)
GERMAN = (
    "Kämpfer haben am Sonntag einen Polizeiposten in der Provinz Kunduz angegriffen und drei Polizisten "
    "getötet, sagte ein Sprecher der Provinz. Die Taliban bestritten jede Beteiligung an dem Angriff."
)


def collect(source, **kwargs) -> tuple[list[Article], list[Failure]]:
    """Read `source` fully and split what comes out into articles and failures."""
    items = list(read(source, **kwargs))
    articles = [x for x in items if isinstance(x, Article)]
    failures = [x for x in items if isinstance(x, Failure)]
    assert len(articles) + len(failures) == len(items)
    return articles, failures


def page(title: str, body: str, *, date: str | None = None, site: str | None = None, charset: str = "utf-8") -> str:
    """A small but complete news page with boilerplate around the article."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    meta += f'<meta property="og:site_name" content="{site}">' if site else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{meta}</head>'
        f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>Copyright 2021 Example Media. All rights reserved.</footer></body></html>"
    )
