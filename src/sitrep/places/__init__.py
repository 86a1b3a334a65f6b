"""Where: place recognition, resolution against an offline gazetteer, and event geolocation.

    from sitrep.places import resolve
    places = resolve(text, [(start, end), ...])

Importing this package loads no data; the gazetteer is read on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sitrep.document import Place, Span


def resolve(text: str, spans: Sequence[tuple[int, int] | Span]) -> list[Place]:
    """Resolve given place spans of one text; see `sitrep.places.resolver.resolve`."""
    from sitrep.places.resolver import resolve as _resolve

    return _resolve(text, spans)


__all__ = ["resolve"]
