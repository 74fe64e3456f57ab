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
from functools import cache, lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from align.lang import CYRILLIC_LETTER, get
from align.lang.translit import transliterate
from align.model import Issue
from align.names.cut_adjectives import cut_adjectives
from align.names.doubles import double_cut
from align.names.extract import name_stopwords
from align.names.keys import (
    _ATTESTED_ZIPF,
    _LOWER_WORD,
    _ROMANCE_NAME,
    _adjective_word,
    _inflected_keys,
    _institution_words,
    _is_latin,
    _keys_match,
    _lost_syllable,
    _made_from_name,
    _may_garble,
    _name_parts,
    _said_counts,
    _surface_keys,
    _words_alike,
    skeleton,
)
from align.names.losses import (
    _ends_in_vowel_sound,
    _english_syllables,
    _rendering_vowels,
    _silent_end,
    _soft_g_rendered,
    _syllables,
    consonants,
    english_name_sounds,
    word_loss,
)
from align.names.morph import (
    COMMON_ZIPF,
    _analyzer,
    _parses,
    analyse,
    is_peoples_word,
    peoples_places,
    strip_possessive,
    zipf,
)
from align.names.translit import edit_distance, fold_latin, match_key, word_key
from align.resources import lang_path, load_toml, load_toml_file

if TYPE_CHECKING:
    from align.model import NameMention
    from align.names.compare import _Comparison

# A sentence's first word: at the text's opening, or after a full stop, quotes and dashes.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?…])[\s\"'«„“(\-–—]*([^\W\d_]+(?:[-'’][^\W\d_]+)*)")


def cut_words(comparison: _Comparison, missing: list[NameMention]) -> None:
    """Flag each English name with a word the translation renders only cut (see module)."""

    c = comparison
    if not c.target_text or not c.source_text or c.source_lang != "en" or c.target_lang == "en":
        return
    flagged = {i.expected for i in c.found if i.category == "name" and (i.severity == "error" or i.rule == "name.garbled")}
    judged = _judged_names(c, flagged)
    text = unicodedata.normalize("NFC", c.target_text)
    if "-" in text:
        _cut_compounds(c, flagged, missing)
        _headless_compounds(c, flagged, missing)
    _initial_given_names(c, flagged)
    _cut_homes(c, flagged, text)
    if not judged:
        return
    written = _Written(c.target_words, c.target_lang)
    initial = set(_SENTENCE_OPENING.findall(text))
    said = _said_counts(c.source_text)
    for s in judged:
        if s.text in flagged:
            continue
        found = _cut_rendering(c, s, written, said, initial)
        if found is not None:
            if s in missing:
                missing.remove(s)
            c._garble_issue(s, *found)
            flagged.add(s.text)


def initial_given_names(comparison: _Comparison) -> None:
    """Only the sentence-opening given names of cut_words, for a pair whose names all kept their
    keys (_Comparison._settled_issues): the extractor takes no name from such a word, so its cut
    leaves every key as it was (Oliver Sacks / liver Saks)."""
    c = comparison
    if not c.target_text or not c.source_text or c.source_lang != "en" or c.target_lang == "en":
        return
    flagged = {i.expected for i in c.found if i.category == "name" and (i.severity == "error" or i.rule == "name.garbled")}
    _initial_given_names(c, flagged)


def _initial_given_names(c: _Comparison, flagged: set[str]) -> None:
    """A sentence's first word before a name (Oliver Sacks, Tony Moll, Norman Lamb) is no name
    to the extractor when English also writes it in lower case; read as a given name only
    where it stands in the translation, right before the name's rendering (Oli Saks)."""

    for s in c.source:
        given = _opening_before(c.source_text, s.start) if s.kind in ("name", "common") else ""
        if not given or s.text in flagged or given.lower() in name_stopwords("en"):
            continue
        first = strip_possessive(_name_parts(s.text)[0])
        for before, after in _WORD_PAIR.findall(c.target_text):
            # A word kept in its own spelling is no stump (Tony Moll in brackets).
            if _is_latin_word(before) or not _spells_whole(first, after, c.target_lang) \
                    or _spells_whole(given, before, c.target_lang):
                continue
            how = cut_of(given, before, c.target_lang) or _sound_stump(given, before, c.target_lang)
            if how:
                name = f"{given} {s.text}"
                c.found.append(Issue("name", "error", c.target_lang, name, before,
                                     f"{c.target_lang} has {before}, a {_HOW_SAID.get(how, how)} form of {given}",
                                     rule="name.garbled"))
                flagged.add(s.text)
                break


def _cut_homes(c: _Comparison, flagged: set[str], text: str) -> None:
    """A people's word the matching left without a rendering but the cut, while a capitalised
    word inside a sentence is its country's name cut short (French law / zakonodavstvo Fran
    for Frantsii, Belgian standards / standartam Bel): translations render a people's word by
    its country, so the cut is read against the country's own forms, not the English word."""
    peoples = [(i, s) for i, s in enumerate(c.source) if s.text not in flagged and " " not in s.text
               and (s.kind == "demonym" or is_peoples_word(s.text))]
    if not peoples:
        return
    # The matching may pair the people's word with the cut itself, by keys alike (French / Fran),
    # or with the rendering of its country's own mention (Tonga ... Tongan / Tonzi ... Ton).
    paired = {i: {c.target[j].text for k, j in c.pairs if k == i and (k, j) not in _shared_pairs(c)}
              for i, _ in peoples}
    initial = set(_SENTENCE_OPENING.findall(text))
    words = [w for w in dict.fromkeys(c.target_words) if w[:1].isupper() and len(w) >= 3 and w not in initial
             and CYRILLIC_LETTER.search(w) and "-" not in w]
    for i, s in peoples:
        for home in _homes(c, s):
            cut = next((w for w in words if paired[i] <= {w} and _cuts_home(w, home, c.target_lang)
                        and not _spells_other(c, s, w)), None)
            if cut is not None:
                place = home[:1].upper() + home[1:]
                c.found.append(Issue("name", "error", c.target_lang, s.text, cut,
                                     f"{c.target_lang} has {cut}, a truncated form of {place} ({s.text})",
                                     rule="name.garbled"))
                flagged.add(s.text)
                break


def _shared_pairs(c: _Comparison) -> set[tuple[int, int]]:
    """The pairs whose target word the matching paired with more than one source mention."""
    counts = Counter(j for _, j in c.pairs)
    return {(k, j) for k, j in c.pairs if counts[j] > 1}


def _homes(c: _Comparison, s: NameMention) -> list[str]:
    """The target language's names of the places a people's word is made from (French: Frantsiia)."""
    from align.names.gazetteer import gazetteer

    entry = c.glossary.entry(s.key)
    homes = list(entry.forms.get(c.target_lang, [])) if entry is not None and entry.kind == "place" else []
    places = peoples_places(s.text)
    if places and gazetteer() is not None:
        homes += sorted(gazetteer().cyrillic_forms(places))
    # One word each: a country's long name opens with its short one (Rossiia / Rossiiskaia Federatsiia).
    return [h for h in homes if " " not in h]


def _cuts_home(word: str, home: str, lang: str) -> bool:
    """The word's key opens the place name's key and stops short of it by a consonant and more
    (Bel of Belgiia, Fran of Frantsiia; not Ukrain, a case ending short), and the word is no
    form of that name the dictionary knows."""
    short, whole = word_key(word, lang), word_key(home, lang)
    lost = whole[len(short):]
    if len(short) < 3 or len(lost) < 2 or not whole.startswith(short) or not lost.strip(_KEY_VOWELS):
        return False
    return not any(p.normal_form == home.lower() for p in _analyzer(lang).parse(word.lower()))


def _opening_before(text: str, start: int) -> str:
    """The capitalised word that opens the sentence right before `start`, or "". Read from
    `start` back: scanning the text from its opening for each name costs more."""
    word = _WORD_BEFORE.search(text, max(0, start - _LONGEST_WORD), start)
    if word is None:
        return ""
    head = text[:word.start(1)].rstrip("\"'«“( \t\n")
    return word.group(1) if not head or _ENDS_SENTENCE.search(head) else ""


# A capitalised word right before a given point; how far back it is looked for.
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])([A-Z][a-z]{2,})\s+$")
_LONGEST_WORD = 40
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'»”)]*$")
# Two words of a text in a row: a word, and the word after it.
_WORD_PAIR = re.compile(r"(?=(?<![^\W\d_])([^\W\d_]+)\s+([^\W\d_]+))")
_HOW_SAID = {"shortened": "truncated"}


