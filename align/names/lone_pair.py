"""One lost name and one unexplained name, judged by spelling when sound cannot tell.

When a translation loses exactly one source name and adds exactly one name nothing explains,
the added name stands where the lost one stood, unless the two are one name spelt two ways.
Sound decides that by consonant skeletons, and skeletons that open alike and are short or
half shared count as alike (Mecca / «Maskoki»: mk / msk, Aristotle / «Ernestralia»: arstl /
ernstrl). The matcher had already refused to pair them, by keys and by skeletons; so with one
name on each side, read after every pass that explains a lost name otherwise (cut, garbled,
copied), the keys, vowels included, decide: keys as far apart as two names' (half their
letters or more, whichever forms are compared) are two names, unless their consonants agree
but for what spellings of one name vary in (_bare_skeleton).

The added name must be unknown to the dictionary or a given name: a noun it knows renders the
name by meaning (Sagittarius / «Striltsi»), and a surname or place it knows is most often the
name's traditional form, spelt by custom rather than by sound (Goethe / «Gete»).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.names.keys import _fuzzy_keys, skeleton
from align.names.morph import analyse, is_given_name, is_peoples_word
from align.names.translit import edit_distance

if TYPE_CHECKING:
    from align.model import NameMention
    from align.names.compare import _Comparison

# Edits per letter of the longer key for two keys to be other names: a transliteration
# changes vowels and doubles letters, rarely half of a name.
_KEYS_APART = 0.5
# Keys this short (Li, Wu, Bob) vary by a letter or two between spellings, and a letter is half.
_SHORTEST = 4
_PUNCTUATION = ".,;:!?\"'«»()"


def lone_pair_swap(c: _Comparison, missing: list[NameMention], extra: list[NameMention]) -> None:
    """An error, and both names taken off their lists, for a lost name and the unexplained name
    in its place when their keys are apart (see module): the only two left, or with more on a
    side, the one pair standing in the same place of their sentences."""
    if c.source_lang != "en" or c.target_lang == "en":
        return
    lost = [m for m in missing if m.kind == "name" and not is_peoples_word(m.text.split()[0])]
    candidates = [t for t in extra if c._substitute_candidate(t)]
    if not lost or not candidates:
        return
    for s in list(lost):
        t = candidates[0] if len(lost) == len(candidates) == 1 else _same_place_pair(c, s, lost, candidates)
        if t is None or _judged(c, s, t) or not _unknown_or_given(t, c.target_lang):
            continue
        if keys_apart(_fuzzy_keys(s, c.source_lang, c.glossary), _fuzzy_keys(t, c.target_lang, c.glossary)):
            missing.remove(s)
            extra.remove(t)
            candidates.remove(t)
            c._mismatch(s, t, "sound")


def _same_place_pair(c: _Comparison, s: NameMention, lost: list[NameMention],
                     candidates: list[NameMention]) -> NameMention | None:
    """The candidate in the same place of its sentence as `s`, when no other lost name is there."""
    t = c._same_place(s, candidates)
    if t is None or len([m for m in lost if c._same_place(m, [t]) is not None]) != 1:
        return None
    return t


def _judged(c: _Comparison, s: NameMention, t: NameMention) -> bool:
    """Another pass reported either already (a cut, a garbled copy): one issue is enough."""
    return any(i.category == "name" and i.severity == "error" and (s.text in i.expected or t.text in i.found
                                                                   or (i.found and i.found in t.text))
               for i in c.found)


def keys_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Every key of one name is far from every key of the other (see module)."""
    pairs = [(x, y) for x in a for y in b if x and y]
    if not pairs or any(min(len(x), len(y)) < _SHORTEST for x, y in pairs):
        return False
    return all(edit_distance(x, y, 20) / max(len(x), len(y)) >= _KEYS_APART
               and _bare_skeleton(x) != _bare_skeleton(y) for x, y in pairs)


