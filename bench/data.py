"""Where the shared evaluation data lives, and loaders for it.

The data is never copied into the repository: it is found through an environment variable or,
by default, in `../shared/data/` beside the repository root (where every worktree sees it).
A missing set is one line on stderr and exit 2 (see `exit_on_missing`), never a traceback.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"

FLORES_ENV = "ALIGN_FLORES_DIR"
BIO_MQM_ENV = "ALIGN_BIO_MQM_DIR"
FLORES_DEFAULT = SHARED_DATA / "flores200-devtest"
BIO_MQM_DEFAULT = SHARED_DATA / "bio-mqm-enru"
# --help texts of every benchmark, so the lookup order is written where it is implemented.
FLORES_HELP = (f"FLORES-200 devtest folder (default: ${FLORES_ENV}, else "
               f"../{FLORES_DEFAULT.relative_to(REPO_ROOT.parent).as_posix()} beside the repository)")
BIO_MQM_HELP = (f"bio MQM en-ru folder (default: ${BIO_MQM_ENV}, else "
                f"../{BIO_MQM_DEFAULT.relative_to(REPO_ROOT.parent).as_posix()} beside the repository)")
FLORES_LANGS = ("en", "uk", "ru")


class DataMissing(Exception):
    """An evaluation data set is not where the locator looked; the message says where and how to fix."""


def _locate(explicit: str | os.PathLike | None, env: str, default: Path, required: tuple[str, ...],
            what: str, option: str) -> Path:
    if explicit:
        folder, source = Path(explicit), f"from {option}"
    elif os.environ.get(env):
        folder, source = Path(os.environ[env]), f"from ${env}"
    else:
        folder, source = default, "default"
    missing = [name for name in required if not (folder / name).is_file()]
    if missing:
        raise DataMissing(f"{what} not found at {folder} ({source}; no {missing[0]}): "
                          f"set {env} or pass {option} DIR")
    return folder


def flores_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The FLORES-200 devtest folder (en.txt, uk.txt, ru.txt): `explicit`, else $ALIGN_FLORES_DIR,
    else ../shared/data/flores200-devtest beside the repository root."""
    return _locate(explicit, FLORES_ENV, FLORES_DEFAULT,
                   tuple(f"{lang}.txt" for lang in FLORES_LANGS), "FLORES-200 devtest", "--flores")


def bio_mqm_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The biomedical MQM en-ru folder (segments.jsonl): `explicit`, else $ALIGN_BIO_MQM_DIR,
    else ../shared/data/bio-mqm-enru beside the repository root."""
    return _locate(explicit, BIO_MQM_ENV, BIO_MQM_DEFAULT, ("segments.jsonl",),
                   "bio MQM en-ru set", "--mqm")


def load_flores(explicit: str | os.PathLike | None = None,
                langs: tuple[str, ...] = FLORES_LANGS) -> dict[str, list[str]]:
    """Line-aligned FLORES sentences per language."""
    folder = flores_dir(explicit)
    lines = {lang: (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in langs}
    if len({len(v) for v in lines.values()}) != 1:
        raise DataMissing(f"FLORES files in {folder} are not line-aligned "
                          f"({', '.join(f'{k}: {len(v)}' for k, v in lines.items())} lines)")
    return lines


def load_bio_mqm(explicit: str | os.PathLike | None = None) -> list[dict]:
    """Segments of the bio MQM set: dicts with set, system, doc, seg, en, ru, errors."""
    path = bio_mqm_dir(explicit) / "segments.jsonl"
    segments = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                segments.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise DataMissing(f"{path}:{number}: not a JSON line ({exc.msg})") from None
    return segments


def _program() -> str:
    """The running benchmark's name: bench.check under `python -m`, else the script's file name."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return spec.name if spec is not None else Path(sys.argv[0]).name


def exit_on_missing(main: Callable[..., int | None]) -> Callable[..., int]:
    """Wrap a script's main so that missing data is one line on stderr and exit status 2."""

    @functools.wraps(main)
    def wrapper(*args, **kwargs) -> int:
        try:
            return main(*args, **kwargs) or 0
        except DataMissing as exc:
            print(f"{_program()}: {exc}", file=sys.stderr)
            return 2

    return wrapper
