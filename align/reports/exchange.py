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


def render_tmx(report: Report) -> str:
    """TMX 1.4b: one `tu` per segment, one `tuv` per language that has text in it."""
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
    for seg in report.segments:
        present = [lang for lang in report.languages if seg.text.get(lang, "").strip()]
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
