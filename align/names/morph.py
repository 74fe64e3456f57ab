"""Word analysis for names: pymorphy3 lemmas for uk/ru, word frequencies to tell common
words from names. Every analysis is cached: pymorphy3 costs tens of microseconds per call
and one release repeats the same names many times."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from align.lang import CYRILLIC_LETTER, get, is_cyrillic

# pymorphy3 grammemes that mark a parse as a proper name.
_NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_POSSESSIVE = re.compile(r"['’]s?$")
# At or above this Zipf frequency (wordfreq: 3 = once per million words) a capitalised word
# is an ordinary word that happens to open a sentence or a title ("Army", "Main"), so a
# translator renders it by meaning, not by spelling.
COMMON_ZIPF = 3.3
# A title-case phrase whose words are all at least this frequent is translated by meaning.
ORDINARY_PHRASE_ZIPF = 2.5


class WordInfo(NamedTuple):
    """What analyse reads of a word. (A named tuple: one is made for every new word, and a
    frozen dataclass sets each field through object.__setattr__.)"""

    lemma: str  # the most likely dictionary form, lower case
    lemmas: frozenset[str]  # every dictionary form pymorphy3 offers, lower case
    known: bool  # in the dictionary (not guessed)
    name_tagged: bool  # some parse is a proper name (Name, Surn, Geox, ...)
    animate: bool = False  # some parse is an animate noun (uk avstriika, novozelandets: people)
    common_reading: bool = False  # some dictionary parse is an ordinary word (uk Dani: data, or Dana)


@lru_cache(maxsize=2)
def _analyzer(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


@lru_cache(maxsize=100_000)
def _parses(lower: str, lang: str) -> tuple:
    """pymorphy3's parses of a lower-case word, read once for every question asked of it."""
    return tuple(_analyzer(lang).parse(lower))


