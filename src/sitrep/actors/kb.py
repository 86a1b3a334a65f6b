"""The actor knowledge base: curated YAML in `sitrep/actors/kb/`, generated state entries and
users' own YAML/CSV files, indexed by id and alias.

    kb = load_kb()                      # sitrep's own entries
    kb = load_kb(["my_actors.yaml"])    # plus a user's file (entries with a known id extend it)
    kb.lookup("ISKP").name              # 'Islamic State Khorasan Province'
    kb.state_entry("AFG", "military").id  # 'AFG-MIL'

Every country in ISO 3166 gets four generated entries: the state itself (id "AFG", sector
government) and its military ("AFG-MIL"), police ("AFG-COP") and intelligence ("AFG-SPY").
Curated entries with those ids add names and aliases ("National Directorate of Security").
See docs/actors.md for the file format.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml

from sitrep.actors.sectors import SECTORS, STATE_SECTORS
from sitrep.entities.names import country_names
from sitrep.errors import Errors, SitrepError

KB_PACKAGE = "sitrep.actors"
KB_FOLDER = "kb"
LIST_SEPARATORS = re.compile(r"\s*[|;]\s*")  # aliases and tags in CSV cells
NON_ISO_COUNTRIES = {"XKX"}  # Kosovo: user-assigned code in wide use, absent from ISO 3166
STATE_SECTOR_NAMES = {"military": "military", "police": "police", "intelligence": "intelligence"}


@dataclass(frozen=True)
class KBEntry:
    """One actor of the knowledge base."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    sector: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3; None for transnational actors
    type: str | None = None  # e.g. state, agency, igo, ngo, jihadist, insurgent, militia, pmc
    tags: frozenset[str] = frozenset()  # e.g. terrorist, jihadist: what "the terror group" may mean
    parent: str | None = None  # id of the actor it belongs to (ISKP -> ISIS)
    places: frozenset[str] = frozenset()  # aliases that are also place names ("Washington")
    description: str = ""
    source: str = ""  # the file it came from, or "pycountry"

    @property
    def names(self) -> tuple[str, ...]:
        """Name and aliases, name first."""
        return (self.name, *self.aliases)


@dataclass
class ActorKB:
    """The knowledge base, indexed: `entries` by id, `aliases` by alias (exact surface form)."""

    entries: dict[str, KBEntry] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    folded: dict[str, list[str]] = field(default_factory=dict)  # case/punctuation-folded aliases

    def add(self, entry: KBEntry) -> None:
        """Add an entry, or merge it into the entry with the same id (the later name wins)."""
        old = self.entries.get(entry.id)
        if old is not None:
            entry = _merge(old, entry)
        self.entries[entry.id] = entry
        for alias in entry.names:
            _append_unique(self.aliases.setdefault(alias, []), entry.id)
            _append_unique(self.folded.setdefault(fold(alias), []), entry.id)

    def get(self, kb_id: str) -> KBEntry | None:
        return self.entries.get(kb_id)

    def lookup(self, text: str) -> KBEntry | None:
        """The entry a name or alias denotes: exact surface form first, then folded."""
        ids = self.aliases.get(text) or self.folded.get(fold(text))
        return self.entries[ids[0]] if ids else None

    def state_entry(self, iso3: str, sector: str = "government") -> KBEntry | None:
        """The state-level entry of a country for one of the STATE_SECTORS."""
        suffix = STATE_SECTORS.get(sector)
        if suffix is None:
            return None
        return self.entries.get(f"{iso3}-{suffix}" if suffix else iso3)

    def children(self, kb_id: str) -> list[KBEntry]:
        return [e for e in self.entries.values() if e.parent == kb_id]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self.entries.values())


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "IS-Khorasan" and "is khorasan" fold
    alike, and so do "Séléka" and "Seleka"."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("’", "'").lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\s\-–.]+", " ", text).strip()


def load_kb(extra: Iterable[str | Path] = ()) -> ActorKB:
    """sitrep's knowledge base plus the users' files in `extra` (YAML or CSV), cached."""
    return _load_kb(tuple(str(p) for p in extra))


@lru_cache(maxsize=8)
def _load_kb(extra: tuple[str, ...]) -> ActorKB:
    kb = ActorKB()
    for entry in state_entries():
        kb.add(entry)
    for name, text in builtin_files():
        for entry in parse_entries(yaml.safe_load(text), name):
            kb.add(entry)
    for path in extra:
        for entry in read_kb_file(Path(path)):
            kb.add(entry)
    return kb


