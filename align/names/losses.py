"""Whether a Ukrainian or Russian rendering of one English name word lost part of it: its end
(Martelly / Martel, Ronald / Ronal, Mecca / Mek, Kashiwazaki / Kasivaza) or its first sound
(Giza / Izy, Ishikawa / Sikava, Christ / Rista).

Matching keys fold exactly what tells a loss from a spelling variant (a final vowel, g against
h, a doubled letter), so both the keys and the written words are read: a name that ends in a
vowel sound keeps a vowel in every case form of its rendering, and a consonant the rendering
lacks at the end is lost unless English spelling leaves it unsaid (data/lang/en/name_sounds.toml).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from align.lang import CYRILLIC_LETTER, get
from align.lang.translit import transliterate
from align.names.forms import name_forms
from align.names.morph import analyse, zipf
from align.names.pinyin import palladius
from align.names.translit import fold_latin, keys_close, match_key, within_one_edit, word_key
from align.resources import load_toml

_KEY_VOWELS = "aeiou"


@dataclass(frozen=True)
class EnglishNameSounds:
    final_vowels: str
    silent_e_after_vowel: tuple[str, ...]
    silent_endings: tuple[tuple[str, str], ...]
    pinyin_silent_endings: tuple[str, ...]
    silent_openings: tuple[str, ...]
    one_sound_openings: tuple[str, ...]


@cache
def english_name_sounds() -> EnglishNameSounds:
    data = load_toml("lang", "en", "name_sounds.toml")
    return EnglishNameSounds(
        final_vowels=data["final_vowels"],
        silent_e_after_vowel=tuple(data["silent_e_after_vowel"]),
        # Longest ending first: -ault before -t.
        silent_endings=tuple(sorted(data["silent_endings"].items(), key=lambda kv: -len(kv[0]))),
        pinyin_silent_endings=tuple(data.get("pinyin_silent_endings", ())),
        silent_openings=tuple(data["silent_openings"]),
        one_sound_openings=tuple(data["one_sound_openings"]),
    )


def _rendering_vowels(lang: str) -> frozenset[str]:
    """Letters a word of `lang` may end with and still end in a vowel sound: the vowels and
    the short i (Paraguay / Paragvai, Disney / Disnei)."""
    return name_forms(lang).vowel_sound_end


# Consonant pairs that are one sound, written with one Cyrillic letter (Honshu / Khonsyu,
# Buddha / Budda, Aristarchus / Aristarkh): counted as that letter's key.
_ONE_SOUND = (("ch", "h"), ("sh", "s"), ("zh", "z"), ("th", "t"), ("ph", "f"), ("dh", "d"), ("bh", "b"))


# Asked of the same keys by every loss test of a comparison, and across comparisons.
@lru_cache(maxsize=65536)
def consonants(key: str) -> str:
    """A key's consonants, one sound each, repeats once (marteli -> mrtl, honshu -> hns)."""
    for pair, sound in _ONE_SOUND:
        key = key.replace(pair, sound)
    out = []
    for ch in key:
        if ch not in _KEY_VOWELS and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


def _cut_of(source: str, rendering: str, cs: str, ct: str) -> bool:
    """The rendering could be the source cut short: it opens alike (the same letter, or a
    vowel for a vowel) and keeps at least half its consonants, so an unrelated word of a run
    (Adam against Administrator, Baba against Bhutha) is no cut-off of it."""
    opens_alike = source[0] == rendering[0] or (source[0] in _KEY_VOWELS and rendering[0] in _KEY_VOWELS)
    return opens_alike and 2 * len(ct) >= len(cs)


def _ends_in_vowel_sound(written: str) -> bool:
    sounds = english_name_sounds()
    if written[-1:] in sounds.final_vowels:
        return True
    return (written.endswith("e") and len(written) >= 3 and written[-2] in sounds.final_vowels + "e"
            and not written.endswith(sounds.silent_e_after_vowel))


def _syllables(word: str, vowels: frozenset[str] | str) -> int:
    """Groups of vowel letters: the syllables of a written word."""
    count, previous = 0, False
    for ch in word:
        vowel = ch in vowels
        count += vowel and not previous
        previous = vowel
    return count


def _english_syllables(written: str) -> int:
    """Syllables of an English name, its silent final e aside."""
    if written.endswith("e") and not _ends_in_vowel_sound(written):
        written = written[:-1]
    return _syllables(written, "aeiouy")