def _judged_names(c: _Comparison, flagged: set[str]) -> list[NameMention]:
    """The source names to read for a cut word, not flagged yet."""
    names = [s for s in c.source if s.text not in flagged and s.kind in ("name", "common", "latin")]
    if not names:
        return names
    # Cheap first: a one-word name the matching paired with as many target names of its very
    # spelling key as the source has mentions of it is rendered whole each time (not so a
    # glossary id, which a cut form of a longer run keeps, nor an adjective's key).
    keyed = Counter(m.key for m in c.source)
    whole = Counter(c.source[i].key for i, j in set(c.pairs) if c.target[j].key == c.source[i].key
                    and c.target[j].kind == c.source[i].kind and " " not in c.source[i].text
                    and c.glossary.entry(c.source[i].key) is None)
    return [s for s in names if whole[s.key] < keyed[s.key] and _judged(c, s)]


def _cut_compounds(c: _Comparison, flagged: set[str], missing: list[NameMention]) -> None:
    """A name of several words rendered as one hyphenated word whose last part stops short
    (Machu Picchu / Machu-Pik, Cabo da Roca / Kabo-da-Ro): the parts before it spell the
    source words from the first on, the last part is the start of its word without a
    syllable. A part too short to judge alone is judged by its place in the run."""

    source = [w for w in re.split(r"[\s\-]+", unicodedata.normalize("NFC", c.source_text)) if w]
    source = [w.strip(".,;:!?\"'«»()“”") for w in source]
    for token in dict.fromkeys(c.target_words):
        parts = token.split("-")
        if len(parts) < 2 or _is_latin_word(token):
            continue
        for k, first in enumerate(source):
            if not first[:1].isupper() or k + len(parts) > len(source) or not _may_render(first, parts[0], c.target_lang) \
                    or not _spells(first, parts[0], c.target_lang):
                continue
            word, last = source[k + len(parts) - 1], parts[-1]
            if not (word[:1].isupper() or word in _later_parts(c.source_text)) or not (_stops_short(word, last, c.target_lang) or _cut_part(word, last, c.target_lang)) \
                    or (_keys_match(_surface_keys(strip_possessive(word), "en"), _surface_keys(last, c.target_lang))
                        and not word_loss(strip_possessive(word), last, c.target_lang)):
                continue
            s = next((m for m in c.source if word in m.text), None)
            if _report_compound(c, s, s.text if s is not None else word, token, "truncated", flagged, missing):
                break


@lru_cache(maxsize=4096)
def _later_parts(text: str) -> frozenset[str]:
    """The parts after the first of a capitalised hyphenated word, in lower case too: they are
    the name's (Mohenjo-daro, Guinea-Bissau)."""
    return frozenset(p for word in _CAPITALISED_COMPOUND.findall(text) for p in word.split("-")[1:])


_CAPITALISED_COMPOUND = re.compile(r"(?<![\w-])[A-Z][^\W\d_]*(?:-[^\W\d_]+)+")


def _headless_compounds(c: _Comparison, flagged: set[str], missing: list[NameMention]) -> None:
    """A name of several words rendered as one hyphenated word whose first part lost its first
    letter (Casa Branca / Aza-Branka, La Plata / a-Plati, Los Angeles / os-Andzhelese): the
    parts after it spell the source words after the first, which anchor even a part too short
    to judge alone, and one letter before the first part makes a spelling of the first word."""

    source = [w.strip(".,;:!?\"'«»()“”") for w in re.split(r"[\s\-]+", unicodedata.normalize("NFC", c.source_text))]
    source = [w for w in source if w]
    for token in dict.fromkeys(c.target_words):
        parts = token.split("-")
        if len(parts) < 2 or not parts[0] or _is_latin_word(token):
            continue
        for k in range(len(source) - len(parts) + 1):
            first = source[k]
            if not first[:1].isupper() or first in flagged or not _part_opens_headless(first, parts[0], c.target_lang) \
                    or not _parts_spelt(source[k + 1:k + len(parts)], parts[1:], c.target_lang) \
                    or _spells(first, parts[0], c.target_lang) or not _headless_part(first, parts[0], c.target_lang):
                continue
            s = next((m for m in c.source if first in m.text.split()), None)
            name = s.text if s is not None else " ".join(source[k:k + len(parts)])
            if _report_compound(c, s, name, token, "garbled", flagged, missing):
                break


def _report_compound(c: _Comparison, s: NameMention | None, name: str, token: str, how: str,
                     flagged: set[str], missing: list[NameMention]) -> bool:
    """An error for the hyphenated `token` as a cut rendering of `name` (the mention `s`, if the
    extractor found it), unless already flagged; True when reported."""
    if name in flagged:
        return False
    if s is not None and s in missing:
        missing.remove(s)
    c.found.append(Issue("name", "error", c.target_lang, name, token,
                         f"{c.target_lang} has {token}, a {how} form of {name}", rule="name.garbled"))
    flagged.add(name)
    return True


def _parts_spelt(words: list[str], parts: list[str], lang: str) -> bool:

    return all(_spells(w, p, lang) for w, p in zip(words, parts, strict=True))


def _part_opens_headless(english: str, part: str, lang: str) -> bool:
    """A cheap screen for _headless_part: the part opens as the English word's second letter."""
    source, target = match_key(english), word_key(part, lang)
    return len(source) >= 2 and bool(target) and _opens_alike(source[1:2], target[:1])


@lru_cache(maxsize=65536)
def _headless_part(english: str, part: str, lang: str) -> bool:
    """One letter before the part, one that may spell the English word's first sound, makes a
    spelling of it."""
    lower = part.lower()
    return any(_spells(english, letter + lower, lang) for letter in _letters_for(match_key(english)[:1], lang))


def _spells(english: str, part: str, lang: str) -> bool:

    return _spelt_alike(strip_possessive(english), _surface_keys(part, lang))


def _stops_short(english: str, part: str, lang: str) -> bool:
    """The part's key opens the English word's key and stops a syllable short of it."""

    source, target = match_key(strip_possessive(english)), word_key(part, lang)
    return bool(target) and len(target) < len(source) and source.startswith(target) \
        and _lost_syllable(source[len(target):], latin=True)


def _cut_part(english: str, part: str, lang: str) -> bool:
    """A last part of three letters or more that word_loss reads as the English word with its
    end lost (Roland-Morris / Rolanda-Morri: the language writes Morris with its s)."""
    word = strip_possessive(english)
    return len(part) >= 3 and (word_loss(word, part, lang) == "truncated"
                               or bool(double_cut(word, part[:1].upper() + part[1:], lang)))


def _is_latin_word(word: str) -> bool:

    return _is_latin(word)


def _judged(c: _Comparison, s: NameMention) -> bool:

    return _may_garble(s) and not is_peoples_word(s.text.split()[-1])


def _may_be_cut(word: str, lang: str) -> bool:
    """A capitalised word, or a lower-case one the dictionary lacks: a lower-case word it
    knows is an ordinary word of the translation, never a name's stump (see _explained)."""
    return word[:1].isupper() or word.lower() not in _analyzer(lang).dictionary.words


@lru_cache(maxsize=65536)
def _rare_word(word: str, lang: str) -> bool:
    """A lower-case word of the dictionary its texts hardly use (frika, uny, liver): it may be
    a name with its first letter lost (Afrika, Luny, Oliver), read as one only headless. A
    common one (oto, ira) is the language's own word."""
    return word[:1].islower() and zipf(word, lang) < _RARE_WORD_ZIPF


_RARE_WORD_ZIPF = 3.0


class _Written:
    """A translation's words, read once per text: the capitalised ones (every one, for
    counting renderings) and, only once a name is not rendered whole, each word long enough
    to be a cut name, once. Most texts render every name whole and need no more."""

    def __init__(self, words: list[str], lang: str) -> None:
        self.words, self.lang = words, lang
        self.capitalised = [w for w in words if w[:1].isupper()]
        self._distinct: list[str] | None = None
        self._screened: list[tuple[str, str, bool]] | None = None

    @property
    def distinct(self) -> list[str]:
        if self._distinct is None:
            # A lower-case word of the dictionary stays in: it may be a rare word, which
            # _cut_rendering asks about only when a cut test has read it as headless.
            self._distinct = [w for w in dict.fromkeys(self.words) if len(w) >= 3
                              and (w[:1].islower() or _may_be_cut(w, self.lang))]
        return self._distinct

    @property
    def screened(self) -> list[tuple[str, str, bool]]:
        """Each of `distinct` with what the cut screens ask of it (read for every name word):
        its opening (_may_render) and whether it opens as _headless_unscreened's forms do."""
        if self._screened is None:
            self._screened = [(w, _opening(w, self.lang), word_key(w, self.lang)[:1] in _HEADLESS_OPENINGS)
                              for w in self.distinct]
        return self._screened


