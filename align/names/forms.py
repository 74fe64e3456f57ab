"""How Ukrainian and Russian make words from names (place adjectives, nouns for peoples), read
from data/lang/{uk,ru}/name_forms.toml once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from align.lang import get
from align.resources import load_toml


@dataclass(frozen=True)
class NameForms:
    adjective_suffixes: tuple[str, ...]
    people_suffixes: tuple[str, ...]
    derived_surface: re.Pattern[str]
    place_adjective_lemma: re.Pattern[str]
    place_stem_endings: tuple[str, ...]
    adjective_word: re.Pattern[str]
    stem_end: str  # vowels and signs a case ending may leave at the end of a stem
    vowel_sound_end: frozenset[str]  # letters that end a word in a vowel sound
    alternating_openings: frozenset[str]  # opening vowels euphony swaps for a consonant


@cache
def name_forms(lang: str) -> NameForms:
    data = load_toml("lang", lang, "name_forms.toml")
    return NameForms(
        adjective_suffixes=tuple(data["adjective_suffixes"]),
        people_suffixes=tuple(data["people_suffixes"]),
        derived_surface=re.compile(data["derived_surface"], re.I),
        place_adjective_lemma=re.compile(data["place_adjective_lemma"]),
        place_stem_endings=tuple(data["place_stem_endings"]),
        adjective_word=re.compile(data["adjective_word"], re.I),
        stem_end="".join(sorted(get(lang).vowels)) + data.get("stem_end_signs", ""),
        vowel_sound_end=get(lang).vowels | frozenset(data.get("vowel_sound_signs", "")),
        alternating_openings=frozenset(data.get("alternating_openings", "")),
    )
