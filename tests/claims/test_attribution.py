"""Attribution shapes on sentences written for these tests."""

from __future__ import annotations


def _one(claims, cue: str):
    found = [c for c in claims if c.cue.text.endswith(cue)]
    assert found, f"no claim with cue {cue!r} in {[c.cue.text for c in claims]}"
    return found[0]


def test_claims_direct_quote_speaker_after(extract):
    text = "“We will not leave the valley until the road is open,” Amina Yusuf said on Friday."
    claim = _one(extract(text), "said")
    assert claim.speaker.text == "Amina Yusuf"
    assert claim.content.text == "“We will not leave the valley until the road is open,”"
    assert claim.kind == "statement"


def test_claims_direct_quote_inverted_with_role(extract):
    text = "“The shelling has not stopped for three days,” said Omar Haddad, a doctor at the district hospital."
    claim = _one(extract(text), "said")
    assert claim.speaker.text.startswith("Omar Haddad")
    assert claim.speaker_role == "a doctor at the district hospital"
    assert claim.content.text.startswith("“The shelling")


def test_claims_quote_spanning_sentences(extract):
    text = "The mayor spoke briefly. “Nobody came. Nobody called. We buried them ourselves,” the mayor told reporters."
    claim = _one(extract(text), "told")
    assert claim.content.text == "“Nobody came. Nobody called. We buried them ourselves,”"
    assert claim.speaker.text == "the mayor"


def test_claims_curly_and_straight_quotes_after_colon(extract):
    claims = extract('The spokesman said: "The convoy was hit twice." Later he added, “We are still counting.”')
    assert [c.content.text for c in claims] == ['"The convoy was hit twice."', "“We are still counting.”"]


def test_claims_indirect_speech_with_medium(extract):
    text = "Lena Brandt, a former adviser to the defence ministry, told the Financial Times that the army had run out of shells."
    claim = _one(extract(text), "told")
    assert claim.speaker.text.startswith("Lena Brandt")
    assert claim.speaker_role == "a former adviser to the defence ministry"
    assert claim.medium == "the Financial Times"
    assert claim.content.text == "that the army had run out of shells"


def test_claims_told_congress_after_content(extract):
    text = "The border force has doubled in size, a senior interior ministry official told parliament on Tuesday."
    claim = _one(extract(text), "told")
    assert claim.speaker.text == "a senior interior ministry official"
    assert claim.medium == "parliament"
    assert claim.content.text == "The border force has doubled in size"


def test_claims_according_to_before_and_after(extract):
    claims = extract(
        "According to the regional health office, the clinic treated 40 wounded. "
        "The bridge was destroyed on Monday, according to local residents."
    )
    first, second = claims
    assert first.speaker.text == "the regional health office"
    assert first.content.text == "the clinic treated 40 wounded"
    assert second.speaker.text == "local residents"
    assert second.content.text == "The bridge was destroyed on Monday"


def test_claims_reported_assessment(extract):
    claim = _one(extract("The European monitoring mission has assessed that the ceasefire is holding in the north."), "assessed")
    assert claim.kind == "assessment"
    assert claim.speaker.text == "The European monitoring mission"


def test_claims_report_said(extract):
    claim = _one(extract("A Red Cross report said that the camp lacked clean water."), "said")
    assert claim.speaker.text == "A Red Cross report"


def test_claims_denial_links_the_allegation_not_the_nearer_statement(extract):
    claims = extract(
        "The rebels accused the army of shelling the market on Sunday. "
        "Officials said the road was open. The army denied the accusation."
    )
    by_cue = {c.cue.text: c for c in claims}
    assert by_cue["accused"].kind == "allegation"
    assert by_cue["denied"].kind == "denial"
    assert by_cue["denied"].contradicts == [by_cue["accused"].id]
    assert by_cue["said"].contradicts == []


def test_claims_denial_by_shared_words(extract):
    claims = extract(
        "The ministry alleged that militias had burned the grain depot. "
        "Later that week, the militia commander flatly denied that his men burned the depot."
    )
    allegation, denial = claims
    assert denial.cue.text == "flatly denied"
    assert allegation.id in denial.contradicts


def test_claims_estimate_from_numbers(extract):
    claim = _one(extract("Local officials said that about 3,000 families had fled the fighting."), "said")
    assert claim.kind == "estimate"


