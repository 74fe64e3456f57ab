"""Substitution classes of issue 8 found on the even lines of names_real seeds 16-25: each has a
wrong rendering, which must be an error, and a right one, which must stay clean."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, wrong rendering, right rendering, language)
WRONG_AND_RIGHT = [
    # a phrase translated by meaning (the Middle East, St. Peter's, Our Lady) with a name only,
    # which no source word spells, in place of one of its words
    ("The report calls for an open debate about the policy towards the Middle East.",
     "Доклад призывает к открытому обсуждению политики в отношении Ближнего Гамбурга.",
     "Доклад призывает к открытому обсуждению политики в отношении Ближнего Востока.", "ru"),
    ("Thousands of pilgrims gathered in St. Peter's Square on Sunday.",
     "Тысячи паломников собрались в воскресенье на площади Святого Миллера.",
     "Тысячи паломников собрались в воскресенье на площади Святого Петра.", "ru"),
    ("Tourists visit the Sanctuary of Our Lady of Fatima every spring.",
     "Туристи щовесни відвідують Святилище Божої Баварії у Фатімі.",
     "Туристи щовесни відвідують Святилище Божої Матері у Фатімі.", "uk"),
    # a run matched by its other words, its own word spelt nowhere in the translation and a
    # name that no source word explains within the run's stretch of the sentence
    ("The hearing is at the Westminster Magistrates Court on Monday.",
     "Слушание пройдёт в Магистратском суде Гамбурга в понедельник.",
     "Слушание пройдёт в Магистратском суде Вестминстера в понедельник.", "ru"),
    ("Before The Simpsons Simon had worked on several shows.",
     "До \"Сімпсонів\" Лондон працював над кількома шоу.",
     "До \"Сімпсонів\" Саймон працював над кількома шоу.", "uk"),
    # one name lost and one left unexplained, skeletons too short for sound to tell (jv / iskf),
    # keys three letters apart in length however inflected: no transliteration of it
    ("Rice terraces cover the hills of Java.",
     "Рисові тераси вкривають пагорби Ісікави.",
     "Рисові тераси вкривають пагорби Яви.", "uk"),
    ("The airport in Ishikawa prefecture reopened on Monday.",
     "Аеропорт у префектурі Айова знову відкрився в понеділок.",
     "Аеропорт у префектурі Ісікава знову відкрився в понеділок.", "uk"),
    # a person named by ordinary English words (Grace, Rose, Brown: the extractor's common
    # kind), rendered as a name run with one word of another person's
    ("The speech was given by Grace Rose Brown on Friday.",
     "Речь в пятницу произнесла Грейс Роуз Кеннеди.",
     "Речь в пятницу произнесла Грейс Роуз Браун.", "ru"),
    ("The speech was given by Grace Rose Brown on Friday.",
     "Промову в п'ятницю виголосила Грейс Роуз Кеннеді.",
     "Промову в п'ятницю виголосила Грейс Роуз Браун.", "uk"),
]


@pytest.mark.parametrize("en,wrong,right,lang", WRONG_AND_RIGHT)
def test_substituted_name_is_an_error_and_right_one_is_clean(en, wrong, right, lang):
    assert [i.rule for i in errors(en, wrong, lang)] == ["name.mismatch"], errors(en, wrong, lang)
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # phrases translated by meaning, every word an ordinary one or a name the source spells
    ("Vasco da Gama found the sea route around the Cape of Good Hope to India.",
     "Васко да Гама відкрив морський шлях навколо мису Доброї Надії до Індії.", "uk"),
    ("Two years after the war the former allies became enemies and the Cold War began.",
     "Через два роки після війни колишні союзники стали ворогами, і почалася Холодна війна.", "uk"),
    ("The bells of St. Mark's Basilica rang at noon.", "Колокола собора Святого Марка звонили в полдень.", "ru"),
    # a run's ordinary words translated while a place the translator added stands beside them
    ("Bachmann, who won the Ames Straw Poll in August, ended her campaign.",
     "Бахман, яка виграла попереднє голосування в Еймсі (штат Айова) у серпні, завершила кампанію.", "uk"),
    # established renderings of other forms of the name, within two letters of its length
    ("The poems of Goethe were read aloud.", "Вірші Гете читали вголос.", "uk"),
    ("Boats sail down the Danube in summer.", "Влітку човни пливуть Дунаєм.", "uk"),
    ("The pyramid of Khufu is the largest.", "Піраміда Хеопса найбільша.", "uk"),
    # phrases of ordinary words translated by meaning, whatever the extractor made of them
    ("The Golden Gate Bridge opened in 1937.", "Міст Золоті Ворота відкрили в 1937 році.", "uk"),
    ("Visitors love the Blue Mountains near Sydney.", "Відвідувачі люблять Блакитні гори поблизу Сіднея.", "uk"),
    # a long term whose ending the translation renders by more letters: sound judges it
    ("Immunohistochemistry was used in some observations.",
     "Иммуногистохимия использовалась в некоторых наблюдениях.", "ru"),
])
def test_translated_phrases_are_no_substitution(en, tgt, lang):
    assert errors(en, tgt, lang) == []
