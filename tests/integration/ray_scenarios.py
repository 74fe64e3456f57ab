"""The Ray runs that tests/integration/test_engine_ray.py checks, run as one script inside a network namespace
that has only the loopback interface (see that file): one Ray start serves every case.

    PYTHONPATH=. python -m tests.integration.ray_scenarios WORKDIR [--model DIR]   # from the repository root

Writes WORKDIR/results.json; the tests read it and the output folders.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from align.batch import run_batch
from align.config import Config
from align.engines.ray_engine import RayExecutor, RayOptions, ReleaseWorker

EN = "The ministry received {n} missiles on January 2, 2024.\n\nKyiv thanked {k} partners.\n"
UK = "Міністерство отримало {n} ракет 2 січня 2024 року.\n\nКиїв подякував {k} партнерам.\n"
RU = "Министерство получило {n} ракет 2 января 2024 года.\n\nКиев поблагодарил {k} партнеров.\n"
RETRIES = 1
HALF_CPU = 0.5  # two full-CPU actors on a 2-core machine starve Ray Data's own tasks


def write_release(folder: Path, name: str, n: int, k: int, langs: tuple[str, ...] = ("en", "uk", "ru"),
                  wrong: int | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for lang, text in (("en", EN), ("uk", UK), ("ru", RU)):
        if lang in langs:
            figure = wrong if (wrong is not None and lang == "uk") else n
            (folder / f"{name}.{lang}.txt").write_text(text.format(n=figure if lang != "en" else n, k=k),
                                                       encoding="utf-8")


class KillingWorker(ReleaseWorker):
    """Kills its own process at chosen releases, as the kernel's OOM killer or a segfault would:
    a victim once (its retry then checks it), a poison every time. Each attempt is logged."""

    def process(self, task):
        name = task.release.name
        log = Path(self.settings.out_dir).parent / "attempts.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"{name} {os.getpid()}\n")
        marker = Path(self.settings.out_dir).parent / "victim.killed"
        if name.endswith("poison"):
            os.kill(os.getpid(), signal.SIGKILL)
        if name.endswith("victim") and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return super().process(task)


class RecordingWorker(ReleaseWorker):
    """Logs how many releases' texts each batch translated together."""

    def _translate_together(self, tasks):
        prepared = super()._translate_together(tasks)
        with (Path(self.settings.cwd) / "translated-together.log").open("a", encoding="utf-8") as fh:
            fh.write(f"{len(prepared)}\n")
        return prepared


def summary(batch) -> dict:
    return {"counts": batch.counts, "exit": batch.exit_code,
            "errors": {r.name: r.error for r in batch.releases if r.status == "failed"},
            "status": {r.name: r.status for r in batch.releases}}


