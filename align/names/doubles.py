"""A name cut between the two letters of a final double consonant (Hall / Khol for Kholla,
O'Flynn / O'Flin for O'Flinna, Scott / Skot for Skotta).

Renderings keep an English final double consonant (Kholl, Flinn, Skott), and its case forms add
the ending after both letters. A cut of the last syllable of such a form leaves the name with
one of them, which the matching keys cannot tell from the whole name: they write a double once.
So the written word is read: the rendering ends in the doubled consonant written once, and the
language's texts use the form with both letters at least as often (Russell / Rassel, Strauss /
Shtraus are established with one, and are used more often so).
"""

from __future__ import annotations

from functools import lru_cache

from align.lang.translit import transliterate
from align.names.keys import _surface_keys, _words_alike
from align.names.losses import consonants, english_name_sounds
from align.names.morph import strip_possessive, zipf
from align.names.translit import fold_latin, match_key, word_key

# English consonants that end names doubled (Hall, Flynn, Scott, Ross, Kidd, Cardiff, Kerr).
_DOUBLED = frozenset("bdfglmnprstz")


@lru_cache(maxsize=65536)
def double_cut(word: str, rendering: str, lang: str) -> str:
    """"truncated" when the rendering spells the English word with its final double consonant
    written once and nothing after it (see module), "" otherwise."""
    written = fold_latin(strip_possessive(word)).lower()
    # A final vowel sound after the double (Tommy, Kelly, Anna) goes with the cut syllable too.
    core = written[:-1] if written[-1:] in english_name_sounds().final_vowels else written
    if len(core) < 3 or core[-1] != core[-2] or core[-1] not in _DOUBLED:
        return ""
    if len(rendering) < 3 or not rendering[:1].isupper() or "-" in rendering:
        return ""
    said = transliterate(rendering, lang).lower()
    if said[-1:] != core[-1] or said[-2:-1] == core[-1]:
        return ""
    lower = rendering.lower()
    # An established form with one letter (Rassel) is used more often; with a vowel sound after
    # the double, no form the language uses stops after its first letter.
    if core == written and zipf(lower + lower[-1], lang) < zipf(lower, lang):
        return ""
    source, target = match_key(word), word_key(rendering, lang)
    # The same consonants opening alike will do (Hall / Khol): short keys differ by a vowel.
    alike = (source[:1] == target[:1] and consonants(source) == consonants(target)) \
        or _words_alike(_surface_keys(word, "en"), _surface_keys(rendering, lang))
    return "truncated" if alike else ""
