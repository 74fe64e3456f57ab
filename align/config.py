"""Project configuration: `[tool.align]` in pyproject.toml or an `align.toml`.

Looked up from the current directory upwards (the first `align.toml`, or `pyproject.toml` that has
a `[tool.align]` table, wins), or given explicitly with `--config FILE`. Example::

    # align.toml  (in pyproject.toml the same keys go under [tool.align])
    source = "en"
    languages = ["en", "uk", "ru"]
    glossary = ["terms/newsroom.toml"]      # relative to this file
    fail_on = "error"                       # error | warning | info | never
    ignore = ["name:*:*", "*Kyiv*"]         # fnmatch globs on issue id / rule / category / message
    embedder = "auto"
    accepted = ".align-accepted.toml"       # relative to this file (this is the default)

    [models]                                # direction -> model name (see models/registry.toml)
    en-uk = "Helsinki-NLP/opus-mt-en-uk"

Settings that shape a report are hashed by `Config.fingerprint()`, which the batch runner uses
to decide whether earlier outputs are still valid. The command line's overrides are applied in
align.session.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from align.errors import InputError
from align.model import LANGS, SEVERITIES
from align.session import parse_langs
from align.textio import read_toml

CONFIG_FILENAME = "align.toml"
PYPROJECT_FILENAME = "pyproject.toml"
ACCEPTED_FILENAME = ".align-accepted.toml"
# "never": report issues but never fail a run because of them.
FAIL_ON_LEVELS: tuple[str, ...] = (*SEVERITIES, "never")
_DIRECTION = re.compile(r"^(?P<src>[a-z]{2})-(?P<tgt>[a-z]{2})$")


@dataclass(frozen=True)
class Config:
    """Settings of a project; every field has a default so an empty config is valid."""

    path: Path | None = None  # the file these settings came from (None: built-in defaults)
    source: str = "en"
    languages: tuple[str, ...] = LANGS
    glossary: tuple[Path, ...] = ()  # absolute paths
    fail_on: str = "error"
    ignore: tuple[str, ...] = ()
    models: dict[str, str] = field(default_factory=dict)  # "en-uk" -> model name
    embedder: str = "auto"
    accepted_file: Path | None = None  # None: .align-accepted.toml in the current directory

    @property
    def root(self) -> Path:
        """Directory that relative paths in the config refer to (the cwd without a config)."""
        return self.path.parent if self.path is not None else Path.cwd()

    @property
    def accepted_path(self) -> Path:
        return self.accepted_file if self.accepted_file is not None else self.root / ACCEPTED_FILENAME

    @property
    def targets(self) -> list[str]:
        return [lang for lang in self.languages if lang != self.source]

    def model_for(self, source: str, target: str) -> str | None:
        return self.models.get(f"{source}-{target}")

    def fingerprint(self) -> str:
        """Hash of every setting that shapes a report, including the glossary files' bytes.

        `fail_on` is left out on purpose: it decides the exit code, not the report, so changing
        it must not redo finished work.
        """
        glossaries = []
        for path in self.glossary:
            try:
                glossaries.append(hashlib.sha256(path.read_bytes()).hexdigest())
            except OSError as exc:
                raise InputError(f"{path}: cannot read glossary ({exc.strerror})") from None
        payload = {
            "source": self.source,
            "languages": list(self.languages),
            "glossary": glossaries,
            "ignore": list(self.ignore),
            "models": dict(sorted(self.models.items())),
            "embedder": self.embedder,
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


_KEYS = ("source", "languages", "glossary", "fail_on", "ignore", "models", "embedder", "accepted")


def find_config(start: Path | None = None) -> Path | None:
    """The nearest align.toml, or pyproject.toml with [tool.align], from `start` upwards."""
    here = (start or Path.cwd()).resolve()
    if here.is_file():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_FILENAME
        if candidate.is_file():
            return candidate
        pyproject = directory / PYPROJECT_FILENAME
        if pyproject.is_file() and _pyproject_has_section(pyproject):
            return pyproject
    return None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """Settings from `explicit`, else from the nearest config file above `start`, else defaults."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(f"{path}: config file not found")
        table = _read_table(path, require_section=True)
    else:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
        table = _read_table(path, require_section=False)
    return _parse(table, path.resolve())