def _cut_rendering(c: _Comparison, s: NameMention, written: _Written, said: Counter,
                   initial: set[str]) -> tuple[str, str] | None:
    """(target word, how) for the first word of `s` rendered only cut, or None."""

    words = [strip_possessive(w) for w in _name_parts(s.text)]
    forms = None
    for k, word in enumerate(words):
        if len(word) < 4 or not word[:1].isupper() or word in _institution_words() \
                or is_peoples_word(word) or (_made_from_name(word) and not _surname(s, words, k)):
            continue
        # Cheap first: most words are rendered whole, which a few capitalised words tell.
        if _rendered_whole(word, written, max(said[word], 1)):
            continue
        # The screens' word halves once per word, not once per word of the translation.
        openings, zh, unscreened = _openings(word), _may_lose_d(word), _may_lose_head(word)
        cut = [(w, how) for w, opening, vowel_or_zh in written.screened if (opening in openings
               and (how := cut_of(word, w, c.target_lang) or _vowel_stump_of(c, word, w)
                         or _sound_stump_of(c, word, w)))
               or (how := (zh and _zh_for_dzh(word, w, c.target_lang))
                   or (unscreened and vowel_or_zh and _headless_unscreened(word, w, c.target_lang)))]
        given = len(words) > 1 and k < len(words) - 1
        for w, how in cut:
            # A rare word of the dictionary is a name's stump only headless (see _rare_word).
            rare = not _may_be_cut(w, c.target_lang)
            if rare and (how != "garbled" or not (_rare_word(w, c.target_lang) or _lost_name_headless(c, s, w))):
                continue
            # A sentence's first word may be a term, translated in a form of its own, in lower
            # case or opening the translation too (Immunohistochemistry / Immunogistokhimiya):
            # only a headless word is read there.
            if s.initial and how != "garbled" and (w[:1].islower() or w in initial):
                continue
            # An established form is the name's own spelling, however short (Stambul).
            forms = c._established_forms(s) if forms is None else forms
            if (forms and c._is_form(w, forms)) or (not rare and _explained(c, s, word, w, how, given)) \
                    or (rare and _spells_other(c, s, w)) \
                    or (_ordinary(c, s, w, w in initial) and not _after_given_name(c, w, words[k - 1] if k else "")
                        and not _before_next_word(c, w, words[k + 1] if k + 1 < len(words) else "")):
                continue
            return w, how
    return None


def _lost_name_headless(c: _Comparison, s: NameMention, rendering: str) -> bool:
    """A headless word of the dictionary less common than the language's everyday words, for a
    name no pass found any rendering of (Toto / oto, Roca / oka, Hira / ira): a short name
    loses its head into some word of the language, and the name is nowhere else."""
    return zipf(rendering, c.target_lang) < _LOST_NAME_WORD_ZIPF \
        and not any(m is s and matched for m, matched in zip(c.source, c.src_matched, strict=True))


# A short name headless is often a word of the language (oto, oka): rare enough below this
# (wordfreq zipf), where its name has no rendering at all.
_LOST_NAME_WORD_ZIPF = 4.0


def _surname(s: NameMention, words: list[str], k: int) -> bool:
    """The last word of a person's name looks made from a name by its ending only by chance
    (Balasubramanian, Tamasese): an adjective comes before the noun it qualifies (South
    African National Parks, Atlantic Ocean), never last in a run of names."""
    return s.kind == "name" and len(words) > 1 and k == len(words) - 1


def cut_of(word: str, rendering: str, lang: str) -> str:
    """How a Cyrillic word renders an English name word only in part: "garbled" (head lost),
    "truncated" or "shortened" (end lost), or "" when it is no cut of it."""
    return (word_loss(word, rendering, lang) or _headless(word, rendering, lang)
            or _capital_stump(word, rendering, lang) or _dzh_stump(word, rendering, lang)
            or _cut_at_dzh(word, rendering, lang) or _dzh_vowel_stump(word, rendering, lang)
            or _respelt_stump(word, rendering, lang) or double_cut(word, rendering, lang))


def _may_render(word: str, rendering: str, lang: str) -> bool:
    """A cheap screen before the loss tests: a cut rendering opens as the word does, a
    headless one as its second or third letter does, for two letters (a vowel for a vowel)."""
    return _opening(rendering, lang) in _openings(word)


@lru_cache(maxsize=65536)
def _openings(word: str) -> frozenset[str]:
    """The word's letter pairs from its first, second and third letter on, vowels as a."""
    source = _vowels_alike(_one_letter_sounds(match_key(word))[:4])
    return frozenset(source[i:i + 2] for i in range(3) if len(source[i:i + 2]) == 2)


@lru_cache(maxsize=65536)
def _opening(rendering: str, lang: str) -> str:
    return _vowels_alike(_one_letter_sounds(word_key(rendering, lang))[:2])


def _vowels_alike(key: str) -> str:
    return key.translate(_VOWELS_AS_A)


_VOWELS_AS_A = str.maketrans("eiou", "aaaa")


def _capital_stump(word: str, rendering: str, lang: str) -> str:
    """"truncated" for a capitalised word whose key opens the English word's key and stops a
    syllable short of it, three letters or more (Sapmi / Sap, Goldust / Gol, Oravec / Ora):
    what word_loss leaves alone when the stump keeps under half the consonants, or is a word
    of the dictionary itself."""
    return "truncated" if rendering[:1].isupper() and len(word_key(rendering, lang)) >= 3 \
        and _stops_short(word, rendering, lang) else ""


def _dzh_stump(word: str, rendering: str, lang: str) -> str:
    """An English j rendered dzh, which the keys fold away, leaving too short a key to read
    (Jerry / Dzher keys "eri" / "er"): the rest of the word is read against the rest of the
    rendering. "shortened" for a lost final vowel sound, "truncated" for a lost syllable."""

    if word[:1] not in "Jj" or not transliterate(rendering, lang).lower().startswith("dzh"):
        return ""
    source, target = match_key(word[1:]), word_key(rendering[2:], lang)
    if len(target) < 2 or len(target) >= len(source) or not source.startswith(target):
        return ""
    lost = source[len(target):]
    if _lost_syllable(lost, latin=True):
        return "truncated"
    return "shortened" if _ends_in_vowel_sound(fold_latin(word).lower()) else ""


@lru_cache(maxsize=65536)
def _cut_at_dzh(word: str, rendering: str, lang: str) -> str:
    """"truncated" for a capitalised word that spells the English word up to a j or soft g
    inside it, or up to the d its dzh opens with, and stops there (Raju / Rad, Sanju / San,
    Saroja / Saro, Sarod): the keys fold j into a vowel, so they read the lost syllable as a
    lost vowel, or the stump as the whole name."""
    p = _inner_dzh(fold_latin(strip_possessive(word)).lower())
    # A rendering that writes the dzh (or zh) keeps the syllable: the keys fold it away too.
    if p < 2 or len(rendering) < 3 or not rendering[:1].isupper() or "-" in rendering \
            or "zh" in transliterate(rendering, lang).lower():
        return ""
    key, target = match_key(word[:p]), word_key(rendering, lang)
    # No longer than the head and a d: a j written as a vowel keeps the syllable (Raju / Raiu).
    if len(target) > len(key) + 1:
        return ""
    head, stump = _folded(key), _folded(target)
    return "truncated" if len(head) >= 2 and stump in (head, head + "d") else ""


def _inner_dzh(written: str) -> int:
    """Where the first j, or g before e, i or y, stands after the word's first letter; 0 if none."""
    found = _INNER_DZH.search(written, 1)
    return found.start() if found else 0


_INNER_DZH = re.compile(r"j|g(?=[eiy])")


@lru_cache(maxsize=65536)
def _dzh_vowel_stump(word: str, rendering: str, lang: str) -> str:
    """"truncated" for an English j rendered dzh followed by the vowel sound of the word's
    first syllable and nothing more, the consonants after it lost (James / Dzhei, John /
    Dzho): too short a rest for _dzh_stump, and English vowel letters say other sounds (a as
    ei), so the rest is read with every run of vowels as one."""
    if word[:1] not in "Jj" or len(rendering) < 3 or not transliterate(rendering, lang).lower().startswith("dzh"):
        return ""
    source, target = _folded(match_key(word[1:])), _folded(word_key(rendering[2:], lang))
    if not target or target.strip("a") or not source.startswith(target):
        return ""
    return "truncated" if source[len(target):].strip("a") else ""


