"""One-to-one matching of predictions to gold items, shared by the evaluators."""

from __future__ import annotations


def max_matching(options: list[list[int]]) -> int:
    """Size of a maximum matching: `options[p]` lists the gold items prediction p may match.

    Kuhn's augmenting paths. Matching in text order instead can leave a gold item unmatched
    when one prediction touches two gold items and another fits only the first; the lists are
    short (one document's items), so no assignment solver is needed.
    """
    owner: dict[int, int] = {}  # gold index -> the prediction it is matched to

    def augment(pred: int, seen: set[int]) -> bool:
        for gold in options[pred]:
            if gold not in seen:
                seen.add(gold)
                if gold not in owner or augment(owner[gold], seen):
                    owner[gold] = pred
                    return True
        return False

    return sum(augment(pred, set()) for pred in range(len(options)) if options[pred])
