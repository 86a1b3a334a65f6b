"""sitrep's numbered error catalogue: every user-facing error has a code to search for.

Each message names what went wrong and how to fix it. Ranges: E0xx core and pipeline,
E1xx ingest, E2xx store and export, E3xx models and training, E4xx places, E5xx times and
quantities, E6xx actors and events, E7xx claims, E8xx evaluation.
"""


class Errors:
    # --- E0xx core and pipeline ---
    E001 = "[E001] Document schema {found!r} is not supported; this sitrep reads {expected!r}. Re-extract the article or upgrade sitrep."
    E002 = "[E002] Pipeline config {path} not found. Pass an existing .cfg file or leave --config out to use sitrep's default."
    E003 = "[E003] Base pipeline {name!r} could not be loaded ({error}). Install that spaCy pipeline, give a path to one, or use 'blank:en'."
    E004 = "[E004] Component {name!r} returned {type} instead of a Doc. A pipeline component must return the Doc it was given."
    E005 = "[E005] Unknown sitrep stage {name!r} in the config. Known stages: {known}."
    E006 = "[E006] Publication date {value!r} is not a date. Give it as ISO 8601, e.g. 2021-11-01."
    E007 = "[E007] Unknown evaluation task {name!r}. Known tasks: {known}."
    E008 = "[E008] {path} does not exist. Check the path, or pass '-' to read standard input."
    # --- E1xx ingest ---
    # --- E2xx store and export ---
    # --- E3xx models and training ---
    # --- E4xx places ---
    # --- E5xx times and quantities ---
    # --- E6xx actors and events ---
    # --- E7xx claims ---
    # --- E8xx evaluation ---


class SitrepError(Exception):
    """An error sitrep explains to its user; the message carries its code."""
