"""Cyrillic -> Latin transliteration, the one table per language (data/lang/<code>/translit.toml).

Two schemes read the same tables:
- `transliterate(word, lang)`, the language's full system (uk: the national system of 2010;
  ru: the common news system), with its rules for the start of a word, after a vowel and for
  letter groups. Names are keyed with it (align.names.translit).
- `script_table()`, letter by letter with no positional rules, for comparing words whose
  language is not known: the sentence aligner's consonant skeletons (align.alignment.features)
  use it. Skeletons drop vowels, and the languages' tables differ only in vowels there (the
  Ukrainian y and i, the iotated ye/ie, yu/iu, ya/ia), so one table serves both languages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from align.lang import get, is_cyrillic, languages


@lru_cache(maxsize=1)
def _vowels() -> frozenset[str]:
    """Vowel letters of every Cyrillic language: a Russian e after one is written ye, also
    after a Ukrainian letter in a quoted name."""
    return frozenset().union(*(language.vowels for language in languages("cyrillic")))


@lru_cache(maxsize=8)
def _spelling(lang: str) -> tuple[dict[int, str], re.Pattern[str], Callable[[re.Match[str]], str]] | None:
    """The language's rules as one pass of a pattern and a translate table: the pattern finds,
    left to right, each letter group (first), each first letter of a word (or of a hyphenated
    part) and each letter after a vowel that has a spelling of its own, the function spells
    it, and the table spells every other letter. None when the tables do not allow it (a
    letter group holding a hyphen, which starts a word afresh, or a rule's spelling holding a
    letter the table would spell again)."""
    table = get(lang).translit
    letters, by_rule = table["letters"], {"group": table["sequences"], "initial": table["initial"],
                                          "after_vowel": table["after_vowel"]}
    spelt = "".join(rep for rules in by_rule.values() for rep in rules.values())
    if any(len(ch) != 1 for ch in letters) or any("-" in seq for seq in by_rule["group"]) \
            or any(ch in letters for ch in spelt):
        return None
    rules = []
    if by_rule["group"]:
        rules.append("(?P<group>" + "|".join(map(re.escape, by_rule["group"])) + ")")
    if by_rule["initial"]:
        rules.append("(?P<initial>(?<![^-])[" + "".join(map(re.escape, by_rule["initial"])) + "])")
    if by_rule["after_vowel"]:
        rules.append("(?P<after_vowel>(?<=[" + "".join(map(re.escape, sorted(_vowels()))) + "])["
                     + "".join(map(re.escape, by_rule["after_vowel"])) + "])")

    def spell(match: re.Match[str]) -> str:
        return by_rule[match.lastgroup or ""][match.group()]

    return str.maketrans(letters), re.compile("|".join(rules) or "(?!)"), spell


@lru_cache(maxsize=100_000)
def transliterate(word: str, lang: str) -> str:
    """Latin spelling of a Cyrillic word in the language's own system. Latin letters pass
    through; case follows the first letter; a word of a Latin-script language is returned as is."""
    if not is_cyrillic(lang):
        return word
    spelling = _spelling(lang)
    if spelling is None:
        return _positional(word, lang)
    table, rules, spell = spelling
    latin = rules.sub(spell, word.lower()).translate(table)
    return latin[:1].upper() + latin[1:] if word[:1].isupper() else latin


def _positional(word: str, lang: str) -> str:
    """transliterate() reading the language's rules letter by letter, as their tables state
    them (for tables _spelling cannot read in one pass)."""
    table = get(lang).translit
    letters, initial, after_vowel, sequences = (table["letters"], table["initial"],
                                                 table["after_vowel"], table["sequences"])
    vowels = _vowels()
    lower = word.lower()
    out: list[str] = []
    i = 0
    at_start = True
    while i < len(lower):
        matched = False
        for seq, rep in sequences.items():
            if lower.startswith(seq, i):
                out.append(rep)
                i += len(seq)
                matched = True
                break
        if matched:
            at_start = False
            continue
        ch = lower[i]
        if at_start and ch in initial:
            out.append(initial[ch])
        elif i > 0 and lower[i - 1] in vowels and ch in after_vowel:
            out.append(after_vowel[ch])
        elif ch in letters:
            out.append(letters[ch])
        else:
            out.append(ch)
        # A word inside a hyphenated name starts afresh (Ivano-Frankivsk, Yu in -Yurii).
        at_start = ch == "-"
        i += 1
    latin = "".join(out)
    if word[:1].isupper():
        latin = latin[:1].upper() + latin[1:]
    return latin


@lru_cache(maxsize=1)
def script_table() -> dict[str, str]:
    """Cyrillic letter -> Latin, for text of any Cyrillic language: every language's `letters`,
    the first language (in align.model.LANGS order) deciding a letter two of them spell."""
    table: dict[str, str] = {}
    for language in languages("cyrillic"):
        for ch, latin in language.translit["letters"].items():
            table.setdefault(ch, latin)
    return table