@lru_cache(maxsize=65536)
def _respelt_stump(word: str, rendering: str, lang: str) -> str:
    """"truncated" for a capitalised word whose key opens a respelling of the English word by
    its sounds (see _respelt) and stops a syllable short of it, vowels read alike (Thailand /
    Tai, Ethiopia / Efio, Christopher / Kristofe, Quebec / Kvebe): the keys keep th, ch, c and
    qu as written, so they find no prefix where the rendering writes the sound."""
    if not rendering[:1].isupper() or len(rendering) < 3 or "-" in rendering:
        return ""
    target = _folded(word_key(rendering, lang))
    if len(target) < 3:
        return ""
    for variant in _respelt(fold_latin(strip_possessive(word)).lower()):
        source = _folded(match_key(variant))
        if len(target) < len(source) and source.startswith(target) and _lost_syllable(source[len(target):], latin=True):
            # An ordinary word of the language is a cognate translated, not a stump (Asociacion /
            # Asotsiatsii): respelt keys read far more words as prefixes.
            info = analyse(rendering, lang)
            return "" if info.known and not info.name_tagged else "truncated"
    return ""


@lru_cache(maxsize=65536)
def _respelt(written: str) -> tuple[str, ...]:
    """The word respelt by each of the English spellings of a sound that renderings write
    otherwise (data/lang/en/name_sounds.toml: th as t or f, ch as k, soft c as ts or s)."""
    out = []
    for pattern, sound in _respellings():
        respelt = pattern.sub(sound, written)
        if respelt != written:
            out.append(respelt)
    return tuple(out)


@cache
def _respellings() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(p), sound) for p, sound in load_toml("lang", "en", "name_sounds.toml")["respellings"])


def _vowel_stump_of(c: _Comparison, word: str, rendering: str) -> str:
    """_vowel_stump, unless the word renders another name of the source: paired with it, or
    spelling it as loosely, give or take a case ending (Praisa for Pryce, not a stump of Prosecutions):
    vowels read this loosely find a name's rendering in any word opening as it does."""

    how = _vowel_stump(word, rendering, c.target_lang)
    return how if how and not _renders_other_name(c, word, rendering) else ""


def _sound_stump_of(c: _Comparison, word: str, rendering: str) -> str:
    """_sound_stump, unless the word renders another name of the source (see _vowel_stump_of)."""

    how = _sound_stump(word, rendering, c.target_lang)
    return how if how and not _renders_other_name(c, word, rendering) else ""


def _renders_other_name(c: _Comparison, word: str, rendering: str) -> bool:
    """The word renders a source name other than `word`: the matching paired it with one, or
    it spells one as loosely as the stump tests read it."""
    # A word the matching paired with another name renders that name (Praisa for Pryce).
    if any(word not in c.source[i].text and rendering in _name_parts(c.target[j].text) for i, j in c.pairs):
        return True
    stump = _folded(word_key(rendering, c.target_lang))
    words = {strip_possessive(w) for w in _name_parts(c.source_text) if w[:1].isupper() and w != word}
    return any(_folded_alike(_folded(match_key(w)), stump) for w in words)


def _folded_alike(a: str, b: str) -> bool:
    """Two folded keys one of which is the other with up to two letters more."""
    short, long = sorted((a, b), key=len)
    return bool(short) and len(long) - len(short) <= 2 and long.startswith(short)


@lru_cache(maxsize=65536)
def _vowel_stump(word: str, rendering: str, lang: str) -> str:
    """"truncated" for a capitalised word that spells the English word's opening with other
    vowels, or a v for a b, and stops a syllable short of it (Layton / Lei, Chambers / Chem,
    Hebron / Khev): English vowel letters say other sounds (a as ei, i as ai), which the keys
    keep, so the stump is no prefix of the word's key, and too short for word_loss."""

    if not rendering[:1].isupper() or "-" in rendering:
        return ""
    target = word_key(rendering, lang)
    if len(target) < 3:
        return ""
    source, stump = _folded(match_key(strip_possessive(word))), _folded(target)
    if len(stump) < 2 or len(stump) >= len(source) or not source.startswith(stump):
        return ""
    # A rendering with as many syllables as the word says them otherwise (Danube / Dunai,
    # Show / Shou): no syllable is lost.
    lost = source[len(stump):]
    if "a" not in lost or _syllables(rendering.lower(), get(lang).vowels) >= _english_syllables(fold_latin(word)):
        return ""
    return "truncated" if _lost_syllable(lost, latin=True) else ""


@lru_cache(maxsize=65536)
def _sound_stump(word: str, rendering: str, lang: str) -> str:
    """"shortened" or "truncated" for a capitalised word whose consonants, read by the sounds
    they may stand for, are the English word's from the start, its final vowel or a syllable
    lost (Fisichella / Fizikel, Punakha / Punak, Nicholas / Niko): a voiced consonant for an
    unvoiced one, or an Italian ch said k, is a spelling the keys keep apart, so word_loss
    finds no prefix."""

    if not rendering[:1].isupper() or "-" in rendering:
        return ""
    source, target = match_key(strip_possessive(word)), word_key(rendering, lang)
    if len(source) < 4 or len(target) < 3:
        return ""
    cs, ct = consonants(source), consonants(target)
    heard, said = cs.translate(_SOUND_CLASSES), ct.translate(_SOUND_CLASSES)
    # Half the consonants kept at least, as word_loss asks (Praisa is no stump of Prosecutions).
    if len(said) < 2 or 2 * len(said) < len(heard) or not heard.startswith(said) or cs == ct \
            or source[:1] != target[:1]:
        return ""
    written = fold_latin(strip_possessive(word)).lower()
    if heard == said:
        lost_vowel = _ends_in_vowel_sound(written) and rendering[-1:].lower() not in _rendering_vowels(lang)
        return "shortened" if lost_vowel else ""
    fewer = _syllables(rendering.lower(), get(lang).vowels) < _english_syllables(written)
    return "truncated" if fewer and not _silent_end(written, cs[len(ct):]) else ""


# Consonant keys that may stand for one sound across the two spellings: voiced and unvoiced
# pairs, and k, g and the h that ch folds into (Italian ch is k).
_SOUND_CLASSES = str.maketrans("zdbgh", "stpkk")


@lru_cache(maxsize=65536)
def _folded(key: str) -> str:
    """The key with every run of vowels one a, and b, v and w one b."""
    return re.sub("a+", "a", key.translate(_VOWELS_AND_LABIALS))


_VOWELS_AND_LABIALS = str.maketrans("eiouyvw", "aaaaabb")


def _zh_for_dzh(word: str, rendering: str, lang: str) -> str:
    """"garbled" for an English j or soft g rendered zh where the language writes dzh, the d
    lost (John / Zhon, George / Zhordzh, Jakarta / Zhakarti): the keys fold both into one
    sound, and French names do write zh (Jean / Zhan, Georges / Zhorzh). So the word with its
    d back must spell the English word, and be the form the language's texts use, by far."""
    if word[:1] not in "JjGg" or (word[:1] in "Gg" and word[1:2] not in "eiy") or len(rendering) < 3:
        return ""
    if not transliterate(rendering, lang).lower().startswith("zh"):
        return ""
    lower = rendering.lower()
    whole = _letter_for("d", lang) + lower
    usual = zipf(whole, lang)
    if usual < _DZH_ZIPF or usual < zipf(lower, lang) + _DZH_MARGIN:
        return ""
    # Consonants opening alike will do: the keys keep an unsaid h (John / Dzhon).
    return "garbled" if _spelt_alike(word, _surface_keys_of(whole, lang)) else ""


def _headless_unscreened(word: str, rendering: str, lang: str) -> str:
    """The headless forms _may_render's screen lets by: a lost d of dzh, a lost consonant before
    a vowel said as two or spelt with other consonants. Each opens with a vowel or zh, which
    the caller asks first (_Written.screened, once per word of a text), as most words are read here."""
    return _zh_headless(word, rendering, lang) or _diphthong_headless(word, rendering, lang) \
        or _sound_headless(word, rendering, lang)


_HEADLESS_OPENINGS = frozenset("aeiouz")


