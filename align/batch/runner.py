"""`align run`'s driver: the output folder's lock, the manifest, the worker pool, the progress bar,
the index and the run's SARIF/JUnit files."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align import __version__
from align.accepted import AcceptedSet, load_accepted
from align.batch import manifest as manifests
from align.batch import worker
from align.batch.discover import Release, discover_releases
from align.batch.manifest import (
    MANIFEST_NAME,
    Log,
    Manifest,
    from_manifest,
    has_batch_parts,
    release_key,
    up_to_date,
)
from align.batch.results import BATCH_FORMATS, REPORT_FORMATS, BatchResult, ReleaseResult, index_page
from align.batch.worker import ReleaseTask
from align.config import Config
from align.errors import InputError
from align.model import LANGS
from align.textio import one_line, write_if_changed

LOCK_NAME = ".align-run.lock"
INDEX_NAME = "index.html"
DEFAULT_OUT_DIR = Path("align-out")

# Runs the releases that need work and yields (result, manifest entry or None) as each finishes;
# the driver (run_batch) records the manifest, advances the progress bar and writes the index.
Executor = Callable[[list["ReleaseTask"], "_Reporter"], Iterator[tuple["ReleaseResult", "dict[str, Any] | None"]]]



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
    _prepare_out_dir(out_dir)
    show_progress = sys.stderr.isatty() if progress is None else progress

    with _exclusive(out_dir), _Reporter(show_progress, log) as say:
        _remove_stale_temp_files(out_dir)
        manifest = Manifest.load(out_dir / MANIFEST_NAME, say.line)
        releases, warnings = discover_releases(inputs, config, out_dir, manifest.produced_files(out_dir),
                                               follow_links)
        for warning in warnings:
            say.line(f"align: {warning}")
        plan = _Plan(out_dir, config, load_accepted(config.accepted_path), translate, report_formats)
        key_settings = plan.key_settings()
        models, unavailable = _translation_models(releases, config, translate)
        if unavailable:
            # Once per run, not once per release.
            message = (f"no translation model on disk for {', '.join(unavailable)}; checking only the "
                       f"versions that exist (see `align models`)")
            warnings.append(message)
            say.line(f"align: {message}")
        tasks, results = plan.tasks(releases, manifest, key_settings, models, force)

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
        write_if_changed(index, index_page(ordered))
        batch_files = write_batch_reports(ordered, manifest, report_formats, dict(batch_outputs or {}), out_dir)
    return BatchResult(ordered, out_dir, index, config.fail_on, warnings, batch_files)


def _prepare_out_dir(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir}: exists and is not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"{out_dir}: cannot create the output folder ({exc.strerror})") from None
    if not os.access(out_dir, os.W_OK | os.X_OK):
        raise InputError(f"{out_dir}: the output folder is not writable")


@dataclass
class _Plan:
    """What the run's releases share, and which of them need work."""

    out_dir: Path
    config: Config
    accepted: AcceptedSet
    translate: bool
    formats: tuple[str, ...]

    def key_settings(self) -> dict[str, Any]:
        """Every setting that shapes a release's outputs, for its key."""
        return {
            "tool": __version__,
            "engine": manifests.engine_digests(),
            "config": self.config.fingerprint(),
            "translate": self.translate,
            "formats": list(self.formats),
        }

    def tasks(self, releases: list[Release], manifest: Manifest, settings: dict[str, Any],
              models: dict[str, str], force: bool) -> tuple[list[ReleaseTask], dict[str, ReleaseResult]]:
        """The releases to do, and the results of those whose outputs are up to date (keyed on
        `settings`, the key_settings of the run)."""
        tasks: list[ReleaseTask] = []
        results: dict[str, ReleaseResult] = {}
        for release in releases:
            wanted = {lang: models[lang] for lang in self.config.targets
                      if lang not in release.files and lang in models}
            key = release_key(release, settings, wanted)
            entry = manifest.entry(release.name)
            if not force and entry is not None and up_to_date(entry, key, self.accepted, self.out_dir) \
                    and has_batch_parts(entry, self.formats):
                results[release.name] = from_manifest(release.name, entry)
                continue
            tasks.append(ReleaseTask(release, self.out_dir, self.config, self.accepted, key, self.translate,
                                     wanted, entry, self.formats))
        return tasks, results


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
        name, fingerprint = worker.model_state(config.source, lang, config)
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
            yield worker.process_release(task)
        return
    broken: list[ReleaseTask] = []
    with _pool(min(jobs, len(tasks))) as pool:
        futures = {pool.submit(worker.process_release, task): task for task in tasks}
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
                yield pool.submit(worker.process_release, task).result()
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

