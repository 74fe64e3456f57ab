"""Latin names and codes copied into the translation and damaged on the way (align.names.copies):
one wrong and one right translation per class."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import garbled


@pytest.mark.parametrize(("en", "wrong", "right", "expected", "found"), [
    # a code that lost a letter
    ("The share with a reduced t25fw test time grew to 31.7%.",
     "Доля со сниженным временем теста t25f выросла до 31,7%.",
     "Доля со сниженным временем теста T25FW выросла до 31,7%.", "t25fw", "t25f"),
    # a product name that lost its last letter
    ("The cement Variolink Esthetic was tested by the lab in Vaduz.",
     "Цемент Variolin Esthetic испытали в лаборатории в Вадуце.",
     "Цемент Variolink Esthetic испытали в лаборатории в Вадуце.", "Variolink", "Variolin"),
    # a letter lost inside a questionnaire's name
    ("Quality of life was rated with the EuroQol-5D questionnaire.",
     "Качество жизни оценивали по опроснику Eurool-5D.",
     "Качество жизни оценивали по опроснику EuroQol-5D.", "EuroQol", "Eurool"),
])
def test_a_copy_with_letters_lost_is_a_garbled_name(en, wrong, right, expected, found):
    assert (expected, found) in garbled(en, wrong, "ru")
    assert garbled(en, right, "ru") == []


def test_an_english_plural_dropped_in_a_copy_is_no_damage():
    assert garbled("The shop sold 300 DVDs in March.", "Магазин продал 300 DVD в марте.", "ru") == []


def test_a_word_switching_script_inside_a_name_is_garbled():
    en = "The article follows Alexander Nikolayevich Bakulev in Saratov."
    assert ("Nikolayevich", "Николаяyevich") in garbled(en, "Статья рассказывает об Александре Николаяyevich Бакулеве в Саратове.", "ru")
    assert garbled(en, "Статья рассказывает об Александре Николаевиче Бакулеве в Саратове.", "ru") == []


def test_one_look_alike_latin_letter_in_a_word_damages_no_name():
    # a Latin c typed inside a Russian word: a typo, not a name turned into another
    assert garbled("In such cases the device failed.", "В таких cлучаях устройство отказывало.", "ru") == []


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_an_acronym_cut_to_one_letter_is_garbled(lang):
    en = "Pain was higher in women with two or more VF than in those with one."
    wrong = {"ru": "Боль была сильнее у женщин с двумя и более Ф, чем у женщин с одним.",
             "uk": "Біль був сильнішим у жінок з двома і більше Ф, ніж у жінок з одним."}[lang]
    right = {"ru": "Боль была сильнее у женщин с двумя и более ПП, чем у женщин с одним.",
             "uk": "Біль був сильнішим у жінок з двома і більше ПП, ніж у жінок з одним."}[lang]
    assert ("VF", "Ф") in garbled(en, wrong, lang)
    assert garbled(en, right, lang) == []


def test_a_one_letter_word_or_an_initial_is_no_cut_acronym():
    en = "The WHO report reached A. N. Bakulev in May."
    assert garbled(en, "Доклад ВОЗ дошёл до А. Н. Бакулева в мае.", "ru") == []
    assert garbled("In May the WHO met.", "В мае ВОЗ собралась.", "ru") == []
