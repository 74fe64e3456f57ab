"""An added person standing in for a lost name or capitalised phrase (align/names/added_people.py)."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, a person in the lost name's place, the right rendering, language)
STAND_INS = [
    ("Office culture in Japan is more formal than what Westerners are used to.",
     "Офисная культура в Японии формальнее, чем та, к которой привыкли жители Мухаммеда.",
     "Офисная культура в Японии формальнее, чем та, к которой привыкли жители Запада.", "ru"),
    ("Office culture in Japan is more formal than what Westerners are used to.",
     "Офісна культура в Японії формальніша, ніж та, до якої звикли жителі Мухаммеда.",
     "Офісна культура в Японії формальніша, ніж та, до якої звикли жителі Заходу.", "uk"),
]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), STAND_INS)
def test_added_person_in_a_lost_names_place_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert any(i.evidence == "added person" for i in found), found
    assert not errors(en, right, lang)


@pytest.mark.parametrize(("en", "tgt", "lang"), [
    # a spelling of a source name the other passes left unpaired
    ("Writers such as Goethe and Fichte shaped the movement.", "Такие писатели, как Гёте и Фихте, сформировали движение.", "ru"),
    # a lost acronym was translated, and a name opening the sentence may be the added person
    ("Huhne has resigned and will be replaced by Ed Davey MP.",
     "Г'юн пішов у відставку, його замінить член парламенту Ед Дейві.", "uk"),
])
def test_renderings_of_source_names_are_no_stand_ins(en, tgt, lang):
    assert not [i for i in errors(en, tgt, lang) if i.evidence == "added person"]
