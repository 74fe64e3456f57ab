"""A people's word the translation lost with a name-like word standing where it was.

A people's or country adjective (French, Canadian, Marian) reaches Ukrainian and Russian as an
adjective (frantsuzkyi) or as its place (zakonodavstvo Frantsii). When the translation holds
neither, and one capitalised word that no source word explains appears inside a sentence, that
word took its place (French electoral law / zakonodavstvo Armii): Ukrainian and Russian write
an ordinary noun with a capital only in a name, and a lost adjective leaves no name for it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from align.model import NameMention
from align.names.keys import _LOWER_WORD as _WORD
from align.names.keys import _adjective_match, _fuzzy_keys, _words_alike
from align.names.morph import _parses

if TYPE_CHECKING:
    from align.names.compare import _Comparison


def lost_peoples_stand_ins(c: _Comparison, lost: list[NameMention], extra: list[NameMention]) -> None:
    """Pairs each lost people's word with the one unexplained capitalised word of the
    translation, when the translation renders the word neither as an adjective nor as its
    place. Cheap first: most comparisons lose no people's word."""
    if c.target_lang == "en" or c.source_lang != "en" or not lost or not c.source_text:
        return
    for s in list(lost):
        homes = c._demonym_homes(s)
        if not homes or _rendered_anywhere(c, homes):
            continue
        stand_ins = _stand_ins(c, extra)
        t = stand_ins[0] if len(stand_ins) == 1 else c._same_place(s, stand_ins)
        if t is None or not c._sound_apart(s, t):
            continue
        lost.remove(s)
        if t in extra:
            extra.remove(t)
        c.tgt_matched[c.target.index(t)] = True
        c._mismatch(s, t, "position")


def _stand_ins(c: _Comparison, extra: list[NameMention]) -> list[NameMention]:
    """Unmatched words of the translation that may stand for a lost word: names nothing
    explains, and capitalised ordinary nouns no source word explains in the slot a people's
    word takes as its place, a genitive after a lower-case noun (zakonodavstvo Frantsii).
    A capitalised noun elsewhere (vyhrala Kubok, u Posolstvi) may render a source word."""
    names = [t for t in extra if c._substitute_candidate(t)]
    words = [t for t in c._free_capitalised_words() if _place_slot(c, t)]
    return names + words


def _place_slot(c: _Comparison, t: NameMention) -> bool:
    # The head noun is lower-case, or capitalised as the text's first word (Zakony Frantsii).
    before = _WORD.findall(c.target_text[:t.start])
    if not before or not (before[-1][:1].islower() or len(before) == 1) \
            or not _noun(before[-1].lower(), c.target_lang):
        return False
    return any(p.tag.POS == "NOUN" and "gent" in p.tag for p in _parses(t.text.lower(), c.target_lang)[:2])


def _noun(word: str, lang: str) -> bool:
    parses = _parses(word, lang)
    return bool(parses) and parses[0].tag.POS == "NOUN"


def _rendered_anywhere(c: _Comparison, homes: list[frozenset[str]]) -> bool:
    """Some word of the translation, in either case, spells the people's word or its place
    (frantsuzkyi, Frantsii, kanadtsiv): the word was rendered, whatever the matching made of it."""
    for keys in c.rendered_keys:
        if any(_words_alike(home, keys) or _adjective_match(home, keys) for home in homes):
            return True
    for t in c.target:
        keys = _fuzzy_keys(t, c.target_lang, c.glossary)
        if any(_words_alike(home, keys) or _adjective_match(home, keys) for home in homes):
            return True
    return False


def swapped_peoples_words(c: _Comparison, lost: list[NameMention]) -> None:
    """A lost people's word of the glossary with, unmatched in the translation, the people's
    word of another glossary place (French / nimetske, Russian / cheshskie): the people were
    swapped. Related places (Soviet / russkii, British / angliiskii) are left alone."""
    if c.source_lang != "en" or c.target_lang == "en" or not lost:
        return
    others = [t for j, t in enumerate(c.target) if not c.tgt_matched[j] and t.kind == "demonym"
              and _country_word(c, t.key)]
    for s in list(lost):
        if not others or not _country_word(c, s.key) or _rendered_anywhere(c, c._demonym_homes(s)):
            continue
        apart = [t for t in others if t.key != s.key and not _related(s.key, t.key)]
        t = apart[0] if len(apart) == 1 else c._same_place(s, apart)
        if t is None:
            continue
        lost.remove(s)
        others.remove(t)
        c.tgt_matched[c.target.index(t)] = True
        c._mismatch(s, t, "glossary")


def _country_word(c: _Comparison, key: str) -> bool:
    entry = c.glossary.entry(key)
    return entry is not None and entry.kind in ("demonym", "place") and key not in _related_places()["wider"]


def _related(a: str, b: str) -> bool:
    return any(a in group and b in group for group in _related_places()["groups"])


@lru_cache(maxsize=1)
def _related_places() -> dict:
    from align.resources import load_toml

    return load_toml("related_places.toml")