def _bare_skeleton(key: str) -> str:
    """The consonants a spelling of the name cannot drop: no h (Huhne / «H'iuna»), f and p as
    one (Khufu / «Kheops»), no closing s of a Greek or Latin nominative."""
    bare = skeleton(key).replace("f", "p")
    return bare[:-1] if bare.endswith("s") else bare


def ordered_pair_swap(c: _Comparison, missing: list[NameMention], extra: list[NameMention]) -> None:
    """With as many names lost as unexplained (two or three), paired in the order the two texts
    give them, an error for the one pair that sounds apart while every other pair sounds alike:
    those are one name each spelt past the matcher (Huhne / «Kh'iuna»), and the order puts the
    other name in the last one's place (Pryce / «Luisa»). Two pairs apart leave which is which
    a guess."""
    if c.source_lang != "en" or c.target_lang == "en":
        return
    lost = sorted((m for m in missing if m.kind == "name" and not is_peoples_word(m.text.split()[0])),
                  key=lambda m: m.start)
    candidates = sorted((t for t in extra if c._substitute_candidate(t)), key=lambda t: t.start)
    if not 2 <= len(lost) <= 3 or len(lost) != len(candidates):
        return
    apart = [(s, t) for s, t in zip(lost, candidates, strict=True) if c._sound_apart(s, t)]
    if len(apart) != 1:
        return
    s, t = apart[0]
    if _unknown_or_given(t, c.target_lang):
        missing.remove(s)
        extra.remove(t)
        c._mismatch(s, t, "sound")


def _unknown_or_given(t: NameMention, lang: str) -> bool:
    """The name's last word is unknown to the dictionary or a given name (see module)."""
    word = t.text.split()[-1].strip(_PUNCTUATION)
    return not analyse(word, lang).known or is_given_name(word, lang)


def lost_shared_word_rendering(c: _Comparison, missing: list[NameMention], extra: list[NameMention]) -> None:
    """Two runs of English words that repeat one name (Atlantic Hurricane ... Atlantic Ocean)
    matched to fewer target mentions, while one name nothing explains appears and sounds unlike
    them: it stands in for one mention, as _lost_shared_rendering reads it for names, which
    leaves such runs aside since translations render their ordinary words by meaning."""
    if c.source_lang != "en" or c.target_lang == "en" or any(m.kind == "name" for m in missing):
        return
    candidates = [t for t in extra if c._substitute_candidate(t) and not t.initial]
    if len(candidates) != 1:
        return
    t = candidates[0]
    s = _sharer_stood_in_for(c, t, "common")
    if s is not None:
        extra.remove(t)
        c._mismatch(s, t, "sound")


def shared_rendering_to_capitalised_word(c: _Comparison, missing: list[NameMention]) -> None:
    """Source mentions of one name written differently (Vinson Massif ... Mount Vinson) all
    matched to fewer target mentions, every other name rendered, while one capitalised ordinary
    word inside the translation that no source word explains sounds unlike them (Printson): the
    word took one mention's place. _lost_repeat_to_capitalised_word counts mentions by their
    whole key, which two runs of one name do not share."""
    if c.source_lang != "en" or c.target_lang == "en" or any(m.kind == "name" for m in missing):
        return
    t = c._lone_capitalised_word()
    if t is None:
        return
    s = _sharer_stood_in_for(c, t, "name")
    if s is not None:
        c.tgt_matched[c.target.index(t)] = True
        c._mismatch(s, t, "position")


def _sharer_stood_in_for(c: _Comparison, t: NameMention, kind: str) -> NameMention | None:
    """The source mention of `kind` whose word other mentions share, all rendered by fewer
    target mentions than they are, and all sounding unlike `t`: the one `t` stands in for."""
    rendered = c._renderings()
    for i, own in rendered.items():
        s = c.source[i]
        if s.kind != kind or is_peoples_word(s.text):
            continue
        words = set(s.key.split())
        sharers = [k for k, theirs in rendered.items() if theirs <= own and words & set(c.source[k].key.split())]
        if len(sharers) > len(own) and all(c._sound_apart(c.source[k], t) for k in sharers):
            return s
    return None
