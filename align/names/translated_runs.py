"""A phrase of ordinary English words rendered with a name in it (Middle East / «Blizhnego
Isaaka», Long Bay / «Honkonh Beiu»).

A capitalised phrase whose every word is an ordinary English word (Middle East, Commonwealth
Games, Articles of Confederation) is rendered by meaning, word for word, so every word of its
rendering is one the language's dictionary knows as an ordinary word («Blyzhnoho Skhodu», «Ihrakh
Spivdruzhnosti»). A run of as many words holding one word that is a name by its own evidence
(the dictionary tags it as a name and knows no ordinary reading of it) which no source word
spells is that phrase with its own word replaced. How the name sounds says nothing
here: a rendering by meaning does not sound like the English either, so the sound test that
`_Comparison._name_among_translated_words` needs for lost names is left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from align.names.keys import _surface_keys, _words_alike
from align.names.morph import analyse, is_ordinary_english, strip_possessive

if TYPE_CHECKING:
    from align.model import NameMention
    from align.names.compare import _Comparison

# Letters a word needs to be read as a name: shorter ones are abbreviations and stubs.
_NAME_LETTERS = 4
_PUNCTUATION = ".,;:!?\"'«»()"
# A transliterated name is written in the target's own letters (a Latin or mixed word is a copy).
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff']+")
# The dictionary spells the Ukrainian apostrophe as ASCII; a typographic one would make an
# ordinary word look unknown.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def name_in_meaning_rendering(c: _Comparison, missing: list[NameMention], extra: list[NameMention]) -> None:
    """An error for a target run of as many words as a lost phrase of ordinary English words,
    all of them ordinary words of the language but one name no source word spells."""
    if c.source_lang != "en" or c.target_lang == "en" or not c.source_text or not c.target_text:
        return
    flagged = {i.expected for i in c.found if i.category == "name"}
    lost = [s for i, s in enumerate(c.source) if not c.src_matched[i] and s.kind == "common" and not s.initial
            and s.text not in flagged and _ordinary_phrase(s.text)]
    if not lost:
        return
    for j, t in enumerate(c.target):
        if c.tgt_matched[j] or t.kind not in ("name", "common"):
            continue
        s = c._nearest(t, lost)
        if len(s.text.split()) != len(t.text.split()):
            continue  # rendered word for word, the phrase keeps its count of words
        word = _lone_name_word(c, t)
        if not word:
            continue
        c._claim_swap(s, t, j, word, missing, extra)
        return


def _ordinary_phrase(text: str) -> bool:
    """Two or more words, every capitalised one an ordinary English word (Middle East)."""
    words = [strip_possessive(w.strip(_PUNCTUATION)) for w in text.split()]
    return len(words) >= 2 and all(not w[:1].isupper() or is_ordinary_english(w) for w in words)


def _lone_name_word(c: _Comparison, t: NameMention) -> str:
    """The one word of run `t` that is a name by its own evidence, every other word an ordinary
    word the dictionary knows, and no word of the source text spelling it; "" otherwise."""
    names = []
    for raw in t.text.split():
        w = raw.strip(_PUNCTUATION).translate(_APOSTROPHES)
        info = analyse(w, c.target_lang)
        if info.known and not info.name_tagged:
            continue
        if not info.known or info.common_reading:
            # A name that is also an ordinary word may be the phrase's word translated; a word
            # the dictionary lacks may be an ordinary word it lacks (taking such words raised
            # a false alarm on a clean FLORES uk line).
            return ""
        names.append(w)
    if len(names) != 1 or len(names[0]) < _NAME_LETTERS or not _CYRILLIC_WORD.fullmatch(names[0]):
        return ""
    keys = _surface_keys(names[0], c.target_lang)
    if any(_words_alike(keys, _surface_keys(strip_possessive(w.strip(_PUNCTUATION)), c.source_lang))
           for w in c.source_text.split()):
        return ""
    return names[0]

