"""Consistency checking of aligned segments: figures, names, untranslated text, omissions, scores.

`Checker` is the one entry point (sacrebleu style): it holds every setting that shapes a score
and reports them in `Checker.signature`, so two numbers are comparable only when their
signatures are equal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from align import __version__
from align.alignment.aligner import CONFIDENCE_THRESHOLD
from align.model import Figure, Issue, NameMention, Segment, severity_rank
from align.textio import detect_language, normalized, original_span, script_profile

# Name kinds that are compared (demonyms, adjectives and common words only help matching).
CHECKED_NAME_KINDS = frozenset({"name", "acronym", "latin"})
# Penalty per issue when scoring: an error costs a whole figure/name, a warning half of one.
SEVERITY_PENALTY = {"error": 1.0, "warning": 0.5, "info": 0.0}
SCORE_VERSION = "1"


@dataclass(frozen=True)
class CheckSettings:
    figures: bool = True
    names: bool = True
    untranslated: bool = True
    # Segments the aligner is less sure of than this get an `alignment` warning.
    min_confidence: float = CONFIDENCE_THRESHOLD


def _import_extractors():
    from align.figures import compare_figures, extract_figures
    from align.names import compare_names, extract_names, load_glossary

    return extract_figures, compare_figures, extract_names, compare_names, load_glossary


class Checker:
    """Checks one source language against one or two target languages, segment by segment."""

    def __init__(self, glossary: Any = None, settings: CheckSettings | None = None) -> None:
        (self._extract_figures, self._compare_figures, self._extract_names, self._compare_names,
         load_glossary) = _import_extractors()
        from align.figures import FIGURES_VERSION

        self._figures_version = FIGURES_VERSION
        self.settings = settings or CheckSettings()
        self.glossary = glossary if glossary is not None else load_glossary()
        from align.names import names_signature

        self._names_signature = names_signature(self.glossary)

    def preload(self) -> None:
        """Load the language data checking reads lazily; see align.names.preload."""
        if self.settings.names:
            from align.names import preload

            preload()

    @property
    def signature(self) -> str:
        s = self.settings
        parts = [
            f"check:{__version__}",
            f"figures:v{self._figures_version}" if s.figures else "nofigures",
            self._names_signature if s.names else "nonames",
            "untranslated" if s.untranslated else "nountranslated",
            f"minconf:{s.min_confidence:g}",
            f"score:v{SCORE_VERSION}",
        ]
        return "|".join(parts)

    # -- extraction -------------------------------------------------------------------------
    # The extractors see NFC text without zero-width or bidi characters (textio.normalized);
    # found spans are mapped back, so start/end index the text as written while `text` stays the
    # normalised surface the comparisons key on.
    def figures(self, text: str, lang: str) -> list[Figure]:
        if not (self.settings.figures and text):
            return []
        clean, starts, ends = normalized(text)
        return _at_original(self._extract_figures(clean, lang), starts, ends)

    def names(self, text: str, lang: str) -> list[NameMention]:
        if not (self.settings.names and text):
            return []
        clean, starts, ends = normalized(text)
        return _at_original(self._extract_names(clean, lang, self.glossary), starts, ends)

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
        if self.settings.untranslated:
            issue = untranslated_issue(source_text, target_text, source_lang, target_lang)
            if issue is not None:
                return [issue]
        issues: list[Issue] = []
        if self.settings.figures:
            sf = source_figures if source_figures is not None else self.figures(source_text, source_lang)
            tf = target_figures if target_figures is not None else self.figures(target_text, target_lang)
            issues += self._compare_figures(sf, tf, source_lang, target_lang)
        if self.settings.names:
            sn = source_names if source_names is not None else self.names(source_text, source_lang)
            tn = target_names if target_names is not None else self.names(target_text, target_lang)
            issues += self._compare_names(sn, tn, source_lang, target_lang, self.glossary, target_text,
                                          source_text)
        return issues

    def check_segments(self, segments: list[Segment], source: str, languages: list[str]) -> None:
        """Fill issues, figures, names and scores of every segment in place."""
        targets = [lang for lang in languages if lang != source]
        for seg in segments:
            seg.issues = []
            for lang in languages:
                text = seg.text.get(lang, "")
                seg.figures[lang] = self.figures(text, lang)
                seg.names[lang] = self.names(text, lang)
            src_text = seg.text.get(source, "")
            for lang in targets:
                tgt_text = seg.text.get(lang, "")
                found: list[Issue]
                if src_text and not tgt_text:
                    found = [Issue("omission", "error", lang, _clip(src_text), "",
                                   f"{lang} has no translation of: {_clip(src_text)}", rule="omission")]
                elif tgt_text and not src_text:
                    found = [Issue("addition", "warning", lang, "", _clip(tgt_text),
                                   f"{lang} has text that is not in {source}: {_clip(tgt_text)}",
                                   rule="addition")]
                elif not src_text:
                    found = []
                else:
                    found = self.compare(src_text, tgt_text, source, lang,
                                         seg.figures[source], seg.figures[lang],
                                         seg.names[source], seg.names[lang])
                for issue in found:
                    issue.segment = seg.id
                    issue.assign_id(src_text, tgt_text)
                seg.issues.extend(found)
                seg.scores[lang] = pair_score(found, checked_items(seg, source))
            low = low_confidence_issue(seg, source, targets, self.settings.min_confidence)
            if low is not None:
                seg.issues.append(low)
            seg.score = min(seg.scores.values()) if seg.scores else 1.0

    def summarize(self, segments: list[Segment], source: str, languages: list[str]) -> dict[str, Any]:
        return summarize(segments, source, languages)


def _at_original(found: list, starts: list[int] | None, ends: list[int] | None) -> list:
    if starts is None:
        return found
    out = []
    for item in found:
        start, end = original_span(item.start, item.end, starts, ends)
        out.append(replace(item, start=start, end=end))
    return out


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
    found = detect_language(target_text)
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
