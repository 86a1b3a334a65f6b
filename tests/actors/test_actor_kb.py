"""The actor knowledge base: shipped entries, aliases, validation and users' files."""

from __future__ import annotations

import pytest

from sitrep.actors.kb import load_kb, read_kb_file
from sitrep.actors.sectors import SECTORS
from sitrep.errors import SitrepError


@pytest.mark.parametrize("alias", ["ISIS-K", "IS-Khorasan", "ISKP", "Islamic State Khorasan Province", "ISIS-Khorasan", "is khorasan"])
def test_kb_isis_k_aliases_resolve_to_one_entry(alias):
    entry = load_kb().lookup(alias)
    assert entry is not None and entry.id == "iskp"
    assert entry.parent == "isis" and entry.country == "AFG" and entry.sector == "rebels"


def test_kb_covers_states_agencies_and_groups():
    kb = load_kb()
    assert len(kb) > 1000
    for iso3 in ("USA", "GBR", "FRA", "RUS", "CHN", "AFG", "SOM", "MLI"):
        for suffix, sector in (("", "government"), ("-MIL", "military"), ("-COP", "police"), ("-SPY", "intelligence")):
            entry = kb.get(iso3 + suffix)
            assert entry is not None and entry.sector == sector and entry.country == iso3
    assert kb.lookup("NDS").id == "AFG-SPY"
    assert kb.lookup("ISI").id == "PAK-SPY"
    assert kb.lookup("IDF").id == "ISR-MIL"
    assert kb.lookup("FSB").id == "RUS-SPY"
    assert kb.lookup("Pentagon").id == "USA-MIL"
    assert kb.lookup("Africa Corps").id == "wagner"
    assert kb.lookup("Doctors Without Borders").sector == "ngo"
    assert all(e.sector is None or e.sector in SECTORS for e in kb)


def test_kb_user_yaml_extends_and_adds(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n"
        "  - {id: zlf, name: Zorland Liberation Front, aliases: [ZLF], sector: rebels, country: AFG, tags: [armed]}\n"
        "  - {id: iskp, name: Islamic State Khorasan Province, aliases: [Wilayat Khurasan]}\n",
        encoding="utf-8",
    )
    kb = load_kb([path])
    assert kb.lookup("ZLF").name == "Zorland Liberation Front"
    assert kb.lookup("Wilayat Khurasan").id == "iskp"
    assert kb.lookup("ISKP").id == "iskp"  # the shipped aliases stay
    assert load_kb().lookup("ZLF") is None  # sitrep's own KB is untouched


def test_kb_user_csv(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("id,name,aliases,sector,country\nkrg,Kurdistan Regional Government,KRG|Erbil government,government,IRQ\n", encoding="utf-8")
    (entry,) = read_kb_file(path)
    assert entry.aliases == ("KRG", "Erbil government") and entry.country == "IRQ"


@pytest.mark.parametrize("row,code", [
    ("x,X,,warlords,AFG", "E603"),
    ("x,X,,rebels,ZZZ", "E604"),
    (",X,,rebels,AFG", "E605"),
])
def test_kb_user_file_errors_name_the_problem(tmp_path, row, code):
    path = tmp_path / "bad.csv"
    path.write_text("id,name,aliases,sector,country\n" + row + "\n", encoding="utf-8")
    with pytest.raises(SitrepError, match=code):
        read_kb_file(path)


def test_kb_missing_file(tmp_path):
    with pytest.raises(SitrepError, match="E601"):
        load_kb([tmp_path / "nope.yaml"])


def test_kb_parents_exist_and_ids_are_unique_per_file():
    kb = load_kb()
    for entry in kb:
        assert entry.parent is None or kb.get(entry.parent) is not None, (entry.id, entry.parent)
    assert {c.id for c in kb.children("isis")} >= {"iskp", "iswap"}
