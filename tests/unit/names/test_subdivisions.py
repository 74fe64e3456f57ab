"""First-level subdivisions (ISO 3166-2 through pycountry) as places: a state swapped for another
is a substitution; a subdivision reached only through another reading of a word is no place."""

from __future__ import annotations

import pytest

from align.checking import check_pair

pytest.importorskip("pycountry")


def name_errors(en: str, target: str, source: str = "en", lang: str = "uk") -> list[str]:
    return [i.message for i in check_pair(en, target, source, lang) if i.category == "name" and i.severity == "error"]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), [
    ("The governor of California vetoed the budget on Monday.",
     "Губернатор Пенсильвании наложил вето на бюджет в понедельник.",
     "Губернатор Калифорнии наложил вето на бюджет в понедельник.", "ru"),
    ("The airport in Ishikawa prefecture is still closed.",
     "Аэропорт в префектуре Иакова всё ещё закрыт.",
     "Аэропорт в префектуре Исикава всё ещё закрыт.", "ru"),
    ("The dish comes from the island of Java.",
     "Страва походить з острова Айова.", "Страва походить з острова Ява.", "uk"),
])
def test_a_subdivision_in_a_names_place_is_a_substitution(en, wrong, right, lang):
    assert name_errors(en, wrong, lang=lang)
    assert name_errors(en, right, lang=lang) == []


def test_a_given_name_is_no_subdivision_by_another_reading():
    # uk "Edom" (instrumental of Ed) is also a form of Edo, a Nigerian state: no place dropped.
    uk = "Його замінить Едом Дейві."
    ru = "Его заменит Эд Дейви."
    assert name_errors(uk, ru, "uk", "ru") == []


def test_an_acronym_rendered_by_what_it_stands_for_is_no_substitution():
    en = "He was taken to Ronald Reagan UCLA Medical Center, where he died."
    uk = "Його перевезли до Медичного центру Рональда Рейгана Університету Каліфорнії, де він помер."
    assert name_errors(en, uk) == []
