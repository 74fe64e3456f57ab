"""Helpers of the robustness suite and other CLI tests: run the CLI in this process (fast) or as
a subprocess (kill, hash seeds, FIFOs), and checksums proving that no input file changed."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.paths import ROOT

EN = ("Russia launched 47 drones and 3 missiles at Ukraine overnight, the air force said on Monday. "
      "Air defence shot down 41 drones over Kyiv and Odesa.\n")
UK = ("Росія запустила по Україні 47 дронів і 3 ракети вночі, повідомили Повітряні сили в понеділок. "
      "ППО збила 41 дрон над Києвом та Одесою.\n")
RU = ("Россия запустила по Украине 47 дронов и 3 ракеты ночью, сообщили Воздушные силы в понедельник. "
      "ПВО сбила 41 дрон над Киевом и Одессой.\n")
TEXTS = {"en": EN, "uk": UK, "ru": RU}


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def align(*args: str | os.PathLike, cwd: Path | None = None) -> Result:
    """`align ARGS` in this process, through the console entry point (exit codes, one-line errors)."""
    from align.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_argv, old_cwd = sys.argv, os.getcwd()
    sys.argv = ["align", *map(str, args)]
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = old_argv
        os.chdir(old_cwd)
    return Result(code, out.getvalue(), err.getvalue())


def align_subprocess(*args: str | os.PathLike, cwd: Path | None = None, env: dict[str, str] | None = None,
                     timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout, **kwargs)


def assert_input_error(result: Result | subprocess.CompletedProcess, needle: str = "") -> None:
    """Exit 2, one line on stderr starting `align: error:`, no traceback, no internal error."""
    code = result.code if isinstance(result, Result) else result.returncode
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert code == 2, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    errors = [line for line in lines if line.startswith("align: error:")]
    assert len(errors) == 1 and lines[-1] == errors[0], result.stderr
    assert needle.lower() in errors[0].lower(), errors[0]


def assert_worked(result: Result | subprocess.CompletedProcess) -> None:
    """Exit 0 or 1 (clean or issues found), never an error."""
    code = result.code if isinstance(result, Result) else result.returncode
    assert code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "error:" not in result.stderr, result.stderr


def checksums(root: Path) -> dict[str, str]:
    """sha256 of every regular file under `root` (links not followed), by relative path."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def files(folder: Path, *langs: str) -> list[Path]:
    return [folder / f"r.{lang}.txt" for lang in langs or ("en", "uk", "ru")]
