"""Runs a module of the checkout's development wing (bench/, tools/) as `python -m <module>` from
the repository root would, so each scripts/ entry point works from any folder: the root goes on
the child's module path through PYTHONPATH, nothing edits sys.path in this process."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_module(name: str) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    os.execve(sys.executable, [sys.executable, "-m", name, *sys.argv[1:]], env)
