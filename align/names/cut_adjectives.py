"""An adjective made from a name with its last syllable cut (Uppsala University / Uppsalsko
universiteta for Uppsalskogo, University of Central Missouri / Tsentralno Missuri).

The oblique forms of such adjectives end in a syllable (-go, -mu) whose loss leaves a word
ending in -o: no noun and no name, at most an adverb or a short adjective, which the language
never capitalises inside a sentence before the noun it qualifies. The dictionary knows few of
these adjectives, so the stumps pass (align.names.cuts.stumps) finds no completion for most;
the adjective's own ending pattern (name_forms.adjective_word) or the dictionary's adjective
reading of the word with the syllable back says what it was.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from align.lang import CYRILLIC_LETTER
from align.model import Issue
from align.names.forms import name_forms
from align.names.keys import _LOWER_WORD, _surface_keys
from align.names.morph import _parses, analyse
from align.resources import load_toml

if TYPE_CHECKING:
    from align.names.compare import _Comparison


def cut_adjectives(c: _Comparison, taken: set[str]) -> None:
    """An error for each capitalised word inside a sentence that is such an adjective cut."""
    from align.names.cuts import _contexts, _inside_sentence, _title_cased

    restores = _restores(c.target_lang)
    if not restores:
        return
    # Cheap first: a capitalised word of six letters or more ending in the stump's vowel.
    words = [w for w in dict.fromkeys(c.target_words) if len(w) >= 6 and w[-1:] == restores[0][0]
             and w[:1].isupper() and w not in taken and "-" not in w]
    for word in words:
        whole = _adjective_cut(word, restores[1:], c.target_lang)
        # A title in title case capitalises the language's adverbs (Medlenno), never a stump.
        known = analyse(word, c.target_lang).known
        if not whole or not any(_inside_sentence(before) and not (known and _title_cased(before, after, c.target_lang))
                                for before, after in _contexts(c.target_text or "", word)) \
                or _spelt_by_source(c, word):
            continue
        c.found.append(Issue("name", "error", c.target_lang, "", word,
                             f"{c.target_lang} has {word}, a truncated form of the adjective {whole}",
                             rule="name.garbled", evidence="dictionary"))
        taken.add(word)


def _spelt_by_source(c: _Comparison, word: str) -> bool:
    """A capitalised source word spells the whole word, key for key: a name ending so
    (Velasco / Velasko). Not by close keys, which read Harvard in Garvardsko as its adjective."""
    keys = _surface_keys(word, c.target_lang)
    return any(_surface_keys(w, "en") & keys for w in _LOWER_WORD.findall(c.source_text or "") if w[:1].isupper())


@lru_cache(maxsize=65536)
def _adjective_cut(word: str, restores: tuple[str, ...], lang: str) -> str:
    """The adjective form `word` is cut from, or "": the word with a lost syllable back is an
    adjective made from a name or one the dictionary reads so, while the word itself reads as
    no noun, no name and no full adjective."""
    if not CYRILLIC_LETTER.search(word) or word.isupper():
        return ""
    # (A word the dictionary lacks is guessed a place by its capital: no reading of its own.)
    info = analyse(word, lang)
    if info.known and (info.name_tagged or not all(_STUMP_TAGS & p.tag.grammemes for p in _parses(word.lower(), lang))):
        return ""
    lower = word.lower()
    for syllable in restores:
        whole = lower + syllable
        if name_forms(lang).adjective_word.search(whole) \
                or any("ADJF" in p.tag.grammemes for p in _parses(whole, lang) if p.is_known):
            return whole
    return ""


# What a cut adjective may read as by itself: an adverb, a short adjective, a predicative.
_STUMP_TAGS = frozenset({"ADVB", "ADJS", "PRED"})


@lru_cache(maxsize=4)
def _restores(lang: str) -> tuple[str, ...]:
    """The stump's last letter, then the syllables a cut takes from the adjective's forms."""
    data = load_toml("lang", lang, "name_forms.toml")
    ending, syllables = data.get("cut_adjective_stump_end", ""), data.get("cut_adjective_syllables", [])
    return (ending, *syllables) if ending and syllables else ()
