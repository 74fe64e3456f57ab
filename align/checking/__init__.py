"""Consistency checking of aligned segments: figures, names, untranslated text, omissions, scores.

`Checker` is the one entry point (sacrebleu style): it holds every setting that shapes a score
and reports them in `Checker.signature`, so two numbers are comparable only when their
signatures are equal. What is compared is a list of rules (align.checking.rules): figures and
names built in, and whatever a newsroom registers (`register_rule`, or the `align.rules` entry
point group of an installed package).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from align import __version__
from align.checking.rules import (
    BUILTIN_RULES,
    ENTRY_POINT_GROUP,
    Rule,
    RuleContext,
    Side,
    create_rule,
    register_rule,
    registered_rules,
    unregister_rule,
)
from align.memory import without_gc
from align.model import Figure, Issue, NameMention, Segment, severity_rank
from align.signature import Signature
from align.textio import detect_language, script_profile

# Name kinds that are compared (demonyms, adjectives and common words only help matching).
CHECKED_NAME_KINDS = frozenset({"name", "acronym", "latin"})
# Penalty per issue when scoring: an error costs a whole figure/name, a warning half of one.
SEVERITY_PENALTY = {"error": 1.0, "warning": 0.5, "info": 0.0}
SCORE_VERSION = "1"


def _confidence_threshold() -> float:
    # Read when settings are made, not when checking is imported: the aligner pulls in numpy,
    # and registering a rule (align.register_rule) must stay as cheap as `import align`.
    from align.alignment.aligner import CONFIDENCE_THRESHOLD

    return CONFIDENCE_THRESHOLD


@dataclass(frozen=True)
class CheckSettings:
    figures: bool = True
    names: bool = True
    untranslated: bool = True
    # Segments the aligner is less sure of than this get an `alignment` warning.
    min_confidence: float = field(default_factory=_confidence_threshold)


# Items of one text per rule name: {"figures": [...], "names": [...], "urls": [...]}.
Extracted = dict[str, list[Any]]


class Checker:
    """Checks one source language against one or two target languages, segment by segment.

    `rules`: names of registered rules or Rule objects, in order; by default the built-in
    ones the settings switch on, then every registered rule."""

    def __init__(self, glossary: Any = None, settings: CheckSettings | None = None,
                 rules: Sequence[str | Rule] | None = None) -> None:
        from align.names import load_glossary

        self.settings = settings or CheckSettings()
        self.glossary = glossary if glossary is not None else load_glossary()
        context = RuleContext(glossary=self.glossary)
        if rules is None:
            rules = [name for name in BUILTIN_RULES if getattr(self.settings, name)] + registered_rules()
        self.rules: list[Rule] = [rule if isinstance(rule, Rule) else create_rule(rule, context) for rule in rules]
        self._by_name = {rule.name: rule for rule in self.rules}

    def preload(self) -> None:
        """Load the language data the rules read lazily; see align.names.preload."""
        for rule in self.rules:
            rule.preload()

    @property
    def signature(self) -> Signature:
        s = self.settings
        active = {rule.name for rule in self.rules}
        return Signature.join([
            Signature.of(("check", __version__)),
            # A built-in rule that is off says so: "nofigures" and "figures:v4" never compare equal.
            *(self._by_name[name].signature() if name in active else Signature.of(f"no{name}")
              for name in BUILTIN_RULES),
            *(rule.signature() for rule in self.rules if rule.name not in BUILTIN_RULES),
            Signature.of("untranslated" if s.untranslated else "nountranslated",
                         ("minconf", f"{s.min_confidence:g}"), ("score", f"v{SCORE_VERSION}")),
        ])

    # -- extraction -------------------------------------------------------------------------
    def extract(self, text: str, lang: str) -> Extracted:
        """What every rule extracts from one text."""
        return {rule.name: rule.extract(text, lang) if text else [] for rule in self.rules}

    def figures(self, text: str, lang: str) -> list[Figure]:
        rule = self._by_name.get("figures")
        return rule.extract(text, lang) if rule is not None and text else []

    def names(self, text: str, lang: str) -> list[NameMention]:
        rule = self._by_name.get("names")
        return rule.extract(text, lang) if rule is not None and text else []

    # -- comparison -------------------------------------------------------------------------
    def compare(
        self,
        source_text: str,
        target_text: str,
        source_lang: str,
        target_lang: str,
        source_figures: list[Figure] | None = None,
        target_figures: list[Figure] | None = None,
        source_names: list[NameMention] | None = None,
        target_names: list[NameMention] | None = None,
    ) -> list[Issue]:
        """Issues of one non-empty source/target pair (ids and segment not yet assigned)."""
        given = ({"figures": source_figures, "names": source_names},
                 {"figures": target_figures, "names": target_names})
        return self.compare_extracted(source_text, target_text, source_lang, target_lang, *given)

    def compare_extracted(self, source_text: str, target_text: str, source_lang: str, target_lang: str,
                          source_items: dict[str, Any] | None = None,
                          target_items: dict[str, Any] | None = None) -> list[Issue]:
        """As `compare`, with each rule's items of either side when already extracted (a
        missing or None entry is extracted here)."""
        if self.settings.untranslated:
            issue = untranslated_issue(source_text, target_text, source_lang, target_lang)
            if issue is not None:
                return [issue]
        issues: list[Issue] = []
        for rule in self.rules:
            source = Side(source_lang, source_text, _items(rule, source_items, source_text, source_lang))
            target = Side(target_lang, target_text, _items(rule, target_items, target_text, target_lang))
            issues += rule.compare(source, target)
        return issues

    @without_gc
    def check_segments(self, segments: list[Segment], source: str, languages: list[str]) -> None:
        """Fill issues, figures, names and scores of every segment in place."""
        targets = [lang for lang in languages if lang != source]
        for seg in segments:
            seg.issues = []
            items = {lang: self.extract(seg.text.get(lang, ""), lang) for lang in languages}
            for lang in languages:
                # Always present (empty when the rule is off): the JSON report lists both.
                seg.figures[lang] = items[lang].get("figures", [])
                seg.names[lang] = items[lang].get("names", [])
            src_text = seg.text.get(source, "")
            for lang in targets:
                tgt_text = seg.text.get(lang, "")
                found = self._segment_pair(src_text, tgt_text, source, lang, items)
                for issue in found:
                    issue.segment = seg.id
                    issue.assign_id(src_text, tgt_text)
                seg.issues.extend(found)
                seg.scores[lang] = pair_score(found, checked_items(seg, source))
            low = low_confidence_issue(seg, source, targets, self.settings.min_confidence)
            if low is not None:
                seg.issues.append(low)
            seg.score = min(seg.scores.values()) if seg.scores else 1.0

    def _segment_pair(self, src_text: str, tgt_text: str, source: str, lang: str,
                      items: dict[str, Extracted]) -> list[Issue]:
        if src_text and not tgt_text:
            return [Issue("omission", "error", lang, _clip(src_text), "",
                          f"{lang} has no translation of: {_clip(src_text)}", rule="omission")]
        if tgt_text and not src_text:
            return [Issue("addition", "warning", lang, "", _clip(tgt_text),
                          f"{lang} has text that is not in {source}: {_clip(tgt_text)}", rule="addition")]
        if not src_text:
            return []
        return self.compare_extracted(src_text, tgt_text, source, lang, items[source], items[lang])

    def summarize(self, segments: list[Segment], source: str, languages: list[str]) -> dict[str, Any]:
        return summarize(segments, source, languages)


def _items(rule: Rule, given: dict[str, Any] | None, text: str, lang: str) -> list[Any]:
    found = (given or {}).get(rule.name)
    return found if found is not None else rule.extract(text, lang) if text else []


def summarize(segments: list[Segment], source: str, languages: list[str]) -> dict[str, Any]:
    """Document-level counts and per-language scores, weighted by how much each segment holds."""
    counts = {"error": 0, "warning": 0, "info": 0}
    by_category: dict[str, int] = {}
    for seg in segments:
        for issue in seg.issues:
            counts[issue.severity] += 1
            by_category[issue.category] = by_category.get(issue.category, 0) + 1
    scores: dict[str, float] = {}
    for lang in languages:
        if lang == source:
            continue
        num = den = 0.0
        for seg in segments:
            if lang not in seg.scores:
                continue
            weight = max(1, checked_items(seg, source))
            num += seg.scores[lang] * weight
            den += weight
        scores[lang] = round(num / den, 4) if den else 1.0
    return {
        "segments": len(segments),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "by_category": dict(sorted(by_category.items())),
        "score": scores,
    }


def low_confidence_issue(seg: Segment, source: str, targets: list[str], threshold: float) -> Issue | None:
    """An `alignment` warning for a segment the aligner is unsure of."""
    if seg.confidence >= threshold:
        return None
    present = [lang for lang in targets if seg.text.get(lang)] or targets
    issue = Issue("alignment", "warning", present[0], "", "",
                  f"alignment of this segment is uncertain (confidence {seg.confidence:.2f}); "
                  f"check that the {'/'.join(present)} text renders the {source} text",
                  rule="alignment.low_confidence")
    issue.segment = seg.id
    issue.assign_id(seg.text.get(source, ""), " ".join(seg.text.get(lang, "") for lang in targets))
    return issue


def checked_items(seg: Segment, lang: str) -> int:
    """How many figures and names of `lang` the segment's score is taken over."""
    return len(seg.figures.get(lang, [])) + sum(n.kind in CHECKED_NAME_KINDS for n in seg.names.get(lang, []))


