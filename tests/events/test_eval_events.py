"""`sitrep.eval.events` on slices of the shared evaluation sets: formats recognised, floors held."""

import pytest

from sitrep.errors import SitrepError
from sitrep.eval.events import detect, report, run

from .conftest import shared


def test_eval_events_detects_each_format():
    assert detect(shared("plover_gsr_cameo")) == "plover"
    assert detect(shared("muc4/dev.json")) == "muc4"
    assert detect(shared("india_police_events")) == "ipe"


def test_eval_events_rejects_unknown_data(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing to score", encoding="utf-8")
    with pytest.raises(SitrepError, match="E861"):
        detect(tmp_path)


def test_eval_events_plover_floor(full_nlp):
    metrics = run(shared("plover_gsr_cameo"), nlp=full_nlp)
    assert metrics["n"] == 322
    assert metrics["type_accuracy"] >= 0.40
    assert metrics["type_macro_f1"] >= 0.35
    assert "type_accuracy" in report(metrics)


def test_eval_events_muc4_floor(full_nlp):
    metrics = run(shared("muc4/dev.json"), nlp=full_nlp, limit=60)
    assert metrics["n"] == 60
    assert set(metrics["per_label"]) == {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}
    assert metrics["role_f1"] >= 0.25


def test_eval_events_muc4_follows_the_configs_tagger_setting():
    from sitrep.pipeline import load

    nlp = load(base="blank:en", stages=["sitrep_entities", "sitrep_actors", "sitrep_events", "sitrep_attack_arguments"])
    nlp.get_pipe("sitrep_attack_arguments").tagger = False  # as [stages.sitrep_attack_arguments] tagger = false
    metrics = run(shared("muc4/dev.json"), nlp=nlp, limit=20)
    assert metrics["role_tagger"] == "none"
    nlp.get_pipe("sitrep_attack_arguments").tagger = True
    assert run(shared("muc4/dev.json"), nlp=nlp, limit=20)["role_tagger"].startswith("weight")


def test_eval_events_muc4_matching_is_grits():
    from collections import Counter

    from sitrep.eval.events import _norm, _score_role

    assert _norm('The "Santo Tomas" presidential farm') == "santo tomas presidential farm"
    counts = Counter()
    # "farm" could take either entity; the assignment that finds both is the one scored
    _score_role(["farm", "the presidential farm", "embassy"],
                [[["farm", 0], ["presidential farm", 9]], [["farm", 30]]], counts)
    assert counts == Counter({"tp": 2, "fp": 1, "fn": 0})


def test_eval_events_ipe_floor(full_nlp):
    metrics = run(shared("india_police_events"), nlp=full_nlp, limit=1500)
    assert metrics["per_label"]["ARREST"]["f1"] >= 0.5
    assert metrics["macro_f1"] >= 0.4


def test_eval_events_needs_the_events_stage():
    from sitrep.pipeline import load

    with pytest.raises(SitrepError, match="E862"):
        run(shared("plover_gsr_cameo"), nlp=load(base="blank:en", stages=[]), limit=5)
