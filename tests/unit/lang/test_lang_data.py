"""align.lang: every language loads, and its tables are complete and consistent."""

from __future__ import annotations

import doctest
import re

import pytest

import align.lang
from align.errors import InputError
from align.lang import ABBREVIATION_CLASSES, get, languages
from align.model import LANGS

# TOML files every language has (the figure extractor and the splitter read them all).
TABLES = ("language", "months", "numbers", "number_words", "units", "currencies", "hedges", "percent", "roles")
WORD_LISTS = ("abbreviations", "sentence_starters", "name_stopwords")


@pytest.mark.parametrize("code", LANGS)
def test_every_language_loads_with_every_table(code: str) -> None:
    language = get(code)
    assert language.code == code and language.name and language.script in ("latin", "cyrillic")
    for name in TABLES:
        assert language.table(name), f"{code}: data/lang/{code}/{name}.toml is missing or empty"
    for name in WORD_LISTS:
        assert language.path(f"{name}.txt").is_file(), f"{code}: {name}.txt is missing"
    assert language.sentence_starters and all(word[:1].isupper() for word in language.sentence_starters)
    assert language.abbreviations and set(language.abbreviations.values()) <= set(ABBREVIATION_CLASSES)
    assert all(key.endswith(".") and " " not in key for key in language.abbreviations)
    assert language.abbreviation_parts >= 1
    assert language.decimal_separator != language.group_separator
    assert language.quote_pairs and all(len(pair) == 2 and pair[0] != pair[1] for pair in language.quote_pairs)
    assert language.commonest_word in language.function_words


def test_a_language_is_one_object_and_an_unknown_code_is_one_error_line() -> None:
    assert get("uk") is get("uk")
    assert [lang.code for lang in languages()] == list(LANGS)
    assert {lang.code for lang in languages("cyrillic")} == {"uk", "ru"}
    with pytest.raises(InputError, match="unknown language 'xx'"):
        get("xx")


def test_a_missing_table_reads_as_empty() -> None:
    assert get("en").table("translit") == {}
    assert get("en").words("no_such_list") == ()
    assert get("en").translit["letters"] == {}


@pytest.mark.parametrize("code", ["uk", "ru"])
def test_the_transliteration_table_spells_every_letter_of_the_alphabet(code: str) -> None:
    language = get(code)
    letters = language.translit["letters"]
    missing = [ch for ch in language.alphabet if ch not in letters]
    assert not missing, f"{code}: no Latin spelling for {missing}"
    assert all(value.isascii() and value == value.lower() for value in letters.values())
    for part in ("initial", "after_vowel", "sequences"):
        assert all(value.isascii() for value in language.translit[part].values())


@pytest.mark.parametrize("code", ["uk", "ru"])
def test_vowels_function_words_and_distinct_letters_belong_to_the_alphabet(code: str) -> None:
    language = get(code)
    alphabet = set(language.alphabet)
    assert len(alphabet) == len(language.alphabet) == 33
    assert language.vowels and language.vowels <= alphabet
    assert all(set(word) <= alphabet for word in language.function_words)
    distinct = {ch for ch in language.distinct_letters if ch.islower()}
    others = set().union(*(set(o.alphabet) for o in languages("cyrillic") if o.code != code))
    assert distinct and distinct <= alphabet and not distinct & others
    # Every letter of the alphabet that the other language lacks is listed.
    assert alphabet - others == distinct
    assert {ch.upper() for ch in distinct} <= language.distinct_letters


def test_the_ukrainian_softened_endings_offer_nominatives() -> None:
    endings = dict(get("uk").softened_endings)
    assert endings["ці"] == ("к", "ка") and set(endings) == {"ці", "зі", "сі"}
    assert get("ru").softened_endings == () and get("en").softened_endings == ()


def test_the_splitter_and_the_language_detector_know_every_letter_of_every_alphabet() -> None:
    from align.segmenting import splitter
    from align.textio import _CYRILLIC_WORD

    letters = set().union(*(set(lang.alphabet) for lang in languages()))
    letter_class = re.compile("[" + splitter._LETTER + "]")
    assert {ch for ch in letters if letter_class.fullmatch(ch) and letter_class.fullmatch(ch.upper())} == letters
    assert {ch for ch in letters if splitter._INITIAL.fullmatch(ch.upper())} == letters
    cyrillic = set().union(*(set(lang.alphabet) for lang in languages("cyrillic")))
    assert {ch for ch in cyrillic if _CYRILLIC_WORD.fullmatch(ch)} == cyrillic
    # and nothing else: a Cyrillic letter none of the languages has (Belarusian short u) is no letter of ours
    assert not letter_class.fullmatch("\u045e") and not _CYRILLIC_WORD.fullmatch("\u045e")


def test_the_hedge_advice_quotes_each_cyrillic_languages_hedges() -> None:
    from align.reports.ci import _rule

    help_text = _rule("figure.hedge", "figure")["help"]["text"]
    assert "(понад, близько, щонайменше / свыше, около, не менее)" in help_text


def test_the_module_examples_run() -> None:
    assert doctest.testmod(align.lang).failed == 0


def test_is_cyrillic_knows_the_script_of_every_language_and_nothing_else() -> None:
    from align.lang import is_cyrillic

    assert [code for code in LANGS if is_cyrillic(code)] == ["uk", "ru"]
    assert not is_cyrillic("zh") and not is_cyrillic(None)


def test_the_english_morphology_lists_drive_the_name_checks_word_tests() -> None:
    from align.names.morph import _demonym_word

    english = get("en")
    assert dict(english.inflections)["ies"] == ("y",) and english.inflections[0][0] == "men"
    assert "" in english.place_endings
    demonym = _demonym_word()
    assert all(demonym.search("x" + ending) and demonym.search("x" + ending + "'s")
               for ending in english.demonym_endings)
    assert not demonym.search("Kyiv")
    assert get("uk").inflections == () and get("uk").demonym_endings == ()
