"""PLOVER events: who did what to whom, with modality and an ACLED view (stage `sitrep_events`)."""
