"""Reports for people reading text: the terminal table and Markdown for a review comment."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape as rich_escape
from rich.table import Table
from rich.text import Text

from align.model import Report
from align.reports.common import (
    clip,
    issue_detail,
    issues_by_lang,
    segment_label,
    short_signature,
    sorted_issues,
    summary_of,
)
from align.textio import visible_controls

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_MARK = {"error": "✗", "warning": "!", "info": "i"}
TERMINAL_WIDTH = 100  # when not writing to a terminal there is no width to ask for


def render_table(report: Report, color: bool = False, width: int | None = None, verbose: bool = False) -> str:
    """Segments with issues (texts and messages), then a summary; clean segments are only counted.
    `width`: the terminal's columns; the signature is the short one unless `verbose`."""
    buf = io.StringIO()
    console = Console(
        file=buf,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        width=width or TERMINAL_WIDTH,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    console.print(Text(f"align report (source: {report.source})", style="bold"))
    for lang in report.languages:
        console.print(Text(f"  {lang}  {visible_controls(report.files.get(lang, '-'))}"), soft_wrap=True)
    for warning in report.warnings:
        console.print(Text(f"warning: {visible_controls(warning)}", style="yellow"))
    console.print()

    flagged = [seg for seg in report.segments if seg.issues]
    for seg in flagged:
        head = Text(segment_label(report, seg), style="bold")
        head.append(f"  score {seg.score:.2f}  alignment {seg.confidence:.2f}", style="dim")
        block: list[Text] = [head]
        for lang in report.languages:
            text = seg.text.get(lang, "")
            body = Text(visible_controls(clip(text, 400))) if text else Text("(nothing in this language)", style="italic dim")
            block += _hanging(console, Text(f"    {lang} │ ", style="dim"), body)
        width = max(len(i.severity) for i in seg.issues) + 2
        cat_width = max(len(i.category) for i in seg.issues)
        for issue in sorted_issues(seg.issues):
            prefix = Text("    ")
            prefix.append(f"{SEVERITY_MARK.get(issue.severity, '?')} {issue.severity:<{width - 2}}",
                          style=SEVERITY_STYLE.get(issue.severity, ""))
            prefix.append(f" {issue.category:<{cat_width}} ", style="magenta")
            body = Text(f"{issue.lang}: {visible_controls(issue_detail(issue))}")
            if issue.id:
                # The id is what `align accept` takes; shown so nobody needs the JSON for it.
                body.append(f" [{issue.id}]", style="dim")
            block += _hanging(console, prefix, body)
        # One print per segment: rich's per-call overhead dominated long reports.
        console.print(Text("\n").join(block), soft_wrap=True)
        console.print()

    summary = summary_of(report)
    clean = len(report.segments) - len(flagged)
    console.print(Text(
        f"{len(report.segments)} segments: {len(flagged)} with issues, {clean} clean "
        f"(clean segments are not listed)", style="bold"))
    per_lang = issues_by_lang(report)
    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    table.add_column("language")
    table.add_column("file")
    table.add_column("score", justify="right")
    table.add_column("errors", justify="right")
    table.add_column("warnings", justify="right")
    scores = summary.get("score", {})
    for lang in report.languages:
        score = "source" if lang == report.source else _score_text(scores.get(lang))
        errors = per_lang.get(lang, {}).get("error", 0)
        table.add_row(
            lang,
            rich_escape(visible_controls(report.files.get(lang, "-"))),
            score,
            Text(str(errors), style="red" if errors else ""),
            str(per_lang.get(lang, {}).get("warning", 0)),
        )
    console.print(table)
    console.print(Text(f"errors {summary.get('errors', 0)}, warnings {summary.get('warnings', 0)}",
                       style="bold red" if summary.get("errors") else "bold green"))
    if report.signature:
        # Never wrapped: a signature is copied and compared as one string.
        signature = report.signature if verbose else short_signature(report.signature)
        console.print(Text(f"signature: {signature}", style="dim"), soft_wrap=True)
    # Grid cells are padded to their width; trailing blanks only get in the way of a pager or diff.
    return "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))


def render_side_by_side(report: Report, color: bool = False, width: int | None = None) -> str:
    """`align align -f table`: the aligned sentences in a column per language, a row per segment,
    with its alignment confidence; an empty cell is an omission or an addition."""
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, width=width or TERMINAL_WIDTH,
                      highlight=False, emoji=False)
    table = Table(show_lines=True, header_style="bold", expand=True, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    for lang in report.languages:
        table.add_column(lang + (" (source)" if lang == report.source else ""), ratio=1, overflow="fold")
    table.add_column("conf", justify="right", no_wrap=True)
    for seg in report.segments:
        cells: list[Text | str] = [str(seg.id)]
        for lang in report.languages:
            text = seg.text.get(lang, "")
            cells.append(Text(visible_controls(" ".join(text.split()))) if text else Text("—", style="dim"))
        low = any(i.category == "alignment" for i in seg.issues)
        cells.append(Text(f"{seg.confidence:.2f}", style="yellow" if low else ""))
        table.add_row(*cells)
    console.print(table)
    return "\n".join(line.rstrip() for line in buf.getvalue().split("\n"))


def _hanging(console: Console, prefix: Text, body: Text) -> list[Text]:
    """`prefix` then `body` as lines, wrapped lines indented under the body (a grid would do it
    too, but measuring a table per segment makes long reports take seconds)."""
    room = max(20, console.width - prefix.cell_len)
    if body.cell_len <= room:
        return [Text.assemble(prefix, body)]
    indent = Text(" " * prefix.cell_len)
    return [Text.assemble(prefix if n == 0 else indent, line)
            for n, line in enumerate(body.wrap(console, room, overflow="fold"))]


def _score_text(score: float | None) -> str:
    return "-" if score is None else f"{score:.3f}"


# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that would
# otherwise start emphasis, links, code, inline HTML or break a table cell.
_MD_SPECIAL = set("\\`*_[]<>|#!~")


def md_escape(text: str) -> str:
    """Text that renders literally in Markdown (and in a table cell); control characters shown."""
    text = visible_controls(" ".join(text.split()))
    return "".join("\\" + ch if ch in _MD_SPECIAL else ("&amp;" if ch == "&" else ch) for ch in text)


def render_markdown(report: Report, verbose: bool = False) -> str:
    """A summary table, then every segment with issues: its texts and the issue list."""
    summary = summary_of(report)
    per_lang = issues_by_lang(report)
    out: list[str] = ["# align report", ""]
    out.append(f"Source: **{report.source}**. Segments: {summary.get('segments', len(report.segments))}, "
               f"errors: {summary.get('errors', 0)}, warnings: {summary.get('warnings', 0)}.")
    out.append("")
    out.append("| Language | File | Score | Errors | Warnings |")
    out.append("|---|---|---:|---:|---:|")
    scores = summary.get("score", {})
    for lang in report.languages:
        score = "source" if lang == report.source else _score_text(scores.get(lang))
        out.append(f"| {lang} | {md_escape(report.files.get(lang, '-'))} | {score} | "
                   f"{per_lang.get(lang, {}).get('error', 0)} | {per_lang.get(lang, {}).get('warning', 0)} |")
    out.append("")
    if report.signature:
        signature = report.signature if verbose else short_signature(report.signature)
        out.append(f"Signature: `{signature.replace('`', '')}`")
        out.append("")
    for warning in report.warnings:
        out.append(f"> **Warning:** {md_escape(warning)}")
        out.append("")

    flagged = [seg for seg in report.segments if seg.issues]
    if flagged:
        out.append('To accept an issue: `align accept ISSUE_ID --reason "why it is fine"`.')
        out.append("")
    out.append(f"## Issues ({len(flagged)} of {len(report.segments)} segments)")
    out.append("")
    if not flagged:
        out.append("No issues: every figure and name agrees.")
        out.append("")
    for seg in flagged:
        out.append(f"### {segment_label(report, seg).capitalize()} — score {seg.score:.2f}")
        out.append("")
        out.append("| Language | Text |")
        out.append("|---|---|")
        for lang in report.languages:
            text = seg.text.get(lang, "")
            out.append(f"| {lang} | {md_escape(text) if text else '*(missing)*'} |")
        out.append("")
        for issue in sorted_issues(seg.issues):
            issue_id = f" · `{issue.id}`" if issue.id else ""
            out.append(f"- **{issue.severity}** · {issue.category} · {issue.lang}{issue_id}: "
                       f"{md_escape(issue_detail(issue))}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


__all__ = ["render_table", "render_side_by_side", "render_markdown", "md_escape"]
