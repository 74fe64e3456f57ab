"""`align run`: translate, align and check a folder of releases, resumably, and write one page to review.

A release is every `NAME.LANG.txt` sharing a NAME: the source (`NAME.en.txt`) and, sometimes,
translators' drafts (`NAME.uk.txt`, `NAME.ru.txt`). For each release the pipeline translates the
missing languages (when a model is on disk; machine translations go to OUT/NAME.LANG.txt and never
replace a draft), aligns and checks every version, and writes OUT/NAME.report.html and
OUT/NAME.report.json; OUT/index.html summarises all releases.

Resumable and safe:
- every output is written atomically (align.textio.write_atomic), so a killed run leaves no
  half-written file;
- OUT/.align-manifest.json records, per release, a key hashing the input files' bytes and every
  setting that shapes the outputs (config, glossary contents, tool version, digests
  of align's code and shipped language data, translation models),
  the ids of the issues found and which of them were accepted, and the sha256 of each output; a
  re-run skips a release whose key, accepted issues and outputs are unchanged (accepting an issue
  redoes only the release it is in), and the manifest is rewritten after each finished release, so killing a
  run loses nothing finished;
- a failing release is reported (one line on stderr, and in index.html) and the others go on.

A release with only its source version (no draft, and no machine translation: `--no-translate`
or no model on disk) is *pending*, not failed: there is nothing to check yet.

Exit codes (BatchResult.exit_code): 0 clean (pending releases included); 1 some release has an
issue at or above fail_on; 2 some release failed (unreadable input, no source version, internal
error) or the input was bad.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from align import __version__
from align.accepted import AcceptedSet, apply_accepted, load_accepted
from align.config import Config
from align.errors import AlignError, InputError
from align.model import LANGS, SEVERITIES, Report, severity_rank
from align.textio import one_line, write_atomic, write_if_changed

MANIFEST_NAME = ".align-manifest.json"
LOCK_NAME = ".align-run.lock"
INDEX_NAME = "index.html"
DEFAULT_OUT_DIR = Path("align-out")
REPORT_FORMATS: tuple[str, ...] = ("json", "html")  # always written; more with `formats`
# One file per run holding every release (code scanning takes one SARIF upload; a dashboard one
# JUnit document): OUT/align.sarif and OUT/align.junit.xml unless the caller names the file.
BATCH_FORMATS: tuple[str, ...] = ("sarif", "junit")
# Bump when the manifest layout or the meaning of a key changes: every release is then redone.
MANIFEST_VERSION = 1
_RELEASE_FILE = re.compile(r"^(?P<name>[^.].*?)\.(?P<lang>[a-z]{2})\.txt$")

Log = Callable[[str], None]
# Runs the releases that need work and yields (result, manifest entry or None) as each finishes;
# the driver (run_batch) records the manifest, advances the progress bar and writes the index.
Executor = Callable[[list["ReleaseTask"], "_Reporter"], Iterator[tuple["ReleaseResult", "dict[str, Any] | None"]]]


# -- releases -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Release:
    """One news release: its name and the input file of each language it came with."""

    name: str
    files: dict[str, Path]  # lang -> input file (the source and translators' drafts)


@dataclass
class ReleaseResult:
    name: str
    status: str  # done | skipped | failed | pending
    error: str = ""
    summary: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # severity -> issues left after accepting
    languages: list[str] = field(default_factory=list)
    translated: list[str] = field(default_factory=list)  # languages machine-translated
    drafts: list[str] = field(default_factory=list)  # languages given as input files
    outputs: dict[str, str] = field(default_factory=dict)  # kind (html/json/LANG) -> file name in out_dir
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    lang_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # lang -> severity -> issues

    @property
    def worst(self) -> str | None:
        present = [sev for sev in SEVERITIES if self.counts.get(sev)]
        return max(present, key=severity_rank, default=None)


@dataclass
class BatchResult:
    releases: list[ReleaseResult]
    out_dir: Path
    index: Path | None
    fail_on: str = "error"
    warnings: list[str] = field(default_factory=list)
    batch_files: dict[str, Path | None] = field(default_factory=dict)  # sarif/junit -> file (None: stdout)

    @property
    def failed(self) -> list[ReleaseResult]:
        return [r for r in self.releases if r.status == "failed"]

    @property
    def any_failed(self) -> bool:
        return bool(self.failed)

    @property
    def has_issues(self) -> bool:
        """Whether a release has an issue at or above fail_on."""
        config = Config(fail_on=self.fail_on)
        return any(config.fails(r.worst) for r in self.releases if r.status not in ("failed", "pending"))

    @property
    def exit_code(self) -> int:
        """0 clean, 1 issues at or above fail_on, 2 a release failed; pending ones change nothing."""
        if self.any_failed:
            return 2
        return 1 if self.has_issues else 0

    @property
    def counts(self) -> dict[str, int]:
        out = {"done": 0, "skipped": 0, "failed": 0, "pending": 0}
        for r in self.releases:
            out[r.status] += 1
        return out

    def with_worst(self, severity: str) -> int:
        """How many checked releases have `severity` as their worst issue."""
        return sum(1 for r in self.releases if r.status in ("done", "skipped") and r.worst == severity)

    def summary_line(self) -> str:
        """The run's last words: what was checked and how many releases have errors."""
        c = self.counts
        n = len(self.releases)
        parts = [f"{c['done']} checked", f"{c['skipped']} up to date"]
        if c["pending"]:
            parts.append(f"{c['pending']} pending (no translation yet)")
        parts.append(f"{c['failed']} failed")
        errors, warnings = self.with_worst("error"), self.with_worst("warning")
        verdict = (f"{errors} release{'' if errors == 1 else 's'} with errors, "
                   f"{warnings} with warnings only")
        return f"{n} release{'' if n == 1 else 's'}: {', '.join(parts)}; {verdict}"


