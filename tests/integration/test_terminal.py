"""The terminal of issue 9: progress bar on a TTY only, --quiet/--verbose everywhere, shell
completion, width, FORCE_COLOR/NO_COLOR, the short signature, `align align -f table`."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from align.reports.common import short_signature
from tests.integration.robustness.helpers import align
from tests.paths import ROOT

ANSI = re.compile(r"\x1b\[[0-9;]*m")
EN = "The ministry bought 99 missiles for Kharkiv on Monday, officials said.\n"
UK = "Міністерство купило 98 ракет для Харкова в понеділок, повідомили посадовці.\n"


@pytest.fixture()
def pair(tmp_path: Path) -> list[Path]:
    (tmp_path / "r.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "r.uk.txt").write_text(UK, encoding="utf-8")
    return [tmp_path / "r.en.txt", tmp_path / "r.uk.txt"]


def run(*args, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    full.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True, text=True,
                          env=full, cwd=cwd, timeout=300)


def on_a_tty(*args, cwd: Path) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal; what it wrote there."""
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    proc = subprocess.Popen([sys.executable, "-m", "align", *map(str, args)], stderr=slave,
                            stdout=subprocess.DEVNULL, env=env, cwd=cwd)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    os.close(master)
    return proc.wait(timeout=300), data.decode("utf-8", "replace")


def test_a_long_check_shows_a_bar_on_a_terminal_and_nothing_when_piped(tmp_path: Path) -> None:
    (tmp_path / "long.en.txt").write_text("".join(f"The army fired {i} missiles at Kharkiv.\n" for i in range(300)))
    (tmp_path / "long.uk.txt").write_text("".join(f"Армія випустила {i} ракет по Харкову.\n" for i in range(300)))
    args = ("check", "long.en.txt", "long.uk.txt", "--aligned", "--embedder", "none", "-f", "json", "-o", "r.json")
    code, tty = on_a_tty(*args, cwd=tmp_path)
    assert code == 0
    assert "checking" in tty and "300/300" in tty and "━" in tty
    piped = run(*args, cwd=tmp_path)
    assert piped.returncode == 0 and piped.stderr == "align: wrote r.json\n"
    code, quiet = on_a_tty(*args, "--quiet", cwd=tmp_path)
    assert code == 0 and quiet.strip() == ""


@pytest.mark.parametrize("command", [["check"], ["align"], ["translate"], ["run"], ["accept"],
                                     ["models", "list"], ["models", "pull"]])
def test_every_command_has_quiet_and_verbose(command) -> None:
    result = align(*command, "--help")
    assert result.code == 0 and "--quiet" in result.stdout and "--verbose" in result.stdout


def test_quiet_says_nothing_and_verbose_says_more(pair) -> None:
    quiet = align("check", *pair, "--embedder", "none", "-f", "json", "-o", pair[0].parent / "q.json", "--quiet")
    assert quiet.code == 1 and quiet.stderr == ""
    verbose = align("check", *pair, "--embedder", "none", "--verbose")
    report = json.loads(align("check", *pair, "--embedder", "none", "-f", "json").stdout)
    assert f"signature: {report['signature']}" in verbose.stdout  # complete in --verbose and JSON
    assert re.search(r"checked 1 release\(s\), 1 segments in \d+\.\d\d s", verbose.stderr)
    both = align("check", *pair, "-q", "-v")
    assert both.code == 2 and "choose --quiet or --verbose" in both.stderr


def test_the_default_signature_is_short(pair) -> None:
    out = align("check", *pair, "--embedder", "none").stdout
    line = next(line for line in out.splitlines() if line.startswith("signature: "))
    short = line.removeprefix("signature: ")
    assert len(short) < 120 and re.fullmatch(r"v:[\w.]+(\|[a-z]+:[^|]+)+\|sig:[0-9a-f]{8}", short), short
    full = json.loads(align("check", *pair, "--embedder", "none", "-f", "json").stdout)["signature"]
    assert len(full) > 200 and short == short_signature(full)
    assert short_signature(full.replace("minconf:0.5", "minconf:0.6")) != short  # the digest tells them apart


def test_shell_completion_is_typers() -> None:
    assert "--install-completion" in align("--help").stdout
    # Named, not detected: Typer finds the shell among the parent processes, and a test run by a
    # scheduler or a detached job has none ("Shell  not supported").
    script = run("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert script.returncode == 0 and "_ALIGN_COMPLETE=complete_bash" in script.stdout
    done = run(env={"_ALIGN_COMPLETE": "complete_bash", "COMP_WORDS": "align ch", "COMP_CWORD": "1"})
    assert done.stdout.split() == ["check"]


def test_the_table_fits_the_terminal_width(pair) -> None:
    for columns in (80, 140):
        out = run("check", *pair, "--embedder", "none", env={"COLUMNS": str(columns)}).stdout
        lines = [line for line in out.splitlines() if not line.startswith("signature: ")]
        assert max(len(line) for line in lines) <= columns
        assert any(len(line) > 70 for line in lines)  # and uses it
    narrow = run("check", *pair, "--embedder", "none", env={"COLUMNS": "80"}).stdout
    wide = run("check", *pair, "--embedder", "none", env={"COLUMNS": "140"}).stdout
    assert len(narrow.splitlines()) > len(wide.splitlines())  # long sentences wrap at 80


def test_force_color_and_no_color(pair) -> None:
    assert not ANSI.search(run("check", *pair, "--embedder", "none").stdout)  # piped: plain
    forced = run("check", *pair, "--embedder", "none", env={"FORCE_COLOR": "1"}).stdout
    assert ANSI.search(forced)
    assert not ANSI.search(run("check", *pair, "--embedder", "none", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)
    assert not ANSI.search(run("check", *pair, "--embedder", "none", "--no-color", env={"FORCE_COLOR": "1"}).stdout)


def test_align_table_prints_the_sentences_side_by_side(tmp_path: Path) -> None:
    (tmp_path / "r.en.txt").write_text("Kyiv thanked 12 partners. The talks ended.\n", encoding="utf-8")
    (tmp_path / "r.uk.txt").write_text("Київ подякував 12 партнерам. Переговори завершилися.\n", encoding="utf-8")
    out = run("align", tmp_path / "r.en.txt", tmp_path / "r.uk.txt", "--embedder", "none", "-f", "table",
              env={"COLUMNS": "100"}).stdout
    rows = [line for line in out.splitlines() if "Kyiv thanked" in line or "The talks ended" in line]
    assert len(rows) == 2
    assert "Київ подякував" in rows[0] and "Переговори" in rows[1]  # each pair on one line
    assert "en (source)" in out and "conf" in out
