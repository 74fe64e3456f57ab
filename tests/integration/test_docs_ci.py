"""The GitHub Actions example of docs/ci.md works: its check step, run as written, on a repository
with two releases (and one still waiting for its translation)."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.paths import FIXTURES, ROOT

yaml = pytest.importorskip("yaml")
SCHEMA = FIXTURES / "sarif" / "sarif-schema-2.1.0.json"


def github_workflow() -> dict:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text[text.index("## GitHub Actions"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    return yaml.safe_load(block)


def test_the_workflow_installs_align_newsroom_and_uploads_one_sarif() -> None:
    steps = github_workflow()["jobs"]["align-check"]["steps"]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    assert installs and all("align-newsroom[" in line for line in installs)
    uploads = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    assert len(uploads) == 1 and uploads[0]["with"]["sarif_file"] == "align.sarif"


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")
def test_the_check_step_runs_on_two_releases(tmp_path: Path) -> None:
    step = next(s for s in github_workflow()["jobs"]["align-check"]["steps"] if s.get("name") == "Check every release")
    repo = tmp_path / "repo"
    news = repo / "news"
    news.mkdir(parents=True)
    texts = {
        "budget": {"en": "The ministry bought 99 missiles for the army.\n",
                   "uk": "Міністерство купило 98 ракет для армії.\n",
                   "ru": "Министерство купило 99 ракет для армии.\n"},
        "talks": {"en": "The talks in Kyiv ended on Monday.\n", "uk": "Переговори в Києві завершилися в понеділок.\n"},
        "draft": {"en": "Not translated yet.\n"},
    }
    for name, by_lang in texts.items():
        for lang, text in by_lang.items():
            (news / f"{name}.{lang}.txt").write_text(text, encoding="utf-8")
    # The runner's `align` is the installed command; here, this checkout's. No embedder download.
    (repo / "align.toml").write_text('embedder = "none"\n', encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "align"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m align "$@"\n', encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT),
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 1, proc.stderr  # budget has an error; draft is pending, not a failure
    assert "3 releases: 2 checked, 0 up to date, 1 pending" in proc.stderr
    assert "1 release with errors" in proc.stderr
    log = json.loads((repo / "align.sarif").read_text(encoding="utf-8"))
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert {a["location"]["uri"] for a in run["artifacts"]} == {
        "./news/budget.en.txt", "./news/budget.uk.txt", "./news/budget.ru.txt", "./news/talks.en.txt",
        "./news/talks.uk.txt"}
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
            if r["level"] == "error"] == ["./news/budget.uk.txt"]
    suites = ET.parse(repo / "align.junit.xml").getroot().findall("testsuite")
    assert [s.get("name") for s in suites] == ["budget en->uk", "budget en->ru", "talks en->uk"]
    reports = repo / "align-reports"
    assert {"index.html", "budget.report.html", "talks.report.html"} <= {p.name for p in reports.iterdir()}
