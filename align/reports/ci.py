"""Reports for CI systems: JUnit XML (test dashboards) and SARIF 2.1.0 (code-review annotations)."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from functools import lru_cache
from importlib import metadata
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from align import DIST_NAME, __version__
from align.model import Issue, Report
from align.reports.common import (
    issue_detail,
    line_near,
    sorted_issues,
    summary_of,
    xml_safe,
)
from align.resources import lang_path, read_lines

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


# Rules a translator can act on: what the rule means and what to do about it (SARIF `help`).
RULE_HELP = {
    "figure.mismatch": "Make the number in the translation equal to the source's, or correct the source.",
    "figure.missing": "Add the figure to the translation; a dropped number changes what the release says.",
    "figure.extra": "Remove the figure, or add it to the source if the translation is right.",
    "figure.hedge": "Keep the qualifier of the figure: 'at least 40' is not '40', 'about 160' is not "
                    "'160'. Translate the hedge ({hedges}).",
    "figure.unit": "Use the source's unit or currency, or convert the value with it.",
    "figure.conversion": "The figure was converted to another unit; check that the value is right.",
    "figure.rounding": "The figure was rounded; check that the rounding is acceptable.",
    "figure.date_partial": "Part of a date (day, month or year) differs or is missing; give the full date.",
    "name.missing": "Render the name in the translation (the glossary form if it has one).",
    "name.mismatch": "Spell the name as the glossary or the source has it.",
    "name.extra": "The translation names someone or something the source does not; check the sentence.",
    "name.garbled": "The name is misspelled or cut short; use its established spelling.",
    "name.literal": "The name was translated word by word; use its established rendering.",
    "omission": "Translate the source sentence; it has no counterpart in this language.",
    "addition": "Remove the sentence, or add it to the source if it belongs there.",
    "untranslated": "Translate the sentence; it is still in the source language (or the other target language).",
    "alignment.low_confidence": "Check that these sentences render one another; a split or merged "
                                "sentence can make the aligner unsure.",
}
RULE_DESCRIPTION.update({
    "figure.conversion": "A figure was converted to another unit",
    "figure.rounding": "A figure was rounded",
    "figure.date_partial": "Part of a date differs from the source",
    "name.garbled": "A name is garbled or truncated",
    "name.literal": "A name was translated literally",
    "omission": CATEGORY_DESCRIPTION["omission"],
    "addition": CATEGORY_DESCRIPTION["addition"],
    "untranslated": CATEGORY_DESCRIPTION["untranslated"],
})


def release_name(report: Report) -> str:
    """The release a report is about: its source file's name without `.LANG.txt`."""
    path = report.files.get(report.source) or next(iter(report.files.values()), "") or "release"
    name = PurePath(path).name
    for suffix in (f".{report.source}.txt", ".txt"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return PurePath(name).stem or "release"


# -- JUnit --------------------------------------------------------------------------------------

def render_junit(report: Report) -> str:
    """One report as JUnit XML (see junit_suites)."""
    return junit_document([junit_suites(report)])


def junit_suites(report: Report, release: str | None = None) -> list[ET.Element]:
    """One testsuite per target language of one release, one testcase per segment; errors fail
    the testcase, warnings and infos go to its system-out.

    A testcase is named by a digest of its source sentence (and a few of its words), not by its
    position, so a dashboard's history of a sentence survives an insertion above it; the line
    is an attribute."""
    release = release or release_name(report)
    langs = [lang for lang in report.languages if lang != report.source] or list(report.languages)
    summary = summary_of(report)
    suites = []
    for lang in langs:
        file_name = report.files.get(lang, lang)
        suite = ET.Element("testsuite", name=xml_safe(f"{release} {report.source}->{lang}"))
        props = ET.SubElement(suite, "properties")
        for key, value in (("release", release), ("source", report.source), ("language", lang),
                           ("file", file_name), ("score", str(summary.get("score", {}).get(lang, ""))),
                           ("signature", report.signature)):
            ET.SubElement(props, "property", name=key, value=xml_safe(str(value)))
        classname = f"align.{_classname(release)}.{lang}"
        tests = failures = 0
        seen: dict[str, int] = {}
        for seg in report.segments:
            issues = sorted_issues([i for i in seg.issues if i.lang == lang])
            tests += 1
            name = _case_name(report, seg, lang)
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:  # the same sentence twice in a release
                name = f"{name} ({seen[name]})"
            case = ET.SubElement(suite, "testcase", name=xml_safe(name), classname=classname, time="0")
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
        for key, value in (("tests", tests), ("failures", failures), ("errors", 0), ("skipped", 0), ("time", 0)):
            suite.set(key, str(value))
        suites.append(suite)
    return suites


def junit_document(parts: list[list[ET.Element] | list[str]]) -> str:
    """One <testsuites> document from the suites of several releases (elements, or the XML text
    of suites kept from an earlier run)."""
    root = ET.Element("testsuites", name="align")
    total_tests = total_failures = 0
    for suites in parts:
        for suite in suites:
            element = ET.fromstring(suite) if isinstance(suite, str) else suite
            root.append(element)
            total_tests += int(element.get("tests", "0"))
            total_failures += int(element.get("failures", "0"))
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    root.set("time", "0")
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case_name(report: Report, seg, lang: str) -> str:
    """`sentence 3f2a9c01: The ministry bought 99…`: a digest of the source sentence (of the
    translation's, for an addition) and its first words."""
    text = " ".join(seg.text.get(report.source, "").split())
    kind = "sentence"
    if not text:
        text, kind = " ".join(seg.text.get(lang, "").split()), f"added in {lang}"
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    words = text if len(text) <= 48 else text[:47].rstrip() + "…"
    return f"{kind} {digest}: {words}"


def _issue_line(issue: Issue) -> str:
    rule = f" ({issue.rule})" if issue.rule and issue.rule != issue.category else ""
    return f"[{issue.severity}] {issue.category}{rule}: {issue_detail(issue)} [{issue.id}]"


def _classname(name: str) -> str:
    stem = PurePath(name).name
    return "".join(ch if ch.isalnum() else "_" for ch in stem) or "input"


# -- SARIF --------------------------------------------------------------------------------------

def render_sarif(report: Report) -> str:
    """One report as a SARIF log (see sarif_run)."""
    return sarif_document([sarif_run(report)])


def sarif_run(report: Report, release: str | None = None) -> dict[str, Any]:
    """The SARIF run of one release: a result per issue, located at the line (and, within it, the
    columns of the quoted text) in the file of the language the issue was found in, so code
    review annotates that exact place. sarif_document merges the runs of several releases."""
    release = release or release_name(report)
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
                "message": {"text": f"{issue_detail(issue)} [{issue.id}]" if issue.id else issue_detail(issue)},
                "partialFingerprints": {FINGERPRINT_KEY: issue.id or _fallback_id(issue, seg.id)},
                "properties": {
                    "release": release,
                    "category": issue.category,
                    "language": issue.lang,
                    "segment": seg.id,
                    "expected": issue.expected,
                    "found": issue.found,
                    "issueId": issue.id,
                },
            }
            location = _location(report, issue.lang, seg, issue.found)
            if location is not None:
                result["locations"] = [location]
            related = (_location(report, report.source, seg, issue.expected)
                       if issue.lang != report.source else None)
            if related is not None:
                related["id"] = 0
                related["message"] = {"text": f"{report.source} text of this segment"}
                result["relatedLocations"] = [related]
            results.append(result)
    for rule in rules.values():
        worst = rule.pop("_worst")
        rule["defaultConfiguration"] = {"level": SARIF_LEVEL[("info", "warning", "error")[worst]]}
    artifacts = [{"location": {"uri": _uri(path)}, "encoding": "utf-8"}
                 for path in dict.fromkeys(path for _, path in sorted(report.files.items()) if path)]
    return {
        "rules": [rules[key] for key in sorted(rules)],
        "results": results,
        "artifacts": artifacts,
        "release": {"name": release, "signature": report.signature, "summary": summary_of(report),
                    "source": report.source, "languages": report.languages},
    }


