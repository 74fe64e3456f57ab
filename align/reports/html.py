"""The self-contained HTML report (one file, inline CSS and JS, nothing fetched) and the batch index."""

from __future__ import annotations

import base64
import hashlib
import html
from dataclasses import dataclass, field
from urllib.parse import quote

from align import __version__
from align.model import CATEGORIES, Issue, Report, Segment
from align.reports.common import (
    SEVERITY_ORDER,
    issues_by_lang,
    short_signature,
    sorted_issues,
    spans_of,
    summary_of,
    unsaid_values,
)
from align.textio import visible_controls

# The page may not load anything: a report opened from a CI artifact or an e-mail must look the
# same offline and must not leak that it was opened. Scripts run only when their hash is listed
# (no inline handlers such as onerror=, no injected <script>): the report's own script, and on
# the index page none at all.
CSP_BASE = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def csp(scripts: tuple[str, ...] = ()) -> str:
    """The Content-Security-Policy of a page whose only scripts are `scripts` (inline, verbatim)."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()}'"
                      for js in scripts)
    return f"{CSP_BASE}; script-src {hashes or chr(39) + 'none' + chr(39)}"


def escape(text: str, quote: bool = True) -> str:
    """HTML-escaped text with control and bidi characters made visible: texts and file names are
    untrusted, and a raw U+202E would reorder what the reviewer reads."""
    return html.escape(visible_controls(text), quote=quote)


CSS = """
:root { --err:#b42318; --err-bg:#fde8e7; --warn:#9a6700; --warn-bg:#fff4d6; --info:#175cd3;
  --info-bg:#e8f0fe; --ok:#067647; --ok-bg:#e3f6ec; --line:#d0d5dd; --muted:#5d6673;
  --fig:#fff1b8; --name:#dbeafe; --link:#f59e0b; }
* { box-sizing: border-box; }
html { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  color:#1d2433; background:#fff; }
body { margin: 0 auto; padding: 0 1.25rem 2rem; max-width: 1600px; }
h1 { font-size: 1.45rem; margin: 1rem 0 .4rem; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 .5rem; }
code { font: .85em/1.3 ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; }
.muted { color: var(--muted); }
.overview { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.overview table td, .overview table th { padding: .2rem .7rem .2rem 0; border-bottom: 1px solid var(--line); }
.counts { display: flex; gap: .5rem; flex-wrap: wrap; margin: .2rem 0; }
.pill { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-weight: 600; font-size: .85rem; }
.sev-error { background: var(--err-bg); color: var(--err); }
.sev-warning { background: var(--warn-bg); color: var(--warn); }
.sev-info { background: var(--info-bg); color: var(--info); }
.good { background: var(--ok-bg); color: var(--ok); }
.pending { background: #eef0f6; color: #3e4784; border: 1px dashed #717bbc; }
.failedstate { background: var(--err); color: #fff; }
.fair { background: var(--warn-bg); color: var(--warn); }
.poor { background: var(--err-bg); color: var(--err); }
.signature { margin: .4rem 0; color: var(--muted); }
.notes { margin: .3rem 0; padding-left: 1.2rem; color: var(--warn); }
.controls { position: sticky; top: 0; z-index: 2; background: #f8f9fb; border: 1px solid var(--line);
  border-radius: 6px; padding: .45rem .7rem; margin: .8rem 0; display: flex; flex-wrap: wrap;
  gap: .4rem 1.2rem; align-items: center; }
.controls fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
.controls legend { float: left; font-weight: 600; margin-right: .4rem; }
.controls label { white-space: nowrap; cursor: pointer; }
#shown { margin-left: auto; color: var(--muted); }
details.issue-list > summary { cursor: pointer; font-weight: 600; font-size: 1.15rem; margin: .8rem 0 .4rem; }
table.issues { width: 100%; }
table.issues td, table.issues th { padding: .25rem .5rem; border-bottom: 1px solid var(--line); }
table.issues th { background: #f2f4f7; }
table.segments { width: 100%; table-layout: fixed; }
table.segments col.meta { width: 7.5rem; }
table.segments thead th { background: #f2f4f7; padding: .35rem .5rem; border-bottom: 2px solid var(--line); }
table.segments td { padding: .4rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
tbody.seg:hover td { background: #fcfcfd; }
tbody.seg.worst-error td.meta { border-left: 4px solid var(--err); }
tbody.seg.worst-warning td.meta { border-left: 4px solid var(--warn); }
tbody.seg.worst-info td.meta { border-left: 4px solid var(--info); }
td.meta { font-size: .85rem; color: var(--muted); }
td.meta a { font-weight: 700; color: #1d2433; text-decoration: none; font-size: 1rem; }
td.empty { background: repeating-linear-gradient(135deg, #fff, #fff 6px, #f6f6f8 6px, #f6f6f8 12px); color: var(--muted); font-style: italic; }
.line { display: block; color: var(--muted); font-size: .75rem; margin-top: .2rem; }
tr.seg-issues td { border-bottom: 2px solid var(--line); padding-top: 0; }
ul.seg-issues { margin: 0; padding-left: 0; list-style: none; }
ul.seg-issues li { margin: .15rem 0; }
.cat { font-weight: 600; }
.ef { color: var(--muted); }
mark { border-radius: 3px; padding: 0 .1em; color: inherit; cursor: pointer; }
mark.fig { background: var(--fig); }
mark.name { background: var(--name); }
mark.odd { text-decoration: underline wavy var(--err); text-underline-offset: 3px; }
mark.linked, mark.pinned { outline: 2px solid var(--link); background: #ffd88a; }
.legend mark { cursor: default; }
[hidden] { display: none !important; }
code.issue-id { font-size: .8em; color: var(--muted); white-space: nowrap; }
button.copy { font: inherit; font-size: .75rem; padding: 0 .4rem; margin-left: .3rem; cursor: pointer;
  border: 1px solid var(--line); border-radius: 4px; background: #fff; color: #1d2433; }
button.copy[data-copied="yes"] { border-color: var(--ok); color: var(--ok); }
.offscreen { position: fixed; left: -9999px; top: 0; opacity: 0; }
@media (max-width: 900px) { table.segments col.meta { width: 5rem; } }
@media print {
  html { font-size: 11px; }
  body { max-width: none; padding: 0; }
  .controls, .noprint, button.copy { display: none !important; }
  .controls { position: static; }
  tbody.seg[hidden] { display: table-row-group !important; }
  tr.seg-issues[hidden], tr.issue[hidden] { display: table-row !important; }
  li.issue[hidden] { display: list-item !important; }
  tbody.seg { break-inside: avoid; }
  details.issue-list > summary { list-style: none; }
  mark.linked, mark.pinned { outline: none; }
  a { color: inherit; text-decoration: none; }
}
"""

JS = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var only = document.getElementById("only-issues");
  var shown = document.getElementById("shown");
  var segments = Array.prototype.slice.call(document.querySelectorAll("tbody.seg"));
  function apply() {
    var allowed = {severity: {}, category: {}};
    boxes.forEach(function (b) { if (b.checked) { allowed[b.getAttribute("data-filter")][b.value] = true; } });
    Array.prototype.forEach.call(document.querySelectorAll(".issue"), function (el) {
      el.hidden = !(allowed.severity[el.getAttribute("data-severity")] &&
                    allowed.category[el.getAttribute("data-category")]);
    });
    var count = 0;
    segments.forEach(function (seg) {
      var visible = seg.querySelectorAll(".issue:not([hidden])").length;
      var row = seg.querySelector("tr.seg-issues");
      if (row) { row.hidden = visible === 0; }
      seg.hidden = only.checked && visible === 0;
      if (!seg.hidden) { count += 1; }
    });
    var issues = document.querySelectorAll("table.issues .issue:not([hidden])").length;
    shown.textContent = "showing " + count + " of " + segments.length + " segments, " + issues + " issues";
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  only.addEventListener("change", apply);

  function counterparts(mark) {
    var seg = mark.closest("tbody.seg");
    var link = mark.getAttribute("data-link");
    return Array.prototype.filter.call(seg.querySelectorAll("mark[data-link]"), function (m) {
      return m.getAttribute("data-link") === link;
    });
  }
  function light(mark, cls, on) {
    counterparts(mark).forEach(function (m) { m.classList.toggle(cls, on); });
  }
  document.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("mark[data-link]");
    if (m) { light(m, "linked", true); }
  });
  document.addEventListener("mouseout", function (e) {
    var m = e.target.closest && e.target.closest("mark[data-link]");
    if (m) { light(m, "linked", false); }
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("mark[data-link]")) { light(e.target, "linked", true); }
  });
  document.addEventListener("focusout", function (e) {
    if (e.target.matches && e.target.matches("mark[data-link]")) { light(e.target, "linked", false); }
  });
  document.addEventListener("click", function (e) {
    var m = e.target.closest && e.target.closest("mark[data-link]");
    if (!m) { return; }
    var wasPinned = m.classList.contains("pinned");
    Array.prototype.forEach.call(document.querySelectorAll("mark.pinned"), function (p) {
      p.classList.remove("pinned");
    });
    if (!wasPinned) { light(m, "pinned", true); }
  });
  // Accepting an issue needs only its id: the button copies the exact `align accept` command.
  // Wired here, not with onclick=: the page's CSP runs no inline handler.
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  function copied(button, ok) {
    button.textContent = ok ? "copied" : "copy failed: select the command";
    button.setAttribute("data-copied", ok ? "yes" : "no");
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button.copy");
    if (!button) { return; }
    var text = button.getAttribute("data-command");
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { copied(button, true); },
                                               function () { copied(button, fallbackCopy(text)); });
    } else {
      copied(button, fallbackCopy(text));
    }
  });
  apply();
})();
"""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


_CLASS_RANK = {"good": 0, "fair": 1, "poor": 2}
# A language with an error is never "good", whatever its score: the colour follows the worst
# severity present, and the score only darkens it further.
_SEVERITY_CLASS = {"error": "poor", "warning": "fair"}


def _score_class(score: float, worst: str | None = None) -> str:
    by_score = "good" if score >= 0.95 else ("fair" if score >= 0.8 else "poor")
    by_severity = _SEVERITY_CLASS.get(worst or "", "good")
    return max(by_score, by_severity, key=_CLASS_RANK.__getitem__)


def _worst(counts: dict[str, int] | None) -> str | None:
    """The most severe of "error"/"warning" with a non-zero count in `counts`."""
    counts = counts or {}
    return "error" if counts.get("error") else ("warning" if counts.get("warning") else None)


def _score_pill(score: float | None, worst: str | None = None) -> str:
    if score is None:
        return '<span class="muted">–</span>'
    title = f' title="has {worst}s"' if worst else ""
    return (f'<span class="pill score {_score_class(score, worst)}" data-worst="{escape(worst or "none")}"'
            f'{title}>{score:.3f}</span>')


def _highlight(segment: Segment, lang: str, flagged: set[str]) -> str:
    """The text of `lang` with figures and names wrapped in <mark>, all text escaped; a mark
    whose text an issue of this segment quotes gets a wavy underline."""
    text = segment.text.get(lang, "")
    out: list[str] = []
    pos = 0
    for span in spans_of(segment, lang):
        link = ("f:" if span.kind == "figure" else "n:") + span.key
        surface = text[span.start:span.end]
        odd = any(surface in quoted or quoted in surface for quoted in flagged)
        classes = ("fig" if span.kind == "figure" else "name") + (" odd" if odd else "")
        title = f"{span.kind} ({span.label}): {span.key}" + (" — see the issues of this segment" if odd else "")
        out.append(escape(text[pos:span.start]))
        out.append(f'<mark class="{classes}" data-link="{escape(link)}" tabindex="0" '
                   f'title="{escape(title)}">{escape(surface)}</mark>')
        pos = span.end
    out.append(escape(text[pos:]))
    return "".join(out)


def _flagged(segment: Segment, lang: str, source: str) -> set[str]:
    """Texts the segment's figure and name issues quote in `lang`: what the source expected
    (for the source) or what this translation has (for a target)."""
    quoted = set()
    for issue in segment.issues:
        if issue.category not in ("figure", "name") or issue.severity == "info":
            continue
        if lang == source and issue.expected:
            quoted.add(issue.expected)
        elif issue.lang == lang and issue.found:
            quoted.add(issue.found)
    return quoted


def _issue_attrs(issue: Issue) -> str:
    return (f'class="issue" data-severity="{escape(issue.severity)}" '
            f'data-category="{escape(issue.category)}" data-lang="{escape(issue.lang)}" '
            f'data-id="{escape(issue.id)}"')


INDEX_CSS = """
table.index { width: 100%; }
table.index td, table.index th { padding: .3rem .6rem; border-bottom: 1px solid var(--line); }
table.index thead th { background: #f2f4f7; }
"""


def _head(title: str, extra_css: str = "", scripts: tuple[str, ...] = ()) -> str:
    """Doctype and <head> of a self-contained page: inline CSS, no network, only `scripts` (CSP)."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp(scripts)}">
<meta name="generator" content="align {escape(__version__)}">
<title>{escape(title)}</title>
<style>{CSS}{extra_css}</style>
</head>"""


ACCEPT_REASON_PLACEHOLDER = "…"


def accept_command(issue_id: str) -> str:
    """The command that accepts an issue, as the report's copy button puts it on the clipboard."""
    return f'align accept {issue_id} --reason "{ACCEPT_REASON_PLACEHOLDER}"'


def _issue_id_html(issue: Issue) -> str:
    """The issue's id and a button copying the command that accepts it."""
    if not issue.id:
        return ""
    command = accept_command(issue.id)
    return (f' <code class="issue-id">{escape(issue.id)}</code>'
            f'<button type="button" class="copy" data-command="{escape(command)}" '
            f'title="{escape(command)}">copy accept command</button>')


def _issue_body(issue: Issue) -> str:
    parts = [f'<span class="pill sev-{escape(issue.severity)}">{escape(issue.severity)}</span> ',
             f'<span class="cat">{escape(issue.category)}</span> ',
             "" if issue.message.startswith(f"{issue.lang} ") else f'<span class="muted">{escape(issue.lang)}</span> ',
             escape(issue.message)]
    ef = [f"{label} <q>{escape(value)}</q>" for label, value in unsaid_values(issue)]
    if ef:
        parts.append(f' <span class="ef">({", ".join(ef)})</span>')
    parts.append(_issue_id_html(issue))
    return "".join(parts)


def _segment_rows(report: Report, seg: Segment) -> str:
    issues = sorted_issues(seg.issues)
    worst = issues[0].severity if issues else None
    classes = "seg" + (f" has-issues worst-{worst}" if worst else " clean")
    cells = []
    for lang in report.languages:
        text = seg.text.get(lang, "")
        if not text:
            cells.append(f'<td class="text empty" lang="{escape(lang)}">nothing in {escape(lang)}</td>')
            continue
        line = report.line_of(lang, seg)
        line_html = f'<span class="line">line {line}</span>' if line is not None else ""
        cells.append(f'<td class="text" lang="{escape(lang)}">{_highlight(seg, lang, _flagged(seg, lang, report.source))}{line_html}</td>')
    scores = "<br>".join(f"{escape(lang)} {seg.scores[lang]:.2f}"
                         for lang in report.languages if lang in seg.scores)
    meta = (f'<td class="meta"><a href="#seg-{seg.id}">#{seg.id}</a><br>'
            f'score {_score_pill(seg.score, worst)}<br>'
            f'<span title="alignment confidence">align {seg.confidence:.2f}</span>'
            + (f'<br><span class="muted">{scores}</span>' if len(seg.scores) > 1 else "")
            + "</td>")
    rows = [f'<tbody class="{classes}" id="seg-{seg.id}" data-issues="{len(issues)}">',
            f'<tr class="texts">{meta}{"".join(cells)}</tr>']
    if issues:
        items = "".join(f"<li {_issue_attrs(i)}>{_issue_body(i)}</li>" for i in issues)
        rows.append(f'<tr class="seg-issues"><td></td><td colspan="{len(report.languages)}">'
                    f'<ul class="seg-issues">{items}</ul></td></tr>')
    rows.append("</tbody>")
    return "\n".join(rows)


def render_html(report: Report) -> str:
    """One self-contained page: overview, filters, issue list, the versions side by side."""
    all_issues = [(seg, i) for seg in report.segments for i in sorted_issues(seg.issues)]
    title = "align report: " + ", ".join(report.files.get(lang, lang) for lang in report.languages)
    return f"""{_head(title, scripts=(JS,))}
<body>
<header>
<h1>align report</h1>
{_overview(report)}
</header>
<nav class="controls" id="controls" aria-label="Filters">
{_filters(all_issues)}
<label><input type="checkbox" id="only-issues"> Show only segments with issues</label>
<span id="shown"></span>
</nav>
<main>
{_issue_section(all_issues)}
<h2>Segments ({len(report.segments)})</h2>
{_segments_table(report)}
</main>
<script>{JS}</script>
</body>
</html>
"""


def _overview(report: Report) -> str:
    """Files with their scores and counts, the legend, the signature and the input notes."""
    summary = summary_of(report)
    per_lang = issues_by_lang(report)
    scores = summary.get("score", {})
    clean = sum(1 for seg in report.segments if not seg.issues)
    overview_rows = []
    for lang in report.languages:
        score = ('<span class="muted">source</span>' if lang == report.source
                 else _score_pill(scores.get(lang), _worst(per_lang.get(lang))))
        overview_rows.append(
            f"<tr><th>{escape(lang)}</th><td><code>{escape(report.files.get(lang, '-'))}</code></td>"
            f"<td>{score}</td><td>{per_lang.get(lang, {}).get('error', 0)}</td>"
            f"<td>{per_lang.get(lang, {}).get('warning', 0)}</td></tr>")
    counts = (f'<span class="pill sev-error">{_count(summary.get("errors", 0), "error")}</span>'
              f'<span class="pill sev-warning">{_count(summary.get("warnings", 0), "warning")}</span>'
              f'<span class="pill sev-info">{summary.get("infos", 0)} info</span>'
              f'<span class="pill good">{clean} of {len(report.segments)} segments clean</span>')
    notes = "".join(f"<li>{escape(w)}</li>" for w in report.warnings)
    return f"""<div class="overview">
<table class="files"><thead><tr><th>Lang</th><th>File</th><th>Score</th><th>Errors</th><th>Warnings</th></tr></thead>
<tbody>{"".join(overview_rows)}</tbody></table>
<div><div class="counts">{counts}</div>
<p class="legend muted">Source: <b>{escape(report.source)}</b>. <mark class="fig">figures</mark> and
<mark class="name">names</mark> are highlighted; hover or click one to see its counterparts;
<mark class="fig odd">wavy underline</mark>: quoted by an error or warning of its segment.</p></div>
</div>
<p class="signature">Signature: <code id="signature" title="{escape(report.signature or "-")}">{escape(short_signature(report.signature) or "-")}</code></p>
<details class="signature muted"><summary>complete signature</summary><code id="signature-full">{escape(report.signature or "-")}</code></details>
{f'<ul class="notes">{notes}</ul>' if notes else ""}"""


def _filters(all_issues: list[tuple[Segment, Issue]]) -> str:
    """A checkbox per severity and per category found, with its count."""
    sev_counts = {sev: 0 for sev in SEVERITY_ORDER}
    cat_counts: dict[str, int] = {}
    for _, issue in all_issues:
        sev_counts[issue.severity] = sev_counts.get(issue.severity, 0) + 1
        cat_counts[issue.category] = cat_counts.get(issue.category, 0) + 1
    categories = [c for c in CATEGORIES if c in cat_counts] + sorted(set(cat_counts) - set(CATEGORIES))
    sev_boxes = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{escape(sev)}" checked> '
        f'<span class="pill sev-{escape(sev)}">{escape(sev)}</span> {sev_counts.get(sev, 0)}</label>'
        for sev in SEVERITY_ORDER)
    cat_boxes = "".join(
        f'<label><input type="checkbox" data-filter="category" value="{escape(cat)}" checked> '
        f'{escape(cat)} {cat_counts[cat]}</label>' for cat in categories)
    cat_boxes = cat_boxes or '<span class="muted">none</span>'
    return (f'<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>\n'
            f'<fieldset><legend>Category</legend>{cat_boxes}</fieldset>')


def _issue_section(all_issues: list[tuple[Segment, Issue]]) -> str:
    if not all_issues:
        return '<p class="pill good">No issues: every figure and name agrees.</p>'
    issue_rows = "\n".join(
        f'<tr {_issue_attrs(i)}><td><a href="#seg-{seg.id}">#{seg.id}</a></td>'
        f'<td><span class="pill sev-{escape(i.severity)}">{escape(i.severity)}</span></td>'
        f'<td>{escape(i.category)}</td><td>{escape(i.lang)}</td><td>{escape(i.message)}</td>'
        f'<td>{escape(i.expected)}</td><td>{escape(i.found)}</td><td>{_issue_id_html(i)}</td></tr>'
        for seg, i in all_issues)
    return (f'<details class="issue-list" open><summary>Issues ({len(all_issues)})</summary>'
            f'<table class="issues"><thead><tr><th>Segment</th><th>Severity</th><th>Category</th>'
            f'<th>Lang</th><th>Message</th><th>Expected</th><th>Found</th><th>Id</th></tr></thead>'
            f'<tbody>{issue_rows}</tbody></table></details>')


def _segments_table(report: Report) -> str:
    """The versions side by side, a column per language, a row per segment."""
    per_lang = issues_by_lang(report)
    scores = summary_of(report).get("score", {})
    heads = "".join(
        f'<th lang="{escape(lang)}">{escape(lang)}'
        + (" (source)" if lang == report.source else f" {_score_pill(scores.get(lang), _worst(per_lang.get(lang)))}")
        + f'<br><code class="muted">{escape(report.files.get(lang, ""))}</code></th>'
        for lang in report.languages)
    cols = '<col class="meta">' + "".join(f'<col class="lang-{escape(lang)}">' for lang in report.languages)
    segments = "\n".join(_segment_rows(report, seg) for seg in report.segments)
    return f"""<table class="segments">
<colgroup>{cols}</colgroup>
<thead><tr><th>#</th>{heads}</tr></thead>
{segments}
</table>"""


# -- batch index --------------------------------------------------------------------------------

# ok: checked (the colour then follows its worst issue); pending: only the source exists so far
# (no translation yet, or none could be made); failed: align could not process it.
INDEX_STATUSES = ("ok", "failed", "skipped", "pending")


@dataclass
class IndexEntry:
    """One release of a batch run, as the index page lists it."""

    name: str
    languages: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # per target language
    errors: int = 0
    warnings: int = 0
    status: str = "ok"  # one of INDEX_STATUSES
    message: str = ""  # why it failed, is pending or was skipped
    html_href: str | None = None  # None: NAME.report.html when status is ok
    json_href: str | None = None  # None: NAME.report.json when status is ok
    # lang -> {"error": n, "warning": n}: colours each language's score by its worst issue.
    lang_counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.status not in INDEX_STATUSES:
            raise ValueError(f"IndexEntry.status must be one of {', '.join(INDEX_STATUSES)}, not {self.status!r}")
        if self.status == "ok":
            if self.html_href is None:
                self.html_href = f"{self.name}.report.html"
            if self.json_href is None:
                self.json_href = f"{self.name}.report.json"

    @classmethod
    def from_report(cls, name: str, report: Report) -> IndexEntry:
        summary = summary_of(report)
        per_lang = issues_by_lang(report)
        return cls(name=name, languages=list(report.languages), scores=dict(summary.get("score", {})),
                   errors=int(summary.get("errors", 0)), warnings=int(summary.get("warnings", 0)),
                   lang_counts={lang: {k: v for k, v in c.items() if k != "info"} for lang, c in per_lang.items()})

    @property
    def state(self) -> str:
        """What the index says about the release: failed, pending, errors, warnings or clean."""
        if self.status in ("failed", "pending"):
            return self.status
        return "errors" if self.errors else ("warnings" if self.warnings else "clean")


# Index rows, worst first: a release align could not process, then errors, warnings, those
# still waiting for a translation, and clean ones.
STATE_ORDER = ("failed", "errors", "warnings", "pending", "clean")
STATE_CLASS = {"failed": "failedstate", "errors": "poor", "warnings": "fair", "pending": "pending",
               "clean": "good"}


def index_order(entries: list[IndexEntry]) -> list[IndexEntry]:
    return sorted(entries, key=lambda e: (STATE_ORDER.index(e.state), -e.errors, -e.warnings, e.name))


def _href(target: str) -> str:
    """A link to a file next to the page: `./` and every byte but unreserved ones %-encoded, so
    a release named `javascript:…`, `a#b` or `a?b` is a path, never a scheme, fragment or query."""
    path = quote(target.replace("\\", "/"), safe="/-._~")
    return escape(path if path.startswith(("./", "../")) else "./" + path)


def render_index(entries: list[IndexEntry], title: str = "align batch report") -> str:
    """index.html of a batch run: one row per release, worst first, with its errors and warnings,
    scores coloured by the worst issue of each language, status and links."""
    langs: list[str] = []
    for entry in entries:
        for lang in entry.scores:
            if lang not in langs:
                langs.append(lang)
    states = {s: sum(1 for e in entries if e.state == s) for s in STATE_ORDER}
    errors = sum(e.errors for e in entries)
    warnings = sum(e.warnings for e in entries)
    rows = []
    for e in index_order(entries):
        score_cells = "".join(f"<td>{_score_pill(e.scores.get(lang), _worst(e.lang_counts.get(lang)))}</td>"
                              for lang in langs)
        label = e.state + (" (up to date)" if e.status == "skipped" else "")
        status = f'<span class="pill state {STATE_CLASS[e.state]}">{escape(label)}</span>'
        if e.message:
            status += f' <span class="muted">{escape(e.message)}</span>'
        links = []
        if e.html_href:
            links.append(f'<a href="{_href(e.html_href)}">HTML</a>')
        if e.json_href:
            links.append(f'<a href="{_href(e.json_href)}">JSON</a>')
        err_class = ' class="pill sev-error"' if e.errors else ""
        warn_class = ' class="pill sev-warning"' if e.warnings else ""
        rows.append(
            f'<tr class="release status-{escape(e.status)} state-{e.state}"><th>{escape(e.name)}</th>'
            f'<td>{escape(" ".join(e.languages))}</td>{score_cells}'
            f'<td class="errors"><span{err_class}>{e.errors}</span></td>'
            f'<td class="warnings"><span{warn_class}>{e.warnings}</span></td>'
            f'<td>{status}</td><td>{" · ".join(links) or "–"}</td></tr>')
    score_heads = "".join(f"<th>{escape(lang)} score</th>" for lang in langs)
    pills = "".join(f'\n<span class="pill {STATE_CLASS[state]}">{states[state]} {state}</span>'
                    for state in STATE_ORDER if states[state] or state in ("errors", "failed"))
    return f"""{_head(title, INDEX_CSS)}
<body>
<h1>{escape(title)}</h1>
<div class="counts"><span class="pill">{_count(len(entries), "release")}</span>{pills}
<span class="pill sev-error">{_count(errors, "error")}</span>
<span class="pill sev-warning">{_count(warnings, "warning")}</span></div>
<table class="index">
<thead><tr><th>Release</th><th>Languages</th>{score_heads}<th>Errors</th><th>Warnings</th><th>Status</th><th>Reports</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""
