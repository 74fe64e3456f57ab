"""Name errors made on real Ukrainian/Russian translations, independently of the checker.

Three kinds, each seeded and deterministic per (seed, language, kind, line):

- substitution: one Cyrillic proper name replaced by another proper name of the same corpus
  side that ends in the same two letters (so the inflection looks right), that is not the same
  name and does not sound like any capitalised word of the English line;
- truncation: the first letter dropped (the new first letter capitalised, or the whole word in
  lower case, as MT does: «оханнесбург») or the last syllable dropped (Mechichi / «Мечи»);
- literal rendering: an English name word that is a common word (wordfreq zipf >= 3.5, listed
  in literal_words.tsv) whose transliteration the target carries is replaced by the list's
  lower-case common word (the Gold fire / «золотий пожар», Emma Stone / «Емма камінь»);
  `literal_unseen` does the same with literal_words_unseen.tsv, words added after the rule
  was built, whose lines were never read.

Cyrillic proper names are capitalised words not at a sentence start whose pymorphy3 parse
carries Name/Surn/Patr/Geox/Orgn, or that pymorphy3 does not know, or (because the Ukrainian
dictionary tags few places: Києва, Сирії carry no Geox) nouns that the corpus never writes in
lower case. Nothing here imports the checker (align), so the perturbations do not move when the
checker does.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

KINDS = ("substitution", "truncate_first", "truncate_syllable", "literal", "literal_unseen")
# Kinds made on every line where they apply, the same for every seed.
EVERY_LINE_KINDS = frozenset({"literal", "literal_unseen"})
PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})
LITERAL_MIN_ZIPF = 3.5
LITERAL_WORDS = Path(__file__).resolve().parent / "literal_words.tsv"
LITERAL_WORDS_UNSEEN = Path(__file__).resolve().parent / "literal_words_unseen.tsv"

CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:['\u2019\u02bc-][\u0400-\u04ff]+)*")
LATIN_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")
# What may stand between a sentence end and the next sentence's first word.
_OPENERS = " \t\"'«»„“”‘’([—–-"
_SENTENCE_END = ".!?…"
_VOWELS = set("аеєиіїоуюяыэёaeiouy")

# A rough phonetic transcription, enough to tell whether a Cyrillic word sounds like an English
# one (Стоун ~ Stone, Голда ~ Gold); deliberately not the checker's transliteration.
_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "io",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "'": "", "\u2019": "", "\u02bc": "", "-": "",
}
_SKELETON_FOLDS = (("shch", "s"), ("sch", "s"), ("ch", "c"), ("sh", "s"), ("zh", "z"), ("kh", "h"),
                   ("ph", "f"), ("th", "t"), ("ck", "k"), ("ts", "c"), ("x", "ks"), ("q", "k"),
                   ("c", "k"), ("w", "v"), ("j", "d"), ("g", "h"), ("h", ""), ("z", "s"))


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    word: str


@dataclass(frozen=True)
class Perturbation:
    kind: str
    lang: str
    line: int
    original: str  # the target word that was changed
    replacement: str  # what took its place
    text: str  # the perturbed target line
    clean: str  # the untouched target line


@lru_cache(maxsize=2)
def _morph(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def skeleton(word: str) -> str:
    """Consonant skeleton of a word in either script: first letter kept, later vowels dropped,
    sound-alike spellings folded (Stone/Стоун -> stn, Carter/Картер -> krtr)."""
    text = word.lower()
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        text = "".join(_CYR_TO_LAT.get(ch, ch) for ch in text)
    text = re.sub(r"[^a-z]", "", text)
    for old, new in _SKELETON_FOLDS:
        text = text.replace(old, new)
    if not text:
        return ""
    rest = "".join(ch for ch in text[1:] if ch not in "aeiouy")
    return re.sub(r"(.)\1+", r"\1", text[0] + rest)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    return not before or before[-1] in _SENTENCE_END


def _is_title(word: str) -> bool:
    return word[:1].isupper() and any(ch.islower() for ch in word[1:])


def capitalised_words(text: str, pattern: re.Pattern = CYRILLIC_WORD) -> list[NameSpan]:
    """Title-case words (not all-capital acronyms) that do not open a sentence."""
    return [NameSpan(m.start(), m.end(), m.group()) for m in pattern.finditer(text)
            if _is_title(m.group()) and not _sentence_initial(text, m.start())]


def lower_case_vocabulary(lines: Iterable[str]) -> frozenset[str]:
    """Every word the corpus writes in lower case somewhere."""
    return frozenset(m.group() for line in lines for m in CYRILLIC_WORD.finditer(line)
                     if m.group()[:1].islower())


def is_proper(word: str, lang: str, lower_vocab: frozenset[str] = frozenset()) -> bool:
    morph = _morph(lang)
    lowered = word.lower()
    # Hyphenated names (Нью-Йорк) are judged by their last part, which carries the case ending.
    last = lowered.split("-")[-1]
    if not morph.word_is_known(last):
        return True
    parses = morph.parse(last)
    if any(PROPER_TAGS & set(p.tag.grammemes) for p in parses):
        return True
    return bool(lower_vocab) and parses[0].tag.POS == "NOUN" and lowered not in lower_vocab


def find_names(text: str, lang: str, lower_vocab: frozenset[str] = frozenset()) -> list[NameSpan]:
    """Cyrillic proper names of one line (see the module docstring for the test)."""
    return [span for span in capitalised_words(text) if is_proper(span.word, lang, lower_vocab)]


def _sounds_alike(a: str, b: str) -> bool:
    """Skeletons that could be one name: the same first three sounds, or one a prefix of the
    other (kept generous: a substitute must clearly be someone else)."""
    if min(len(a), len(b)) < 2:
        return a == b
    return a[:3] == b[:3] or a.startswith(b) or b.startswith(a)


def _replace(text: str, span: NameSpan, new: str) -> str:
    return text[:span.start] + new + text[span.end:]


def _rng(seed: int, lang: str, kind: str, line: int) -> random.Random:
    return random.Random(f"{seed}/{lang}/{kind}/{line}")


def drop_first_letter(word: str, keep_capital: bool) -> str:
    rest = word[1:]
    return rest[:1].upper() + rest[1:] if keep_capital else rest.lower()


def drop_last_syllable(word: str) -> str | None:
    """The word without its last syllable (Мечичі -> Мечі, Йоханнесбурга -> Йоханнесбур), or
    None when it has one syllable or too little would be left."""
    lowered = word.lower()
    vowels = [i for i, ch in enumerate(lowered) if ch in _VOWELS]
    # vowel groups: the first vowel of each run
    groups = [i for i in vowels if i == 0 or lowered[i - 1] not in _VOWELS]
    if len(groups) < 2:
        return None
    last, previous = groups[-1], groups[-2]
    previous_end = previous
    while previous_end + 1 < len(lowered) and lowered[previous_end + 1] in _VOWELS:
        previous_end += 1
    consonants = last - previous_end - 1
    # one consonant opens the last syllable (Ме-чи); of a cluster the first closes the one before
    cut = previous_end + 1 + (1 if consonants >= 2 else 0)
    result = word[:cut]
    return result if len(result) >= 3 and result.lower() != lowered else None


def load_literal_words(path: Path = LITERAL_WORDS) -> dict[str, dict[str, str]]:
    """en word -> {"uk": rendering, "ru": rendering} from the committed TSV."""
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    return {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in body}


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


class NamePerturber:
    """Perturbations of one target side (uk or ru) of a line-aligned en/target corpus."""

    def __init__(self, lang: str, en_lines: list[str], target_lines: list[str], seed: int) -> None:
        if lang not in ("uk", "ru"):
            raise ValueError(f"no name perturbations for {lang!r}")
        if len(en_lines) != len(target_lines):
            raise ValueError("the English and target corpora are not line-aligned")
        self.lang, self.seed = lang, seed
        self.en, self.target = en_lines, target_lines
        self.lower_vocab = lower_case_vocabulary(target_lines)
        self.names = [find_names(line, lang, self.lower_vocab) for line in target_lines]
        pool: dict[str, set[str]] = defaultdict(set)
        for spans in self.names:
            for span in spans:
                if len(span.word) >= 4:
                    pool[span.word[-2:].lower()].add(span.word)
        self.pool = {ending: sorted(words) for ending, words in pool.items()}
        self.literal_words = load_literal_words()
        self.literal_words_unseen = load_literal_words(LITERAL_WORDS_UNSEEN)

    def lines_with_names(self) -> list[int]:
        return [i for i, spans in enumerate(self.names) if spans]

    def sample_lines(self, share: float = 1 / 3) -> list[int]:
        """A seeded random share of the lines that carry a name, in line order."""
        lines = self.lines_with_names()
        rng = random.Random(f"{self.seed}/{self.lang}/sample")
        return sorted(rng.sample(lines, round(len(lines) * share)))

    def perturb(self, kind: str, line: int) -> Perturbation | None:
        method = {"substitution": self.substitute, "truncate_first": self.truncate_first,
                  "truncate_syllable": self.truncate_syllable, "literal": self.literal,
                  "literal_unseen": self.literal_unseen}[kind]
        return method(line)

    def _make(self, kind: str, line: int, span: NameSpan, new: str) -> Perturbation:
        clean = self.target[line]
        return Perturbation(kind, self.lang, line, span.word, new, _replace(clean, span, new), clean)

    def _english_skeletons(self, line: int) -> list[str]:
        return [skeleton(m.group()) for m in LATIN_WORD.finditer(self.en[line]) if m.group()[:1].isupper()]

    def substitute(self, line: int) -> Perturbation | None:
        rng = _rng(self.seed, self.lang, "substitution", line)
        english = [s for s in self._english_skeletons(line) if s]
        in_line = {m.group().lower() for m in CYRILLIC_WORD.finditer(self.target[line])}
        morph = _morph(self.lang)
        options: list[tuple[NameSpan, list[str]]] = []
        for span in self.names[line]:
            lemma = morph.parse(span.word.lower())[0].normal_form
            candidates = []
            for word in self.pool.get(span.word[-2:].lower(), []):
                key = skeleton(word)
                if (word.lower() in in_line or morph.parse(word.lower())[0].normal_form == lemma
                        or key[:3] == skeleton(span.word)[:3] or any(_sounds_alike(key, e) for e in english)):
                    continue
                candidates.append(word)
            if candidates:
                options.append((span, candidates))
        if not options:
            return None
        span, candidates = rng.choice(options)
        return self._make("substitution", line, span, rng.choice(candidates))

    def truncate_first(self, line: int) -> Perturbation | None:
        rng = _rng(self.seed, self.lang, "truncate_first", line)
        spans = [s for s in self.names[line] if len(s.word) >= 4 and "-" not in s.word[:2]]
        if not spans:
            return None
        span = rng.choice(spans)
        return self._make("truncate_first", line, span, drop_first_letter(span.word, rng.random() < 0.5))

    def truncate_syllable(self, line: int) -> Perturbation | None:
        rng = _rng(self.seed, self.lang, "truncate_syllable", line)
        options = [(s, cut) for s in self.names[line] if (cut := drop_last_syllable(s.word))]
        if not options:
            return None
        span, cut = rng.choice(options)
        return self._make("truncate_syllable", line, span, cut)

    def literal_candidates(self, line: int, words: dict[str, dict[str, str]] | None = None
                           ) -> list[tuple[NameSpan, str]]:
        """(target word, literal rendering) pairs: an English capitalised common word of the
        list (by default literal_words.tsv) whose transliteration the target line carries."""
        words = self.literal_words if words is None else words
        found = []
        english = capitalised_words(self.en[line], LATIN_WORD)
        targets = capitalised_words(self.target[line])
        for en_span in english:
            word = en_span.word.lower()
            rendering = words.get(word, {}).get(self.lang)
            if not rendering or _zipf(word) < LITERAL_MIN_ZIPF:
                continue
            en_key = skeleton(word)
            for span in targets:
                # A capitalised translation (Червоний Хрест) lower-cased is a casing slip, not a
                # literal rendering, and a hyphenated compound (Кемп-Девідська) has no clean
                # common-word counterpart: only a transliterated name word is replaced.
                # The skeleton may exceed the English one by a case ending's consonant (Бруксом).
                key = skeleton(span.word)
                transliterated = len(en_key) >= 2 and key.startswith(en_key) and len(key) <= len(en_key) + 1
                already_common = span.word.lower().startswith(rendering[:4])
                if "-" not in span.word and transliterated and not already_common:
                    found.append((span, rendering))
        return found

    def literal(self, line: int) -> Perturbation | None:
        return self._literal("literal", line, self.literal_words)

    def literal_unseen(self, line: int) -> Perturbation | None:
        """A literal rendering from the held-out list (literal_words_unseen.tsv)."""
        return self._literal("literal_unseen", line, self.literal_words_unseen)

    def _literal(self, kind: str, line: int, words: dict[str, dict[str, str]]) -> Perturbation | None:
        options = self.literal_candidates(line, words)
        if not options:
            return None
        span, rendering = _rng(self.seed, self.lang, kind, line).choice(options)
        return self._make(kind, line, span, rendering)
