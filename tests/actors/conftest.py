"""Pipelines for the actor tests: a blank English base, as sitrep runs before its models exist."""

from __future__ import annotations

import pytest

from sitrep.pipeline import load, run

STAGES = ["sitrep_entities", "sitrep_actors", "sitrep_relations"]


@pytest.fixture(scope="session")
def actors_nlp():
    return load(base="blank:en", stages=STAGES)


@pytest.fixture(scope="session")
def link(actors_nlp):
    """Run the actor stages over a text and return the Doc."""

    def _link(text: str):
        return run(actors_nlp, text)

    return _link


def actor_of(doc, text: str):
    """The actor one of whose mentions is exactly `text`."""
    for actor in doc._.actors:
        if any(m.text == text for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor mention {text!r}: {[(a.name, [m.text for m in a.mentions]) for a in doc._.actors]}")
