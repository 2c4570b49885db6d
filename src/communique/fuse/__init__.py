"""The same article and the same event across many reports: de-duplication and fusion."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

# Eager (light): the function ``bcubed`` must win over the submodule of the same name.
from .bcubed import BCubed, bcubed

if TYPE_CHECKING:
    from .dedup import Duplicate, DuplicateIndex, signature, text_hash
    from .fusion import FuseSettings, FusionIndex, fuse_reports, match_score
    from .model import (
        FieldVariants,
        FusedEvent,
        NamedDelegation,
        NamedMeeting,
        Report,
        SourcedSpan,
        VariantCount,
    )
    from .reports import participant_codes, report_from_event, reports_from_record
    from .summary import fused_id, summarize

# Imported on first use: reading a store needs the fused-event records, not the de-duplication
# (numpy) or the fusion index.
_LAZY = {
    "Duplicate": "dedup",
    "DuplicateIndex": "dedup",
    "signature": "dedup",
    "text_hash": "dedup",
    "FuseSettings": "fusion",
    "FusionIndex": "fusion",
    "fuse_reports": "fusion",
    "match_score": "fusion",
    "FieldVariants": "model",
    "FusedEvent": "model",
    "NamedDelegation": "model",
    "NamedMeeting": "model",
    "Report": "model",
    "SourcedSpan": "model",
    "VariantCount": "model",
    "participant_codes": "reports",
    "report_from_event": "reports",
    "reports_from_record": "reports",
    "fused_id": "summary",
    "summarize": "summary",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())


__all__ = [
    "BCubed",
    "Duplicate",
    "DuplicateIndex",
    "FieldVariants",
    "FuseSettings",
    "FusedEvent",
    "FusionIndex",
    "NamedDelegation",
    "NamedMeeting",
    "Report",
    "SourcedSpan",
    "VariantCount",
    "bcubed",
    "fuse_reports",
    "fused_id",
    "match_score",
    "participant_codes",
    "report_from_event",
    "reports_from_record",
    "signature",
    "summarize",
    "text_hash",
]