def sarif_document(runs: list[dict[str, Any]]) -> str:
    """One SARIF log with one run holding every release's results, artifacts and rules: code
    scanning takes one upload per tool and category, so a CI job uploads this file once."""
    rules: dict[str, dict[str, Any]] = {}
    for part in runs:
        for rule in part["rules"]:
            known = rules.get(rule["id"])
            if known is None or _level_rank(rule["defaultConfiguration"]["level"]) > \
                    _level_rank(known["defaultConfiguration"]["level"]):
                rules[rule["id"]] = rule
    rule_ids = sorted(rules)
    index = {rule_id: n for n, rule_id in enumerate(rule_ids)}
    results = []
    for part in runs:
        for result in part["results"]:
            results.append({**result, "ruleIndex": index[result["ruleId"]]})
    artifacts = list({a["location"]["uri"]: a for part in runs for a in part["artifacts"]}.values())
    releases = [part["release"] for part in runs]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "align",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [rules[rule_id] for rule_id in rule_ids],
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"releases": releases},
    }
    if len(releases) == 1:  # the layout of a single check's log, kept for its readers
        run["properties"].update({key: releases[0][key] for key in ("signature", "summary", "source", "languages")})
    uri = _information_uri()
    if uri:
        run["tool"]["driver"]["informationUri"] = uri
    if artifacts:
        run["artifacts"] = artifacts
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


