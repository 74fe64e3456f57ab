"""A people's word the translation lost with a capitalised word in its place
(align.names.peoples): one wrong and one right translation per class."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors


def _swaps(en: str, tgt: str, lang: str) -> list[tuple[str, str]]:
    return [(i.expected, i.found) for i in errors(en, tgt, lang) if i.rule == "name.mismatch"]


@pytest.mark.parametrize(("en", "wrong", "rights", "lang", "found"), [
    # the people's word rendered as its place, the place swapped for a capitalised noun
    ("Italian law forbids the practice.",
     "Законодавство Академії забороняє цю практику.",
     ["Законодавство Італії забороняє цю практику.", "Італійське законодавство забороняє цю практику."],
     "uk", "Академії"),
    ("Many would call the dish typically Mexican.",
     "Многие назвали бы это блюдо образцом Конфедерации.",
     ["Многие назвали бы это блюдо образцом Мексики.", "Многие назвали бы это блюдо типично мексиканским."],
     "ru", "Конфедерации"),
])
def test_a_lost_peoples_word_with_a_capitalised_noun_in_its_place_is_a_swap(en, wrong, rights, lang, found):
    assert any(f == found for _, f in _swaps(en, wrong, lang))
    for right in rights:
        assert _swaps(en, right, lang) == []


@pytest.mark.parametrize(("en", "tgt"), [
    # a capitalised noun outside the place's slot may render a source word (cup, Embassy)
    ("The German team won the cup in Rio.", "Збірна виграла Кубок у Ріо."),
    ("He met the British ambassador at the Embassy.", "Він зустрівся з послом у Посольстві."),
])
def test_a_dropped_peoples_word_beside_a_capitalised_noun_is_no_swap(en, tgt):
    assert _swaps(en, tgt, "uk") == []


@pytest.mark.parametrize(("en", "wrong", "right", "lang", "found"), [
    # another country's people's word in place of the lost one
    ("The Italian team won the final.", "Іспанська команда виграла фінал.", "Італійська команда виграла фінал.",
     "uk", "Іспанська"),
    ("Polish farmers blocked the border.", "Венгерские фермеры перекрыли границу.",
     "Польские фермеры перекрыли границу.", "ru", "Венгерские"),
])
def test_another_peoples_word_in_place_of_a_lost_one_is_a_swap(en, wrong, right, lang, found):
    assert any(f == found for _, f in _swaps(en, wrong, lang))
    assert _swaps(en, right, lang) == []


@pytest.mark.parametrize(("en", "tgt", "lang"), [
    # related places: the peoples of the Soviet Union, Britain and England
    ("The Soviet army attacked at dawn.", "Русская армия атаковала на рассвете.", "ru"),
    ("The British ambassador left on Monday.", "Английский посол уехал в понедельник.", "ru"),
])
def test_a_related_peoples_word_is_no_swap(en, tgt, lang):
    assert _swaps(en, tgt, lang) == []
