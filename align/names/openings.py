"""A name opening an English sentence, lost, with another name in its place.

The extractor takes no name from a sentence's first word, where a capital is no evidence
(Chambers, an agnostic, argues...; Curtis Cooper, a mathematician...), so such a name never
reaches the lost names the substitution passes pair: the translation may put another name in
its place (Chambers / «Sent-Khelyers», Curtis Cooper / «Kiortis Biber») and only an added
name is reported. Here the capitalised words opening each source sentence are read directly:
a word that is no ordinary English word and that no word of the translation spells, in any
case, is lost; and the name standing for it is either the one unexplained target run that
spells the rest of the opening run but holds one word of its own, or, for an opening of one
word, the one unexplained name left when no other name is lost, sounding apart from it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from align.model import NameMention
from align.names.cuts import _SENTENCE_OPENING
from align.names.keys import (
    _fuzzy_keys,
    _is_latin,
    _surface_keys,
    _word_sounds_apart,
    _words_alike,
)
from align.names.lone_pair import _unknown_or_given, keys_apart
from align.names.morph import strip_possessive
from align.names.translit import word_key

if TYPE_CHECKING:
    from align.names.compare import _Comparison

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# Shorter words (Al, Le) are too often a particle or an initial to judge by sound.
_SHORTEST = 3


def lost_opening_stand_ins(c: _Comparison, missing: list[NameMention], extra: list[NameMention]) -> None:
    """An error for a lost name opening a source sentence and the target name in its place (see
    module)."""
    if c.source_lang != "en" or c.target_lang == "en" or not extra or not c.source_text or not c.target_text:
        return
    for run in _opening_runs(c.source_text):
        lost = [w for w in run if _lost_word(c, w)]
        if len(lost) != 1 or _reported(c, lost[0]):
            continue
        s = _mention(c, lost[0], run)
        t = _run_stand_in(c, run, lost[0], extra) if len(run) > 1 else _lone_stand_in(c, s, missing, extra)
        if t is not None:
            extra.remove(t)
            c._mismatch(s, t, "sound")


def _opening_runs(text: str) -> list[list[str]]:
    """The capitalised words that open each sentence, as runs (Curtis Cooper)."""
    runs: list[list[str]] = []
    opening = {m.start(1) for m in _SENTENCE_OPENING.finditer(text)}
    words = list(_WORD.finditer(text))
    for k, m in enumerate(words):
        if not m.group()[:1].isupper() or m.start() not in opening:
            continue
        run = [m.group()]
        for prev, nxt in zip(words[k:], words[k + 1:], strict=False):
            if not nxt.group()[:1].isupper() or text[prev.end():nxt.start()].strip():
                break
            run.append(nxt.group())
        runs.append(run)
    return runs


def _lost_word(c: _Comparison, word: str) -> bool:
    """A capitalised word no word of the translation spells, in any case. English surnames are
    often ordinary words too (Chambers, Cooper): the stand-in's evidence has to tell."""
    bare = strip_possessive(word)
    if len(bare) < _SHORTEST or not bare[1:].islower():
        return False
    keys = _surface_keys(bare, c.source_lang)
    return not any(_words_alike(keys, k) for k in c._target_text_keys)


def _reported(c: _Comparison, word: str) -> bool:
    return any(i.category == "name" and word in i.expected for i in c.found)


def _mention(c: _Comparison, word: str, run: list[str]) -> NameMention:
    """The source mention holding the lost word, or one made for it (the extractor took none)."""
    for s in c.source:
        if word in s.text.split():
            return s
    text = " ".join(run)
    start = c.source_text.find(text)
    return NameMention(text, start, start + len(text), word_key(strip_possessive(word), c.source_lang),
                       kind="name", initial=True)


def _run_stand_in(c: _Comparison, run: list[str], lost: str, extra: list[NameMention]) -> NameMention | None:
    """The one unexplained target run spelling the opening run's other words and holding one
    word no source word spells, a name sounding apart from the lost word."""
    kept = [_surface_keys(strip_possessive(w), c.source_lang) for w in run if w != lost]
    lost_keys = _surface_keys(strip_possessive(lost), c.source_lang)
    found = []
    for t in extra:
        words = t.text.split()
        if t.kind != "name" or len(words) < 2 or _is_latin(t.text):
            continue
        keys = [_surface_keys(w, c.target_lang) for w in words]
        new = [w for w, k in zip(words, keys, strict=True) if not _words_alike(k, c._source_word_keys())]
        spelt = any(_words_alike(a, b) for a in kept for b in keys)
        if spelt and len(new) == 1 and c._name_word(new[0]) \
                and _apart(lost_keys, _surface_keys(new[0], c.target_lang)):
            found.append(t)
    return found[0] if len(found) == 1 else None


def _lone_stand_in(c: _Comparison, s: NameMention, missing: list[NameMention],
                   extra: list[NameMention]) -> NameMention | None:
    """With no other name lost, the one unexplained name in the same place of its sentence, its
    keys apart from the lost word's. The place matters: the opening word may be an ordinary one
    translated (Chambers, Travel) while the translator adds a name elsewhere for clarity."""
    if any(m.kind == "name" and m is not s for m in missing):
        return None
    # A word opening the translation is capitalised there whatever it is (Nemaie for There are).
    candidates = [t for t in extra if not t.initial and c._substitute_candidate(t)]
    if len(candidates) != 1:
        return None
    t = candidates[0]
    # A surname or place the dictionary knows is most often the name's traditional form (Goethe /
    # «Gete»), spelt by custom rather than by sound.
    if c._same_place(s, [t]) is None or not _unknown_or_given(t, c.target_lang):
        return None
    a = _surface_keys(strip_possessive(s.text.split()[0]), c.source_lang)
    b = _fuzzy_keys(t, c.target_lang, c.glossary)
    return t if keys_apart(a, b) else None


def _apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two words of other names: apart by sound, or keys half apart (Cooper / «Biber»)."""
    return _word_sounds_apart(a, b) or keys_apart(a, b)
