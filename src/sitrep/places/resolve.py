"""Toponym resolution: candidates from the gazetteer, ranked by priors and document context.

    from sitrep.places import resolve
    places = resolve(text, [(0, 10), (109, 119)])      # one Place per span, in order

Ranking, in two passes over a document's spans:
1. priors: the kind of feature (a country before a province before a town of the same name),
   population, national capitals, and whether the span is the record's main name or only one
   of its alternate names;
2. context: an explicit qualifier after the span ("Bangor, Maine"), the countries and
   provinces the document's other places fall in (so Kunar next to Afghanistan is the Afghan
   province and a local US paper keeps its towns in the US), and nearness to those places.
A span with no candidate stays unresolved with a low confidence, never a forced guess.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.document import Place, Span
from sitrep.places.gazetteer import (
    ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, LANDFORM, REGION, WATER, Gazetteer, load, normalize,
)

# --- priors (log10-population units: +1 is worth a tenfold population) ---
KIND_PRIOR = {COUNTRY: 3.0, CONTINENT: 3.0, ADMIN1: 1.5, REGION: 2.5, WATER: 1.5, LANDFORM: 1.5, ADMIN2: 0.0, CITY: 0.0}
# curated records have no population; this stands in for one of a large area
CURATED_POP = 1_000_000
# admin-2 records carry the count of their towns, not people: a town is roughly this many people
ADMIN2_POP_PER_TOWN = 20_000
CAPITAL_BONUS = 2.0  # "Kabul", "Washington" alone mean the capital more often than the province or state
MAIN_NAME_BONUS = 2.0  # alternate names are noisy (airport codes, old names of other towns)
SUFFIX_MATCH_BONUS = 1.5  # "Rapides Parish", "Kunar province": the suffix says the kind
# --- context ---
QUALIFIER_BONUS = 8.0  # "Bangor, Maine": decisive
COUNTRY_CONTEXT = 4.0  # times the share of the document's other places in the candidate's country
ADMIN1_CONTEXT = 3.0  # times the share in the candidate's province or state
NEAR_KM, NEAR_BONUS = 150.0, 2.0  # another place of the document lies this close
MAX_CANDIDATES = 40  # keep the best by prior; enough for "Springfield" (~40 in GeoNames)
# --- confidence ---
UNRESOLVED_CONFIDENCE = 0.1
DEMONYM_CONFIDENCE_CAP = 0.7  # a demonym names a people; the country is an inference

SUFFIX_KINDS = {
    "county": {ADMIN2}, "parish": {ADMIN2}, "borough": {ADMIN2, CITY}, "district": {ADMIN2, ADMIN1},
    "province": {ADMIN1}, "state": {ADMIN1}, "governorate": {ADMIN1}, "region": {ADMIN1, REGION},
    "valley": {ADMIN1, ADMIN2, REGION, LANDFORM}, "city": {CITY}, "township": {CITY, ADMIN2},
    "town": {CITY}, "village": {CITY},
}
US_POSTAL = re.compile(r"[A-Z]{2}")
METONYMY_VERBS = re.compile(
    r"\s*(has|have|had|will|would|is|was)?\s*(said|says|say|announced|announces|warned|warns|denied|denies|"
    r"accused|accuses|insisted|insists|demanded|demands|wants|rejected|rejects|responded|condemned|condemns|"
    r"agreed|agrees|refused|refuses|claimed|claims|urged|urges|threatened|threatens|signed|signs|approved)\b"
)


@dataclass
class Candidate:
    rec: int
    prior: float
    score: float = 0.0
    demonym: bool = False


@dataclass
class Resolution:
    """The outcome for one span: the chosen record (or None) and how sure the ranking is."""

    start: int
    end: int
    text: str
    rec: int | None = None
    confidence: float = UNRESOLVED_CONFIDENCE
    candidates: list[Candidate] = field(default_factory=list)
    demonym: bool = False
    metonymy: bool = False


class Resolver:
    """Resolves the place spans of one document at a time against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load()

    # ------------------------------------------------------------------ candidates
    def candidates(self, text: str, start: int, end: int) -> list[Candidate]:
        """The gazetteer records a span may name, with their prior scores, best first."""
        raw = text[start:end].strip()
        gaz = self.gaz
        ap = gaz.ap_states.get(raw.lower())
        if ap and raw.endswith(".") and ap in gaz.admin1_record:
            return [Candidate(gaz.admin1_record[ap], prior=10.0)]
        if US_POSTAL.fullmatch(raw) and text[max(start - 2, 0):start] == ", ":
            key = f"US.{raw}"
            if key in gaz.admin1_record:
                return [Candidate(gaz.admin1_record[key], prior=10.0)]
        key = normalize(raw)
        found = [Candidate(r, self.prior(r, key)) for r in gaz.names.get(key, ())]
        found += self._suffix_candidates(key)
        if key in gaz.demonyms and gaz.demonyms[key] in gaz.country_record:
            found.append(Candidate(gaz.country_record[gaz.demonyms[key]], prior=12.0, demonym=True))
        if not found and key.endswith(" s"):  # possessive "Kabul's"
            found = [Candidate(r, self.prior(r, key[:-2])) for r in gaz.names.get(key[:-2], ())]
        best: dict[int, Candidate] = {}
        for c in found:
            if c.rec not in best or c.prior > best[c.rec].prior:
                best[c.rec] = c
        return sorted(best.values(), key=lambda c: -c.prior)[:MAX_CANDIDATES]

    def _suffix_candidates(self, key: str) -> list[Candidate]:
        """"Kunar province" -> the province Kunar; "Cook County" -> the county (kind-restricted)."""
        words = key.split()
        if len(words) < 2 or words[-1] not in SUFFIX_KINDS:
            return []
        kinds = SUFFIX_KINDS[words[-1]]
        base = " ".join(words[:-1])
        return [Candidate(r, self.prior(r, base) + SUFFIX_MATCH_BONUS)
                for r in self.gaz.names.get(base, ()) if self.gaz.kind[r] in kinds]

    def prior(self, rec: int, key: str) -> float:
        gaz = self.gaz
        kind = gaz.kind[rec]
        pop = gaz.pop[rec]
        if kind == ADMIN2:
            pop *= ADMIN2_POP_PER_TOWN
        elif kind in (REGION, WATER, LANDFORM):
            pop = CURATED_POP
        score = KIND_PRIOR.get(kind, 0.0) + math.log10(pop + 10)
        if rec in gaz.capital:
            score += CAPITAL_BONUS
        if normalize(gaz.name[rec]) == key:
            score += MAIN_NAME_BONUS
        return score

    # ------------------------------------------------------------------ ranking
    def resolve(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Resolution]:
        """Resolve every span of one document; the spans share its context."""
        results = []
        for start, end in spans:
            res = Resolution(start, end, text[start:end])
            res.candidates = self.candidates(text, start, end)
            results.append(res)
        for res in results:  # pass 1: priors and qualifiers
            self._rank(text, res, None)
        context = _Context.from_results(self.gaz, results)
        for res in results:  # pass 2: with the document's other places
            self._rank(text, res, context)
        return results

    def _rank(self, text: str, res: Resolution, context: _Context | None) -> None:
        if not res.candidates:
            res.rec, res.confidence = None, UNRESOLVED_CONFIDENCE
            return
        qualifiers = self._qualifiers(text, res.end)
        for c in res.candidates:
            c.score = c.prior + self._qualifier_score(c.rec, qualifiers)
            if context is not None:
                c.score += context.score(c.rec, normalize(res.text))
        ranked = sorted(res.candidates, key=lambda c: -c.score)
        top = ranked[0]
        margin = top.score - ranked[1].score if len(ranked) > 1 else 4.0
        res.rec = top.rec
        res.demonym = top.demonym
        res.confidence = round(1 / (1 + math.exp(-margin)), 3)
        if top.demonym:
            res.confidence = min(res.confidence, DEMONYM_CONFIDENCE_CAP)
        kind = self.gaz.kind[top.rec]
        res.metonymy = (kind == COUNTRY or top.rec in self.gaz.capital) and bool(METONYMY_VERBS.match(text[res.end:res.end + 40]))

    def _qualifiers(self, text: str, end: int) -> list[int]:
        """Records named right after the span: ", Maine", ", Ky.", ", Afghanistan", " (Maine)"."""
        m = re.match(r"\s*[,(]\s*([A-Z][\w.]*(?:[ -][A-Z][\w.]*){0,2})", text[end:end + 40])
        if not m:
            return []
        name = m.group(1)
        recs = []
        ap = self.gaz.ap_states.get(name.lower()) or (f"US.{name}" if US_POSTAL.fullmatch(name) else None)
        if ap and ap in self.gaz.admin1_record:
            recs.append(self.gaz.admin1_record[ap])
        words = name.rstrip(".").split()
        for n in range(len(words), 0, -1):  # longest prefix that names something
            hits = [r for r in self.gaz.names.get(normalize(" ".join(words[:n])), ())
                    if self.gaz.kind[r] in (COUNTRY, ADMIN1, ADMIN2)]
            if hits:
                recs += hits
                break
        return recs

    def _qualifier_score(self, rec: int, qualifiers: list[int]) -> float:
        gaz = self.gaz
        for q in qualifiers:
            kind = gaz.kind[q]
            if kind == COUNTRY and gaz.cc[rec] == gaz.cc[q] and rec != q:
                return QUALIFIER_BONUS
            if kind == ADMIN1 and gaz.admin1[rec] == gaz.admin1[q] and rec != q:
                return QUALIFIER_BONUS
            if kind == ADMIN2 and gaz.admin1[rec] == gaz.admin1[q] and rec != q and gaz.kind[rec] == CITY:
                return QUALIFIER_BONUS / 2
        return 0.0

    # ------------------------------------------------------------------ output
    def to_place(self, res: Resolution, pid: str, sentence: int = 0) -> Place:
        place = Place(id=pid, start=res.start, end=res.end, text=res.text, sentence=sentence,
                      confidence=res.confidence, resolved=res.rec is not None, metonymy=res.metonymy)
        if res.rec is None:
            return place
        gaz, r = self.gaz, res.rec
        place.lat, place.lon = gaz.lat[r], gaz.lon[r]
        place.country = gaz.iso3.get(gaz.cc[r]) if gaz.cc[r] else None
        key = gaz.admin1[r]
        if key and gaz.kind[r] != COUNTRY:
            place.admin1 = gaz.admin1_name(key)
            place.admin1_code = gaz.admin1_iso.get(key)
        place.feature_class = gaz.kind[r]
        place.gazetteer_id = f"geonames:{gaz.gid[r]}" if gaz.gid[r] else f"sitrep:{gaz.kind[r]}:{normalize(gaz.name[r]).replace(' ', '_')}"
        return place


