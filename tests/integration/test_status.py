"""Status that tells the truth: colours follow the worst issue, pending is not failed, the run
says how many releases have errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from align.reports import IndexEntry, render, render_index
from tests.fixtures.report import build_report
from tests.integration.robustness.helpers import align

GOOD = {"en": "The army fired 12 missiles at Kharkiv.\n", "uk": "Армія випустила 12 ракет по Харкову.\n"}
BAD = {"en": "The ministry bought 99 missiles.\n", "uk": "Міністерство купило 98 ракет.\n"}
LONELY = {"en": "The draft is not translated yet.\n"}


def releases(folder: Path, **named: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, texts in named.items():
        for lang, text in texts.items():
            (folder / f"{name}.{lang}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("status")
    src = releases(tmp / "in", good=GOOD, bad=BAD, lonely=LONELY)
    out = tmp / "out"
    result = align("run", src, "--out", out, "--no-translate", "--embedder", "none", "--no-progress")
    return result, out


def test_a_release_with_only_english_is_pending_not_failed(batch) -> None:
    result, out = batch
    assert result.code == 1, result.stderr  # bad has an error; pending never makes it 2
    assert "align: lonely: pending: only lonely.en.txt so far, and machine translation is off" in result.stderr
    assert "failed: " not in result.stderr
    last = result.lines[-1]
    assert re.search(r"3 releases: 2 checked, 0 up to date, 1 pending \(no translation yet\), 0 failed; "
                     r"1 release with errors, 0 with warnings only; open ", last), last


def test_the_index_sorts_worst_first_and_counts_per_release(batch) -> None:
    _, out = batch
    html = (out / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<tr class="release [^"]*"><th>([^<]+)</th>', html)
    assert names == ["bad", "lonely", "good"]  # errors, pending, clean
    bad_row = html[html.index("<th>bad</th>"):].split("</tr>")[0]
    assert 'class="errors"><span class="pill sev-error">1</span>' in bad_row
    assert 'pill state poor">errors' in bad_row and 'data-worst="error"' in bad_row
    lonely_row = html[html.index("<th>lonely</th>"):].split("</tr>")[0]
    assert 'pill state pending">pending' in lonely_row and "machine translation is off" in lonely_row


def test_pending_without_errors_exits_zero(tmp_path: Path) -> None:
    src = releases(tmp_path / "in", good=GOOD, lonely=LONELY)
    result = align("run", src, "--out", tmp_path / "out", "--no-translate", "--embedder", "none", "--no-progress")
    assert result.code == 0, result.stderr
    assert "0 releases with errors" in result.lines[-1]


def test_a_language_with_an_error_is_never_painted_good() -> None:
    report = build_report()
    for seg in report.segments:  # a high score, and still an error
        seg.scores = {lang: 0.99 for lang in seg.scores}
    report.summary = {**report.summary, "score": {"uk": 0.99, "ru": 0.99}}
    html = render(report, "html")
    overview = html[html.index('<table class="files">'):html.index("</table>")]
    uk_row = overview[overview.index("<th>uk</th>"):].split("</tr>")[0]
    assert 'class="pill score poor" data-worst="error"' in uk_row
    entry = IndexEntry.from_report("r", report)
    index = render_index([entry])
    assert 'class="pill score poor" data-worst="error"' in index


def test_index_entry_states() -> None:
    assert IndexEntry("a", errors=2).state == "errors"
    assert IndexEntry("a", warnings=1).state == "warnings"
    assert IndexEntry("a").state == "clean"
    assert IndexEntry("a", status="pending").state == "pending"
    assert IndexEntry("a", status="failed", errors=0).state == "failed"
