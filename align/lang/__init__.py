"""What align knows of each language, as data: `get("uk")` is Ukrainian.

One `Language` object per language reads data/lang/<code>/ (abbreviations and sentence
starters for the splitter, month names, number words, units, transliteration, quotation
marks, function words, ...). Nothing is read until it is asked for, and nothing twice: a
command that never splits Russian never opens a Russian file. The code of align holds no word
of any language; a new language is a new folder of data files (and an entry in
align.model.LANGS).

    >>> from align.lang import get
    >>> get("en").decimal_separator
    '.'
    >>> get("uk").quote_pairs[0] == ("\\u00ab", "\\u00bb")
    True
"""

from __future__ import annotations

import hashlib
import re
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from align.errors import InputError
from align.model import LANGS
from align.resources import lang_path, load_toml, read_lines

# What an abbreviation says about the period that ends it (see data/lang/en/abbreviations.txt).
ABBREVIATION_CLASSES: tuple[str, ...] = ("title", "number", "after_number", "end", "ambiguous")

_SPACES = re.compile(r"\s+")
# One letter of the Unicode Cyrillic block: whether a word or text is written (partly) in Cyrillic.
CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")


class Language:
    """The data of one language, each part read on first use and kept."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    # -- files ------------------------------------------------------------------------------

    def path(self, name: str) -> Path:
        """One of the language's data files, e.g. get("uk").path("abbreviations.txt")."""
        return lang_path(self.code, name)

    def table(self, name: str) -> dict[str, Any]:
        """A TOML file of the language by its stem (months, numbers, number_words, units,
        currencies, hedges, percent, roles, translit, language); {} when the language has none."""
        if not self.path(f"{name}.toml").is_file():
            return {}
        return load_toml("lang", self.code, f"{name}.toml")

    def words(self, name: str) -> tuple[str, ...]:
        """A plain word list of the language by its stem (name_stopwords, sentence_starters,
        institution_words, spelling_variants), in file order; () when the language has none."""
        path = self.path(f"{name}.txt")
        return tuple(read_lines(path)) if path.is_file() else ()

    def digest(self, *names: str) -> str:
        """Short digest of some of the language's files, for signatures of what they shape."""
        h = hashlib.sha1()
        for name in names:
            h.update(self.path(name).read_bytes())
        return h.hexdigest()[:8]

    # -- the language file (language.toml) ---------------------------------------------------

    @cached_property
    def _settings(self) -> dict[str, Any]:
        return self.table("language")

    @property
    def name(self) -> str:
        return self._settings["name"]

    @property
    def script(self) -> str:
        """"latin" or "cyrillic"."""
        return self._settings["script"]

    @cached_property
    def alphabet(self) -> str:
        """Every letter of the language, lower case."""
        return self._settings["alphabet"]

    @cached_property
    def vowels(self) -> frozenset[str]:
        """The vowel letters, lower case (none listed for a Latin-script language)."""
        return frozenset(self._settings.get("vowels", ""))

    @cached_property
    def distinct_letters(self) -> frozenset[str]:
        """Letters (both cases) that no other language of the same script has."""
        letters = self._settings.get("distinct_letters", "")
        return frozenset(letters) | frozenset(letters.upper())

    @cached_property
    def function_words(self) -> frozenset[str]:
        """The commonest words, lower case."""
        return frozenset(self._settings.get("function_words", ()))

    @cached_property
    def one_letter_words(self) -> frozenset[str]:
        """Words of one letter, lower case (a lone capital that is none of them is no word)."""
        return frozenset(self._settings.get("one_letter_words", ()))

    @cached_property
    def commonest_word(self) -> str:
        """The first of the function words: enough to load the language's word frequencies."""
        return self._settings["function_words"][0]

    @property
    def decimal_separator(self) -> str:
        return self._settings["numbers"]["decimal_separator"]

    @property
    def group_separator(self) -> str:
        return self._settings["numbers"]["group_separator"]

    @cached_property
    def quote_pairs(self) -> tuple[tuple[str, str], ...]:
        """(opening, closing) quotation marks; straight double quotes are not among them."""
        return tuple((opening, closing) for opening, closing in self._settings["quotes"]["pairs"])

    @cached_property
    def softened_endings(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(ending of a softened locative or dative, the endings its nominative may have);
        () where the language has no such alternation."""
        table = self._settings.get("morphology", {}).get("softened_endings", {})
        return tuple((ending, tuple(nominatives)) for ending, nominatives in table.items())

    @cached_property
    def place_tags_from(self) -> tuple[str, dict[str, str]] | None:
        """(a related language whose dictionary tags place names that this language's does
        not, the letters to spell a word as that language does), or None."""
        morphology = self._settings.get("morphology", {})
        other = morphology.get("place_tags_from")
        return (other, dict(morphology.get("place_tag_spelling", {}))) if other else None

    @cached_property
    def inflections(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(inflectional ending, what replaces it in the base form), in the order tried;
        () where none are listed (English: ministries -> ministr + y)."""
        table = self._settings.get("morphology", {}).get("inflections", {})
        return tuple((ending, tuple(bases)) for ending, bases in table.items())

    @cached_property
    def name_links(self) -> frozenset[str]:
        """Words that join two names in a list or a pair (and; i, ta, z), lower case."""
        return frozenset(self._settings.get("names", {}).get("links", ()))

    @cached_property
    def epithet_articles(self) -> frozenset[str]:
        """Articles between a name and its epithet (Erik the Red), lower case; none where a
        language has none."""
        return frozenset(self._settings.get("names", {}).get("epithet_articles", ()))

    @cached_property
    def demonym_endings(self) -> tuple[str, ...]:
        """Endings of words for peoples, languages and styles (English: -ian, -ese, -ish)."""
        return tuple(self._settings.get("morphology", {}).get("demonym_endings", ()))

    @cached_property
    def place_endings(self) -> tuple[str, ...]:
        """Endings a place name may have where its -an word has none (English: Cuba, Cuban)."""
        return tuple(self._settings.get("morphology", {}).get("place_endings", ()))

    @cached_property
    def hedge_examples(self) -> tuple[str, ...]:
        """Hedges of a figure quoted in advice to translators ("at least", "about")."""
        return tuple(self._settings.get("help", {}).get("hedge_examples", ()))

    # -- the sentence splitter's lists -------------------------------------------------------

    @cached_property
    def abbreviations(self) -> dict[str, str]:
        """Abbreviation as written with its spaces removed -> its class (ABBREVIATION_CLASSES)."""
        return self._abbreviations[0]

    @cached_property
    def abbreviation_parts(self) -> int:
        """Most space-separated parts of any abbreviation (three for "i t. d.")."""
        return self._abbreviations[1]

    @cached_property
    def _abbreviations(self) -> tuple[dict[str, str], int]:
        path = self.path("abbreviations.txt")
        table: dict[str, str] = {}
        longest = 1
        for line in read_lines(path):
            parts = line.split()
            if len(parts) < 2 or parts[-1] not in ABBREVIATION_CLASSES:
                raise InputError(f"{path}: bad line {line!r} (expected: abbreviation class)")
            written = " ".join(parts[:-1])
            if not written.endswith("."):
                raise InputError(f"{path}: abbreviation {written!r} must end with a period")
            table[_SPACES.sub("", written)] = parts[-1]
            longest = max(longest, len(parts) - 1)
        return table, longest

    @cached_property
    def sentence_starters(self) -> frozenset[str]:
        """Capitalised words that commonly open a news sentence."""
        return frozenset(self.words("sentence_starters"))

    # -- transliteration ---------------------------------------------------------------------

    @cached_property
    def translit(self) -> dict[str, dict[str, str]]:
        """The language's Latin transliteration: "letters" (one Latin spelling per letter),
        and the rules before them: "initial" (at the start of a word), "after_vowel" and
        "sequences" (letter groups). Empty tables for a Latin-script language."""
        data = self.table("translit")
        return {part: dict(data.get(part, {})) for part in ("letters", "initial", "after_vowel", "sequences")}


@cache
def get(code: str) -> Language:
    """The language `code` (en, uk, ru); one InputError line for any other."""
    if code not in LANGS:
        raise InputError(f"unknown language {code!r} (supported: {', '.join(LANGS)})")
    return Language(code)


@cache
def is_cyrillic(code: str | None) -> bool:
    """Whether `code` is one of the supported languages written in Cyrillic (False for any other)."""
    return code in LANGS and get(code).script == "cyrillic"


def languages(script: str | None = None) -> tuple[Language, ...]:
    """Every supported language (of one script: "latin", "cyrillic"), in align.model.LANGS order."""
    return tuple(lang for lang in map(get, LANGS) if script is None or lang.script == script)


__all__ = ["ABBREVIATION_CLASSES", "CYRILLIC_LETTER", "Language", "get", "is_cyrillic", "languages"]
