"""An ordinary noun in the slot of a word English has only as a name, inside a matched run
(align/names/run_words.py, _noun_for_a_name)."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, a noun in a given name's slot, the right rendering, language)
NOUN_SLOTS = [
    ("The film, starring Ryan Gosling, received many nominations.",
     "Фильм, в котором снялся Книга Гослинг, получил много номинаций.",
     "Фильм, в котором снялся Райан Гослинг, получил много номинаций.", "ru"),
    ("Finland was represented by Katja Saarinen, who finished tenth.",
     "Финляндию представляла Премией Сааринен, которая финишировала десятой.",
     "Финляндию представляла Катя Сааринен, которая финишировала десятой.", "ru"),
    ("Finland was represented by Katja Saarinen, who finished tenth.",
     "Фінляндію представляла Премія Сааринен, яка фінішувала десятою.",
     "Фінляндію представляла Катя Сааринен, яка фінішувала десятою.", "uk"),
]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), NOUN_SLOTS)
def test_a_noun_in_a_names_slot_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert any(i.rule == "name.mismatch" and i.found.split()[0] in wrong for i in found), found
    assert not errors(en, right, lang)


@pytest.mark.parametrize(("en", "tgt", "lang"), [
    # a title English also has as an ordinary word, translated in its slot
    ("Many want Queen Elizabeth to be the last monarch.", "Багато хто хоче, щоб Королева Єлизавета була останнім монархом.", "uk"),
    ("Many want Queen Elizabeth to be the last monarch.", "Многие хотят, чтобы Королева Елизавета была последним монархом.", "ru"),
])
def test_a_translated_title_is_no_swap(en, tgt, lang):
    assert not errors(en, tgt, lang)
