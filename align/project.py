"""Project-level settings applied around a check: config file, glossaries, accepted issues."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.config import Config, load_config
from align.errors import InputError
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
    progress: bool | None = False,
) -> tuple[Report, Config]:
    """`align check`: options given on the command line win over the project config, whose
    glossaries come first, and whose accepted issues and ignore patterns are taken out."""
    project = Project.load(glossary, config)
    return (project.check(files, lang=lang, source=source, mode=mode, embedder=embedder, progress=progress),
            project.config)


@dataclass
class Project:
    """The config, glossary and accepted issues a check applies, loaded once for many releases."""

    config: Config
    glossary: object
    accepted: object

    @classmethod
    def load(cls, glossary: Sequence[Path] | None, config: Path | None) -> Project:
        from align.accepted import load_accepted
        from align.workflow import load_glossary

        cfg = load_config(explicit=config)
        return cls(cfg, load_glossary([*cfg.glossary, *(glossary or [])]), load_accepted(cfg.accepted_path))

    def check(self, files: Sequence[Path], *, lang: str | None, source: str | None, mode: str,
              embedder: str | None, progress: bool | None = False) -> Report:
        """progress: a bar on stderr (None: on a terminal, for long inputs)."""
        from align.accepted import apply_accepted
        from align.progress import Stages, wanted
        from align.workflow import check_documents, load_documents, parse_langs, source_sentences

        cfg = self.config
        inputs = load_documents(files, langs=parse_langs(lang), source=source or cfg.source, mode=mode)
        with Stages(wanted(progress, source_sentences(inputs))) as stages:
            report = check_documents(inputs, glossary=self.glossary,
                                     embedder=cfg.embedder if embedder is None else embedder, stages=stages)
        return apply_accepted(report, self.accepted, cfg.ignore)


_RELEASE_FILE = re.compile(r"^(?P<name>.+)\.(?P<lang>[a-z]{2})\.[A-Za-z0-9]+$")


@dataclass
class ReleaseFiles:
    """The files of one release given to `align check` (NAME.en.txt, NAME.uk.txt, ...)."""

    name: str
    files: list[Path]


def group_releases(files: Sequence[Path], lang: str | None) -> list[ReleaseFiles]:
    """The releases among `files`: one when they are two or three versions of one text (or
    --lang names their languages), else grouped by NAME in NAME.LANG.txt, in order of first
    appearance, so `align check news/*.txt` checks every release in one run."""
    if not files:
        raise InputError("give the files to check: NAME.en.txt NAME.uk.txt ...")
    keys, langs = [], []
    for path in files:
        m = _RELEASE_FILE.match(Path(path).name)
        keys.append(str(Path(path).parent / m["name"]) if m else None)
        langs.append(m["lang"] if m else None)
    # Versions of one release may have different names (release.en.txt, draft-2.uk.txt): only a
    # language given twice, or more files than languages, makes several releases.
    one_release = len(files) <= 3 and len(set(langs)) == len(langs)
    if lang or one_release or None in keys:
        return [ReleaseFiles(_display(keys[0] or Path(files[0]).stem), list(files))]
    groups: dict[str, list[Path]] = {}
    for key, path in zip(keys, files, strict=True):
        groups.setdefault(key, []).append(Path(path))
    return [ReleaseFiles(_display(key), paths) for key, paths in groups.items()]


def _display(key: str) -> str:
    return key[2:] if key.startswith("./") else key


def checked_reports(
    releases: Sequence[ReleaseFiles],
    *,
    source: str | None,
    mode: str,
    glossary: Sequence[Path] | None,
    embedder: str | None,
    config: Path | None,
    note=None,
    progress: bool | None = False,
) -> tuple[list[tuple[str, Report]], Config]:
    """`align check` over several releases, each checked as checked_report does; a release with
    only its source version is pending (said through `note`, not checked)."""
    from align.workflow import resolve_languages

    project = Project.load(glossary, config)
    wanted_source = source or project.config.source
    out: list[tuple[str, Report]] = []
    for release in releases:
        if len(release.files) == 1 and resolve_languages(release.files, None) == [wanted_source]:
            if note is not None:
                note(f"{release.name}: pending: only {release.files[0]} so far; nothing to check yet")
            continue
        out.append((release.name, project.check(release.files, lang=None, source=source, mode=mode,
                                                embedder=embedder, progress=progress)))
    if not out:
        raise InputError(f"nothing to check: no release has a translation next to its {wanted_source} version")
    return out, project.config