def worst_severity(issues: list[Issue]) -> str | None:
    return max((i.severity for i in issues), key=severity_rank, default=None)


def untranslated_issue(source_text: str, target_text: str, source_lang: str, target_lang: str) -> Issue | None:
    """A target sentence still in the source language (or in the wrong target language)."""
    if source_lang == target_lang:
        return None
    latin, cyr = script_profile(target_text)
    if latin + cyr < 12:  # too short to judge: a name, an acronym, a figure
        return None
    same = _normalise(source_text) == _normalise(target_text)
    found = detect_language(target_text, (latin, cyr))
    if not same and (found is None or found == target_lang):
        return None
    if not same and found != source_lang and {found, target_lang} != {"uk", "ru"}:
        return None
    what = "the source text" if same or found == source_lang else f"'{found}'"
    return Issue("untranslated", "error", target_lang, "", _clip(target_text),
                 f"{target_lang} sentence is still {what}: {_clip(target_text)}", rule="untranslated")


def pair_score(issues: list[Issue], items: int) -> float:
    if any(i.category in ("omission", "addition", "untranslated") for i in issues):
        return 0.0
    penalty = sum(SEVERITY_PENALTY[i.severity] for i in issues)
    return max(0.0, 1.0 - penalty / max(items, 1))


# The source sentence is compared with each translation in turn.
@lru_cache(maxsize=1024)
def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@lru_cache(maxsize=1)
def default_checker() -> Checker:
    return Checker()


def check_pair(source_text: str, target_text: str, source_lang: str, target_lang: str) -> list[Issue]:
    """Issues between one source sentence and its translation, with the shipped glossary."""
    return default_checker().compare(source_text, target_text, source_lang, target_lang)


__all__ = [
    "BUILTIN_RULES",
    "ENTRY_POINT_GROUP",
    "CheckSettings",
    "Checker",
    "Rule",
    "RuleContext",
    "Side",
    "check_pair",
    "checked_items",
    "create_rule",
    "default_checker",
    "low_confidence_issue",
    "pair_score",
    "register_rule",
    "registered_rules",
    "summarize",
    "unregister_rule",
    "untranslated_issue",
    "worst_severity",
]