def _silent_end(written: str, lost: str) -> bool:
    sounds = english_name_sounds()
    for ending, unsaid in sounds.silent_endings:
        if written.endswith(ending):
            return lost == unsaid and not (ending in sounds.pinyin_silent_endings and palladius(written) is None)
    return False


def _spelt_prefix(source: str, rendering: str) -> int:
    """How many of the source's consonants the rendering's consonants spell from the start
    (all of them, or one letter otherwise: Kashiwazaki / Kasivaza), 0 when it spells none as
    well as the whole."""
    if source.startswith(rendering):
        return len(rendering)
    if len(rendering) < 4 or within_one_edit(source, rendering):
        return 0
    for k in (len(rendering), len(rendering) + 1, len(rendering) - 1):
        if 0 < k < len(source) and within_one_edit(source[:k], rendering):
            return k
    return 0


@lru_cache(maxsize=65536)
def tail_lost(word: str, rendering: str, lang: str) -> str:
    """"truncated" when the rendering stops short of the English word, a consonant sound of
    its end gone (Ronald / Ronal, Timbuktu / Tombuk); "shortened" when only its final vowel
    sound is (Mecca / Mek, Martelly / Martel), which some established renderings of names also
    drop (Santorini / Santorin); "" otherwise."""
    written = fold_latin(word)
    source, target = match_key(word), word_key(rendering, lang)
    if len(source) < 4 or len(target) < 3 or not written[-1:].isalpha():
        return ""
    cs, ct = consonants(source), consonants(target)
    if not ct or not _cut_of(source, target, cs, ct):
        return ""
    if cs == ct:
        if _repeat_lost(source, target):
            return "truncated"
        vowel_lost = _ends_in_vowel_sound(written) and rendering[-1:].lower() not in _rendering_vowels(lang)
        return "shortened" if vowel_lost else ""
    k = _spelt_prefix(cs, ct)
    if not 0 < k < len(cs) or (_silent_end(written, cs[k:]) and not _end_written_out(rendering, cs, lang)):
        return ""
    # A rendering with as many syllables as the word, ending in a vowel sound where the word
    # does or in a short i, spells the consonant otherwise or drops one the language does not
    # say there; it is no cut-off (Martelly / Marteii, a French ll; Danube / Dunai).
    last = rendering[-1:].lower()
    vowel_end = last in _rendering_vowels(lang) and (_ends_in_vowel_sound(written) or last not in get(lang).vowels)
    if vowel_end and _syllables(rendering.lower(), get(lang).vowels) >= _english_syllables(written):
        return ""
    return "truncated"


def _sounds_in_turn(key: str) -> str:
    """A key's consonants, one sound each, a repeat kept where a vowel parts it (tamasese ->
    tmss, where consonants() says tms)."""
    for pair, sound in _ONE_SOUND:
        key = key.replace(pair, sound)
    out = []
    for i, ch in enumerate(key):
        if ch not in _KEY_VOWELS and (not i or key[i - 1] != ch):
            out.append(ch)
    return "".join(out)


def _repeat_lost(source: str, target: str) -> bool:
    """The rendering stops a syllable short where that syllable repeats the consonant before
    it (Tamasese / Tamase, Honolulu / Gonolu): consonants() counts a repeat once, so the cut
    leaves the name's consonants whole to it."""
    said, kept = _sounds_in_turn(source), _sounds_in_turn(target)
    return len(kept) < len(said) and said.startswith(kept)


def _end_written_out(rendering: str, cs: str, lang: str) -> bool:
    """The language's texts write this name with the end English may leave unsaid (Tibet /
    Tibet, Gosling / Gosling) and hardly use the rendering without it (Tibe, Goslin): one
    letter after the rendering makes a word they use more often that spells every consonant of
    the name and is no ordinary word (monet, coins, is no spelling of Monet / Mone). A French
    silent end keeps its own established rendering (Bernard / Bernar, Armand / Arman)."""
    lower = rendering.lower()
    # Cyrillic letters alone: a word of parts, or one kept in Latin, is no one word to complete,
    # and asking wordfreq about one costs a tokenizer.
    if not lower.isalpha() or not CYRILLIC_LETTER.search(lower):
        return False
    used = zipf(lower, lang)
    if used >= _ESTABLISHED_RENDERING_ZIPF:
        return False
    for letter in get(lang).alphabet:
        whole = lower + letter
        if zipf(whole, lang) > used and consonants(word_key(whole, lang)) == cs:
            info = analyse(whole, lang)
            if not (info.known and info.common_reading):
                return True
    return False


