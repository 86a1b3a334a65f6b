import json

import pytest

from sitrep.document import SCHEMA, Actor, Document, Event, Place, Span, content_id


def test_content_id_ignores_line_ends_and_blank_runs():
    assert content_id("Kabul, Aug. 26\r\nA blast.") == content_id("Kabul, Aug. 26\nA blast.  ")
    assert content_id("Kabul") != content_id("Kandahar")
    assert len(content_id("x")) == 16


def test_document_round_trips_through_json():
    doc = Document(id="0" * 16, text="Taliban fighters attacked Kabul.")
    doc.actors.append(Actor(id="a1", name="Taliban", aliases=["Islamic Emirate"], sector="rebels", country="AFG"))
    doc.places.append(Place(id="p1", text="Kabul", start=26, end=31, lat=34.5, lon=69.2, country="AFG", resolved=True))
    doc.events.append(Event(id="e1", type="ASSAULT", trigger=Span(start=17, end=25, text="attacked"),
                            sentence=0, source=["a1"], place="p1"))
    back = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert back == doc
    assert isinstance(back.events[0].trigger, Span)
    assert back.places[0].lat == 34.5


def test_from_dict_refuses_unknown_schema_version():
    data = Document(id="0" * 16, text="x").to_dict()
    data["schema"] = "sitrep.document/9"
    with pytest.raises(ValueError, match="E001"):
        Document.from_dict(data)
    assert Document.from_dict({**data, "schema": SCHEMA}).schema == SCHEMA


def test_sentence_of_offset():
    from sitrep.document import Sentence

    doc = Document(id="0" * 16, text="One. Two.", sentences=[Sentence(start=0, end=4), Sentence(start=5, end=9)])
    assert [doc.sentence_of(i) for i in (0, 3, 5, 8, 50)] == [0, 0, 1, 1, 1]