def builtin_files() -> list[tuple[str, str]]:
    """(name, text) of the actor files shipped in sitrep/actors/kb, in name order."""
    folder = resources.files(KB_PACKAGE).joinpath(KB_FOLDER)
    files = sorted((f for f in folder.iterdir() if f.name.endswith((".yaml", ".yml"))),
                   key=lambda f: f.name)
    return [(f"kb/{f.name}", f.read_text("utf-8")) for f in files]


def read_kb_file(path: Path) -> list[KBEntry]:
    """Entries of a user's YAML or CSV file; raises SitrepError naming the file and the fix."""
    if not path.is_file():
        raise SitrepError(Errors.E601.format(path=path))
    try:
        text = path.read_text("utf-8-sig")
        if path.suffix.lower() in (".csv", ".tsv"):
            delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
            data: Any = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
        else:
            data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, csv.Error) as err:
        raise SitrepError(Errors.E602.format(path=path, error=err)) from err
    return list(parse_entries(data, str(path)))


def parse_entries(data: Any, source: str) -> Iterator[KBEntry]:
    """Validate and build entries from parsed YAML/CSV: a list, or {"actors": [...]}."""
    if isinstance(data, dict):
        data = data.get("actors", [])
    if not isinstance(data, list):
        raise SitrepError(Errors.E602.format(path=source, error="expected a list of actors"))
    for index, raw in enumerate(data, 1):
        if not isinstance(raw, dict):
            raise SitrepError(Errors.E602.format(path=source, error=f"entry #{index} is not a mapping"))
        yield _entry(raw, index, source)


def _entry(raw: dict[str, Any], index: int, source: str) -> KBEntry:
    for key in ("id", "name"):
        if not str(raw.get(key) or "").strip():
            raise SitrepError(Errors.E605.format(index=index, path=source, field=key))
    kb_id = str(raw["id"]).strip()
    sector = _blank_to_none(raw.get("sector"))
    if sector is not None and sector not in SECTORS:
        raise SitrepError(Errors.E603.format(id=kb_id, path=source, sector=sector, known=", ".join(SECTORS)))
    country = _blank_to_none(raw.get("country"))
    if country is not None:
        country = country.upper()
        if country not in NON_ISO_COUNTRIES and pycountry.countries.get(alpha_3=country) is None:
            raise SitrepError(Errors.E604.format(id=kb_id, path=source, country=country))
    return KBEntry(
        id=kb_id,
        name=str(raw["name"]).strip(),
        aliases=tuple(_as_list(raw.get("aliases"))),
        sector=sector,
        country=country,
        type=_blank_to_none(raw.get("type")),
        tags=frozenset(_as_list(raw.get("tags"))),
        parent=_blank_to_none(raw.get("parent")),
        places=frozenset(_as_list(raw.get("places"))),
        description=str(raw.get("description") or ""),
        source=source,
    )


def state_entries() -> Iterator[KBEntry]:
    """The generated state, military, police and intelligence entries of every country."""
    by_iso3: dict[str, list[str]] = {}
    for name, iso3 in country_names().items():
        by_iso3.setdefault(iso3, []).append(name)
    for iso3, names in by_iso3.items():
        short = _short_name(iso3, names)
        aliases = tuple(n for n in names if n != short)
        yield KBEntry(
            id=iso3, name=short, aliases=aliases, sector="government", country=iso3, type="state",
            places=frozenset(names), source="pycountry",
        )
        for sector, suffix in STATE_SECTORS.items():
            if suffix:
                label = STATE_SECTOR_NAMES[sector]
                yield KBEntry(id=f"{iso3}-{suffix}", name=f"{short} {label}", sector=sector, country=iso3, type="state", parent=iso3, source="pycountry")


def _short_name(iso3: str, names: list[str]) -> str:
    """The everyday name of a country: ISO's common name, or its name when it has no comma.

    Curated entries in kb/states.yaml rename the rest ("Russian Federation" -> "Russia").
    """
    country = pycountry.countries.get(alpha_3=iso3)
    for attr in ("common_name", "name"):
        value = getattr(country, attr, None) if country else None
        if value and "," not in value:
            return value
    plain = [n for n in names if "," not in n and len(n) > 3]
    return min(plain, key=len) if plain else names[0]


def _merge(old: KBEntry, new: KBEntry) -> KBEntry:
    aliases = [a for a in (*old.names, *new.aliases) if a != new.name]
    return replace(
        old,
        name=new.name,
        aliases=tuple(dict.fromkeys(aliases)),
        sector=new.sector or old.sector,
        country=new.country or old.country,
        type=new.type or old.type,
        tags=old.tags | new.tags,
        places=old.places | new.places,
        parent=new.parent or old.parent,
        description=new.description or old.description,
        source=new.source,
    )


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in LIST_SEPARATORS.split(value.strip()) if v]
    return [str(v).strip() for v in value if str(v).strip()]


def _blank_to_none(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _append_unique(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)
