"""The MUC-4 argument model shipped in sitrep/events/model, its candidates, and its trainer's regression."""

import numpy as np

from sitrep.events.arguments import CLASSES, ArgumentFinder, candidates, select
from sitrep.events.lexicon import surface_table
from sitrep.events.train import RELEVANCE_L2S, Encoder, choose_relevance_l2, fit
from sitrep.pipeline import run

ATTACK = ("urban guerrillas detonated a car bomb outside the us embassy in lima today, killing two guards. "
          "police said the shining path was responsible for the attack.")


def test_arguments_read_roles_of_an_attack(full_nlp):
    finder = ArgumentFinder.load()
    roles = finder.roles(run(full_nlp, ATTACK))
    assert set(roles) == {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}
    assert "shining path" in roles["PerpOrg"]
    assert any("guerrillas" in p for p in roles["PerpInd"])
    assert any("bomb" in p for p in roles["Weapon"])


def test_arguments_none_without_an_attack(full_nlp):
    finder = ArgumentFinder.load()
    doc = run(full_nlp, "The president met the foreign minister to discuss trade.")
    assert not any(finder.roles(doc).values())
    assert finder.relevance(doc) < 0.5


def test_arguments_candidates_reach_inside_runs_and_across_of(full_nlp):
    doc = run(full_nlp, "two men launched a mortar attack on the offices of the democratic front with ak-47 rifles.")
    texts = {c.text for c in candidates(doc, surface_table())}
    # a modifier ("mortar" of "mortar attack"), a number phrase, an "X of the Y" phrase, a word with digits
    assert {"mortar", "two men", "offices of the democratic front", "ak-47 rifles"} <= texts
    assert "the" not in texts and "with" not in texts


def test_arguments_select_keeps_one_string_per_head_and_no_overlaps():
    scored = [("presidential farm", "Target", 0.4, 5, 7), ("santo tomas presidential farm", "Target", 0.6, 3, 7),
              ("shining path", "PerpOrg", 0.7, 10, 12), ("path", "Target", 0.5, 11, 12), ("dynamite", "Weapon", 0.05, 20, 21)]
    found = select(scored, {"PerpInd": 0.1, "PerpOrg": 0.1, "Target": 0.1, "Victim": 0.1, "Weapon": 0.1})
    assert found["Target"] == ["santo tomas presidential farm"]
    assert found["PerpOrg"] == ["shining path"]
    assert found["Weapon"] == []
    # the document's relevance weighs on every phrase
    assert select(scored, {"PerpInd": 0.1, "PerpOrg": 0.5, "Target": 0.5, "Victim": 0.1, "Weapon": 0.1}, 0.5)["PerpOrg"] == []


def test_train_fit_learns_a_separable_problem():
    feats = [["h=bomb"], ["h=dynamite"], ["h=farm"], ["h=embassy"], ["h=said"], ["h=today"]] * 5
    labels = [CLASSES.index(c) for c in ("Weapon", "Weapon", "Target", "Target", "NONE", "NONE")] * 5
    names, w, b = fit(feats, labels)
    finder = ArgumentFinder({f: i for i, f in enumerate(names)}, w, b, {})
    probs = finder.probabilities([["h=bomb"], ["h=farm"], ["h=said"]])
    assert list(np.argmax(probs, axis=1)) == [CLASSES.index("Weapon"), CLASSES.index("Target"), CLASSES.index("NONE")]


def test_relevance_l2_is_the_one_with_the_lowest_hold_out_log_loss():
    # train: one word decides; hold-out: the same word is right 6 times in 10, so the surest
    # model (least L2) pays most, and the most regularised one wins
    enc = Encoder()
    doc = lambda word, incident: {"relevance": enc([f"w={word}", "w=the"]), "incident": incident}
    train = [doc("bomb", 1), doc("vote", 0)] * 20
    holdout = [doc("bomb", 1)] * 6 + [doc("bomb", 0)] * 4 + [doc("vote", 0)] * 6 + [doc("vote", 1)] * 4
    chosen, losses = choose_relevance_l2(train, holdout, enc)
    assert set(losses) == set(RELEVANCE_L2S)
    assert chosen == max(RELEVANCE_L2S) and losses[chosen] < losses[min(RELEVANCE_L2S)]


def test_choices_without_the_split_tagger_say_how_to_train_it(tmp_path):
    import click
    import pytest

    from sitrep.events.train import _split_tagger

    with pytest.raises(click.ClickException, match="--tagger train"):
        _split_tagger(tmp_path / "split")


def test_the_shipped_tagger_is_trained_on_all_of_train():
    import json

    from sitrep.events.role_tagger import MODEL_DIR

    labels = json.loads((MODEL_DIR / "labels.json").read_text(encoding="utf-8"))
    assert "all 1,300 articles" in labels["source"] and labels["epochs"] >= 1


def test_a_relevance_gate_must_gain_more_than_the_hold_outs_noise():
    from sitrep.events.train import _search

    def doc(gold, phrase, relevance):
        return {"extracts": {"PerpInd": [[[gold]]] if gold else []}}, [(phrase, "PerpInd", 0.9, 0, 1)], relevance

    # one false filler in an irrelevant article among 50 others: a gate of 0.1 removes it,
    # a gain far inside the bootstrap noise, so no gate is kept
    right = [doc("guerrillas", "guerrillas", 0.5) for _ in range(40)] + [doc("rebels", "guerrillas", 0.5) for _ in range(10)]
    docs = right + [doc(None, "soldiers", 0.05)]
    chosen = _search(docs, gates=(0.0, 0.1), powers=(0.0,))
    assert chosen["gate"] == 0.0 and chosen["best_f1"] > chosen["f1"] and chosen["se"] > 0
    # twenty false fillers in irrelevant articles: the gate earns its place
    docs = right + [doc(None, "soldiers", 0.05) for _ in range(20)]
    assert _search(docs, gates=(0.0, 0.1), powers=(0.0,))["gate"] == 0.1


def test_syntax_features_name_the_trigger_a_phrase_is_an_argument_of():
    import spacy
    from spacy.tokens import Doc

    from sitrep.events.arguments import DocView, _syntax_features

    words = ["priests", "were", "killed", "by", "soldiers", "who", "attacked", "the", "university", "."]
    heads = [2, 2, 2, 4, 2, 6, 4, 8, 6, 2]
    deps = ["nsubj:pass", "aux:pass", "ROOT", "case", "obl:agent", "nsubj", "acl:relcl", "det", "obj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 9)
    view, triggers = DocView.of(doc), {2: "ASSAULT/kill", 6: "ASSAULT/force"}
    # the agent, through its preposition, and the subject of the relative clause it heads
    assert _syntax_features(view, 4, 5, triggers) == ["dep=obl:by", "dt=obl:by|ASSAULT/kill", "dt=rel:nsubj|ASSAULT/force"]
    assert _syntax_features(view, 7, 9, triggers) == ["dep=obj", "dt=obj|ASSAULT/force"]  # "the university": its head's
    assert _syntax_features(view, 0, 1, triggers) == ["dep=nsubj:pass", "dt=nsubj:pass|ASSAULT/kill"]
    unparsed = Doc(doc.vocab, words=words, sent_starts=[True] + [False] * 9)
    assert _syntax_features(DocView.of(unparsed), 4, 5, triggers) == []


def test_a_filler_names_a_thing():
    from sitrep.events.arguments import may_fill

    assert may_fill("car bomb") and may_fill("ak-47") and may_fill("fmln")
    assert not may_fill(".38") and not may_fill("12") and not may_fill("car loaded with") and not may_fill("")
