"""Toponym resolution: candidates from the gazetteer, ranked by priors and document context.

    from sitrep.places import resolve
    places = resolve(text, [(0, 10), (109, 119)])      # one Place per span, in order

Ranking, over all the spans of a document at once:
1. priors: the kind of feature (a country before a province before a town of the same name),
   population, national capitals, and whether the span is the record's main name or only one
   of its alternate names;
2. the span's neighbourhood: a qualifier after it ("Bangor, Maine"), a kind word ("province");
3. document context, in a few damped rounds: the countries and provinces the document's other
   places fall in (so Kunar next to Afghanistan is the Afghan province and a local US paper
   keeps its towns in the US), and nearness to its confidently placed places.
A span with no candidate stays unresolved with a low confidence, never a forced guess.
See docs/places.md for the weights and the figures they give.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.document import Place, Span
from sitrep.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CITY,
    CONTINENT,
    COUNTRY,
    GENERIC_WORDS,
    LANDFORM,
    NAME_PARTICLES,
    REGION,
    WATER,
    Gazetteer,
    load,
    normalize,
)

# articles and prepositions that begin place names ("La Vega", "El Paso", "Al Qaim"): alone, no place
PARTICLES = NAME_PARTICLES | {"le", "les", "lo", "al"}

# --- priors (log10-population units: +1 is worth a tenfold population) ---
KIND_PRIOR = {COUNTRY: 3.0, CONTINENT: 3.0, ADMIN1: 1.5, REGION: 2.5, WATER: 1.5, LANDFORM: 1.5, ADMIN2: 0.0, CITY: 0.0}
# curated records have no population; this stands in for one of a large area
CURATED_POP = 1_000_000
# admin-2 records carry the count of their towns, not people: a town is roughly this many people
ADMIN2_POP_PER_TOWN = 20_000
CAPITAL_BONUS = 3.0  # "Kabul", "Washington" alone mean the capital more often than the province or state
MAIN_NAME_BONUS = 2.0  # alternate names are noisy (airport codes, old names of other towns)
SHADOW_PENALTY = 3.0  # a town named like a state of its own country ("Oklahoma", Pennsylvania)
SUFFIX_MATCH_BONUS = 1.5  # "Rapides Parish", "Kunar province": the suffix says the kind
# --- context ---
QUALIFIER_BONUS = 8.0  # "Bangor, Maine": decisive
KIND_HINT_BONUS = 3.0  # "Kunar, Nangarhar and Nuristan provinces": the kind is named after the list
COUNTRY_CONTEXT = 6.0  # times the share of the document's other places in the candidate's country
ADMIN1_CONTEXT = 6.0  # times the share in the candidate's province or state
NEAR_KM, NEAR_BONUS = 150.0, 2.0  # another confidently placed town or province lies this close
REGION_KM, REGION_BONUS = 800.0, 1.0  # ... or any other place of the document lies this close
CONTEXT_ROUNDS = 3  # re-ranking rounds
# each round moves a span's weight in the context only halfway to its new probabilities, so
# two ambiguous names cannot flip each other back and forth ("Paris" and "U.S." -> "Us", FR)
CONTEXT_DAMPING = 0.5
ANCHOR_CONFIDENCE = 0.7  # places this sure anchor the nearness bonus
FALLBACK_PENALTY = 2.0  # a candidate found only after dropping words from the name
MAX_CANDIDATES = 40  # keep the best by prior; enough for "Springfield" (~40 in GeoNames)
# --- confidence ---
UNRESOLVED_CONFIDENCE = 0.1
DEMONYM_CONFIDENCE_CAP = 0.7  # a demonym names a people; the country is an inference
GUESS_CONFIDENCE_CAP = 0.4  # "Salinas Valley" read as "Salinas": right about half the time
# an unresolved name takes the document's main country when that many of its places lie there
FALLBACK_COUNTRY_SHARE = 0.5

SUFFIX_KINDS = {
    "county": {ADMIN2}, "parish": {ADMIN2}, "borough": {ADMIN2, CITY}, "district": {ADMIN2, ADMIN1},
    "province": {ADMIN1}, "state": {ADMIN1}, "governorate": {ADMIN1}, "region": {ADMIN1, REGION},
    "valley": {ADMIN1, ADMIN2, REGION, LANDFORM}, "city": {CITY}, "township": {CITY, ADMIN2},
    "town": {CITY}, "village": {CITY},
}
PLURAL_SUFFIXES = {"provinces": "province", "districts": "district", "counties": "county", "states": "state",
                   "regions": "region", "parishes": "parish", "valleys": "valley"}
# "Kunar province", "Kunar, Nangarhar and Nuristan provinces": a kind word after the name or list
KIND_AFTER = re.compile(
    r"(?:(?:,\s*|,?\s+and\s+)[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)*\s+(" + "|".join([*SUFFIX_KINDS, *PLURAL_SUFFIXES]) + r")\b",
    re.IGNORECASE,
)
# words dropped from an unknown name to find what it is part of or near
LEADING_WORDS = re.compile(r"^(north|south|east|west|northern|southern|eastern|western|central|downtown|greater|"
                           r"metro|upper|lower|port of|city of|county of|town of|lake|mount)\s+", re.IGNORECASE)
TRAILING_WORDS = re.compile(r"\s+(river|creek|lake|valley|mountains?|islands?|bay|station|township|colony|heights|"
                            r"park|area|county|region|village|springs?|hills?|beach|harbou?r|airport|"
                            r"national (?:park|forest|monument|lakeshore|seashore|wildlife refuge))$", re.IGNORECASE)
US_POSTAL = re.compile(r"[A-Z]{2}")
SHORT_CAPS = re.compile(r"[A-Z]{2,3}")  # "WA", "NSW": an abbreviation, not a town's name
ABBREVIATION_PENALTY = 3.0
ABBREVIATION_CONFIDENCE_CAP = 0.2  # under the stage's min_confidence (0.3): left unresolved
# Words of a country's local institutions. Each hit adds CUE_MASS of that country to the
# document's context (a place mention adds up to 1), from MIN_CUES hits on, at most MAX_CUE_MASS.
COUNTRY_CUES = {
    "US": re.compile(
        r"\b(sheriff'?s?|county (?:commission(?:ers?)?|board|jail|court(?:house)?|attorney|clerk)|township|"
        r"state troopers?|state police|district attorney|high school|school board|city council(?:man|woman)?|"
        r"alderm[ae]n|selectm[ae]n|interstate|I-\d+|Gov\.|Sen\.|Rep\.|\([DR]-[A-Z][\w.]*\)|ZIP|"
        r"Main Street|fire department|police chief|mayor)\b"
    ),
}
MIN_CUES, CUE_MASS, MAX_CUE_MASS = 2, 0.5, 6
REPORTING = (r"(said|says|say|announced|announces|warned|warns|denied|denies|accused|accuses|insisted|insists|"
             r"demanded|demands|wants|rejected|rejects|responded|condemned|condemns|agreed|agrees|refused|refuses|"
             r"claimed|claims|urged|urges|threatened|threatens|signed|signs|approved|imposed|sanctioned)")
METONYMY_AFTER = re.compile(r"\s*(has|have|had|will|would|is|was)?\s*" + REPORTING + r"\b")
METONYMY_BEFORE = re.compile(r"\b" + REPORTING + r"\s+by\s+$")


@dataclass
class Candidate:
    rec: int
    prior: float
    local: float = 0.0  # prior plus what the span's neighbourhood says
    score: float = 0.0  # local plus document context
    prob: float = 0.0  # damped probability among the span's candidates, the context's weight
    demonym: bool = False
    guessed: bool = False  # a fallback: the name with words dropped
    abbreviated: bool = False  # a town matched by a capitalised abbreviation ("WA" -> Wa)


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
    guessed: bool = False  # found only after dropping words from the name
    fallback_country: str | None = None  # alpha-2 guessed from the document for an unknown name


class Resolver:
    """Resolves the place spans of one document at a time against a gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load()

    # ------------------------------------------------------------------ candidates
    def candidates(self, text: str, start: int, end: int) -> list[Candidate]:
        """The gazetteer records a span may name, with their prior scores, best first."""
        raw = text[start:end].strip()
        if raw.lower() in PARTICLES and not raw.isupper():
            return []  # "La" cut from "La Vega" is no place ("LA" is Los Angeles)
        gaz = self.gaz
        abbreviation = self._state_abbreviation(raw, text[max(start - 2, 0):start], text[end:end + 1])
        if abbreviation is not None:
            return [Candidate(abbreviation, prior=10.0)]
        key = normalize(raw)
        found = [Candidate(r, self.prior(r, key)) for r in gaz.names.get(key, ())]
        found += self._suffix_candidates(key)
        rec = self._demonym_record(gaz.demonyms.get(key))
        if rec is not None:
            found.append(Candidate(rec, prior=12.0, demonym=True))
        if not found:
            found = [Candidate(c.rec, c.prior, guessed=True) for c in self._fallback_candidates(key, raw)]
        self._shadow_towns(found)
        if SHORT_CAPS.fullmatch(raw):
            self._abbreviated_towns(found)
        best: dict[int, Candidate] = {}
        for c in found:
            if c.rec not in best or c.prior > best[c.rec].prior:
                best[c.rec] = c
        return sorted(best.values(), key=lambda c: -c.prior)[:MAX_CANDIDATES]

    def _demonym_record(self, target: str | None) -> int | None:
        """The record a demonym points to: "AF" a country, "US.TX" a state, "name:Europe"."""
        gaz = self.gaz
        if not target:
            return None
        if target.startswith("name:"):
            areas = [r for r in gaz.lookup(target[5:]) if gaz.kind[r] in (CONTINENT, REGION, COUNTRY, ADMIN1)]
            return areas[0] if areas else None
        return gaz.admin1_record.get(target) if "." in target else gaz.country_record.get(target)

    def _shadow_towns(self, found: list[Candidate]) -> None:
        """"Oklahoma", "Kansas": a town named like its own country's state or country is
        rarely meant without a qualifier ("Kansas, Ill." still wins through the qualifier)."""
        gaz = self.gaz
        areas = {gaz.cc[c.rec] for c in found if gaz.kind[c.rec] in (COUNTRY, ADMIN1)}
        for c in found:
            if gaz.kind[c.rec] == CITY and gaz.cc[c.rec] in areas and c.rec not in gaz.capital:
                c.prior -= SHADOW_PENALTY

    def _abbreviated_towns(self, found: list[Candidate]) -> None:
        """"WA", "SA", "NT" in capitals are abbreviations (of states, regions, parties), not the
        towns Wa or Sa: a town keeps a confidence below what the stage accepts as resolved."""
        for c in found:
            if self.gaz.kind[c.rec] == CITY:
                c.prior -= ABBREVIATION_PENALTY
                c.abbreviated = True

    def _state_abbreviation(self, raw: str, before: str, after: str = "") -> int | None:
        """"Ky.", "Calif." (AP style), or "KY" right after a comma: the US state's record."""
        gaz = self.gaz
        key = gaz.ap_states.get(raw.lower().replace(" ", "")) if raw.endswith(".") else None
        if key is None and after == "." and raw[:1].isupper():  # the span left the period out: "Calif"
            key = gaz.ap_states.get(raw.lower() + ".")
        if key is None and US_POSTAL.fullmatch(raw) and before == ", ":
            key = f"US.{raw}"
        return gaz.admin1_record.get(key) if key else None

    def _fallback_candidates(self, key: str, raw: str) -> list[Candidate]:
        """An unknown name: try it without a possessive, a direction or a kind word."""
        tries = []
        if key.endswith(" s"):  # possessive "Kabul's"
            tries.append(key[:-2])
        tries.append(normalize(LEADING_WORDS.sub("", raw)))
        tries.append(normalize(TRAILING_WORDS.sub("", raw)))
        out = []
        for base in tries:
            if base and base != key:
                out += [Candidate(r, self.prior(r, base) - FALLBACK_PENALTY) for r in self.gaz.names.get(base, ())]
        return out

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
        # official and curated names count as the record's own; mere variants (a town's
        # alternate names, transliterations) do not
        if normalize(gaz.name[rec]) == key or (rec, key) in gaz.primary:
            score += MAIN_NAME_BONUS
        return score

    # ------------------------------------------------------------------ ranking
    def resolve(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Resolution]:
        """Resolve every span of one document; the spans share its context."""
        results = []
        for start, end in spans:
            res = Resolution(start, end, text[start:end])
            res.candidates = self.candidates(text, start, end)
            for c in res.candidates:
                c.local = c.prior + self._local_score(text, res, c.rec)
                c.score = c.local
            _update_probs(res.candidates, damping=0.0)
            results.append(res)
        cues = country_cues(text)
        for _ in range(CONTEXT_ROUNDS):
            context = _Context.from_results(self.gaz, results, cues)
            for res in results:
                for c in res.candidates:
                    c.score = c.local + context.score(c.rec, normalize(res.text))
                _update_probs(res.candidates, damping=CONTEXT_DAMPING)
        context = _Context.from_results(self.gaz, results, cues)
        for res in results:
            self._decide(text, res, context)
        return results

    def _local_score(self, text: str, res: Resolution, rec: int) -> float:
        """What the span's own neighbourhood says: a qualifier after it, a kind word."""
        score = self._qualifier_score(rec, self._qualifiers(text, res.end))
        hint = KIND_AFTER.match(text, res.end)
        if hint:
            word = hint.group(1).lower()
            if self.gaz.kind[rec] in SUFFIX_KINDS[PLURAL_SUFFIXES.get(word, word)]:
                score += KIND_HINT_BONUS
        return score

    def _decide(self, text: str, res: Resolution, context: _Context) -> None:
        if not res.candidates:
            res.rec, res.confidence = None, UNRESOLVED_CONFIDENCE
            res.fallback_country = context.main_country()
            return
        probs = _softmax([c.score for c in res.candidates])
        i = max(range(len(probs)), key=probs.__getitem__)
        top = res.candidates[i]
        if normalize(res.text) in GENERIC_WORDS and self.gaz.cc[top.rec] != context.main_country():
            # "the South", "Central": Cameroon's South region only in an article about Cameroon
            res.rec, res.confidence = None, UNRESOLVED_CONFIDENCE
            res.fallback_country = context.main_country()
            return
        res.rec, res.demonym = top.rec, top.demonym
        res.confidence = round(probs[i], 3)
        if top.demonym:
            res.confidence = min(res.confidence, DEMONYM_CONFIDENCE_CAP)
        if top.guessed:
            res.guessed = True
            res.confidence = min(res.confidence, GUESS_CONFIDENCE_CAP)
        if top.abbreviated:
            res.confidence = min(res.confidence, ABBREVIATION_CONFIDENCE_CAP)
        if self.gaz.kind[top.rec] == COUNTRY or top.rec in self.gaz.capital:
            res.metonymy = bool(METONYMY_AFTER.match(text, res.end) or METONYMY_BEFORE.search(text, max(res.start - 40, 0), res.start))

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
            if res.fallback_country:
                place.country = self.gaz.iso3.get(res.fallback_country)
            return place
        gaz, r = self.gaz, res.rec
        place.name = gaz.name[r]
        place.lat, place.lon = gaz.lat[r], gaz.lon[r]
        place.country = gaz.iso3.get(gaz.cc[r]) if gaz.cc[r] else None
        key = gaz.admin1[r]
        if key and gaz.kind[r] != COUNTRY:
            place.admin1 = gaz.admin1_name(key)
            place.admin1_code = gaz.admin1_iso.get(key)
        elif gaz.kind[r] == ADMIN1:  # a province only ISO 3166-2 knows
            place.admin1, place.admin1_code = gaz.name[r], gaz.iso_codes.get(r)
        place.feature_class = gaz.kind[r]
        place.gazetteer_id = f"geonames:{gaz.gid[r]}" if gaz.gid[r] else f"sitrep:{gaz.kind[r]}:{normalize(gaz.name[r]).replace(' ', '_')}"
        return place


