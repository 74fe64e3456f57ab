"""Keys, sounds and words of name mentions: the pure functions align.names.compare reads.

A name is compared by its matching keys (align.names.translit), their consonant skeletons and
sound skeletons, its distinctive words and the places it may name; every function here is a
function of its arguments and the loaded language data, so the passes of a comparison can
share their answers (several are cached per word or per pair of keys)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from align.lang import CYRILLIC_LETTER, get
from align.model import NameMention
from align.names.forms import name_forms
from align.names.glossary import Glossary
from align.names.morph import (
    analyse,
    is_adjective_reading,
    is_peoples_word,
    strip_possessive,
    zipf,
)
from align.names.pinyin import palladius
from align.names.translit import edit_distance, keys_close, within_one_edit, word_key

_NON_DIGIT = re.compile(r"\D")
_SILENT_KINDS = frozenset({"demonym", "common", "adjective"})
_SKELETON_DROP = str.maketrans("", "", "aeiouh")
_SKELETON_MAP = str.maketrans({"d": "t", "z": "s", "b": "p", "v": "f", "g": "k"})


# Asked of the same keys by every pass of a comparison, and across comparisons.
@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Consonants of a key with voicing ignored: Lionsgate and Layonsgeyt both give "lnst"."""
    out = key.translate(_SKELETON_DROP).translate(_SKELETON_MAP)
    return "".join(ch for i, ch in enumerate(out) if i == 0 or ch != out[i - 1])


def _is_glossary(mention: NameMention, glossary: Glossary) -> bool:
    return mention.kind not in _SILENT_KINDS and glossary.entry(mention.key) is not None


@lru_cache(maxsize=100_000)
def _surface_keys(text: str, lang: str) -> frozenset[str]:
    """Keys of each written word (and its hyphen parts, and the whole name run together) and
    of each of its lemmas: the fuzzy pass compares these."""
    out = set()
    words = [w.strip(".,;:!?\"'«»()") for w in text.replace("&", " ").split()]
    words = [w for w in words if w]
    parts = [p for w in words for p in ([w] + w.split("-") if "-" in w else [w])]
    for word in parts:
        latin = not CYRILLIC_LETTER.search(word)
        out.add(word_key(strip_possessive(word) if latin else word, "en" if latin else lang))
        if latin:
            chinese = palladius(strip_possessive(word))
            if chinese:
                out.add(word_key(chinese, "ru"))  # Zhejiang / Chzhetszyan, Wuhan / Ukhan
        if latin and "x" in word[1:]:
            # Spanish x is the sound of Cyrillic kh (Texas / Tekhas, Oaxaca / Oakhaka).
            out.add(word_key(word[0] + word[1:].replace("x", "h"), "en"))
        if latin and _SOFT_G.search(word):
            # English g before e, i, y is the sound of Cyrillic dzh (George / Dzhordzh).
            out.add(word_key(_SOFT_G.sub("j", word), "en"))
        if latin and (_SOFT_C.search(word) or "tion" in word):
            # English c before e, i, y is s, and -tion is shn (Deception / Desepshen, Cincinnati).
            out.add(word_key(_SOFT_C.sub("s", word).replace("tion", "shon"), "en"))
        if latin and word[:1] == "I" and word[1:2] in "aeiou" and len(word) > 2:
            # An English I before a vowel is the sound ai (Iowa / Aiova, Iago / Aiago), which
            # Cyrillic writes with a letter of its own. (Not before a consonant: Ishikawa is
            # Isikava, and a key opening ai there would read it as a lost first sound.)
            out.add(word_key("Ai" + word[1:], "en"))
        if latin and word[:1] in "XxQq":
            # Pinyin x and q are Cyrillic s and ts (Xi'an / Sian, Qing / Tsin).
            out.add(word_key(("s" if word[0] in "Xx" else "ts") + word[1:], "en"))
        if not latin:
            for lemma in analyse(word, lang).lemmas:
                out.add(word_key(lemma, lang))
    if len(words) > 1 or any("-" in w for w in words):
        out.add("".join(word_key(w, "en" if _is_latin(w) else lang) for w in words))
    out.discard("")
    return frozenset(out)


_TOKENS = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*|\d+|&")
_ENTRY_WORD_KEYS: dict[tuple[str, int, str], frozenset[str]] = {}


def _entry_word_keys(glossary: Glossary, entry_id: str) -> frozenset[str]:
    """Keys of a glossary entry's forms, written together and word by word, except the words
    that only say what sort of thing it is (South, United; Pivdenna, Soedinennye): one of
    those alone, or as the opening of the form run together, is no rendering of the name
    (South Africa / Pivdennoi Amazonky), nor is a person's given name."""
    cache_key = (glossary.digest, glossary.version, entry_id)
    if cache_key not in _ENTRY_WORD_KEYS:
        entry = glossary.entry(entry_id)
        out = set()
        for lang, forms in (entry.forms.items() if entry is not None else ()):
            for form in forms:
                words = [w for w in _TOKENS.findall(form) if w != "&"]
                generic = [_generic_word(w, lang) for w in words]
                keys = [word_key(w, lang) for w in words]
                if not any(generic):
                    out.add("".join(keys))
                if len(words) > 1:
                    # A person's given names alone are no rendering of the person (Donald Trump /
                    # Donal'd): only the surname, the form's last word, carries the entry.
                    own = keys[-1:] if entry.kind == "person" else keys
                    out.update(k for k, g in zip(keys, generic, strict=True) if not g and k in own)
        _ENTRY_WORD_KEYS[cache_key] = frozenset(k for k in out if k)
    return _ENTRY_WORD_KEYS[cache_key]