def test_claims_pronoun_speaker_keeps_text_and_role(extract):
    claims = extract(
        "Karim Saleh, the governor of the province, said the dam was intact. "
        "He said that engineers would inspect it next week."
    )
    assert claims[1].speaker.text == "He"
    assert claims[1].speaker_role == "the governor of the province"


def test_claims_negated_cue_is_a_negated_claim(extract):
    (claim,) = extract("The minister did not say whether the talks would resume.")
    assert claim.negated and claim.speaker.text == "The minister"
    assert claim.cue.text == "did not say"
    assert claim.content.text == "whether the talks would resume"
    (plain,) = extract("The minister said the talks would resume.")
    assert not plain.negated


def test_claims_nouns_are_not_cues(extract):
    claims = extract("The report was published on Monday. Her claims reached the capital.")
    assert claims == []


def test_claims_quote_broken_by_its_cue_is_one_content(extract):
    text = "“The bridge is gone,” the engineer said. “We will need a month to rebuild it.” Then he left."
    claim = _one(extract(text), "said")
    assert claim.content.text == "“The bridge is gone,” the engineer said. “We will need a month to rebuild it.”"


def test_claims_second_quote_with_its_own_speaker_is_not_joined(extract):
    text = "“The bridge is gone,” the engineer said. “It will hold,” the mayor said."
    claims = extract(text)
    assert [c.content.text for c in claims] == ["“The bridge is gone,”", "“It will hold,”"]


def test_claims_inverted_speaker_keeps_its_asides(extract):
    text = "“The road is closed,” said Dana Reyes, director of the Red Cross office, who visited on Monday."
    claim = _one(extract(text), "said")
    assert claim.speaker.text == "Dana Reyes, director of the Red Cross office, who visited on Monday"


def test_claims_speaker_with_bracket_before_the_cue(extract):
    claim = _one(extract("Sen. Bernie Sanders (I-Vt.) said he will release the records."), "said")
    assert claim.speaker.text == "Sen. Bernie Sanders (I-Vt.)"
    assert claim.content.text == "he will release the records"


def test_claims_cue_keeps_its_preposition(extract):
    claim = _one(extract("The opposition leader called for an inquiry into the shelling."), "called for")
    assert claim.content.text == "an inquiry into the shelling"


def test_claims_indirect_content_ends_before_the_writers_clause(extract):
    claim = _one(extract("Ahmed said the convoy had crossed, but the border stayed closed all week."), "said")
    assert claim.content.text == "the convoy had crossed"


def test_claims_speakerless_raising_and_passive(extract):
    claims = extract("The ceasefire is expected to hold until Friday. The army seemed unwilling to withdraw.")
    expected = _one(claims, "is expected")
    assert expected.speaker is None
    assert expected.content.text == "The ceasefire is expected to hold until Friday"
    assert _one(claims, "seemed").content.text == "The army seemed unwilling to withdraw"


def test_claims_question_without_speaker(extract):
    claims = extract("Asked whether the talks would resume, the minister said no date had been set.")
    question = _one(claims, "Asked")
    assert question.speaker is None
    assert question.content.text == "whether the talks would resume"
    assert _one(claims, "said").speaker.text == "the minister"


def test_claims_in_a_poll(extract):
    claim = _one(extract("In a new Reuters poll released Thursday, 60 percent of voters backed the deal."), "In")
    assert claim.speaker.text == "a new Reuters poll"  # the participle is left out, as after "according to"
    assert claim.content.text.startswith("60 percent of voters")


def test_claims_age_stays_in_the_speaker(extract):
    claim = _one(extract("Jim Bennett, 57, said the shelter was full."), "said")
    assert claim.speaker.text == "Jim Bennett, 57,"
    assert claim.speaker_role is None


def test_claims_question_with_its_asker(extract):
    claims = extract("When asked by reporters about the curfew, the governor said it would stay.")
    question = _one(claims, "asked")
    assert question.speaker.text == "reporters"
    assert question.content.text == "about the curfew"


def test_claims_possessed_noun_cue(extract):
    claim = _one(extract("The minister's claim that the town was retaken could not be verified."), "claim")
    assert claim.speaker.text == "The minister's"
    assert claim.content.text.startswith("that the town was retaken")
    assert claim.kind == "allegation"


def test_claims_parenthetical_speaker_inside_the_content(extract):
    claim = _one(extract("The new road, the engineer said, would open in May."), "said")
    assert claim.speaker.text == "the engineer"
    assert claim.content.text == "The new road, the engineer said, would open in May"
