"""Figures' language data: every word list is read from data/lang/<code>/, none lives in the code,
and the words moved out of the code still do what they did."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from align.figures import extract_figures
from align.figures.lexicon import lexicon, norm_text, norm_word, shared_words

PACKAGE = Path(__file__).resolve().parents[3] / "align" / "figures"
CYRILLIC = re.compile("[\u0400-\u04ff]")
# build_tables.py generates numbers.toml at build time and is leaving the runtime package.
MODULES = sorted(p for p in PACKAGE.glob("*.py") if p.name != "build_tables.py")


def _figures(text: str, lang: str) -> list[tuple[str, str | None, str]]:
    return [(f.key, f.hedge, f.text) for f in extract_figures(text, lang)]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_cyrillic_in_code_or_comments(path: Path) -> None:
    lines = [f"{n}: {line}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if CYRILLIC.search(line)]
    assert lines == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_function_over_80_lines(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno + 1 > 80]
    assert long == []


def test_shared_words_gather_every_language() -> None:
    words = shared_words()
    assert {"minus", "мінус", "минус"} <= words.minus
    assert {"from", "після", "после"} <= words.context_stop
    assert {"вечора", "вечера"} <= set(words.pm_after)
    assert {"років", "годов"} <= words.decade_years
    assert {"грн", "долл"} <= words.dotted_currencies
    assert {"c", "с"} <= words.celsius and words.fahrenheit == {"f"}
    assert shared_words() is words  # read once


def test_per_language_words() -> None:
    en, uk, ru = lexicon("en"), lexicon("uk"), lexicon("ru")
    assert en.glued_ordinal_suffixes == {"st", "nd", "rd", "th"} and not uk.glued_ordinal_suffixes
    assert en.range_open_words == {"to"} and not ru.range_open_words
    assert "між" in uk.range_starts and "между" in ru.range_starts and "from" in en.range_starts
    assert uk.until_hedges == ("до",) and en.until_hedges == ()
    assert en.compound_prefixes == {} and "чот" in uk.compound_prefixes


def test_ru_yo_is_folded_and_offsets_kept() -> None:
    assert norm_word("Четырёх") == "четырех"
    text = "Ёлка и «п’ять»"
    assert len(norm_text(text)) == len(text)


@pytest.mark.parametrize("text,lang,expected", [
    ("мінус 5 градусів", "uk", [("-5 deg", None, "мінус 5 градусів")]),
    ("минус 5", "ru", [("-5", None, "минус 5")]),
    ("minus 5", "en", [("-5", None, "minus 5")]),
    ("о 10:00 вечора", "uk", [("22:00", None, "10:00")]),
    ("з 8:00 до 10:00 вечора", "uk", [("20:00", None, "8:00"), ("22:00", None, "10:00")]),
    ("from 10:00 to 11:00 pm", "en", [("22:00", None, "10:00"), ("23:00", None, "11:00 pm")]),
    ("о 10.30 год", "uk", [("10:30", None, "10.30")]),
    ("у 1990-х роках", "uk", [("1990s", None, "1990-х")]),
    ("в 1990-е годы", "ru", [("1990s", None, "1990-е")]),
    ("8-й етап", "uk", [("8", None, "8-й")]),
    ("200 грн. на місяць", "uk", [("200 UAH", None, "200 грн.")]),
    ("30 °С", "ru", [("30 degC", None, "30 °С")]),
    ("86 °F", "en", [("86 degF", None, "86 °F")]),
    ("до 2020 року", "uk", [("2020", None, "2020 року")]),
    ("до 20 ракет", "uk", [("20", "up_to", "20")]),
    ("від 10 до 15 км", "uk", [("10 km", None, "10"), ("15 km", None, "15 км")]),
    ("2 to 3 inches", "en", [("2 in", None, "2"), ("3 in", None, "3 inches")]),
    ("21 to 20", "en", [("21", None, "21"), ("20", None, "20")]),
    ("пятилетний план", "ru", [("5 year", None, "пятилетний")]),
])
def test_moved_words_still_read(text: str, lang: str, expected: list) -> None:
    assert _figures(text, lang) == expected
