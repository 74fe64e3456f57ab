"""Translators' files: bilingual XLIFF 1.2/2.x (Trados .sdlxliff and memoQ .mqxliff are XLIFF 1.2
underneath), PO and TMX read with translate-toolkit; issues written back as XLIFF notes; TBX
glossaries.

A bilingual file already pairs each source with its target, so `align check` takes the units as
they are (one segment per unit, no sentence splitting or alignment). Two bilingual files with
the same source (en->uk and en->ru) are joined by unit id, else by identical source text. A
unit without a target is not translated yet: it is not checked and counts as pending, not as an
omission.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.errors import InputError
from align.model import LANGS, Document, Issue, Report, Sentence
from align.textio import display_name, is_stdin, read_bytes_bounded

BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".po", ".tmx")
XLIFF_KINDS = ("xliff1", "xliff2")
NOTE_FROM = "align"  # notes align wrote: replaced on the next check, the translator's kept
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PRIORITY = {"error": "1", "warning": "3", "info": "5"}  # XLIFF note priority, 1 = most important


def _toolkit():
    try:
        from translate.storage import factory, pypo, tmx, xliff, xliff2  # noqa: F401
    except ImportError:
        raise InputError("reading XLIFF, PO, TMX or TBX needs translate-toolkit: "
                         "pip install \"align-newsroom[cat]\"") from None
    return factory, pypo, tmx, xliff, xliff2


@dataclass
class Unit:
    id: str
    source: str
    targets: dict[str, str]
    state: str = ""
    line: int = 0  # line of the unit in the file (0: unknown)


@dataclass
class Bilingual:
    name: str  # the path as given (or "-")
    kind: str  # xliff1 | xliff2 | po | tmx
    source: str
    targets: list[str]
    units: list[Unit] = field(default_factory=list)


@dataclass
class CatDocument(Document):
    """One language of bilingual input: a line per unit; `unit_ids[i]` is the unit of segment i."""

    kind: str = "cat"
    unit_ids: list[str | None] = field(default_factory=list)
    file_kind: str = ""


def is_bilingual(path: str | os.PathLike) -> bool:
    """Whether `path` is a CAT file by its name, or (standard input) by its first bytes."""
    if is_stdin(path):
        return sniff(read_bytes_bounded(path)) is not None
    return Path(path).name.lower().endswith(BILINGUAL_SUFFIXES)


def sniff(data: bytes) -> str | None:
    head = data[:2000]
    if b"<xliff" in head:
        return "xliff2" if re.search(rb'version\s*=\s*["\']2\.', head) or b"xliff:document:2" in head else "xliff1"
    if b"<tmx" in head:
        return "tmx"
    if b'msgid "' in data[:20000]:
        return "po"
    return None


def lang_code(value: str | None) -> str | None:
    """en-US, uk_UA, ru -> en, uk, ru; None for other languages."""
    if not value:
        return None
    code = re.split(r"[-_@.]", value.strip().lower(), maxsplit=1)[0]
    return code if code in LANGS else None


def _kind_of(name: str, data: bytes) -> str:
    found = sniff(data)
    lower = name.lower()
    if lower.endswith(".po"):
        return "po"
    if lower.endswith(".tmx"):
        return "tmx"
    if found is None:
        raise InputError(f"{name}: not an XLIFF, PO or TMX file")
    return found


def read_bilingual(path: str | os.PathLike, source: str | None = None,
                   target: str | None = None) -> Bilingual:
    """The units of a bilingual file; `source`/`target` where the file does not say (PO)."""
    name = str(path)
    data = read_bytes_bounded(path, "bilingual file")
    kind = _kind_of(display_name(path), data)
    factory, pypo, tmx, xliff, xliff2 = _toolkit()
    try:
        if kind == "tmx":
            return _read_tmx(name, tmx.tmxfile.parsestring(data), source)
        store = {"xliff1": xliff.xlifffile, "xliff2": xliff2.Xliff2File, "po": pypo.pofile}[kind].parsestring(data)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - the toolkit raises many kinds for a broken file
        raise InputError(f"{display_name(path)}: not a readable {kind.upper()} file ({type(exc).__name__}: "
                         f"{str(exc).splitlines()[0] if str(exc) else 'broken'})") from None
    src = lang_code(store.getsourcelanguage()) if kind != "po" else None
    tgt = lang_code(store.gettargetlanguage())
    src = src or source or "en"
    tgt = tgt or target
    if tgt is None or tgt == src:
        raise InputError(f"{display_name(path)}: cannot tell the target language (the file names none of "
                         f"{', '.join(LANGS)}); pass --lang SOURCE,TARGET")
    po_lines = _po_unit_lines(data) if kind == "po" else []
    units = []
    for unit in store.units:
        if unit.isheader() or not unit.source:
            continue
        line = getattr(getattr(unit, "xmlelement", None), "sourceline", 0) or 0
        if kind == "po":
            line = po_lines[len(units)] if len(units) < len(po_lines) else 0
        state = ""
        if kind == "xliff1":
            target_el = unit.xmlelement.find(unit.namespaced("target"))
            state = target_el.get("state", "") if target_el is not None else ""
        elif kind == "xliff2":
            state = unit.xmlelement.get("state", "")
        elif kind == "po":
            state = "fuzzy" if unit.isfuzzy() else ("translated" if unit.target else "")
        units.append(Unit(str(unit.getid() or len(units)), _flat(unit.source), {tgt: _flat(unit.target or "")},
                          state, int(line)))
    return Bilingual(name, kind, src, [tgt], units)


def _read_tmx(name: str, store: Any, source: str | None) -> Bilingual:
    """TMX: every <tuv> by its xml:lang, never by position (a missing language is missing)."""
    header = store.document.getroot().find(".//header")
    src = lang_code(header.get("srclang") if header is not None else None) or source or "en"
    units, targets = [], []
    for number, tu in enumerate(store.document.getroot().iter("tu")):
        texts: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            lang = lang_code(tuv.get(XML_LANG) or tuv.get("lang"))
            seg = tuv.find("seg")
            if lang and seg is not None:
                texts.setdefault(lang, _flat("".join(seg.itertext())))
        if not texts.get(src):
            continue
        for lang in texts:
            if lang != src and lang not in targets:
                targets.append(lang)
        units.append(Unit(tu.get("tuid") or str(number), texts[src],
                          {lang: text for lang, text in texts.items() if lang != src}, "", tu.sourceline or 0))
    if not targets:
        raise InputError(f"{display_name(name)}: the TMX has no translation next to its {src} text")
    return Bilingual(name, "tmx", src, sorted(targets, key=LANGS.index), units)


def _po_unit_lines(data: bytes) -> list[int]:
    """Lines of the msgid of every PO entry but the header, in order (obsolete `#~` ones aside)."""
    lines = [number for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1)
             if line.startswith("msgid ")]
    first = data.decode("utf-8", "replace").splitlines()[lines[0] - 1] if lines else ""
    return lines[1:] if first.strip() == 'msgid ""' else lines


def _flat(text: str) -> str:
    """A unit's text on one line: the line is the unit's place in the documents align builds."""
    return " ".join(str(text).split())


# -- bilingual inputs -> documents ---------------------------------------------------------------


def load_bilingual_inputs(paths: list[Path], langs: list[str] | None, source: str | None):
    """align.workflow.Inputs from one or two bilingual files (or one TMX with both targets)."""
    from align.workflow import Inputs

    if len(paths) > 2:
        raise InputError("give one bilingual file, or two with the same source (en->uk and en->ru)")
    hint_src = langs[0] if langs else source
    hint_tgt = langs[1] if langs and len(langs) > 1 else None
    files = [read_bilingual(p, hint_src, hint_tgt) for p in paths]
    src = files[0].source
    if any(f.source != src for f in files):
        raise InputError(f"the bilingual files have different source languages "
                         f"({', '.join(f'{f.name}: {f.source}' for f in files)})")
    if source and source != src:
        raise InputError(f"--source {source}, but {files[0].name} has {src} as its source language")
    targets = [lang for f in files for lang in f.targets]
    if len(set(targets)) != len(targets):
        raise InputError(f"two bilingual files translate into the same language ({', '.join(targets)})")
    rows = _joined(files)
    order = [src, *sorted(targets, key=LANGS.index)]
    file_of = {src: files[0]}
    for f in files:
        for lang in f.targets:
            file_of[lang] = f
    documents: dict[str, Document] = {}
    untranslated: dict[int, set[str]] = {}
    for lang in order:
        texts, ids, lines = [], [], []
        for index, row in enumerate(rows):
            unit = row.get(file_of[lang].name)
            text = "" if unit is None else (unit.source if lang == src else unit.targets.get(lang, ""))
            if lang != src and not text and row.get(files[0].name) is not None:
                untranslated.setdefault(index, set()).add(lang)
            texts.append(text)
            ids.append(unit.id if unit is not None else None)
            lines.append(unit.line if unit is not None else 0)
        documents[lang] = _document(lang, texts, ids, lines, file_of[lang])
    warnings = []
    for lang in targets:
        missing = sum(lang in langs_ for langs_ in untranslated.values())
        if missing:
            warnings.append(f"{file_of[lang].name}: {missing} unit(s) have no {lang} translation yet; not checked")
    return Inputs(documents=documents, source=src, mode="units", warnings=warnings, untranslated=untranslated)


def _joined(files: list[Bilingual]) -> list[dict[str, Unit]]:
    """Rows of units, one per source sentence: the first file's order, the second file's units
    matched by id with the same source text, else by the source text alone."""
    first = files[0]
    rows: list[dict[str, Unit]] = [{first.name: unit} for unit in first.units]
    for other in files[1:]:
        by_id = {unit.id: unit for unit in other.units}
        by_text: dict[str, list[Unit]] = {}
        for unit in other.units:
            by_text.setdefault(unit.source, []).append(unit)
        used: set[int] = set()
        for row in rows:
            base = row[first.name]
            match = by_id.get(base.id)
            if match is None or match.source != base.source or id(match) in used:
                match = next((u for u in by_text.get(base.source, []) if id(u) not in used), None)
            if match is not None:
                row[other.name] = match
                used.add(id(match))
        rows += [{other.name: unit} for unit in other.units if id(unit) not in used]
    return rows


def _document(lang: str, texts: list[str], ids: list[str | None], lines: list[int], origin: Bilingual) -> Document:
    sentences, offset = [], 0
    for index, text in enumerate(texts):
        if text:
            sentences.append(Sentence(index, text, offset, offset + len(text), line=lines[index] or index + 1))
        offset += len(text) + 1
    return CatDocument(lang=lang, text="\n".join(texts) + "\n", sentences=sentences, path=origin.name,
                       unit_ids=ids, file_kind=origin.kind)


def drop_untranslated(report: Report, untranslated: dict[int, set[str]]) -> None:
    """Units without a target are pending work, not omissions: their omission issues and
    scores go (in place)."""
    if not untranslated:
        return
    from align.checking import summarize

    for seg in report.segments:
        langs = untranslated.get(seg.id)
        if not langs:
            continue
        seg.issues = [i for i in seg.issues if not (i.lang in langs and i.category == "omission")]
        for lang in langs:
            seg.scores.pop(lang, None)
        seg.score = min(seg.scores.values()) if seg.scores else 1.0
    report.summary = summarize(report.segments, report.source, report.languages)


# -- issues as XLIFF notes -----------------------------------------------------------------------


def xliff_documents(report: Report) -> list[CatDocument]:
    """The XLIFF inputs of a report's target languages, one per file, in language order."""
    seen, out = set(), []
    for lang in report.languages:
        doc = report.documents.get(lang)
        if lang != report.source and isinstance(doc, CatDocument) and doc.file_kind in XLIFF_KINDS \
                and doc.path not in seen:
            seen.add(doc.path)
            out.append(doc)
    return out


