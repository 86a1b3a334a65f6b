"""sitrep_event_times: each event's time, date and ACLED precision; inferred publication dates."""

from __future__ import annotations

from sitrep.document import Event, Span
from sitrep.pipeline import load
from sitrep.pipeline.doc import prepare
from sitrep.times import infer_published

TEXT = ("KABUL, Nov 1 (Reuters) - Gunmen attacked a bus early Sunday. "
        "Talks will resume next week. Police arrested a suspect. The army launched an offensive in early August.")


def _doc_with_events(text: str, published: str | None, triggers: list[str]):
    nlp = load(base="blank:en", stages=["sitrep_times", "sitrep_event_times"])
    doc = prepare(nlp.make_doc(text), {"published": published})
    for name, proc in nlp.pipeline:
        if name == "sitrep_event_times":
            for i, word in enumerate(triggers, 1):
                start = text.index(word)
                sent = next(k for k, s in enumerate(doc.sents) if s.start_char <= start < s.end_char)
                doc._.events.append(Event(id=f"e{i}", type="ASSAULT", trigger=Span(start=start, end=start + len(word), text=word), sentence=sent))
        doc = proc(doc)
    return doc


def test_event_dater_prefers_own_sentence_then_dateline():
    doc = _doc_with_events(TEXT, "2021-11-02", ["attacked", "arrested", "launched"])
    attack, arrest, offensive = doc._.events
    assert (attack.date, attack.time_precision) == ("2021-10-31", 1)
    assert attack.time == next(t.id for t in doc._.times if t.text == "early Sunday")
    assert (arrest.date, arrest.time_precision) == ("2021-11-01", 1)  # the dateline
    assert (offensive.date, offensive.time_precision) == ("2021-08-01/2021-08-10", 2)


def test_event_dater_falls_back_to_publication_date():
    doc = _doc_with_events("Police arrested a suspect. Talks will resume next week.", "2021-11-02", ["arrested", "resume"])
    arrest, talks = doc._.events
    assert (arrest.time, arrest.date, arrest.time_precision) == (None, "2021-11-02", 2)
    assert talks.date == "2021-11-02"  # a future expression does not date an asserted event


def test_event_dater_leaves_undated_events_without_publication_date():
    doc = _doc_with_events("Police arrested a suspect.", None, ["arrested"])
    assert doc._.events[0].date is None


def test_event_dater_handles_no_events():
    doc = _doc_with_events(TEXT, "2021-11-02", [])
    assert doc._.events == []


def test_infer_published_reads_datelines_and_stamps():
    assert infer_published("GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- THE ARMY DENIED TODAY...") == ("1990-02-04", 0.85)
    assert infer_published("Some title\nPublished on 3 March 2022\nBody text.")[0] == "2022-03-03"
    assert infer_published("Gunmen attacked a bus yesterday.") is None  # nothing to anchor on
    day, confidence = infer_published("The town fell on Aug. 26, 2021 and again on Sept. 2, 2021.")
    assert day == "2021-09-02" and confidence < 0.5
    # a day in the article's address outranks the latest date the text names
    assert infer_published("The town fell on Aug. 26, 2021.", "https://example.org/2022/6/9/town-retaken") == ("2022-06-09", 0.8)
    assert infer_published("Body.", "https://example.org/news/20220720/x") == ("2022-07-20", 0.8)
    assert infer_published("Body.", "https://example.org/2022/07/team-kenya/?id=20220720000323") is None


def test_event_dater_skips_the_date_of_the_report():
    text = "The group could attack the city within months, an official told reporters last week."
    doc = _doc_with_events(text, "2021-11-02", ["attack"])
    assert doc._.events[0].time is None  # "last week" dates the telling, not the attack
    said_first = "An official said on Tuesday that gunmen attacked the camp on Sunday."
    doc = _doc_with_events(said_first, "2021-11-03", ["attacked"])
    assert doc._.events[0].date == "2021-10-31"


def test_article_meta_dates_an_article_by_its_address():
    from sitrep.extraction import article_meta

    meta = article_meta("Gunmen attacked a bus yesterday.", {"url": "https://example.org/2022/06/08/bus-attacked"})
    assert (meta["published"], meta["published_source"]) == ("2022-06-08", "inferred")
    given = article_meta("Gunmen attacked a bus yesterday.", {"url": "https://example.org/2022/06/08/x", "published": "2022-06-09"})
    assert given["published"] == "2022-06-09"
