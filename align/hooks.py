"""The pre-commit hook driver: `python -m align.hooks [ALIGN OPTIONS] FILE...`.

pre-commit passes the staged files that match the hook's `files` pattern as arguments, after the
hook's `args`, possibly several releases at once. This driver groups them into releases by name
(`news/x.uk.txt` and `news/x.ru.txt` belong to `news/x.en.txt`), and runs `align check` once per
release, on the source file and every staged translation (when the source itself is staged, on
every translation next to it, since any of them may now disagree). Arguments that are not such
files are passed through to `align check` (e.g. `--fail-on warning`); the source language is
`--source` among them, else the project config's (`--config`, or align.toml looked up), as
`align check` takes it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import AlignError
from align.model import LANGS
from align.textio import one_line, release_file

TEXT_SUFFIX = ".txt"


@dataclass
class ReleaseCheck:
    """One `align check` run: the source file and the translations to check against it."""

    source: Path
    targets: list[Path] = field(default_factory=list)


def _release_key(path: str | Path) -> tuple[Path, str, str] | None:
    """(folder, NAME, LANG) of a NAME.LANG.txt file in one of align's languages, else None."""
    m = release_file(path)
    if m is None or m["lang"] not in LANGS or f".{m['ext']}" != TEXT_SUFFIX:
        return None
    return Path(path).parent, m["name"], m["lang"]


def _is_release_file(arg: str) -> bool:
    return _release_key(arg) is not None and Path(arg).is_file()


def plan_checks(paths: list[str], source: str = "en") -> tuple[list[ReleaseCheck], list[str]]:
    """Group staged files into releases; notes say which files could not be checked and why."""
    staged: dict[tuple[Path, str], set[str]] = {}
    for raw in paths:
        key = _release_key(raw)
        if key is not None:
            parent, stem, lang = key
            staged.setdefault((parent, stem), set()).add(lang)
    checks: list[ReleaseCheck] = []
    notes: list[str] = []
    for (parent, stem), langs in sorted(staged.items()):
        src = parent / f"{stem}.{source}{TEXT_SUFFIX}"
        if not src.is_file():
            names = ", ".join(str(parent / f"{stem}.{lang}{TEXT_SUFFIX}") for lang in sorted(langs))
            notes.append(f"skipped {names}: no {src} next to it to check against")
            continue
        # In LANGS order, so the command line is the same whatever order pre-commit passed files in.
        wanted = [lang for lang in LANGS if lang != source and (source in langs or lang in langs)]
        targets = [parent / f"{stem}.{lang}{TEXT_SUFFIX}" for lang in wanted]
        targets = [t for t in targets if t.is_file()]
        if targets:
            checks.append(ReleaseCheck(src, targets))
    return checks, notes


def align_command() -> list[str]:
    """The `align` console script of this interpreter's environment (pre-commit's hook venv)."""
    here = Path(sys.executable).parent / ("align.exe" if os.name == "nt" else "align")
    if here.is_file():
        return [str(here)]
    found = shutil.which("align")
    if found:
        return [found]
    return [sys.executable, "-m", "align"]


def _option(options: list[str], name: str) -> str | None:
    for i, opt in enumerate(options):
        if opt.startswith(f"{name}="):
            return opt.split("=", 1)[1]
        if opt == name and i + 1 < len(options):
            return options[i + 1]
    return None


def _source_option(options: list[str]) -> str:
    """The source language `align check` will use with these options."""
    from align.session import Settings

    config = _option(options, "--config")
    return Settings.resolve(Path(config) if config else None, source=_option(options, "--source")).source


def main(argv: list[str] | None = None) -> int:
    """Check every staged release; exit 1 when any check fails, 0 otherwise."""
    args = list(sys.argv[1:] if argv is None else argv)
    files = [a for a in args if _is_release_file(a)]
    options = [a for a in args if a not in files]
    try:
        source = _source_option(options)
    except AlignError as exc:  # a broken config: what `align check` would say, once
        print(f"align-check: error: {one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    checks, notes = plan_checks(files, source)
    for note in notes:
        print(f"align-check: {note}", file=sys.stderr)
    status = 0
    for check in checks:
        cmd = [*align_command(), "check", *options, str(check.source), *map(str, check.targets)]
        print(f"align-check: {' '.join([str(check.source), *map(str, check.targets)])}", file=sys.stderr)
        sys.stderr.flush()
        result = subprocess.run(cmd, check=False)
        if result.returncode != 0:
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
