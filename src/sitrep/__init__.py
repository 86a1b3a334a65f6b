"""sitrep: news reporting on conflict, turned into a structured, sourced situation picture."""
__version__ = "0.1.0"
