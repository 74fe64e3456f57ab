"""Figures: the cheap tests that decide which text or digit run the full pass reads give what
the plain regexes (a leading lookbehind or word boundary, every offset tried) give."""

from __future__ import annotations

import re

import pytest

from align.figures import figure_keys
from align.figures.lexicon import lexicon, norm_text
from align.figures.numbers import roman_hint

_ROMAN_WORD = re.compile("\\b[IVXLC\u0425\u0406\u0421]+\\b")


@pytest.mark.parametrize("text", [
    "XVI century", "in the XX", "MIX of things", "XIVth", "I think", "a", "ВIII", "8XI", "_XI", "X-ray",
    "Хрущов", "ХХ століття", "вIII",
])
def test_roman_hint_is_a_roman_word(text: str) -> None:
    assert roman_hint(text) == bool(_ROMAN_WORD.search(text))


@pytest.mark.parametrize("lang", ["uk", "ru"])
@pytest.mark.parametrize("text", [
    "січневих атак", "несічневих атак", "5січневих", "п'січневих", "(січневих)", "январских боёв",
    "предъянварских", "_январских", "ЯНВАРСКИХ", "нічого",
])
def test_month_adjective_opens_a_word(lang: str, text: str) -> None:
    lex = lexicon(lang)
    stems = "|".join(re.escape(stem) for stem, _ in lex.month_adjectives)
    plain = re.compile(rf"(?<![^\W\d_])(?:{stems})")
    normed = norm_text(text)
    assert lex.has_month_adjective(normed) == bool(plain.search(normed))


@pytest.mark.parametrize(("text", "keys"), [
    ("(1)", ["1"]), ("at 10:30 pm", ["22:30"]), ("on 2024-01-02", ["2024-01-02"]), ("5 pm", ["17:00"]),
    ("3 o'clock", ["03:00"]), ("1200 GMT", ["12:00"]), ("12345:2", []), ("3:2", ["3:2"]), ("x1:2", ["1:2"]),
])
def test_patterns_open_at_digit_runs_only(text: str, keys: list[str]) -> None:
    # the whole-figure patterns are tried only where a digit run is followed by what they need
    assert [f.key for f in figure_keys(text, "en")] == keys
