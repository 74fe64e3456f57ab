"""Issue ids where people work: the terminal table, Markdown and HTML, so accepting needs no JSON."""

from __future__ import annotations

from align.reports import render
from tests.fixtures.report import build_report


def test_every_issue_id_is_in_the_table_markdown_and_html() -> None:
    report = build_report()
    ids = {issue.id for issue in report.issues}
    assert ids and all(ids)
    table = render(report, "table")
    md = render(report, "md")
    html = render(report, "html")
    for issue_id in ids:
        assert f"[{issue_id}]" in table
        assert f"`{issue_id}`" in md
        assert f'<code class="issue-id">{issue_id}</code>' in html
        assert f'data-command="align accept {issue_id} --reason &quot;…&quot;"' in html
    assert 'align accept ISSUE_ID --reason' in md


def test_ids_survive_a_narrow_terminal_unbroken() -> None:
    from align.reports.text import render_table

    report = build_report()
    out = render_table(report, width=80)
    for issue in report.issues:
        assert issue.id in out  # wrapped at spaces, never inside the id
