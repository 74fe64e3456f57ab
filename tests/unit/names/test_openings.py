"""A lost name opening an English sentence, with another name in its place (align/names/openings.py)."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, another name in the opening name's place, the right rendering, language)
STAND_INS = [
    # one word opening the sentence, an ordinary English word too (chambers)
    ("Chambers, a lawyer from the city, says that the case against him is weak and should be dropped.",
     "Юрист Сент-Хелиерс из этого города говорит, что дело против него слабое и его следует закрыть.",
     "Юрист Чемберс из этого города говорит, что дело против него слабое и его следует закрыть.", "ru"),
    ("Chambers, a lawyer from the city, says that the case against him is weak and should be dropped.",
     "Юрист Сент-Гелієз з цього міста каже, що справа проти нього слабка і її слід закрити.",
     "Юрист Чемберс з цього міста каже, що справа проти нього слабка і її слід закрити.", "uk"),
    # a run opening the sentence, its given name rendered, its surname swapped
    ("Curtis Cooper, a mathematician, has found the number.",
     "Кертіс Бібер, математик, знайшов це число.",
     "Кертіс Купер, математик, знайшов це число.", "uk"),
    ("Curtis Cooper, a mathematician, has found the number.",
     "Кёртис Бибер, математик, нашёл это число.",
     "Кёртис Купер, математик, нашёл это число.", "ru"),
]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), STAND_INS)
def test_another_name_in_an_opening_names_place_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert any(i.rule == "name.mismatch" for i in found), found
    assert not errors(en, right, lang)


@pytest.mark.parametrize(("en", "tgt", "lang"), [
    # an ordinary word opening the source, a word opening the translation
    ("There are no dry seasons in Lviv.", "Немає сухих сезонів у Львові.", "uk"),
    # an ordinary word opening the source, translated, and a name added elsewhere
    ("Travel agents usually sell packages with breakfast.",
     "Турагенты обычно продают пакеты с завтраком в Париже.", "ru"),
])
def test_translated_openings_are_no_stand_ins(en, tgt, lang):
    assert not [i for i in errors(en, tgt, lang) if i.rule == "name.mismatch"]
