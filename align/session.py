"""Settings of one invocation: the project config file with the command line's overrides, resolved once.

Every command (`check`, `align`, `run`, `translate`, the pre-commit hook) builds one `Settings`
and reads what it needs from it, so a setting in align.toml means the same to all of them. The
vocabulary of settings is defined here once: what the embedder value "none" means, which
severities fail a run under `fail_on`, and how a list of languages is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from align.errors import InputError
from align.model import LANGS, severity_rank

if TYPE_CHECKING:
    from align.accepted import AcceptedSet
    from align.config import Config

# The embedder value that turns sentence embeddings off (any case): alignment then uses only its
# cheap signals (length, figures, names, words).
NO_EMBEDDER = "none"


def embedder_choice(value: str | None) -> str | None:
    """An embedder setting as the aligner takes it: None for "none" (no embedder at all)."""
    if value is None or value.lower() == NO_EMBEDDER:
        return None
    return value


def fails(severity: str | None, fail_on: str) -> bool:
    """Whether an issue of `severity` (None: no issue) fails a run under `fail_on` ("never":
    nothing fails)."""
    if severity is None or fail_on == "never":
        return False
    return severity_rank(severity) >= severity_rank(fail_on)


def parse_langs(value: str | Sequence[str] | None) -> list[str]:
    """"en,uk,ru" (or a list of codes) -> ["en", "uk", "ru"], refusing codes align does not
    know; nothing given -> []."""
    if not value:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    langs = [part.strip().lower() for part in items if part.strip()]
    for lang in langs:
        if lang not in LANGS:
            raise InputError(f"unknown language '{lang}' (use {', '.join(LANGS)})")
    return langs


@dataclass(frozen=True)
class Settings:
    """A project's config with this invocation's overrides; the glossary and accepted issues it
    names are loaded on first use."""

    config: Config
    _loaded: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def resolve(cls, config: Path | None = None, *, source: str | None = None, fail_on: str | None = None,
                embedder: str | None = None, glossary: Iterable[Path] | None = None) -> Settings:
        """The config file (`config`, else looked up from the current directory) with the
        options given on the command line winning; extra glossaries come after the config's."""
        from align.config import load_config

        cfg = load_config(explicit=config)
        changes: dict[str, Any] = {}
        if source:  # an empty --source is no choice, as an absent one
            changes["source"] = source
        if fail_on is not None:
            changes["fail_on"] = fail_on
        if embedder is not None:
            changes["embedder"] = embedder
        if glossary:
            changes["glossary"] = cfg.glossary + tuple(Path(p) for p in glossary)
        return cls(replace(cfg, **changes) if changes else cfg)

    @property
    def source(self) -> str:
        return self.config.source

    @property
    def embedder(self) -> str | None:
        """The sentence embedder for alignment (None: none)."""
        return embedder_choice(self.config.embedder)

    @property
    def fail_on(self) -> str:
        return self.config.fail_on

    @property
    def ignore(self) -> tuple[str, ...]:
        return self.config.ignore

    @property
    def accepted_path(self) -> Path:
        return self.config.accepted_path

    def fails(self, severity: str | None) -> bool:
        return fails(severity, self.fail_on)

    def any_fails(self, severities: Iterable[str | None]) -> bool:
        return any(self.fails(severity) for severity in severities)

    def glossary(self) -> Any:
        """The shipped glossary and the project's (config's first, then the command line's)."""
        if "glossary" not in self._loaded:
            from align import workflow

            self._loaded["glossary"] = workflow.load_glossary(list(self.config.glossary) or None)
        return self._loaded["glossary"]

    def accepted(self) -> AcceptedSet:
        """The project's accepted issues, read once per Settings."""
        if "accepted" not in self._loaded:
            from align.accepted import load_accepted

            self._loaded["accepted"] = load_accepted(self.accepted_path)
        return self._loaded["accepted"]

    def project_files(self) -> list[Path | None]:
        """The files these settings came from, which no output may replace: the config, its
        glossaries and the accepted-issues file (and a config file found by lookup)."""
        from align.config import find_config

        return [*self.config.glossary, self.config.path, self.accepted_path, find_config()]