def discover_releases(
    inputs: Sequence[Path], config: Config, out_dir: Path | None = None, produced: set[Path] | None = None,
    follow_links: bool = False,
) -> tuple[list[Release], list[str]]:
    """Releases in `inputs` (directories: every NAME.LANG.txt directly inside; or explicit files).

    `produced` are machine translations an earlier run wrote; they are outputs, not drafts, when
    the output folder is also an input folder. A symlink in a folder that leads out of it is
    skipped unless `follow_links` (in CI a pull request can add one to any file of the runner);
    so are dangling links, link loops and FIFOs or devices, each with a warning. Raises
    InputError for bad input.
    """
    produced = {p.resolve() for p in (produced or set())}
    warnings: list[str] = []
    found: dict[str, dict[str, Path]] = {}
    if not inputs:
        raise InputError("give a folder of releases (NAME.en.txt, NAME.uk.txt, ...) or release files")

    def add(path: Path, explicit: bool) -> None:
        m = _RELEASE_FILE.match(path.name)
        if not m or m["lang"] not in LANGS:
            if explicit:
                raise InputError(f"{path}: not a release file; name it NAME.LANG.txt with LANG one of "
                                 f"{', '.join(LANGS)} (e.g. budget.en.txt)")
            if m:
                warnings.append(f"{path}: skipped, '.{m['lang']}.' is not one of {', '.join(LANGS)}")
            return
        if m["lang"] not in config.languages:
            warnings.append(f"{path}: skipped, {m['lang']} is not in the configured languages")
            return
        if path.resolve() in produced:
            return
        name, lang = m["name"], m["lang"]
        other = found.setdefault(name, {}).get(lang)
        if other is not None and other.resolve() != path.resolve():
            raise InputError(f"two inputs for release '{name}' in {lang}: {other} and {path}")
        found[name][lang] = path

    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.suffix == ".txt" and not child.name.startswith("."):
                    skipped = _unfit_child(child, path, follow_links)
                    if skipped is None:
                        add(child, explicit=False)
                    elif skipped:
                        warnings.append(skipped)
        elif path.is_file():
            add(path, explicit=True)
        elif path.exists():
            raise InputError(f"{path}: is not a regular file (a FIFO, device or socket); give release files or folders")
        else:
            raise InputError(f"{path}: no such file or folder")
    if not found:
        where = ", ".join(str(p) for p in inputs)
        raise InputError(f"no releases found in {where} (expected files named NAME.{config.source}.txt)")
    releases = [Release(name, dict(sorted(files.items(), key=lambda kv: LANGS.index(kv[0]))))
                for name, files in sorted(found.items())]
    return releases, warnings


