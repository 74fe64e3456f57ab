"""align.lang.translit: the languages' transliteration systems and the letter-by-letter table
the aligner's consonant skeletons use."""

from __future__ import annotations

import pytest

from align.alignment.features import skeleton
from align.lang import get, languages
from align.lang.translit import script_table, transliterate


@pytest.mark.parametrize(("word", "lang", "latin"), [
    ("Зеленський", "uk", "Zelenskyi"),
    ("Єрмак", "uk", "Yermak"),
    ("Згорани", "uk", "Zghorany"),  # zgh: the national system keeps zg apart from zh
    ("Юрій", "uk", "Yurii"),
    ("Івано-Франківськ", "uk", "Ivano-frankivsk"),  # case follows the first letter only
    ("Шойгу", "ru", "Shoygu"),
    ("Ершов", "ru", "Yershov"),  # ye at the start of a word
    ("Алексеев", "ru", "Alekseyev"),  # and after a vowel
    ("Zelenskyy", "uk", "Zelenskyy"),  # Latin passes through
    ("Київ", "en", "Київ"),  # a Latin-script language transliterates nothing
])
def test_the_national_systems(word: str, lang: str, latin: str) -> None:
    assert transliterate(word, lang) == latin


@pytest.mark.parametrize("word", ["Зеленський", "Єрмак", "розгляд", "Юрій", "Івано-Франківськ", "Київ",
                                  "Ершов", "Алексеев", "її", "маєток", "Сан-Єго", "зггг", "Noam", "п'ять",
                                  "БУДИНОК", "ееее", "Ще-Юра"])
@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_letter_by_letter_spelling_agrees_with_the_rules_of_position(word: str, lang: str) -> None:
    # A word no rule of position applies to is spelt through a translate table: it must read
    # as the rules read it, and a word one of them applies to must still go through them.
    from align.lang.translit import _positional

    assert transliterate(word, lang) == _positional(word, lang)


def test_the_names_matcher_uses_the_same_transliteration() -> None:
    from align.names import translit as names_translit

    assert names_translit.transliterate is transliterate
    assert names_translit.word_key("Зеленський", "uk") == names_translit.word_key("Зеленский", "ru") == "zelenski"


def test_the_script_table_spells_every_cyrillic_letter_once() -> None:
    table = script_table()
    for language in languages("cyrillic"):
        assert set(language.alphabet) <= set(table)
    # The first language decides a letter both spell: the Ukrainian h, not the Russian g.
    assert table["г"] == get("uk").translit["letters"]["г"] == "h"


def _consonants(latin: str) -> str:
    """What a skeleton keeps of a Latin spelling: no vowels, g heard as h."""
    return "".join(ch for ch in latin.replace("g", "h") if ch not in "aeiouyj")


def test_the_languages_spell_shared_letters_with_the_same_consonants() -> None:
    """Why one letter-by-letter table serves the skeletons of both languages: where uk and ru
    spell a letter differently, the difference is in vowels (and g against h) only."""
    uk, ru = (get(code).translit["letters"] for code in ("uk", "ru"))
    differ = {ch: (uk[ch], ru[ch]) for ch in set(uk) & set(ru) if uk[ch] != ru[ch]}
    assert differ, "the systems do differ (uk ie, ru ye)"
    assert all(_consonants(a) == _consonants(b) for a, b in differ.values()), differ


@pytest.mark.parametrize(("words", "key"), [
    (("Зеленського", "Зеленского"), "slnskh"),  # the genitives, uk -ho and ru -go alike
    (("Zelenskyy", "Зеленський", "Зеленский"), "slnsk"),
    (("Dalhousie", "Делхаузі"), "dlhs"),  # kh heard as h
])
def test_skeletons_agree_across_scripts(words: tuple[str, ...], key: str) -> None:
    assert {skeleton(word) for word in words} == {key}
