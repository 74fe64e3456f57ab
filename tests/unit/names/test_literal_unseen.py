"""Names rendered by their meaning where no speech verb shows a person (literal6): a lone
capitalised word English can only write as a name (arrested Hunter, in Bath, Brown's
government), a name said twice and spelt once, a surname after a first name the dictionary
does not tag, a surname that is also a Ukrainian surname in lower case (Adam koval'), and the
opening noun of a place name (Palm Beach / pal'ma Bich).

The e5 look-up is replaced by a stand-in (a word's meaning given by the test): the rules are
tested, not the model."""

from __future__ import annotations

import pytest

from align.names import compare, literal
from tests.unit.names.helpers import errors, meaning_stand_in

# What the stand-in e5 reads as the translation of an English word (dictionary forms).
MEANINGS = {"hunter": {"мисливець", "охотник"}, "brown": {"коричневий", "коричневый"},
            "fisher": {"рибалка", "рыбак"}, "bath": {"ванна"}, "swift": {"быстрый", "швидкий"},
            "grand": {"великий"}, "palm": {"пальма"}, "century": {"століття", "век"},
            "industry": {"промисловість", "промышленность"}, "hydrogen": {"водень", "водород"},
            "month": {"місяць", "месяц"}, "screenplay": {"сценарій"}, "genus": {"рід", "род"},
            "spring": {"весна"}, "fertility": {"родючість"}, "enamel": {"эмаль"}}


_stand_in = meaning_stand_in(MEANINGS)


@pytest.fixture
def meanings(monkeypatch):
    monkeypatch.setattr(literal, "rendering", _stand_in)
    monkeypatch.setattr(compare, "rendering", _stand_in)


WRONG_AND_RIGHT = [
    # a lone capitalised word with no determiner: a name (a hunter would need an article)
    ("The police arrested Hunter at his home in Ohio.", "Поліція заарештувала мисливця в його будинку в Огайо.",
     "Поліція заарештувала Гантера в його будинку в Огайо.", "uk", "мисливця"),
    # a possessive of such a word, after a clause boundary
    ("In 2009, Brown's government raised taxes on fuel.",
     "В 2009 году правительство коричневого повысило налоги на топливо.",
     "В 2009 году правительство Брауна повысило налоги на топливо.", "ru", "коричневого"),
    # after a title
    ("Senator Fisher voted against the bill on Friday.", "Сенатор рыбак в пятницу проголосовал против законопроекта.",
     "Сенатор Фишер в пятницу проголосовал против законопроекта.", "ru", "рыбак"),
    # a place after a preposition
    ("The largest cities in the area are Bristol and Bath.", "Найбільші міста регіону — Бристоль і ванна.",
     "Найбільші міста регіону — Бристоль і Бат.", "uk", "ванна"),
    # said twice, spelt once: the other mention rendered by meaning
    ("Hunter was arrested in May, and police say Hunter had a gun.",
     "Хантера арестовали в мае, и полиция говорит, что охотник имел пистолет.",
     "Хантера арестовали в мае, и полиция говорит, что Хантер имел пистолет.", "ru", "охотник"),
    # a first name the dictionary does not tag as one (Taylor), the surname read by e5
    ("The singer Taylor Swift cancelled her concert in Kyiv.", "Певица Тейлор быстрый отменила свой концерт в Киеве.",
     "Певица Тейлор Свифт отменила свой концерт в Киеве.", "ru", "Тейлор быстрый"),
    # a surname translated into a word that is a Ukrainian surname too (koval': smith), in lower case
    ("The report was written by Adam Smith, a professor at the university.",
     "Звіт написав Адам коваль, професор університету.", "Звіт написав Адам Сміт, професор університету.",
     "uk", "Адам коваль"),
    # a bracket after it saying who makes it: a product's name (a real MT error of bench.mqm)
    ("The film thickness of the microhybrid composite Enamel («Micerium», Italy) was measured.",
     "Толщину пленки микрогибридной композитной эмали («Micerium», Италия) измерили.",
     "Толщину пленки микрогибридного композита Enamel («Micerium», Италия) измерили.", "ru", "эмали"),
    # the opening word of a place name translated, an adjective before the spelt rest
    ("Flights from Grand Rapids were delayed because of the snow.", "Рейси з великий Рапідс затримали через сніг.",
     "Рейси з Гранд-Рапідс затримали через сніг.", "uk", "великий"),
]


@pytest.mark.parametrize("en,wrong,right,lang,found", WRONG_AND_RIGHT)
def test_name_rendered_by_meaning_is_an_error_naming_both(meanings, en, wrong, right, lang, found):
    issues = errors(en, wrong, lang)
    assert [(i.rule, i.found) for i in issues] == [("name.literal", found)], issues
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # after a number: a noun of the language (the 16th Century)
    ("Wagonways were built in England as early as the 16th Century.",
     "Гужова дорога була побудована в Англії ще у 16 столітті.", "uk"),
    # joined by a link to another capitalised word: a title of words (Trade and Industry)
    ("Japan's Ministry of Economy, Trade and Industry reported 27 accidents.",
     "Министерство экономики, торговли и промышленности Японии сообщило о 27 случаях.", "ru"),
    # before a noun: a word describing a thing, however capitalised (Hydrogen atoms)
    ("Hydrogen ions are protons (since Hydrogen atoms consist of one proton and one electron).",
     "Ионы водорода — это протоны (атомы водорода состоят из одного протона и одного электрона).", "ru"),
    # a bracket explaining a term (Hydrogen (the H in pH) ions)
    ("The pH level is indicated by the amount of Hydrogen (the H in pH) ions in the chemical.",
     "Показатель pH определяется количеством ионов водорода (H в pH) в веществе.", "ru"),
    # after an acronym: a title (Taipei IT Month)
    ("It became a hot topic in 2007 Taipei IT Month.", "Він став гарячою темою на місяці ИТ в Тайпеї 2007 року.",
     "uk"),
    # linked capitalised words before a noun (Spring and Fertility ritual)
    ("It may well be a pre-Christian Spring and Fertility ritual.",
     "Це цілком може бути дохристиянський ритуал весни та родючості.", "uk"),
    # a first word that is an ordinary word itself opens a phrase, not a person
    ("The nominations include Original Screenplay.", "Номінації включають Оригінальний сценарій.", "uk"),
    # a generic word's noun before a name it names by right (Genus Panthera / rid Panthera)
    ("The tiger is in the same group (Genus Panthera) as lions.",
     "Тигри відносяться до тієї самої групи (рід Пантери), що і леви.", "uk"),
    # said twice, the second time as a pronoun: nothing rendered by meaning
    ("Hunter was arrested in May, and police say Hunter had a gun.",
     "Хантера арестовали в мае, и полиция говорит, что он имел пистолет.", "ru"),
])
def test_ordinary_words_that_translate_rightly_are_no_error(meanings, en, tgt, lang):
    assert errors(en, tgt, lang) == []
