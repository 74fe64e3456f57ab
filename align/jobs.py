"""The unit of work of every command: check one release, align one release.

`align check` checks the releases it is given one by one, `align run` (align.batch) checks each
release of a folder in a worker, and `align align` aligns one release; all of them take their
settings from one align.session.Settings, so the config file means the same to each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align.errors import InputError
from align.model import Report
from align.session import Settings
from align.textio import release_file


@dataclass
class CheckedRelease:
    """A checked release: its report without the accepted and ignored issues, and the ids of
    every issue found (accepted ones included), which `align run` keys its manifest on."""

    report: Report
    found: list[str]


def check_release(files: Sequence[Path], settings: Settings, *, langs: Sequence[str] | None = None,
                  mode: str = "split", progress: bool | None = False, glossary: Any = None,
                  accepted: Any = None) -> CheckedRelease:
    """Read, align (unless mode is "aligned") and check the versions of one release.

    langs: the files' languages (default: from their NAME.LANG.txt names). progress: a bar on
    stderr (None: on a terminal, for long inputs). glossary, accepted: already loaded ones (a
    batch worker keeps them for many releases); default: the settings'."""
    from align import workflow
    from align.accepted import apply_accepted
    from align.progress import Stages, wanted

    glossary = settings.glossary() if glossary is None else glossary
    accepted = settings.accepted() if accepted is None else accepted
    inputs = workflow.load_documents(files, langs=langs, source=settings.source, mode=mode)
    with Stages(wanted(progress, workflow.source_sentences(inputs))) as stages:
        report = workflow.check_documents(inputs, glossary=glossary, embedder=settings.embedder, stages=stages)
    found = sorted({issue.id for issue in report.issues})
    return CheckedRelease(apply_accepted(report, accepted, settings.ignore), found)


def align_release(files: Sequence[Path], settings: Settings, *, langs: Sequence[str] | None = None,
                  segmented: bool = False, progress: bool | None = False) -> Report:
    """Split (unless segmented) and align the versions of one release; no checking."""
    from align.workflow import align_files

    return align_files(files, langs=langs, source=settings.source, segmented=segmented,
                       embedder=settings.embedder, progress=progress)


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
        m = release_file(path)
        named = m is not None and m["name"] != ""
        keys.append(str(Path(path).parent / m["name"]) if named else None)
        langs.append(m["lang"] if named else None)
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


def check_releases(releases: Sequence[ReleaseFiles], settings: Settings, *, mode: str,
                   langs: Sequence[str] | None = None, note: Callable[[str], None] | None = None,
                   progress: bool | None = False) -> list[tuple[str, Report]]:
    """`align check`: every release checked as check_release does. When there are several, a
    release with only its source version is pending (said through `note`, not checked)."""
    from align.workflow import resolve_languages

    # A bad glossary or accepted-issues file fails before any input is read.
    settings.glossary()
    settings.accepted()
    if len(releases) == 1:
        return [(releases[0].name, check_release(releases[0].files, settings, langs=langs, mode=mode,
                                                 progress=progress).report)]
    out: list[tuple[str, Report]] = []
    for release in releases:
        if len(release.files) == 1 and resolve_languages(release.files, None) == [settings.source]:
            if note is not None:
                note(f"{release.name}: pending: only {release.files[0]} so far; nothing to check yet")
            continue
        out.append((release.name, check_release(release.files, settings, mode=mode, progress=progress).report))
    if not out:
        raise InputError(f"nothing to check: no release has a translation next to its {settings.source} version")
    return out
