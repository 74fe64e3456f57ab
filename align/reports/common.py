"""Helpers every renderer shares: summaries, ordering, locations, highlight spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from align.model import Issue, Report, Segment, severity_rank
from align.signature import Signature
from align.textio import normalized

SEVERITY_ORDER: tuple[str, ...] = ("error", "warning", "info")  # most severe first, for display

# Characters XML 1.0 forbids even when escaped; a stray control character from a pasted text must
# not make the JUnit/TMX file unreadable.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry."""
    return _XML_INVALID.sub("", text)


def clip(text: str, limit: int = 160) -> str:
    """One line of at most `limit` characters, for terminal and Markdown snippets."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sorted_issues(issues: list[Issue]) -> list[Issue]:
    """Most severe first, then by language, keeping the checker's order otherwise."""
    return sorted(issues, key=lambda i: (-severity_rank(i.severity), i.lang))


def targets(report: Report) -> list[str]:
    return [lang for lang in report.languages if lang != report.source]


def summary_of(report: Report) -> dict[str, Any]:
    """The report's summary, completed from the segments where the pipeline left keys out."""
    counts = {sev: 0 for sev in SEVERITY_ORDER}
    by_category: dict[str, int] = {}
    for issue in report.issues:
        counts[issue.severity] = counts.get(issue.severity, 0) + 1
        by_category[issue.category] = by_category.get(issue.category, 0) + 1
    scores: dict[str, float] = {}
    for lang in targets(report):
        values = [seg.scores[lang] for seg in report.segments if lang in seg.scores]
        scores[lang] = round(sum(values) / len(values), 4) if values else 1.0
    computed: dict[str, Any] = {
        "segments": len(report.segments),
        "errors": counts["error"],
        "warnings": counts["warning"],
        "infos": counts["info"],
        "by_category": dict(sorted(by_category.items())),
        "score": scores,
    }
    merged = dict(computed)
    merged.update(report.summary or {})
    if not merged.get("score"):
        merged["score"] = scores
    return merged


def issues_by_lang(report: Report) -> dict[str, dict[str, int]]:
    """{lang: {"error": n, "warning": n, "info": n}} for every language of the report."""
    out = {lang: {sev: 0 for sev in SEVERITY_ORDER} for lang in report.languages}
    for issue in report.issues:
        out.setdefault(issue.lang, {sev: 0 for sev in SEVERITY_ORDER})
        out[issue.lang][issue.severity] = out[issue.lang].get(issue.severity, 0) + 1
    return out


def line_near(report: Report, lang: str, segment: Segment) -> int | None:
    """The segment's line in `lang`; for a segment with nothing in `lang` (an omission), the line
    of the closest earlier segment that has text there, which is where the text is missing."""
    line = report.line_of(lang, segment)
    if line is not None:
        return line
    before = None
    for seg in report.segments:
        if seg is segment or seg.id == segment.id:
            break
        found = report.line_of(lang, seg)
        if found is not None:
            before = found
    return before


def segment_label(report: Report, segment: Segment, lang: str | None = None) -> str:
    """`segment 12 (line 14)` in `lang`, or with the source line when `lang` has no text there."""
    lang = lang or report.source
    line = report.line_of(lang, segment)
    if line is not None:
        return f"segment {segment.id} (line {line})"
    src_line = report.line_of(report.source, segment)
    if src_line is not None:
        return f"segment {segment.id} ({report.source} line {src_line})"
    return f"segment {segment.id}"


def unsaid_values(issue: Issue) -> list[tuple[str, str]]:
    """("expected", value) and ("found", value) where the message does not already say them."""
    return [(label, value) for label, value in (("expected", issue.expected), ("found", issue.found))
            if value and value not in issue.message]


def issue_detail(issue: Issue) -> str:
    """The message plus what was expected and found, when the message does not already say it."""
    parts = [issue.message]
    extra = [f"{label} {value!r}" for label, value in unsaid_values(issue)]
    if extra:
        parts.append(f"({', '.join(extra)})")
    return " ".join(parts)


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of one segment's text: a figure or a name."""

    start: int
    end: int
    kind: str  # "figure" | "name"
    key: str
    label: str  # figure kind or name kind, for the tooltip


def spans_of(segment: Segment, lang: str) -> list[Span]:
    """Figure and name spans of `lang`'s text, checked against the text and without overlaps.

    Offsets that do not match the text (a stage that normalised whitespace, say) are repaired by
    looking the surface form up; spans that still do not fit are dropped rather than drawn wrong.
    """
    text = segment.text.get(lang, "")
    raw: list[Span] = []
    for fig in segment.figures.get(lang, []):
        span = _fit(text, fig.start, fig.end, fig.text)
        if span:
            raw.append(Span(span[0], span[1], "figure", fig.key, fig.kind))
    for name in segment.names.get(lang, []):
        span = _fit(text, name.start, name.end, name.text)
        if span:
            raw.append(Span(span[0], span[1], "name", name.key, name.kind))
    # Longer spans win an overlap: "7.66 billion dollars" over a "7.66" found inside it.
    raw.sort(key=lambda s: (-(s.end - s.start), s.start))
    chosen: list[Span] = []
    for span in raw:
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _fit(text: str, start: int, end: int, surface: str) -> tuple[int, int] | None:
    # The checker extracts from normalised text (NFC, no zero-width characters) and maps spans
    # back: the written slice then normalises to the surface form.
    if 0 <= start < end <= len(text) and (not surface or text[start:end] == surface
                                          or normalized(text[start:end])[0] == surface):
        return start, end
    if surface:
        found = text.find(surface)
        if found >= 0:
            return found, found + len(surface)
    return None


def short_signature(signature: str) -> str:
    """The short rendering (align.signature.Signature.short): under 120 characters, ending
    with a digest of the complete signature."""
    return (signature if isinstance(signature, Signature) else Signature.parse(signature)).short()
