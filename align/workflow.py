"""The main jobs, wired stage by stage: files -> documents -> segments -> issues -> report.

align.jobs (for `align check` and `align align`) and align.batch (for `align run`) call these;
none of them prints or exits. Settings come in as arguments: align.session resolves them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align.errors import InputError
from align.model import LANGS, Document, Report, Segment, Sentence
from align.signature import GROUP_SEP, Signature
from align.textio import check_language, lang_from_name, read_text

MODES = ("split", "segmented", "aligned")
# "units": a bilingual CAT file (XLIFF, PO, TMX) pairs the sentences itself; see align.cat.


@dataclass
class Inputs:
    """Documents keyed by language, source first, as the user gave them."""

    documents: dict[str, Document]
    source: str
    mode: str = "split"
    warnings: list[str] = field(default_factory=list)
    # segment -> languages whose CAT unit has no target yet: pending work, not an omission
    untranslated: dict[int, set[str]] = field(default_factory=dict)

    @property
    def languages(self) -> list[str]:
        return list(self.documents)

    @property
    def files(self) -> dict[str, str]:
        return {lang: doc.path or "" for lang, doc in self.documents.items()}


def resolve_languages(paths: Sequence[Path], langs: Sequence[str] | None) -> list[str]:
    if langs:
        if len(langs) != len(paths):
            raise InputError(f"--lang names {len(langs)} languages for {len(paths)} files")
        resolved = list(langs)
    else:
        resolved = []
        for path in paths:
            if str(path) == "-":
                raise InputError("standard input (-) has no name to tell its language: pass --lang "
                                 "(e.g. --lang en,uk), or give a bilingual XLIFF, PO or TMX file")
            lang = lang_from_name(path)
            if lang is None:
                raise InputError(f"{path}: cannot tell the language: name it NAME.LANG.txt "
                                 f"(e.g. release.uk.txt) or pass --lang")
            if lang not in LANGS:
                raise InputError(f"{path}: unknown language suffix '.{lang}.' (use {', '.join(LANGS)})")
            resolved.append(lang)
    if len(set(resolved)) != len(resolved):
        raise InputError(f"two files have the same language ({', '.join(resolved)})")
    return resolved


def document_from_text(text: str, lang: str, mode: str = "split", path: str | None = None,
                       encoding: str = "utf-8", notes: list[str] | None = None) -> Document:
    from align.segmenting import split_lines, split_sentences

    sentences = split_sentences(text, lang, notes) if mode == "split" else split_lines(text)
    return Document(lang=lang, text=text, sentences=sentences, path=path, encoding=encoding)


def load_documents(
    paths: Sequence[str | os.PathLike],
    langs: Sequence[str] | None = None,
    source: str = "en",
    mode: str = "split",
    verify_language: bool = True,
) -> Inputs:
    """Read, decode, verify the language of and split two or three files."""
    if mode not in MODES:
        raise InputError(f"unknown mode '{mode}'")
    paths = [Path(p) for p in paths]
    from align.cat import is_bilingual, load_bilingual_inputs

    bilingual = [is_bilingual(p) for p in paths]
    if any(bilingual):
        if not all(bilingual):
            raise InputError("give either bilingual files (XLIFF, PO, TMX) or NAME.LANG.txt files, not both")
        return load_bilingual_inputs(paths, list(langs) if langs else None, source)
    if sum(str(p) == "-" for p in paths) > 1:
        raise InputError("standard input (-) can be only one of the files")
    if not 2 <= len(paths) <= 3:
        raise InputError(f"give two or three files (one per language), got {len(paths)}")
    resolved = resolve_languages(paths, langs)
    if source not in resolved:
        raise InputError(f"no file in the source language '{source}' among {', '.join(resolved)}")
    warnings: list[str] = []
    documents: dict[str, Document] = {}
    for path, lang in sorted(zip(paths, resolved, strict=True), key=lambda pl: (pl[1] != source, LANGS.index(pl[1]))):
        decoded = read_text(path, lang)
        warnings += decoded.warnings
        if verify_language:
            doubt = check_language(decoded.text, lang, str(path))
            if doubt:
                warnings.append(doubt)
        notes: list[str] = []
        documents[lang] = document_from_text(decoded.text, lang, "split" if mode == "split" else "segmented",
                                             str(path), decoded.encoding, notes)
        warnings += [f"{path}: {note}" for note in notes]
    if mode == "aligned":
        counts = {lang: len(doc.text.rstrip("\n").split("\n")) for lang, doc in documents.items()}
        if len(set(counts.values())) > 1:
            detail = ", ".join(f"{lang} {n}" for lang, n in counts.items())
            raise InputError(f"--aligned files must have the same number of lines ({detail})")
    return Inputs(documents=documents, source=source, mode=mode, warnings=warnings)


def line_segments(documents: dict[str, Document]) -> list[Segment]:
    """--aligned: segment i is line i of every file; lines blank everywhere make no segment."""
    by_index: dict[int, dict[str, Sentence]] = {}
    for lang, doc in documents.items():
        for sent in doc.sentences:
            by_index.setdefault(sent.index, {})[lang] = sent
    segments = []
    for index in sorted(by_index):
        row = by_index[index]
        segments.append(Segment(
            id=index,
            sentences={lang: [index] if lang in row else [] for lang in documents},
            text={lang: row[lang].text if lang in row else "" for lang in documents},
        ))
    return segments


@dataclass
class Aligned:
    segments: list[Segment]
    signature: Signature
    warnings: list[str]


def _aligned_with_progress(inputs: Inputs, embedder: str | None, stages: Any) -> Aligned:
    if inputs.mode != "aligned":
        sentences = sum(len(doc.sentences) for doc in inputs.documents.values())
        stages.stage(f"aligning {sentences} sentences")
    return align_inputs(inputs, embedder=embedder)


def source_sentences(inputs: Inputs) -> int:
    doc = inputs.documents.get(inputs.source)
    return len(doc.sentences) if doc is not None else 0


def align_inputs(inputs: Inputs, embedder: str | None = "auto") -> Aligned:
    if inputs.mode in ("aligned", "units"):
        return Aligned(line_segments(inputs.documents),
                       Signature.of(("align", "lines" if inputs.mode == "aligned" else "units")), [])
    from align.alignment import align_documents

    result = align_documents(inputs.documents, source=inputs.source, embedder=embedder)
    return Aligned(result.segments, result.signature, list(result.warnings))


def report_signature(inputs: Inputs, aligned: Aligned, check_signature: str = "") -> Signature:
    """Each stage's fields in order: input mode, splitter (one group per language), aligner, checker."""
    parts = [Signature.of(("mode", inputs.mode))]
    if inputs.mode == "split":
        from align.segmenting import splitter_signature

        # The rules version and data digest are shared by all languages; the digest covers each.
        parts.append(Signature.join((splitter_signature(lang) for lang in inputs.languages), sep=GROUP_SEP))
    return Signature.join([*parts, aligned.signature, check_signature])


