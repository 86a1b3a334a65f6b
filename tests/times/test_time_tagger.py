"""The time grammar and the sitrep_times stage, on the expressions issue 5 lists."""

from __future__ import annotations

import pytest

from sitrep.pipeline import load, run
from sitrep.times import tag_times

PUBLISHED = "2021-11-01"  # a Monday


def _one(text: str, published: str | None = PUBLISHED):
    found = tag_times(text, published)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(
    "text, span, value, precision",
    [
        ("It happened on Aug. 26, 2021.", "Aug. 26, 2021", "2021-08-26", "day"),
        ("It happened on 26 August.", "26 August", "2021-08-26", "day"),
        ("They met last week.", "last week", "2021-W43", "week"),
        ("He left two days ago.", "two days ago", "2021-10-30", "day"),
        ("The raid came on Tuesday.", "Tuesday", "2021-10-26", "day"),
        ("Officials said so yesterday.", "yesterday", "2021-10-31", "day"),
        ("The talks began earlier this month.", "earlier this month", "2021-11", "month"),
        ("The offensive started late last month.", "late last month", "2021-10-21/2021-10-31", "month"),
        ("The clashes took place last weekend.", "last weekend", "2021-W43-WE", "weekend"),
        ("The city fell in early August.", "early August", "2021-08-01/2021-08-10", "month"),
        ("Attacks rose this year.", "this year", "2021", "year"),
        ("A report released last month.", "last month", "2021-10", "month"),
        ("Gunmen struck early Sunday.", "early Sunday", "2021-10-31", "day"),
        ("It was founded in the 1990s.", "the 1990s", "199", "decade"),
        ("Profits fell in the third quarter of 2020.", "the third quarter of 2020", "2020-Q3", "quarter"),
        ("The bomb went off at 10:30 a.m. Friday.", "10:30 a.m. Friday", "2021-10-29T10:30", "minute"),
        ("Shots were heard last night.", "last night", "2021-10-31TNI", "part_of_day"),
        ("The group was active in mid-2019.", "mid-2019", "2019-05-01/2019-08-31", "year"),
    ],
)
def test_time_tagger_normalises_against_publication_date(text, span, value, precision):
    m = _one(text)
    assert (m.text, m.value, m.precision, m.resolved) == (span, value, precision, True)


def test_time_tagger_previous_day_counts_from_the_date_named_before():
    found = tag_times("The attack on Aug. 26, 2021 followed a warning the previous day.", PUBLISHED)
    assert [m.value for m in found] == ["2021-08-26", "2021-08-25"]
    assert found[1].anchor == "reference:2021-08-26"


@pytest.mark.parametrize(
    "text, value, kind",
    [
        ("The siege lasted for six months.", "P6M", "duration"),
        ("It could attack in as little as six months.", "P6M", "duration"),
        ("Convoys are attacked every week.", "P1W", "set"),
        ("Patrols run daily.", "P1D", "set"),
    ],
)
def test_time_tagger_types_durations_and_sets(text, value, kind):
    m = _one(text)
    assert (m.value, m.kind) == (value, kind)


def test_time_tagger_types_future_references():
    assert _one("Talks will resume next week.").kind == "future"
    assert _one("Talks will resume next week.").value == "2021-W45"
    assert _one("The ministers will meet on Friday.").value == "2021-11-05"
    assert _one("The ministers met on Friday.").value == "2021-10-29"


@pytest.mark.parametrize("text", ["last week", "two days ago", "on Tuesday", "yesterday", "late last month", "the previous day"])
def test_time_tagger_leaves_relative_dates_unresolved_without_publication_date(text):
    m = _one(f"It happened {text}.", published=None)
    assert m.resolved is False
    assert m.value is None
    assert m.anchor is None


def test_time_tagger_keeps_what_the_text_gives_without_publication_date():
    assert _one("It happened on Aug. 26.", published=None).value == "XXXX-08-26"
    absolute = _one("It happened on Aug. 26, 2021.", published=None)
    assert (absolute.value, absolute.resolved) == ("2021-08-26", True)


def test_time_tagger_accepts_publication_date_time():
    assert _one("It happened yesterday.", published="2021-11-01T08:30:00+00:00").value == "2021-10-31"


def test_time_tagger_rejects_modal_may_and_counts():
    assert tag_times("Fighters may attack again. He paid 2,014 dollars.", PUBLISHED) == []
    assert _one("The town fell in May.").value == "2021-05"


