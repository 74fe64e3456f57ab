"""Project-level settings applied around a check: config file, glossaries, accepted issues."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from align.config import Config, load_config
from align.model import Report


def checked_report(
    files: Sequence[Path],
    *,
    lang: str | None,
    source: str | None,
    mode: str,
    glossary: Sequence[Path] | None,
    embedder: str | None,
    config: Path | None,
) -> tuple[Report, Config]:
    """`align check`: options given on the command line win over the project config, whose
    glossaries come first, and whose accepted issues and ignore patterns are taken out."""
    from align.accepted import apply_accepted, load_accepted
    from align.workflow import check_documents, load_documents, load_glossary, parse_langs

    cfg = load_config(explicit=config)
    inputs = load_documents(files, langs=parse_langs(lang), source=source or cfg.source, mode=mode)
    glossaries = [*cfg.glossary, *(glossary or [])]
    report = check_documents(inputs, glossary=load_glossary(glossaries),
                             embedder=cfg.embedder if embedder is None else embedder)
    report = apply_accepted(report, load_accepted(cfg.accepted_path), cfg.ignore)
    return report, cfg