def _unfit_child(child: Path, folder: Path, follow_links: bool) -> str | None:
    """Why a *.txt entry of an input folder is not read (a warning; "" to pass over it
    silently), or None to read it."""
    if child.is_symlink():
        try:
            target = child.resolve(strict=True)
        except FileNotFoundError:
            return f"{child}: skipped, a dangling link"
        except (OSError, RuntimeError):
            return f"{child}: skipped, a link loop"
        if not follow_links and not target.is_relative_to(folder.resolve()):
            return f"{child}: skipped, a link to {target}, outside {folder} (--follow-links reads it)"
    if child.is_dir():
        return ""
    if not child.is_file():
        return f"{child}: skipped, not a regular file (a FIFO, device or socket)"
    return None


# -- translation ---------------------------------------------------------------------------------


def model_state(source: str, target: str, config: Config) -> tuple[str, str | None]:
    """(model name, fingerprint of its files) for a direction; fingerprint None when it is not on disk.

    The fingerprint goes into release keys, so new weights redo the machine translations."""
    wanted = config.model_for(source, target)
    try:
        from align.translation.registry import resolve_model

        resolved = resolve_model(source, target, wanted)
    except ImportError:
        return wanted or "", None
    except AlignError:
        return wanted or "", None
    return resolved.name, resolved.fingerprint


# Translations made ahead of time for a batch of releases: an engine that translates several
# releases' sentences together (align.engines.ray_engine) puts them here, keyed by
# (model name, source, target, source text), so a release is not translated a second time.
PREPARED_TRANSLATIONS: dict[tuple[str, str, str, str], str] = {}


def _translate_text(text: str, source: str, target: str, model: str) -> str:
    """Machine translation of a whole release (paragraphs kept), offline; one call per language."""
    prepared = PREPARED_TRANSLATIONS.get((model, source, target, text))
    if prepared is not None:
        return prepared
    from align.translation import translate_texts

    # No per-sentence bar inside a worker: the batch shows its own bar over releases.
    return translate_texts([text], source, target, model=model or None, progress=False).texts[0]


# -- keys and the manifest -----------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _engine_digests() -> dict[str, str]:
    """Digests of align's code and of the language data it reads: a release checked by other
    code or data (an upgrade, an edited glossary) is redone, not served from the manifest. The
    algorithm version constants live in that code, so they need no entry of their own."""
    from align.resources import code_fingerprint, data_fingerprint

    return {"code": code_fingerprint(), "data": data_fingerprint()}


