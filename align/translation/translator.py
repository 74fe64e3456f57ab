"""Translate documents sentence by sentence, check figures and names, repair, cache, write."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from align.errors import InputError
from align.model import LANGS, Issue, Sentence
from align.textio import detect_language, lang_from_name, read_text, write_atomic
from align.translation.backends import (
    BACKENDS,
    CT2_COMPUTE_TYPE,
    LENGTH_RATIO,
    LENGTH_SLACK,
    Backend,
    load_backend,
)
from align.translation.cache import TranslationCache, cache_key
from align.translation.masking import mask_numbers, restore_numbers
from align.translation.registry import ResolvedModel, check_direction, resolve_model

# Sentences per batch are bounded by padded tokens (longest sentence x batch size), which is
# what costs memory and time in an encoder-decoder; sorting by length keeps padding small.
BATCH_TOKENS = 4096
MAX_BATCH_SENTENCES = 64
PROGRESS_MIN_SENTENCES = 20
MASK_VERSION = "digits3-v1"

Checker = Callable[[str, str, str, str], list[Issue]]


@dataclass
class TranslationStats:
    sentences: int = 0  # source sentences asked for
    cache_hits: int = 0  # distinct model inputs answered from the cache
    translated: int = 0  # distinct model inputs the model ran on (retries included)
    retries_fired: int = 0  # sentences re-translated with masked numbers
    retries_fixed: int = 0  # ... after which no figure error remained
    remaining_issues: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, other: TranslationStats) -> None:
        self.sentences += other.sentences
        self.cache_hits += other.cache_hits
        self.translated += other.translated
        self.retries_fired += other.retries_fired
        self.retries_fixed += other.retries_fixed
        self.remaining_issues += other.remaining_issues
        self.warnings += [w for w in other.warnings if w not in self.warnings]


@dataclass
class TranslationResult(TranslationStats):
    """What `translate_file` did: the files it wrote and how the translation went."""

    paths: dict[str, Path] = field(default_factory=dict)  # target language -> written file
    signatures: dict[str, str] = field(default_factory=dict)  # target language -> signature

    def summary_lines(self, limit: int = 20) -> list[str]:
        """What the CLI prints on stderr: files, counts, then what is still wrong."""
        lines = [f"align: wrote {path}" for path in self.paths.values()]
        lines.append(f"align: {self.sentences} sentences, {self.cache_hits} from cache, "
                     f"{self.translated} translated; figure retries fired {self.retries_fired}, "
                     f"fixed {self.retries_fixed}")
        lines += [f"align: warning: {w}" for w in self.warnings]
        shown = self.remaining_issues[:limit]
        lines += [f"align: still wrong: {issue}" for issue in shown]
        if len(self.remaining_issues) > len(shown):
            lines.append(f"align: ... and {len(self.remaining_issues) - len(shown)} more; "
                         f"run `align check` on the output for the full report")
        return lines


@dataclass
class TextsTranslation(TranslationStats):
    """What `translate_texts` returns: one translated text per input text."""

    texts: list[str] = field(default_factory=list)
    signature: str = ""


def _default_checker(source_text: str, target_text: str, source_lang: str, target_lang: str) -> list[Issue]:
    from align.checking import check_pair

    return check_pair(source_text, target_text, source_lang, target_lang)


def _badness(issues: list[Issue]) -> tuple[int, int]:
    return (sum(i.severity == "error" for i in issues), sum(i.severity == "warning" for i in issues))


def _needs_retry(issues: list[Issue]) -> bool:
    # Masking protects digits only; a name error is reported, not retried (placeholders for
    # names would bring the English spelling back into Cyrillic text).
    return any(i.severity == "error" and i.category == "figure" for i in issues)


class Translator:
    """One direction with one model and decoding setup; reusable across documents."""

    def __init__(self, source_lang: str, target_lang: str, model: str | None = None,
                 backend: str = "transformers", beams: int = 1, use_cache: bool = True,
                 progress: bool | None = None, checker: Checker | None = None,
                 batch_tokens: int = BATCH_TOKENS) -> None:
        check_direction(source_lang, target_lang)
        if backend not in BACKENDS:
            raise InputError(f"unknown backend '{backend}' (choose {' or '.join(BACKENDS)})")
        if beams < 1:
            raise InputError(f"beams must be at least 1 (got {beams})")
        self.source_lang, self.target_lang = source_lang, target_lang
        self.model: ResolvedModel = resolve_model(source_lang, target_lang, model)
        self.backend_name, self.beams, self.progress = backend, beams, progress
        self.batch_tokens = batch_tokens
        self.checker: Checker = checker or _default_checker
        self.cache = TranslationCache() if use_cache else None
        self._backend: Backend | None = None
        self.stats = TranslationStats()
        if self.cache is not None and self.cache.warning:
            self.stats.warnings.append(self.cache.warning)

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            self._backend = load_backend(self.model, self.backend_name)
        return self._backend

    @property
    def settings(self) -> str:
        """Everything besides the model that shapes the output; part of every cache key."""
        precision = CT2_COMPUTE_TYPE if self.backend_name == "ctranslate2" else "fp32"
        return (f"{self.backend_name}-{precision}|beams:{self.beams}|len:{LENGTH_RATIO:g}x+{LENGTH_SLACK}"
                f"|tok:{self.model.target_token}|src:{self.model.source_code}")

    @property
    def signature(self) -> str:
        model_id = self.model.revision[:12] or self.model.fingerprint
        return (f"translate|model:{self.model.name}@{model_id}|{self.source_lang}-{self.target_lang}|"
                f"{self.settings}|mask:{MASK_VERSION}|check:{'on' if self.checker else 'off'}")

    # -- model calls through the cache -------------------------------------------------------
    def _model_outputs(self, inputs: list[str]) -> dict[str, str]:
        unique = [s for s in dict.fromkeys(inputs) if s.strip()]
        fingerprint = self.model.fingerprint
        keys = {s: cache_key(fingerprint, self.settings, self.source_lang, self.target_lang, s) for s in unique}
        cached = self.cache.get_many(keys.values()) if self.cache is not None else {}
        out = {s: cached[keys[s]] for s in unique if keys[s] in cached}
        self.stats.cache_hits += len(out)
        todo = [s for s in unique if s not in out]
        if todo:
            fresh = self._run_model(todo)
            out.update(fresh)
            self.stats.translated += len(todo)
            if self.cache is not None:
                direction = f"{self.source_lang}-{self.target_lang}"
                self.cache.put_many((keys[s], self.model.name, direction, s, fresh[s]) for s in todo)
                if self.cache.warning and self.cache.warning not in self.stats.warnings:
                    self.stats.warnings.append(self.cache.warning)
        return out

    def _batches(self, sentences: list[str]) -> list[list[str]]:
        lengths = self.backend.token_counts(sentences)
        order = sorted(range(len(sentences)), key=lambda i: lengths[i])
        batches: list[list[str]] = []
        current: list[int] = []
        for i in order:
            longest = max([lengths[j] for j in current] + [lengths[i]])
            if current and (longest * (len(current) + 1) > self.batch_tokens
                            or len(current) >= MAX_BATCH_SENTENCES):
                batches.append([sentences[j] for j in current])
                current = []
            current.append(i)
        if current:
            batches.append([sentences[j] for j in current])
        return batches

    def _show_progress(self, count: int) -> bool:
        if self.progress is not None:
            return self.progress
        return count >= PROGRESS_MIN_SENTENCES and sys.stderr.isatty()

    def _run_model(self, sentences: list[str]) -> dict[str, str]:
        batches = self._batches(sentences)
        out: dict[str, str] = {}
        if not self._show_progress(len(sentences)):
            for batch in batches:
                out.update(zip(batch, self.backend.translate_batch(batch, self.beams), strict=True))
            return out
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task(f"{self.source_lang}->{self.target_lang}", total=len(sentences))
            for batch in batches:
                out.update(zip(batch, self.backend.translate_batch(batch, self.beams), strict=True))
                bar.advance(task, len(batch))
        return out

    # -- translation with checking and repair -------------------------------------------------
    def translate_sentences(self, sentences: Sequence[str], labels: Sequence[str] | None = None) -> list[str]:
        """One translation per sentence, figures checked and repaired where masking helps.

        `labels` name the sentences in remaining-issue messages (default "sentence N")."""
        sentences = list(sentences)
        labels = list(labels) if labels is not None else [f"sentence {i + 1}" for i in range(len(sentences))]
        self.stats.sentences += len(sentences)
        raw = self._model_outputs(sentences)
        final = [raw.get(s, "") for s in sentences]
        src, tgt = self.source_lang, self.target_lang
        issues = [self.checker(s, t, src, tgt) if s.strip() else [] for s, t in zip(sentences, final, strict=True)]

        retry = [i for i, found in enumerate(issues) if _needs_retry(found)]
        masks = {i: mask_numbers(sentences[i], src) for i in retry}
        masks = {i: m for i, m in masks.items() if m.numbers}  # nothing to mask: a retry cannot help
        if masks:
            masked_out = self._model_outputs([m.text for m in masks.values()])
            for i, masked in masks.items():
                self.stats.retries_fired += 1
                candidate, _missing = restore_numbers(masked_out.get(masked.text, ""), masked, tgt)
                candidate_issues = self.checker(sentences[i], candidate, src, tgt)
                if _badness(candidate_issues) < _badness(issues[i]):
                    final[i], issues[i] = candidate, candidate_issues
                    if not _needs_retry(candidate_issues):
                        self.stats.retries_fixed += 1
        for label, found in zip(labels, issues, strict=True):
            for issue in found:
                if issue.severity == "error":
                    self.stats.remaining_issues.append(f"{tgt} {label}: {issue.message}")
        return final


# -- documents ------------------------------------------------------------------------------
def _split(text: str, lang: str) -> list[Sentence]:
    from align.segmenting import split_sentences

    return split_sentences(text, lang)


def _render(text: str, sentences: list[Sentence], translations: list[str]) -> str:
    """The source text with each sentence replaced by its translation: paragraph breaks, line
    breaks and indentation between sentences stay exactly as they were."""
    spans_ok = all(text[s.start:s.end].strip() == s.text.strip() for s in sentences) and all(
        a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    if spans_ok:
        pieces, last = [], 0
        for sent, translation in zip(sentences, translations, strict=True):
            pieces += [text[last:sent.start], translation]
            last = sent.end
        pieces.append(text[last:])
        return "".join(pieces)
    paragraphs: dict[int, list[str]] = {}
    for sent, translation in zip(sentences, translations, strict=True):
        paragraphs.setdefault(sent.paragraph, []).append(translation)
    return "\n\n".join(" ".join(p) for _, p in sorted(paragraphs.items())) + "\n"


def _parse_langs(to_langs: str | Sequence[str]) -> list[str]:
    from align.session import parse_langs

    langs = parse_langs(to_langs)
    if not langs:
        raise InputError("no target language given (e.g. --to uk,ru)")
    return list(dict.fromkeys(langs))


def output_path(source_path: Path, source_lang: str, target_lang: str, out_dir: Path | None = None) -> Path:
    """release.en.txt -> release.uk.txt (in out_dir, default: beside the source)."""
    name = source_path.name
    marker = f".{source_lang}."
    if lang_from_name(source_path) == source_lang and marker in name:
        head, _, tail = name.rpartition(marker)
        new_name = f"{head}.{target_lang}.{tail}"
    else:
        new_name = f"{source_path.stem}.{target_lang}{source_path.suffix or '.txt'}"
    return (out_dir if out_dir is not None else source_path.parent) / new_name


def translate_file(source_path: str | os.PathLike, to_langs: str | Sequence[str], from_lang: str | None = None,
                   out_dir: str | os.PathLike | None = None, model: str | None = None,
                   backend: str = "transformers", beams: int = 1, force: bool = False,
                   progress: bool | None = None, use_cache: bool = True,
                   checker: Checker | None = None, models: Mapping[str, str] | None = None) -> TranslationResult:
    """Translate a release into each target language and write NAME.LANG.txt files atomically.

    `model` serves every direction; else `models` ("en-uk" -> model, a project's [models]) names
    a direction's model; else the registry's. Existing outputs are kept unless `force` (they
    may be a translator's draft); every problem is found before anything is translated or
    written."""
    path = Path(source_path)
    decoded = read_text(path)
    text = decoded.text
    detected = detect_language(text)
    source_lang = (from_lang or lang_from_name(path) or detected or "").lower()
    if not source_lang:
        raise InputError(f"{path}: cannot tell the source language; name it NAME.en.txt or pass --from")
    if source_lang not in LANGS:
        raise InputError(f"unknown language '{source_lang}' (align translates between {', '.join(LANGS)})")
    targets = _parse_langs(to_langs)
    for lang in targets:
        if lang == source_lang:
            raise InputError(f"{path}: is already in '{lang}' (the source language); nothing to translate")
        if detected == lang:
            raise InputError(f"{path}: the text is already in '{lang}'; pass --from if its name is wrong")
    if detected is not None and detected != source_lang:
        raise InputError(f"{path}: the text looks like '{detected}', not '{source_lang}' (pass --from {detected})")
    destination = Path(out_dir) if out_dir is not None else None
    if destination is not None and destination.exists() and not destination.is_dir():
        raise InputError(f"{destination}: is not a directory")
    outputs = {lang: output_path(path, source_lang, lang, destination) for lang in targets}
    for out in outputs.values():
        if out.resolve() == path.resolve():
            raise InputError(f"{out}: output would overwrite the input")
        if out.exists() and not force:
            raise InputError(f"{out} already exists (it may be a translator's draft); pass --force to overwrite")
    chosen = {lang: model or (models or {}).get(f"{source_lang}-{lang}") for lang in targets}
    translators = [Translator(source_lang, lang, chosen[lang], backend, beams, use_cache, progress, checker)
                   for lang in targets]  # resolves every model before any work starts

    sentences = _split(text, source_lang)
    if not sentences:
        raise InputError(f"{path}: no sentences to translate")
    result = TranslationResult(warnings=list(decoded.warnings))
    for translator in translators:
        translations = translator.translate_sentences([s.text for s in sentences])
        write_atomic(outputs[translator.target_lang], _render(text, sentences, translations))
        result.paths[translator.target_lang] = outputs[translator.target_lang]
        result.signatures[translator.target_lang] = translator.signature
        result.add(translator.stats)
    return result


def translate_texts(texts: Sequence[str], from_lang: str, to_lang: str, model: str | None = None,
                    backend: str = "transformers", beams: int = 1, progress: bool | None = None,
                    use_cache: bool = True, checker: Checker | None = None) -> TextsTranslation:
    """Translate whole texts (paragraphs kept) without writing files.

    Raises ModelNotFoundError when no model for the direction is on disk, so a pipeline can
    say which language it could not produce and carry on."""
    translator = Translator(from_lang, to_lang, model, backend, beams, use_cache, progress, checker)
    split = [_split(text, from_lang) if text.strip() else [] for text in texts]
    flat = [s.text for sents in split for s in sents]
    labels = [f"text {k + 1} sentence {j + 1}" if len(texts) > 1 else f"sentence {j + 1}"
              for k, sents in enumerate(split) for j in range(len(sents))]
    translated = translator.translate_sentences(flat, labels) if flat else []
    out, pos = [], 0
    for text, sents in zip(texts, split, strict=True):
        out.append(_render(text, sents, translated[pos:pos + len(sents)]) if sents else text)
        pos += len(sents)
    result = TextsTranslation(texts=out, signature=translator.signature)
    result.add(translator.stats)
    return result
