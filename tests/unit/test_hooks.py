"""The pre-commit driver (align/hooks.py): grouping staged files into releases, passing options."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from align import hooks
from align.hooks import ReleaseCheck, main, plan_checks
from tests.paths import ROOT


def _touch(path: Path, text: str = "x\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_translations_are_grouped_with_their_source(tmp_path: Path) -> None:
    en = _touch(tmp_path / "news" / "strike.en.txt")
    uk = _touch(tmp_path / "news" / "strike.uk.txt")
    ru = _touch(tmp_path / "news" / "strike.ru.txt")
    other_en = _touch(tmp_path / "budget.en.txt")
    other_ru = _touch(tmp_path / "budget.ru.txt")
    checks, notes = plan_checks([str(uk), str(other_ru), str(ru)])
    assert notes == []
    assert checks == [ReleaseCheck(other_en, [other_ru]), ReleaseCheck(en, [uk, ru])]


def test_a_staged_source_rechecks_every_translation_next_to_it(tmp_path: Path) -> None:
    en = _touch(tmp_path / "strike.en.txt")
    uk = _touch(tmp_path / "strike.uk.txt")
    ru = _touch(tmp_path / "strike.ru.txt")
    checks, _ = plan_checks([str(en)])
    assert checks == [ReleaseCheck(en, [uk, ru])]


def test_a_translation_without_source_is_skipped_with_a_note(tmp_path: Path) -> None:
    uk = _touch(tmp_path / "orphan.uk.txt")
    lone_en = _touch(tmp_path / "lonely.en.txt")
    checks, notes = plan_checks([str(uk), str(lone_en), str(tmp_path / "notes.txt")])
    assert checks == []  # lonely.en.txt has no translation, notes.txt is no release file
    assert len(notes) == 1 and "orphan.uk.txt" in notes[0] and "orphan.en.txt" in notes[0]


def test_main_runs_align_check_per_release_and_passes_options(tmp_path, monkeypatch) -> None:
    en = _touch(tmp_path / "a.en.txt")
    uk = _touch(tmp_path / "a.uk.txt")
    b_en = _touch(tmp_path / "b.en.txt")
    b_ru = _touch(tmp_path / "b.ru.txt")
    calls: list[list[str]] = []

    def fake_run(cmd, check=False):
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 1 if str(b_ru) in cmd else 0)

    monkeypatch.setattr(hooks.subprocess, "run", fake_run)
    monkeypatch.setattr(hooks, "align_command", lambda: ["align"])
    status = main(["--fail-on", "warning", str(uk), str(b_ru)])
    assert status == 1  # one release failed
    assert calls == [
        ["align", "check", "--fail-on", "warning", str(en), str(uk)],
        ["align", "check", "--fail-on", "warning", str(b_en), str(b_ru)],
    ]
    calls.clear()
    assert main([str(uk)]) == 0 and len(calls) == 1


def test_the_source_option_changes_the_file_checked_against(tmp_path: Path, monkeypatch) -> None:
    uk = _touch(tmp_path / "a.uk.txt")
    ru = _touch(tmp_path / "a.ru.txt")
    calls: list[list[str]] = []
    monkeypatch.setattr(hooks.subprocess, "run",
                        lambda cmd, check=False: calls.append(cmd) or subprocess.CompletedProcess(cmd, 0))
    monkeypatch.setattr(hooks, "align_command", lambda: ["align"])
    assert main(["--source", "uk", str(ru)]) == 0
    assert calls == [["align", "check", "--source", "uk", str(uk), str(ru)]]


def test_pre_commit_manifest_runs_the_driver() -> None:
    yaml = pytest.importorskip("yaml")
    hooks_yaml = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks_yaml if h["id"] == "align-check"]
    assert hook["entry"] == "python -m align.hooks" and hook["language"] == "python"
    assert hook["require_serial"] is True
    pattern = re.compile(hook["files"])
    assert pattern.search("news/x.uk.txt") and pattern.search("x.ru.txt") and pattern.search("x.en.txt")
    assert not pattern.search("x.de.txt") and not pattern.search("uk.txt.bak")


@pytest.mark.slow
def test_the_hook_runs_the_real_align_check(tmp_path: Path) -> None:
    """End to end through `python -m align.hooks` and `align check --aligned` on a tiny release."""
    _touch(tmp_path / "r.en.txt", "Russia launched 99 missiles at Kyiv on January 2, 2024.\n"
                                  "President Zelenskyy thanked the partners.\n")
    _touch(tmp_path / "r.uk.txt", "Росія випустила 98 ракет по Києву 2 січня 2024 року.\n"
                                  "Президент Зеленський подякував партнерам.\n")
    _touch(tmp_path / "r.ru.txt", "Россия выпустила 99 ракет по Киеву 2 января 2024 года.\n"
                                  "Президент Зеленский поблагодарил партнеров.\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "align.hooks", "--aligned", "--format", "json",
                          "r.uk.txt", "r.ru.txt"], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 1, run.stderr  # uk has 98 where en has 99
    assert "align-check: r.en.txt r.uk.txt r.ru.txt" in run.stderr
    report = json.loads(run.stdout)
    assert report["summary"]["errors"] >= 1
    assert any(i["lang"] == "uk" and i["found"] == "98" for s in report["segments"] for i in s["issues"])