@lru_cache(maxsize=300_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a lower-case word in `lang` (0 when wordfreq has never seen it)."""
    from wordfreq import get_frequency_dict, zipf_frequency

    if lang in _LETTERS_ONLY and _LETTERS_ONLY[lang].fullmatch(word):
        # wordfreq tokenizes a word of letters alone to itself in lower case, and its Zipf value
        # is then a function of the word's listed frequency: one lookup per listed frequency
        # (a few hundred bands) instead of one tokenization per word, which costs most of it.
        listed = get_frequency_dict(lang, "best").get(word.lower())
        known = _ZIPF_OF_LISTED.get((lang, listed))
        if known is None:
            known = _ZIPF_OF_LISTED[(lang, listed)] = zipf_frequency(word, lang)
        return known
    return zipf_frequency(word, lang)


# Words wordfreq's tokenizer keeps whole and only lower-cases: English, or Ukrainian and
# Russian, letters alone (as code points: no Cyrillic in the code).
_CYRILLIC_WORD = re.compile("[\u0410-\u044f\u0401\u0451\u0404\u0454\u0406\u0456\u0407\u0457\u0490\u0491]+")
_LETTERS_ONLY = {"en": re.compile("[A-Za-z]+"), "uk": _CYRILLIC_WORD, "ru": _CYRILLIC_WORD}
_ZIPF_OF_LISTED: dict[tuple[str, float | None], float] = {}


def strip_possessive(word: str) -> str:
    """Ukraine's -> Ukraine, Reuters' -> Reuters."""
    if "'" not in word and "’" not in word:
        return word  # no apostrophe, nothing to strip (asked of most words, most have none)
    return _POSSESSIVE.sub("", word) if len(word) > 2 else word


@lru_cache(maxsize=300_000)
def analyse(word: str, lang: str) -> WordInfo:
    """Lemmas and name evidence for one word (case-insensitive; pass it as written)."""
    lower = word.lower()
    if lang == "en" or not CYRILLIC_LETTER.search(word):
        base = strip_possessive(lower)
        return WordInfo(base, frozenset({lower, base}), True, False)
    morph = _analyzer(lang)
    parses = _parses(lower, lang)
    lemmas = frozenset(p.normal_form for p in parses)
    best = parses[0].normal_form if parses else lower
    named = [not _NAME_GRAMMEMES.isdisjoint(p.tag.grammemes) for p in parses]
    known = morph.word_is_known(lower)
    if known and word[:1].isupper() and not any(named):
        # Place names are nouns: other parses are not looked up in the other dictionary.
        named = ["NOUN" in p.tag.grammemes and _tagged_place_elsewhere(p.normal_form, lang) for p in parses]
    # Prefer a proper-name parse for a capitalised word: uk "Putina" is Putin, not put' (a way).
    if word[:1].isupper() and any(named):
        best = parses[named.index(True)].normal_form
    name_tagged = any(named)
    animate = any("anim" in p.tag.grammemes and "NOUN" in p.tag.grammemes for p in parses)
    if not known:
        # Ukrainian locatives and datives soften a final consonant (Irak -> v Iratsi, Praha
        # -> u Prazi): pymorphy3 guesses a wrong lemma for unknown names.
        for ending, nominatives in get(lang).softened_endings:
            if lower.endswith(ending) and len(lower) > 4:
                lemmas = lemmas | {lower[: -len(ending)] + nominative for nominative in nominatives}
    common_reading = known and not all(named)
    return WordInfo(best, lemmas | {lower}, known, name_tagged, animate, common_reading)


# Cached as analyse is: the glossary screen asks again for each glossary (a benchmark's own
# and the checker's), and without its answer kept it would read the dictionary every time.
@lru_cache(maxsize=100_000)
def dictionary_lemmas(lower: str, lang: str) -> frozenset[str] | None:
    """analyse(word, lang).lemmas of a lower-case Ukrainian or Russian word that pymorphy3's
    dictionary knows, read from the dictionary alone: its entries' normal forms (what the
    dictionary unit of a parse gives; the other units of its group give the word itself),
    and the word. Several times cheaper than a parse, which also weighs every parse and builds
    its tags. None for a word the dictionary does not know: analyse guesses its lemmas."""
    morph = _analyzer(lang)
    dictionary = morph.dictionary
    found = dictionary.words.similar_items(lower, morph.char_substitutes)
    if not found:
        return None
    return frozenset({dictionary.build_normal_form(para_id, idx, fixed)
                      for fixed, parses in found for para_id, idx in parses} | {lower})


@lru_cache(maxsize=100_000)
def _tagged_place_elsewhere(lemma: str, lang: str) -> bool:
    """A dictionary form that a related language's dictionary, spelt as it spells it, knows
    first of all as a place (uk Tasmaniia as ru Tasmaniya): the Ukrainian dictionary tags no
    places. Only the likeliest parse counts, so a common word some village shares (ru mir)
    stays a common word."""
    source = get(lang).place_tags_from
    if source is None:
        return False
    other, spelling = source
    spelt = "".join(spelling.get(ch, ch) for ch in lemma)
    if not _analyzer(other).word_is_known(spelt):
        return False
    parses = _parses(spelt, other)
    return bool(parses) and "Geox" in parses[0].tag.grammemes and parses[0].normal_form == spelt


@lru_cache(maxsize=100_000)
def is_place_word(word: str, lang: str) -> bool:
    """A Ukrainian or Russian word the dictionary (or, for Ukrainian, the Russian one) reads
    as a place name in some parse (Persii, Tasmanii)."""
    if not is_cyrillic(lang):
        return False
    parses = _parses(word.lower(), lang)
    return any("Geox" in p.tag.grammemes for p in parses) \
        or (word[:1].isupper() and any(_tagged_place_elsewhere(p.normal_form, lang) for p in parses))


@lru_cache(maxsize=100_000)
def is_given_name(word: str, lang: str) -> bool:
    """A Ukrainian or Russian word the dictionary parses as a first name (Emmi, Rik)."""
    if not is_cyrillic(lang):
        return False
    return any("Name" in p.tag.grammemes for p in _parses(word.lower(), lang))


@lru_cache(maxsize=100_000)
def is_person_word(word: str, lang: str) -> bool:
    """A Ukrainian or Russian word the dictionary parses as a given name or a surname only."""
    if not is_cyrillic(lang):
        return False
    parses = _parses(word.lower(), lang)
    return bool(parses) and all({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in parses)


@lru_cache(maxsize=100_000)
def is_common_noun(word: str, lang: str) -> bool:
    """A Ukrainian or Russian word whose likeliest dictionary parse is an ordinary noun
    (kamin, kushch): no preposition, verb or name."""
    if not is_cyrillic(lang):
        return False
    parses = _parses(word.lower(), lang)
    return bool(parses) and _analyzer(lang).word_is_known(word.lower()) and "NOUN" in parses[0].tag.grammemes \
        and not (_NAME_GRAMMEMES & set(parses[0].tag.grammemes))


@lru_cache(maxsize=100_000)
def has_ordinary_reading(word: str, lang: str) -> bool:
    """Some dictionary parse of a Ukrainian or Russian word is an ordinary noun or a describing
    adjective, though a likelier one may be a surname (uk bondar, koval': cooper, smith; a
    surname too) or an adjective's name use (shvydkoi): in lower case, it is the ordinary word."""
    if not is_cyrillic(lang) or not _analyzer(lang).word_is_known(word.lower()):
        return False
    return any(not (_NAME_GRAMMEMES & p.tag.grammemes)
               and (p.tag.POS == "NOUN" or (p.tag.POS in ("ADJF", "ADJS") and p.tag.grammemes.isdisjoint(("Apro", "Anum"))))
               for p in _parses(word.lower(), lang))


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"})


