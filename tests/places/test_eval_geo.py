import pytest

from sitrep.eval import geo


def test_eval_geo_reads_both_schemas(geoparsing):
    lgl = geo.read_corpus(geoparsing / "lgl.xml")
    gv = geo.read_corpus(geoparsing / "GeoVirus.xml")
    assert len(lgl) > 500 and len(gv) > 200
    for art in lgl[:20] + gv[:20]:
        for g in art.golds:
            assert art.text[g.start:g.end] == g.name  # GeoVirus offsets are realigned
    assert any(g.geonameid for a in lgl[:5] for g in a.golds)
    assert all(g.page for a in gv[:5] for g in a.golds)


@pytest.mark.parametrize("name,floor", [("lgl.xml", 0.75), ("GeoVirus.xml", 0.8)])
def test_eval_geo_accuracy_floor_on_a_slice(geoparsing, name, floor):
    metrics = geo.run(geoparsing / name, limit=60, end_to_end_eval=False)
    assert metrics["acc_161km"] >= floor
    assert metrics["country_accuracy"] >= 0.85
    assert 0 <= metrics["auc"] < 0.3
    assert "acc@161km" in geo.report(metrics)


def test_eval_geo_end_to_end_reports_recognition(geoparsing, places_nlp):
    metrics = geo.run(geoparsing / "GeoVirus.xml", nlp=places_nlp, limit=10)
    rec = metrics["end_to_end"]["recognition_overlap"]
    assert rec["recall"] > 0.3 and rec["precision"] > 0.3


def test_eval_geo_default_pipeline_keeps_the_configs_names():
    from sitrep.pipeline import read_config

    stages = read_config(None)[0]["stages"]
    nlp = geo._default_nlp()
    # the default config leaves the base's CNN NER out: its own name stage must run, or no NER does
    wanted = [s for s in stages if s in (*geo.NAME_STAGES, *geo.PLACE_STAGES)]
    assert [s for s in nlp.pipe_names if s in stages] == wanted
    assert "sitrep_encoder_ner" not in stages or "sitrep_encoder_ner" in nlp.pipe_names
    doc = nlp("Clashes erupted in the Central African Republic and in Bangui on Monday.")
    assert any(e.text == "Bangui" for e in doc.ents)
