"""One word of a name run swapped for another name's word, read word by word.

A run matched through one of its words (Henry Louis Gates / «Perri Lui Heitsa», Kristoffer
Schneider / «Kristoferu Satoru») may still carry another person's word in place of one of its
own. The general pass (_words_within_pairs) asks for exactly one source word rendered nowhere
and one target word explained by nothing, and takes two words whose consonant skeletons are one
edit apart for one word spelt two ways. Both let swaps through: a French given name the keys do
not read (Louis / «Lui») leaves two source words unexplained, and a skeleton one edit from
another (shntr / str) may be a name that shares most consonants with the lost one.

Here runs of as many words on both sides are read position by position, since a translation
keeps the order of a person's names, and two words count as one only when the edit between
their skeletons is one a transliteration makes: a glide (w, j, y), a last consonant (French
Louis / «Lui»), or a consonant of the same sort at the opening (c / s, f / p). Another word in
the slot must also sound apart: opening with a steady consonant the other lacks, or apart by
the general measures.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from align.names.cuts import cut_of
from align.names.keys import (
    _SWAPPABLE_OPENINGS,
    _is_glossary,
    _is_latin,
    _keys_match,
    _opening,
    _places,
    _steady_opening_lost,
    _surface_keys,
    _word_sounds_apart,
    skeleton,
)
from align.names.lone_pair import keys_apart
from align.names.morph import (
    analyse,
    is_adjective_reading,
    is_common_noun,
    is_ordinary_english,
    strip_possessive,
)
from align.names.translit import within_one_edit

if TYPE_CHECKING:
    from align.model import NameMention
    from align.names.compare import _Comparison

# Letters a transliteration adds or drops inside a skeleton: glides and English w.
_WEAK_LETTERS = frozenset("wjy")
# Openings a Cyrillic rendering gets only from the same letter (or its f/p pair): not z (J, G:
# Jacques / Zhak), n (Kn, Gn: Knight / Nait), s or t (X, C: Xi / Si, Cicero / Tsitseron).
_UNMADE_OPENINGS = frozenset("bflmpr")
# Letters two keys share at the opening for one to be made from the other.
_STEM = 4


def run_word_swaps(c: _Comparison) -> None:
    """An error for every matched run of two or more words, as many on each side, whose one
    slot holds a target word that neither spells the source word there nor sounds like it."""
    if c.target_lang == "en" or c.source_lang != "en" or not c.pairs:
        return
    flagged = {i.expected for i in c.found if i.category == "name"} | {i.found for i in c.found if i.category == "name"}
    per_source = Counter(i for i, _ in set(c.pairs))
    per_target = Counter(j for _, j in set(c.pairs))
    for i, j in sorted(set(c.pairs)):
        s, t = c.source[i], c.target[j]
        if per_source[i] > 1 or per_target[j] > 1 or s.text in flagged or t.text in flagged:
            continue
        swap = _slot_swap(c, s, t)
        if swap:
            c._swap_issue(s, t.text, swap[1], f"{swap[0]} ({s.text})", "sound")
            flagged.add(s.text)


def _slot_swap(c: _Comparison, s: NameMention, t: NameMention) -> tuple[str, str] | None:
    """(the source word, the target word in its slot) when exactly one slot holds a word
    that sounds apart from the source word there and spells no word of the other run."""
    s_words = [strip_possessive(w) for w in s.text.split()]
    t_words = t.text.split()
    if len(s_words) < 2 or len(s_words) != len(t_words) or s.kind not in ("name", "common") or t.kind != "name" \
            or _is_latin(t.text) or _is_glossary(s, c.glossary):
        return None
    s_keys = [_surface_keys(w, c.source_lang) for w in s_words]
    t_keys = [_surface_keys(w, c.target_lang) for w in t_words]
    apart = [k for k in range(len(s_words)) if _sound_apart(s_keys[k], t_keys[k])
             and not any(_spelt_alike(s_keys[k], b) for b in t_keys)
             and not any(_spelt_alike(a, t_keys[k]) for a in s_keys)]
    if len(apart) != 1:
        return None
    k = apart[0]
    lost, new = s_words[k], t_words[k]
    # An ordinary word or an adjective in the slot is the name's part translated (Hall / «Zal»,
    # North Carolina / «Severnoi Karoliny»), unless English has the lost word only as a name.
    if not lost[:1].isupper() or lost[:1] in "Ww" or not (c._name_word(new) or _noun_for_a_name(lost, new, c.target_lang)) \
            or is_adjective_reading(new, c.target_lang) \
            or _keys_match(t_keys[k], c._source_word_keys()) or c._in_lower_case(s_keys[k]):
        return None
    # A cut of the lost word is that word garbled, for the cut passes to report (Lantagne / «Antan'»).
    if cut_of(lost, new, c.target_lang):
        return None
    return lost, new


def _noun_for_a_name(lost: str, new: str, lang: str) -> bool:
    """An ordinary noun in the slot of a word English has only as a name (Katja Saarinen /
    «Premiei Saarinen»): no translation renders such a word by a noun, while a title or a
    generic word English also writes in lower case (Queen, Hall; and so Henry, James, which
    the dictionary knows as words too) may be one translated."""
    return not is_ordinary_english(lost) and is_common_noun(new, lang)


def _sound_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """A source word and the target word in its slot sound apart: by the general measures or by a
    steady opening one side lacks. One edit no transliteration makes inside a skeleton (Schneider
    / «Satoru») is no evidence here: clean runs differ so (a letter the translator heard otherwise)."""
    return _word_sounds_apart(a, b) or _steady_opening_lost(a, b) or _steady_opening_added(a, b)


def _steady_opening_added(a: frozenset[str], b: frozenset[str]) -> bool:
    """Every target key opens with a consonant no transliteration makes of another letter
    (_UNMADE_OPENINGS) and no source key opens with (Henry / «Perri», Hall / «Mitchell»)."""
    openings_a = {_opening(k) for k in a if k}
    openings_b = {_opening(k) for k in b if k}
    if not openings_a or len(openings_b) != 1:
        return False
    first = next(iter(openings_b))
    return first in _UNMADE_OPENINGS and first not in openings_a \
        and not any(first in pair and o in pair for pair in _SWAPPABLE_OPENINGS for o in openings_a)


def _spelt_alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """One word spelt two ways: keys match, or skeletons equal or one transliteration's edit
    apart (see module)."""
    if _keys_match(a, b):
        return True
    return any(_skeletons_alike(skeleton(x), skeleton(y), x, y) for x in a for y in b)


def _skeletons_alike(sx: str, sy: str, x: str, y: str) -> bool:
    if len(sx) >= 2 and sx == sy:
        return True
    if min(len(sx), len(sy)) < 3 or not within_one_edit(sx, sy):
        return False
    return _weak_edit(sx, sy, x, y)


def _weak_edit(sx: str, sy: str, x: str, y: str) -> bool:
    """The one edit between two skeletons is one transliteration makes (see module)."""
    if len(sx) == len(sy):
        at = next(n for n in range(len(sx)) if sx[n] != sy[n])
        if at == 0:
            return any(sx[0] in pair and sy[0] in pair for pair in _SWAPPABLE_OPENINGS)
        return at == len(sx) - 1
    short, long_ = (sx, sy) if len(sx) < len(sy) else (sy, sx)
    at = next((n for n in range(len(short)) if short[n] != long_[n]), len(short))
    return at == len(short) or long_[at] in _WEAK_LETTERS


def loose_sound_pairs(c: _Comparison) -> None:
    """An error for a name paired with a target name by its consonant skeleton alone, one edit
    apart by no edit of transliteration's (see module), while the keys, vowels included, are
    half apart (Ellsworth / «Ielyzaveta»: lsfrt / lsft, an r lost inside): two names the
    skeleton's one-edit tolerance, meant for silent and doubled letters, took for one."""
    if c.target_lang == "en" or c.source_lang != "en" or not hasattr(c, "src_keys"):
        return
    per_source = Counter(i for i, _ in set(c.pairs))
    per_target = Counter(j for _, j in set(c.pairs))
    flagged = {i.expected for i in c.found if i.category == "name"}
    for i, j in sorted(set(c.pairs)):
        s, t = c.source[i], c.target[j]
        if per_source[i] > 1 or per_target[j] > 1 or s.text in flagged or s.kind != "name" or t.kind != "name" \
                or _is_latin(t.text) or _is_glossary(s, c.glossary) or set(s.key.split()) & set(t.key.split()) \
                or len(t.text.split()) != 1 or _ordinary_word(t.text, c.target_lang):
            continue
        a, b = c.src_keys[i], c.tgt_keys[j]
        # Four letters shared at the opening: a word made from the name (Blogging / «Bloggerstvo»).
        if any(x[:_STEM] == y[:_STEM] for x in a for y in b):
            continue
        if _keys_match(a, b) or _spelt_alike(a, b) or not keys_apart(a, b):
            continue
        if _places(s, c.source_lang, c.glossary) & _places(t, c.target_lang, c.glossary):
            continue
        c._mismatch(s, t, "sound")
        flagged.add(s.text)


def _ordinary_word(word: str, lang: str) -> bool:
    """A word the dictionary knows and does not tag as a name: the source word translated, not
    another name."""
    info = analyse(word.strip(".,;:!?\"'«»()"), lang)
    return info.known and not info.name_tagged
