"""A place the gazetteer knows is not paired by loose sound with a run of ordinary English
words, so it stays free to stand for the name it replaced (align/names/compare.py,
_place_for_ordinary_words)."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, a known place in a lost name's slot, the right rendering, language)
PLACE_SWAPS = [
    ("There were baths in Egypt, Persia and China. In Roman towns, baths were public.",
     "Лазні були в Єгипті, Тасманії та Китаї. У Римських містах лазні були громадськими.",
     "Лазні були в Єгипті, Персії та Китаї. У Римських містах лазні були громадськими.", "uk"),
    ("There were baths in Egypt, Persia and China. In Roman towns, baths were public.",
     "Бани были в Египте, Тасмании и Китае. В Римских городах бани были общественными.",
     "Бани были в Египте, Персии и Китае. В Римских городах бани были общественными.", "ru"),
]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), PLACE_SWAPS)
def test_a_place_standing_for_a_lost_name_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert any(i.rule == "name.mismatch" and "Persia" in i.expected for i in found), found
    assert not errors(en, right, lang)
