"""An adjective made from a name with its last syllable cut (align.names.cut_adjectives):
each wrong rendering is an error, its right counterpart (the whole adjective) stays clean, and
words that end as such a stump but are right stay clean."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, wrong rendering, right rendering, language)
CUT_ADJECTIVES = [
    ("Researchers from Harvard University reported the new species.",
     "Исследователи из Гарвардско университета сообщили о новом виде.",
     "Исследователи из Гарвардского университета сообщили о новом виде.", "ru"),
    ("She studied at Oxford University for three years.",
     "Она три года училась в Оксфордско университете.",
     "Она три года училась в Оксфордском университете.", "ru"),
    ("The rector of Kyiv University spoke first.",
     "Першим виступив ректор Київсько університету.",
     "Першим виступив ректор Київського університету.", "uk"),
    ("The prize went to the Lviv Institute of Physics.",
     "Премію отримав Фізичний інститут Львівсько університету.",
     "Премію отримав Фізичний інститут Львівського університету.", "uk"),
]

@pytest.mark.parametrize(("en", "wrong", "right", "lang"), CUT_ADJECTIVES)
def test_cut_is_an_error(en, wrong, right, lang):
    assert errors(en, wrong, lang)
    assert not errors(en, right, lang)


@pytest.mark.parametrize(("en", "tgt", "lang"), [
    # a name ending as the stump does, spelt by a source word
    ("He met Velasco in Madrid.", "Он встретил Веласко в Мадриде.", "ru"),
    ("They flew to San Francisco.", "Они улетели в Сан-Франциско.", "ru"),
    # an adverb opening a sentence
    ("Economically, Harvard did well.", "Экономически Гарвард преуспел.", "ru"),
    # an adjective's whole form, and a title in title case
    ("The Olympic Games opened in Paris.", "Олимпийские игры открылись в Париже.", "ru"),
    ("He read the novel Quietly Flows the Don.", "Он прочитал роман Тихо Течёт Дон.", "ru"),
])
def test_right_renderings_stay_clean(en, tgt, lang):
    assert not errors(en, tgt, lang)
