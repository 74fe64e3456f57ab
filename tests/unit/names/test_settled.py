"""A pair whose names all have a counterpart of the very same key, one for one, is settled: only
the passes that read the translation's words whatever its names (stumps, damaged copies,
misspelt Slavic surnames) run on it."""

from __future__ import annotations

import pytest

from align.names import compare_names, extract_names
from align.names.compare import _Comparison
from tests.unit.names.helpers import garbled

SETTLED = [
    ("In Kyiv, the share with a reduced t25fw test time grew to 31.7%.",
     "У Києві частка зі зниженим часом тесту t25f зросла до 31,7%.",
     "У Києві частка зі зниженим часом тесту t25fw зросла до 31,7%.", "uk"),
    ("In Moscow, the share with a reduced t25fw test time grew to 31.7%.",
     "В Москве доля со сниженным временем теста t25f выросла до 31,7%.",
     "В Москве доля со сниженным временем теста t25fw выросла до 31,7%.", "ru"),
]


@pytest.mark.parametrize("en,wrong,right,lang", SETTLED)
def test_a_settled_pair_still_reports_a_damaged_copy(en, wrong, right, lang):
    assert garbled(en, wrong, lang) == [("t25fw", "t25f")]
    assert garbled(en, right, lang) == []


def test_a_settled_pair_still_reports_a_cut_given_name_opening_the_sentence():
    # The extractor takes no name from a sentence's first word, so Sacks / Saks keeps its key.
    en = "Oliver Sacks, in his paper, described how people assess sincerity."
    assert garbled(en, "В своей статье ливер Сакс описал, как люди оценивают искренность.", "ru") \
        == [("Oliver Sacks", "ливер")]
    assert garbled(en, "В своей статье Оливер Сакс описал, как люди оценивают искренность.", "ru") == []


@pytest.mark.parametrize("en,wrong,right,lang", SETTLED)
def test_a_settled_pair_skips_the_name_passes(monkeypatch, en, wrong, right, lang):
    def unexpected(self):
        raise AssertionError("a settled pair reached the name passes")

    monkeypatch.setattr(_Comparison, "_given_names", unexpected)
    source, target = extract_names(en, "en"), extract_names(right, lang)
    assert [m.key for m in source] == [m.key for m in target]
    assert compare_names(source, target, "en", lang, target_text=right, source_text=en) == []


def test_a_name_keyed_otherwise_is_not_settled():
    # Larry against Zekeri: the surname pairs the two, the given names tell two people.
    en, tgt = "Larry Nassar was sentenced.", "Зекері Нассара засудили."
    source, target = extract_names(en, "en"), extract_names(tgt, "uk")
    issues = compare_names(source, target, "en", "uk", target_text=tgt, source_text=en)
    assert [i.rule for i in issues if i.severity == "error"] == ["name.mismatch"]