@lru_cache(maxsize=100_000)
def cases(word: str, lang: str) -> frozenset[str]:
    """Every grammatical case some parse of `word` may be in (empty for an unparsed word)."""
    out: set[str] = set()
    if not is_cyrillic(lang):
        return frozenset()
    for parse in _parses(word.lower(), lang):
        out.update(g for g in parse.tag.grammemes if g in _CASES)
    # gen2/acc2/loc2 are variants of the main cases: a name in one agrees with a word in the other.
    return frozenset({"gent" if c == "gen2" else "accs" if c == "acc2" else "loct" if c == "loc2" else c
                      for c in out})


@lru_cache(maxsize=100_000)
def is_adjective(word: str, lang: str) -> bool:
    """The most likely reading of a Ukrainian or Russian word is an adjective (ru Severnom,
    Blizhnem: northern, near): a capitalised one opens a name phrase, it is not a name itself."""
    if not is_cyrillic(lang):
        return False
    parses = _parses(word.lower(), lang)
    return bool(parses) and parses[0].tag.POS in ("ADJF", "ADJS")


@lru_cache(maxsize=100_000)
def is_descriptive_adjective(word: str, lang: str) -> bool:
    """The most likely reading is a full adjective that describes (uk korolivs'kyi, synii), not a
    pronoun-like one (ru kotoryi, odnoi, samaia) nor a participle."""
    # is_adjective has read the likeliest parse; a second look at it is a cache hit.
    return is_adjective(word, lang) and _parses(word.lower(), lang)[0].tag.grammemes.isdisjoint(("Apro", "Anum"))


@lru_cache(maxsize=100_000)
def is_adjective_reading(word: str, lang: str) -> bool:
    """Some dictionary reading of a Ukrainian or Russian word is an adjective or a participle
    (uk Nova, ru Soedinennye): a word that may describe a name rather than be one."""
    if not is_cyrillic(lang) or not _analyzer(lang).word_is_known(word.lower()):
        return False
    return any(p.tag.POS in ("ADJF", "ADJS", "PRTF") for p in _parses(word.lower(), lang))


def lexeme_forms(word: str, lang: str) -> set[str]:
    """Every inflected form of every reading of `word` (lower case)."""
    forms = set()
    for parse in _analyzer(lang).parse(word.lower())[:4]:
        forms.update(f.word for f in parse.lexeme)
    return forms


@lru_cache(maxsize=1)
def _lowercase_english() -> frozenset[str]:
    """Words that Webster's 2nd and GCIDE (the `english-words` package) write in lower case:
    gold and frozen are there, Yorkshire and Indonesia only with a capital. Cached on disk
    beside the gazetteer: reading the package's lists costs most of a second."""
    from importlib.metadata import version

    from align.names.gazetteer import cached_build

    def build() -> frozenset[str]:
        from english_words import get_english_words_set

        return frozenset(w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
                         if w.islower())

    return cached_build("english-lower-v1", version("english-words"), build)


# A word rarer than this (once per million words) is no ordinary word whatever the dictionary
# lists (Webster's has oyapock): capitalised, it is a name.
RARE_ZIPF = 3.0


@lru_cache(maxsize=100_000)
def is_ordinary_english(word: str) -> bool:
    """Whether an English word (any case) is an ordinary lower-case word or an inflection of one."""
    lower = strip_possessive(word.lower())
    if "-" in lower:
        # Bed-bugs, U-boats, Neurologic-associated: ordinary when every part of two letters or
        # more is a dictionary word (a compound is rarer than its parts, so no frequency test).
        parts = [p for p in lower.split("-") if len(p) >= 2]
        return bool(parts) and all(_in_dictionary(p) for p in parts)
    # Webster's lists rare words (oyapock) that are names in news: a word counts when it, or
    # the dictionary word it inflects (rescuers: rescuer), is in common use.
    return any(zipf(form, "en") >= RARE_ZIPF for form in _dictionary_forms(lower))


