"""Where the project's data files live: `data/` in a checkout, `align/_data` in a wheel."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

import tomllib

_PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def data_dir() -> Path:
    for candidate in (_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("align's data directory is missing (neither align/_data nor data/)")


def data_path(*parts: str) -> Path:
    return data_dir().joinpath(*parts)


def lang_path(lang: str, name: str) -> Path:
    """Per-language data file, e.g. lang_path("uk", "abbreviations.txt")."""
    return data_path("lang", lang, name)


@cache
def load_toml(*parts: str) -> dict:
    return load_toml_file(data_path(*parts))


@cache
def load_toml_file(path: Path) -> dict:
    """A TOML file shipped with align (data or parameters), read once."""
    with path.open("rb") as fh:
        return tomllib.load(fh)


def read_lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a plain list file."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def registry_path() -> Path:
    """The model registry: models/registry.toml in a checkout, align/_data/models in a wheel."""
    for candidate in (_PACKAGE_DIR / "_data" / "models" / "registry.toml",
                      _PACKAGE_DIR.parent / "models" / "registry.toml"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("align's model registry (models/registry.toml) is missing")


def _tree_digest(root: Path, paths: list[Path]) -> str:
    """sha256 (16 hex) of files under `root`: their relative names and bytes, in name order."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def code_fingerprint() -> str:
    """Digest of the align package's Python source and of the parameters shipped beside it
    (align/alignment/params.toml): an edited or upgraded install (same version number, other
    code) does not serve results of the old code."""
    return _tree_digest(_PACKAGE_DIR, [p for p in _PACKAGE_DIR.rglob("*") if p.suffix in (".py", ".toml")
                                       and "_data" not in p.relative_to(_PACKAGE_DIR).parts])


def data_fingerprint() -> str:
    """Digest of every shipped language-data file, samples excepted: what the splitter,
    extractors, glossary and aligner read, so cached results die with a data change."""
    root = data_dir()
    return _tree_digest(root, [p for p in root.rglob("*") if p.is_file() and "samples" not in p.relative_to(root).parts])
