"""Project-level settings applied around a check: config file, glossaries, accepted issues."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.model import Report


@dataclass
class CheckSettingsResolved:
    fail_on: str = "error"


def checked_report(
    files: Sequence[Path],
    *,
    lang: str | None,
    source: str,
    mode: str,
    glossary: Sequence[Path] | None,
    embedder: str | None,
    config: Path | None,
) -> tuple[Report, CheckSettingsResolved]:
    """`align check`: options from the command line win over the project config."""
    from align.workflow import check_documents, load_documents, load_glossary, parse_langs

    inputs = load_documents(files, langs=parse_langs(lang), source=source, mode=mode)
    report = check_documents(inputs, glossary=load_glossary(glossary), embedder=embedder)
    return report, CheckSettingsResolved()
