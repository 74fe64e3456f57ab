"""The checker that joins figures and names: issues per segment, ids, scores, signature."""

from __future__ import annotations

import pytest

from align.checking import Checker, check_pair, summarize, untranslated_issue
from align.model import Segment

EN = "At least 70 of the 99 missiles were shot down over Kyiv, Volodymyr Zelenskyy said."
UK = "Щонайменше 70 із 99 ракет було збито над Києвом, заявив Володимир Зеленський."
RU = "По меньшей мере 70 из 99 ракет были сбиты над Киевом, заявил Владимир Зеленский."


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def seg(i: int, en: str, uk: str, ru: str, confidence: float = 1.0) -> Segment:
    return Segment(id=i, sentences={"en": [i] if en else [], "uk": [i] if uk else [], "ru": [i] if ru else []},
                   text={"en": en, "uk": uk, "ru": ru}, confidence=confidence)


def test_faithful_translations_are_clean(checker):
    assert check_pair(EN, UK, "en", "uk") == []
    assert check_pair(EN, RU, "en", "ru") == []


def test_changed_figure_is_an_error_with_a_readable_message():
    issues = check_pair(EN, UK.replace("99", "98"), "en", "uk")
    errors = [i for i in issues if i.severity == "error"]
    assert len(errors) == 1
    assert errors[0].category == "figure" and errors[0].expected == "99" and errors[0].found == "98"
    assert "98" in errors[0].message and "99" in errors[0].message


def test_swapped_name_is_reported():
    issues = check_pair(EN, RU.replace("Киевом", "Харьковом"), "en", "ru")
    assert any(i.category == "name" for i in issues), issues


def test_untranslated_sentence():
    issue = untranslated_issue(EN, EN, "en", "ru")
    assert issue is not None and issue.category == "untranslated" and issue.severity == "error"
    assert untranslated_issue(EN, RU, "en", "ru") is None
    # A Ukrainian sentence left in the Russian file is not a translation either.
    assert untranslated_issue(EN, UK, "en", "ru") is not None
    # Too short to judge: an acronym or a figure.
    assert untranslated_issue("NATO", "NATO", "en", "uk") is None


def test_segments_get_issues_ids_scores(checker):
    segments = [
        seg(0, EN, UK, RU),
        seg(1, EN, UK.replace("99", "98"), RU),
        seg(2, "Five children were among the victims.", "", "Среди погибших были пятеро детей."),
        seg(3, "", "", "Эта строка добавлена."),
        seg(4, EN, UK, RU, confidence=0.2),
    ]
    checker.check_segments(segments, "en", ["en", "uk", "ru"])
    assert segments[0].issues == [] and segments[0].score == 1.0
    assert segments[0].figures["uk"] and segments[0].names["ru"]
    assert [i.lang for i in segments[1].issues] == ["uk"]
    assert segments[1].scores["ru"] == 1.0 and 0.0 < segments[1].scores["uk"] < 1.0
    assert segments[1].score == segments[1].scores["uk"]
    assert [(i.category, i.lang) for i in segments[2].issues] == [("omission", "uk")]
    assert segments[2].scores["uk"] == 0.0
    assert [(i.category, i.severity) for i in segments[3].issues] == [("addition", "warning")]
    assert [i.category for i in segments[4].issues] == ["alignment"]
    for s in segments:
        for issue in s.issues:
            assert issue.segment == s.id and issue.id.startswith(f"{issue.category}:{issue.lang}:")
    summary = summarize(segments, "en", ["en", "uk", "ru"])
    assert summary["segments"] == 5 and summary["errors"] == 2 and summary["warnings"] == 2
    assert 0 < summary["score"]["uk"] < summary["score"]["ru"] <= 1


def test_issue_ids_are_stable_across_positions(checker):
    a = [seg(0, EN, UK.replace("99", "98"), RU)]
    b = [seg(0, "Intro.", "Вступ.", "Вступление."), seg(1, EN, UK.replace("99", "98"), RU)]
    checker.check_segments(a, "en", ["en", "uk", "ru"])
    checker.check_segments(b, "en", ["en", "uk", "ru"])
    assert [i.id for i in a[0].issues] == [i.id for i in b[1].issues]


def test_signature_records_settings(checker):
    sig = checker.signature
    assert sig.startswith("check:") and "figures" in sig and "names" in sig and "glossary:" in sig
