"""Cyrillic -> Latin transliteration (tables in data/lang/{uk,ru}/translit.toml) and the
matching key that makes the usual spelling variants of one name compare equal."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from align.resources import load_toml

_VOWELS_CYR = set("аеєиіїоуюяёыэ")

# Letters that NFKD does not decompose into a base letter plus a mark.
_LATIN_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe",
                             "ß": "ss", "þ": "th"})

# Applied in order to a lower-case ASCII transliteration. They absorb the variants that
# English, Ukrainian and Russian spellings of one name differ by: Ukrainian г is h where
# Russian and English write g (Stoltenberg / Столтенберг / Столтенберг); х is kh or h;
# й/и/і/ы/j/y all become i (Zelenskyy / Zelenskyi / Zelensky / Zelenskiy); German tz and
# Polish cz; doubled letters (Zelenskyy, Kharkiv vs Kharkov aside) collapse.
_REDUCTIONS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),  # Джонсон / Johnson, Джо / Joe
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
_REDUCTION_RES = tuple((re.compile(pat), rep) for pat, rep in _REDUCTIONS)
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=4)
def _table(lang: str) -> dict[str, dict[str, str]]:
    data = load_toml("lang", lang, "translit.toml")
    return {part: dict(data.get(part, {})) for part in ("letters", "initial", "after_vowel", "sequences")}


@lru_cache(maxsize=100_000)
def transliterate(word: str, lang: str) -> str:
    """Latin spelling of a Cyrillic word (uk: national system of 2010; ru: common news system).
    Latin letters pass through; case follows the first letter."""
    if lang not in ("uk", "ru"):
        return word
    table = _table(lang)
    letters, initial, after_vowel, sequences = (table["letters"], table["initial"],
                                                 table["after_vowel"], table["sequences"])
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
        elif i > 0 and lower[i - 1] in _VOWELS_CYR and ch in after_vowel:
            out.append(after_vowel[ch])
        elif ch in letters:
            out.append(letters[ch])
        else:
            out.append(ch)
        # A word inside a hyphenated name starts afresh (Ivano-Frankivsk, Yu in -Юрій).
        at_start = ch == "-"
        i += 1
    latin = "".join(out)
    if word[:1].isupper():
        latin = latin[:1].upper() + latin[1:]
    return latin


def fold_latin(text: str) -> str:
    """Lower-case ASCII letters: diacritics stripped (Erdoğan -> erdogan, Nausėda -> nauseda)."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_LATIN_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def match_key(latin: str) -> str:
    """The key two spellings of one name share: Zelenskyy, Zelenskyi, Zelensky, Zelenskiy and
    the transliterations of Зеленський and Зеленский all give "zelenski"."""
    key = fold_latin(latin)
    for pattern, rep in _REDUCTION_RES:
        key = pattern.sub(rep, key)
    return _DOUBLE.sub(r"\1", key)


def word_key(word: str, lang: str) -> str:
    """Matching key of one word written in `lang` (Latin words are keyed as they are)."""
    if lang in ("uk", "ru") and any("\u0400" <= ch <= "\u04ff" for ch in word):
        return match_key(transliterate(word, lang))
    return match_key(word)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        best = i
        for j, cb in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


@lru_cache(maxsize=200_000)
def keys_close(a: str, b: str) -> bool:
    """Whether two matching keys are spellings of one name: equal, or a small edit apart
    (one edit from 5 letters, two from 9)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < 5:
        # Short names differ by their case ending only: Uka / Уки, Ora / Ору.
        return shorter >= 3 and a.rstrip("aeiou") == b.rstrip("aeiou") and len(a.rstrip("aeiou")) >= 2
    limit = 1 if shorter < 9 else 2
    return edit_distance(a, b, limit) <= limit
