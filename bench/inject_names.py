"""Synthetic name errors for measuring recall: swap a name for another glossary name in the
same grammatical case, or drop it. Used by bench/names.py (and the combined checker
benchmark), never by the checker itself."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from align.model import NameMention
from align.names.extract import extract_names
from align.names.glossary import Glossary
from align.names.morph import case_of, inflect


@dataclass(frozen=True)
class Injection:
    text: str  # the corrupted sentence
    original: str  # the name as it was written
    replacement: str  # what stands there now ("" when dropped)
    kind: str  # "swap" | "drop"


def _inflected_form(form: str, like: str, lang: str) -> str | None:
    """`form` (a nominative glossary form) in the case and number of the written word `like`."""
    if lang == "en":
        return form + ("'s" if like.endswith(("'s", "’s")) else "")
    words = form.split()
    if len(words) != 1 or len(like.split()) != 1 or words[0].isupper():
        return form if len(words) == 1 and words[0].isupper() else None
    grammemes = case_of(like, lang)
    if not grammemes:
        return None
    return inflect(words[0], lang, grammemes)


def swap_name(text: str, lang: str, glossary: Glossary, rng: random.Random,
              mentions: list[NameMention] | None = None) -> Injection | None:
    """Replace one glossary name of `text` with another glossary name of the same sort
    (a place for a place, a person for a person), inflected like the original."""
    mentions = mentions if mentions is not None else extract_names(text, lang, glossary)
    candidates = [m for m in mentions if m.kind in ("name", "acronym") and glossary.entry(m.key)]
    rng.shuffle(candidates)
    for mention in candidates:
        entry = glossary.entry(mention.key)
        assert entry is not None
        pool = [e for e in glossary.entries
                if e.kind == entry.kind and e.id != entry.id and e.forms.get(lang)
                and len(e.preferred(lang).split()) == 1 and len(e.preferred(lang)) > 2]
        rng.shuffle(pool)
        for other in pool[:10]:
            form = _inflected_form(other.preferred(lang), mention.text, lang)
            if not form:
                continue
            new_text = text[:mention.start] + form + text[mention.end:]
            return Injection(new_text, mention.text, form, "swap")
    return None


def drop_name(text: str, lang: str, glossary: Glossary, rng: random.Random,
              mentions: list[NameMention] | None = None, glossary_only: bool = False) -> Injection | None:
    """Delete one name (not a demonym or common word; with `glossary_only`, a glossary name)
    and tidy the spaces around it."""
    mentions = mentions if mentions is not None else extract_names(text, lang, glossary)
    candidates = [m for m in mentions if m.kind not in ("demonym", "common", "adjective")
                  and (not glossary_only or glossary.entry(m.key) is not None)]
    if not candidates:
        return None
    mention = rng.choice(candidates)
    new_text = re.sub(r"\s{2,}", " ", text[:mention.start] + text[mention.end:]).strip()
    return Injection(new_text, mention.text, "", "drop")
