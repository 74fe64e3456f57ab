"""Latin names and codes the translation copied and damaged on the way.

Machine translation copies what it cannot translate: product names, gene and test codes,
acronyms, a half-transliterated patronymic. Copying fails in ways a sound comparison does not
see, because the damaged copy is no rendering at all: a letter or two dropped from a code
(t25fw / «t25f», EuroQol / «Eurool», Variolink / «Variolin»), a word that switches script in
the middle (Nikolayevich / «Nikolaia» + «yevich» in one word), an acronym cut to one letter
(VF / a lone «F» in Cyrillic). Each is read straight off the two texts, with nothing to explain
it away: the source token is not in the translation, and the damaged one is not in the source.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from align.lang import get
from align.lang.translit import transliterate
from align.model import Issue

if TYPE_CHECKING:
    from align.names.compare import _Comparison

# Letters and digits of one token; a hyphen, an apostrophe or a space ends it.
_TOKEN = re.compile(r"[^\W_]+")
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A Latin acronym of the source: two or more capitals standing alone.
_ACRONYM = re.compile(r"(?<![\w-])[A-Z]{2,6}(?![\w-])")
# One Cyrillic capital standing alone: no letter, digit, hyphen or apostrophe on either side, and
# not an initial (a full stop after it with a capital next, or one before it), so «P300»,
# «G'yun», «A.N.» or «A. Bakulev» never count; a sentence may end on it.
_LONE_CAPITAL = re.compile(r"(?<![\w'’.-])([\u0400-\u042f\u0490\u0404\u0406\u0407])(?![\w'’-])(?!\.\s*[^\W\d_])")
# The shortest code a cut copy is read in: two letters lost from a four-letter code leave little.
_MIN_COPY = 3
# A copy that lost its plural -s (DVDs / DVD) renders the word: the language has no English plural.
_PLURAL = ("s", "'s", "’s")


def damaged_copies(comparison: _Comparison) -> None:
    """Add an error for every source name or code the translation copied with letters lost or
    mixed into another script, and for an acronym cut to one letter (see module)."""
    c = comparison
    if not c.target_text or not c.source_text or c.source_lang != "en" or c.target_lang == "en":
        return
    if not _LATIN.search(c.target_text) and not _ACRONYM.search(c.source_text):
        return
    errors = [i for i in c.found if i.category == "name" and i.severity == "error"]
    flagged = {i.expected.casefold() for i in errors}
    # A damaged word another rule reported already (inside a garbled run) is not reported twice.
    reported = {t.casefold() for i in errors for t in _TOKEN.findall(i.found)}
    source_tokens = _tokens(c.source_text)
    target_folded = c.target_text.casefold()
    for token in _TOKEN.findall(c.target_text):
        if _LATIN.search(token):
            original = (_mixed_script_source(token, source_tokens) if _CYRILLIC.search(token)
                        else _cut_copy_source(token, source_tokens, target_folded))
            if original and original.casefold() not in flagged and token.casefold() not in reported:
                flagged.add(original.casefold())
                _report(c, original, token, "damaged copy")
    _acronyms_cut_to_a_letter(c, flagged, target_folded)


def _tokens(text: str) -> dict[str, str]:
    """Tokens of the source that name or code something, by their case-folded form: written
    with a capital or a digit (Variolink, t25fw, Csnk1e); an ordinary word copied untranslated
    is not this check's business."""
    return {t.casefold(): t for t in _TOKEN.findall(text)
            if _LATIN.search(t) and (not t.islower() or any(ch.isdigit() for ch in t))}


def _cut_copy_source(token: str, source_tokens: dict[str, str], target_folded: str) -> str:
    """The source token that `token` (all Latin) is a copy of with one or two characters lost,
    or ""; the source token must be missing from the translation, and `token` from the source."""
    folded = token.casefold()
    if len(folded) < _MIN_COPY or folded in source_tokens or not folded.isascii():
        return ""
    for source_folded, original in source_tokens.items():
        if (1 <= len(source_folded) - len(folded) <= 2 and source_folded not in target_folded
                and not any(source_folded == folded + end for end in _PLURAL)
                and _is_subsequence(folded, source_folded)):
            return original
    return ""


def _mixed_script_source(token: str, source_tokens: dict[str, str]) -> str:
    """The source name whose Latin letters are left inside `token`, a word that switches from
    Cyrillic to Latin (or back), or "". One Latin letter in a Cyrillic word is a look-alike
    typed by mistake (a Latin c in a Russian word), which damages no name: three are wanted."""
    for run in _LATIN_RUN.findall(token):
        if len(run) >= _MIN_COPY:
            run = run.casefold()
            for source_folded, original in source_tokens.items():
                if len(source_folded) >= len(run) + 2 and run in source_folded and original[:1].isupper():
                    return original
    return ""


def _acronyms_cut_to_a_letter(c: _Comparison, flagged: set[str], target_folded: str) -> None:
    """A lone Cyrillic capital that is no one-letter word of the language, for a source acronym
    the translation does not have, which holds that letter (VF / «F»)."""
    acronyms = [a for a in dict.fromkeys(_ACRONYM.findall(c.source_text))
                if a.casefold() not in target_folded and a.casefold() not in flagged]
    if not acronyms:
        return
    words = get(c.target_lang).one_letter_words
    for match in _LONE_CAPITAL.finditer(c.target_text):
        letter = match.group(1)
        if letter.lower() in words:
            continue
        sound = transliterate(letter, c.target_lang).casefold()[:1]
        holding = [a for a in acronyms if sound and sound in a.casefold() and a.casefold() not in flagged]
        if len(holding) == 1:
            flagged.add(holding[0].casefold())
            _report(c, holding[0], letter, "cut acronym")


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _report(c: _Comparison, expected: str, found: str, how: str) -> None:
    c.found.append(Issue("name", "error", c.target_lang, expected, found,
                         f"{c.target_lang} has {found}, a {how} of {expected}", rule="name.garbled",
                         evidence="copy"))
