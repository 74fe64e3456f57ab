"""`align run --engine ray`: the releases that need work, checked by model actors on a Ray cluster.

The driver (align.batch.run_batch) discovers the releases, computes their content keys, reads
OUT once and hands over only the releases that are not up to date; this module runs them with
Ray Data and yields one status row per release as it finishes. The driver records the manifest,
advances the same progress bar as the local engine and writes the index at the end, so nothing
depends on Ray's own checkpointing and a Ray run resumes a local one and vice versa.

- A row is a release's name, content key and input paths (never its text): every node reads the
  inputs and writes the outputs on storage they share with the driver.
- `map_batches` over the rows with an actor class: each actor loads the run's translation models
  once, in its constructor, from the path the registry resolves on its node (ALIGN_MODELS_DIR on
  shared storage), checks they are the driver's (same fingerprint) and sets the backend's thread
  count from its CPU share, or moves the model to its GPU. Releases come in batches, and an actor
  translates the sentences of a whole batch together before checking each release.
- Each release is align.batch.worker.process_release: its JSON/HTML written atomically by the actor,
  an exception turned into a failed row. A batch whose actor died (killed, out of memory, a crash
  in native code) is retried by Ray on a restarted actor, at most `max_retries` times; the
  releases of batches that still failed are run again one per batch, with the same cap, so only
  the release that kills its actor fails.
- Ray is started only for `--address local` and then shut down by us; with `auto` or `ray://`
  we connect and only disconnect. Never `ray stop`: it kills every Ray process on the host.

Ray, Ray Data and pyarrow are imported here only, and this module only by `--engine ray`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import math
import os
import re
import socket
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from align.batch.results import ReleaseResult
from align.batch.worker import ReleaseTask
from align.errors import InputError

EXTRA = "ray"
RELEASES_PER_BATCH = 8
# Attempts of a batch whose actor died are 1 + this; never unlimited (Ray Data's default is).
MAX_RETRIES = 2
_ADDRESS = re.compile(r"^(local|auto|ray://[^\s:/]+:\d+)$")
# What an actor needs from the driver's environment to find the same models and caches.
_ENV_PREFIXES = ("ALIGN_", "HF_", "TRANSFORMERS_")
_QUIET_LOGGERS = ("ray", "ray.data", "ray.data._internal.execution.streaming_executor_state")


@dataclass(frozen=True)
class RayOptions:
    address: str = "local"  # local: start a cluster on this machine; auto or ray://HOST:PORT: connect
    workers: int | None = None  # model actors; None: as many as the cluster's CPUs (GPUs) allow
    cpus_per_worker: float = 1.0
    gpus_per_worker: float = 0.0
    releases_per_batch: int = RELEASES_PER_BATCH
    max_retries: int = MAX_RETRIES
    temp_dir: str | None = None  # session folder of a local cluster (keep it short: socket paths)

    def check(self) -> None:
        if not _ADDRESS.match(self.address):
            raise InputError(f"--address {self.address!r}: give local, auto or ray://HOST:PORT")
        if self.workers is not None and self.workers < 1:
            raise InputError(f"--jobs must be at least 1, not {self.workers}")
        if not self.cpus_per_worker > 0:
            raise InputError(f"--cpus-per-worker must be more than 0, not {self.cpus_per_worker:g}")
        if self.gpus_per_worker < 0:
            raise InputError(f"--gpus-per-worker must be 0 or more, not {self.gpus_per_worker:g}")
        if self.releases_per_batch < 1:
            raise InputError(f"releases per batch must be at least 1, not {self.releases_per_batch}")
        if not 0 <= self.max_retries <= 10:
            raise InputError(f"retries must be between 0 and 10, not {self.max_retries}")


def require_ray() -> None:
    """Fail with one line naming the extra when Ray Data is not installed."""
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        raise InputError(f"--engine ray needs the '{EXTRA}' extra: pip install 'align[{EXTRA}]' "
                         f"(the same Ray version as the cluster's)") from None


# -- the actor -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunSettings:
    """What every release of a run shares; sent once to each actor, not with every row."""

    out_dir: str
    config: Any  # align.config.Config
    accepted: Any  # align.accepted.AcceptedSet
    translate: bool
    formats: tuple[str, ...]
    models: dict[str, str]  # target lang -> "model name@fingerprint", every model the run needs
    engine_digests: dict[str, str]  # the driver's align code and data digests
    cwd: str  # the driver's working folder: relative input paths are relative to it
    env: dict[str, str]


class ReleaseWorker:
    """A Ray Data actor: models loaded once; checks batches of releases, one status row each.

    The constructor never raises: a node that cannot serve the run (other align code, a model
    missing or different) answers every release with a failed row saying why."""

    def __init__(self, settings: RunSettings, cpus: float, gpus: float) -> None:
        self.settings = settings
        self.problem = ""
        self.translators: dict[str, str] = {}  # target lang -> model name
        try:
            self._setup(cpus, gpus)
        except Exception as exc:  # noqa: BLE001 - reported on every row instead of killing the actor
            self.problem = f"Ray worker on {socket.gethostname()}: {_first_line(exc)}"

    def _setup(self, cpus: float, gpus: float) -> None:
        settings = self.settings
        os.environ.update(settings.env)
        threads = str(max(1, math.floor(cpus)))
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            os.environ[var] = threads  # before numpy/torch load: the actor's share, not the node's
        if Path(settings.cwd).is_dir():
            os.chdir(settings.cwd)
        from align.batch.manifest import engine_digests

        if engine_digests() != settings.engine_digests:
            raise InputError("align's code or language data here differs from the driver's; "
                             "install the same align on every node")
        if not settings.translate or not settings.models:
            return
        import torch

        from align.translation.backends import load_backend
        from align.translation.registry import resolve_model

        torch.set_num_threads(int(threads))
        device = "cuda" if gpus > 0 else "cpu"
        if device == "cuda" and not torch.cuda.is_available():
            raise InputError("--gpus-per-worker > 0 but torch here sees no CUDA device")
        for lang, model in settings.models.items():
            name, _, fingerprint = model.rpartition("@")
            resolved = resolve_model(settings.config.source, lang, name)
            if resolved.fingerprint != fingerprint:
                raise InputError(f"model {name} at {resolved.path} is not the driver's "
                                 f"(other files); put one copy on storage every node reads")
            backend = load_backend(resolved, "transformers")  # kept loaded for this process
            if device == "cuda":
                backend.net.to(device)
            self.translators[lang] = name

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        from align.batch.worker import PREPARED_TRANSLATIONS

        tasks = [self._task(row) for row in _rows(batch)]
        names, results, entries = [], [], []
        if self.problem:
            for task in tasks:
                failed = ReleaseResult(task.release.name, "failed", error=self.problem, drafts=list(task.release.files))
                names.append(task.release.name)
                results.append(_result_json(failed))
                entries.append("")
            return {"name": names, "result": results, "entry": entries}
        PREPARED_TRANSLATIONS.update(self._translate_together(tasks))
        try:
            for task in tasks:
                result, entry = self.process(task)
                names.append(result.name)
                results.append(_result_json(result))
                entries.append("" if entry is None else json.dumps(entry, ensure_ascii=False))
        finally:
            PREPARED_TRANSLATIONS.clear()
        return {"name": names, "result": results, "entry": entries}

    def process(self, task: ReleaseTask) -> tuple[ReleaseResult, dict[str, Any] | None]:
        """One release, as the local engine does it (never raises for a problem with the release)."""
        from align.batch.worker import process_release

        return process_release(task)

    def _task(self, row: dict[str, str]) -> ReleaseTask:
        from align.batch.discover import Release

        s = self.settings
        files = {lang: Path(path) for lang, path in json.loads(row["files"]).items()}
        return ReleaseTask(Release(row["name"], files), Path(s.out_dir), s.config, s.accepted, row["key"],
                           s.translate, json.loads(row["models"]), json.loads(row["previous"]) or None,
                           s.formats)

    def _translate_together(self, tasks: list[ReleaseTask]) -> dict[tuple[str, str, str, str], str]:
        """The missing languages of a whole batch, one model call sequence per language: the model
        sees several releases' sentences at once. A problem here is left for the release itself
        to meet (and report) when it translates on its own."""
        from align.batch.manifest import sha256_file
        from align.textio import read_text
        from align.translation import translate_texts

        source = self.settings.config.source
        prepared: dict[tuple[str, str, str, str], str] = {}
        for lang, name in self.translators.items():
            texts = []
            for task in tasks:
                files = task.release.files
                if lang in files or source not in files or task.models.get(lang) is None:
                    continue
                earlier = ((task.previous or {}).get("translations") or {}).get(lang) or {}
                target = Path(self.settings.out_dir) / f"{task.release.name}.{lang}.txt"
                with contextlib.suppress(OSError):
                    if (earlier.get("model") == task.models[lang] and target.is_file()
                            and earlier.get("source_sha256") == sha256_file(files[source])
                            and earlier.get("sha256") == sha256_file(target)):
                        continue  # the release reuses its earlier translation
                with contextlib.suppress(Exception):
                    texts.append(read_text(files[source]).text)
            if not texts:
                continue
            try:
                done = translate_texts(texts, source, lang, model=name, progress=False).texts
            except Exception:  # noqa: BLE001, S112 - see the docstring
                continue
            prepared.update({(name, source, lang, text): out for text, out in zip(texts, done, strict=True)})
        return prepared


def _rows(batch: dict[str, Any]) -> list[dict[str, str]]:
    columns = list(batch)
    count = len(batch[columns[0]]) if columns else 0
    return [{column: str(batch[column][i]) for column in columns} for i in range(count)]


def _result_json(result: ReleaseResult) -> str:
    return json.dumps(dataclasses.asdict(result), ensure_ascii=False, default=str)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# -- the driver ----------------------------------------------------------------------------------


class RayExecutor:
    """The `executor` of align.batch.run_batch for a Ray cluster.

    `worker_class` is the actor class (ReleaseWorker or a subclass of it)."""

    def __init__(self, options: RayOptions, worker_class: type[ReleaseWorker] = ReleaseWorker) -> None:
        options.check()
        self.options = options
        self.worker_class = worker_class
        self.submitted = 0  # releases handed to Ray, retries of lost batches included
        self.passes = 0

    def __call__(self, tasks: list[ReleaseTask], say: Any) -> Iterator[tuple[ReleaseResult, dict[str, Any] | None]]:
        if not tasks:
            return  # nothing to do: no cluster started or joined
        settings = _run_settings(tasks)
        pending = {task.release.name: task for task in tasks}
        last_error = ""
        with _cluster(self.options) as ray:
            workers = self._workers(ray, len(tasks))
            per_batch = max(1, min(self.options.releases_per_batch, math.ceil(len(tasks) / workers)))
            # The second pass isolates the releases of lost batches: one release per batch, so
            # only the release that kills its actor is lost again.
            for batch_size in dict.fromkeys((per_batch, 1)):
                if not pending:
                    break
                self.passes += 1
                try:
                    for name, result, entry in self._run_pass(ray, list(pending.values()), settings,
                                                             batch_size, workers):
                        if pending.pop(name, None) is not None:
                            yield result, entry
                except Exception as exc:  # noqa: BLE001 - the cluster failed; what is left is retried, then failed
                    last_error = _first_line(exc)
        attempts = (self.options.max_retries + 1) * self.passes
        for task in pending.values():
            why = f"; last Ray error: {last_error}" if last_error else ""
            error = (f"the Ray worker checking this release died {attempts} times "
                     f"(retries are capped at {self.options.max_retries} per batch){why}")
            yield ReleaseResult(task.release.name, "failed", error=error, drafts=list(task.release.files)), None

    def _workers(self, ray: Any, releases: int) -> int:
        if self.options.workers is not None:
            wanted = self.options.workers
        else:
            resources = ray.cluster_resources()
            if self.options.gpus_per_worker > 0:
                wanted = int(resources.get("GPU", 0) // self.options.gpus_per_worker)
            else:
                wanted = int(resources.get("CPU", 1) // self.options.cpus_per_worker)
        return max(1, min(wanted, releases))

    def _run_pass(self, ray: Any, tasks: list[ReleaseTask], settings: RunSettings, batch_size: int,
                  workers: int) -> Iterator[tuple[str, ReleaseResult, dict[str, Any] | None]]:
        rows = [_row(task) for task in tasks]
        self.submitted += len(rows)
        batches = math.ceil(len(rows) / batch_size)
        options = self.options
        remote: dict[str, Any] = {"num_cpus": options.cpus_per_worker}
        if options.gpus_per_worker > 0:
            remote["num_gpus"] = options.gpus_per_worker
        with warnings.catch_warnings():
            # Ray 2.60 takes the actor's retry limits only as "ray_remote_args", which it says
            # are deprecated; the pin to 2.60 in the extra keeps this working.
            warnings.simplefilter("ignore")
            dataset = self._dataset(ray, rows, batches, settings, batch_size, workers, remote)
        for block in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for row in _rows(block):
                fields = json.loads(row["result"])
                result = ReleaseResult(**fields)
                entry = json.loads(row["entry"]) if row["entry"] else None
                yield result.name, result, entry

    def _dataset(self, ray: Any, rows: list[dict[str, str]], batches: int, settings: RunSettings,
                 batch_size: int, workers: int, remote: dict[str, Any]) -> Any:
        options = self.options
        return ray.data.from_items(rows, override_num_blocks=batches).map_batches(
            self.worker_class,
            batch_size=batch_size,
            batch_format="numpy",
            fn_constructor_kwargs={"settings": settings, "cpus": options.cpus_per_worker,
                                   "gpus": options.gpus_per_worker},
            # One batch in flight per actor: a dying actor takes only its own batch with it.
            compute=ray.data.ActorPoolStrategy(size=min(workers, batches), max_tasks_in_flight_per_actor=1),
            # A dead actor is replaced; each batch is tried at most 1 + max_retries times.
            max_restarts=-1,
            max_task_retries=options.max_retries,
            **remote,
        )


def _row(task: ReleaseTask) -> dict[str, str]:
    previous = (task.previous or {}).get("translations")
    return {
        "name": task.release.name,
        "key": task.key,
        "files": json.dumps({lang: str(path) for lang, path in task.release.files.items()}),
        "models": json.dumps(task.models),
        # Only what a release reuses of an earlier run: its machine translations.
        "previous": json.dumps({"translations": previous} if previous else None),
    }


def _run_settings(tasks: list[ReleaseTask]) -> RunSettings:
    from align.batch.manifest import engine_digests

    first = tasks[0]
    models: dict[str, str] = {}
    for task in tasks:
        models.update(task.models)
    env = {k: v for k, v in os.environ.items() if k.startswith(_ENV_PREFIXES)}
    # The output folder as the driver was given it (relative to `cwd`): reports name the files
    # they were made from, machine translations in it included, exactly as the local engine's do.
    return RunSettings(str(first.out_dir), first.config, first.accepted, first.translate,
                       tuple(first.formats), models, engine_digests(), os.getcwd(), env)


@contextlib.contextmanager
def _cluster(options: RayOptions) -> Iterator[Any]:
    """Ray, started (`local`) or joined (`auto`, `ray://`), quiet, and left as it was found."""
    import ray
    import ray.data

    started = False
    if not ray.is_initialized():  # already connected (a notebook, a test): use it, leave it
        # A local cluster of ours reports no usage statistics and keeps its C++ logs to itself.
        if options.address == "local":
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
        kwargs: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
        if options.address == "local":
            kwargs.update(include_dashboard=False)
            if options.temp_dir:
                kwargs["_temp_dir"] = options.temp_dir
        try:
            ray.init(address=options.address, **kwargs)
        except Exception as exc:  # noqa: BLE001 - no cluster, wrong address, version mismatch
            raise InputError(f"cannot start or reach Ray at {options.address}: {_first_line(exc)}") from None
        started = True
    context = ray.data.DataContext.get_current()
    saved = {name: getattr(context, name)
             for name in ("enable_progress_bars", "print_on_execution_start", "max_errored_blocks")}
    levels = {name: logging.getLogger(name).level for name in _QUIET_LOGGERS}
    # Our bar and our failed rows tell the story: no Ray Data bars, and a lost batch is not an
    # error for Ray Data to stop on (its releases are retried, then reported as failed rows).
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.max_errored_blocks = -1
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        # Ray prints what its raylets report (a worker that died) on stdout; align run's stdout
        # is for results only, so it goes to stderr with the rest of the run's messages.
        with contextlib.redirect_stdout(sys.stderr):
            yield ray
            if started:
                ray.shutdown()  # ours: a local cluster is stopped, a connection closed
                started = False
    finally:
        for name, value in saved.items():
            setattr(context, name, value)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        if started:
            ray.shutdown()
