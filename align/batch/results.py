"""What `align run` says about each release and about the run: statuses, counts, exit code, index rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.model import LANGS, SEVERITIES, severity_rank
from align.session import fails

REPORT_FORMATS: tuple[str, ...] = ("json", "html")  # always written; more with `formats`
# One file per run holding every release (code scanning takes one SARIF upload; a dashboard one
# JUnit document): OUT/align.sarif and OUT/align.junit.xml unless the caller names the file.
BATCH_FORMATS: tuple[str, ...] = ("sarif", "junit")

@dataclass
class ReleaseResult:
    name: str
    status: str  # done | skipped | failed | pending
    error: str = ""
    summary: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # severity -> issues left after accepting
    languages: list[str] = field(default_factory=list)
    translated: list[str] = field(default_factory=list)  # languages machine-translated
    drafts: list[str] = field(default_factory=list)  # languages given as input files
    outputs: dict[str, str] = field(default_factory=dict)  # kind (html/json/LANG) -> file name in out_dir
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    lang_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # lang -> severity -> issues

    @property
    def worst(self) -> str | None:
        present = [sev for sev in SEVERITIES if self.counts.get(sev)]
        return max(present, key=severity_rank, default=None)


@dataclass
class BatchResult:
    releases: list[ReleaseResult]
    out_dir: Path
    index: Path | None
    fail_on: str = "error"
    warnings: list[str] = field(default_factory=list)
    batch_files: dict[str, Path | None] = field(default_factory=dict)  # sarif/junit -> file (None: stdout)

    @property
    def failed(self) -> list[ReleaseResult]:
        return [r for r in self.releases if r.status == "failed"]

    @property
    def any_failed(self) -> bool:
        return bool(self.failed)

    @property
    def has_issues(self) -> bool:
        """Whether a release has an issue at or above fail_on."""
        return any(fails(r.worst, self.fail_on) for r in self.releases if r.status not in ("failed", "pending"))

    @property
    def exit_code(self) -> int:
        """0 clean, 1 issues at or above fail_on, 2 a release failed; pending ones change nothing."""
        if self.any_failed:
            return 2
        return 1 if self.has_issues else 0

    @property
    def counts(self) -> dict[str, int]:
        out = {"done": 0, "skipped": 0, "failed": 0, "pending": 0}
        for r in self.releases:
            out[r.status] += 1
        return out

    def with_worst(self, severity: str) -> int:
        """How many checked releases have `severity` as their worst issue."""
        return sum(1 for r in self.releases if r.status in ("done", "skipped") and r.worst == severity)

    def summary_line(self) -> str:
        """The run's last words: what was checked and how many releases have errors."""
        c = self.counts
        n = len(self.releases)
        parts = [f"{c['done']} checked", f"{c['skipped']} up to date"]
        if c["pending"]:
            parts.append(f"{c['pending']} pending (no translation yet)")
        parts.append(f"{c['failed']} failed")
        errors, warnings = self.with_worst("error"), self.with_worst("warning")
        verdict = (f"{errors} release{'' if errors == 1 else 's'} with errors, "
                   f"{warnings} with warnings only")
        return f"{n} release{'' if n == 1 else 's'}: {', '.join(parts)}; {verdict}"


def _lang_rank(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else len(LANGS)


def index_page(results: list[ReleaseResult]) -> str:
    """OUT/index.html: a row per release."""
    from align.reports import IndexEntry, render_index

    return render_index([IndexEntry(**index_fields(r)) for r in results])


def index_fields(result: ReleaseResult) -> dict[str, Any]:
    """The index row of a release. Reused and freshly made reports look the same there, so a
    re-run that redoes nothing rewrites index.html byte for byte."""
    if result.status in ("failed", "pending"):
        return {"name": result.name, "languages": result.drafts, "status": result.status, "message": result.error}
    summary = result.summary
    notes = []
    if result.translated:
        notes.append(f"machine-translated: {', '.join(result.translated)}")
    if summary.get("accepted"):
        notes.append(f"{summary['accepted']} accepted")
    if summary.get("ignored"):
        notes.append(f"{summary['ignored']} ignored")
    return {
        "name": result.name,
        "languages": result.languages,
        # In language order: the manifest stores summaries with sorted keys.
        "scores": {lang: score for lang, score in sorted((summary.get("score") or {}).items(),
                                                         key=lambda kv: _lang_rank(kv[0]))},
        "errors": int(result.counts.get("error", 0)),
        "warnings": int(result.counts.get("warning", 0)),
        "status": "ok",
        "message": "; ".join(notes),
        "lang_counts": {lang: dict(c) for lang, c in sorted(result.lang_counts.items(),
                                                             key=lambda kv: _lang_rank(kv[0]))},
        "html_href": result.outputs.get("html"),
        "json_href": result.outputs.get("json"),
    }
