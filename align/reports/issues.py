"""The issue list a reviewer filters: CSV (UTF-8 with a BOM, so spreadsheet programs read the
Cyrillic right) and XLSX (openpyxl; a filter on every column, the header frozen)."""

from __future__ import annotations

import csv
import io

from align.model import Report
from align.reports.common import sorted_issues
from align.reports.html import accept_command

COLUMNS = ("release", "file", "unit", "line", "severity", "category", "rule", "lang", "message",
           "expected", "found", "source text", "target text", "id", "accept command")
# A cell starting with one of these is a formula to a spreadsheet: a text could run one.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def issue_rows(report: Report, release: str = "") -> list[list[str]]:
    """A row per issue, most severe first within each segment, in document order."""
    from align.reports.ci import release_name

    release = release or release_name(report)
    rows = []
    for seg in report.segments:
        for issue in sorted_issues(seg.issues):
            doc = report.documents.get(issue.lang)
            unit_ids = getattr(doc, "unit_ids", None)
            unit = unit_ids[seg.id] if unit_ids and 0 <= seg.id < len(unit_ids) and unit_ids[seg.id] else ""
            unit = unit.split("\x04")[-1]  # translate-toolkit prefixes an XLIFF 1.2 id with its <file>
            line = report.line_of(issue.lang, seg) or report.line_of(report.source, seg)
            rows.append([release, report.files.get(issue.lang, ""), unit, "" if line is None else str(line),
                         issue.severity, issue.category, issue.rule, issue.lang, issue.message, issue.expected,
                         issue.found, seg.text.get(report.source, ""), seg.text.get(issue.lang, ""), issue.id,
                         accept_command(issue.id) if issue.id else ""])
    return rows


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(report: Report) -> str:
    return csv_document([issue_rows(report)])


def csv_document(parts: list[list[list[str]]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for rows in parts:
        writer.writerows([[_cell(value) for value in row] for row in rows])
    return "\ufeff" + buf.getvalue()


def render_xlsx(report: Report) -> bytes:
    return xlsx_document([issue_rows(report)])


def xlsx_document(parts: list[list[list[str]]]) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError:
        from align.errors import InputError

        raise InputError('--format xlsx needs openpyxl: pip install "align-newsroom[cat]"') from None
    from align.reports.common import xml_safe

    book = Workbook()
    sheet = book.active
    sheet.title = "issues"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for rows in parts:
        for row in rows:
            sheet.append([xml_safe(value) for value in row])
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"  # text, never a formula, whatever it starts with
    sheet.auto_filter.ref = sheet.dimensions
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJKLMNO", (14, 24, 10, 6, 9, 12, 18, 5, 60, 16, 16, 50, 50, 22, 44),
                             strict=True):
        sheet.column_dimensions[letter].width = width
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
