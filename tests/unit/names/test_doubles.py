"""Names cut between the two letters of a final double consonant (align.names.doubles): the
keys write a double once, so the cut reads as the whole name; each wrong rendering is an error,
its right counterpart (the name with its double and its case ending, or a form established with
one letter) stays clean."""

from __future__ import annotations

import pytest

from align.names.doubles import double_cut
from tests.unit.names.helpers import garbled

# (english, wrong rendering, right rendering, language)
WRONG_AND_RIGHT = [
    # a genitive cut after the first of its two consonants
    ("The telephone of Bell changed the world.",
     "Телефон Бел изменил мир.",
     "Телефон Белла изменил мир.", "ru"),
    ("According to Mick O'Flynn, the four shooters received safety instruction.",
     "По словам Мика О'Флин, четыре стрелка прошли инструктаж по безопасности.",
     "По словам Мика О'Флинна, четыре стрелка прошли инструктаж по безопасности.", "ru"),
    # a vowel sound after the double goes with the cut syllable (Tommy / Tomm-i)
    ("Tommy Dreamer said that Luna was the first queen of the ring.",
     "Том Дример сказал, что Луна была первой королевой ринга.",
     "Томми Дример сказал, что Луна была первой королевой ринга.", "ru"),
    ("According to Mick O'Flynn, the four shooters received safety instruction.",
     "За повідомленням Міка О'Флін, четверо стрілків отримали інструкції з безпеки.",
     "За повідомленням Міка О'Флінна, четверо стрілків отримали інструкції з безпеки.", "uk"),
]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), WRONG_AND_RIGHT)
def test_cut_between_doubles_is_an_error(en, wrong, right, lang):
    assert garbled(en, wrong, lang)
    assert not garbled(en, right, lang)


def test_a_form_established_with_one_letter_is_no_cut():
    # Russell / Rassel: the language's texts use the form with one letter more often.
    assert not garbled("Bertrand Russell wrote the book.", "Бертран Рассел написал эту книгу.", "ru")
    assert double_cut("Russell", "Рассел", "ru") == ""


def test_only_a_final_double_written_once_and_nothing_after_it():
    assert double_cut("Bell", "Бел", "ru") == "truncated"
    assert double_cut("Bell", "Белл", "ru") == ""  # the whole name
    assert double_cut("Bell", "Белла", "ru") == ""  # its genitive
    assert double_cut("Abel", "Абел", "ru") == ""  # no double in English
    assert double_cut("Kelly", "Кел", "ru") == "truncated"
    assert double_cut("Kelly", "Келли", "ru") == ""
    assert double_cut("Anna", "Анн", "ru") == ""  # the double written out
