"""Names romanised from Ukrainian or Russian (align/names/romanised.py): their rendering,
transliterated back, must give the same letters up to the schemes' variants."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import garbled


@pytest.mark.parametrize(("en", "wrong", "right", "lang", "name"), [
    ("The surgeon Sergei Bryukhonenko built the first heart-lung machine.",
     "Хирург Сергей Бриутнанко построил первый аппарат искусственного кровообращения.",
     "Хирург Сергей Брюхоненко построил первый аппарат искусственного кровообращения.", "ru", "Bryukhonenko"),
    ("The clinic was named after the surgeon Iustin Dzhanelidze in 1950.",
     "У 1950 році клініку назвали на честь хірурга Юстина Гуганлідзе.",
     "У 1950 році клініку назвали на честь хірурга Юстина Джанелідзе.", "uk", "Dzhanelidze"),
])
def test_a_slavic_name_rendered_as_another_close_name_is_garbled(en, wrong, right, lang, name):
    assert name in [expected.split()[-1] for expected, _ in garbled(en, wrong, lang)]
    assert garbled(en, right, lang) == []


@pytest.mark.parametrize(("en", "target", "lang"), [
    ("President Volodymyr Zelenskyy met Vitali Klitschko in Kyiv.",
     "Президент Володимир Зеленський зустрівся з Віталієм Кличком у Києві.", "uk"),
    ("Mikhail Gorbachev and Nikita Khrushchev led the country.",
     "Михаил Горбачёв и Никита Хрущёв руководили страной.", "ru"),
    ("Fyodor Dostoevsky wrote his novels in Saint Petersburg.",
     "Федір Достоєвський писав свої романи в Санкт-Петербурзі.", "uk"),
])
def test_the_schemes_spelling_variants_are_the_same_name(en, target, lang):
    assert garbled(en, target, lang) == []
