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
]


@pytest.mark.parametrize("en,wrong,right,lang", WRONG_AND_RIGHT)
def test_substituted_name_is_an_error_and_right_one_is_clean(en, wrong, right, lang):
    assert [i.rule for i in errors(en, wrong, lang)] == ["name.mismatch"], errors(en, wrong, lang)
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # a place named by a people's word, rendered as the place itself
    ("Asian markets fell on Monday.", "Ринки Азії впали в понеділок.", "uk"),
    ("French wines are sold worldwide.", "Вина Франції продаються по всьому світу.", "uk"),
])
def test_place_for_its_peoples_word_is_no_substitution(en, tgt, lang):
    assert errors(en, tgt, lang) == []