@dataclass
class _Context:
    """Where a document's places fall: weights per country and per province, and points."""

    gaz: Gazetteer
    countries: Counter
    admin1s: Counter
    by_surface: dict[str, tuple[Counter, Counter]]
    points: list[tuple[str, float, float]]

    @classmethod
    def from_results(cls, gaz: Gazetteer, results: list[Resolution]) -> _Context:
        countries, admin1s = Counter(), Counter()
        by_surface: dict[str, tuple[Counter, Counter]] = defaultdict(lambda: (Counter(), Counter()))
        points = []
        for res in results:
            if res.rec is None:
                continue
            surface = normalize(res.text)
            w = res.confidence
            cc, key, kind = gaz.cc[res.rec], gaz.admin1[res.rec], gaz.kind[res.rec]
            own_c, own_a = by_surface[surface]
            if cc:
                countries[cc] += w
                own_c[cc] += w
            if key and kind != COUNTRY:
                admin1s[key] += w
                own_a[key] += w
            if kind in (CITY, ADMIN2, ADMIN1) and res.confidence >= 0.7:
                points.append((surface, gaz.lat[res.rec], gaz.lon[res.rec]))
        return cls(gaz, countries, admin1s, dict(by_surface), points)

    def score(self, rec: int, surface: str) -> float:
        """Context bonus of a candidate, leaving out the evidence of its own surface form."""
        gaz = self.gaz
        own_c, own_a = self.by_surface.get(surface, (Counter(), Counter()))
        total_c = sum(self.countries.values()) - sum(own_c.values())
        total_a = sum(self.admin1s.values()) - sum(own_a.values())
        bonus = 0.0
        if total_c > 0 and gaz.cc[rec]:
            bonus += COUNTRY_CONTEXT * (self.countries[gaz.cc[rec]] - own_c[gaz.cc[rec]]) / total_c
        key = gaz.admin1[rec]
        if total_a > 0 and key and gaz.kind[rec] != COUNTRY:
            bonus += ADMIN1_CONTEXT * (self.admin1s[key] - own_a[key]) / total_a
        if gaz.kind[rec] in (CITY, ADMIN2):
            lat, lon = gaz.lat[rec], gaz.lon[rec]
            if any(s != surface and haversine_km(lat, lon, a, b) < NEAR_KM for s, a, b in self.points):
                bonus += NEAR_BONUS
        return bonus


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


_default: Resolver | None = None


def resolve(text: str, spans: Sequence[tuple[int, int] | Span]) -> list[Place]:
    """Resolve given place spans of one text: one `Place` per span, in order (ids p1, p2, ...).

    Args:
        text: The document text; the spans' offsets index into it.
        spans: (start, end) character offsets, or `Span`/`Mention` objects.
    Returns:
        Places with lat, lon, country (ISO3), admin1, feature_class, gazetteer_id and a
        confidence; `resolved=False` with a low confidence where no candidate exists.
    """
    global _default
    if _default is None:
        _default = Resolver()
    pairs = [(s.start, s.end) if isinstance(s, Span) else (int(s[0]), int(s[1])) for s in spans]
    for start, end in pairs:
        if not 0 <= start < end <= len(text):
            from sitrep.errors import Errors, SitrepError

            raise SitrepError(Errors.E403.format(start=start, end=end, length=len(text)))
    results = _default.resolve(text, pairs)
    return [_default.to_place(r, f"p{i + 1}") for i, r in enumerate(results)]
