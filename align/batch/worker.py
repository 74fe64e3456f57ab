"""One release of `align run`, in a worker process: translate what is missing, check, write its reports.

process_release never raises for a problem with the release: the result says what went wrong, and
the other releases go on.
"""

from __future__ import annotations

import json
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align.accepted import AcceptedSet
from align.batch.discover import Release
from align.batch.manifest import sha256_file
from align.batch.results import BATCH_FORMATS, REPORT_FORMATS, ReleaseResult
from align.config import Config
from align.errors import AlignError, InputError
from align.jobs import check_release
from align.model import LANGS, SEVERITIES, Report
from align.session import Settings
from align.textio import write_atomic


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


def translate_text(text: str, source: str, target: str, model: str) -> str:
    """Machine translation of a whole release (paragraphs kept), offline; one call per language."""
    prepared = PREPARED_TRANSLATIONS.get((model, source, target, text))
    if prepared is not None:
        return prepared
    from align.translation import translate_texts

    # No per-sentence bar inside a worker: the batch shows its own bar over releases.
    return translate_texts([text], source, target, model=model or None, progress=False).texts[0]


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
    release, source = task.release, task.config.source
    if source not in release.files:
        raise InputError(f"no {source} version ({release.name}.{source}.txt) to check the others against")
    files = dict(release.files)
    missing = [lang for lang in task.config.targets if lang not in files]
    translations = _translate_missing(task, files, missing, result)
    if len(files) < 2:
        raise PendingRelease(_pending_reason(files[source].name, source, missing, task.translate))
    settings = Settings(task.config)
    langs = [lang for lang in LANGS if lang in files]
    checked = check_release([files[lang] for lang in langs], settings, langs=langs,
                            glossary=_glossary(settings), accepted=task.accepted)
    report = checked.report
    result.warnings = list(report.warnings)
    result.languages = list(report.languages)
    result.summary = _json_safe(report.summary)
    result.counts = _severity_counts(report)
    result.lang_counts = _lang_counts(report)
    written = _write_reports(report, task)
    result.outputs = dict(written)
    result.outputs.update({lang: item["file"] for lang, item in translations.items()})
    result.status = "done"
    digests = {name: sha256_file(task.out_dir / name) for name in written.values()}
    digests.update({item["file"]: item["sha256"] for item in translations.values()})
    return {
        "key": task.key,
        "issue_ids": checked.found,
        "accepted": [issue_id for issue_id in checked.found if issue_id in task.accepted],
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


def _translate_missing(task: ReleaseTask, files: dict[str, Path], missing: list[str],
                       result: ReleaseResult) -> dict[str, dict[str, str]]:
    """Machine translations of the `missing` languages into OUT/NAME.LANG.txt (added to `files`
    and to result.translated), an earlier run's reused while its source and model are unchanged;
    what each was made from."""
    release, out_dir, source = task.release, task.out_dir, task.config.source
    translations: dict[str, dict[str, str]] = {}
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
            write_atomic(target, translate_text(text, source, lang, model.rpartition("@")[0]))
        translations[lang] = {"file": target.name, "model": model, "source_sha256": source_sha,
                              "sha256": sha256_file(target)}
        files[lang] = target
        result.translated.append(lang)
    return translations


def _write_reports(report: Report, task: ReleaseTask) -> dict[str, str]:
    """The release's report in each of the run's per-release formats; format -> file name in OUT."""
    from align.reports import SUFFIXES, render

    files_by_format = {fmt: f"{task.release.name}.report{SUFFIXES[fmt]}" for fmt in task.formats
                       if fmt not in BATCH_FORMATS}
    # A translation memory made by a run keeps only the pairs that agree (--only-clean).
    outputs = {file_name: render(report, fmt, only_clean=True) for fmt, file_name in files_by_format.items()}
    for file_name, content in outputs.items():
        write_atomic(task.out_dir / file_name, content)
    return files_by_format


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


def _glossary(settings: Settings) -> Any:
    """The project glossary, loaded once per process (workers check many releases)."""
    key = settings.config.glossary
    if key not in _GLOSSARIES:
        _GLOSSARIES[key] = settings.glossary()
    return _GLOSSARIES[key]


def _severity_counts(report: Report) -> dict[str, int]:
    counts = {sev: 0 for sev in reversed(SEVERITIES)}
    for issue in report.issues:
        counts[issue.severity] = counts.get(issue.severity, 0) + 1
    return counts


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))

