"""Names romanised from Ukrainian or Russian, rendered back as another name.

An English surname such as Bryukhonenko or Dzhanelidze was spelt from Cyrillic by a
transliteration scheme, so its rendering has one right spelling: transliterated back, it gives
the same letters up to the schemes' variants (data/lang/en/romanised_names.toml folds them:
Zelensky, Zelenskyy and Zelenskyi are one). The sound comparison that pairs names across
scripts must tolerate foreign names rendered by ear (Schwarzenegger / Shvartsenegger), so it
also accepts a close-sounding other name: MT output writes «Briutnanko» for Bryukhonenko and
«Guganlidze» for Dzhanelidze. For a name with a Slavic ending that tolerance is not needed:
two letters apart in the stem, after folding, is a garbled name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from align.lang.translit import transliterate
from align.names.translit import edit_distance
from align.resources import load_toml

if TYPE_CHECKING:
    from align.names.compare import _Comparison

# Letters the folded stems may differ by: one (a scheme variant the folds miss), not two.
_MAX_APART = 1
# Case endings of the rendering (and the English possessive) are not compared.
_ENDING = 2
_CAPITALISED = re.compile(r"^[A-Z][a-z]{3,}$")


@lru_cache(maxsize=1)
def _data() -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    table = load_toml("lang", "en", "romanised_names.toml")
    endings = "|".join(sorted(table["endings"], key=len, reverse=True))
    return re.compile(rf"(?:{endings})$"), tuple((a, b) for a, b in table["folds"])


@lru_cache(maxsize=20_000)
def fold(word: str) -> str:
    """The word's letters with the transliteration schemes' variants made one, doubles single."""
    text = word.lower()
    for variant, common in _data()[1]:
        text = text.replace(variant, common)
    return re.sub(r"(.)\1", r"\1", text)


def romanised_garbles(comparison: _Comparison) -> None:
    """An error for each paired English name word with a Slavic ending whose rendering,
    transliterated back and folded, is two letters or more from it (see module)."""
    c = comparison
    if c.source_lang != "en" or c.target_lang not in ("uk", "ru"):
        return
    slavic, _ = _data()
    flagged = {i.expected for i in c.found if i.category == "name" and i.severity == "error"}
    for i, j in sorted(set(c.pairs)):
        s, t = c.source[i], c.target[j]
        s_words, t_words = s.text.split(), t.text.split()
        if s.kind != "name" or s.text in flagged or len(s_words) != len(t_words):
            continue
        for english, rendering in zip(s_words, t_words, strict=True):
            english = english.strip(".,;:!?\"'’()").removesuffix("'s")
            if not _CAPITALISED.match(english) or not slavic.search(english.lower()):
                continue
            if _apart(english, rendering.strip(".,;:!?\"'«»()"), c.target_lang):
                c._garble_issue(s, t.text, "garbled")
                flagged.add(s.text)
                break


def _apart(english: str, rendering: str, lang: str) -> bool:
    source, target = fold(english), fold(transliterate(rendering, lang))
    stem = min(len(source), len(target)) - _ENDING
    return stem > 3 and edit_distance(source[:stem], target[:stem], _MAX_APART + 1) > _MAX_APART
