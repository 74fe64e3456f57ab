"""A person's given name alone does not carry the person (issue 8, "names as entities").

Two ways it used to: the whole run written together stem-matched a lone given name
(donaldkowalczyk / donald), and a glossary person's given name counted as a rendering of the
entry (Donald Trump / Дональд). A place's or a company's first word still carries its run
(Minnesota Glacier / льодовик Міннесоти). Each wrong case has its right counterpart.
"""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors, name_issues

# (english, translation that keeps only the given name, right translation, language)
GIVEN_NAME_ONLY = [
    ("Yesterday Donald Trump said the talks went well.", "Вчора Дональд сказав, що переговори пройшли добре.",
     "Вчора Дональд Трамп сказав, що переговори пройшли добре.", "uk"),
    ("Donald Trump said the talks went well.", "Дональд козир сказав, що переговори пройшли добре.",
     "Дональд Трамп сказав, що переговори пройшли добре.", "uk"),
    ("Yesterday Joe Biden met the press.", "Вчера Джо встретился с прессой.",
     "Вчера Джо Байден встретился с прессой.", "ru"),
]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), GIVEN_NAME_ONLY)
def test_glossary_person_needs_the_surname(en, wrong, right, lang):
    assert errors(en, wrong, lang), wrong
    assert not name_issues(en, right, lang), right


def test_surname_alone_carries_a_glossary_person():
    assert not name_issues("Yesterday Donald Trump said the talks went well.",
                           "Вчора Трамп сказав, що переговори пройшли добре.", "uk")


def test_given_name_alone_is_no_match_outside_the_glossary():
    en = "Yesterday Donald Kowalczyk said the talks went well."
    wrong = name_issues(en, "Вчора Дональд сказав, що переговори пройшли добре.", "uk")
    assert [i.rule for i in wrong] == ["name.missing"]
    assert not name_issues(en, "Вчора Дональд Ковальчик сказав, що переговори пройшли добре.", "uk")


def test_a_places_first_word_still_carries_its_run():
    en = "The range is bisected by the Minnesota Glacier."
    assert not errors(en, "Пасмо розділене льодовиком Міннесоти.", "uk")
    assert not errors("Hokuriku Electric Power Co. reported no damage.",
                      "Енергетична компанія Хокуріку не повідомила про збитки.", "uk")


def test_surname_translated_after_an_unmatched_given_name():
    # The person run is left unmatched, and its given name (tagged so by the dictionary) is
    # followed by a lower-case ordinary word: the surname translated by meaning.
    en = "The economist Jeffrey Sacks spoke at the forum."
    wrong = errors(en, "Экономист Джеффри мешки выступил на форуме.", "ru")
    assert [i.rule for i in wrong] == ["name.literal"]
    assert not name_issues(en, "Экономист Джеффри Сакс выступил на форуме.", "ru")


def test_given_name_beside_its_surname_belongs_to_the_person():
    # The surname matched another target word: the given name is part of the same person, not
    # an added name (and not a glossary person who shares it, Charles Michel / Мішель).
    en = "Congresswoman Michele Bachmann finished sixth."
    assert not name_issues(en, "Конгресвумен Мішель Бахманн фінішувала шостою.", "uk")
