"""docs/actors.md keeps up with the code: sectors, relation types, KB files, config keys."""

from __future__ import annotations

from pathlib import Path

from sitrep.actors.component import ActorLinker
from sitrep.actors.kb import builtin_files
from sitrep.actors.relations import TRIGGERS, RelationExtractor
from sitrep.actors.sectors import SECTOR_CODES

DOC = Path(__file__).resolve().parents[2] / "docs" / "actors.md"


def test_actors_docs_name_every_sector_relation_and_file():
    text = DOC.read_text(encoding="utf-8")
    for sector, code in SECTOR_CODES.items():
        assert f"{sector} {code}" in text, sector
    for rel_type in {t for t, _ in TRIGGERS.values()}:
        assert f"| {rel_type} |" in text, rel_type
    for name, _ in builtin_files():
        assert name in text, name
    assert "entities/data/demonyms.tsv" in text
    for key in (*ActorLinker.DEFAULT_CONFIG, *RelationExtractor.DEFAULT_CONFIG):
        assert key in text, key