def release_key(release: Release, settings: dict[str, Any], models: dict[str, str]) -> str:
    """Hash of the release's input bytes and every setting that shapes its outputs."""
    payload = {
        "manifest": MANIFEST_VERSION,
        "name": release.name,
        "inputs": {lang: sha256_file(path) for lang, path in release.files.items()},
        "settings": settings,
        "models": models,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


class Manifest:
    """OUT/.align-manifest.json: what each finished release was made from, and what it wrote."""

    def __init__(self, path: Path, data: dict[str, Any] | None = None) -> None:
        self.path = path
        self.data = data or {"version": MANIFEST_VERSION, "releases": {}}

    @classmethod
    def load(cls, path: Path, log: Log) -> Manifest:
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != MANIFEST_VERSION:
                raise ValueError("other version")
            if not isinstance(data.get("releases"), dict):
                raise ValueError("no releases")
        except (OSError, ValueError, RecursionError) as exc:
            log(f"align: {path}: unreadable manifest ({exc}); redoing every release")
            return cls(path)
        corrupt = sorted(name for name, entry in data["releases"].items() if not valid_entry(entry))
        if corrupt:
            # Nothing of a corrupt entry is trusted (its file names could point anywhere).
            log(f"align: {path}: corrupt manifest entries for {', '.join(corrupt)}; redoing them")
            for name in corrupt:
                del data["releases"][name]
        return cls(path, data)

    def entry(self, name: str) -> dict[str, Any] | None:
        entry = self.data["releases"].get(name)
        return entry if isinstance(entry, dict) else None

    def produced_files(self, out_dir: Path) -> set[Path]:
        """Machine translations recorded here, still as align wrote them (an edited one is a draft)."""
        out = set()
        for entry in self.data["releases"].values():
            for item in (entry.get("translations") or {}).values():
                path = out_dir / item["file"]
                if path.is_file() and sha256_file(path) == item["sha256"]:
                    out.add(path)
        return out

    def record(self, name: str, entry: dict[str, Any]) -> None:
        self.data["releases"][name] = entry
        write_atomic(self.path, json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_file_name(value: Any) -> bool:
    """A plain file name inside the output folder: no folder part, no `..`."""
    return isinstance(value, str) and value not in ("", ".", "..") and Path(value).name == value \
        and "\\" not in value and "\x00" not in value


def valid_entry(entry: Any) -> bool:
    """Whether a manifest entry has the shape process_release writes (types, keys, plain file
    names); anything else is treated as not done."""
    if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
        return False
    if not _is_str_list(entry.get("issue_ids")) or not _is_str_list(entry.get("accepted")):
        return False
    outputs = entry.get("outputs")
    if not isinstance(outputs, dict) or not all(_is_file_name(k) and isinstance(v, str) for k, v in outputs.items()):
        return False
    translations = entry.get("translations")
    if not isinstance(translations, dict):
        return False
    for item in translations.values():
        if not isinstance(item, dict) or not _is_file_name(item.get("file")):
            return False
        if not all(isinstance(item.get(k), str) for k in ("model", "source_sha256", "sha256")):
            return False
    result = entry.get("result")
    if not isinstance(result, dict):
        return False
    return (isinstance(result.get("summary"), dict)
            and isinstance(result.get("counts"), dict)
            and all(isinstance(k, str) and isinstance(v, int) for k, v in result["counts"].items())
            and all(_is_str_list(result.get(k)) for k in ("languages", "translated", "drafts", "warnings"))
            and isinstance(result.get("files"), dict)
            and all(isinstance(k, str) and _is_file_name(v) for k, v in result["files"].items()))


def up_to_date(entry: dict[str, Any], key: str, accepted: AcceptedSet, out_dir: Path) -> bool:
    """Whether a finished release needs no work: same key, same accepted issues among those it
    found, and every output still as it was written."""
    if entry.get("key") != key:
        return False
    found = entry.get("issue_ids") or []
    if [issue_id for issue_id in found if issue_id in accepted] != entry.get("accepted", []):
        return False
    return outputs_intact(entry, out_dir)


def outputs_intact(entry: dict[str, Any], out_dir: Path) -> bool:
    for file_name, digest in (entry.get("outputs") or {}).items():
        path = out_dir / file_name
        if not path.is_file() or sha256_file(path) != digest:
            return False
    return bool(entry.get("outputs"))


# -- one release ---------------------------------------------------------------------------------


@dataclass
class ReleaseTask:
    """Everything a worker process needs to do one release (picklable)."""

    release: Release
    out_dir: Path
    config: Config
    accepted: AcceptedSet
    key: str
    translate: bool
    models: dict[str, str]  # target lang -> "model name@fingerprint", for the languages to translate
    previous: dict[str, Any] | None  # the manifest entry of an earlier run, for reusing translations
    formats: tuple[str, ...] = REPORT_FORMATS


def process_release(task: ReleaseTask) -> tuple[ReleaseResult, dict[str, Any] | None]:
    """Translate, check and report one release; never raises for a problem with the release."""
    import time

    started = time.perf_counter()
    release = task.release
    result = ReleaseResult(name=release.name, status="failed", drafts=list(release.files))
    try:
        entry = _do_release(task, result)
    except PendingRelease as exc:
        result.status = "pending"
        result.error = str(exc)
        entry = None
    except AlignError as exc:
        result.error = str(exc)
        entry = None
    except Exception as exc:  # noqa: BLE001 - one release must not stop the batch
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        result.error = f"internal error: {type(exc).__name__}: {exc} ({where})"
        entry = None
    result.seconds = time.perf_counter() - started
    return result, entry


def _do_release(task: ReleaseTask, result: ReleaseResult) -> dict[str, Any]:
    from align import workflow
    from align.reports import render

    release, out_dir, config = task.release, task.out_dir, task.config
    source = config.source
    if source not in release.files:
        raise InputError(f"no {source} version ({release.name}.{source}.txt) to check the others against")
    files = dict(release.files)
    translations: dict[str, dict[str, str]] = {}
    missing = [lang for lang in config.targets if lang not in files]
    source_sha = sha256_file(files[source])
    previous = (task.previous or {}).get("translations") or {}
    for lang in missing:
        model = task.models.get(lang)
        if not task.translate or model is None:
            continue
        target = out_dir / f"{release.name}.{lang}.txt"
        earlier = previous.get(lang)
        reusable = (earlier is not None and earlier.get("source_sha256") == source_sha
                    and earlier.get("model") == model and target.is_file()
                    and sha256_file(target) == earlier.get("sha256"))
        if not reusable:
            if target.exists() and not (earlier and sha256_file(target) == earlier.get("sha256")):
                raise InputError(f"{target} exists and was not written by align (or was edited since); "
                                 f"move it next to {release.name}.{source}.txt to check it as a draft, "
                                 f"or delete it")
            from align.textio import read_text

            text = read_text(files[source]).text
            write_atomic(target, _translate_text(text, source, lang, model.rpartition("@")[0]))
        translations[lang] = {"file": target.name, "model": model, "source_sha256": source_sha,
                              "sha256": sha256_file(target)}
        files[lang] = target
        result.translated.append(lang)
    if len(files) < 2:
        raise PendingRelease(_pending_reason(files[source].name, source, missing, task.translate))
    ordered = [files[lang] for lang in LANGS if lang in files]
    inputs = workflow.load_documents(ordered, langs=[lang for lang in LANGS if lang in files], source=source)
    embedder = None if config.embedder.lower() == "none" else config.embedder
    report = workflow.check_documents(inputs, glossary=_glossary(config), embedder=embedder)
    found_ids = sorted({issue.id for issue in report.issues})
    report = apply_accepted(report, task.accepted, config.ignore)
    result.warnings = list(report.warnings)
    result.languages = list(report.languages)
    result.summary = _json_safe(report.summary)
    result.counts = _severity_counts(report)
    result.lang_counts = _lang_counts(report)
    from align.reports import SUFFIXES

    files_by_format = {fmt: f"{release.name}.report{SUFFIXES[fmt]}" for fmt in task.formats
                       if fmt not in BATCH_FORMATS}
    # A translation memory made by a run keeps only the pairs that agree (--only-clean).
    outputs = {file_name: render(report, fmt, only_clean=True) for fmt, file_name in files_by_format.items()}
    for file_name, content in outputs.items():
        write_atomic(out_dir / file_name, content)
    result.outputs = dict(files_by_format)
    result.outputs.update({lang: item["file"] for lang, item in translations.items()})
    result.status = "done"
    digests = {name: sha256_file(out_dir / name) for name in outputs}
    digests.update({item["file"]: item["sha256"] for item in translations.values()})
    return {
        "key": task.key,
        "issue_ids": found_ids,
        "accepted": [issue_id for issue_id in found_ids if issue_id in task.accepted],
        "outputs": dict(sorted(digests.items())),
        "translations": translations,
        "result": {
            "summary": result.summary,
            "counts": result.counts,
            "languages": result.languages,
            "translated": result.translated,
            "drafts": result.drafts,
            "files": result.outputs,
            "warnings": result.warnings,
            "lang_counts": result.lang_counts,
        },
        **_batch_parts(report, release.name, task.formats),
    }


def _batch_parts(report: Report, name: str, formats: Sequence[str]) -> dict[str, Any]:
    """This release's share of the run's single SARIF log and JUnit document, kept in its
    manifest entry so a re-run that skips the release still puts it in the run's files."""
    from align.reports.ci import junit_suites, sarif_run

    parts: dict[str, Any] = {}
    if "sarif" in formats:
        # Keys sorted as the manifest file stores them: a reused release then writes the same bytes.
        parts["sarif"] = json.loads(json.dumps(sarif_run(report, name), default=str, sort_keys=True))
    if "junit" in formats:
        import xml.etree.ElementTree as ET

        parts["junit"] = [ET.tostring(suite, encoding="unicode") for suite in junit_suites(report, name)]
    return {"batch": parts} if parts else {}


def _has_batch_parts(entry: dict[str, Any], formats: Sequence[str]) -> bool:
    parts = entry.get("batch")
    wanted = [fmt for fmt in formats if fmt in BATCH_FORMATS]
    if not wanted:
        return True
    if not isinstance(parts, dict):
        return False
    sarif_ok = "sarif" not in wanted or (isinstance(parts.get("sarif"), dict)
                                         and all(isinstance(parts["sarif"].get(k), list)
                                                 for k in ("rules", "results", "artifacts"))
                                         and isinstance(parts["sarif"].get("release"), dict))
    junit_ok = "junit" not in wanted or _is_str_list(parts.get("junit"))
    return sarif_ok and junit_ok


def write_batch_reports(results: list[ReleaseResult], manifest: Manifest, formats: Sequence[str],
                        targets: dict[str, Path | None], out_dir: Path) -> dict[str, Path | None]:
    """The run's SARIF log and JUnit document over every checked release (fresh or reused);
    where each went (None: standard output)."""
    from align.reports import SUFFIXES
    from align.reports.ci import junit_document, sarif_document

    written: dict[str, Path | None] = {}
    entries = [manifest.entry(r.name) for r in results if r.status in ("done", "skipped")]
    entries = [e for e in entries if e is not None]
    for fmt in (f for f in formats if f in BATCH_FORMATS):
        parts = [e["batch"][fmt] for e in entries if isinstance(e.get("batch"), dict) and fmt in e["batch"]]
        try:
            text = sarif_document(parts) if fmt == "sarif" else junit_document(parts)
        except Exception as exc:  # noqa: BLE001 - a tampered manifest must not cost the run's index
            raise InputError(f"{manifest.path}: cannot rebuild the {fmt} report ({exc}); run again with --force") from None
        target = targets.get(fmt, out_dir / f"align{SUFFIXES[fmt]}")
        if target is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            write_if_changed(target, text)
        written[fmt] = target
    return written


class PendingRelease(Exception):
    """Only the source version exists: nothing to check yet, and nothing is wrong."""


def _pending_reason(source_file: str, source: str, missing: list[str], translate: bool) -> str:
    why = ("machine translation is off (--no-translate)" if not translate else
           f"no translation model on disk for {', '.join(f'{source}-{lang}' for lang in missing)}")
    return f"only {source_file} so far, and {why}; waiting for {', '.join(missing)}"


def _lang_counts(report: Report) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {lang: {"error": 0, "warning": 0} for lang in report.languages}
    for issue in report.issues:
        if issue.severity in ("error", "warning"):
            out.setdefault(issue.lang, {"error": 0, "warning": 0})[issue.severity] += 1
    return out


_GLOSSARIES: dict[tuple[Path, ...], Any] = {}


def _glossary(config: Config) -> Any:
    """The project glossary, loaded once per process (workers check many releases)."""
    from align import workflow

    if config.glossary not in _GLOSSARIES:
        _GLOSSARIES[config.glossary] = workflow.load_glossary(list(config.glossary) or None)
    return _GLOSSARIES[config.glossary]


def _lang_rank(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else len(LANGS)


def _severity_counts(report: Report) -> dict[str, int]:
    counts = {sev: 0 for sev in reversed(SEVERITIES)}
    for issue in report.issues:
        counts[issue.severity] = counts.get(issue.severity, 0) + 1
    return counts


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _from_manifest(name: str, entry: dict[str, Any]) -> ReleaseResult:
    saved = entry.get("result") or {}
    return ReleaseResult(
        name=name, status="skipped", summary=saved.get("summary", {}), counts=saved.get("counts", {}),
        languages=saved.get("languages", []), translated=saved.get("translated", []),
        drafts=saved.get("drafts", []), outputs=saved.get("files", {}), warnings=saved.get("warnings", []),
        lang_counts=_saved_lang_counts(saved.get("lang_counts")),
    )


def _saved_lang_counts(value: Any) -> dict[str, dict[str, int]]:
    """lang_counts read back from the manifest; anything of another shape is dropped (the
    manifest is a file on disk, not trusted)."""
    if not isinstance(value, dict):
        return {}
    return {lang: {sev: n for sev, n in counts.items() if isinstance(sev, str) and type(n) is int}
            for lang, counts in value.items() if isinstance(lang, str) and isinstance(counts, dict)}


# -- the batch -----------------------------------------------------------------------------------


def run_batch(
    inputs: list[Path],
    out_dir: Path | None,
    jobs: int = 1,
    config: Config | None = None,
    translate: bool = True,
    progress: bool | None = None,
    force: bool = False,
    log: Log | None = None,
    formats: Sequence[str] = (),
    follow_links: bool = False,
    executor: Executor | None = None,
    batch_outputs: dict[str, Path | None] | None = None,
) -> BatchResult:
    """Translate, check and report every release in `inputs` into `out_dir` (default ./align-out).

    jobs > 1 checks releases in that many worker processes. progress None: a bar on stderr when it
    is a terminal. force: redo releases even when their outputs are up to date. formats: report
    formats written besides json and html, e.g. ("sarif", "junit") for CI: those two make one
    file for the whole run, at batch_outputs[fmt] (None: standard output) or OUT/align.sarif,
    OUT/align.junit.xml. follow_links: read links in input folders that lead outside them (see
    discover_releases). executor: runs the releases that need work elsewhere
    (align.engines.ray_engine); default: this machine's process pool of `jobs` workers. Raises InputError
    for bad input (no releases, an unreadable config, a busy output folder).
    """
    config = config or Config()
    out_dir = Path(out_dir) if out_dir is not None else DEFAULT_OUT_DIR
    if jobs < 1:
        raise InputError(f"--jobs must be at least 1, not {jobs}")
    report_formats = _report_formats(formats)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError(f"{out_dir}: the output folder is not writable")
    show_progress = sys.stderr.isatty() if progress is None else progress

    with _exclusive(out_dir), _Reporter(show_progress, log) as say:
        _remove_stale_temp_files(out_dir)
        manifest = Manifest.load(out_dir / MANIFEST_NAME, say.line)
        releases, warnings = discover_releases(inputs, config, out_dir, manifest.produced_files(out_dir),
                                               follow_links)
        for warning in warnings:
            say.line(f"align: {warning}")
        accepted = load_accepted(config.accepted_path)
        settings = {
            "tool": __version__,
            "engine": _engine_digests(),
            "config": config.fingerprint(),
            "translate": translate,
            "formats": list(report_formats),
        }
        models, unavailable = _translation_models(releases, config, translate)
        if unavailable:
            # Once per run, not once per release.
            message = (f"no translation model on disk for {', '.join(unavailable)}; checking only the "
                       f"versions that exist (see `align models`)")
            warnings.append(message)
            say.line(f"align: {message}")

        tasks: list[ReleaseTask] = []
        results: dict[str, ReleaseResult] = {}
        for release in releases:
            wanted = {lang: models[lang] for lang in config.targets if lang not in release.files and lang in models}
            key = release_key(release, settings, wanted)
            entry = manifest.entry(release.name)
            if not force and entry is not None and up_to_date(entry, key, accepted, out_dir) \
                    and _has_batch_parts(entry, report_formats):
                results[release.name] = _from_manifest(release.name, entry)
                continue
            tasks.append(ReleaseTask(release, out_dir, config, accepted, key, translate, wanted, entry,
                                     report_formats))

        say.start(len(releases), len(releases) - len(tasks))
        execute = executor if executor is not None else lambda todo, rep: _execute(todo, jobs, rep)
        for result, entry in execute(tasks, say):
            results[result.name] = result
            if entry is not None:
                manifest.record(result.name, entry)
            else:
                say.line(f"align: {result.name}: {result.status}: {result.error}")
            say.advance(result.name)

        ordered = [results[r.name] for r in releases]
        index = out_dir / INDEX_NAME
        # Only when it changed: a re-run that redoes nothing leaves index.html (and its mtime) alone.
        write_if_changed(index, _render_index(ordered))
        batch_files = write_batch_reports(ordered, manifest, report_formats, dict(batch_outputs or {}), out_dir)
    return BatchResult(ordered, out_dir, index, config.fail_on, warnings, batch_files)


# write_atomic's temp files: "." + up to 32 characters of the name + "." + mkstemp's 8 + ".tmp".
_TEMP_FILE = re.compile(r"^\..{1,32}\.[a-z0-9_]{8}\.tmp$")


def _remove_stale_temp_files(out_dir: Path) -> None:
    """Temp files a killed run left behind (kill -9 between write and rename). Only called under
    the folder's lock, so no other run is writing them."""
    for path in out_dir.iterdir():
        if _TEMP_FILE.match(path.name) and path.is_file() and not path.is_symlink():
            with contextlib.suppress(OSError):
                path.unlink()


def _report_formats(extra: Sequence[str]) -> tuple[str, ...]:
    from align.reports import SUFFIXES

    formats = list(REPORT_FORMATS)
    for fmt in extra:
        if fmt not in SUFFIXES or fmt == "table":
            known = ", ".join(f for f in SUFFIXES if f != "table")
            raise InputError(f"unknown report format {fmt!r} for align run (choose from {known})")
        if fmt not in formats:
            formats.append(fmt)
    return tuple(formats)


def _translation_models(releases: list[Release], config: Config, translate: bool
                        ) -> tuple[dict[str, str], list[str]]:
    """"name@fingerprint" per target language some release needs, and the directions with no model."""
    if not translate:
        return {}, []
    needed = sorted({lang for r in releases for lang in config.targets if lang not in r.files},
                    key=LANGS.index)
    models: dict[str, str] = {}
    unavailable = []
    for lang in needed:
        name, fingerprint = model_state(config.source, lang, config)
        if fingerprint is not None:
            models[lang] = f"{name}@{fingerprint}"
        else:
            unavailable.append(f"{config.source}-{lang}")
    return models, unavailable


def _execute(tasks: list[ReleaseTask], jobs: int, say: _Reporter
             ) -> Iterator[tuple[ReleaseResult, dict[str, Any] | None]]:
    if jobs == 1 or len(tasks) <= 1:
        for task in tasks:
            say.current(task.release.name)
            yield process_release(task)
        return
    broken: list[ReleaseTask] = []
    with _pool(min(jobs, len(tasks))) as pool:
        futures = {pool.submit(process_release, task): task for task in tasks}
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken.append(futures[future])
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    # A worker died (killed, out of memory, a crash in native code) and took the pool with it:
    # redo its releases one by one in fresh single-worker pools, so only the culprit fails.
    for task in broken:
        with _pool(1) as pool:
            try:
                yield pool.submit(process_release, task).result()
            except BrokenProcessPool:
                result = ReleaseResult(name=task.release.name, status="failed", drafts=list(task.release.files),
                                       error="the worker process died while checking this release")
                yield result, None


def _pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: a forked copy of a process that already runs torch threads can deadlock.
    threads = max(1, (os.cpu_count() or 1) // workers)
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(threads,))


def _init_worker(threads: int) -> None:
    # Before torch/numpy load: N workers must not each start a thread per core.
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))


@contextlib.contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """Refuse a second `align run` writing into the same folder at the same time."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; atomic writes still keep every file whole
        yield
        return
    with open(out_dir / LOCK_NAME, "a+b") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{out_dir}: another `align run` is writing there; wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class _Reporter:
    """One-line messages and the progress bar, both on stderr."""

    def __init__(self, show_progress: bool, log: Log | None) -> None:
        self._show = show_progress
        self._log = log
        self._progress = None
        self._task = None

    def __enter__(self) -> _Reporter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def line(self, message: str) -> None:
        message = one_line(message)  # release names and texts are untrusted
        if self._log is not None:
            self._log(message)
        elif self._progress is not None:
            self._progress.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=sys.stderr, flush=True)

    def start(self, total: int, done: int) -> None:
        if not self._show or total == done:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeRemainingColumn(), console=Console(stderr=True), transient=True)
        self._progress.start()
        self._task = self._progress.add_task("releases", total=total, completed=done)

    def current(self, name: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=name)

    def advance(self, name: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, advance=1, description=name)


def _render_index(results: list[ReleaseResult]) -> str:
    from align.reports import IndexEntry, render_index

    return render_index([IndexEntry(**index_fields(r)) for r in results])


def index_fields(result: ReleaseResult) -> dict[str, Any]:
    """The index row of a release. Reused and freshly made reports look the same there, so a
    re-run that redoes nothing rewrites index.html byte for byte."""
    if result.status in ("failed", "pending"):
        return {"name": result.name, "languages": result.drafts, "status": result.status, "message": result.error}
    summary = result.summary
    notes = []
    if result.translated:
        notes.append(f"machine-translated: {', '.join(result.translated)}")
    if summary.get("accepted"):
        notes.append(f"{summary['accepted']} accepted")
    if summary.get("ignored"):
        notes.append(f"{summary['ignored']} ignored")
    return {
        "name": result.name,
        "languages": result.languages,
        # In language order: the manifest stores summaries with sorted keys.
        "scores": {lang: score for lang, score in sorted((summary.get("score") or {}).items(),
                                                         key=lambda kv: _lang_rank(kv[0]))},
        "errors": int(result.counts.get("error", 0)),
        "warnings": int(result.counts.get("warning", 0)),
        "status": "ok",
        "message": "; ".join(notes),
        "lang_counts": {lang: dict(c) for lang, c in sorted(result.lang_counts.items(),
                                                             key=lambda kv: _lang_rank(kv[0]))},
        "html_href": result.outputs.get("html"),
        "json_href": result.outputs.get("json"),
    }