def main() -> None:
    work = Path(sys.argv[1]).resolve()
    model = Path(sys.argv[sys.argv.index("--model") + 1]) if "--model" in sys.argv else None
    results: dict = {"links": subprocess.run(["ip", "-o", "link", "show"], capture_output=True,
                                             text=True).stdout.splitlines()}
    messages: list[str] = []
    models = {"en-uk": str(model), "en-ru": str(model)} if model else {}
    config = Config(embedder="none", models=models)

    same = work / "same"
    for i in range(5):
        write_release(same, f"r{i}", 10 + i, 3 + i, wrong=99 if i == 2 else None)
    # Missing Russian: machine-translated when a model was given, else checked en-uk only.
    write_release(same, "draftless", 40, 7, langs=("en", "uk"))
    write_release(same, "alone", 41, 8, langs=("en", "uk"))

    # The CLI with --address local starts its own cluster and stops it (before ours starts).
    # Drafts only (no model to load), relative paths as a user types them.
    cli_in = work / "cli"
    for i in range(3):
        write_release(cli_in, f"q{i}", 50 + i, 2, wrong=98 if i == 1 else None)
    cli_cmd = [sys.executable, "-m", "align", "run", "cli", "--out", "out-cli", "--engine", "ray",
               "--address", "local", "--cpus-per-worker", str(HALF_CPU), "--embedder", "none", "--no-progress"]
    started = time.perf_counter()
    cli = subprocess.run(cli_cmd, capture_output=True, text=True, cwd=str(work), timeout=300)
    results["cli"] = {"exit": cli.returncode, "stdout": cli.stdout, "stderr": cli.stderr,
                      "seconds": time.perf_counter() - started}
    # What is left of the cluster the CLI started: its processes name its (private) temp folder.
    leftover = subprocess.run(["pgrep", "-a", "-f", os.environ["RAY_TMPDIR"]], capture_output=True, text=True)
    results["cli"]["leftover_processes"] = leftover.stdout.splitlines()
    local_cli = subprocess.run([sys.executable, "-m", "align", "run", "cli", "--out", "out-cli-local",
                                "--embedder", "none", "--no-progress"], capture_output=True, text=True,
                               cwd=str(work), timeout=300)
    results["cli_local"] = {"exit": local_cli.returncode, "stdout": local_cli.stdout, "stderr": local_cli.stderr}

    # Each engine writes to `out` relative to its own working folder: reports name the
    # machine translations they checked by that path, so the two runs can be compared byte for byte.
    (work / "local").mkdir()
    (work / "ray").mkdir()
    os.chdir(work / "local")
    os.environ["ALIGN_CACHE_DIR"] = str(work / "cache-local")
    started = time.perf_counter()
    local = run_batch([same], Path("out"), config=config, progress=False, log=messages.append)
    results["local"] = summary(local) | {"seconds": time.perf_counter() - started}

    import ray

    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False,
             _temp_dir=os.environ["RAY_TMPDIR"])
    try:
        os.chdir(work / "ray")
        os.environ["ALIGN_CACHE_DIR"] = str(work / "cache-ray")  # no translation served from the local run
        options = RayOptions(address="auto", workers=2, cpus_per_worker=HALF_CPU, releases_per_batch=4,
                             max_retries=RETRIES)
        executor = RayExecutor(options, worker_class=RecordingWorker)
        started = time.perf_counter()
        first = run_batch([same], Path("out"), config=config, progress=False, log=messages.append,
                          executor=executor)
        results["ray"] = summary(first) | {"submitted": executor.submitted, "seconds": time.perf_counter() - started}

        manifest = Path("out", ".align-manifest.json").read_bytes()
        again = RayExecutor(options)
        second = run_batch([same], Path("out"), config=config, progress=False, log=messages.append,
                           executor=again)
        results["ray_again"] = summary(second) | {
            "submitted": again.submitted, "passes": again.passes,
            "manifest_unchanged": Path("out", ".align-manifest.json").read_bytes() == manifest}

        crash = work / "crash"
        # Two batches of three: the victim is killed after its batch-mates were checked; the
        # poison kills every actor it meets, so its batch-mates are redone one per batch.
        write_release(crash, "k0", 20, 5)
        write_release(crash, "k1", 21, 5)
        write_release(crash, "k2-victim", 30, 6)
        write_release(crash, "p0-noen", 32, 6, langs=("uk", "ru"))  # nothing to check it against
        write_release(crash, "p1-poison", 31, 6)
        write_release(crash, "p2", 22, 5)
        killer = RayExecutor(RayOptions(address="auto", workers=2, cpus_per_worker=HALF_CPU, releases_per_batch=3,
                                        max_retries=RETRIES), worker_class=KillingWorker)
        started = time.perf_counter()
        crashed = run_batch([crash], work / "crash-out" / "out", config=Config(embedder="none"), progress=False,
                            log=messages.append, executor=killer)
        results["crash"] = summary(crashed) | {"submitted": killer.submitted, "passes": killer.passes,
                                               "seconds": time.perf_counter() - started}
        results["still_initialized"] = ray.is_initialized()  # a connected executor leaves our Ray alone
    finally:
        ray.shutdown()
    results["messages"] = messages
    (work / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
