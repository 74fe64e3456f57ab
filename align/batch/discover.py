"""Which releases `align run` is given: every NAME.LANG.txt in the input folders, or the files named."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from align.config import Config
from align.errors import InputError
from align.model import LANGS
from align.textio import release_file


@dataclass(frozen=True)
class Release:
    """One news release: its name and the input file of each language it came with."""

    name: str
    files: dict[str, Path]  # lang -> input file (the source and translators' drafts)


def discover_releases(
    inputs: Sequence[Path], config: Config, out_dir: Path | None = None, produced: set[Path] | None = None,
    follow_links: bool = False,
) -> tuple[list[Release], list[str]]:
    """Releases in `inputs` (directories: every NAME.LANG.txt directly inside; or explicit files).

    `produced` are machine translations an earlier run wrote; they are outputs, not drafts, when
    the output folder is also an input folder. A symlink in a folder that leads out of it is
    skipped unless `follow_links` (in CI a pull request can add one to any file of the runner);
    so are dangling links, link loops and FIFOs or devices, each with a warning. Raises
    InputError for bad input.
    """
    produced = {p.resolve() for p in (produced or set())}
    warnings: list[str] = []
    found: dict[str, dict[str, Path]] = {}
    if not inputs:
        raise InputError("give a folder of releases (NAME.en.txt, NAME.uk.txt, ...) or release files")

    def add(path: Path, explicit: bool) -> None:
        m = _txt_release(path)
        if not m or m["lang"] not in LANGS:
            if explicit:
                raise InputError(f"{path}: not a release file; name it NAME.LANG.txt with LANG one of "
                                 f"{', '.join(LANGS)} (e.g. budget.en.txt)")
            if m:
                warnings.append(f"{path}: skipped, '.{m['lang']}.' is not one of {', '.join(LANGS)}")
            return
        if m["lang"] not in config.languages:
            warnings.append(f"{path}: skipped, {m['lang']} is not in the configured languages")
            return
        if path.resolve() in produced:
            return
        name, lang = m["name"], m["lang"]
        other = found.setdefault(name, {}).get(lang)
        if other is not None and other.resolve() != path.resolve():
            raise InputError(f"two inputs for release '{name}' in {lang}: {other} and {path}")
        found[name][lang] = path

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.suffix == ".txt" and not child.name.startswith("."):
                    skipped = _unfit_child(child, path, follow_links)
                    if skipped is None:
                        add(child, explicit=False)
                    elif skipped:
                        warnings.append(skipped)
        elif path.is_file():
            add(path, explicit=True)
        elif path.exists():
            raise InputError(f"{path}: is not a regular file (a FIFO, device or socket); give release files or folders")
        else:
            raise InputError(f"{path}: no such file or folder")
    if not found:
        where = ", ".join(str(p) for p in inputs)
        raise InputError(f"no releases found in {where} (expected files named NAME.{config.source}.txt)")
    releases = [Release(name, dict(sorted(files.items(), key=lambda kv: LANGS.index(kv[0]))))
                for name, files in sorted(found.items())]
    return releases, warnings


def _unfit_child(child: Path, folder: Path, follow_links: bool) -> str | None:
    """Why a *.txt entry of an input folder is not read (a warning; "" to pass over it
    silently), or None to read it."""
    if child.is_symlink():
        try:
            target = child.resolve(strict=True)
        except FileNotFoundError:
            return f"{child}: skipped, a dangling link"
        except (OSError, RuntimeError):
            return f"{child}: skipped, a link loop"
        if not follow_links and not target.is_relative_to(folder.resolve()):
            return f"{child}: skipped, a link to {target}, outside {folder} (--follow-links reads it)"
    if child.is_dir():
        return ""
    if not child.is_file():
        return f"{child}: skipped, not a regular file (a FIFO, device or socket)"
    return None


def _txt_release(path: Path) -> re.Match[str] | None:
    """The NAME.LANG.txt parts of a file name; None for other names and hidden files."""
    m = release_file(path)
    if m is None or m["ext"] != "txt" or m["name"][:1] in ("", "."):
        return None
    return m
