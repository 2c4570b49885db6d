"""The same article and the same event across many reports: de-duplication and fusion."""

from .bcubed import BCubed, bcubed
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
