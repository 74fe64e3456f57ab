"""The matching key that makes the usual spelling variants of one name compare equal, over
the languages' transliteration (align.lang.translit, re-exported here for the name matcher)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from align.lang import CYRILLIC_LETTER, is_cyrillic
from align.lang.translit import transliterate

# Letters that NFKD does not decompose into a base letter plus a mark.
_LATIN_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe",
                             "ß": "ss", "þ": "th"})

# Applied in order to a lower-case ASCII transliteration. They absorb the variants that
# English, Ukrainian and Russian spellings of one name differ by: Ukrainian h (the letter ge)
# is g in Russian and English (Stoltenberg / Stoltenberh); kh is kh or h; the Ukrainian and
# Russian i- and y-letters and j/y all become i (Zelenskyy / Zelenskyi / Zelensky /
# Zelenskiy); German tz and Polish cz; doubled letters (Zelenskyy, Kharkiv vs Kharkov aside)
# collapse.
_REDUCTIONS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),  # Dzhonson / Johnson, Dzho / Joe
    ("cz", "ch"),
    ("kh", "h"),
    ("gh", "h"),
    ("g", "h"),
    ("ph", "f"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("ck", "k"),
    ("tz", "ts"),
    ("c(?!h)", "k"),
    ("[jy]", "i"),
    ("ie", "e"),
    ("[^a-z]", ""),
)
# The one or two letters a pattern cannot match without ("" for none): most keys lack them,
# and a test for a letter costs far less than a pass of the pattern. [^a-z] is skipped for a
# key of small ASCII letters alone (NFKD may leave capitals: the trade mark sign is TM).
_NEEDS = {"c(?!h)": "c", "[jy]": "jy", "[^a-z]": None}
# A plain letter group is replaced as a string, which is several times faster than a regex
# and replaces alike (left to right, no overlaps); only the rest are compiled.
_REDUCTION_STEPS = tuple((pat, rep, None if pat.isalpha() else re.compile(pat), _NEEDS.get(pat, ""))
                         for pat, rep in _REDUCTIONS)
_DOUBLE = re.compile(r"(.)\1+")


def fold_latin(text: str) -> str:
    """Lower-case ASCII letters: diacritics stripped (Erdoğan -> erdogan, Nausėda -> nauseda)."""
    folded = text.lower().translate(_LATIN_FOLD)
    if folded.isascii():
        return folded  # nothing to decompose
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def match_key(latin: str) -> str:
    """The key two spellings of one name share: Zelenskyy, Zelenskyi, Zelensky, Zelenskiy and
    the Ukrainian and Russian spellings Zelenskyi and Zelenskii all give "zelenski"."""
    key = fold_latin(latin)
    for letters, rep, pattern, needs in _REDUCTION_STEPS:
        if pattern is None:
            if letters in key:
                key = key.replace(letters, rep)
        elif needs is None:
            if not (key.isascii() and key.isalpha() and key.islower()):
                key = pattern.sub(rep, key)
        elif not needs or needs[0] in key or needs[-1] in key:
            key = pattern.sub(rep, key)
    # (A template replacement goes through the re module's Python code on every call; most
    # keys have no doubled letter, and a function is called only for one that has.)
    return _DOUBLE.sub(_first_letter, key)


def _first_letter(match: re.Match[str]) -> str:
    return match.group(1)


@lru_cache(maxsize=200_000)
def word_key(word: str, lang: str) -> str:
    """Matching key of one word written in `lang` (Latin words are keyed as they are)."""
    if is_cyrillic(lang) and not word.isascii() and CYRILLIC_LETTER.search(word):
        return match_key(transliterate(word, lang))
    return match_key(word)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    # The name matchers ask this for most pairs they read: comparisons, not min(), keep it fast.
    for i, ca in enumerate(a, 1):
        current = [i]
        best = left = i
        for j, cb in enumerate(b, 1):
            value = previous[j - 1] + (ca != cb)
            if left + 1 < value:
                value = left + 1
            if previous[j] + 1 < value:
                value = previous[j] + 1
            current.append(value)
            left = value
            if value < best:
                best = value
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


def within_one_edit(a: str, b: str) -> bool:
    """edit_distance(a, b, 1) <= 1, read in one pass: equal but for one letter changed, added
    or dropped (the name matchers ask this of most pairs of keys and skeletons they read)."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]
    return True


@lru_cache(maxsize=200_000)
def keys_close(a: str, b: str) -> bool:
    """Whether two matching keys are spellings of one name: equal, or a small edit apart
    (one edit from 5 letters, two from 9)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < 5:
        # Short names differ by their case ending only: Uka / Uky, Ora / Oru.
        return shorter >= 3 and a.rstrip("aeiou") == b.rstrip("aeiou") and len(a.rstrip("aeiou")) >= 2
    if shorter < 9:
        return within_one_edit(a, b)
    return _within_two_edits(a, b)


def _within_two_edits(a: str, b: str) -> bool:
    """edit_distance(a, b, 2) <= 2, with the common opening and ending set aside first (they
    leave the distance as it is): the rows then span only the letters that differ."""
    start, end = 0, min(len(a), len(b))
    while start < end and a[start] == b[start]:
        start += 1
    stop_a, stop_b = len(a), len(b)
    while stop_a > start and stop_b > start and a[stop_a - 1] == b[stop_b - 1]:
        stop_a -= 1
        stop_b -= 1
    return edit_distance(a[start:stop_a], b[start:stop_b], 2) <= 2
