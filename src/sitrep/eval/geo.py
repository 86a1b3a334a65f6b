"""`sitrep eval geo`: toponym resolution and recognition on LGL-style and GeoVirus-style XML.

    sitrep eval geo --data ../shared/data/geoparsing/lgl.xml [--json]

Two measurements:
- **given gold spans** (`sitrep.places.resolve` alone): accuracy within 161 km (`acc_161km`),
  where a resolution also counts as correct when it names the same feature as the gold (the
  same GeoNames id in LGL; in GeoVirus, whose gold is a Wikipedia page, a country or province
  whose name is the page's title and which holds the gold point), since countries and provinces
  have different reference points in different gazetteers. The plain-distance figure and the
  exact-id accuracy are reported beside it, with median and mean error, the AUC of the log
  error curve (lower is better), country accuracy and accuracy by confidence bin;
- **end to end** (the pipeline's `doc._.places`): recognition precision/recall/F1 against the
  gold spans (exact offsets, and any overlap) and the resolution figures on matched spans.
An unresolved span counts as the largest possible error (half the Earth's circumference).
"""

from __future__ import annotations

import math
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lxml import etree

from sitrep.errors import Errors, SitrepError

PLACE_STAGES = ("sitrep_entities", "sitrep_places")  # what the end-to-end measurement runs,
NAME_STAGES = ("sitrep_encoder_ner",)  # after the config's stages that set doc.ents
CORRECT_KM = 161.0  # 100 miles, the field's standard threshold
MAX_ERROR_KM = 20_038.0  # half the Earth's circumference: the error of a missing answer
NEAREST_TOWN_KM = 25.0  # farther than this, the nearest town may lie across a border
CONFIDENCE_BINS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.01)
AREAL_KINDS = {"country", "admin1", "region", "continent"}  # reference points differ by gazetteer


@dataclass
class Gold:
    start: int
    end: int
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country_gid: int | None = None  # LGL: the gold's country as a GeoNames id
    page: str | None = None  # GeoVirus: Wikipedia page of the gold
    fcode: str | None = None


@dataclass
class Article:
    text: str
    golds: list[Gold]
    title: str | None = None


def read_corpus(path: Path) -> list[Article]:
    """Articles of an LGL-style (<toponym>/<gaztag>) or GeoVirus-style (<location>) XML file."""
    root = etree.parse(str(path)).getroot()
    articles = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        if art.find("toponyms") is not None:
            golds = [_lgl_gold(t) for t in art.iter("toponym")]
        elif art.find("locations") is not None:
            golds = [_geovirus_gold(text, loc) for loc in art.iter("location")]
        else:
            raise SitrepError(Errors.E404.format(path=path))
        articles.append(Article(text, golds, art.findtext("title")))
    if not articles:
        raise SitrepError(Errors.E404.format(path=path))
    return articles


