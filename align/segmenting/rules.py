"""Per-language splitter data: abbreviations with their classes and common sentence starters.

The lists live in data/lang/{lang}/abbreviations.txt and sentence_starters.txt; this module
only parses and caches them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

from align.errors import InputError
from align.model import LANGS
from align.resources import lang_path, read_lines

# What an abbreviation says about the period that ends it (see data/lang/en/abbreviations.txt).
ABBREVIATION_CLASSES: tuple[str, ...] = ("title", "number", "after_number", "end", "ambiguous")

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SplitterRules:
    """Everything language-specific that the rule splitter needs."""

    lang: str
    # key: the abbreviation with spaces removed ("т.д."), value: its class
    abbreviations: dict[str, str]
    longest_parts: int  # most space-separated parts in any abbreviation ("і т. д." -> 3)
    starters: frozenset[str]
    fingerprint: str  # short digest of the data files, for the splitter signature

    def abbreviation_class(self, key: str) -> str | None:
        """Class of an abbreviation as written (spaces removed); None when it is not one.

        A capitalised form of a lower-case entry (sentence-initial "Ст." for "ст.") matches too.
        """
        found = self.abbreviations.get(key)
        if found is None and key[:1].isupper():
            found = self.abbreviations.get(key[:1].lower() + key[1:])
        return found


def _parse_abbreviations(lang: str) -> tuple[dict[str, str], int]:
    path = lang_path(lang, "abbreviations.txt")
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


@cache
def load_rules(lang: str) -> SplitterRules:
    """The cached splitter data of one language (en, uk, ru)."""
    if lang not in LANGS:
        raise InputError(f"no sentence splitter for language {lang!r} (supported: {', '.join(LANGS)})")
    abbreviations, longest = _parse_abbreviations(lang)
    starters = frozenset(read_lines(lang_path(lang, "sentence_starters.txt")))
    digest = hashlib.sha1()
    for name in ("abbreviations.txt", "sentence_starters.txt"):
        digest.update(lang_path(lang, name).read_bytes())
    return SplitterRules(lang, abbreviations, longest, starters, digest.hexdigest()[:8])