def _may_lose_d(word: str) -> bool:
    """An English j or soft g, which renderings write dzh: what _zh_for_dzh and _zh_headless ask first."""
    return word[:1] in "JjGg" and (word[:1] in "Jj" or word[1:2] in "eiy")


@lru_cache(maxsize=65536)
def _may_lose_head(word: str) -> bool:
    """What the English word must be for any test of _headless_unscreened to read a
    rendering of it as headless: a j or soft g (_zh_headless), or a consonant before a vowel
    opening a key of four letters or more (_diphthong_headless, _sound_headless)."""
    source = word_key(word, "en")
    return _may_lose_d(word) or (len(source) >= 4 and source[:1] not in _KEY_VOWELS and source[1:2] in _KEY_VOWELS)


@lru_cache(maxsize=65536)
def _zh_headless(word: str, rendering: str, lang: str) -> str:
    """"garbled" for an English j or soft g whose dzh lost its d in a lower-case word (Jakar /
    zhakar, Jakarta / zhakartskogo): a lower-case word is no French zh (see _zh_for_dzh) but
    a name that lost its first letter, so any word the d restores to a spelling of it will do."""
    if not rendering[:1].islower() or word[:1] not in "JjGg" or (word[:1] in "Gg" and word[1:2] not in "eiy") \
            or len(rendering) < 3 or not transliterate(rendering, lang).lower().startswith("zh"):
        return ""
    return "garbled" if _spelt_alike(word, _surface_keys_of(_letter_for("d", lang) + rendering, lang)) else ""


def _surface_keys_of(word: str, lang: str) -> frozenset[str]:

    return _surface_keys(word, lang)


# The dzh form must be one the language's texts use (wordfreq zipf), and this much more often
# than the zh form: John is Dzhon, Joseph is Zhozef as often as Dzhozef.
_DZH_ZIPF = 1.5
_DZH_MARGIN = 1.0


@lru_cache(maxsize=64)
def _letter_for(sound: str, lang: str) -> str:
    """The letter of the alphabet that spells one Latin sound (d)."""
    return next(letter for letter in get(lang).alphabet if transliterate(letter, lang) == sound)


def _one_letter_sounds(key: str) -> str:
    """The key with each pair spoken as one sound written as its first letter (shve -> sve)."""
    for pair in _ONE_SOUND_PAIRS:
        key = key.replace(pair, pair[0])
    return key


_ONE_SOUND_PAIRS = ("sh", "ch", "zh", "kh", "th", "ph", "ts")


@lru_cache(maxsize=65536)
def _headless(word: str, rendering: str, lang: str) -> str:
    """"garbled" when the rendering is no spelling of the English word, but one letter put
    before it (before its first part, if hyphenated) makes one: its first letter was lost,
    whatever the keys fold there (Haldarsvik / aldorsvik, Moll / oll, Louis-Charles /
    ui-sharlya). "" otherwise."""

    head = rendering.split("-")[0]
    if len(head) < (2 if "-" in rendering else 3) or _is_latin(rendering) or _unsaid_opening(word):
        return ""
    source, target = word_key(word, "en"), word_key(head, lang)
    # Cheap first: the rendering must open as the word's second or third letter does; after
    # a pair spoken as one sound, as the third (Christianity / Khristianstva keeps the pair).
    after = (2,) if word.lower().startswith(english_name_sounds().one_sound_openings) else (1, 2)
    if len(target) < 2 or abs(len(source) - len(target) - 1) > 4 \
            or not any(_opens_alike(source[i:i + 1], target[:1]) and _opens_alike(source[i + 1:i + 2], target[1:2])
                       for i in after):
        return ""
    # The word with its letter back must be a close spelling of the English word, give or
    # take a case ending; consonant skeletons alone would let any word through (Norse / Ryzhego).
    english = _surface_keys(word, "en")
    if not _keys_match(english, _restored_keys(head.lower(), lang, source[:1])):
        return ""
    if _words_alike(english, _surface_keys(head, lang)) and not _lost_h(word, head, lang, source, target) \
            and not _lost_opening_sound(word, head, lang):
        return ""
    return "garbled"


def _lost_opening_sound(word: str, head: str, lang: str) -> bool:
    """The rendering opens with a vowel where the English word opens with a consonant, or the
    other way round (Lantagne / Antan, Elizabeth / Lizaveta): the keys call such a word alike,
    as they fold vowels and read a letter more or less as close, yet renderings keep a name's
    opening sound. The openings English leaves unsaid are judged before (see _unsaid_opening),
    an initial h by _lost_h (Hernandez / Ernandes)."""

    vowels = get(lang).vowels
    english, first = fold_latin(word)[:1].lower(), head[:1].lower()
    if not english.isalpha() or not first.isalpha() or english == "h":
        return False  # an initial h is _lost_h's
    return (english in _ENGLISH_VOWELS) != (first in vowels)


_ENGLISH_VOWELS = "aeiou"


@lru_cache(maxsize=65536)
def _sound_headless(word: str, rendering: str, lang: str) -> str:
    """"garbled" for a rendering that lost the English word's first consonant, its rest
    spelt with a voiced consonant for an unvoiced one or k for an Italian ch (Fisichella /
    izikella), which the screens of _headless read as another word. An initial h is
    _lost_h's: Romance names leave it unsaid."""

    source, target = word_key(word, "en"), word_key(rendering.split("-")[0], lang)
    if len(source) < 6 or len(target) < 5 or source[:1] in _KEY_VOWELS + "h" or source[1:2] not in _KEY_VOWELS \
            or target[:1] not in _KEY_VOWELS or _unsaid_opening(word) or _is_latin(rendering):
        return ""
    rest, stump = _sounded(source[1:]), _sounded(target)
    return "garbled" if stump.startswith(rest) and len(stump) - len(rest) <= 1 else ""


def _sounded(key: str) -> str:
    """The key folded (see _folded) with a digraph's sound as one letter and voiced consonants
    as unvoiced ones."""
    return _folded(_one_letter_sounds(key.replace("ch", "k"))).translate(_SOUND_CLASSES)


@lru_cache(maxsize=65536)
def _diphthong_headless(word: str, rendering: str, lang: str) -> str:
    """"garbled" for a rendering that lost the English word's first consonant before a vowel
    letter English says as two (Davey / eivi, Ryan / aiana): the rendering opens with both
    vowels, which the screens of _headless read as another opening. Read with every run of
    vowels as one, the rest spells the word's rest, give or take a case ending."""

    source, target = word_key(word, "en"), word_key(rendering.split("-")[0], lang)
    if len(source) < 4 or len(target) < 3 or source[:1] in _KEY_VOWELS or source[1:2] not in _KEY_VOWELS \
            or target[:2].strip(_KEY_VOWELS) or _unsaid_opening(word) or _is_latin(rendering):
        return ""
    rest, stump = _folded(source[1:]), _folded(target)
    return "garbled" if stump.startswith(rest) and len(stump) - len(rest) <= 1 and len(rest) >= 3 else ""


@lru_cache(maxsize=65536)
def _restored_keys(lower: str, lang: str, first: str) -> frozenset[str]:
    """Keys of the word with a letter before it that may spell the key's first letter
    `first`, and those keys without a case ending of one or two letters."""

    return frozenset(k for letter in _letters_for(first, lang) for k in _inflected_keys(word_key(letter + lower, lang)))


@lru_cache(maxsize=256)
def _letters_for(first: str, lang: str) -> tuple[str, ...]:
    """Letters of the alphabet whose key opens as `first` (any vowel for a vowel)."""
    return tuple(letter for letter in get(lang).alphabet
                 if _opens_alike(word_key(letter, lang)[:1], first) or not word_key(letter, lang))


def _unsaid_opening(word: str) -> bool:
    """An opening English may leave unsaid or that renderings write as a vowel (Knight,
    Wall / Uoll, Jamie / Dzheimi, whose key folds dzh away): its loss cannot be read here.
    An initial h is judged by _lost_h."""
    lower = word.lower()
    return any(lower.startswith(o) for o in english_name_sounds().silent_openings if o != "h")


def _lost_h(word: str, rendering: str, lang: str, source: str, target: str) -> bool:
    """The key's initial h is an English h or g, which Ukrainian and Russian write as h, g or
    kh (Haldarsvik, Guinness): the keys call a rendering without it alike, yet only Spanish
    and French names leave it unsaid (Hernandez / Ernandes), and a soft g is dzh, which the
    keys fold away (Giancarlo / Dzhankarlo)."""

    return source[:1] == "h" and target[:1] != "h" and not _ROMANCE_NAME.search(word) \
        and not _soft_g_rendered(fold_latin(word), rendering, lang)