def _compound_keys(mention: NameMention, glossary: Glossary) -> frozenset[str]:
    """Keys of the compound a Slavic adjective makes of a glossary entry's two-word form, its
    first word's stem linked by o (Pivdenna Afryka / pivdennoafrykanskyi, Yuzhnaya Koreya /
    yuzhnokoreiskii): read against adjectives only, since it opens as the first word does."""
    if not _is_glossary(mention, glossary):
        return frozenset()
    out = set()
    for form_key in glossary.entry_keys(mention.key):
        keys = form_key.split()
        if len(keys) == 2 and keys[0].rstrip(_KEY_VOWELS):
            out.add(keys[0].rstrip(_KEY_VOWELS) + "o" + keys[1])
    return frozenset(out)


_KEY_VOWELS = "aeiouy"


def _generic_word(word: str, lang: str) -> bool:
    """An English institution or direction word, or a Cyrillic adjective or participle."""
    if lang == "en":
        return strip_possessive(word) in _institution_words()
    return is_adjective_reading(word, lang)


def _is_latin(word: str) -> bool:
    return not CYRILLIC_LETTER.search(word)


def _fuzzy_keys(mention: NameMention, lang: str, glossary: Glossary) -> frozenset[str]:
    """The keys the fuzzy passes read a mention by, once per mention and glossary: the passes
    ask again for each pair, and the English source again against each translation. The same
    frozenset comes back, so the caches keyed by sets of keys (_keys_match) compare it at once."""
    if glossary is not _FUZZY_OWNER[0] or _FUZZY_OWNER[1] != glossary.version:
        _FUZZY.clear()
        _FUZZY_OWNER[:] = [glossary, glossary.version]
    keys = _FUZZY.get((mention, lang))
    if keys is None:
        if len(_FUZZY) > 100_000:
            _FUZZY.clear()
        keys = _FUZZY[(mention, lang)] = _mention_keys(mention, lang, glossary)
    return keys


# _fuzzy_keys by (mention, language), for the glossary (and its version) in _FUZZY_OWNER: a form
# added to the glossary since, or another glossary, empties it.
_FUZZY: dict[tuple[NameMention, str], frozenset[str]] = {}
_FUZZY_OWNER: list = [None, -1]


def _mention_keys(mention: NameMention, lang: str, glossary: Glossary) -> frozenset[str]:
    if _is_glossary(mention, glossary):
        keys = set(mention.key.split())
        keys |= _entry_word_keys(glossary, mention.key)
        keys |= _surface_keys(_carrying_words(mention, glossary), lang)
    else:
        keys = _distinctive(mention, glossary) | {mention.key.replace(" ", "")}
        words = _keyed_words(mention)
        if len(words) > 1 and mention.kind == "name" and len(words) == len(mention.key.split()):
            # Only the name's own words (see _distinctive_words), not its given name or title.
            own = set(_distinctive_words(mention, glossary))
            rest = " ".join(w for w, k in zip(words, mention.key.split(), strict=True) if k in own)
        else:
            rest = mention.text
        keys |= _surface_keys(rest, lang)
    return frozenset(k for k in keys if len(k) >= 3)


def _carrying_words(mention: NameMention, glossary: Glossary) -> str:
    """The written words that carry a glossary mention: of a person's several words the last,
    the surname (Donald Trump / Trump), since a given name alone names someone else."""
    entry = glossary.entry(mention.key)
    words = mention.text.split()
    if entry is not None and entry.kind == "person" and len(words) > 1:
        return words[-1]
    return mention.text


def _keyed_words(mention: NameMention) -> list[str]:
    """The written words of a mention that its key spells, one for one when the key left out
    its lower-case links (Democratic Republic of Congo, Cabo da Roca)."""
    words = mention.text.split()
    if len(words) != len(mention.key.split()):
        capitalised = [w for w in words if not w.islower()]
        if len(capitalised) == len(mention.key.split()):
            return capitalised
    return words


def _distinct_entries(a: NameMention, b: NameMention, glossary: Glossary) -> bool:
    """Two different glossary entries never match, however alike they are spelt (Pivnichna /
    Pivdenna Koreya, Austria / Australia)."""
    return a.key != b.key and bool(glossary.entry_keys(a.key)) and bool(glossary.entry_keys(b.key))


