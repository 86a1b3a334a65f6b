"""The table of sitrep's stages and their one-time registration as spaCy factories.

Importing this module registers nothing: `register_stage` is called by `load` for the stages a
config names, so a config that leaves a stage out never imports its module or its data.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from spacy.language import Language

from sitrep.errors import Errors, SitrepError
from sitrep.pipeline.doc import register_extensions


@dataclass(frozen=True)
class Stage:
    module: str  # the module holding the component class
    cls: str  # the class: __init__(nlp, name, **config), __call__(doc) -> doc
    assigns: tuple[str, ...]
    requires: tuple[str, ...] = ()


# In flow order: mentions first (entities, times, numbers, places, actors), then the events
# built on them, then what hangs on events (their place, time, toll), then who said it.
STAGES: dict[str, Stage] = {
    "sitrep_encoder_ner": Stage("sitrep.entities.encoder", "EncoderNer", ("doc.ents",)),
    "sitrep_entities": Stage("sitrep.entities.ruler", "EntityRuler", ("doc.ents",)),
    "sitrep_times": Stage("sitrep.times.component", "TimeTagger", ("doc._.times",)),
    "sitrep_quantities": Stage("sitrep.quantities.component", "QuantityTagger", ("doc._.quantities",)),
    "sitrep_places": Stage("sitrep.places.component", "PlaceResolver", ("doc._.places",), ("doc.ents",)),
    "sitrep_actors": Stage("sitrep.actors.component", "ActorLinker", ("doc._.actors",), ("doc.ents",)),
    "sitrep_events": Stage("sitrep.events.component", "EventExtractor", ("doc._.events",), ("doc._.actors",)),
    "sitrep_relations": Stage("sitrep.actors.relations", "RelationExtractor", ("doc._.relations",), ("doc._.actors",)),
    "sitrep_event_places": Stage("sitrep.places.events", "EventPlacer", ("doc._.events",), ("doc._.events", "doc._.places")),
    "sitrep_event_times": Stage("sitrep.times.events", "EventDater", ("doc._.events",), ("doc._.events", "doc._.times")),
    "sitrep_casualties": Stage("sitrep.quantities.events", "CasualtyLinker", ("doc._.events",), ("doc._.events", "doc._.quantities")),
    "sitrep_attack_arguments": Stage("sitrep.events.attack_arguments", "AttackArguments", ("doc._.events",), ("doc._.events",)),
    "sitrep_claims": Stage("sitrep.claims.component", "ClaimExtractor", ("doc._.claims",)),
}

_registered: set[str] = set()


def register_stage(name: str) -> None:
    """Register stage `name` as a spaCy factory; idempotent."""
    register_extensions()
    if name in _registered or name in Language.factories:
        _registered.add(name)
        return
    if name not in STAGES:
        raise SitrepError(Errors.E005.format(name=name, known=", ".join(STAGES)))
    stage = STAGES[name]
    component = getattr(importlib.import_module(stage.module), stage.cls)
    Language.factory(
        name,
        default_config=dict(getattr(component, "DEFAULT_CONFIG", {})),
        assigns=list(stage.assigns),
        requires=list(stage.requires),
        func=component,
    )
    _registered.add(name)
