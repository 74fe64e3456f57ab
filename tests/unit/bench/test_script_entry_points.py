"""scripts/*.py are thin entry points: each names a module of bench/ or tools/ that exists and
runs from any working folder."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from tests.paths import ROOT

SCRIPTS = sorted(p for p in (ROOT / "scripts").glob("*.py") if not p.name.startswith("_"))


def _module(script) -> str:
    match = re.search(r'run_module\("([\w.]+)"\)', script.read_text(encoding="utf-8"))
    assert match, f"{script.name} is not a run_module entry point"
    return match.group(1)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_each_script_names_a_module_that_exists(script):
    name = _module(script)
    assert name.split(".")[0] in ("bench", "tools")
    assert importlib.util.find_spec(name) is not None, name


def test_a_script_runs_from_another_folder(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_split.py"), "--help"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "usage" in out.stdout