def _opens_alike(a: str, b: str) -> bool:
    return bool(a and b) and (a == b or (a in _KEY_VOWELS and b in _KEY_VOWELS))


_KEY_VOWELS = "aeiou"


def _rendered_whole(word: str, written: _Written, times: int) -> bool:
    """Whether `times` words of the translation spell the English word whole (counting stops there)."""
    key = match_key(word)
    if not key:
        return False
    # The screen of _spells_whole, before the cache: most pairs fail it, and are never asked
    # twice. The words whose key opens as the word's are asked first: a whole rendering is
    # mostly one of them, and the count stops at `times` (the order changes no count).
    keyed = [(w, word_key(w, written.lang)) for w in written.capitalised]
    screened = [(w, k) for w, k in keyed if k and (key[:1] in k[:2] or k[:1] in key[:2])]
    screened.sort(key=lambda wk: wk[1][:2] != key[:2])
    found = 0
    for w, _ in screened:
        if _spells_whole(word, w, written.lang):
            found += 1
            if found >= times:
                return True
    return False


@lru_cache(maxsize=65536)
def _spells_whole(word: str, rendering: str, lang: str) -> bool:
    """The rendering spells the English word, neither cut nor headless. An adjective made
    from the name renders the adjective, not the name (South Africa ... South African /
    Pivdennoi friky ... Pivdenno-Afrykanskoi)."""

    # Cheap first, on plain keys: a spelling of the word shares one of its first two letters
    # (align.names.keys._may_match for one key each).
    x, y = match_key(word), word_key(rendering, lang)
    if not (x and y and (x[:1] in y[:2] or y[:1] in x[:2])):
        return False
    english, keys = _surface_keys(word, "en"), _surface_keys(rendering, lang)
    return not _adjective_word(rendering) and _words_alike(english, keys) \
        and not word_loss(word, rendering, lang) and not _headless(word, rendering, lang) \
        and not _capital_stump(word, rendering, lang) and not _sound_stump(word, rendering, lang) \
        and not _cut_at_dzh(word, rendering, lang) and not double_cut(word, rendering, lang)


def _ordinary(c: _Comparison, s: NameMention, rendering: str, initial: bool) -> bool:
    """A word of the language, not a name's stump: a known one opening a sentence (Khoch for
    Goma, Iony for Hydrogen), a Latin word (a name kept in its own spelling), or any common word where the
    English is an ordinary word too, whose translation is one (Championships / Chempionati)."""

    if _is_latin(rendering):
        return True
    info = analyse(rendering, c.target_lang)
    if not info.known or info.name_tagged:
        return False
    return initial or (s.kind != "name" and zipf(rendering.lower(), c.target_lang) >= COMMON_ZIPF)


def _after_given_name(c: _Comparison, rendering: str, previous: str) -> bool:
    """The word follows a given name in the translation (Luis Gei), or the rendering of the
    English word before it in the run (Rik Per for Rick Perry): a surname there, however
    ordinary a word it is, and the English run a person's name however ordinary its words."""
    from align.names.morph import is_given_name

    if _is_latin_word(rendering):
        return False  # a name kept in its own spelling, cut or not, is no stump here
    before = re.findall(r"([^\W\d_]+)\s+" + re.escape(rendering) + r"(?![^\W\d_])", c.target_text or "")
    return any(w[:1].isupper() and (is_given_name(w, c.target_lang)
                                    or (previous and _spells_whole(previous, w, c.target_lang))) for w in before)


def _before_next_word(c: _Comparison, rendering: str, following: str) -> bool:
    """The capitalised word stands right before the whole rendering of the English word after
    it in the run (Gen Lui Geitsa for Henry Louis Gates): a cut given name there, however
    common a word of the language it makes, as the run's other words say whose it is."""
    if not following or not rendering[:1].isupper() or _is_latin_word(rendering):
        return False
    after = re.findall(r"(?<![^\W\d_])" + re.escape(rendering) + r"\s+([^\W\d_]+)", c.target_text or "")
    # As loose as _spells_other reads a spelling: a silent end left unwritten (Louis / Lui).
    return any(w[:1].isupper() and _spelt_alike(following, _surface_keys(w, c.target_lang)) for w in after)


def _explained(c: _Comparison, s: NameMention, word: str, rendering: str, how: str, given: bool) -> bool:
    """The cut-looking word is something else: an ordinary word in lower case, another
    source name rendered whole, or the language's own form of a given name (Steven / Stiv),
    which may be shorter, never headless (Guinness / Innesa is no given name Innesa)."""
    # A sentence's first word may be an ordinary one, translated in lower case
    # (Immunohistochemistry / immunogistokhimiya).
    if rendering[:1].islower() and analyse(rendering, c.target_lang).known:
        return True
    # The keys fold dzh away, so a dzh stump spells no start of the English word to them, as
    # the language's own forms do not (James / Dzhei, which is Jay, not a form of James).
    return _spells_other(c, s, rendering) or (given and how != "garbled" and c._own_given_name(word, rendering)
                                              and not _dzh_vowel_stump(word, rendering, c.target_lang))


def _spells_other(c: _Comparison, s: NameMention, rendering: str) -> bool:
    """The word spells a word of another source name whole, by keys (Mykolai for Mykolai, not
    the cut-off Mykolaiv). Consonant skeletons are too loose here: they find African in Friki."""

    keys = _surface_keys(rendering, c.target_lang)
    return any(_keys_match(_surface_keys(w, "en"), keys) and not word_loss(w, rendering, c.target_lang)
               for m in c.source if m.text != s.text for w in _name_parts(m.text) if w[:1].isupper())


def attested_shortening(name: str, found: str, lang: str) -> bool:
    """Whether the word of `found` that drops the final vowel of a word of `name` is one the
    language's texts use as a name (Santorini / Santorin): an established rendering, not a
    cut one. The dictionary must read it as a name: a stump that happens to be a word or a
    frequent token (Larry / Lar, Mecca / Mek) is no rendering. Without such a word in
    `found`, any attested word of it decides, as for a run matched by keys."""

    parts = [w for w in _name_parts(found) if w]
    english = [strip_possessive(w) for w in _name_parts(name) if w[:1].isupper()]
    # Whole words only: a part of a hyphenated form is no rendering of its own (Ed-Dar-el-Beida).
    whole = [w for w in parts if w in found.split()]
    shortened = [w for w in whole if any("shortened" in (word_loss(e, w, lang), _dzh_stump(e, w, lang)) for e in english)]
    if not shortened:
        return any(zipf(w, lang) >= _ATTESTED_ZIPF for w in parts)
    return any(zipf(w, lang) >= _ATTESTED_ZIPF and analyse(w, lang).name_tagged for w in shortened)


def stumps(comparison: _Comparison) -> None:
    """Words of the translation that are no words of its language, while one letter before
    them or a syllable after them makes a common one (Isyats / Misyats, Tasma / Tasmanii):
    a name or a word of one cut in the translation, which no source word explains. The
    source side cannot say what a translated name should be (Sweden / Shvetsiya), the
    language's own dictionary can say what it cannot be."""
    c = comparison
    # From English only: between two translations the other one answers for the source.
    if not c.target_text or c.source_lang != "en" or c.target_lang == "en":
        return
    taken = {w for i in c.found if i.category == "name" for w in _LOWER_WORD.findall(i.found)}
    # A lower-case stump is a name's only while a source name (no acronym, which translations
    # spell out) is left without its rendering: else it is an ordinary word mistyped
    # (nakovoyu for naukovoyu).
    name_lost = any(not matched and m.kind != "acronym" for m, matched in zip(c.source, c.src_matched, strict=True))
    for word in dict.fromkeys(c.target_words):
        if word in taken or (word[:1].islower() and not name_lost) or not _stump_candidate(word, c.target_lang):
            continue
        # The dictionary's completions first: they are cheap, and most rare words have none.
        whole = _completed(word, c.target_lang) or _completed_past_first(word, c.target_lang)
        if whole and not analyse(word, c.target_lang).known and not _source_explains(c, word) \
                and not _reported(c, whole):
            _report_stump(c, word, whole, taken)
    _said_stumps(c, taken)
    _ungoverned_words(c, taken)
    _capitalised_function_words(c, taken)
    cut_adjectives(c, taken)


