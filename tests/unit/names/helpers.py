"""What the name tests read of a check: an English sentence against its translation."""

from __future__ import annotations

from align.checking import check_pair


def name_issues(en: str, tgt: str, lang: str):
    """Every name issue of `tgt` (in `lang`) checked against the English `en`."""
    return [i for i in check_pair(en, tgt, "en", lang) if i.category == "name"]


def errors(en: str, tgt: str, lang: str):
    """The error-level name issues among them."""
    return [i for i in name_issues(en, tgt, lang) if i.severity == "error"]


def garbled(en: str, tgt: str, lang: str) -> list[tuple[str, str]]:
    """(expected, found) of the error-level garbled names."""
    return [(i.expected, i.found) for i in errors(en, tgt, lang) if i.rule == "name.garbled"]


def meaning_stand_in(meanings: dict[str, set[str]]):
    """A stand-in for the e5 literal reader (literal.rendering): the first lower-case word of the
    translation whose dictionary form `meanings` gives as a translation of the English word."""

    def rendering(name_word: str, source_text: str, target_text: str, lang: str) -> str:
        from align.names.morph import analyse

        for word in target_text.replace(",", " ").replace(".", " ").split():
            if word[:1].islower() and analyse(word, lang).lemma in meanings.get(name_word.lower(), ()):
                return word
        return ""

    return rendering
