"""The bundled samples (data/samples/): well-formed and typographically correct, the bad inputs
are what their README says, and the checker finds exactly the planted problems."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from align.errors import InputError
from align.model import CATEGORIES, SEVERITIES, Issue, Report, Segment
from align.textio import check_language, detect_language, lang_from_name, read_text
from tests.paths import SAMPLES

RELEASE = {lang: SAMPLES / f"release.{lang}.txt" for lang in ("en", "uk", "ru")}
NEWSROOM = SAMPLES / "newsroom"
BAD = SAMPLES / "bad"
UNTRANSLATED = "Rescuers searched the rubble through the night, using thermal cameras to find survivors."

# A sentence end for these hand-written texts: they use no abbreviation but "a.m." and "Dec."/"Jan.".
_SENTENCE_END = re.compile(r"(?<!a\.m)(?<!\bDec)(?<!\bJan)[.!?][»”\"]?(?=\s|$)")


def _blocks(text: str) -> list[str]:
    """Blank-line separated blocks (headline, dateline, paragraphs)."""
    return [b.strip() for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]


def _count_sentences(paragraphs: list[str]) -> int:
    return sum(len(_SENTENCE_END.findall(p)) for p in paragraphs)


def _expected_issues() -> list[dict[str, Any]]:
    return json.loads((SAMPLES / "expected_issues.json").read_text(encoding="utf-8"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _matches(issue: Issue, wanted: list[str]) -> bool:
    """True when the issue talks about one of `wanted` (or nothing particular is wanted)."""
    if not wanted:
        return True
    said = _squash(" ".join([issue.expected, issue.found, issue.message, issue.rule]))
    return any(_squash(w) in said for w in wanted)


# -- the three-language release --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "uk", "ru"])
def test_release_has_headline_dateline_and_paragraphs(lang: str) -> None:
    decoded = read_text(RELEASE[lang])
    assert decoded.encoding == "utf-8"
    blocks = _blocks(decoded.text)
    headline, dateline, body = blocks[0], blocks[1], blocks[2:]
    assert "\n" not in headline and "\n" not in dateline
    assert not headline.endswith((".", "!", "?")) and not dateline.endswith((".", "!", "?"))
    assert dateline.endswith("2024") or dateline.endswith(("2024 року", "2024 года"))
    assert 5 <= len(body) <= 8
    assert 20 <= _count_sentences(body) <= 30


def test_release_paragraphs_line_up_across_languages() -> None:
    counts = {lang: len(_blocks(path.read_text(encoding="utf-8"))) for lang, path in RELEASE.items()}
    assert len(set(counts.values())) == 1, counts


def test_release_structural_differences_are_in_place() -> None:
    """uk merges two sentences and omits one, ru splits one: sentence counts differ accordingly."""
    body = {lang: _blocks(p.read_text(encoding="utf-8"))[2:] for lang, p in RELEASE.items()}
    en, uk, ru = (_count_sentences(body[lang]) for lang in ("en", "uk", "ru"))
    assert uk == en - 2  # one 2-1 merge, one omission
    assert ru == en + 1  # one 1-2 split


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_release_typography(lang: str) -> None:
    # The planted untranslated sentence is English on purpose; the rest must be Cyrillic typography.
    cyrillic = RELEASE[lang].read_text(encoding="utf-8").replace(UNTRANSLATED, "")
    assert '"' not in cyrillic and "“" not in cyrillic, "use «» quotes"
    assert "«" in cyrillic and "»" in cyrillic
    assert not re.search(r"\d\.\d", cyrillic), "decimal comma, not point"
    assert not re.search(r"\d,\d{3}\b", cyrillic), "no comma as thousands separator"
    assert not re.search(r"\d \d{3}\b", cyrillic), "thousands separator must be a no-break space"
    assert re.search(r"\d\u00a0\d{3}\b", cyrillic)
    assert "млн" in cyrillic and "млрд" in cyrillic and "грн" in cyrillic
    if lang == "uk":
        assert "'" not in cyrillic, "Ukrainian apostrophe is ’ throughout"
        assert "п’ятеро" in cyrillic and "2 січня 2024 року" in cyrillic
    else:
        assert "2 января 2024 года" in cyrillic


def test_release_untranslated_sentence_is_verbatim_english() -> None:
    en = RELEASE["en"].read_text(encoding="utf-8")
    ru = RELEASE["ru"].read_text(encoding="utf-8")
    assert UNTRANSLATED in en and UNTRANSLATED in ru
    assert UNTRANSLATED not in RELEASE["uk"].read_text(encoding="utf-8")


def test_every_sample_text_is_in_the_language_its_name_says() -> None:
    paths = sorted(SAMPLES.glob("*.txt")) + sorted(NEWSROOM.glob("*.txt"))
    assert len(paths) >= 9
    for path in paths:
        lang = lang_from_name(path)
        assert lang in ("en", "uk", "ru"), path
        assert detect_language(path.read_text(encoding="utf-8")) == lang, path


# -- expected_issues.json ---------------------------------------------------------------------


def test_expected_issues_are_well_formed() -> None:
    expected = _expected_issues()
    en = RELEASE["en"].read_text(encoding="utf-8")
    assert len(expected) >= 6
    assert len({e["kind"] for e in expected}) == len(expected), "each planted problem is of its own kind"
    for e in expected:
        assert set(e) >= {"lang", "category", "severity", "expected", "found", "en_contains", "kind", "match"}
        assert e["lang"] in ("uk", "ru")
        assert e["category"] in CATEGORIES
        assert e["severity"] in SEVERITIES
        assert en.count(e["en_contains"]) == 1, e["en_contains"]
        assert isinstance(e["match"], list)


def test_readme_lists_every_planted_issue() -> None:
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    table_rows = [line for line in readme.splitlines() if re.match(r"\|\s*\d+\s*\|", line)]
    assert len(table_rows) == len(_expected_issues())
    for e in _expected_issues():
        assert any(e["kind"] in row and f"| {e['lang']} |" in row and e["severity"] in row for row in table_rows), e


# -- newsroom/ and bad/ -----------------------------------------------------------------------


def test_newsroom_releases() -> None:
    releases: dict[str, set[str]] = {}
    for path in NEWSROOM.glob("*.txt"):
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2}-[a-z0-9-]+)\.(en|uk|ru)\.txt", path.name)
        assert m, path.name
        releases.setdefault(m.group(1), set()).add(m.group(2))
        blocks = _blocks(path.read_text(encoding="utf-8"))
        assert 6 <= _count_sentences(blocks[2:]) <= 12, path.name
    assert sorted(releases.values(), key=len) == [{"en"}, {"en", "uk"}, {"en", "uk", "ru"}]
    for stem, langs in releases.items():
        if len(langs) > 1:
            counts = {lang: len(_blocks((NEWSROOM / f"{stem}.{lang}.txt").read_text(encoding="utf-8")))
                      for lang in langs}
            assert len(set(counts.values())) == 1, (stem, counts)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.uk.txt", "file is empty"),
        ("binary.ru.txt", "binary"),
        ("wrong-language.uk.txt", "looks like 'ru'"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(name: str, message: str) -> None:
    path = BAD / name
    with pytest.raises(InputError, match=message):
        decoded = read_text(path)
        check_language(decoded.text, lang_from_name(path) or "", str(path))


@pytest.mark.parametrize(("name", "encoding"), [("legacy.uk.txt", "cp1251"), ("utf16.ru.txt", "utf-16")])
def test_legacy_encodings_are_decoded_with_a_warning(name: str, encoding: str) -> None:
    path = BAD / name
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    decoded = read_text(path)
    assert decoded.encoding == encoding and decoded.warnings
    lang = lang_from_name(path)
    assert detect_language(decoded.text) == lang
    check_language(decoded.text, lang or "", str(path))
    assert (BAD / name.replace(f".{lang}.", ".en.")).is_file()


def test_bad_readme_describes_every_file() -> None:
    readme = (BAD / "README.md").read_text(encoding="utf-8")
    for path in BAD.glob("*.txt"):
        assert f"`{path.name}`" in readme, path.name


# -- the checker on the sample (needs the lead's align.workflow) -----------------------------


@pytest.fixture(scope="module")
def sample_report() -> Report:
    workflow = pytest.importorskip("align.workflow")
    return workflow.check_files([str(RELEASE[lang]) for lang in ("en", "uk", "ru")])


def _segment_with(report: Report, en_substring: str) -> Segment:
    found = [seg for seg in report.segments if en_substring in seg.text.get("en", "")]
    assert len(found) == 1, f"{len(found)} segments hold en {en_substring!r}"
    return found[0]


def _describe(issues: list[Issue]) -> str:
    return "; ".join(f"{i.lang}/{i.category}/{i.severity}: {i.message}" for i in issues) or "no issues"


@pytest.mark.parametrize("planted", _expected_issues(), ids=lambda e: f"{e['lang']}-{e['kind']}")
def test_checker_finds_planted_issue(sample_report: Report, planted: dict[str, Any]) -> None:
    seg = _segment_with(sample_report, planted["en_contains"])
    hits = [
        i for i in seg.issues
        if i.lang == planted["lang"] and i.category == planted["category"] and _matches(i, planted["match"])
    ]
    assert hits, f"segment {seg.id}: wanted {planted['kind']} in {planted['lang']}; got {_describe(seg.issues)}"
    assert planted["severity"] in {i.severity for i in hits}, (
        f"segment {seg.id}: {planted['kind']} should be {planted['severity']}; got {_describe(hits)}")


def test_checker_reports_no_error_outside_the_planted_issues(sample_report: Report) -> None:
    planted = {(_segment_with(sample_report, e["en_contains"]).id, e["lang"]) for e in _expected_issues()}
    stray = [
        i for seg in sample_report.segments for i in seg.issues
        if i.severity == "error" and (seg.id, i.lang) not in planted
    ]
    assert not stray, _describe(stray)


def test_unit_conversion_is_not_an_error(sample_report: Report) -> None:
    seg = _segment_with(sample_report, "about 20 miles from the Russian border")
    assert not [i for i in seg.issues if i.severity == "error"], _describe(seg.issues)


def test_alignment_recovers_the_merge_and_the_split(sample_report: Report) -> None:
    merged = _segment_with(sample_report, "Both sides have relied heavily on drones")
    assert "11,000 medium- and long-range drones" in merged.text["en"]
    assert len(merged.sentences["uk"]) == 1
    split = _segment_with(sample_report, "In late December and early January")
    assert len(split.sentences["ru"]) == 2
    omitted = _segment_with(sample_report, "Moscow has not commented on the strike")
    assert omitted.sentences["uk"] == []


@pytest.mark.parametrize(
    ("stem", "langs"),
    [("2024-01-02-missile-attack", ("en", "uk", "ru")), ("2024-01-07-pokrovsk-strike", ("en", "uk"))],
)
def test_checker_finds_no_error_in_clean_newsroom_releases(stem: str, langs: tuple[str, ...]) -> None:
    workflow = pytest.importorskip("align.workflow")
    report = workflow.check_files([str(NEWSROOM / f"{stem}.{lang}.txt") for lang in langs])
    assert all(seg.sentences.get(lang) for seg in report.segments for lang in langs), "no omission"
    errors = [i for i in report.issues if i.severity == "error"]
    assert not errors, _describe(errors)
