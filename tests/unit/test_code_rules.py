"""Rules the runtime package keeps as it grows: language knowledge lives in data/lang/, not in
the code (no Cyrillic anywhere in align/*.py), functions stay short enough to read whole, and
no file names one machine's paths."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.paths import ROOT

PACKAGE = sorted((ROOT / "align").rglob("*.py"))
CYRILLIC = re.compile("[\u0400-\u04ff]")
MAX_FUNCTION_LINES = 80


@pytest.mark.parametrize("path", PACKAGE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_cyrillic_in_the_package_code(path: Path) -> None:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if CYRILLIC.search(line)]
    assert not lines, f"{path.name}: Cyrillic on lines {lines}; language data goes to data/lang/<code>/"


@pytest.mark.parametrize("path", PACKAGE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_over_80_lines(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"{path.name}: {long}"


def test_no_absolute_machine_path_in_tracked_text() -> None:
    import subprocess

    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    pattern = re.compile(r"(?<![\w.])/(?:work|home|Users)/[\w.-]+/")
    offenders = []
    for name in files:
        path = ROOT / name
        if path.suffix not in {".py", ".md", ".toml", ".txt", ".sh", ".cfg", ".yml", ".yaml", ".json"} \
                and path.name != "Makefile":
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        offenders += [f"{name}:{n}" for n, line in enumerate(text.splitlines(), 1) if pattern.search(line)]
    assert not offenders, offenders
