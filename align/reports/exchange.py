"""Aligned text for other tools: TSV (a column per language), TMX 1.4b (CAT tools), JSON Lines."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from align import __version__
from align.model import Report
from align.reports.common import xml_safe

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _one_line(text: str) -> str:
    """A cell value: tabs and line breaks would shift columns or rows, so they become spaces."""
    return " ".join(text.replace("\t", " ").split())


def render_tsv(report: Report) -> str:
    """A header of language codes, then one row per segment; an empty cell is an omission."""
    rows = ["\t".join(report.languages)]
    for seg in report.segments:
        rows.append("\t".join(_one_line(seg.text.get(lang, "")) for lang in report.languages))
    return "\n".join(rows) + "\n"


def clean_languages(report: Report, seg) -> list[str]:
    """The languages of a segment fit for a translation memory: the source and each target that
    has text, no error and is not still untranslated; none when the alignment itself is unsure."""
    from align.checking import CheckSettings, untranslated_issue

    if seg.confidence < CheckSettings().min_confidence or any(i.category == "alignment" for i in seg.issues):
        return []
    source_text = seg.text.get(report.source, "").strip()
    if not source_text:
        return []
    keep = [report.source]
    for lang in report.languages:
        text = seg.text.get(lang, "").strip()
        if lang == report.source or not text:
            continue
        if any(i.lang == lang and (i.severity == "error" or i.category == "untranslated") for i in seg.issues):
            continue
        if untranslated_issue(source_text, text, report.source, lang) is not None:
            continue
        keep.append(lang)
    return keep if len(keep) > 1 else []


def render_tmx(report: Report, only_clean: bool = False) -> str:
    """TMX 1.4b: one `tu` per segment, one `tuv` per language that has text in it (a missing
    language has no `tuv`, so no other sentence can slide into its place), the source first.
    only_clean: leave out low-confidence segments, and targets with an error or still
    untranslated, so a translation memory learns only from pairs that agree."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "align",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "align",
        "adminlang": "en",
        "srclang": report.source,
        "datatype": "plaintext",
    })
    body = ET.SubElement(root, "body")
    order = [report.source] + [lang for lang in report.languages if lang != report.source]
    for seg in report.segments:
        if only_clean:
            kept = set(clean_languages(report, seg))
            present = [lang for lang in order if lang in kept]
        else:
            present = [lang for lang in order if seg.text.get(lang, "").strip()]
        if not present:
            continue
        tu = ET.SubElement(body, "tu", tuid=str(seg.id))
        # TMX orders children: note*, prop*, tuv+.
        ET.SubElement(tu, "prop", type="x-align-score").text = f"{seg.score:.4f}"
        ET.SubElement(tu, "prop", type="x-align-confidence").text = f"{seg.confidence:.4f}"
        if seg.issues:
            ET.SubElement(tu, "prop", type="x-align-issues").text = str(len(seg.issues))
        for lang in present:
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = xml_safe(_one_line(seg.text[lang]))
    ET.indent(root, space="  ")
    body_xml = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
            + body_xml + "\n")


def render_jsonl(report: Report) -> str:
    """One JSON object per segment (the JSON report's segment plus its line in every file)."""
    lines = []
    for seg in report.segments:
        obj = seg.to_dict(with_details=False)
        obj["lines"] = {lang: report.line_of(lang, seg) for lang in report.languages}
        lines.append(json.dumps(obj, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")