def _lgl_gold(t: Any) -> Gold:
    g = Gold(int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase") or "")
    tag = t.find("gaztag")
    if tag is not None and tag.findtext("lat"):
        g.lat, g.lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
        g.geonameid = int(tag.get("geonameid"))
        g.fcode = tag.findtext("fcode")
        country = tag.find("country")
        if country is not None and country.get("geonameid"):
            g.country_gid = int(country.get("geonameid"))
    return g


def _geovirus_gold(text: str, loc: Any) -> Gold:
    name = loc.findtext("name") or ""
    start, end = int(loc.findtext("start")), int(loc.findtext("end"))
    # GeoVirus offsets are one past the name in the released file; find the name near them
    for shift in (0, -1, 1, -2, 2):
        if text[start + shift:end + shift] == name:
            start, end = start + shift, end + shift
            break
    return Gold(start, end, name, float(loc.findtext("lat")), float(loc.findtext("lon")), page=loc.findtext("page"))


# --------------------------------------------------------------------------- scoring


class _CountryShapes:
    """Country outlines (countryinfo's GeoJSON, coarse) for point-in-country tests."""

    def __init__(self) -> None:
        from sitrep.places.gazetteer import _countryinfo

        self.rings: list[tuple[str, tuple[float, float, float, float], list[list[float]]]] = []
        for iso, rec in _countryinfo().items():
            for feature in (rec.get("geoJSON") or {}).get("features", []):
                geom = feature.get("geometry") or {}
                polygons = geom.get("coordinates", [])
                if geom.get("type") == "Polygon":
                    polygons = [polygons]
                for polygon in polygons:
                    ring = polygon[0]  # outer ring; holes (lakes, enclaves) are ignored
                    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                    self.rings.append((iso, (min(xs), min(ys), max(xs), max(ys)), ring))

    def country_at(self, lat: float, lon: float) -> str | None:
        for iso, (x0, y0, x1, y1), ring in self.rings:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and _inside(lon, lat, ring):
                return iso
        return None


def _inside(x: float, y: float, ring: list[list[float]]) -> bool:
    """Ray casting: does the polygon ring hold the point?"""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


class _Judge:
    """Decides whether a resolved place matches a gold place."""

    def __init__(self) -> None:
        from sitrep.places.gazetteer import load

        self.gaz = load()
        self.country_of_gid = {self.gaz.gid[r]: cc for cc, r in self.gaz.country_record.items()}
        self._cc_cache: dict[tuple[float, float], str | None] = {}
        self._rec_of_gid: dict[int, int] | None = None
        self._shapes: _CountryShapes | None = None

    @property
    def record_of_gid(self) -> dict[int, int]:
        if self._rec_of_gid is None:
            self._rec_of_gid = {g: r for r, g in enumerate(self.gaz.gid) if g}
        return self._rec_of_gid

    def gold_country(self, g: Gold) -> str | None:
        """ISO alpha-2 of the gold's country: LGL's own tag, else the country holding the point."""
        if g.country_gid is not None:
            return self.country_of_gid.get(g.country_gid)
        if g.geonameid is not None or g.lat is None:
            return None  # LGL gold without a country: a continent or an ocean
        if self._page_names_multicountry(g.page):
            return None
        return self._point_country(g.lat, g.lon)

    def _point_country(self, lat: float, lon: float) -> str | None:
        """The country of the nearest town, unless that town is far and a country outline
        holds the point (the outlines are coarse: small states lie inside their neighbours')."""
        key = (lat, lon)
        if key not in self._cc_cache:
            import reverse_geocode

            from sitrep.places.resolver import haversine_km

            town = reverse_geocode.search([(lat, lon)])[0]
            cc = town["country_code"]
            if haversine_km(lat, lon, town["latitude"], town["longitude"]) > NEAREST_TOWN_KM:
                cc = self.shapes.country_at(lat, lon) or cc
            self._cc_cache[key] = cc
        return self._cc_cache[key]

    @property
    def shapes(self) -> _CountryShapes:
        if self._shapes is None:
            self._shapes = _CountryShapes()
        return self._shapes

    def _page_names(self, page: str | None) -> set[int]:
        if not page:
            return set()
        title = unquote(page.rsplit("/", 1)[-1]).replace("_", " ")
        title = re.sub(r"\s*\(.*\)$", "", title).split(",")[0]
        return set(self.gaz.lookup(title))

    def _page_names_multicountry(self, page: str | None) -> bool:
        return any(self.gaz.cc[r] == "" for r in self._page_names(page))

    def same_feature(self, place: Any, rec: int | None, g: Gold) -> bool:
        """The resolution names the gold's feature (not merely a point near it)."""
        if rec is None:
            return False
        if g.geonameid is not None:
            return self.gaz.gid[rec] == g.geonameid
        if g.page and self.gaz.kind[rec] in AREAL_KINDS and rec in self._page_names(g.page):
            return self.gaz.cc[rec] == "" or self._point_country(g.lat, g.lon) == self.gaz.cc[rec]
        return False


def score(pairs: list[tuple[Gold, Any, int | None]], judge: _Judge) -> dict[str, Any]:
    """Resolution metrics over (gold, Place, record id) triples of golds that have a point."""
    from sitrep.places.resolver import haversine_km

    errors, correct, plain, exact, conf_bins = [], 0, 0, 0, [[0, 0] for _ in CONFIDENCE_BINS[:-1]]
    country_total = country_right = 0
    for g, place, rec in pairs:
        err = haversine_km(g.lat, g.lon, place.lat, place.lon) if place is not None and place.resolved else MAX_ERROR_KM
        same = judge.same_feature(place, rec, g)
        ok = err <= CORRECT_KM or same
        errors.append(0.0 if same else err)
        correct += ok
        plain += err <= CORRECT_KM
        exact += same
        gold_cc = judge.gold_country(g)
        if gold_cc:
            # an unresolved place may still carry the document's country (Place.country, ISO3)
            country_total += 1
            country_right += place is not None and place.country == judge.gaz.iso3.get(gold_cc)
        conf = place.confidence if place is not None else 0.0
        for i in range(len(CONFIDENCE_BINS) - 1):
            if CONFIDENCE_BINS[i] <= conf < CONFIDENCE_BINS[i + 1]:
                conf_bins[i][0] += 1
                conf_bins[i][1] += ok
    n = len(pairs) or 1
    return {
        "n": len(pairs),
        "acc_161km": round(correct / n, 4),
        "acc_161km_distance_only": round(plain / n, 4),
        "exact_feature": round(exact / n, 4),
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "auc": round(statistics.fmean(math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in errors), 4) if errors else None,
        "country_accuracy": round(country_right / country_total, 4) if country_total else None,
        "country_n": country_total,
        "by_confidence": {
            f"{CONFIDENCE_BINS[i]:.1f}-{min(CONFIDENCE_BINS[i + 1], 1.0):.1f}": {
                "n": b[0], "acc_161km": round(b[1] / b[0], 4) if b[0] else None}
            for i, b in enumerate(conf_bins)
        },
    }


def given_spans(articles: list[Article], judge: _Judge) -> dict[str, Any]:
    """Resolve the gold spans themselves: resolution measured alone."""
    from sitrep.places.resolver import Resolver

    resolver = Resolver(judge.gaz)
    golds_of = [[g for g in art.golds if g.lat is not None] for art in articles]
    start, cpu_start = time.perf_counter(), time.process_time()
    resolved = [resolver.resolve(art.text, [(g.start, g.end) for g in golds]) for art, golds in zip(articles, golds_of)]
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    n_spans = sum(len(golds) for golds in golds_of)
    pairs, candidate_hits = [], 0
    for golds, results in zip(golds_of, resolved):
        for g, res in zip(golds, results):
            pairs.append((g, resolver.to_place(res, "p"), res.rec))
            candidate_hits += any(_candidate_ok(judge, c.rec, g) for c in res.candidates)
    out = score(pairs, judge)
    out["candidate_recall"] = round(candidate_hits / (len(pairs) or 1), 4)
    out["resolutions_per_s"] = round(n_spans / seconds) if seconds else None
    # CPU time: the wall-clock rate depends on what else runs on the machine
    out["resolutions_per_cpu_s"] = round(n_spans / cpu_seconds) if cpu_seconds else None
    return out


def _candidate_ok(judge: _Judge, rec: int, g: Gold) -> bool:
    from sitrep.places.resolver import haversine_km

    gaz = judge.gaz
    return judge.same_feature(None, rec, g) or haversine_km(g.lat, g.lon, gaz.lat[rec], gaz.lon[rec]) <= CORRECT_KM


def end_to_end(articles: list[Article], nlp: Any, judge: _Judge) -> dict[str, Any]:
    """Run the pipeline; score its place spans against the gold spans, then their resolution."""
    from sitrep.pipeline import run_many

    tp_exact = tp_overlap = n_pred = n_gold = 0
    pairs = []
    start = time.perf_counter()
    docs = run_many(nlp, [(a.text, {"title": a.title}) for a in articles])
    for art, doc in zip(articles, docs):
        places = list(doc._.places or [])
        n_pred += len(places)
        n_gold += len(art.golds)
        by_offsets = {(p.start, p.end): p for p in places}
        for g in art.golds:
            p = by_offsets.get((g.start, g.end))
            if p is not None:
                tp_exact += 1
            else:
                p = next((q for q in places if q.start < g.end and g.start < q.end), None)
            if p is not None:
                tp_overlap += 1
                if g.lat is not None:
                    pairs.append((g, p, _record_of(judge, p)))
    seconds = time.perf_counter() - start
    out = {"docs_per_s": round(len(articles) / seconds, 1) if seconds else None}
    for label, tp in (("exact", tp_exact), ("overlap", tp_overlap)):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        out[f"recognition_{label}"] = {"precision": round(p, 4), "recall": round(r, 4),
                                       "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}
    out["resolution_on_matched"] = score(pairs, judge)
    return out


def _record_of(judge: _Judge, place: Any) -> int | None:
    """The gazetteer record a Place names, found again from its gazetteer id and point."""
    if not place.resolved or not place.gazetteer_id:
        return None
    gaz = judge.gaz
    if place.gazetteer_id.startswith("geonames:"):
        return judge.record_of_gid.get(int(place.gazetteer_id.split(":")[1]))
    return next((r for r in gaz.lookup(place.text) if gaz.lat[r] == place.lat and gaz.lon[r] == place.lon), None)


def _default_nlp() -> Any:
    """sitrep's default pipeline with the stages places depend on: the config's names (its
    encoder NER, since the config leaves the base's CNN NER out), entities, then places.

    Stages that do not touch places (times, quantities, ...) are left out: they cost time and
    cannot change what is measured here.
    """
    import importlib.util

    from sitrep.pipeline import load, read_config
    from sitrep.pipeline.factories import STAGES

    wanted = set(PLACE_STAGES) | set(NAME_STAGES)
    stages = [s for s in read_config(None)[0]["stages"]
              if s in wanted and importlib.util.find_spec(STAGES[s].module) is not None]
    return load(stages=stages)


def run(data: Path, *, nlp: Any = None, limit: int | None = None, end_to_end_eval: bool = True) -> dict[str, Any]:
    """Evaluate on one corpus file; returns JSON-able metrics (key `acc_161km` given gold spans)."""
    data = Path(data)
    if not data.is_file():
        raise SitrepError(Errors.E008.format(path=data))
    articles = read_corpus(data)[:limit] if limit else read_corpus(data)
    judge = _Judge()
    metrics: dict[str, Any] = {"articles": len(articles), "gold_spans": sum(len(a.golds) for a in articles)}
    given = given_spans(articles, judge)
    metrics.update(given)
    metrics["given_spans"] = given
    if end_to_end_eval:
        metrics["end_to_end"] = end_to_end(articles, nlp or _default_nlp(), judge)
    return metrics


def report(metrics: dict[str, Any]) -> str:
    """Human-readable summary of `run`'s metrics."""
    g = metrics["given_spans"]
    lines = [
        f"geo: {metrics.get('data', '')}  ({metrics['articles']} articles, {metrics['gold_spans']} gold spans, {g['n']} with a point)",
        "given gold spans:",
        f"  acc@161km {g['acc_161km']:.3f} (distance only {g['acc_161km_distance_only']:.3f}; same feature {g['exact_feature']:.3f})",
        f"  median error {g['median_error_km']} km, mean {g['mean_error_km']} km, AUC {g['auc']}",
        f"  country accuracy {g['country_accuracy']} (n={g['country_n']}); candidate recall {g['candidate_recall']}",
        f"  {g['resolutions_per_s']} resolutions/s ({g['resolutions_per_cpu_s']} per CPU second)",
        "  by confidence: " + ", ".join(f"{k}: {v['acc_161km']} (n={v['n']})" for k, v in g["by_confidence"].items()),
    ]
    e2e = metrics.get("end_to_end")
    if e2e:
        ex, ov, m = e2e["recognition_exact"], e2e["recognition_overlap"], e2e["resolution_on_matched"]
        lines += [
            "end to end:",
            (f"  recognition exact P {ex['precision']:.3f} R {ex['recall']:.3f} F1 {ex['f1']:.3f}; "
             f"overlap P {ov['precision']:.3f} R {ov['recall']:.3f} F1 {ov['f1']:.3f}"),
            f"  on matched spans (n={m['n']}): acc@161km {m['acc_161km']}, country {m['country_accuracy']}",
            f"  {e2e['docs_per_s']} docs/s",
        ]
    return "\n".join(lines)
