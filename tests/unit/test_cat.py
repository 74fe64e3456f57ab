"""Translators' files (issue 9): bilingual XLIFF 1.2/2.x, PO and TMX checked directly, issues
written back as XLIFF notes or a CSV/XLSX list, TBX glossaries, clean TMX export."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.integration.robustness.helpers import align
from tests.paths import FIXTURES

pytest.importorskip("translate.storage.xliff")
CAT_FIXTURES = FIXTURES / "cat"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture()
def cat_dir(tmp_path: Path) -> Path:
    for path in CAT_FIXTURES.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def units_of(path: Path) -> list[dict]:
    """What a CAT tool sees in a file: every unit with its id, texts, state and notes."""
    from translate.storage import xliff, xliff2

    data = path.read_bytes()
    store = (xliff2.Xliff2File if b'version="2.0"' in data[:400] else xliff.xlifffile).parsestring(data)
    out = []
    for unit in store.units:
        if unit.isheader():
            continue
        state = unit.xmlelement.get("state")
        if state is None:
            target = unit.xmlelement.find(unit.namespaced("target"))
            state = target.get("state") if target is not None else None
        out.append({"id": unit.getid(), "source": unit.source, "target": unit.target, "state": state,
                    "align": unit.getnotes("align"),
                    "translator": unit.getnotes("translator")})
    return out


def test_xliff_round_trip_keeps_every_unit_and_state_and_adds_notes(cat_dir: Path) -> None:
    original = cat_dir / "release.uk.sdlxliff"
    result = align("check", original, "--embedder", "none", "-f", "xliff", "-o", cat_dir / "checked.sdlxliff",
                   "-f", "json", "-o", cat_dir / "r.json")
    assert result.code == 1, result.stderr
    assert "1 unit(s) have no uk translation yet; not checked" in result.stderr
    before, after = units_of(original), units_of(cat_dir / "checked.sdlxliff")
    assert [(u["id"], u["source"], u["target"], u["state"], u["translator"]) for u in before] == \
        [(u["id"], u["source"], u["target"], u["state"], u["translator"]) for u in after]
    assert "98" in after[0]["align"] and "align accept figure:uk:" in after[0]["align"]
    assert after[1]["align"] == "" and after[2]["align"] == ""
    assert b'sdl:x="y"' in (cat_dir / "checked.sdlxliff").read_bytes()  # the Trados attributes stay
    report = json.loads((cat_dir / "r.json").read_text(encoding="utf-8"))
    # The unit without a target is pending work, not an omission.
    assert [i["category"] for s in report["segments"] for i in s["issues"]] == ["figure"]
    # Checking the checked file again replaces align's notes instead of piling them up.
    again = align("check", cat_dir / "checked.sdlxliff", "--embedder", "none", "-f", "xliff",
                  "-o", cat_dir / "twice.sdlxliff")
    assert again.code == 1
    assert units_of(cat_dir / "twice.sdlxliff")[0]["align"] == after[0]["align"]


def test_xliff2_notes_go_on_the_unit_before_its_segments(cat_dir: Path) -> None:
    result = align("check", cat_dir / "release.ru.xlf", "--embedder", "none", "-f", "xliff",
                   "-o", cat_dir / "checked.xlf")
    assert result.code == 1, result.stderr
    ns = "{urn:oasis:names:tc:xliff:document:2.0}"
    root = ET.parse(cat_dir / "checked.xlf").getroot()
    first = root.find(f"{ns}file/{ns}unit")
    assert [child.tag for child in first] == [f"{ns}notes", f"{ns}segment"]
    note = first.find(f"{ns}notes/{ns}note")
    assert note.get("category") == "align" and note.get("priority") == "1" and "97" in note.text
    assert [u["state"] for u in units_of(cat_dir / "checked.xlf")] == ["translated", "final"]


def test_two_bilingual_files_are_checked_together(cat_dir: Path) -> None:
    result = align("check", cat_dir / "release.uk.sdlxliff", cat_dir / "release.ru.xlf", "--embedder", "none",
                   "-f", "json")
    report = json.loads(result.stdout)
    assert report["languages"] == ["en", "uk", "ru"]
    first = report["segments"][0]
    assert {i["lang"] for i in first["issues"]} == {"uk", "ru"}
    assert first["text"]["ru"].startswith("Министерство") and first["text"]["uk"].startswith("Міністерство")


def test_po_and_tmx_are_read_by_unit_and_by_language(cat_dir: Path) -> None:
    po = json.loads(align("check", cat_dir / "release.uk.po", "--embedder", "none", "-f", "json").stdout)
    assert po["languages"] == ["en", "uk"]
    assert [i["found"] for s in po["segments"] for i in s["issues"] if i["category"] == "figure"] == ["98"]
    tmx = json.loads(align("check", cat_dir / "release.tmx", "--embedder", "none", "-f", "json").stdout)
    assert tmx["languages"] == ["en", "uk", "ru"]
    kyiv = tmx["segments"][1]
    # Unit 2 has en and ru only: the ru text stays ru, nothing slides into uk.
    assert kyiv["text"] == {"en": "Kyiv.", "uk": "", "ru": "Киев."}


def test_the_issue_list_as_csv_and_xlsx(cat_dir: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    args = ("check", cat_dir / "release.uk.sdlxliff", cat_dir / "release.ru.xlf", "--embedder", "none")
    align(*args, "-f", "csv", "-o", cat_dir / "issues.csv", "-f", "xlsx", "-o", cat_dir / "issues.xlsx")
    raw = (cat_dir / "issues.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {(r["lang"], r["unit"], r["severity"]) for r in rows} == {("uk", "1", "error"), ("ru", "1", "error")}
    assert all(r["accept command"] == f'align accept {r["id"]} --reason "…"' for r in rows)
    sheet = openpyxl.load_workbook(cat_dir / "issues.xlsx").active
    assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:5] == ["release", "file", "unit", "line", "severity"] and len(values) == 3


def test_cells_that_look_like_formulas_stay_text(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from align.reports.issues import csv_document, xlsx_document

    row = ["r", "f", "1", "1", "error", "figure", "figure.mismatch", "uk", "=HYPERLINK(\"http://x\")", "", "",
           "+1", "@SUM(A1)", "id", "cmd"]
    text = csv_document([[row]])
    assert "'=HYPERLINK" in text and "'+1" in text and "'@SUM" in text
    path = tmp_path / "x.xlsx"
    path.write_bytes(xlsx_document([[row]]))
    cell = openpyxl.load_workbook(path).active["I2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_a_tbx_termbase_is_a_glossary(cat_dir: Path) -> None:
    from align.names import load_glossary as shipped
    from align.workflow import load_glossary

    glossary = load_glossary([cat_dir / "names.tbx"])
    assert glossary.digest != shipped().digest
    entry = glossary.entry("t2")  # a name the shipped glossary does not have; synonyms kept
    assert entry is not None and entry.forms["uk"] == ["Остап Гнатівський"]
    assert {"Ostap Hnativskyi", "Ostap Hnatiwsky"} <= set(entry.forms["en"])
    assert glossary.entry("t3") is None  # one of our languages only: nothing to compare
    (cat_dir / "bad.tbx").write_text("<martif><text><body/></text></martif>", encoding="utf-8")
    result = align("check", cat_dir / "release.uk.po", "--glossary", cat_dir / "bad.tbx", "--embedder", "none")
    assert result.code == 2 and "no concept with terms in two of en, uk, ru" in result.stderr


def test_check_reads_a_bilingual_file_from_standard_input(cat_dir: Path, monkeypatch) -> None:
    from align import textio

    monkeypatch.setattr(textio, "_stdin_bytes", None)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((cat_dir / "release.ru.xlf").read_bytes())))
    result = align("check", "-", "--embedder", "none", "-f", "json")
    assert result.code == 1, result.stderr
    assert json.loads(result.stdout)["languages"] == ["en", "ru"]


def _tuvs(tmx: str) -> list[dict[str, str]]:
    root = ET.fromstring(tmx.split("\n", 2)[2])
    return [{tuv.get(XML_LANG): tuv.findtext("seg") for tuv in tu.findall("tuv")} for tu in root.iter("tu")]


def test_tmx_export_only_clean_and_header() -> None:
    from align import __version__
    from align.reports import render
    from tests.fixtures.report import build_report

    report = build_report()
    full = render(report, "tmx")
    header = ET.fromstring(full.split("\n", 2)[2]).find("header")
    assert (header.get("creationtool"), header.get("creationtoolversion"), header.get("srclang")) == \
        ("align", __version__, "en")
    everything = _tuvs(full)
    assert all(list(tu)[0] == "en" for tu in everything if "en" in tu)
    assert any("uk" not in tu and "en" in tu for tu in everything)  # the omission: no uk tuv at all
    clean = _tuvs(render(report, "tmx", only_clean=True))
    assert len(clean) < len(everything)
    errors = {(i.segment, i.lang) for i in report.issues if i.severity == "error"}
    kept_texts = {(lang, text) for tu in clean for lang, text in tu.items()}
    for seg in report.segments:
        for lang in ("uk", "ru"):
            if (seg.id, lang) in errors or seg.confidence < 0.5:
                assert (lang, " ".join(seg.text[lang].split())) not in kept_texts
    assert all(len(tu) >= 2 and "en" in tu for tu in clean)


def test_align_only_clean_and_run_tmx(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    texts = {"en": "The ministry bought 99 missiles.\nThe talks in Kyiv ended on Monday.\n",
             "uk": "Міністерство купило 98 ракет.\nПереговори в Києві завершилися в понеділок.\n"}
    for lang, text in texts.items():
        (tmp_path / "in" / f"r.{lang}.txt").write_text(text, encoding="utf-8")
    result = align("run", tmp_path / "in", "--out", tmp_path / "out", "-f", "tmx", "--no-translate",
                   "--embedder", "none", "--no-progress")
    assert result.code == 1, result.stderr
    tus = _tuvs((tmp_path / "out" / "r.report.tmx").read_text(encoding="utf-8"))
    assert tus == [{"en": "The talks in Kyiv ended on Monday.", "uk": "Переговори в Києві завершилися в понеділок."}]
    en = tmp_path / "d.en.txt"
    en.write_text("The ministry bought 99 missiles for the army.\nThe talks in Kyiv ended on Monday evening.\n"
                  "The delegation will return to Brussels next week.\n", encoding="utf-8")
    uk = tmp_path / "d.uk.txt"
    uk.write_text("Міністерство купило 99 ракет для армії.\nПереговори в Києві завершилися в понеділок увечері.\n"
                  "The delegation will return to Brussels next week.\n", encoding="utf-8")
    every = _tuvs(align("align", en, uk, "--embedder", "none", "-f", "tmx").stdout)
    clean = _tuvs(align("align", en, uk, "--embedder", "none", "-f", "tmx", "--only-clean").stdout)
    assert len(every) == 3 and every[2]["uk"].startswith("The delegation")
    assert clean == every[:2]  # the sentence left in English is not a translation to remember