def _rank(severity: str) -> int:
    return {"info": 0, "warning": 1, "error": 2}.get(severity, 0)


def _level_rank(level: str) -> int:
    return {"none": -1, "note": 0, "warning": 1, "error": 2}.get(level, 0)


def _help(key: str) -> str | None:
    advice = RULE_HELP.get(key)
    return advice.replace("{hedges}", _hedge_examples()) if advice else advice


@lru_cache(maxsize=1)
def _hedge_examples() -> str:
    """The hedges the help names, from the language data: "uk, uk, uk / ru, ru, ru"."""
    return " / ".join(", ".join(read_lines(lang_path(lang, "hedge_examples.txt"))) for lang in ("uk", "ru"))


def _rule(rule_id: str, category: str) -> dict[str, Any]:
    text = RULE_DESCRIPTION.get(rule_id) or CATEGORY_DESCRIPTION.get(category) or rule_id
    advice = _help(rule_id) or _help(category) or text
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.replace(".", "_").split("_")),
        "shortDescription": {"text": text},
        "fullDescription": {"text": f"{text} ({rule_id})." if text == CATEGORY_DESCRIPTION.get(category)
                            else f"{text} ({rule_id}); category {category}: "
                                 f"{CATEGORY_DESCRIPTION.get(category, category).lower()}."},
        "help": {"text": advice,
                 "markdown": f"**{text}.** {advice}\n\nAccept a reviewed issue: "
                             f"`align accept ISSUE_ID --reason \"why\"`."},
        "properties": {"category": category, "tags": ["translation", category]},
        "_worst": 0,
    }


def _location(report: Report, lang: str, seg, quoted: str = "") -> dict[str, Any] | None:
    path = report.files.get(lang)
    if not path:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(path)}}
    line = line_near(report, lang, seg)
    if line is not None:
        physical["region"] = {"startLine": line, **_columns(report, lang, seg, quoted, line)}
    return {"physicalLocation": physical}


def _columns(report: Report, lang: str, seg, quoted: str, line: int) -> dict[str, int]:
    """startColumn/endColumn (1-based, end exclusive, in code points) of `quoted` on `line`, or of
    the segment's first sentence when the quote is not there; {} where the document is not plain
    text that the sentence offsets index (a CAT file) or the span leaves the line."""
    doc = report.documents.get(lang)
    indices = seg.sentences.get(lang) or []
    if doc is None or not indices or getattr(doc, "kind", "text") != "text":
        return {}
    by_index = {sent.index: sent for sent in doc.sentences if sent.index in indices}
    first = by_index.get(indices[0])
    if first is None or first.line != line or not (0 <= first.start < first.end <= len(doc.text)):
        return {}
    last = by_index.get(indices[-1], first)
    start, end = first.start, first.end
    if quoted:
        found = doc.text.find(quoted, first.start, max(last.end, first.end))
        if found >= 0:
            start, end = found, found + len(quoted)
    line_start = doc.text.rfind("\n", 0, start) + 1
    if "\n" in doc.text[start:end] or doc.text[line_start:start].count("\n"):
        return {}
    return {"startColumn": start - line_start + 1, "endColumn": end - line_start + 1}


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