def _in_dictionary(lower: str) -> bool:
    return bool(_dictionary_forms(lower))


def _dictionary_forms(lower: str) -> list[str]:
    """The word itself, or the base forms it inflects, that the dictionary lists."""
    words = _lowercase_english()
    if lower in words:
        return [lower]
    found = []
    # Inflectional endings (data/lang/en/language.toml) tried when a word is not in the
    # dictionary as written: the lists hold base forms.
    for ending, replacements in get("en").inflections:
        if lower.endswith(ending) and len(lower) >= len(ending) + 2:
            stem = lower[: -len(ending)]
            found += [stem + r for r in replacements if stem + r in words]
            if ending in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words:
                found.append(stem[:-1])  # stopped -> stop
    return found


@lru_cache(maxsize=1)
def _demonym_word() -> re.Pattern[str]:
    """English words for peoples, languages and styles (Portuguese, Byzantine, Arabs, Westerners)."""
    endings = get("en").demonym_endings
    return re.compile("(?:" + "|".join(map(re.escape, endings)) + ")(?:'s)?$")


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """English names of languages from CLDR (Babel): Greek, Thai, Danish are peoples' and
    languages' words, which translations render by meaning, never names to substitute."""
    try:
        from babel import Locale
    except ImportError:
        return frozenset()
    return frozenset(name.lower() for name in Locale("en").languages.values() if " " not in name)


def _language_name(text: str) -> bool:
    word = strip_possessive(text.strip()).lower()
    return word in _language_names() or (word.endswith("s") and word[:-1] in _language_names())


@lru_cache(maxsize=50_000)
def is_peoples_word(text: str) -> bool:
    """Portuguese, Byzantine, Arabs, Greek: a people's, a language's or a style's word, which
    translations render by meaning. By its ending, for words in common use (Sundarbans is a
    name that only looks like one), or a CLDR language name."""
    return bool(_demonym_word().search(text) and zipf(strip_possessive(text).lower(), "en") >= 3.0) \
        or _language_name(text) or _place_adjective(strip_possessive(text))


def _place_adjective(word: str) -> bool:
    """An -an word made from a big place the gazetteer knows: Moroccan (Morocco), Roman
    (Rome), Cuban (Cuba), Mexicans (Mexico)."""
    from align.names.gazetteer import gazetteer

    ids = peoples_places(word)
    return bool(ids) and gazetteer().is_big(ids)


@lru_cache(maxsize=50_000)
def peoples_places(word: str) -> frozenset[int]:
    """The gazetteer places an English -an/-ans word may be made from (Asian: Asia)."""
    lower = strip_possessive(word).lower()
    stem = lower[:-3] if lower.endswith("ans") else lower[:-2] if lower.endswith("an") else ""
    if len(stem) < 3:
        return frozenset()
    from align.names.gazetteer import gazetteer

    places = gazetteer()
    # Canadian, Bolivian: the -i- belongs to the people's ending, not to the place (Canada).
    stems = [stem, stem[:-1]] if stem.endswith("i") and len(stem) > 3 else [stem]
    return frozenset() if places is None else places.lookup_any(
        s + end for s in stems for end in get("en").place_endings)


def en_zipf(word: str) -> float:
    """Zipf frequency of an English word as written (possessive stripped, any case)."""
    return zipf(strip_possessive(word.lower()), "en")


def inflect(word: str, lang: str, grammemes: frozenset[str]) -> str | None:
    """`word` put into the case/number given by `grammemes` (pymorphy3), keeping its capital."""
    morph = _analyzer(lang)
    for parse in morph.parse(word.lower()):
        form = parse.inflect(set(grammemes))
        if form is not None:
            text = form.word
            return text[:1].upper() + text[1:] if word[:1].isupper() else text
    return None


def case_of(word: str, lang: str) -> frozenset[str]:
    """The case and number pymorphy3 reads in `word` (its most likely parse)."""
    parse = _analyzer(lang).parse(word.lower())[0]
    wanted = {"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "sing", "plur"}
    return frozenset(g for g in parse.tag.grammemes if g in wanted)