def build_report(inputs: Inputs, aligned: Aligned, check_signature: str = "") -> Report:
    from align.checking import summarize

    signature = report_signature(inputs, aligned, check_signature)
    return Report(
        languages=inputs.languages,
        source=inputs.source,
        files=inputs.files,
        segments=aligned.segments,
        summary=summarize(aligned.segments, inputs.source, inputs.languages),
        signature=signature,
        warnings=inputs.warnings + aligned.warnings,
        documents=inputs.documents,
    )


# Segments checked between two updates of the progress bar.
_CHECK_CHUNK = 50


def check_documents(
    inputs: Inputs,
    *,
    glossary: Any = None,
    embedder: str | None = "auto",
    checker: Any = None,
    stages: Any = None,
) -> Report:
    """Align (unless --aligned) and check; the report carries issues, scores and the signature.
    `stages` (align.progress.Stages) shows how far it is."""
    from align.checking import Checker, summarize
    from align.progress import NO_PROGRESS

    stages = stages or NO_PROGRESS
    aligned = _aligned_with_progress(inputs, embedder, stages)
    checker = checker or Checker(glossary=glossary)
    stages.stage("checking", total=len(aligned.segments))
    # Segments are checked independently, so chunks give the bar something to count.
    for start in range(0, len(aligned.segments), _CHECK_CHUNK):
        chunk = aligned.segments[start:start + _CHECK_CHUNK]
        checker.check_segments(chunk, inputs.source, inputs.languages)
        stages.advance(len(chunk))
    report = build_report(inputs, aligned, checker.signature)
    report.summary = summarize(report.segments, inputs.source, inputs.languages)
    if inputs.untranslated:
        from align.cat import drop_untranslated

        drop_untranslated(report, inputs.untranslated)
    return report


def check_files(
    paths: Sequence[str | os.PathLike],
    *,
    langs: Sequence[str] | None = None,
    source: str = "en",
    mode: str = "split",
    glossary_files: Sequence[str | os.PathLike] | None = None,
    embedder: str | None = "auto",
) -> Report:
    """`align check` without the CLI: read, align, check."""
    inputs = load_documents(paths, langs=langs, source=source, mode=mode)
    glossary = load_glossary(glossary_files)
    return check_documents(inputs, glossary=glossary, embedder=embedder)


def align_files(
    paths: Sequence[str | os.PathLike],
    *,
    langs: Sequence[str] | None = None,
    source: str = "en",
    segmented: bool = False,
    embedder: str | None = "auto",
    progress: bool | None = False,
) -> Report:
    """`align align` without the CLI: read, split and align; no checking. progress: a bar on
    stderr (None: on a terminal, for long inputs)."""
    inputs = load_documents(paths, langs=langs, source=source, mode="segmented" if segmented else "split")
    from align.checking import CheckSettings, low_confidence_issue
    from align.progress import Stages, wanted

    with Stages(wanted(progress, source_sentences(inputs))) as stages:
        aligned = _aligned_with_progress(inputs, embedder, stages)
    targets = [lang for lang in inputs.languages if lang != inputs.source]
    for seg in aligned.segments:
        seg.score = seg.confidence
        low = low_confidence_issue(seg, inputs.source, targets, CheckSettings().min_confidence)
        seg.issues = [low] if low else []
    return build_report(inputs, aligned)


def load_glossary(files: Sequence[str | os.PathLike] | None = None) -> Any:
    """The shipped glossary and `files` (TSV, or TBX termbases, read as the TSV they make)."""
    from align.cat import is_tbx, tbx_to_tsv
    from align.names import load_glossary as _load

    files = [str(f) for f in files or []]
    if not any(is_tbx(f) for f in files):
        return _load(files or None)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="align-tbx-") as tmp:
        paths = []
        for number, name in enumerate(files):
            if is_tbx(name):
                converted = Path(tmp) / f"{number}.{Path(name).stem[:40]}.tsv"
                converted.write_text(tbx_to_tsv(name), encoding="utf-8")
                paths.append(str(converted))
            else:
                paths.append(name)
        return _load(paths)