def test_sitrep_times_stage_fills_doc_times(seed_text):
    nlp = load(base="blank:en", stages=["sitrep_times"])
    doc = run(nlp, seed_text, meta={"published": PUBLISHED})
    times = doc._.times
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]
    by_text = {t.text: t for t in times}
    assert by_text["last week"].value == "2021-W43"
    assert by_text["last month"].value == "2021-10"
    assert by_text["as little as six months"].kind == "duration"
    assert by_text["2014"].value == "2014"
    assert by_text["the next year"].value == "2015"  # counted from 2014, not from the publication
    for t in times:
        assert doc.text[t.start:t.end] == t.text
        assert t.sentence == next(i for i, s in enumerate(doc.sents) if s.start_char <= t.start < s.end_char)


def test_sitrep_times_stage_without_meta_leaves_relative_unresolved(seed_text):
    nlp = load(base="blank:en", stages=["sitrep_times"])
    doc = run(nlp, seed_text, meta=None)
    last_week = next(t for t in doc._.times if t.text == "last week")
    assert (last_week.resolved, last_week.value) == (False, None)


RESULTS_DAY = "1989-10-26"  # a results story in the fourth quarter


@pytest.mark.parametrize(
    "text, span, value",
    [
        # a quarter named without a year is the latest one begun: this year's in October...
        ("Net rose in the fiscal first quarter.", "the fiscal first quarter", "1989-Q1"),
        ("Sales fell in the fourth quarter.", "the fourth quarter", "1989-Q4"),
        # ... comparisons name the quarter talked about a year before
        ("Net rose in the third quarter from the same period last year.", "the same period last year", "1988-Q3"),
        ("Net rose in the third quarter from last year's quarter.", "last year's quarter", "1988-Q3"),
        ("Net rose in the third quarter from the 1988 quarter.", "the 1988 quarter", "1988-Q3"),
        ("Net rose in the third quarter from the quarter a year ago.", "the quarter a year ago", "1988-Q3"),
        ("Results for the latest period were weak.", "the latest period", "1989-Q3"),
        ("Bonuses are paid at year-end.", "year-end", "1989-09-01/1989-12-31"),
        ("Sales slowed earlier in the year.", "earlier in the year", "1989"),
        ("Talks resume the week of Nov. 6.", "the week of Nov. 6", "1989-W45"),
        ("It opened in January nineteen eighty-nine.", "January nineteen eighty-nine", "1989-01"),
    ],
)
def test_time_tagger_reads_results_story_periods(text, span, value):
    found = tag_times(text, RESULTS_DAY)
    assert (found[-1].text, found[-1].value) == (span, value), [(m.text, m.value) for m in found]


def test_time_tagger_quarter_named_in_january_is_last_years():
    assert _one("Profit rose in the fourth quarter.", "1998-01-26").value == "1997-Q4"


def test_time_tagger_year_ago_then_year_earlier_name_one_period():
    found = tag_times("It lost $2 million a year ago. Sales were higher than a year earlier.", RESULTS_DAY)
    assert [m.value for m in found] == ["1988", "1988"]


def test_time_tagger_forecast_does_not_become_the_reference():
    text = "Sales rose in the third quarter. It expects growth in the first quarter of 1990. The year-ago quarter was weak."
    assert [m.value for m in tag_times(text, RESULTS_DAY)] == ["1989-Q3", "1990-Q1", "1988-Q3"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("The airline will almost double its direct flights between the two capitals by August.", "2022-08"),  # "will" 66 characters back
        ("Neither he nor his family could be located Wednesday.", "2021-10-27"),  # "could" is not a future cue
        ("The current account deficit widened.", "PRESENT_REF"),
    ],
)
def test_time_tagger_tense_and_present_cues(text, value):
    assert _one(text).value == value


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("Churches built in the twentieth century.", "the twentieth century", "19"),
        ("A fort from the 11th century.", "the 11th century", "10"),
        ("Music of the nineties.", "the nineties", "199"),
        ("The convoy left at 4 in the morning.", "4 in the morning", "2021-11-01T04:00"),
        ("The convoy left at 9:30 in the evening.", "9:30 in the evening", "2021-11-01T21:30"),
        ("Stocks fell for eight trading days.", "eight trading days", "P8D"),
    ],
)
def test_time_tagger_reads_centuries_spelled_decades_and_hours(text, span, value):
    m = _one(text)
    assert (m.text, m.value) == (span, value)


def test_time_tagger_leaves_ages_in_spelled_decades_alone():
    assert tag_times("He is in his forties.", PUBLISHED) == []


def test_sitrep_times_stage_takes_no_age_from_the_ner():
    from spacy.tokens import Span

    nlp = load(base="blank:en", stages=["sitrep_times"])
    doc = nlp.make_doc("The body of a 60 years old man was found during the holy month.")
    words = [t.text for t in doc]
    age, month = words.index("60"), words.index("the")
    doc.ents = [Span(doc, age, age + 3, "DATE"), Span(doc, month, month + 3, "DATE")]
    doc = nlp.get_pipe("sitrep_times")(doc)
    assert [t.text for t in doc._.times] == ["the holy month"]
