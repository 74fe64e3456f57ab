"""Figures: find the numbers, money, percentages, dates, times, units and ordinals of a sentence
and tell where a translation states them differently (a changed, lost or added figure, a lost
hedge, a rounding, a unit conversion).

Public interface:
    extract_figures(text: str, lang: str) -> list[Figure]
    compare_figures(source: list[Figure], target: list[Figure], source_lang: str, target_lang: str)
        -> list[Issue]   (category "figure"; segment/id are filled in by align.checking)
    figures_signature() -> Signature   (the fields figure checking adds to a report's signature)

Keys are language-independent ("7660000000 USD", "2024-01-02", "70 %", "20 mile"), so equal
keys mean the same figure in en, uk and ru; compare.py adds the tolerant matches (unit
conversions, rounding, dates without a year).

Extraction: tokens.py (tokens of a text), scan.py (the state of one extraction and how a figure
is recorded with its hedge, role and context), patterns.py (whole-figure patterns: numeric
dates, clock times, scores, standards codes), numbers.py (digits, number words, scale words,
Roman numerals), tail.py (what follows a number: suffix, scale, currency, percent, unit),
dates.py (dates with month names), extract.py (the pass over the tokens). lexicon.py and
roles.py load the vocabulary; units.py converts units.

Word lists live in data/lang/{lang}/, not in the code: numbers.toml (generated, every
inflected form), number_words.toml, months.toml, units.toml, currencies.toml, hedges.toml,
percent.toml, clock.toml, context.toml, letters.toml (ru), and roles.toml (what a number is part
of: a label, a code, a compound, an idiom; see Figure.role), which decides how loosely a lost
one is judged.
"""

from __future__ import annotations

from align.figures.compare import FIGURES_VERSION, compare_figures
from align.figures.extract import extract as _extract
from align.model import Figure
from align.signature import Signature


def figures_signature() -> Signature:
    """What shapes figure issues, for the report signature: "figures:v5"."""
    return Signature.of(("figures", f"v{FIGURES_VERSION}"))


def extract_figures(text: str, lang: str) -> list[Figure]:
    """Every figure in `text` (one sentence or more) written in `lang` (en, uk or ru)."""
    return _extract(text, lang)


def figure_keys(text: str, lang: str) -> list[Figure]:
    """The figures of extract_figures with their keys, values, units and offsets only (no
    hedge, role or context): what sentence alignment reads, at two thirds of the cost."""
    return _extract(text, lang, details=False)


def preload() -> None:
    """Load every language's figure words (numbers, units, months, roles), which extraction
    reads on first use, so that timing a check measures checking."""
    from align.figures.lexicon import lexicon, shared_words
    from align.figures.roles import roles
    from align.model import LANGS

    shared_words()
    for lang in LANGS:
        lexicon(lang)
        roles(lang)


__all__ = ["FIGURES_VERSION", "compare_figures", "extract_figures", "figure_keys", "figures_signature", "preload"]
