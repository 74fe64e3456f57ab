"""Chinese names in Hanyu Pinyin as Russian and Ukrainian write them (the Palladius system).

English news spells Chinese names in pinyin (Zhejiang, Xiaogan); Russian and Ukrainian spell the
same names by a fixed syllable table (ru Chzhetszian, Siaogan), which no letter-by-letter key can
bridge. A Latin word that splits wholly into pinyin syllables gets the Cyrillic form the table
gives, and the matcher keys that form as it keys any Cyrillic word. The table is language data:
data/lang/zh/palladius.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.resources import load_toml

_RETROFLEX = ("zh", "ch", "sh", "r", "z", "c", "s")
_JQX = ("j", "q", "x")
_LETTERS = re.compile(r"^[a-z]+$")


@lru_cache(maxsize=1)
def _syllables() -> dict[str, str]:
    """Every pinyin syllable the table defines -> its Cyrillic form."""
    data = load_toml("lang", "zh", "palladius.toml")
    out = dict(data["whole"])
    for initial, cyr_initial in data["initials"].items():
        for final, cyr_final in data["finals"].items():
            if initial in _JQX:
                cyr_final = data["finals_after_jqx"].get(final, cyr_final)
            elif initial in _RETROFLEX:
                cyr_final = data["finals_after_retroflex"].get(final, cyr_final)
            out.setdefault(initial + final, cyr_initial + cyr_final)
    return out


@lru_cache(maxsize=50_000)
def palladius(word: str) -> str | None:
    """The Cyrillic (Russian) spelling of a word read as pinyin syllables, else None. Xi'an and
    Xi’an split at the apostrophe; a word that does not split wholly is no pinyin. English
    words that happen to split (Change, Long) only gain a key that matches nothing."""
    lower = word.lower().replace("’", "'")
    parts = [p for p in lower.split("'") if p]
    if not parts or not all(_LETTERS.match(p) for p in parts):
        return None
    syllables = _syllables()
    out = []
    for part in parts:
        split = _split(part, syllables)
        if split is None:
            return None
        out.extend(syllables[s] for s in split)
    return "".join(out)


def _split(word: str, syllables: dict[str, str]) -> list[str] | None:
    """Longest-first split into syllables, backtracking (Xiaogan: xiao + gan, not xia + ogan)."""
    if not word:
        return []
    for size in range(min(6, len(word)), 0, -1):
        head = word[:size]
        if head in syllables:
            rest = _split(word[size:], syllables)
            if rest is not None:
                return [head, *rest]
    return None
