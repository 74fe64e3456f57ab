"""Per-language words that tell what a number is part of: a label, a code, a compound, an idiom.

Loaded once from data/lang/{lang}/roles.toml (and the day joiners and month abbreviations of
months.toml, the per-hour phrases of units.toml). The extractor marks a figure with a
`Figure.role` from these; compare.py judges a figure with a role more loosely, because
translations render these numbers as words or leave them out as a matter of style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from align.figures.lexicon import norm_word
from align.resources import load_toml

# Cyrillic capitals that look like Roman numerals (ru "XX veka", uk "XVI stolittia" typed
# with Cyrillic Kha and I): written as escapes since the code holds no Cyrillic text.
ROMAN_HOMOGLYPHS = str.maketrans({"\u0425": "X", "\u0406": "I", "\u0421": "C", "\u041c": "M", "\u04c0": "I"})


@dataclass(frozen=True)
class Roles:
    label_forms: frozenset[str]
    label_stems: tuple[str, ...]
    standards_regex: re.Pattern[str] | None  # "ISO 4049:2009", ru "GOST 12.1.005-88"
    standards: tuple[str, ...]  # the names standards_regex opens with
    standards_hint: re.Pattern[str] | None  # any of those names anywhere: a cheap test first
    seasons: frozenset[str]
    compound_after_digits: frozenset[str]
    spelled_heads: frozenset[str]
    fused_stems: tuple[str, ...]
    idioms: dict[str, float]
    day_joiners: frozenset[str]
    month_abbreviations: dict[str, int]
    per_hour_regex: re.Pattern[str] | None

    def is_label(self, norm: str) -> bool:
        """A (normalised) noun a number names rather than counts: "group", ru "gruppy"."""
        if norm in self.label_forms:
            return True
        return any(norm.startswith(stem) and len(norm) - len(stem) <= 3 for stem in self.label_stems)


def _phrases_regex(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alt = "|".join(r"\s*".join(re.escape(p) for p in ph.split()) if ph.startswith("/") else
                   r"\s+".join(re.escape(p) for p in ph.split())
                   for ph in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alt})(?![^\W\d_])", re.IGNORECASE)


@cache
def roles(lang: str) -> Roles:
    data = load_toml("lang", lang, "roles.toml")
    months = load_toml("lang", lang, "months.toml")
    units = load_toml("lang", lang, "units.toml")
    labels = data.get("labels", {})
    codes = data.get("codes", {})
    compounds = data.get("compounds", {})
    standards = codes.get("standards", [])
    standards_regex = re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(s) for s in sorted(standards, key=len, reverse=True)) + r")"
        r"(?:/[A-Z]{2,5})*\s?(?P<num>\d+(?:(?:\s?[:]\s?|[-./])\d+)*)(?![\d])"
    ) if standards else None
    return Roles(
        label_forms=frozenset(norm_word(w) for w in labels.get("nouns", []) + labels.get("forms", [])),
        label_stems=tuple(norm_word(w) for w in labels.get("stems", [])),
        standards_regex=standards_regex,
        standards=tuple(standards),
        standards_hint=re.compile("|".join(re.escape(s) for s in standards)) if standards else None,
        seasons=frozenset(codes.get("seasons", [])),
        compound_after_digits=frozenset(compounds.get("after_digits", [])),
        spelled_heads=frozenset(norm_word(w) for w in compounds.get("spelled_heads", [])),
        fused_stems=tuple(norm_word(w) for w in compounds.get("fused_stems", [])),
        idioms={norm_word(k): float(v) for k, v in data.get("idioms", {}).items()},
        day_joiners=frozenset(norm_word(w) for w in months.get("day_joiners", [])),
        month_abbreviations={norm_word(k): int(v) for k, v in months.get("abbreviations", {}).items()},
        per_hour_regex=_phrases_regex(units.get("per_hour", {}).get("phrases", [])),
    )
