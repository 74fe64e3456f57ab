"""`align run` checks a release exactly as `align check` does (one unit of work, align.jobs), and
the pre-commit hook reads the same settings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from align.batch.discover import discover_releases
from align.config import Config
from align.errors import InputError

EN = "Russia launched 99 missiles at Kyiv on 2 January.\n\nAir defence shot down 72 of them.\n"
UK = "Росія випустила 98 ракет по Києву 2 січня.\n\nППО збила 72 з них.\n"


def align(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


@pytest.mark.slow
def test_run_and_check_write_the_same_report_under_the_same_config(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "attack.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "news" / "attack.uk.txt").write_text(UK, encoding="utf-8")
    (tmp_path / "align.toml").write_text('embedder = "none"\nignore = ["*Kyiv*"]\n', encoding="utf-8")
    check = align("check", "news/attack.en.txt", "news/attack.uk.txt", "-f", "json", "-o", "check.json",
                  cwd=tmp_path)
    run = align("run", "news", "--out", "out", "--no-translate", "--no-progress", cwd=tmp_path)
    assert check.returncode == run.returncode == 1, (check.stderr, run.stderr)
    checked = json.loads((tmp_path / "check.json").read_text(encoding="utf-8"))
    batch = json.loads((tmp_path / "out" / "attack.report.json").read_text(encoding="utf-8"))
    assert "|embed:none|" in checked["signature"]
    assert batch == checked
    assert any(i["message"] == "uk has 98 where en has 99 (missiles)" for s in batch["segments"] for i in s["issues"])


def test_discovery_reads_only_visible_name_lang_txt_files(tmp_path: Path) -> None:
    for name in ("a.en.txt", "a.uk.txt", ".hidden.en.txt", "b.en.md", "c.de.txt", "notes.txt"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    releases, warnings = discover_releases([tmp_path], Config())
    assert [(r.name, list(r.files)) for r in releases] == [("a", ["en", "uk"])]
    assert [w for w in warnings if "c.de.txt" in w]
    with pytest.raises(InputError, match="not a release file"):
        discover_releases([tmp_path / "b.en.md"], Config())


def test_the_hook_checks_against_the_configured_source_language(tmp_path: Path, monkeypatch) -> None:
    from align import hooks

    for lang in ("en", "uk", "ru"):
        (tmp_path / f"x.{lang}.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "align.toml").write_text('source = "uk"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    calls: list[list[str]] = []
    monkeypatch.setattr(hooks.subprocess, "run", lambda cmd, check: calls.append(cmd) or
                        subprocess.CompletedProcess(cmd, 0))
    assert hooks.main(["x.ru.txt"]) == 0
    assert [cmd[-2:] for cmd in calls] == [["x.uk.txt", "x.ru.txt"]]
    assert hooks.main(["--source", "en", "x.ru.txt"]) == 0
    assert calls[-1][-2:] == ["x.en.txt", "x.ru.txt"]
    (tmp_path / "align.toml").write_text('source = "de"\n', encoding="utf-8")
    assert hooks.main(["x.ru.txt"]) == 2 and len(calls) == 2
