"""The built-in rules: figures (align.figures) and names (align.names) must agree."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import Any

from align.checking.rules import Rule, RuleContext, Side
from align.model import Figure, Issue, NameMention
from align.signature import Signature
from align.textio import normalized, original_span


def _normalized_extract(extract, text: str, lang: str) -> list:
    """Extractors see NFC text without zero-width or bidi characters (textio.normalized); found
    spans are mapped back, so start/end index the text as written while `text` stays the
    normalised surface the comparisons key on."""
    if not text:
        return []
    clean, starts, ends = normalized(text)
    found = extract(clean, lang)
    if starts is None:
        return found
    out = []
    for item in found:
        start, end = original_span(item.start, item.end, starts, ends)
        out.append(replace(item, start=start, end=end))
    return out


class FigureRule(Rule):
    """Numbers, amounts, percentages, money, dates, times and units agree by value."""

    name = "figures"
    segment_field = "figures"

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        from align.figures import compare_figures, extract_figures, figures_signature

        self._extract, self._compare, self._signature = extract_figures, compare_figures, figures_signature

    def extract(self, text: str, lang: str) -> list[Figure]:
        return _normalized_extract(self._extract, text, lang)

    def compare(self, source: Side, target: Side) -> list[Issue]:
        return self._compare(list(source.items), list(target.items), source.lang, target.lang)

    def signature(self) -> Signature:
        return self._signature()

    def preload(self) -> None:
        from align.figures import preload

        preload()


class NameRule(Rule):
    """People, places and organisations match as entities, through inflection and scripts."""

    name = "names"
    segment_field = "names"

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        from align.names import compare_names, extract_names

        self._extract_names, self._compare = extract_names, compare_names

    @property
    def glossary(self) -> Any:
        return self.context.glossary

    def extract(self, text: str, lang: str) -> list[NameMention]:
        return _normalized_extract(self._extract_one, text, lang)

    def _extract_one(self, text: str, lang: str) -> list[NameMention]:
        return self._extract_names(text, lang, self.glossary)

    def compare(self, source: Side, target: Side) -> list[Issue]:
        return self._compare(list(source.items), list(target.items), source.lang, target.lang, self.glossary,
                             target.text, source.text)

    def signature(self) -> Signature:
        return self._signature

    @cached_property
    def _signature(self) -> Signature:
        from align.names import names_signature

        return names_signature(self.glossary)

    def preload(self) -> None:
        from align.names import preload

        preload()


BUILTIN: dict[str, type[Rule]] = {"figures": FigureRule, "names": NameRule}
