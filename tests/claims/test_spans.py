"""Speaker and content boundaries and the fallback readings added from PolNeAR's train errors
(sentences written for these tests), and the scorer's matching."""

from __future__ import annotations

from sitrep.eval.quotes import _match


def _one(claims, cue: str):
    found = [c for c in claims if c.cue.text.endswith(cue)]
    assert found, f"no claim with cue {cue!r} in {[c.cue.text for c in claims]}"
    return found[0]


def test_discourse_aside_is_not_part_of_the_speaker(extract):
    claim = _one(extract("The ministry, for its part, said the convoy had been delayed."), "said")
    assert claim.speaker.text == "The ministry"
    claim = _one(extract("Proponents of the new bill, however, say it would keep the safeguards."), "say")
    assert claim.speaker.text == "Proponents of the new bill"


def test_speaker_keeps_its_prepositional_modifier(extract):
    claim = _one(extract("People with knowledge of the talks said the plan was dead."), "said")
    assert claim.speaker.text == "People with knowledge of the talks"
    claim = _one(extract("Officials familiar with the investigation say no charges are expected."), "say")
    assert claim.speaker.text == "Officials familiar with the investigation"


def test_venue_or_place_after_a_name_is_not_the_speaker(extract):
    assert _one(extract("Clinton in a statement said she would fight on."), "said").speaker.text == "Clinton"
    assert _one(extract("Trump in Iowa said he would win the state."), "said").speaker.text == "Trump"


def test_poll_inside_a_speaker_is_no_cue_of_its_own(extract):
    claims = extract("78 percent of voters in a recent CBS News poll said the country was on the wrong track.")
    assert [c.cue.text for c in claims] == ["said"]
    assert claims[0].speaker.text == "78 percent of voters in a recent CBS News poll"


def test_title_abbreviation_does_not_split_the_speaker(extract):
    claim = _one(extract("Air Force 1st Lt. Tyler Livingston said the base was safe."), "said")
    assert claim.speaker.text == "Air Force 1st Lt. Tyler Livingston"


def test_fallback_reads_a_speech_verb_after_a_long_subject(extract):
    text = "Many speakers at the service — including Muslims, Christians and Jews — said the loss was painful."
    claim = _one(extract(text), "said")
    assert claim.speaker.text.startswith("Many speakers at the service")
    assert claim.content.text == "the loss was painful"
    assert claim.confidence < 0.7  # a best-effort reading


def test_fallback_inverted_speaker_with_long_aside(extract):
    text = "The plan is dead, said David Friedman, president of Wealth-X, a firm that tracks and ranks billionaires."
    claim = _one(extract(text), "said")
    assert claim.speaker.text.startswith("David Friedman, president of Wealth-X")
    assert claim.content.text == "The plan is dead"


def test_relative_pronoun_is_the_speaker_of_a_stance_verb(extract):
    claim = _one(extract("Voters who support the measure turned out in large numbers."), "support")
    assert claim.speaker.text == "who"
    assert claim.content.text.startswith("the measure")


def test_stance_adjective_is_a_cue(extract):
    claim = _one(extract("Cruz has been acutely aware that the contest is a delegate battle."), "aware")
    assert claim.speaker.text == "Cruz"
    assert claim.cue.text == "has been acutely aware"
    assert claim.content.text == "that the contest is a delegate battle"
    assert not [c for c in extract("The senator is not sure that it will pass.") if c.cue.text.endswith("sure")]


def test_possessed_noun_with_modifiers_and_unowned_noun(extract):
    claim = _one(extract("Trump's repeated claims that Clinton is unqualified drew fire."), "claims")
    assert claim.speaker.text == "Trump's"
    claim = _one(extract("The move drew criticism that the plan was rushed."), "criticism")
    assert claim.speaker is None
    assert claim.content.text == "that the plan was rushed"


def test_broken_quote_joined_across_the_rest_of_the_cue_sentence(extract):
    text = "“We will build it,” Trump said at a rally in Evansville last month. “It is so simple.”"
    claim = _one(extract(text), "said")
    assert claim.content.text == text  # from the first opening mark to the second closing one
    text = "“We will build it,” Trump said.\n\n“It is so simple. Believe me.”\n\nThe rally ended at noon."
    assert _one(extract(text), "said").content.text == text[: text.index("\n\nThe rally")]
    # a colon before the next quotation introduces someone else's words
    text = "“We will build it,” Trump said. His rival replied: “It will never happen.”"
    assert _one(extract(text), "said").content.text == "“We will build it,”"


def test_scorer_matches_overlaps_one_to_one_at_best():
    text = "aaaa bbbb cccc dddd"
    gold = [((0, 4),), ((5, 9),)]
    # the first prediction touches both gold spans, the second only the first one: both match
    pred = [((0, 9),), ((0, 2),)]
    assert _match(text, gold, pred, "overlap") == 2
    assert _match(text, gold, [((10, 14),)], "overlap") == 0
    assert _match(text, gold, [((0, 4),), ((5, 9),)], "exact") == 2
