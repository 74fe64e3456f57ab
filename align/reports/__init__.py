"""Renderers for a Report: table (terminal), json, md, junit, sarif, html, tsv, tmx, jsonl.

Public interface:
    render(report: Report, fmt: str, color: bool = False) -> str
    render_index(entries: list[IndexEntry], title: str = ...) -> str   (batch index.html)
    IndexEntry: one release of a batch run (name, languages, scores, errors, warnings, status,
        message, html_href, json_href); IndexEntry.from_report(name, report).
    FORMATS: the format names render() accepts; SUFFIXES: the file suffix for each.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from align.errors import InputError
from align.model import Report
from align.reports.ci import (
    junit_document,
    junit_suites,
    render_junit,
    render_sarif,
    sarif_document,
    sarif_run,
)
from align.reports.exchange import render_jsonl, render_tmx, render_tsv
from align.reports.html import IndexEntry, render_html, render_index
from align.reports.text import render_markdown, render_table


def render_json(report: Report) -> str:
    """The public JSON contract (docs/report-format.md), UTF-8 text as is."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


_RENDERERS: dict[str, Callable[[Report], str]] = {
    "json": render_json,
    "md": render_markdown,
    "junit": render_junit,
    "sarif": render_sarif,
    "html": render_html,
    "tsv": render_tsv,
    "tmx": render_tmx,
    "jsonl": render_jsonl,
}

def _render_csv(report: Report) -> str:
    from align.reports.issues import render_csv

    return render_csv(report)


def _render_xlsx(report: Report) -> bytes:
    from align.reports.issues import render_xlsx

    return render_xlsx(report)


def _render_xliff(report: Report) -> bytes:
    from align.cat import render_xliff

    return render_xliff(report)


_RENDERERS["csv"] = _render_csv

FORMATS: tuple[str, ...] = ("table", *_RENDERERS)
SUFFIXES: dict[str, str] = {
    "table": ".txt", "json": ".json", "md": ".md", "junit": ".junit.xml", "sarif": ".sarif",
    "html": ".html", "tsv": ".tsv", "tmx": ".tmx", "jsonl": ".jsonl", "csv": ".csv",
}
# Bytes, not text: an XLSX issue list, and an XLIFF input with the issues as notes (only for a
# report whose inputs were XLIFF).
BINARY_RENDERERS: dict[str, Callable[[Report], bytes]] = {"xlsx": _render_xlsx, "xliff": _render_xliff}
BINARY_SUFFIXES: dict[str, str] = {"xlsx": ".xlsx", "xliff": ".xlf"}


def render(report: Report, fmt: str, color: bool = False, width: int | None = None, verbose: bool = False,
           only_clean: bool = False) -> str:
    """`report` in format `fmt` (one of FORMATS); `color` and `width` (terminal columns) only
    affect `table`; `verbose` puts the complete signature in `table` and `md` (JSON, SARIF and
    JUnit always carry it, HTML shows both)."""
    if fmt == "table":
        return render_table(report, color=color, width=width, verbose=verbose)
    if fmt == "md":
        return render_markdown(report, verbose=verbose)
    if fmt == "tmx":
        return render_tmx(report, only_clean=only_clean)
    renderer = _RENDERERS.get(fmt) or BINARY_RENDERERS.get(fmt)
    if renderer is None:
        raise InputError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    return renderer(report)


# Formats that hold several releases in one file (one SARIF log and one JUnit document per
# invocation); the others are one report per release.
MULTI_RELEASE_FORMATS: tuple[str, ...] = ("table", "json", "md", "junit", "sarif", "csv", "xlsx")


def render_releases(reports: list[tuple[str, Report]], fmt: str, color: bool = False, width: int | None = None,
                    verbose: bool = False) -> str:
    """Several releases in one output: one SARIF run and one JUnit document holding them all,
    a JSON object with a report per release, tables and Markdown one after another."""
    if len(reports) == 1 and fmt not in ("sarif", "junit"):
        return render(reports[0][1], fmt, color=color, width=width, verbose=verbose)
    if fmt == "sarif":
        return sarif_document([sarif_run(report, name) for name, report in reports])
    if fmt == "junit":
        return junit_document([junit_suites(report, name) for name, report in reports])
    if fmt in ("csv", "xlsx"):
        from align.reports.issues import csv_document, issue_rows, xlsx_document

        parts = [issue_rows(report, name) for name, report in reports]
        return csv_document(parts) if fmt == "csv" else xlsx_document(parts)
    if fmt == "json":
        return json.dumps({"releases": [{"name": name, **report.to_dict()} for name, report in reports]},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt in ("table", "md"):
        parts = []
        for name, report in reports:
            text = render(report, fmt, color=color, width=width, verbose=verbose)
            heading = f"# align report: {name}" if fmt == "md" else f"== {name} =="
            parts.append(heading + "\n" + (text.split("\n", 1)[1] if fmt == "md" else text))
        return "\n".join(parts)
    raise InputError(f"--format {fmt} holds one release; give the files of one release, or use "
                     f"`align run` for a report per release")


__all__ = ["FORMATS", "MULTI_RELEASE_FORMATS", "SUFFIXES", "IndexEntry", "render", "render_index",
           "render_json", "render_releases"]
