"""The MUC-4 argument model shipped in sitrep/events/model, and its trainer's regression."""

import numpy as np

from sitrep.events.arguments import CLASSES, ArgumentFinder, select
from sitrep.events.train import fit
from sitrep.pipeline import run

ATTACK = ("urban guerrillas detonated a car bomb outside the us embassy in lima today, killing two guards. "
          "police said the shining path was responsible for the attack.")


def test_arguments_read_roles_of_an_attack(full_nlp):
    finder = ArgumentFinder.load()
    roles = finder.roles(run(full_nlp, ATTACK))
    assert set(roles) == {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}
    assert "shining path" in roles["PerpOrg"]
    assert any("guerrillas" in p for p in roles["PerpInd"])


def test_arguments_none_without_an_attack(full_nlp):
    finder = ArgumentFinder.load()
    doc = run(full_nlp, "The president met the foreign minister to discuss trade.")
    assert finder.roles(doc) == {}
    assert finder.relevance(doc) < 0.5


def test_arguments_select_keeps_one_string_per_head():
    scored = [("presidential farm", "Target", 0.4), ("santo tomas presidential farm", "Target", 0.6), ("dynamite", "Weapon", 0.05)]
    found = select(scored, {"PerpInd": 0.1, "PerpOrg": 0.1, "Target": 0.1, "Victim": 0.1, "Weapon": 0.1})
    assert found["Target"] == ["santo tomas presidential farm"]
    assert found["Weapon"] == []


def test_train_fit_learns_a_separable_problem():
    feats = [["h=bomb"], ["h=dynamite"], ["h=farm"], ["h=embassy"], ["h=said"], ["h=today"]] * 5
    labels = [CLASSES.index(c) for c in ("Weapon", "Weapon", "Target", "Target", "NONE", "NONE")] * 5
    names, w, b = fit(feats, labels)
    finder = ArgumentFinder({f: i for i, f in enumerate(names)}, w, b, {})
    probs = finder.probabilities([["h=bomb"], ["h=farm"], ["h=said"]])
    assert list(np.argmax(probs, axis=1)) == [CLASSES.index("Weapon"), CLASSES.index("Target"), CLASSES.index("NONE")]
