"""The contextual MUC-4 role tagger: its windows, span probabilities, label projection, and the
shipped model inside the argument finder."""

import numpy as np
import pytest

from sitrep.events.arguments import CLASSES, ArgumentFinder, with_tagger
from sitrep.events.role_tagger import (
    LEAD_WORDS,
    MODEL_DIR,
    ROLES,
    WINDOW_WORDS,
    RoleTagger,
    article_windows,
    span_scores,
)
from sitrep.pipeline import run
from sitrep.training.muc4_roles import TAGS, project

needs_model = pytest.mark.skipif(not (MODEL_DIR / "model.int8.onnx").exists(), reason="no role tagger shipped")
ATTACK = ("urban guerrillas of the farabundo marti national liberation front blew up a power pylon with dynamite "
          "in san salvador last night . police said two soldiers were wounded .")


def test_windows_pack_whole_sentences_and_carry_the_lead():
    lead = ["guerrillas", "attacked", "a", "bank", "."]
    words = lead + ["the", "attack", "lasted", "an", "hour", "."] * 30
    found = article_windows(words)
    assert found[0].start == 0 and found[0].context == 0
    assert all(w.end - w.start <= WINDOW_WORDS for w in found)
    # windows meet end to end, cut after sentence ends only, and later ones read the lead first
    assert [w.start for w in found[1:]] == [w.end for w in found[:-1]] and found[-1].end == len(words)
    assert all(words[w.end - 1] == "." for w in found)
    assert all(w.context == len(lead) for w in found[1:])
    assert all(w.context == 0 for w in article_windows(words, lead=False))
    assert article_windows(["word"] * 100)[1].context == LEAD_WORDS  # a lead with no end is cut


def test_span_scores_read_exact_spans_from_token_marginals():
    begin, inside = np.array([1, 3]), np.array([2, 4])  # two roles: tags O, B-a, I-a, B-b, I-b
    probs = np.array([[0.9, 0.1, 0.0, 0.0, 0.0],
                      [0.1, 0.8, 0.1, 0.0, 0.0],
                      [0.1, 0.0, 0.9, 0.0, 0.0],
                      [0.8, 0.0, 0.2, 0.0, 0.0]])
    scores = span_scores(probs, begin, inside, np.array([1, 1, 2]), np.array([3, 2, 3]))
    assert scores[0, 0] == pytest.approx(0.8 * 0.9 * 0.8, rel=1e-4)  # B, I, then no I after it
    assert scores[1, 0] == pytest.approx(0.8 * 0.1, rel=1e-4)  # cut short: the next word goes on
    assert scores[0, 0] > scores[1, 0] > scores[2, 0]  # no span begins on an I word
    assert scores[:, 1].max() < 1e-6
    assert span_scores(probs, begin, inside, np.array([]), np.array([])).shape == (0, 2)


def test_projection_tags_every_occurrence_longest_first():
    words = ["the", "fmln", "said", "fmln", "urban", "guerrillas", "attacked", "with", "dynamite"]
    tags = project(words, {"PerpOrg": [["fmln"]], "PerpInd": [["guerrillas"], ["fmln", "urban", "guerrillas"]],
                           "Weapon": [["dynamite"]], "Target": [], "Victim": []})
    assert tags == ["O", "B-PerpOrg", "O", "B-PerpInd", "I-PerpInd", "I-PerpInd", "O", "O", "B-Weapon"]
    assert set(tags) <= set(TAGS)


@needs_model
def test_shipped_tagger_tags_role_fillers_of_an_attack():
    tagger = RoleTagger.load()
    words = ATTACK.split()
    probs = tagger.probabilities(words)
    assert probs.shape == (len(words), len(TAGS))
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-3)
    found = {(" ".join(words[s:e]), role) for s, e, role in tagger.spans(probs)}
    assert ("dynamite", "Weapon") in found
    assert any(role == "PerpOrg" and "liberation front" in text for text, role in found)
    org = words.index("farabundo")
    scores = tagger.span_scores(probs, np.array([org, org]), np.array([org + 5, org + 2]))
    assert scores[0, ROLES.index("PerpOrg")] > 0.3 > scores[1, ROLES.index("PerpOrg")]


@needs_model
def test_with_tagger_mixes_probabilities_and_adds_tagger_spans():
    tagger = RoleTagger.load()
    words = ATTACK.split()
    token_probs = tagger.probabilities(words)
    spans = [("power pylon", 10, 12)]
    probs = np.zeros((1, len(CLASSES)), dtype=np.float32)
    probs[0, CLASSES.index("Target")] = 0.5
    mixed_spans, mixed = with_tagger(spans, probs, tagger, token_probs, 0.5, lambda s, e: " ".join(words[s:e]))
    assert mixed_spans[0] == spans[0]
    assert ("dynamite", words.index("dynamite"), words.index("dynamite") + 1) in mixed_spans
    tagged = tagger.span_scores(token_probs, np.array([10]), np.array([12]))[0, ROLES.index("Target")]
    assert mixed[0, CLASSES.index("Target")] == pytest.approx(0.25 + 0.5 * tagged, rel=1e-4)


@needs_model
def test_argument_finder_runs_the_tagger_on_an_attack(full_nlp):
    finder = ArgumentFinder.load()
    if finder.tagger is None:
        pytest.skip("arguments.json does not use the tagger")
    doc = run(full_nlp, ATTACK)
    roles = finder.roles(doc)
    assert "dynamite" in roles["Weapon"]
    scored = finder.scored(doc)
    assert all(0 <= start < end <= len(doc) and doc[start:end].text.lower() == text for text, _, _, start, end in scored)
