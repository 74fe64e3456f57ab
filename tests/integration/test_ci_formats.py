"""CI outputs of issue 9: one SARIF log per invocation (validated against the OASIS schema),
JUnit names that survive an insertion, releases grouped, standard input."""

from __future__ import annotations

import io
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.integration.robustness.helpers import align
from tests.paths import FIXTURES

SCHEMA = FIXTURES / "sarif" / "sarif-schema-2.1.0.json"

A = {"en": "The ministry bought 99 missiles.\n", "uk": "Міністерство купило 98 ракет.\n"}
B = {"en": "At least 40 people were killed in Kharkiv on Monday.\nThe army fired 12 missiles.\n",
     "uk": "У понеділок у Харкові загинули 40 людей.\nАрмія випустила 12 ракет.\n",
     "ru": "В понедельник в Харькове погибли 40 человек.\nАрмия выпустила 12 ракет.\n"}


def write(folder: Path, name: str, texts: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang, text in texts.items():
        path = folder / f"{name}.{lang}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def validate(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)


def test_the_shipped_schema_is_not_vacuous() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "align"}},
                                          "results": [{"message": {"text": "x"}, "level": "fatal"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(bad)


def test_a_multi_release_check_writes_one_sarif_run_with_everything(tmp_path: Path) -> None:
    files = write(tmp_path, "a", A) + write(tmp_path, "b", B) + write(tmp_path, "c", {"en": "Only English.\n"})
    result = align("check", *[p.name for p in files], "--embedder", "none", "-f", "sarif", "-o", "align.sarif",
                   "-f", "junit", "-o", "align.junit.xml", cwd=tmp_path)
    assert result.code == 1, result.stderr
    assert "c: pending: only c.en.txt" in result.stderr
    log = json.loads((tmp_path / "align.sarif").read_text(encoding="utf-8"))
    validate(log)
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    assert {r["properties"]["release"] for r in run["results"]} == {"a", "b"}
    assert [a["location"]["uri"] for a in run["artifacts"]] == [
        "./a.en.txt", "./a.uk.txt", "./b.en.txt", "./b.ru.txt", "./b.uk.txt"]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    for rule in rules.values():
        assert rule["help"]["text"] and rule["help"]["markdown"] and rule["shortDescription"]["text"]
    # The hedge has its own rule, description and advice.
    hedge = rules["figure.hedge"]
    assert "hedge" in hedge["shortDescription"]["text"] and "at least" in hedge["help"]["text"]
    assert hedge["help"]["text"] != rules["figure.mismatch"]["help"]["text"]
    for result_ in run["results"]:
        assert run["tool"]["driver"]["rules"][result_["ruleIndex"]]["id"] == result_["ruleId"]
    # JUnit: a suite per release and language, in one document.
    root = ET.parse(tmp_path / "align.junit.xml").getroot()
    assert [s.get("name") for s in root.findall("testsuite")] == ["a en->uk", "b en->uk", "b en->ru"]
    assert root.get("failures") == "1"  # the figure error of a; the lost hedge of b is a warning


def test_sarif_columns_point_at_the_quoted_text(tmp_path: Path) -> None:
    files = write(tmp_path, "b", {"en": B["en"], "uk": B["uk"]})
    result = align("check", *[p.name for p in files], "--embedder", "none", "--aligned", "-f", "sarif", cwd=tmp_path)
    log = json.loads(result.stdout)
    validate(log)
    hedge = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "figure.hedge")
    region = hedge["locations"][0]["physicalLocation"]["region"]
    line = B["uk"].splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == hedge["properties"]["found"] == "40"
    related = hedge["relatedLocations"][0]["physicalLocation"]["region"]
    en_line = B["en"].splitlines()[related["startLine"] - 1]
    assert en_line[related["startColumn"] - 1:related["endColumn"] - 1].lower().startswith("at least 40")


def test_align_run_writes_one_sarif_for_all_releases_and_keeps_it_on_a_rerun(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src, "a", A)
    write(src, "b", B)
    args = ("run", src, "--out", tmp_path / "review", "--no-translate", "--embedder", "none", "--no-progress",
            "-f", "sarif", "-o", tmp_path / "align.sarif", "-f", "junit", "-o", tmp_path / "align.junit.xml")
    first = align(*args)
    assert first.code == 1, first.stderr
    log = json.loads((tmp_path / "align.sarif").read_text(encoding="utf-8"))
    validate(log)
    assert len(log["runs"]) == 1
    assert {r["properties"]["release"] for r in log["runs"][0]["results"]} == {"a", "b"}
    assert not list((tmp_path / "review").glob("*.sarif"))  # no per-release SARIF to upload twice
    junit = ET.parse(tmp_path / "align.junit.xml").getroot()
    assert {s.get("name") for s in junit.findall("testsuite")} == {"a en->uk", "b en->uk", "b en->ru"}
    before = (tmp_path / "align.sarif").read_bytes()
    again = align(*args)
    assert "2 up to date" in again.stderr
    assert (tmp_path / "align.sarif").read_bytes() == before


def test_run_sarif_goes_to_the_review_folder_by_default_and_o_needs_a_format(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src, "a", A)
    result = align("run", src, "-o", tmp_path / "x.sarif", "--no-translate", "--embedder", "none")
    assert result.code == 2 and "one --output per sarif/junit --format" in result.stderr
    result = align("run", src, "--out", tmp_path / "review", "-f", "sarif", "--no-translate", "--embedder", "none")
    assert result.code == 1, result.stderr
    validate(json.loads((tmp_path / "review" / "align.sarif").read_text(encoding="utf-8")))


def test_junit_names_survive_a_sentence_inserted_above(tmp_path: Path) -> None:
    def names(folder: Path, en: str, uk: str) -> dict[str, str]:
        files = write(folder, "r", {"en": en, "uk": uk})
        out = align("check", *files, "--embedder", "none", "--aligned", "-f", "junit")
        root = ET.fromstring(out.stdout)
        return {case.get("name"): case.get("line") for case in root.iter("testcase")}

    before = names(tmp_path / "v1", B["en"], B["uk"])
    after = names(tmp_path / "v2", "A new first sentence came in.\n" + B["en"],
                  "Прийшло нове перше речення.\n" + B["uk"])
    assert set(before) < set(after)  # every old name is still there, unchanged
    assert all(int(after[name]) == int(line) + 1 for name, line in before.items())


def test_check_reads_standard_input(tmp_path: Path, monkeypatch) -> None:
    en = write(tmp_path, "a", {"en": A["en"]})[0]
    from align import textio

    monkeypatch.setattr(textio, "_stdin_bytes", None)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(A["uk"].encode("utf-8"))))
    result = align("check", en, "-", "--lang", "en,uk", "--embedder", "none", "-f", "json")
    assert result.code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["files"]["uk"] == "-" and report["summary"]["errors"] == 1
    monkeypatch.setattr(textio, "_stdin_bytes", None)
    no_lang = align("check", en, "-", "--embedder", "none")
    assert no_lang.code == 2 and "pass --lang" in no_lang.stderr