def _report_stump(c: _Comparison, word: str, whole: str, taken: set[str]) -> None:
    """An error for a word of the translation that is a cut of the dictionary word `whole`."""
    how = "garbled" if whole[0] != word[:1].lower() else "truncated"
    c.found.append(Issue("name", "error", c.target_lang, "", word,
                         f"{c.target_lang} has {word}, no word of {c.target_lang}: a {how} "
                         f"form of {whole}", rule="name.garbled", evidence="dictionary"))
    taken.add(word)


def _said_stumps(c: _Comparison, taken: set[str]) -> None:
    """Stumps whose completion a name of the source spells closer than the stump itself
    (Jesus / Iisu, Iisus; Elizabeth / Yelizave, Yelizaveta; Rahul / aul, Raul): the source
    seems to explain the stump only because the keys fold away what it lost, and a headless
    one is a name's even where the matching found each name (in another run of it)."""

    words = c.target_words
    # Cheap first: a lower-case word only beside a capitalised one, in a run of names (aul
    # Dravid), that the dictionary lacks (stumps asked it of most capitalised ones), and
    # opening as a source name's second or third letter.
    beside = _beside_capitals(words)
    heads = None
    for word in dict.fromkeys(words):
        if word in taken or (word[:1].islower() and word not in beside) or not _stump_candidate(word, c.target_lang):
            continue
        if word[:1].islower():
            heads = _name_heads(c.source_text or "") if heads is None else heads
            if _vowels_alike(word_key(word, c.target_lang)[:1]) not in heads:
                continue
        if not _completed(word, c.target_lang) or analyse(word, c.target_lang).known:
            continue
        whole = _said_completion(c, word)
        if whole and not _reported(c, whole):
            _report_stump(c, word, whole, taken)


def _ungoverned_words(c: _Comparison, taken: set[str]) -> None:
    """A capitalised word of the dictionary right after a preposition, in no case that
    preposition governs (v Strel, so Statya, s Chei): no word the translator wrote there, but a
    name cut to a form of another word, where the source names someone or something. A name
    the dictionary knows, or a word a source word spells, is read as written."""
    governs = _governed_cases(c.target_lang)
    if not governs or not any(s.kind in ("name", "common", "latin") for s in c.source):
        return
    # Cheap first: the capitalised words the dictionary knows as no name, which are few.
    # (The capital asked before the cache: most words are lower case.)
    words = {w for w in c.target_words if w[:1].isupper() and w not in taken and _common_capitalised(w, c.target_lang)}
    if not words:
        return
    for before, word in _WORD_PAIR.findall(c.target_text or ""):
        cases = governs.get(before.lower())
        if word not in words or cases is None or word in taken or not _ungoverned(word, cases, c.target_lang) \
                or _source_explains(c, word):
            continue
        c.found.append(Issue("name", "error", c.target_lang, "", word,
                             f"{c.target_lang} has {word} after {before}, in no case {before} takes: "
                             f"a name cut short", rule="name.garbled"))
        taken.add(word)


@lru_cache(maxsize=65536)
def _common_capitalised(word: str, lang: str) -> bool:
    """A capitalised Cyrillic word of three letters or more, no acronym, that the dictionary
    knows and reads as no name."""
    if len(word) < 3 or not word[:1].isupper() or word.isupper() or "-" in word or not CYRILLIC_LETTER.search(word):
        return False
    return _analyzer(lang).word_is_known(word.lower()) and not analyse(word, lang).name_tagged


def _capitalised_function_words(c: _Comparison, taken: set[str]) -> None:
    """A capitalised word inside a sentence that the dictionary knows only as a function word,
    a verb form or an adverb (Agnostik Chem utverzhdaet, ploshchad Sviatogo Pet): no name
    and no word a translator capitalises there, but a name cut to one."""
    text = c.target_text or ""
    for word in dict.fromkeys(c.target_words):
        if not word[:1].isupper() or word in taken or not _common_capitalised(word, c.target_lang) \
                or not _function_word(word, c.target_lang):
            continue
        if not any(before[-1:].isspace() and _inside_sentence(before) and not _title_cased(before, after, c.target_lang)
                   for before, after in _contexts(text, word)) or _source_explains(c, word):
            continue
        # The cut keeps the name's opening: some capitalised source word opens alike (Chambers
        # / Chem; not No / Net, an abbreviation translated as a word).
        opening = word_key(word, c.target_lang)[:1]
        name = next((w for w in _LOWER_WORD.findall(c.source_text or "") if len(w) >= 4 and w[:1].isupper()
                     and _opens_alike(match_key(w)[:1], opening)), "")
        if name:
            c.found.append(Issue("name", "error", c.target_lang, name, word,
                                 f"{c.target_lang} has {word}, a word of the language no name is, capitalised "
                                 f"inside a sentence: {name} cut short", rule="name.garbled"))
            taken.add(word)


def _contexts(text: str, word: str) -> list[tuple[str, str]]:
    """The text before and after each mention of `word` as a whole word (found by str.find:
    a pattern per word would be compiled per word)."""
    out, start = [], text.find(word)
    while start >= 0:
        end = start + len(word)
        before, after = text[:start], text[end:]
        if not _WORD_GOES_ON.match(before[-1:]) and not _WORD_GOES_ON.match(after[:1]):
            out.append((before, after))
        start = text.find(word, end)
    return out


_WORD_GOES_ON = re.compile(r"[\w-]")


def _inside_sentence(before: str) -> bool:
    """After a word or a comma: inside a sentence, not opening a quotation, a list item or a
    bracket, where any word may be capitalised."""
    last = before.rstrip()[-1:]
    return last.isalnum() or last == ","


def _title_cased(before: str, after: str, lang: str) -> bool:
    """A word beside it inside the sentence is an ordinary word capitalised too: a title
    written in title case (Durni, Iaki Mriiut), where every word is capitalised."""
    words = []
    previous = _LAST_WORD.search(before)
    if previous and _inside_sentence(before[:previous.start()]):
        words.append(previous.group(1))
    following = _FIRST_WORD.match(after)
    if following:
        words.append(following.group(1))
    return any(w[:1].isupper() and not w.isupper() and analyse(w, lang).known and not analyse(w, lang).name_tagged
               for w in words)


_LAST_WORD = re.compile(r"([^\W\d_]+)[\s,]*$")
_FIRST_WORD = re.compile(r"[\s,]*([^\W\d_]+)")


@lru_cache(maxsize=65536)
def _function_word(word: str, lang: str) -> bool:
    """A word of _common_capitalised read only as a word of the parts of speech below."""
    return all(not _FUNCTION_TAGS.isdisjoint(p.tag.grammemes) for p in _parses(word.lower(), lang))


# pymorphy3 grammemes of words that never stand for a name: conjunctions, particles,
# prepositions, interjections, pronouns (and pronoun adjectives), predicatives, adverbs,
# comparatives, verb forms and short participles.
_FUNCTION_TAGS = frozenset({"CONJ", "PRCL", "PREP", "INTJ", "NPRO", "Apro", "PRED", "ADVB", "COMP",
                            "VERB", "INFN", "GRND", "PRTS"})


@lru_cache(maxsize=65536)
def _ungoverned(word: str, cases: frozenset[str], lang: str) -> bool:
    """A word of _common_capitalised in none of `cases`."""
    return all(cases.isdisjoint(p.tag.grammemes) for p in _parses(word.lower(), lang))


@cache
def _governed_cases(lang: str) -> dict[str, frozenset[str]]:
    path = lang_path(lang, "prepositions.toml")
    table = load_toml_file(path).get("governs", {}) if path.exists() else {}
    return {p: frozenset(cases) for p, cases in table.items()}


def _beside_capitals(words: list[str]) -> set[str]:
    """The lower-case words of three letters or more right before or after a capitalised one."""
    # From the capitalised words, which are few, to their neighbours.
    near = {words[j] for k, w in enumerate(words) if w[:1].isupper() for j in (k - 1, k + 1) if 0 <= j < len(words)}
    return {w for w in near if len(w) >= 3 and w[:1].islower()}


@lru_cache(maxsize=1024)
def _name_heads(source_text: str) -> frozenset[str]:
    """The second and third key letters (vowels as a) of the text's capitalised words: how a
    headless rendering of one of them may open."""
    return frozenset(_vowels_alike(match_key(strip_possessive(w))[k:k + 1]) for w in _LOWER_WORD.findall(source_text)
                     if len(w) >= 4 and w[:1].isupper() for k in (1, 2))


