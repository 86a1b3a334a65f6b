"""The Python types, the JSON Schema and docs/schema.md describe the same fields."""

import dataclasses
import re

import pytest

from sitrep import document as model
from sitrep.schema import json_schema, problems
from tests.conftest import REPO

DEFS = {
    model.Document: None, model.Entity: "entity", model.Place: "place", model.Time: "time",
    model.Quantity: "quantity", model.Actor: "actor", model.Event: "event", model.Claim: "claim",
    model.Relation: "relation", model.Casualties: "casualties", model.Provenance: "provenance",
    model.Sentence: "sentence", model.Span: "span", model.Mention: "mention", model.Argument: "argument",
}


@pytest.mark.parametrize("cls", DEFS, ids=lambda c: c.__name__)
def test_json_schema_has_exactly_the_python_fields(cls):
    schema = json_schema()
    node = schema if DEFS[cls] is None else schema["$defs"][DEFS[cls]]
    assert set(node["properties"]) == {f.name for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", DEFS, ids=lambda c: c.__name__)
def test_docs_describe_every_field(cls):
    text = (REPO / "docs" / "schema.md").read_text()
    documented = set(re.findall(r"`([a-z_0-9]+)`", text))
    missing = {f.name for f in dataclasses.fields(cls)} - documented
    assert not missing, f"docs/schema.md does not describe {cls.__name__}.{sorted(missing)}"


def test_validator_catches_offsets_that_do_not_point_at_their_text():
    doc = model.Document(id="0" * 16, text="Attack in Kabul.")
    doc.places.append(model.Place(id="p1", text="Kabul", start=9, end=14))
    found = problems(doc.to_dict())
    assert found and "Kabul" in found[0]
    doc.places[0].start, doc.places[0].end = 10, 15
    assert problems(doc.to_dict()) == []


def test_validator_catches_dangling_references():
    doc = model.Document(id="0" * 16, text="Attack.")
    doc.events.append(model.Event(id="e1", type="ASSAULT", trigger=model.Span(start=0, end=6, text="Attack"),
                                  sentence=0, source=["a9"]))
    assert any("a9" in p for p in problems(doc.to_dict()))


def test_schema_lists_exactly_the_event_types_and_modalities_the_stage_emits():
    from sitrep.events.ontology import EVENT_TYPES, MODALITIES

    event = json_schema()["$defs"]["event"]["properties"]
    assert set(event["type"]["enum"]) == set(EVENT_TYPES)
    assert set(event["modality"]["enum"]) == set(MODALITIES)