@dataclass
class _Context:
    """Where a document's places fall, as probability mass per country and per province
    (every candidate weighted by its current probability), and anchor points for nearness."""

    gaz: Gazetteer
    countries: Counter
    admin1s: Counter
    by_surface: dict[str, tuple[Counter, Counter]]
    anchors: list[tuple[str, str, float, float]]  # surface, kind, lat, lon
    total_countries: float = 0.0
    total_admin1s: float = 0.0

    @classmethod
    def from_results(cls, gaz: Gazetteer, results: list[Resolution], cues: Counter | None = None) -> _Context:
        countries, admin1s = Counter(cues or {}), Counter()
        by_surface: dict[str, tuple[Counter, Counter]] = defaultdict(lambda: (Counter(), Counter()))
        anchors = []
        for res in results:
            if not res.candidates:
                continue
            surface = normalize(res.text)
            own_c, own_a = by_surface[surface]
            probs = [c.prob for c in res.candidates]
            for c, p in zip(res.candidates, probs):
                cc, key, kind = gaz.cc[c.rec], gaz.admin1[c.rec], gaz.kind[c.rec]
                if cc:
                    countries[cc] += p
                    own_c[cc] += p
                if key and kind != COUNTRY:
                    admin1s[key] += p
                    own_a[key] += p
            best = max(range(len(probs)), key=probs.__getitem__)
            if probs[best] >= ANCHOR_CONFIDENCE:
                r = res.candidates[best].rec
                anchors.append((surface, gaz.kind[r], gaz.lat[r], gaz.lon[r]))
        return cls(gaz, countries, admin1s, dict(by_surface), anchors,
                   sum(countries.values()), sum(admin1s.values()))

    def score(self, rec: int, surface: str) -> float:
        """Context bonus of a candidate, leaving out the evidence of its own surface form."""
        gaz = self.gaz
        own_c, own_a = self.by_surface.get(surface, (Counter(), Counter()))
        total_c = self.total_countries - sum(own_c.values())
        total_a = self.total_admin1s - sum(own_a.values())
        bonus = 0.0
        cc, kind = gaz.cc[rec], gaz.kind[rec]
        if total_c > 1e-9:
            if cc:
                bonus += COUNTRY_CONTEXT * (self.countries[cc] - own_c[cc]) / total_c
            else:  # an ocean or a continent spans countries: it fits the document's main one
                bonus += COUNTRY_CONTEXT * max((m - own_c[c]) / total_c for c, m in self.countries.items())
        key = gaz.admin1[rec]
        if total_a > 1e-9 and key and kind != COUNTRY:
            bonus += ADMIN1_CONTEXT * (self.admin1s[key] - own_a[key]) / total_a
        elif total_a > 1e-9 and kind == COUNTRY:  # a country holds the provinces named around it
            inside = sum(m - own_a[k] for k, m in self.admin1s.items() if k.startswith(cc + "."))
            bonus += ADMIN1_CONTEXT * inside / total_a
        if gaz.kind[rec] in (CITY, ADMIN2, ADMIN1, LANDFORM, WATER):
            bonus += self._nearness(rec, surface)
        return bonus

    def _nearness(self, rec: int, surface: str) -> float:
        lat, lon = self.gaz.lat[rec], self.gaz.lon[rec]
        best = 0.0
        for s, kind, a, b in self.anchors:
            if s == surface or abs(a - lat) > REGION_KM / KM_PER_DEGREE:
                continue
            d = haversine_km(lat, lon, a, b)
            if d < NEAR_KM and kind in (CITY, ADMIN2, ADMIN1):
                return NEAR_BONUS
            if d < REGION_KM:
                best = REGION_BONUS
        return best

    def main_country(self) -> str | None:
        """The country holding at least FALLBACK_COUNTRY_SHARE of the document's place mass."""
        total = self.total_countries
        if not total:
            return None
        cc, mass = self.countries.most_common(1)[0]
        return cc if mass / total >= FALLBACK_COUNTRY_SHARE else None


def country_cues(text: str) -> Counter:
    """Pseudo place mass from words that mark a country's local news ("sheriff", "county
    commissioners", "(R-Texas)"): a document-context prior, not a list of towns."""
    out = Counter()
    for cc, pattern in COUNTRY_CUES.items():
        hits = len(pattern.findall(text))
        if hits >= MIN_CUES:
            out[cc] = min(hits, MAX_CUE_MASS) * CUE_MASS
    return out


def _update_probs(candidates: list[Candidate], damping: float) -> None:
    """Move each candidate's probability towards the softmax of its score."""
    if not candidates:
        return
    for c, p in zip(candidates, _softmax([c.score for c in candidates])):
        c.prob = damping * c.prob + (1 - damping) * p


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


KM_PER_DEGREE = 111.2  # of latitude: a cheap bound before the great-circle distance


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
