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
