"""Reports for CI systems: JUnit XML (test dashboards) and SARIF 2.1.0 (code-review annotations)."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from align import DIST_NAME, __version__
from align.model import Issue, Report
from align.reports.common import (
    issue_detail,
    line_near,
    segment_label,
    sorted_issues,
    summary_of,
    xml_safe,
)

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "alignIssueId/v1"

CATEGORY_DESCRIPTION = {
    "figure": "A number, amount, percentage, date, time, unit or ordinal differs from the source",
    "name": "A person, place or organisation name differs from the source or is missing",
    "omission": "Source text has no translation",
    "addition": "Translation has text that is not in the source",
    "untranslated": "Translation is still in the source language (or in the wrong language)",
    "alignment": "The aligner is unsure these sentences render one another",
}
RULE_DESCRIPTION = {
    "figure.mismatch": "A figure differs from the source",
    "figure.missing": "A figure of the source is missing in the translation",
    "figure.extra": "The translation has a figure the source does not have",
    "figure.hedge": "A hedge on a figure (at least, about, more than) differs from the source",
    "figure.unit": "A unit or currency differs from the source",
    "name.missing": "A name of the source is missing in the translation",
    "name.mismatch": "A name is spelled differently from the glossary or the source",
    "name.extra": "The translation has a name the source does not have",
    "alignment.low_confidence": CATEGORY_DESCRIPTION["alignment"],
}


# -- JUnit --------------------------------------------------------------------------------------

def render_junit(report: Report) -> str:
    """One testsuite per target language, one testcase per segment; errors fail the testcase,
    warnings and infos go to its system-out."""
    langs = [lang for lang in report.languages if lang != report.source] or list(report.languages)
    root = ET.Element("testsuites", name="align")
    total_tests = total_failures = 0
    summary = summary_of(report)
    for lang in langs:
        file_name = report.files.get(lang, lang)
        suite = ET.SubElement(root, "testsuite", name=xml_safe(f"align {report.source}->{lang}: {file_name}"))
        props = ET.SubElement(suite, "properties")
        for key, value in (("source", report.source), ("language", lang), ("file", file_name),
                           ("score", str(summary.get("score", {}).get(lang, ""))),
                           ("signature", report.signature)):
            ET.SubElement(props, "property", name=key, value=xml_safe(str(value)))
        classname = "align." + _classname(file_name)
        tests = failures = 0
        for seg in report.segments:
            issues = sorted_issues([i for i in seg.issues if i.lang == lang])
            tests += 1
            case = ET.SubElement(suite, "testcase", name=segment_label(report, seg, lang),
                                 classname=classname, time="0")
            case.set("file", xml_safe(file_name))
            line = line_near(report, lang, seg)
            if line is not None:
                case.set("line", str(line))
            errors = [i for i in issues if i.severity == "error"]
            if errors:
                failures += 1
                failure = ET.SubElement(case, "failure", type=errors[0].category,
                                        message=xml_safe(errors[0].message))
                failure.text = xml_safe("\n".join(_issue_line(i) for i in errors))
            rest = [i for i in issues if i.severity != "error"]
            if rest:
                ET.SubElement(case, "system-out").text = xml_safe("\n".join(_issue_line(i) for i in rest))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _issue_line(issue: Issue) -> str:
    rule = f" ({issue.rule})" if issue.rule and issue.rule != issue.category else ""
    return f"[{issue.severity}] {issue.category}{rule}: {issue_detail(issue)}"


def _classname(file_name: str) -> str:
    stem = PurePath(file_name).name
    return "".join(ch if ch.isalnum() else "_" for ch in stem) or "input"


# -- SARIF --------------------------------------------------------------------------------------

def render_sarif(report: Report) -> str:
    """SARIF 2.1.0 with one result per issue, located at the line of the segment in the file of
    the language the issue was found in, so code review annotates that exact line."""
    rules: dict[str, dict[str, Any]] = {}
    results: list[dict[str, Any]] = []
    for seg in report.segments:
        for issue in seg.issues:
            rule_id = issue.rule or issue.category
            if rule_id not in rules:
                rules[rule_id] = _rule(rule_id, issue.category)
            rules[rule_id]["_worst"] = max(rules[rule_id]["_worst"], _rank(issue.severity))
            result: dict[str, Any] = {
                "ruleId": rule_id,
                "level": SARIF_LEVEL.get(issue.severity, "note"),
                "message": {"text": issue_detail(issue)},
                "partialFingerprints": {FINGERPRINT_KEY: issue.id or _fallback_id(issue, seg.id)},
                "properties": {
                    "category": issue.category,
                    "language": issue.lang,
                    "segment": seg.id,
                    "expected": issue.expected,
                    "found": issue.found,
                },
            }
            location = _location(report, issue.lang, seg)
            if location is not None:
                result["locations"] = [location]
            related = _location(report, report.source, seg) if issue.lang != report.source else None
            if related is not None:
                related["id"] = 0
                related["message"] = {"text": f"{report.source} text of this segment"}
                result["relatedLocations"] = [related]
            results.append(result)
    rule_list = []
    for index, (rule_id, rule) in enumerate(sorted(rules.items())):
        worst = rule.pop("_worst")
        rule["defaultConfiguration"] = {"level": SARIF_LEVEL[("info", "warning", "error")[worst]]}
        rule_list.append(rule)
        for result in results:
            if result["ruleId"] == rule_id:
                result["ruleIndex"] = index
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "align",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": rule_list,
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"signature": report.signature, "summary": summary_of(report),
                       "source": report.source, "languages": report.languages},
    }
    uri = _information_uri()
    if uri:
        run["tool"]["driver"]["informationUri"] = uri
    artifacts = [{"location": {"uri": _uri(path)}, "encoding": "utf-8"}
                 for lang, path in sorted(report.files.items()) if path]
    if artifacts:
        run["artifacts"] = artifacts
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def _rank(severity: str) -> int:
    return {"info": 0, "warning": 1, "error": 2}.get(severity, 0)


def _rule(rule_id: str, category: str) -> dict[str, Any]:
    text = RULE_DESCRIPTION.get(rule_id) or CATEGORY_DESCRIPTION.get(category) or rule_id
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.replace(".", "_").split("_")),
        "shortDescription": {"text": text},
        "fullDescription": {"text": f"{CATEGORY_DESCRIPTION.get(category, category)} ({rule_id})."},
        "properties": {"category": category, "tags": ["translation", category]},
        "_worst": 0,
    }


def _location(report: Report, lang: str, seg) -> dict[str, Any] | None:
    path = report.files.get(lang)
    if not path:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    line = line_near(report, lang, seg)
    if line is not None:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical}


def _uri(path: str) -> str:
    """The file as a SARIF artifact URI: a `./`-prefixed relative reference when it is inside the
    working directory (code-review tools resolve those against the checkout), else an absolute
    file:// URI; forward slashes, spaces, colons and the like %-encoded."""
    given = Path(path)
    if given.is_absolute():
        try:
            path = str(given.relative_to(Path.cwd()))
        except ValueError:
            return given.as_uri()
    # `./` and an encoded colon: a file named `javascript:x.uk.txt` must not read as a URI scheme.
    ref = quote(path.replace("\\", "/"), safe="/@-._~")
    return ref if ref.startswith(("./", "../")) else "./" + ref


def _fallback_id(issue: Issue, segment: int) -> str:
    digest = hashlib.sha1("\x1f".join([issue.category, issue.rule, issue.lang, issue.expected,
                                       issue.found, issue.message, str(segment)]).encode()).hexdigest()
    return f"{issue.category}:{issue.lang}:{digest[:10]}"


def _information_uri() -> str | None:
    """The project's home page as the installed package declares it (pyproject [project.urls]);
    None when it declares none, since a guessed address could name somebody else's project."""
    try:
        meta = metadata.metadata(DIST_NAME)
        for entry in meta.get_all("Project-URL") or []:
            _label, _, url = entry.partition(",")
            if url.strip().startswith("http"):
                return url.strip()
        home = meta.get("Home-page")
        if home and home.startswith("http"):
            return home
    except metadata.PackageNotFoundError:
        pass
    return None
