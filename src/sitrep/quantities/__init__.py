"""Quantities: numbers in digits and words with bounds, what they count, and casualty tolls.

The pipeline stages live in `sitrep.quantities.component` (``sitrep_quantities``) and
`sitrep.quantities.events` (``sitrep_casualties``); `parse_number` reads one number.
"""

from sitrep.quantities.numbers import Reading, parse_number

__all__ = ["Reading", "parse_number"]