# From this wordfreq zipf on, a rendering without an unsaid end is an established one.
_ESTABLISHED_RENDERING_ZIPF = 2.5


@lru_cache(maxsize=65536)
def head_lost(word: str, rendering: str, lang: str) -> bool:
    """The rendering lacks the English word's first sound: a consonant (Giza / Izy,
    Timbuktu / Ombuktu), a consonant pair spoken as one (Christ / Rista), or an opening vowel
    that is a syllable of its own (Ishikawa / Sikava, Africa / Friki)."""
    written = fold_latin(word)
    sounds = english_name_sounds()
    source, target = match_key(word), word_key(rendering, lang)
    if len(source) < 4 or len(target) < 3 or written.startswith(sounds.silent_openings):
        return False
    if written[0] in _KEY_VOWELS and (len(written) < 2 or written[1] in _KEY_VOWELS + "y"):
        return False  # an opening vowel pair is one sound (Ealing / Iling, Auckland / Oklend)
    if source == target or _soft_g_rendered(written, rendering, lang):
        return False
    # A pair spoken as one sound is lost only whole: its second letter alone is the sound's
    # rendering (Christ / Khrista keys "christ" / "hrista").
    for k in ((2,) if written.startswith(sounds.one_sound_openings) else (1,)):
        rest = source[k:]
        if len(rest) < 3:
            continue
        if not (target[0] == rest[0] or (target[0] in _KEY_VOWELS and rest[0] in _KEY_VOWELS)):
            continue
        # The rendering may carry a case ending the English word lacks (Erdogan / rdoganom).
        for form in dict.fromkeys((target, target[:-1], target[:-2]) if len(rest) >= 4 else (target,)):
            if len(form) < 3:
                continue
            cr, ct = consonants(rest), consonants(form)
            if keys_close(rest, form) or (len(cr) >= 2 and (cr == ct or (
                    len(ct) >= 2 and cr.startswith(ct) and _silent_end(written, cr[len(ct):])))):
                return True  # the rest spelt alike, give or take an unsaid end (Armand / rman)
    return False


def _soft_g_rendered(written: str, rendering: str, lang: str) -> bool:
    """A soft g rendered as dzh or zh (Giancarlo / Dzhankarlo), whose key folds into the vowel
    after it: the key looks like the name without its first letter, the word does not."""
    return written[:1] == "g" and written[1:2] in "eiy" and transliterate(rendering, lang).lower().startswith(("dz", "zh"))


def _same_name(word: str, form: str, lang: str) -> bool:
    """A dictionary form that spells the English word's consonants from the start (Dunai for
    Danube), not another word the stump also inflects (gibnut for Gib)."""
    source, target = match_key(word), word_key(form, lang)
    cs, ct = consonants(source), consonants(target)
    return bool(ct) and source[:1] == target[:1] and cs.startswith(ct)


def word_loss(word: str, rendering: str, lang: str) -> str:
    """"garbled" (first sound lost), "truncated" (end lost), "shortened" (final vowel sound
    lost) or "" for one English name word and one Cyrillic word that renders it. A word the
    dictionary knows is read in its dictionary form too (Danube / Dunaya: Dunai)."""
    if head_lost(word, rendering, lang):
        return "garbled"
    how = tail_lost(word, rendering, lang)
    if how:
        info = analyse(rendering, lang)
        # A stump the language completes to the name (Tibe, Tibet) inflects no other name.
        if info.known and not _end_written_out(rendering, consonants(match_key(word)), lang) \
                and any(_same_name(word, lemma, lang) and not tail_lost(word, lemma, lang)
                        and _names_a_place_or_person(lemma, lang)
                        for lemma in info.lemmas if lemma != rendering.lower()):
            return ""
    return how


def _names_a_place_or_person(lemma: str, lang: str) -> bool:
    """The dictionary form a stump inflects must itself be a name (Dunai for Dunaya): a stump
    that is a form of an ordinary word (Per of pero for Perry, Mer of mera for Mersey) is no
    rendering of the name in another case."""
    return analyse(lemma, lang).name_tagged
