"""The machine-readable contract of `sitrep.document/1` and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = "document-1.json"


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    return json.loads(resources.files("sitrep.schema").joinpath(SCHEMA_FILE).read_text("utf-8"))


def problems(document: dict[str, Any]) -> list[str]:
    """Everything wrong with a document dict: schema violations, then offsets that do not point
    at the text they claim (the evidence a user checks), then references to missing items."""
    validator = Draft202012Validator(json_schema())
    found = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(document)]
    return found or _offset_problems(document) + _reference_problems(document)


def validate(document: dict[str, Any]) -> None:
    """Raise ValueError listing the problems of `document`, if any."""
    found = problems(document)
    if found:
        raise ValueError("document does not follow sitrep.document/1:\n  " + "\n  ".join(found[:20]))


def _spans(document: dict[str, Any]):
    for key in ("entities", "places", "times", "quantities"):
        for i, item in enumerate(document[key]):
            yield f"{key}/{i}", item
    for i, actor in enumerate(document["actors"]):
        for j, mention in enumerate(actor["mentions"]):
            yield f"actors/{i}/mentions/{j}", mention
    for i, event in enumerate(document["events"]):
        yield f"events/{i}/trigger", event["trigger"]
        for j, argument in enumerate(event.get("arguments", [])):
            yield f"events/{i}/arguments/{j}", argument
    for i, claim in enumerate(document["claims"]):
        for part in ("speaker", "speaker_resolved", "cue", "content"):
            if claim.get(part):
                yield f"claims/{i}/{part}", claim[part]


def _offset_problems(document: dict[str, Any]) -> list[str]:
    text, found = document["text"], []
    for where, span in _spans(document):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            found.append(f"{where}: offsets {start}..{end} outside the text ({len(text)} chars)")
        elif span.get("text") and text[start:end] != span["text"]:
            found.append(f"{where}: text {span['text']!r} != text[{start}:{end}] {text[start:end]!r}")
    return found


def _reference_problems(document: dict[str, Any]) -> list[str]:
    ids = {key: {item["id"] for item in document[key]} for key in ("places", "times", "quantities", "events", "claims", "actors")}
    found = []
    for event in document["events"]:
        for role in ("source", "target"):
            found += [f"event {event['id']}: {role} {a} is no actor" for a in event[role] if a not in ids["actors"]]
        if event["place"] and event["place"] not in ids["places"]:
            found.append(f"event {event['id']}: place {event['place']} is no place")
        if event["time"] and event["time"] not in ids["times"]:
            found.append(f"event {event['id']}: time {event['time']} is no time")
    for rel in document["relations"]:
        found += [f"relation {rel['type']}: {a} is no actor" for a in (rel["source"], rel["target"]) if a not in ids["actors"]]
    return found
