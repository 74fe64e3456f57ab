"""Renderers: every format from one realistic hand-built Report (tests/fixtures/report.py)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from align.errors import InputError
from align.model import Figure, Issue, NameMention, Report, Segment
from align.reports import FORMATS, SUFFIXES, IndexEntry, render, render_index
from align.reports.common import short_signature, spans_of
from tests.fixtures.report import build_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report()


def test_every_format_renders_and_has_a_suffix(report: Report) -> None:
    assert set(SUFFIXES) == set(FORMATS)
    for fmt in FORMATS:
        out = render(report, fmt)
        assert isinstance(out, str) and out.strip(), fmt
        assert out.endswith("\n"), fmt


def test_unknown_format_is_an_input_error(report: Report) -> None:
    with pytest.raises(InputError, match="unknown report format 'pdf'"):
        render(report, "pdf")


def test_empty_report_renders_in_every_format() -> None:
    empty = Report(languages=["en", "uk"], source="en", files={"en": "a.en.txt", "uk": "a.uk.txt"},
                   segments=[])
    for fmt in FORMATS:
        render(empty, fmt)
    assert json.loads(render(empty, "sarif"))["runs"][0]["results"] == []
    assert "No issues" in render(empty, "html")


# -- json / jsonl / tsv -------------------------------------------------------------------------

def test_json_is_the_contract_with_cyrillic_unescaped(report: Report) -> None:
    out = render(report, "json")
    assert json.loads(out) == json.loads(json.dumps(report.to_dict()))
    assert "Росія" in out and "\\u04" not in out
    data = json.loads(out)
    for key in ("tool", "languages", "source", "files", "segments", "summary"):
        assert key in data
    assert data["segments"][2]["sentences"]["uk"] == []
    assert data["segments"][0]["sentences"]["ru"] == [0, 1]


def test_jsonl_one_object_per_segment_with_lines(report: Report) -> None:
    rows = [json.loads(line) for line in render(report, "jsonl").splitlines()]
    assert [r["id"] for r in rows] == [seg.id for seg in report.segments]
    assert rows[2]["text"]["uk"] == "" and rows[2]["lines"]["uk"] is None
    assert rows[0]["lines"] == {"en": 1, "uk": 1, "ru": 1}
    assert rows[1]["lines"]["ru"] == 2  # ru's first segment held two sentences on line 1
    assert rows[0]["issues"][0]["found"] == "98"


def test_tsv_has_a_column_per_language(report: Report) -> None:
    out = render(report, "tsv")
    rows = list(csv.reader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["en", "uk", "ru"]
    assert len(rows) == 1 + len(report.segments)
    assert all(len(r) == 3 for r in rows)
    assert rows[3] == [report.segments[2].text["en"], "", report.segments[2].text["ru"]]
    assert rows[5][:2] == ["", ""]


def test_tsv_keeps_tabs_and_newlines_out_of_cells() -> None:
    seg = Segment(0, {"en": [0], "uk": [0]}, {"en": "a\tb\nc", "uk": "д\r\nе"})
    out = render(Report(["en", "uk"], "en", {}, [seg]), "tsv")
    assert out.splitlines()[1] == "a b c\tд е"


# -- tmx ----------------------------------------------------------------------------------------

def test_tmx_parses_back_with_the_texts(report: Report) -> None:
    out = render(report, "tmx")
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    for attr, value in {"creationtool": "align", "srclang": "en", "segtype": "sentence",
                        "adminlang": "en", "datatype": "plaintext", "o-tmf": "align"}.items():
        assert header.get(attr) == value
    tus = root.findall("body/tu")
    assert len(tus) == len(report.segments)
    by_id = {tu.get("tuid"): tu for tu in tus}
    langs_2 = [tuv.get(XML_LANG) for tuv in by_id["2"].findall("tuv")]
    assert langs_2 == ["en", "ru"]  # the omitted uk is not written as an empty tuv
    assert [tuv.get(XML_LANG) for tuv in by_id["4"].findall("tuv")] == ["ru"]
    seg_texts = {tuv.get(XML_LANG): tuv.findtext("seg") for tuv in by_id["2"].findall("tuv")}
    assert seg_texts["en"] == 'The package is worth $7.66 billion <including "ammunition">.'
    assert by_id["0"].find("tuv/seg").text.endswith("& drones at Kyiv and Kharkiv.")
    # prop before tuv, as the TMX DTD orders a tu's children
    assert [child.tag for child in by_id["0"]][-1] == "tuv"
    assert [child.tag for child in by_id["0"]][0] == "prop"


def test_tmx_drops_characters_xml_cannot_carry() -> None:
    seg = Segment(0, {"en": [0], "uk": [0]}, {"en": "bell\x07 here", "uk": "дзвін\x0b тут"})
    root = ET.fromstring(render(Report(["en", "uk"], "en", {}, [seg]), "tmx"))
    assert [s.text for s in root.iter("seg")] == ["bell here", "дзвін тут"]


# -- junit --------------------------------------------------------------------------------------

def test_junit_counts_failures_per_language(report: Report) -> None:
    root = ET.fromstring(render(report, "junit").encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 2  # one per target language
    uk, ru = suites
    assert "uk" in uk.get("name") and "ru" in ru.get("name")
    assert uk.get("tests") == "7" and len(uk.findall("testcase")) == 7
    assert uk.get("failures") == "3" and len(uk.findall("testcase/failure")) == 3
    assert ru.get("failures") == "0" and not ru.findall("testcase/failure")
    assert root.get("tests") == "14" and root.get("failures") == "3"
    first = uk.find("testcase")
    assert re.fullmatch(r"sentence [0-9a-f]{8}: .+", first.get("name")) and first.get("line") == "1"
    failure = first.find("failure")
    assert failure.get("type") == "figure"
    assert failure.get("message") == "uk has 98 where en has 99 (missiles)"
    case5 = uk.findall("testcase")[5]
    assert case5.find("failure").get("type") == "untranslated"
    assert "alignment" in case5.findtext("system-out")  # the warning is recorded, not failed
    ru_case3 = ru.findall("testcase")[3]
    assert ru_case3.find("failure") is None and "Елена Зеленская" in ru_case3.findtext("system-out")
    omission = uk.findall("testcase")[2]
    assert omission.find("failure").get("message").endswith('<including "ammunition">.')


def test_junit_reads_with_junitparser(report: Report, tmp_path) -> None:
    junitparser = pytest.importorskip("junitparser")
    path = tmp_path / "align.junit.xml"
    path.write_text(render(report, "junit"), encoding="utf-8")
    xml = junitparser.JUnitXml.fromfile(str(path))
    suites = list(xml)
    assert [s.tests for s in suites] == [7, 7]
    assert [s.failures for s in suites] == [3, 0]
    failed = [case for case in suites[0] if not case.is_passed]
    assert len(failed) == 3
    assert failed[0].result[0].type == "figure"


def test_junit_without_documents_names_segments_without_lines() -> None:
    bare = build_report(with_documents=False)
    root = ET.fromstring(render(bare, "junit"))
    names = [c.get("name") for c in root.iter("testcase")]
    assert all(name.startswith("sentence ") for name in names[:2]) and names[0] != names[1]
    assert all(c.get("line") is None for c in root.iter("testcase"))


# -- sarif --------------------------------------------------------------------------------------

# The required properties of SARIF 2.1.0 (sarif-schema-2.1.0.json, OASIS) for what we emit.
SARIF_REQUIRED = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "$schema": {"type": "string", "format": "uri"},
        "version": {"enum": ["2.1.0"]},
        "runs": {"type": "array", "items": {"$ref": "#/definitions/run"}},
    },
    "definitions": {
        "message": {"type": "object", "anyOf": [{"required": ["text"]}, {"required": ["id"]}],
                    "properties": {"text": {"type": "string"}}},
        "multiformat": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
        "run": {
            "type": "object",
            "required": ["tool"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"],
                         "properties": {"driver": {"$ref": "#/definitions/toolComponent"}}},
                "results": {"type": "array", "items": {"$ref": "#/definitions/result"}},
            },
        },
        "toolComponent": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "version": {"type": "string"},
                "informationUri": {"type": "string", "format": "uri"},
                "rules": {"type": "array", "items": {
                    "type": "object", "required": ["id"],
                    "properties": {"id": {"type": "string"},
                                   "shortDescription": {"$ref": "#/definitions/multiformat"},
                                   "defaultConfiguration": {"type": "object", "properties": {
                                       "level": {"enum": ["none", "note", "warning", "error"]}}}}}},
            },
        },
        "result": {
            "type": "object",
            "required": ["message"],
            "properties": {
                "ruleId": {"type": "string"},
                "ruleIndex": {"type": "integer", "minimum": -1},
                "level": {"enum": ["none", "note", "warning", "error"]},
                "message": {"$ref": "#/definitions/message"},
                "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                "locations": {"type": "array", "items": {"$ref": "#/definitions/location"}},
                "relatedLocations": {"type": "array", "items": {"$ref": "#/definitions/location"}},
            },
        },
        "location": {
            "type": "object",
            "properties": {
                "id": {"type": "integer", "minimum": -1},
                "message": {"$ref": "#/definitions/message"},
                "physicalLocation": {
                    "type": "object",
                    "anyOf": [{"required": ["address"]}, {"required": ["artifactLocation"]}],
                    "properties": {
                        "artifactLocation": {"type": "object", "properties": {
                            "uri": {"type": "string", "format": "uri-reference"}}},
                        "region": {"type": "object", "properties": {
                            "startLine": {"type": "integer", "minimum": 1}}},
                    },
                },
            },
        },
    },
}


def test_sarif_validates_against_the_required_schema(report: Report) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    sarif = json.loads(render(report, "sarif"))
    jsonschema.validate(sarif, SARIF_REQUIRED)
    # and the schema is not vacuous: a result without a message is refused
    broken = json.loads(render(report, "sarif"))
    del broken["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SARIF_REQUIRED)


def test_sarif_uris_are_relative_inside_the_checkout_else_file_uris(report: Report, tmp_path, monkeypatch) -> None:
    import copy

    inside = tmp_path / "repo" / "news" / "my release.uk.txt"
    outside = tmp_path / "elsewhere" / "release.ru.txt"
    moved = copy.deepcopy(report)
    moved.files = {**report.files, "uk": str(inside), "ru": str(outside)}
    (tmp_path / "repo").mkdir()
    monkeypatch.chdir(tmp_path / "repo")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(render(moved, "sarif"))["runs"][0]["results"]}
    assert "./news/my%20release.uk.txt" in uris
    assert outside.as_uri() in uris


def test_sarif_results_point_at_the_line_in_the_target_file(report: Report) -> None:
    sarif = json.loads(render(report, "sarif"))
    assert sarif["version"] == "2.1.0" and sarif["$schema"].startswith("https://")
    run = sarif["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "align" and driver["version"]
    assert driver.get("informationUri", "http").startswith("http")
    rules = driver["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    assert all(r["shortDescription"]["text"] for r in rules)
    results = run["results"]
    assert len(results) == len(report.issues) == 7
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    ids = {issue.id for issue in report.issues}
    assert {r["partialFingerprints"]["alignIssueId/v1"] for r in results} == ids

    def loc(rule: str) -> tuple[str, int, str]:
        result = next(r for r in results if r["ruleId"] == rule)
        phys = result["locations"][0]["physicalLocation"]
        return phys["artifactLocation"]["uri"], phys["region"]["startLine"], result["level"]

    uk_uri = "./" + quote(report.files["uk"])
    ru_uri = "./" + quote(report.files["ru"])
    assert "%20" in uk_uri  # the space in the file name is encoded
    assert loc("figure.mismatch") == (uk_uri, 1, "error")
    assert loc("untranslated") == (uk_uri, 4, "error")
    assert loc("name.mismatch") == (ru_uri, 4, "warning")
    assert loc("addition") == (ru_uri, 5, "warning")
    assert loc("figure.none")[2] == "note"
    # an omission has no uk line: it points where the text is missing (after uk line 2)
    assert loc("omission") == (uk_uri, 2, "error")
    omission = next(r for r in results if r["ruleId"] == "omission")
    related = omission["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "./" + quote(report.files["en"])
    assert related["region"]["startLine"] == 3


def test_sarif_without_documents_still_names_the_file() -> None:
    sarif = json.loads(render(build_report(with_documents=False), "sarif"))
    phys = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert "region" not in phys and phys["artifactLocation"]["uri"].endswith(".uk.txt")


# -- table / md ---------------------------------------------------------------------------------

def test_table_lists_only_segments_with_issues(report: Report) -> None:
    out = render(report, "table")
    assert not ANSI.search(out)
    assert "segment 0 (line 1)" in out and "segment 1 " not in out and "segment 6" not in out
    assert "2 clean" in out
    assert "uk has 98 where en has 99 (missiles)" in out
    assert "(nothing in this language)" in out
    assert "0.643" in out and "0.821" in out
    assert f"signature: {short_signature(report.signature)}" in out  # the complete one with --verbose
    assert report.signature in render(report, "table", verbose=True)
    assert 'including "ammunition"' in out  # rich markup characters are printed literally


def test_table_prints_rich_markup_literally() -> None:
    seg = Segment(0, {"en": [0], "uk": [0]}, {"en": "[bold]99[/bold] rockets", "uk": "[red]98[/] ракет"},
                  issues=[Issue("figure", "error", "uk", "99", "98", "uk has [red]98[/] where en has 99")])
    out = render(Report(["en", "uk"], "en", {"en": "[x].en.txt", "uk": "[x].uk.txt"}, [seg]), "table")
    assert "[bold]99[/bold] rockets" in out and "[red]98[/] ракет" in out
    assert "uk has [red]98[/] where en has 99" in out and "[x].uk.txt" in out


def test_table_colours_only_when_asked(report: Report) -> None:
    coloured = render(report, "table", color=True)
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured).split() == render(report, "table").split()


def test_markdown_summary_and_escaped_texts(report: Report) -> None:
    out = render(report, "md")
    assert "| uk | releases/2024-01-02 strike.uk.txt | 0.643 | 3 | 1 |" in out
    assert "### Segment 0 (line 1)" in out and "### Segment 1 " not in out
    assert r"\<including" in out and "<including" not in out.replace(r"\<including", "")
    assert "&amp; drones" in out
    assert "| uk | *(missing)* |" in out
    assert re.search(r"- \*\*error\*\* · figure · uk · `figure:uk:[0-9a-f]{10}`: uk has 98 where en has 99 \(missiles\)",
                     out)
    table_rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert all(line.count(" | ") - line.count(r"\|") >= 1 for line in table_rows)


# -- html ---------------------------------------------------------------------------------------

class _Collector(HTMLParser):
    """Tags, their attributes and whether start and end tags balance."""

    VOID = {"meta", "br", "input", "col", "link", "img", "hr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()


def _parse(html: str) -> _Collector:
    parser = _Collector()
    parser.feed(html)
    parser.close()
    return parser


def test_html_is_self_contained_and_balanced(report: Report) -> None:
    html = render(report, "html")
    parsed = _parse(html)
    assert parsed.errors == [] and parsed.stack == []
    assert not any(tag in ("link", "img", "iframe") for tag, _ in parsed.tags)
    assert not any("src" in attrs for tag, attrs in parsed.tags if tag == "script")
    for tag, attrs in parsed.tags:
        href = attrs.get("href") or ""
        assert not href.startswith(("http:", "https:", "//")), (tag, href)
    assert "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "@media print" in html


def test_html_escapes_every_text(report: Report) -> None:
    html = render(report, "html")
    assert "<including" not in html
    assert "&lt;including &quot;ammunition&quot;&gt;" in html
    assert "missiles &amp; drones" in html
    assert "Росія" in html  # Cyrillic stays readable, not entity-encoded


def test_html_header_has_files_scores_counts_signature(report: Report) -> None:
    html = render(report, "html")
    for lang in report.languages:
        assert report.files[lang] in html
    assert "0.643" in html and "0.821" in html
    assert "3 errors" in html and "3 warnings" in html
    assert report.signature in html


def test_html_segments_side_by_side_with_linked_highlights(report: Report) -> None:
    parsed = _parse(render(report, "html"))
    bodies = [attrs for tag, attrs in parsed.tags if tag == "tbody" and "seg" in (attrs.get("class") or "")]
    assert [b["id"] for b in bodies] == [f"seg-{seg.id}" for seg in report.segments]
    assert "worst-error" in bodies[0]["class"] and "clean" in bodies[1]["class"]
    cells = [attrs for tag, attrs in parsed.tags if tag == "td" and "text" in (attrs.get("class") or "")]
    assert len(cells) == 3 * len(report.segments)
    assert sum("empty" in c["class"] for c in cells) == 3  # uk in seg 2, en and uk in seg 4
    marks = [attrs for tag, attrs in parsed.tags if tag == "mark" and attrs.get("data-link")]
    links = [m["data-link"] for m in marks]
    assert links.count("n:kyiv") == 3 and links.count("f:2024-01-02") == 3
    odd = {m["data-link"] for m in marks if "odd" in m["class"]}
    # The issue "uk has 98 where en has 99" quotes uk's 98 and en's 99; ru's 99 agrees, and a
    # mention no error or warning quotes is never underlined, whatever its key.
    assert "f:98" in odd and "f:99" in odd and "n:elena_zelenskaya" in odd
    ru_99 = [m for m in marks if m["data-link"] == "f:99" and "odd" not in m["class"]]
    assert ru_99, "ru's 99 agrees with en and must not be flagged"


def test_html_issue_filters_cover_present_categories(report: Report) -> None:
    parsed = _parse(render(report, "html"))
    boxes = [attrs for tag, attrs in parsed.tags if tag == "input" and attrs.get("data-filter")]
    severities = {b["value"] for b in boxes if b["data-filter"] == "severity"}
    categories = {b["value"] for b in boxes if b["data-filter"] == "category"}
    assert severities == {"error", "warning", "info"}
    assert categories == {i.category for i in report.issues}
    issue_items = [attrs for tag, attrs in parsed.tags if "issue" in (attrs.get("class") or "").split()]
    assert len(issue_items) == 2 * len(report.issues)  # the list at the top and each segment's list
    assert any(attrs.get("id") == "only-issues" for _, attrs in parsed.tags)


def test_spans_are_repaired_or_dropped_and_never_overlap() -> None:
    text = "Shelling killed 3 people in Kharkiv on 5 May."
    seg = Segment(0, {"en": [0]}, {"en": text}, figures={"en": [
        Figure("number", "3", "3", 100, 101),  # offsets past the text: found by its surface form
        Figure("date", "05-05", "5 May", text.index("5 May"), text.index("5 May") + 5),
        Figure("number", "5", "5", text.index("5 May"), text.index("5 May") + 1),  # inside the date
        Figure("number", "7", "7", 0, 1),  # surface not in the text: dropped
    ]}, names={"en": [NameMention("Kharkiv", text.index("Kharkiv"), text.index("Kharkiv") + 7, "kharkiv")]})
    spans = spans_of(seg, "en")
    assert [(text[s.start:s.end], s.kind) for s in spans] == [("3", "figure"), ("Kharkiv", "name"),
                                                              ("5 May", "figure")]


# -- index --------------------------------------------------------------------------------------

def test_index_lists_every_release_with_status_and_links(report: Report) -> None:
    entries = [
        IndexEntry.from_report("2024-01-02 strike", report),
        IndexEntry("budget<2025>", ["en", "uk"], status="failed", message="uk: file is empty"),
        IndexEntry("old-release", ["en"], status="skipped", message="no translations"),
    ]
    html = render_index(entries)
    parsed = _parse(html)
    assert parsed.errors == [] and parsed.stack == []
    rows = [attrs for tag, attrs in parsed.tags if tag == "tr" and "release" in (attrs.get("class") or "")]
    # Worst first: the release align could not process, then the one with errors.
    assert [r["class"].split()[1] for r in rows] == ["status-failed", "status-ok", "status-skipped"]
    hrefs = [attrs["href"] for tag, attrs in parsed.tags if tag == "a"]
    assert hrefs == ["./2024-01-02%20strike.report.html", "./2024-01-02%20strike.report.json"]
    assert "budget&lt;2025&gt;" in html and "uk: file is empty" in html
    assert "0.643" in html and "1 failed" in html and "clean (up to date)" in html


def test_index_entry_rejects_an_unknown_status() -> None:
    with pytest.raises(ValueError, match="status"):
        IndexEntry("x", status="broken")
