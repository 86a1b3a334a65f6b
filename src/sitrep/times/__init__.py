"""Time expressions: detection, normalisation against the publication date, event dating.

The pipeline stages live in `sitrep.times.component` (``sitrep_times``) and
`sitrep.times.events` (``sitrep_event_times``); `tag_times` works on plain text.
"""

from sitrep.times.published import infer_published
from sitrep.times.tagger import TimeMention, tag_times

__all__ = ["TimeMention", "infer_published", "tag_times"]