def _said_completion(c: _Comparison, word: str) -> str:
    """A completion of the stump (see _completions) that a capitalised source word the
    translation renders nowhere whole spells closer than it spells the stump, or ""."""

    openings = set(_SENTENCE_OPENING.findall(c.source_text or ""))
    written = _Written([w for w in c.target_words if w != word], c.target_lang)
    # A word the translation renders whole elsewhere has its rendering (Royal / Royal, not rol).
    # These are asked first: the completions read hundreds of dictionary words.
    unrendered = [w for w in dict.fromkeys(_LOWER_WORD.findall(c.source_text or "")) if len(w) >= 4
                  and w[:1].isupper() and w not in openings and not _rendered_whole(strip_possessive(w), written, 1)]
    completions = _completions(word, c.target_lang) if unrendered else ()
    if not completions:
        return ""
    stump = _surface_keys(word, c.target_lang)
    for w in unrendered:
        english = _surface_keys(strip_possessive(w), "en")
        near = _nearest(english, stump)
        for whole in completions:
            keys = _surface_keys(whole, c.target_lang)
            if _spelt_alike(w, keys) and (_nearest(english, keys) < near or _named_head(w, word, whole, c.target_lang)):
                return whole
    return ""


def _named_head(english: str, stump: str, whole: str, lang: str) -> bool:
    """The completion is the stump with a letter before it, and a name the dictionary knows
    (Isusa / Iisusa), where the English word opens with what its spelling does not say (j,
    h, w, y: Jesus): the language's own form of the name, which the keys cannot tell from the
    headless one. A said opening the keys tell (Rishi / Rishi, not Grishi)."""
    return whole[1:] == stump.lower() and _unsaid_opening(english) and analyse(whole, lang).name_tagged


def _nearest(english: frozenset[str], keys: frozenset[str]) -> int:
    return min((edit_distance(a, b, 4) for a in english for b in keys if a and b), default=5)


@lru_cache(maxsize=65536)
def _completions(word: str, lang: str) -> tuple[str, ...]:
    """Every completion _completed would take, in its order: the word's with one letter before
    it, and a capitalised one's with up to a syllable after it."""
    words = _analyzer(lang).dictionary.words
    lower = word.lower()
    unseen = not zipf(lower, lang)
    common = _NAME_COMPLETION_ZIPF if unseen else _COMPLETION_ZIPF if word[:1].isupper() else _LOWER_COMPLETION_ZIPF
    found = [letter + lower for letter in get(lang).alphabet
             if letter + lower in words and _common_or_name(letter + lower, lang, common)]
    if word[:1].isupper():
        after = [w for w in islice(words.iterkeys(lower), _COMPLETIONS_READ)
                 if 1 <= len(w) - len(lower) <= _SYLLABLE_LETTERS]
        found += [w for w in dict.fromkeys(after) if _common_or_name(w, lang, common)]
    return tuple(found)


def _reported(c: _Comparison, whole: str) -> bool:
    """The completed word spells a word of a name already found garbled (Arman of Armand
    Versace): the stump is that name's, reported once."""

    keys = _surface_keys(whole, c.target_lang)
    return any(_spelt_alike(w, keys) for i in c.found if i.rule == "name.garbled" and i.expected
               for w in _LOWER_WORD.findall(i.expected))


# A completion must be a word the language's texts use this often (wordfreq zipf), and the
# stump one they hardly use: cut-off words are no tokens of their own.
_COMPLETION_ZIPF = 2.5
_STUMP_ZIPF = 3.0
_NAME_COMPLETION_ZIPF = 1.0
_LOWER_COMPLETION_ZIPF = 4.0
_LOWER_STUMP_ZIPF = 2.5
# How many letters a cut syllable takes with it, and how many dictionary words are read.
_SYLLABLE_LETTERS = 4
_COMPLETIONS_READ = 400


@lru_cache(maxsize=65536)
def _stump_candidate(word: str, lang: str) -> bool:
    """A Cyrillic word of three letters or more, no acronym, that the language's dictionary
    lacks and its texts hardly use. The dictionary is asked first: it answers fastest."""
    if len(word) < 3 or not CYRILLIC_LETTER.search(word) or (word.isupper() and len(word) > 1) or "-" in word:
        return False
    lower = word.lower()
    if lower in _analyzer(lang).dictionary.words:
        return False
    # A lower-case word is read only for a lost first letter, and only if the language's
    # texts hardly use it: its own words, abbreviations and typos are lower case too.
    limit = _STUMP_ZIPF if word[:1].isupper() else _LOWER_STUMP_ZIPF
    return zipf(lower, lang) < limit


@lru_cache(maxsize=65536)
def _completed(word: str, lang: str) -> str:
    """The common word `word` is cut from: with one letter before it, or up to a syllable
    after it; "" when there is none."""
    words = _analyzer(lang).dictionary.words
    lower = word.lower()
    # A lower-case stump must come from a name or a very common word: a typo of an ordinary
    # word also lacks a letter (izhu for yizhu), and completes to some other word (bizhu).
    # A stump no text has ever used is no typo: any attested completion will do.
    unseen = not zipf(lower, lang)
    common = _NAME_COMPLETION_ZIPF if unseen else _COMPLETION_ZIPF if word[:1].isupper() else _LOWER_COMPLETION_ZIPF
    for letter in get(lang).alphabet:
        whole = letter + lower
        if whole in words and _common_or_name(whole, lang, common):
            return whole
    if not word[:1].isupper():
        return ""  # a cut syllable leaves the first letter, and a name's is a capital
    read = 0
    for whole in words.iterkeys(lower):
        read += 1
        if read > _COMPLETIONS_READ:
            break
        if 1 <= len(whole) - len(lower) <= _SYLLABLE_LETTERS and _common_or_name(whole, lang, common):
            return whole
    return ""


@lru_cache(maxsize=65536)
def _completed_past_first(word: str, lang: str) -> str:
    """The common word a capitalised stump is cut from, up to a syllable after it, where the
    words the dictionary lists after the stump are too many for _completed to reach it
    (Vizan: hundreds of vizantyn- words before vizantiia): letter by letter, along prefixes
    the dictionary holds, shortest first."""
    words = _analyzer(lang).dictionary.words
    lower = word.lower()
    if not word[:1].isupper() or zipf(lower, lang) \
            or next(islice(words.iterkeys(lower), _COMPLETIONS_READ, None), None) is None:
        return ""
    prefixes = [lower]
    for _ in range(_SYLLABLE_LETTERS):
        prefixes = [p + letter for p in prefixes for letter in get(lang).alphabet
                    if words.has_keys_with_prefix(p + letter)]
        whole = next((p for p in prefixes if p in words and _common_or_name(p, lang, _NAME_COMPLETION_ZIPF)), "")
        if whole:
            return whole
    return ""


def _common_or_name(word: str, lang: str, common: float) -> bool:
    """A word the language's texts use at least `common` often, or a name its dictionary
    knows and its texts attest (Grinvichem, Tasmanii)."""
    frequency = zipf(word, lang)
    return frequency >= common or (frequency >= _NAME_COMPLETION_ZIPF and analyse(word, lang).name_tagged)


def _source_explains(c: _Comparison, word: str) -> bool:
    """Some word of the source spells it whole, neither cut nor headless: a name
    transliterated, however rare in the target (see _spelt_alike)."""

    target = _surface_keys(word, c.target_lang)
    source = c.source_text or ""
    openings = set(_SENTENCE_OPENING.findall(source))
    for w in dict.fromkeys(_LOWER_WORD.findall(source)):
        if len(w) < 2 or (len(w) < 4 and (not w[:1].isupper() or w in openings)):
            continue  # a short word is a name only capitalised inside its sentence (All, not The)
        if _spelt_alike(w, target) and not word_loss(w, word, c.target_lang) and not _headless(w, word, c.target_lang):
            return True
    return False


def _spelt_alike(english: str, target: frozenset[str]) -> bool:
    """One word spelt two ways: close keys, or the same consonants opening alike (Loesch /
    Lesh, Apple / Eppl), an English w or plural s aside (Newt / Nyut, runs / ranov). Not
    consonants a letter apart, which find States in Ostoka and Sagittarius in Isyats."""

    keys = _surface_keys(english, "en")
    if _keys_match(keys, target):
        return True
    bare = english.lower().replace("w", "")
    variants = {word_key(v, "en") for v in (english, bare, bare[:-1] if bare.endswith("s") else bare)}
    return any(skeleton(k) == skeleton(t) and skeleton(k) and _opens_alike(k[:1], t[:1])
               for k in variants if k for t in target if t)