def _pyproject_has_section(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that may not even be ours: let the explicit path report it.
        return False
    return isinstance(data.get("tool"), dict) and "align" in data["tool"]


def _read_table(path: Path, require_section: bool) -> dict[str, Any]:
    data = read_toml(path)
    if path.name == PYPROJECT_FILENAME:
        tool = data.get("tool")
        section = tool.get("align") if isinstance(tool, dict) else None
        if section is None:
            if require_section:
                raise InputError(f"{path}: has no [tool.align] table")
            return {}
        if not isinstance(section, dict):
            raise InputError(f"{path}: [tool.align] must be a table")
        return section
    return data


def _parse(table: dict[str, Any], path: Path) -> Config:
    where = f"{path}"
    prefix = "tool.align." if path.name == PYPROJECT_FILENAME else ""

    def fail(key: str, problem: str) -> InputError:
        return InputError(f"{where}: {prefix}{key}: {problem}")

    for key in table:
        if key not in _KEYS:
            close = difflib.get_close_matches(key, _KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(_KEYS)})"
            raise fail(key, f"unknown setting{hint}")

    source = table.get("source", "en")
    if source not in LANGS:
        raise fail("source", f"must be one of {', '.join(LANGS)}, not {source!r}")

    try:
        languages = parse_langs(_string_list(table, "languages", fail, default=list(LANGS)))
    except InputError as exc:
        raise fail("languages", str(exc)) from None
    if len(set(languages)) != len(languages):
        raise fail("languages", "lists a language twice")
    if source not in languages:
        raise fail("languages", f"must include the source language {source!r}")
    if len(languages) < 2:
        raise fail("languages", "needs the source and at least one other language")

    glossary_entries = table.get("glossary", [])
    if isinstance(glossary_entries, str):
        glossary_entries = [glossary_entries]
    if not isinstance(glossary_entries, list) or not all(isinstance(g, str) for g in glossary_entries):
        raise fail("glossary", "must be a path or a list of paths")
    glossary = []
    for entry in glossary_entries:
        try:
            resolved = (path.parent / entry).resolve()
        except (OSError, ValueError) as exc:  # a NUL in the name, a link loop
            raise fail("glossary", f"{entry!r} is not a usable path ({exc})") from None
        if not resolved.is_file():
            raise fail("glossary", f"{entry!r} not found (looked for {resolved})")
        glossary.append(resolved)

    fail_on = table.get("fail_on", "error")
    if fail_on not in FAIL_ON_LEVELS:
        raise fail("fail_on", f"must be one of {', '.join(FAIL_ON_LEVELS)}, not {fail_on!r}")

    ignore = _string_list(table, "ignore", fail, default=[])

    models = table.get("models", {})
    if not isinstance(models, dict):
        raise fail("models", 'must be a table of direction = "model name", e.g. en-uk = "..."')
    for direction, name in models.items():
        m = _DIRECTION.match(direction)
        if not m or m["src"] not in LANGS or m["tgt"] not in LANGS or m["src"] == m["tgt"]:
            raise fail(f"models.{direction}", "direction must look like en-uk (two of en, uk, ru)")
        if not isinstance(name, str) or not name.strip():
            raise fail(f"models.{direction}", "model name must be a non-empty string")

    embedder = table.get("embedder", "auto")
    if not isinstance(embedder, str) or not embedder.strip():
        raise fail("embedder", "must be a non-empty string (e.g. auto, none, or a model name)")

    accepted = table.get("accepted")
    if accepted is not None and (not isinstance(accepted, str) or not accepted.strip() or "\x00" in accepted):
        raise fail("accepted", "must be a path to the accepted-issues file")

    return Config(
        path=path,
        source=source,
        languages=tuple(languages),
        glossary=tuple(glossary),
        fail_on=fail_on,
        ignore=tuple(ignore),
        models={k: v.strip() for k, v in models.items()},
        embedder=embedder.strip(),
        accepted_file=(path.parent / accepted).resolve() if accepted else None,
    )


def _string_list(table: dict[str, Any], key: str, fail, default: list[str]) -> list[str]:
    value = table.get(key, default)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, "must be a list of strings")
    return list(value)