def note_text(issue: Issue) -> str:
    from align.reports.common import issue_detail

    return f"[{issue.severity}] {issue.category}: {issue_detail(issue)} (align accept {issue.id})"


def render_xliff(report: Report, index: int = 0) -> bytes:
    """The index-th XLIFF input with every issue as a note on its unit: notes align wrote before
    are replaced, everything else (units, states, the translators' notes) is kept."""
    docs = xliff_documents(report)
    if index >= len(docs):
        raise InputError("--format xliff writes issues into an XLIFF input as notes; "
                         + ("no input is XLIFF" if not docs else f"there are only {len(docs)} XLIFF inputs"))
    doc = docs[index]
    langs = {lang for lang, d in report.documents.items() if d is doc}
    by_unit: dict[str, list[Issue]] = {}
    for seg in report.segments:
        unit_id = doc.unit_ids[seg.id] if 0 <= seg.id < len(doc.unit_ids) else None
        if unit_id is None:
            continue
        for issue in seg.issues:
            if issue.lang in langs:
                by_unit.setdefault(unit_id, []).append(issue)
    _, _, _, xliff, xliff2 = _toolkit()
    data = read_bytes_bounded(doc.path, "XLIFF file")
    store = (xliff2.Xliff2File if doc.file_kind == "xliff2" else xliff.xlifffile).parsestring(data)
    from lxml import etree

    for unit in store.units:
        if unit.isheader():
            continue
        issues = by_unit.get(str(unit.getid()), [])
        if doc.file_kind == "xliff2":
            _notes_xliff2(unit, issues)
        else:
            _notes_xliff1(unit, issues)
    return etree.tostring(store.document, xml_declaration=True, encoding="UTF-8") + b"\n"


