"""sitrep: news reporting on conflict, turned into a structured, sourced situation picture.

    import sitrep
    doc = sitrep.extract(text, published="2021-11-01")
    doc.to_dict()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "__version__", "extract"]

if TYPE_CHECKING:
    from sitrep.document import Document
    from sitrep.extraction import extract


def __getattr__(name: str) -> Any:
    # Lazy, so that `import sitrep` (and the CLI's --help) does not load spaCy.
    if name == "extract":
        from sitrep.extraction import extract

        return extract
    if name == "Document":
        from sitrep.document import Document

        return Document
    raise AttributeError(name)
