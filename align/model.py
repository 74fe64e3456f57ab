"""The data that flows through align: text -> sentences -> segments -> issues -> report.

Every capability (segmenting, alignment, figures, names, checking, translation, reports)
reads and writes these types and nothing else, so the stages stay independent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from align.signature import Signature

LANGS: tuple[str, ...] = ("en", "uk", "ru")
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")  # ascending
CATEGORIES: tuple[str, ...] = ("figure", "name", "omission", "addition", "untranslated", "alignment")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Sentence:
    """One sentence of one document, with where it came from (for SARIF line locations)."""

    index: int  # 0-based index within its document (see report-format.md for the input modes)
    text: str
    start: int = 0  # character offsets into Document.text
    end: int = 0
    line: int = 1  # 1-based line of Document.text where the sentence starts
    paragraph: int = 0  # 0-based paragraph number; paragraph breaks are hard boundaries


@dataclass
class Document:
    lang: str
    text: str
    sentences: list[Sentence]
    path: str | None = None
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Figure:
    """A figure found in a sentence, normalised so that en/uk/ru forms compare equal.

    `key` is the canonical comparable form (e.g. "7660000000 USD", "2024-01-02", "70 %",
    "99", "20 mile"); two figures agree when their keys are equal. `value` carries the
    numeric part(s) for tolerant comparisons (unit conversions, rounding).
    """

    kind: str  # number | ordinal | money | percent | date | time | decade | unit | range
    key: str
    text: str  # surface form as written
    start: int
    end: int
    value: tuple[float, ...] = ()
    unit: str | None = None  # canonical unit or currency: "km", "mile", "USD", "UAH", "%", ...
    hedge: str | None = None  # canonical hedge: at_least | about | almost | more_than | less_than | up_to
    hedge_text: str = ""  # the hedge as written ("at least", uk "ponad")
    context: str = ""  # the word the figure counts, for messages: "missiles"
    # What the number is part of, when that changes how a lost one is judged: "code" (ISO 4049,
    # T25FW), "label" (group I, ru 1-ya gruppa), "compound" (3-D), "title" (60 Minutes), "idiom"
    # (half, centenary), "slash" (9/11: a date or a fraction). "" for a plain figure.
    role: str = ""


@dataclass(frozen=True)
class NameMention:
    """A proper name in a sentence. `key` is language-independent (glossary id or a Latin
    transliteration of the lemma), so Zelenskyy and its inflected Ukrainian and Russian
    forms share it."""

    text: str
    start: int
    end: int
    key: str
    lemma: str = ""
    kind: str = "name"  # name | acronym | latin (Latin script inside Cyrillic text)
    initial: bool = False  # opens its sentence, where a capital is no evidence of a name


@dataclass
class Issue:
    category: str  # one of CATEGORIES
    severity: str  # one of SEVERITIES
    lang: str  # language in which the problem was found
    expected: str  # what the source has ("" when nothing)
    found: str  # what `lang` has ("" when missing)
    message: str  # a sentence a translator understands without reading code
    rule: str = ""  # finer kind, e.g. figure.mismatch, figure.hedge, name.missing
    segment: int = -1
    id: str = ""
    # What decided a name or figure finding: "glossary", "gazetteer" (GeoNames/CLDR), "sound"
    # (transliteration and consonant skeletons), "acronym", "designation"; "" when obvious.
    evidence: str = ""

    def assign_id(self, source_text: str, target_text: str) -> None:
        """Stable for the same texts and finding, whatever the segment's position, so an
        accepted issue stays accepted when the document around it changes."""
        digest = hashlib.sha1(
            "\x1f".join(
                [self.category, self.rule, self.lang, self.expected, self.found, source_text, target_text]
            ).encode("utf-8")
        ).hexdigest()[:10]
        self.id = f"{self.category}:{self.lang}:{digest}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "severity": self.severity,
            "lang": self.lang,
            "expected": self.expected,
            "found": self.found,
            "message": self.message,
            "rule": self.rule,
            **({"evidence": self.evidence} if self.evidence else {}),
        }


@dataclass
class Segment:
    """Sentences that render one another across the languages; empty lists mean omission/addition."""

    id: int
    sentences: dict[str, list[int]]
    text: dict[str, str]
    confidence: float = 1.0  # alignment confidence, 0..1
    score: float = 1.0  # check score, 0..1 (1: every figure and name agrees)
    scores: dict[str, float] = field(default_factory=dict)  # per target language
    issues: list[Issue] = field(default_factory=list)
    figures: dict[str, list[Figure]] = field(default_factory=dict)
    names: dict[str, list[NameMention]] = field(default_factory=dict)

    def to_dict(self, with_details: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "sentences": self.sentences,
            "text": self.text,
            "score": round(self.score, 4),
            "confidence": round(self.confidence, 4),
            "issues": [i.to_dict() for i in self.issues],
        }
        if self.scores:
            out["scores"] = {k: round(v, 4) for k, v in self.scores.items()}
        if with_details and (self.figures or self.names):
            out["figures"] = {
                lang: [
                    {"kind": f.kind, "key": f.key, "text": f.text, "start": f.start, "end": f.end,
                     "hedge": f.hedge}
                    for f in figs
                ]
                for lang, figs in self.figures.items()
            }
            out["names"] = {
                lang: [{"key": n.key, "text": n.text, "start": n.start, "end": n.end} for n in names]
                for lang, names in self.names.items()
            }
        return out


@dataclass
class Report:
    languages: list[str]
    source: str
    files: dict[str, str]
    segments: list[Segment]
    summary: dict[str, Any] = field(default_factory=dict)
    # Every setting that shaped the numbers, sacrebleu style; a plain string is parsed.
    signature: Signature = Signature()
    warnings: list[str] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # not serialised; for line numbers

    def __post_init__(self) -> None:
        if not isinstance(self.signature, Signature):
            self.signature = Signature.parse(self.signature)

    @property
    def issues(self) -> list[Issue]:
        return [issue for seg in self.segments for issue in seg.issues]

    def line_of(self, lang: str, segment: Segment) -> int | None:
        """1-based line in the input file where the segment's first sentence in `lang` starts."""
        doc = self.documents.get(lang)
        idx = segment.sentences.get(lang) or []
        if doc is None or not idx:
            return None
        for sent in doc.sentences:
            if sent.index == idx[0]:
                return sent.line
        return None

    # -- renderings: what `align check -f FORMAT` writes for this one report ------------------
    def to_json(self) -> str:
        """The JSON report (docs/report-format.md)."""
        return self._render("json")

    def to_sarif(self) -> str:
        """A SARIF 2.1.0 log, for code-scanning dashboards."""
        return self._render("sarif")

    def to_junit(self) -> str:
        """A JUnit XML document: a test case per segment and language."""
        return self._render("junit")

    def to_html(self) -> str:
        """A self-contained HTML page for a reviewer."""
        return self._render("html")

    def to_markdown(self, verbose: bool = False) -> str:
        return self._render("md", verbose=verbose)

    def to_text(self, color: bool = False, width: int | None = None, verbose: bool = False) -> str:
        """The terminal table; `width` in columns (default: the terminal's); `verbose`: the
        complete signature instead of the short one."""
        return self._render("table", color=color, width=width, verbose=verbose)

    def _render(self, fmt: str, **options: Any) -> str:
        from align.reports import render

        return render(self, fmt, **options)

    def to_dict(self) -> dict[str, Any]:
        from align import __version__

        return {
            "tool": {"name": "align", "version": __version__},
            "languages": self.languages,
            "source": self.source,
            "files": self.files,
            "signature": self.signature,
            "warnings": self.warnings,
            "segments": [s.to_dict() for s in self.segments],
            "summary": self.summary,
        }