def _notes_xliff1(unit: Any, issues: list[Issue]) -> None:
    from lxml import etree

    element = unit.xmlelement
    for note in element.findall(unit.namespaced("note")):
        if note.get("from") == NOTE_FROM:
            element.remove(note)
    children = list(element)
    inner = children[0].tail if len(children) > 1 else None  # the indentation between children
    for issue in issues:
        last = element[-1] if len(element) else None
        note = etree.SubElement(element, unit.namespaced("note"))
        if last is not None and inner is not None:
            note.tail, last.tail = last.tail, inner
        note.set("from", NOTE_FROM)
        note.set("priority", _PRIORITY.get(issue.severity, "5"))
        note.set("annotates", "target")
        note.text = note_text(issue)


def _notes_xliff2(unit: Any, issues: list[Issue]) -> None:
    """XLIFF 2: <notes> belongs to the <unit>, before its segments (translate-toolkit's own
    addnote puts it inside the segment, which the 2.0 schema refuses)."""
    from lxml import etree

    unit_el = unit.xmlelement.getparent()
    notes = unit_el.find(unit.namespaced("notes"))
    if notes is not None:
        for note in notes.findall(unit.namespaced("note")):
            if note.get("category") == NOTE_FROM:
                notes.remove(note)
    if issues and notes is None:
        notes = etree.Element(unit.namespaced("notes"))
        anchor = next((child for child in unit_el
                       if child.tag in (unit.namespaced("originalData"), unit.namespaced("segment"),
                                        unit.namespaced("ignorable"))), None)
        if anchor is None:
            unit_el.append(notes)
        else:
            anchor.addprevious(notes)
    for issue in issues:
        note = etree.SubElement(notes, unit.namespaced("note"))
        note.set("category", NOTE_FROM)
        note.set("priority", _PRIORITY.get(issue.severity, "5"))
        note.set("appliesTo", "target")
        note.text = note_text(issue)
    if notes is not None and len(notes) == 0:
        unit_el.remove(notes)


