"""A phrase of ordinary English words rendered by meaning with a name in it
(align/names/translated_runs.py, name_in_meaning_rendering)."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, a name in the phrase's rendering, the phrase rendered by meaning, language)
RENDERINGS = [
    ("Oil prices in the Middle East rose sharply last year.",
     "Цены на нефть на Ближнем Исааке резко выросли в прошлом году.",
     "Цены на нефть на Ближнем Востоке резко выросли в прошлом году.", "ru"),
    ("He swam for his country at the Commonwealth Games in Delhi.",
     "Він плавав за свою країну на Іграх Тараса в Делі.",
     "Він плавав за свою країну на Іграх Співдружності в Делі.", "uk"),
]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), RENDERINGS)
def test_a_name_inside_a_phrase_rendered_by_meaning_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert any(i.rule == "name.mismatch" for i in found), found
    assert not errors(en, right, lang)


@pytest.mark.parametrize(("en", "tgt", "lang"), [
    # the name in the rendering is one a source word spells
    ("The Middle East talks were hosted by Oman.", "Переговоры по Ближнему Востоку принимал Оман.", "ru"),
    # a phrase of names, not of ordinary words, is no rendering by meaning
    ("He studied the Monroe Doctrine at school.", "Він вивчав доктрину Монро в школі.", "uk"),
])
def test_renderings_with_explained_names_are_clean(en, tgt, lang):
    assert not [i for i in errors(en, tgt, lang) if i.evidence == "position"]
