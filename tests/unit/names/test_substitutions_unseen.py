"""Substitution classes found on seeds the checker was never tuned on (issue 8, names_real
seeds 12 and 13): each has a wrong rendering, which must be an error, and a right one, which
must stay clean."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, wrong rendering, right rendering, language)
WRONG_AND_RIGHT = [
    # a place the Ukrainian dictionary knows without a place tag (the Russian one tags it)
    # standing for another place
    ("The first settlers of the valley came from Texas in 1850.",
     "Перші поселенці долини прибули з Каліфорнії у 1850 році.",
     "Перші поселенці долини прибули з Техасу у 1850 році.", "uk"),
    # a people's word lost while such a place appears
    ("French cooking relies on butter and cream.",
     "Кухня Персії ґрунтується на вершковому маслі та вершках.",
     "Французька кухня ґрунтується на вершковому маслі та вершках.", "uk"),
    # a word made from a place (Arctic) rendered nowhere, an established place in its place
    ("Polar nights in the Arctic regions are long and cold.",
     "Полярні ночі в Нью-Йорку довгі та холодні.",
     "Полярні ночі в арктичних регіонах довгі та холодні.", "uk"),
    # a repeated name rendered once, a capitalised ordinary word standing inside the sentence
    ("The museums of Sweden show the past of Sweden.",
     "Музеи Швеции показывают прошлое Будды.",
     "Музеи Швеции показывают прошлое Швеции.", "ru"),
    # a place Webster's also lists in lower case (montana) is a name of its own: a capitalised
    # ordinary word in its place stands in for it
    ("The storm hit southern Montana on Monday night.",
     "Шторм ударив по південній Новій у понеділок увечері.",
     "Шторм ударив по південній Монтані у понеділок увечері.", "uk"),
    # a given name swapped, inside its run, for a place the gazetteer holds: a name of its
    # own, judged by the surname's test of sound, not the given name's stricter one
    ("The letter came from Charles Whitmore, his manager.",
     "Письмо пришло от Гизы Уитмора, его менеджера.",
     "Письмо пришло от Чарльза Уитмора, его менеджера.", "ru"),
    # two capitalised phrases rendered nowhere and an established place nothing explains,
    # wherever word order put it
    ("The Declaration of Independence was the key clue in the film National Treasure, which many people saw.",
     "В фильме «Сокровище нации», который видели многие, ключевой подсказкой была Исландия.",
     "В фильме «Сокровище нации», который видели многие, ключевой подсказкой была Декларация независимости.",
     "ru"),
    # one name lost, one established place whose English name (Mecca) it does not spell,
    # however alike the two sound
    ("Menorcan cheese is sold across Spain.",
     "Сир Мекки продається по всій Іспанії.",
     "Сир Менорки продається по всій Іспанії.", "uk"),
    # a people's word whose place no gazetteer holds, lost, and a place the dictionary tags
    # that is no place the word is made from
    ("The shop sells Tasmanian wine to buyers in Japan.",
     "Магазин продає вино Баварії покупцям у Японії.",
     "Магазин продає вино Тасманії покупцям у Японії.", "uk"),
    # a word of a run swapped for a name-like word whose letters differ as much as another
    # name's, wherever in the run it stands
    ("Fossils of Homo Habilis were found in the gorge.",
     "Скам'янілості Кочамо Габіліс знайшли в ущелині.",
     "Скам'янілості Гомо Габіліс знайшли в ущелині.", "uk"),
    # a run that a source word explains (Tracy), so never taken for an added name, with one
    # word of another name in it
    ("During the 1980s he worked on shows such as Taxi, Cheers, and The Tracy Goldman Show.",
     "У 1980-ті роки він працював у таких шоу, як \"Таксі\", \"Привітання\" та \"Шоу Трейсі Баласубраманіан\".",
     "У 1980-ті роки він працював у таких шоу, як \"Таксі\", \"Привітання\" та \"Шоу Трейсі Голдман\".", "uk"),
    # a run glossed by the source's name in Latin letters in brackets, one word of it another
    # name's
    ("Dr. Anna Keller discovered the new strain in the region.",
     "В регионе доктор Анна Уполу (Anna Keller) обнаружила новый штамм.",
     "В регионе доктор Анна Келлер (Anna Keller) обнаружила новый штамм.", "ru"),
]


@pytest.mark.parametrize("en,wrong,right,lang", WRONG_AND_RIGHT)
def test_substituted_name_is_an_error_and_right_one_is_clean(en, wrong, right, lang):
    assert [i.rule for i in errors(en, wrong, lang)] == ["name.mismatch"], errors(en, wrong, lang)
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # a place named by a people's word, rendered as the place itself
    ("Asian markets fell on Monday.", "Ринки Азії впали в понеділок.", "uk"),
    ("French wines are sold worldwide.", "Вина Франції продаються по всьому світу.", "uk"),
    # the word made from a place rendered as the place itself
    ("Polar nights in the Arctic regions are long and cold.", "Полярні ночі в Арктиці довгі та холодні.", "uk"),
    # a repeat rendered by an ordinary word, and a name rendered only by its adjective
    ("The museums of Sweden show the past of Sweden.", "Музеи Швеции показывают прошлое страны.", "ru"),
    ("Italy's team is the second most successful in the world.",
     "Итальянская сборная является второй самой успешной в мире и выиграла Кубок.", "ru"),
    # an ordinary word opening the sentence renders the source's opening phrase; a place the
    # translator added elsewhere is no substitute for it
    ("The Sun rises over the bay.", "Солнце встаёт над заливом Неаполя.", "ru"),
    # a people's word rendered by a place word that is an ordinary word too (the West)
    ("Japanese work culture is more formal than what Westerners may be used to.",
     "Японская культура труда формальнее того, к чему привыкли жители Запада.", "ru"),
    ("The shop sells Tasmanian wine to buyers in Japan.", "Магазин продає тасманійське вино покупцям у Японії.", "uk"),
    # a word of a run transliterated otherwise, its consonant clusters apart, its letters near
    ("Then 108 plates of Chhappan Bhog were served to the guests.",
     "Потім гостям подали 108 тарілок Схапхан Бхог.", "uk"),
    # an acronym in brackets glosses a term, not a name
    ("It used contrast-free MR perfusion (ASL).", "Использовалась бесконтрастная МР-перфузия (ASL).", "ru"),
])
def test_renderings_by_meaning_are_no_substitution(en, tgt, lang):
    assert errors(en, tgt, lang) == []