# -- TBX glossaries ------------------------------------------------------------------------------


def is_tbx(path: str | os.PathLike) -> bool:
    return Path(path).name.lower().endswith(".tbx")


def tbx_to_tsv(path: str | os.PathLike) -> str:
    """A TBX termbase as the glossary TSV align reads: a row per concept (termEntry / conceptEntry)
    with the terms of en, uk and ru; `|` between synonyms."""
    _toolkit()
    from lxml import etree

    data = read_bytes_bounded(path, "TBX glossary")
    try:
        root = etree.parse(io.BytesIO(data), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{path}: not a readable TBX file ({exc})") from None
    rows = ["en\tuk\tru\tid"]
    for entry in root.iter("{*}termEntry", "{*}conceptEntry"):
        terms: dict[str, list[str]] = {}
        for lang_set in entry.iter("{*}langSet", "{*}langSec"):
            lang = lang_code(lang_set.get(XML_LANG) or lang_set.get("lang"))
            if lang is None:
                continue
            for term in lang_set.iter("{*}term"):
                text = " ".join("".join(term.itertext()).replace("|", " ").split())
                if text and text not in terms.setdefault(lang, []):
                    terms[lang].append(text)
        if sum(bool(terms.get(lang)) for lang in LANGS) < 2:
            continue  # a term in one language names nothing to compare
        entry_id = re.sub(r"[\t\r\n]", " ", entry.get("id", ""))
        rows.append("\t".join("|".join(terms.get(lang, [])) for lang in LANGS) + f"\t{entry_id}")
    if len(rows) == 1:
        raise InputError(f"{path}: the TBX has no concept with terms in two of {', '.join(LANGS)}")
    return "\n".join(rows) + "\n"
