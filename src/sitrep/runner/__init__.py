"""Runners: the main job (ingest -> pipeline -> store) on one machine, or scaled out.

Every runner drives the same `sitrep.extraction.extract_many`; they differ only in where the
extraction runs. `local` uses the cores of this machine.
"""
