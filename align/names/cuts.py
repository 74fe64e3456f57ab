"""Names the translation cut short or headless wherever the matching left them.

The matching passes of align.names.compare judge a cut rendering only where they paired it
(a close spelling, a lost name with no other counterpart). A cut word often falls between
them: merged into a neighbouring run (Kalifornii Arnold Vartseneger), written in lower case
after a given name (Redzhepom Tayipom rdoganom), or standing for a name whose other mention
the translation renders whole. This pass reads every word of every English name against
every word of the translation: a word of the name that the translation never renders whole,
while one of its words is that name cut (align.names.losses.word_loss), is a garbled name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from align.names.losses import word_loss
from align.names.morph import COMMON_ZIPF, analyse, is_peoples_word, strip_possessive, zipf

if TYPE_CHECKING:
    from align.model import NameMention
    from align.names.compare import _Comparison

# Where a sentence starts: the text's opening, or after a full stop and any quotes or dashes.
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*)[\"'«„“(\-–—\s]*$")


def cut_words(comparison: _Comparison, missing: list[NameMention]) -> None:
    """Flag each English name with a word the translation renders only cut (see module)."""
    from align.names.compare import _LOWER_WORD, _name_parts

    c = comparison
    if not c.target_text or not c.source_text or c.source_lang != "en" or c.target_lang == "en":
        return
    text = unicodedata.normalize("NFC", c.target_text)
    written = [m.group() for m in _LOWER_WORD.finditer(text)]
    initial = {m.group() for m in _LOWER_WORD.finditer(text) if _SENTENCE_START.search(text[: m.start()])}
    said = Counter(strip_possessive(w) for w in _name_parts(c.source_text))
    flagged = {i.expected for i in c.found if i.category == "name" and (i.severity == "error" or i.rule == "name.garbled")}
    for s in c.source:
        if s.text in flagged or s.kind not in ("name", "common", "latin") or not _judged(c, s):
            continue
        found = _cut_rendering(c, s, written, said, initial)
        if found is not None:
            if s in missing:
                missing.remove(s)
            c._garble_issue(s, *found)
            flagged.add(s.text)


def _judged(c: _Comparison, s: NameMention) -> bool:
    from align.names.compare import _may_garble

    return _may_garble(s) and not is_peoples_word(s.text.split()[-1])


def _cut_rendering(c: _Comparison, s: NameMention, written: list[str], said: Counter,
                   initial: set[str]) -> tuple[str, str] | None:
    """(target word, how) for the first word of `s` rendered only cut, or None."""
    from align.names.compare import _institution_words, _made_from_name, _name_parts

    words = [strip_possessive(w) for w in _name_parts(s.text)]
    forms = c._established_forms(s)
    if forms and any(c._is_form(w, forms) for w in written):
        return None  # an established form of the name is there: its own spelling, not a cut
    for k, word in enumerate(words):
        if len(word) < 4 or not word[:1].isupper() or word in _institution_words() \
                or is_peoples_word(word) or _made_from_name(word):
            continue
        cut = [w for w in written if word_loss(word, w, c.target_lang)]
        if not cut or _rendered_whole(c, word, written) >= max(said[word], 1):
            continue
        given = len(words) > 1 and k < len(words) - 1
        for w in cut:
            how = word_loss(word, w, c.target_lang)
            if _explained(c, s, word, w, given and how != "garbled") or _ordinary(c, s, w, w in initial):
                continue
            return w, how
    return None


def _rendered_whole(c: _Comparison, word: str, written: list[str]) -> int:
    """How many words of the translation spell the English word whole."""
    from align.names.compare import _surface_keys, _words_alike

    keys = _surface_keys(word, "en")
    return sum(1 for w in written if w[:1].isupper() and _words_alike(keys, _surface_keys(w, c.target_lang))
               and not word_loss(word, w, c.target_lang))


def _ordinary(c: _Comparison, s: NameMention, rendering: str, initial: bool) -> bool:
    """A common word of the language, not a name's stump: one opening a sentence (Khoch for
    Goma), a Latin word (a name kept in its own spelling), or any common word where the
    English is an ordinary word too, whose translation is one (Championships / Chempionati)."""
    from align.names.compare import _is_latin

    if _is_latin(rendering):
        return True
    info = analyse(rendering, c.target_lang)
    common = info.known and not info.name_tagged and zipf(rendering.lower(), c.target_lang) >= COMMON_ZIPF
    return common and (initial or s.kind != "name")


def _explained(c: _Comparison, s: NameMention, word: str, rendering: str, given: bool) -> bool:
    """The cut-looking word is something else: an ordinary word in lower case, another
    source name rendered whole, or the language's own form of a given name (Steven / Stiv),
    which may be shorter, never headless (Guinness / Innesa is no given name Innesa)."""
    # A sentence's first word may be an ordinary one, translated in lower case
    # (Immunohistochemistry / immunogistokhimiya).
    if rendering[:1].islower() and (s.initial or analyse(rendering, c.target_lang).known):
        return True
    return c._renders_other(s, rendering) or (given and c._own_given_name(word, rendering))


def attested_shortening(name: str, found: str, lang: str) -> bool:
    """Whether the word of `found` that drops the final vowel of a word of `name` is one the
    language's texts use as a name (Santorini / Santorin): an established rendering, not a
    cut one. The dictionary must read it as a name: a stump that happens to be a word or a
    frequent token (Larry / Lar, Mecca / Mek) is no rendering. Without such a word in
    `found`, any attested word of it decides, as for a run matched by keys."""
    from align.names.compare import _ATTESTED_ZIPF, _name_parts

    parts = [w for w in _name_parts(found) if w]
    english = [strip_possessive(w) for w in _name_parts(name) if w[:1].isupper()]
    # Whole words only: a part of a hyphenated form is no rendering of its own (Ed-Dar-el-Beida).
    whole = [w for w in parts if w in found.split()]
    shortened = [w for w in whole if any(word_loss(e, w, lang) == "shortened" for e in english)]
    if not shortened:
        return any(zipf(w, lang) >= _ATTESTED_ZIPF for w in parts)
    return any(zipf(w, lang) >= _ATTESTED_ZIPF and analyse(w, lang).name_tagged for w in shortened)
