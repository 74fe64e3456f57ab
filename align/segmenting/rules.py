"""Per-language splitter data: abbreviations with their classes and common sentence starters.

The lists live in data/lang/{lang}/abbreviations.txt and sentence_starters.txt and are read
through align.lang; this module only gathers what the rule splitter needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from align.errors import InputError
from align.lang import ABBREVIATION_CLASSES, get
from align.model import LANGS

__all__ = ["ABBREVIATION_CLASSES", "SplitterRules", "load_rules"]


@dataclass(frozen=True)
class SplitterRules:
    """Everything language-specific that the rule splitter needs."""

    lang: str
    # key: the abbreviation with spaces removed ("e.g."), value: its class
    abbreviations: dict[str, str]
    longest_parts: int  # most space-separated parts in any abbreviation (uk "i t. d." -> 3)
    starters: frozenset[str]
    fingerprint: str  # short digest of the data files, for the splitter signature
    quote_pairs: tuple[tuple[str, str], ...] = ()  # (opening, closing) quotation marks

    def abbreviation_class(self, key: str) -> str | None:
        """Class of an abbreviation as written (spaces removed); None when it is not one.

        A capitalised form of a lower-case entry (sentence-initial "St." for "st.") matches too.
        """
        found = self.abbreviations.get(key)
        if found is None and key[:1].isupper():
            found = self.abbreviations.get(key[:1].lower() + key[1:])
        return found


@cache
def load_rules(lang: str) -> SplitterRules:
    """The cached splitter data of one language (en, uk, ru)."""
    if lang not in LANGS:
        raise InputError(f"no sentence splitter for language {lang!r} (supported: {', '.join(LANGS)})")
    language = get(lang)
    return SplitterRules(lang, language.abbreviations, language.abbreviation_parts, language.sentence_starters,
                         language.digest("abbreviations.txt", "sentence_starters.txt"), language.quote_pairs)