def _stem_match(a: str, b: str) -> bool:
    """An inflected form against a base form: Nauseda / Nausedoyu share "nause"."""
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < 5:
        return False
    common = 0
    for x, y in zip(shorter, longer, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(5, len(shorter) - 2)


@lru_cache(maxsize=65536)
def _digits(key: str) -> str:
    return _NON_DIGIT.sub("", key)


def _same_digits(x: str, y: str) -> bool:
    """Close spellings may differ in letters, never in numbers: S-300 is not S-400."""
    return _digits(x) == _digits(y)


def _keys_match(a: frozenset[str], b: frozenset[str]) -> bool:
    if a & b:
        return True
    return _any_close_keys(frozenset(a), frozenset(b))


# The passes of one comparison, and the two translations of one source, ask about the same
# mentions' keys (the same frozensets, from _fuzzy_keys) again.
@lru_cache(maxsize=262144)
def _any_close_keys(a: frozenset[str], b: frozenset[str]) -> bool:
    # What _close_keys needs, read without a call: keys that open alike (keys_close of short
    # keys, _stem_match), or keys of five letters or more two edits apart at most; under nine
    # letters one edit, which, in the first two letters, leaves the last three alike.
    others = [(y, y[:2], len(y), y[-3:]) for y in b]
    for x in a:
        opening, size, ending = x[:2], len(x), x[-3:]
        for y, y_opening, y_size, y_ending in others:
            if (opening == y_opening or (size >= 5 and y_size >= 5 and -2 <= size - y_size <= 2
                                         and (ending == y_ending or size >= 9 <= y_size))) \
                    and _close_keys(x, y):
                return True
    return False


# The passes of one comparison ask about the same pairs of keys again and again.
@lru_cache(maxsize=262144)
def _close_keys(x: str, y: str) -> bool:
    return _same_digits(x, y) and (keys_close(x, y) or _stem_match(x, y))


def _adjective_match(source_keys: frozenset[str], derived_keys: frozenset[str]) -> bool:
    """A name's stem opening (or inside a compound of) a word made from it: avstralia ->
    avstraliets, tokio -> tokiskoi, zelandia -> novozelandskii."""
    for key in source_keys:
        if len(key) < 4:
            continue
        # A four-letter name must open the word whole (irak -> irakskii), a longer one may
        # lose its last letters to the suffix (avstralia -> avstraliets).
        stem = key if len(key) == 4 else key[: max(4, len(key) - 3)]
        for derived in derived_keys:
            # A word made from a name is longer than the name (Nepa is Nepal cut short).
            if not _same_digits(key, derived) or len(derived) < len(key):
                continue
            if derived.startswith(stem) or (len(stem) >= 5 and stem in derived):
                return True
    return False


def _skeleton_match(a: frozenset[str], b: frozenset[str]) -> bool:
    return _skeletons_match(frozenset(a), frozenset(b))


@lru_cache(maxsize=262144)
def _skeletons_match(a: frozenset[str], b: frozenset[str]) -> bool:
    for x in a:
        sx = skeleton(x)
        for y in b:
            if not _same_digits(x, y):
                continue
            sy = skeleton(y)
            if len(sx) >= 2 and sx == sy:
                return True
            if min(len(sx), len(sy)) >= 3 and within_one_edit(sx, sy) and _same_opening(x, y, sx, sy):
                return True
    return False


def _velar_swapped(a: frozenset[str], b: frozenset[str]) -> bool:
    """Skeletons alike but for one k against a consonant made elsewhere in the mouth (Holocaust /
    Goldast: lkst / ltst, Amazon / Muskoki: msn / msk), and no keys closer: transliteration
    keeps a k a k (c and s, read k or s, aside), so these are two names that the one-edit
    tolerance of _skeleton_match, meant for silent and doubled letters, would take for one."""
    found = False
    for x in a:
        sx = skeleton(x)
        for y in b:
            sy = skeleton(y)
            if sx == sy:
                return False
            if len(sx) != len(sy) or len(sx) < 3 or sx[0] != sy[0]:
                continue  # another opening is _same_opening's to judge (CIMT / TIMT: c read ts)
            apart = [(p, q) for p, q in zip(sx, sy, strict=True) if p != q]
            found = found or (len(apart) == 1 and "k" in apart[0] and bool(set(apart[0]) & _NON_VELAR))
    return found


# Consonants of a skeleton no transliteration writes for a k.
_NON_VELAR = frozenset("tnmplrf")


# First consonants one name may open with in two languages: c read as k, s or ts (Caesar /
# Tsezar), and the Greek b and f that Slavic renders v and p (Abraham / Avraam, Philip / Pylyp).
_SWAPPABLE_OPENINGS = (frozenset("kstc"), frozenset("bv"), frozenset("fp"))


def _same_opening(x: str, y: str, sx: str, sy: str) -> bool:
    """Skeletons one edit apart are one name only if that edit is not another first consonant
    (Sintra / Panteri, Potro / Dzhondro, Wembley / Pa-amb-oli): a name is known by how it opens."""
    if sx[0] == sy[0] or len(sx) != len(sy):
        return True
    a, b = (k.translate(_SKELETON_DROP)[:1] for k in (x, y))
    return any(a in pair and b in pair for pair in _SWAPPABLE_OPENINGS)


@lru_cache(maxsize=1)
def _cyrillic_stem_end() -> str:
    return "".join(sorted(set(name_forms("uk").stem_end) | set(name_forms("ru").stem_end)))


@lru_cache(maxsize=1)
def _cyrillic_vowels() -> frozenset[str]:
    from align.lang import languages

    return frozenset(v for lang in languages("cyrillic") for v in lang.vowels)


def _stem(word: str) -> str:
    """A Cyrillic word without its final vowels and soft or short signs: what case endings
    leave alone (Kanada, Kanady -> kanad)."""
    return word.rstrip(_cyrillic_stem_end())


def _same_stem(word: str, form: str) -> bool:
    return len(_stem(word)) >= 3 and _stem(word) == _stem(form)


def _cut_form(word: str, form: str) -> str:
    """"garbled" when `word` is `form` without its first letter (anady / Kanada), "truncated"
    when it is `form` cut inside its stem (Tayva / Tayvan), "" otherwise."""
    if len(form) >= 5 and _lost_opening(form) and word[:1] == form[1:2] and _same_stem(word, form[1:]):
        return "garbled"
    stem = _stem(form)
    # A hyphenated form is cut only in its last part (Port-Sten / Port-Stenli), not read
    # as a whole by one of its parts (Sankt / Sankt-Peterburg).
    if len(word) >= 4 and len(stem) >= 5 and stem.startswith(_stem(word)) and len(_stem(word)) < len(stem) \
            and word.count("-") == form.count("-"):
        return "truncated"
    return ""


def _may_cut(word: str, word_stem: str, form: str) -> bool:
    """A screen for _cut_form, `word_stem` being _stem(word): a word without the form's first
    letter opens with its second, one cut inside the stem with its first (unless it has no stem)."""
    return word[:1] == form[1:2] or word[:1] == form[:1] or not word_stem


def _lost_opening(form: str) -> bool:
    """Whether a word without the form's first letter lost a sound: a consonant, or a vowel
    that is a syllable of its own (Isikava / Sikava), except the Ukrainian opening vowels that
    alternate with a consonant for euphony (Ukraina / Vkraina)."""
    vowels = _cyrillic_vowels()
    if form[0] not in vowels:
        return True
    return form[1] not in vowels and form[0] not in name_forms("uk").alternating_openings


def _capitalised_word_keys(text: str, lang: str) -> frozenset[str]:
    return frozenset(k for w in _LOWER_WORD.findall(text) if w[:1].isupper()
                     for k in _surface_keys(w, lang) if len(k) >= 3)


def _words_alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """One word spelt two ways, by key or by consonant skeleton (James / Dzheimsa)."""
    return _keys_match(a, b) or _skeleton_match(a, b)


# A letter and a translated word (V-rezhim for B-mode): a term, not a name to substitute.
_LETTER_CODE = re.compile(r"^\w-")
# How far (a share of the sentence) a name may move between a sentence and its translation.
_SAME_PLACE = 0.12
_SOFT_G = re.compile(r"g(?=[eiy])", re.I)
_SOFT_C = re.compile(r"c(?=[eiy])", re.I)
_LATIN_LETTER = re.compile(r"[A-Za-z]")


_ATTRIBUTIVE_NEXT = re.compile(r"\s+[a-z]{3,}")
_TITLE_BEFORE = re.compile(r"(?:['’]s|[\"“«])\s*$")


def _names_a_thing(text: str, m: NameMention) -> bool:
    """Ordinary words used as a name of something: before the noun they name (the Gold fire,
    the Recovery trial), after a possessive or inside quotes (Disney's Frozen, "Frozen"), not
    a noun capitalised on its own (the Sun, the Allies), which translations render by meaning."""
    after = text[m.end:m.end + 20]
    before = text[max(0, m.start - 3):m.start]
    return bool(_ATTRIBUTIVE_NEXT.match(after) and not after.lstrip().startswith(("and ", "or ", "of ")))\
        or bool(_TITLE_BEFORE.search(before))


def _entry_places(entry) -> frozenset[int]:
    """Gazetteer places a glossary entry names, by its English forms (asia: Asia)."""
    from align.names.gazetteer import gazetteer

    places = gazetteer()
    return frozenset() if places is None else places.lookup_any(entry.forms.get("en", []))


def _name_tagged(t: NameMention, lang: str) -> bool:
    """A sentence-initial target mention counts only on pymorphy3's word that it is a name."""
    return lang != "en" and any(analyse(w, lang).name_tagged for w in t.text.split() if not _is_latin(w))


def _mixed_script(text: str) -> bool:
    """B-rezhima: a Latin letter kept inside a translated word; its Latin part is the name."""
    return bool(CYRILLIC_LETTER.search(text) and _LATIN_LETTER.search(text))


# The words of a name or a text, hyphenated parts apart (Machu-Pik), apostrophes kept (O'Flin).
_NAME_PARTS = re.compile(r"[^\w'\u2019]+")


def _slot_anchors(words: list[str], k: int) -> list[tuple[int, int, bool, bool]]:
    """Where the rendering of source word `k` may be read from, as (anchor word, offset of the
    slot from the anchor's rendering, link needed, adjective slot): the rest of a longer name
    after it (Blue Ash), the given name before it (Anne Frank), or a name joined by a link
    (Hershey and Chase, Chase and Hershey)."""
    links = get("en").name_links
    following = words[k + 1] if k + 1 < len(words) else ""
    if following[:1].isupper() and following not in _institution_words():
        return [(k + 1, -1, False, True)]
    anchors = []
    if words[k - 1][:1].isupper():
        anchors.append((k - 1, 1, False, False))
    if k >= 2 and words[k - 1].lower() in links and words[k - 2][:1].isupper():
        anchors.append((k - 2, 2, True, False))
    if k + 2 < len(words) and words[k + 1].lower() in links and words[k + 2][:1].isupper():
        anchors.append((k + 2, -2, True, False))
    # An epithet after its article (Erik the Red): the translation drops the article, so the
    # slot follows the rendered name (Erik chervonyi).
    if k >= 2 and words[k - 1].lower() in get("en").epithet_articles and words[k - 2][:1].isupper():
        anchors.append((k - 2, 1, False, False))
    return anchors


def _may_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """A cheap screen before the key and skeleton tests: two spellings of one name share one
    of their first two letters, in place or swapped by one."""
    return any(x[:1] in y[:2] or y[:1] in x[:2] for x in a if x for y in b if y)


def _inflected_keys(key: str) -> frozenset[str]:
    return frozenset(k for k in (key, key[:-1], key[:-2]) if len(k) >= 3) or frozenset({key})


def _name_parts(text: str) -> list[str]:
    return list(_name_parts_of(text))


# Most passes split the same name and sentence texts again.
@lru_cache(maxsize=65536)
def _name_parts_of(text: str) -> tuple[str, ...]:
    # Composed first: a decomposed letter's mark is no word character (NFD yi).
    return tuple(w for w in _NAME_PARTS.split(unicodedata.normalize("NFC", text)) if w)


# The cut passes read it of the same source for each translation. Callers only read it.
@lru_cache(maxsize=1024)
def _said_counts(text: str) -> Counter[str]:
    """How often a text says each of its words (a possessive read as the word)."""
    return Counter(strip_possessive(w) for w in _name_parts_of(text))


_LOWER_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    from align.resources import lang_path, read_lines

    return frozenset(read_lines(lang_path("en", "institution_words.txt")))


@lru_cache(maxsize=1)
def _institution_words_lower() -> frozenset[str]:
    return frozenset(w.lower() for w in _institution_words())


def _distinctive_words(m: NameMention, glossary: Glossary) -> list[str]:
    """The keys that carry a name: a person's surname, a place's own word. In a run of several
    words outside the glossary, institution and landform words are its generic part (Artibonite
    River, Anne Frank Museum), and of two or more words left the first is a given name or a
    title (Gjorge Ivanov, Hichem Mechichi), which alone does not make two names one."""
    words = _own_words(m, glossary)
    if len(words) < len(m.key.split()):
        return words  # an institution or a place named by its own words: all of them count
    return words[1:] if len(words) > 1 else words


def _own_words(m: NameMention, glossary: Glossary | None) -> list[str]:
    """The keys of the run's words without its generic part (River, University, Museum)."""
    words = m.key.split()
    if len(words) < 2 or m.kind != "name" or (glossary is not None and _is_glossary(m, glossary)):
        return words
    written = _keyed_words(m)
    if len(written) == len(words) and _is_latin(m.text):
        own = [k for k, w in zip(words, written, strict=True) if strip_possessive(w) not in _institution_words()]
        return own or words
    return words


def _distinctive(m: NameMention, glossary: Glossary) -> set[str]:
    """Distinctive words, and the whole run written together (Hong Kong / Gonkong)."""
    words = m.key.split()
    if len(words) < 2 or m.kind != "name" or _is_glossary(m, glossary):
        return set(words)
    return set(_distinctive_words(m, glossary)) | {"".join(words)}


def _comparable_kinds(s: NameMention, t: NameMention, target_lang: str) -> bool:
    """A Latin acronym of the source answers only a Latin acronym of the target: a Cyrillic
    one is its translation (GDP / VVP, AI / SHI), not a substitute."""
    s_acronym = s.kind == "acronym"
    t_latin = t.kind == "latin" or (t.kind == "acronym" and _is_latin(t.text))
    if s_acronym or t.kind == "acronym":
        return s_acronym and t_latin and _is_latin(s.text) and (target_lang == "en" or t.text.isupper())
    return s.kind in ("name", "common") and t.kind in ("name", "latin")


@lru_cache(maxsize=50_000)
def _strong_target_name_cached(text: str, lang: str) -> bool:
    words = [w.strip(".,;:!?\"'«»()") for w in text.split()]
    for word in words:
        if not word or _is_latin(word):
            return True
        info = analyse(word, lang)
        # The Ukrainian dictionary knows many names without a name tag (Mozambiku, Syrii):
        # a place of the gazetteer, or a word rare in ordinary use, is a name too.
        if info.name_tagged or not info.known or _places_of(word, info.lemma, lang) \
                or zipf(word.lower(), lang) < _COMMON_CYRILLIC_ZIPF:
            return True
    return False


# A capitalised Cyrillic word used this often in lower case is a common word opening a name
# phrase (Period, Severnom), not a name of its own.
_COMMON_CYRILLIC_ZIPF = 3.5
# Frequency from which a word is attested in the language's texts (wordfreq), not made up.
_ATTESTED_ZIPF = 1.5


def _strong_target_name(t: NameMention, lang: str) -> bool:
    """A target mention that is a proper name by its own evidence (a name parse in pymorphy3,
    or a word the dictionary does not know), not a capitalised common word."""
    if t.initial and lang != "en":
        words = t.text.split()
        first = analyse(words[0].strip(".,;:!?\"'«»()"), lang) if words else None
        if first is not None and first.known and not first.name_tagged:
            return False
    return _strong_target_name_cached(t.text, lang)


def _places(m: NameMention, lang: str, glossary: Glossary) -> frozenset[int]:
    if m.kind == "adjective" and lang != "en":
        return _adjective_places(m.lemma, lang)
    if m.kind not in ("name", "latin") or _is_glossary(m, glossary):
        return frozenset()
    return _places_of(m.text, m.lemma, lang)


@lru_cache(maxsize=50_000)
def _adjective_places(lemma: str, lang: str) -> frozenset[int]:
    """The place a place adjective is made from (gonkongskiy -> Gonkong, kiyevskiy -> Kiyev),
    by its suffix taken off."""
    from align.names.gazetteer import gazetteer

    places = gazetteer()
    forms = name_forms(lang)
    match = forms.place_adjective_lemma.search(lemma)
    if places is None or match is None:
        return frozenset()
    stem = lemma[: match.start()]
    return places.lookup_any([stem] + [stem + ending for ending in forms.place_stem_endings])


@lru_cache(maxsize=50_000)
def _places_of(text: str, lemma: str, lang: str) -> frozenset[int]:
    from align.names.gazetteer import gazetteer

    places = gazetteer()
    if places is None:
        return frozenset()
    text = strip_possessive(text.strip(".,;:!?\"'«»()"))
    found = places.lookup_any(f for f in (text, lemma) if f)
    if lang != "en" and not _is_latin(text) and len(text.split()) == 1:
        # Another reading of the word may be a place too (Kari: kara), but not a subdivision:
        # a state of Togo or Nigeria by another reading would make given names places (Edom: Edo).
        others = places.lookup_any(f for f in analyse(text, lang).lemmas if f and f not in (text, lemma))
        found |= frozenset(i for i in others if not places.is_subdivision(i))
    return found


def _established_place(places: frozenset[int]) -> bool:
    from align.names.gazetteer import gazetteer

    index = gazetteer()
    return index is not None and index.established(places)


def _silent_h(m: NameMention) -> bool:
    """Whether an initial h may be silent: in an ordinary word's established rendering
    (Hinduism / induizm) and in Spanish and French names (Hernández / Ernandes)."""
    return m.kind == "common" or bool(_ROMANCE_NAME.search(m.text))


_ROMANCE_NAME = re.compile(r"[áéíóúñçàèù]|ez\b", re.I)


def _derived_word(m: NameMention) -> bool:
    """An English word made from a name (African, Majorcan, Aortic), whose rendering may be
    the name itself: what it adds to the name is no lost syllable. A bare -an or -n is no
    sign of one (Taiwan, Washington)."""
    last = strip_possessive(m.text.split()[-1]) if m.text.split() else ""
    return is_peoples_word(last) or last.lower().endswith(_DERIVED_ENDINGS)


def _made_from_name(word: str) -> bool:
    """An English word made from a name by its ending, the name left at least four letters
    long (Majorcan, Buddhist; not Christ or Eric)."""
    lower = word.lower()
    # (The endings all at once first: most words have none of them.)
    return lower.endswith(_DERIVED_ENDINGS) and any(lower.endswith(e) and len(lower) - len(e) >= 4
                                                    for e in _DERIVED_ENDINGS)


_DERIVED_ENDINGS = ("ian", "ians", "ean", "eans", "ese", "ish", "ic", "ical", "ist", "ists", "ism", "can", "cans")


# Asked of every mention's last word by several passes (_may_garble), and the pattern's
# endings are tried at every letter of the word.
@lru_cache(maxsize=65536)
def _adjective_word(word: str) -> re.Match[str] | None:
    """An inflected adjective made from a name, in either Cyrillic language (Tsinskyi,
    Uppsalskogo): the same endings data serves both."""
    return name_forms("uk").adjective_word.search(word)


def _may_garble(m: NameMention) -> bool:
    """Adjectives made from names (Yordanskoi, belhiiskykh) are renderings of the name in
    another form, never a garbled copy of it."""
    return m.kind not in ("adjective", "demonym") and not _adjective_word(m.text.split()[-1])


def _garbled(src_keys: frozenset[str], tgt_keys: frozenset[str], word: bool = False, derived: bool = True,
             latin: bool = False) -> str:
    """"truncated" or "garbled" when the target renders a source name without its first sound
    (Johannesburg / okhannesburg) or without its last syllable (Mechichi / Mechi); "" otherwise.
    Silent first letters are no loss (Hernández / Ernandes, Knight / Nayt, Wright / Rayt)."""
    if src_keys & tgt_keys:
        return ""
    # In a fixed order: when one key pair reads as a lost first sound and another as a lost
    # syllable, the answer must not follow the process's string hashing (Jerusalem / Ierusaly).
    for s in sorted(src_keys):
        if len(s) < 4:
            continue
        for t in sorted(tgt_keys):
            if len(t) < 2:
                continue
            if _DEMONYM_END.search(s):
                continue  # Macedonian / Makedonii: the people's word, not a cut-off name
            if _first_sound_lost(s, t, word):
                return "garbled"
            if s.startswith(t) and len(s) > len(t) and _lost_syllable(s[len(t):], latin) \
                    and not (derived and s[len(t):] in _PEOPLE_ENDINGS):
                return "truncated"
    return ""


# Keys of English words made from a name (Macedonian, Aortic, Turkish): their renderings are
# the name's own forms, never a cut-off of the derived word.
_DEMONYM_END = re.compile(r"(?:ian|ean|ese|ish|ik|ikal)$")
# What an English word made from a name adds to it (Majorcan / Mayorki, African / Afriki,
# Aortic / aorty): the name is there, its derivative was translated.
_PEOPLE_ENDINGS = frozenset({"n", "ns", "an", "ans", "ian", "ians", "ean", "eans", "ese", "ish", "er", "ers",
                             "ic", "ical", "ik", "ikal", "ist", "ists", "ism"})
# Ukrainian and Russian adjectives made from names (Tsinskyi, Uppsalskogo, Simonosekskiy).
# An opening consonant pair that transliteration may render as one sound (Cholecalciferol /
# Kholekaltsiferol, Xiaogan / Syaogan, Psaki, Knight): losing its first letter is no garbling.
_CLUSTERS = ("ch", "sh", "th", "ph", "kh", "zh", "gh", "wh", "rh", "ks", "ts", "ps", "pn", "pt", "kn", "hn", "gn")


def _first_sound_lost(s: str, t: str, word: bool = False) -> bool:
    """`t` is key `s` without its first letter (Johannesburg / okhannesburg), give or take the
    spelling of the rest; a silent letter or a consonant pair read as one sound aside. `word`:
    the source is an ordinary word as well, whose established renderings drop an h
    (Hinduism / induizm)."""
    if len(s) < 5 or len(t) < 4 or t[0] == s[0] or _silent_initial(s, word) or _soft_g(s, t):
        return False
    if s[1:3] == t[:2] and (keys_close(s[1:], t) or _stem_match(s[1:], t)):
        return True
    # The rest spelt another way (Reagan / Eigana for Reigana): the consonants after the first
    # are all there, and the rendering opens with the vowel that followed it.
    return (s[0] not in _VOWEL_LETTERS and t[0] == s[1] and t[0] in _VOWEL_LETTERS
            and len(_sound_skeleton(s)) >= 3 and _sound_skeleton(t)[1:] == _sound_skeleton(s)[1:])


_VOWEL_LETTERS = frozenset("aeiou")


def _prefix_garble(src_keys: frozenset[str], tgt_keys: frozenset[str], word: bool = False) -> bool:
    return any(_first_sound_lost(s, t, word) for s in src_keys for t in tgt_keys)


def _silent_initial(key: str, word: bool = False) -> bool:
    # In a name only w is silent as such (Wright / Rayt): the key's initial h is also every g
    # and kh (Greece, Hong Kong, Kharkiv), which Ukrainian and Russian write as g or kh.
    return key[0] == "w" or key[:2] in _CLUSTERS or (word and key[0] == "h")


def _soft_g(s: str, t: str) -> bool:
    """Giancarlo / Dzhankarlo: a soft g is dzh, whose key folds into the vowel after it, so the
    rendering's key looks like the name without its first letter."""
    return s[0] == "h" and s[1] in "ie" and t[0] == "i"


def _garble_keys(m: NameMention, fuzzy: frozenset[str], glossary: Glossary | None = None) -> frozenset[str]:
    """Keys of the name's own words, without its generic part (River, University), which a
    translation renders by meaning: no lost syllable. A glossary entry's several-word forms
    count word by word (Sankt is no cut-off of Sankt-Peterburg)."""
    glossary = glossary if glossary is not None else _default_glossary()
    entry = glossary.entry(m.key) if _is_glossary(m, glossary) else None
    if entry is not None:
        parts = {word_key(part, lang) for lang, forms in entry.forms.items() for form in forms
                 for part in _FORM_PARTS.split(form) if part}
        written = {word_key(w, "en" if _is_latin(w) else _script_lang(w)) for w in _FORM_PARTS.split(m.text) if w}
        return frozenset(k for k in parts | written if len(k) >= 3)
    words = m.key.split()
    if len(words) < 2:
        return fuzzy
    own = _own_words(m, None)
    # Word by word, never the run written together: a given name is a prefix of that
    # (Michele Bachmann / Mishel) without being a cut-off name.
    joined = "".join(words)
    return frozenset(k for k in fuzzy if k != joined and not (len(k) > 1 and k == "".join(words[1:]))) | set(own)


_FORM_PARTS = re.compile(r"[\s\-\u2010\u2011\u2013\u2014.]+")


def _script_lang(word: str) -> str:
    """uk for a word with a Ukrainian-only letter, else ru: both key alike for garbling."""
    return "uk" if re.search("[\u0454\u0456\u0457\u0491]", word.lower()) else "ru"


def _default_glossary() -> Glossary:
    from align.names.extract import default_glossary

    return default_glossary()


def _lost_syllable(rest: str, latin: bool = False) -> bool:
    """What a truncation dropped holds a consonant sound, not only a case or plural ending
    (Philippines / Filippin, Alps / Alp)."""
    consonants = [ch for ch in rest if ch not in "aeiou"]
    if not consonants:
        # Three vowels of an English name are a syllable of their own (Paraguay / Parag); a
        # Cyrillic source's are a case ending (Gomoyu / Goma).
        return latin and len(rest) >= 3
    if consonants == ["s"]:
        return False
    # A lone final consonant is lost too (Taiwan / Tayva), unless it is one that French and
    # English leave silent (Armand / Arman, Sarah / Sara, Bordeaux / Bordo).
    return len(consonants) < len(rest) or not (len(rest) == 1 and rest in "dtsxzh")


def _sound_keys(m: NameMention, lang: str, glossary: Glossary) -> frozenset[str]:
    """Keys of the name's distinctive words only: a shared given name or a whole run written
    together would make two different people sound alike (Gjorge Ivanov / George Kavardarkov)."""
    if len(m.key.split()) == 1:
        return _fuzzy_keys(m, lang, glossary)
    words = _distinctive_words(m, glossary)
    out = set(words)
    written = m.text.split()
    if len(written) == len(m.key.split()):
        for key, word in zip(m.key.split(), written, strict=True):
            if key in words:
                out |= _surface_keys(word, lang)
    return frozenset(k for k in out if k)


_SOUND_DROP = str.maketrans("", "", "aeiou")


def _sound_skeleton(key: str) -> str:
    """The consonant skeleton with the name's first letter and its h sounds kept (Khufu /
    Kheops: "hf" / "hps"; Xinhua / Payagua: "snh" / "ph")."""
    if not key:
        return ""
    out = key[1:].translate(_SOUND_DROP).translate(_SKELETON_MAP)
    return key[0] + "".join(ch for i, ch in enumerate(out) if i == 0 or ch != out[i - 1])


def _sounds_different(a: frozenset[str], b: frozenset[str]) -> bool:
    """No key of one name sounds like any key of the other: consonant skeletons far apart,
    or apart and opening differently. Short skeletons are too little evidence either way."""
    best = 1.0
    opens_alike = False
    compared = False
    longest = 0
    for x in a:
        sx = _sound_skeleton(x)
        if len(sx) < 2:
            continue
        for y in b:
            sy = _sound_skeleton(y)
            if len(sy) < 2:
                continue
            compared = True
            longest = max(longest, len(sx), len(sy))
            distance = edit_distance(sx, sy, 8) / max(len(sx), len(sy))
            alike = _opening(x) == _opening(y)
            # Two-consonant skeletons say little unless the names open differently (Jerry / Perri).
            if min(len(sx), len(sy)) < 3 and alike:
                distance = 0.0
            best = min(best, distance)
            opens_alike = opens_alike or alike
    if not compared:
        return False
    far = 0.5 if longest >= 4 else 0.75
    return best >= far or (best >= _APART_OPENING and not opens_alike)


# Transliteration keeps a name's first sound (the key folds h/g, j/i, c/k and the like), so
# two names that open differently need less else to tell them apart (Carpanedo / Fernando).
_APART_OPENING = 0.34


def _surnames_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two surnames that are no spellings of one another and sound apart, or open with other
    steady consonants (Perry / Materi): surnames do not vary as given names do."""
    if _words_alike(a, b):
        return False
    return _sounds_far_apart(a, b) or _sounds_different(a, b) or _stable_openings_differ(a, b)


def _vowel_against_consonant(source: str, target: str) -> bool:
    """An English name that opens with a vowel letter against a Cyrillic one that opens with
    a consonant letter (Eighmey / Dzheimi): keys fold dzh and y into vowels, but no rendering
    puts a consonant before an opening vowel."""
    if not source or not target or not _is_latin(source) or _is_latin(target):
        return False
    first = target[0].lower()
    return source[0].lower() in _VOWEL_LETTERS and CYRILLIC_LETTER.match(first) is not None \
        and first not in _cyrillic_vowels() and first not in _CYRILLIC_GLIDES


# Cyrillic letters that open a vowel sound's rendering (Iowa / Aiova, Yorkshire / Yorkshyr).
_CYRILLIC_GLIDES = frozenset("\u0439\u044c\u044a")


def _first_consonants_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Every key of one opens with a consonant and every key of the other with another one,
    which no transliteration swaps (Sintra / Pantery): the matcher's own reason to keep
    skeletons one edit apart as two names (see _same_opening)."""
    pairs = [(x, y) for x in a for y in b if x and y]
    if not pairs or any(k[0] in _VOWEL_LETTERS for pair in pairs for k in pair):
        return False
    for x, y in pairs:
        cx, cy = x[0], y[0]
        if cx == cy or any(cx in pair and cy in pair for pair in _SWAPPABLE_OPENINGS):
            return False
    return True


def _sounds_far_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Stricter than _sounds_different, for given names, whose transliterations vary most
    (Gyöngyi / Dendzhi, Chhappan / Skhapkhan): long skeletons, mostly unlike."""
    pairs = [(_sound_skeleton(x), _sound_skeleton(y)) for x in a for y in b]
    if not pairs or any(min(len(x), len(y)) < 3 for x, y in pairs):
        return False  # a short skeleton on either side is too little evidence
    return all(edit_distance(x, y, 8) / max(len(x), len(y)) >= 0.75 for x, y in pairs)


# First letters that transliteration of given names moves between (Gyöngyi / Dendzhi,
# Jorge / Khorkhe, Xavier / Ksavie, Yannick / Yanik): an opening among these proves nothing.
_VOLATILE_OPENINGS = frozenset("hgjdicksxy")


def _word_sounds_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """The keys of a source word and of the target word in its place: far apart, or opening
    with other steady consonants while neither spells the other, so the target word belongs
    to another name."""
    return _sounds_far_apart(a, b) or (_stable_openings_differ(a, b) and not _keys_match(a, b))


def _stable_openings_differ(a: frozenset[str], b: frozenset[str]) -> bool:
    """Every key of one opens with another steady consonant than every key of the other
    (Larry / Zekeri)."""
    openings_a = {_opening(k) for k in a if k}
    openings_b = {_opening(k) for k in b if k}
    return bool(openings_a and openings_b) and not (openings_a & openings_b) \
        and not ((openings_a | openings_b) & _VOLATILE_OPENINGS)


def _steady_opening_lost(a: frozenset[str], b: frozenset[str]) -> bool:
    """The source name opens with a steady consonant (l, m, n, r...) that every key of the
    target lacks (Larry / Genri): transliteration keeps such a letter, whatever it does with
    the target's own opening."""
    openings_a = {_opening(k) for k in a if k}
    openings_b = {_opening(k) for k in b if k}
    if not openings_a or not openings_b or len(openings_a) != 1:
        return False
    first = next(iter(openings_a))
    return first not in _VOLATILE_OPENINGS and first != "a" and first != "w" and first not in openings_b \
        and not any(first in pair and o in pair for pair in _SWAPPABLE_OPENINGS for o in openings_b)


def _opening(key: str) -> str:
    """The first sound of a key, every vowel alike (Iowa / Ayova open alike)."""
    return "a" if key[:1] in "aeiou" else key[:1]


def _letters(key: str) -> str:
    return re.match(r"[a-z]*", key).group()


def _dedupe(mentions: list[NameMention]) -> list[NameMention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out


def _replacement(source: NameMention, extra: list[NameMention], glossary: Glossary) -> NameMention | None:
    """The target name that stands where `source` should. Only a glossary name is sure
    enough to call a replacement: a glossary name for a glossary name of the same sort
    (a place for a place), or an unknown name of the target for a glossary person or place.
    Two unknown names are too often one name spelt two ways."""
    source_entry = glossary.entry(source.key) if source.kind not in _SILENT_KINDS else None
    for t in extra:
        target_entry = glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
        if source_entry is not None and target_entry is not None:
            if source_entry.kind == target_entry.kind:
                return t
        elif source_entry is not None and source_entry.kind in ("person", "place") and t.kind == "name":
            return t
        elif target_entry is not None and target_entry.kind in ("person", "place") and source.kind == "name":
            return t
    return None
