"""`align run --engine ray`: the same reports as the local engine, resumability, failures, retries.

Ray's processes bind to the machine's routable address even when told 127.0.0.1, so the Ray
runs happen in ray_scenarios.py beside this file, run inside a network namespace that has only the loopback
interface (`unshare --net`, as root), with usage statistics off, Ray's memory killer off (other
processes on a shared machine must not make it kill our actors), a short private temp folder and
actors at half a CPU. One Ray start serves every case; the tests below check what it left.
The first tests need no Ray at all.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.paths import ROOT

RETRIES = 1  # ray_scenarios.py RETRIES
_TIMESTAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")


def _align(*args: str, code: str = "") -> subprocess.CompletedProcess:
    script = f"import sys\n{code}\nfrom align.cli import main\nsys.argv = ['align', *sys.argv[1:]]\nmain()\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                          cwd=str(ROOT), timeout=120)


def test_help_loads_neither_ray_nor_pyarrow() -> None:
    code = ("import sys\nfrom align.cli import app\n"
            "for args in (['--help'], ['run', '--help']):\n"
            "    try:\n        app(args)\n    except SystemExit:\n        pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('ray', 'pyarrow', 'pandas')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "--engine" in done.stdout and "--gpus-per-worker" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_engine_ray_without_the_extra_is_one_line_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.en.txt").write_text("One.\n", encoding="utf-8")
    # sys.modules[name] = None makes `import ray` fail as it does when the extra is not installed.
    done = _align("run", str(tmp_path), "--out", str(tmp_path / "out"), "--engine", "ray",
                  code="sys.modules['ray'] = None")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "align: error: --engine ray needs the 'ray' extra: pip install 'align[ray]' "
        "(the same Ray version as the cluster's)"]
    assert not (tmp_path / "out").exists()  # refused before any work


@pytest.mark.parametrize(("args", "message"), [
    (["--address", "auto"], "--address only applies with --engine ray"),
    (["--engine", "ray", "--address", "10.0.0.1:6379"], "give local, auto or ray://HOST:PORT"),
    (["--engine", "ray", "--cpus-per-worker", "0"], "--cpus-per-worker must be more than 0"),
])
def test_bad_engine_options_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "a.en.txt").write_text("One.\n", encoding="utf-8")
    done = _align("run", str(tmp_path), "--out", str(tmp_path / "out"), *args)
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert message in line


# -- Ray runs, confined to loopback ------------------------------------------------------------------


def _confinement_problem() -> str | None:
    if importlib.util.find_spec("ray") is None:
        return "the ray extra is not installed (pip install '.[ray]'; `make test` does)"
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "unshare (util-linux) and ip (iproute2) are needed to confine Ray to loopback"
    probe = subprocess.run(["unshare", "--net", "sh", "-c", "ip link set lo up"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"cannot make a network namespace (root needed): {probe.stderr.strip()}"
    return None


def _build_tiny_model(folder: Path) -> Path:
    from bench.tiny_marian import build

    return build(folder / "tiny-opus-mt-en-zle", sentences=100)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    problem = _confinement_problem()
    if problem:
        pytest.skip(problem)
    pytest.importorskip("transformers")
    work = tmp_path_factory.mktemp("ray-runs")
    model = _build_tiny_model(tmp_path_factory.mktemp("models"))
    # Unix socket paths under Ray's temp folder must stay short (108 bytes).
    ray_tmp = tempfile.mkdtemp(prefix="alray-", dir="/tmp")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAY_", "ALIGN_MODELS_DIR"))}
    env.update(PYTHONPATH=str(ROOT), RAY_TMPDIR=ray_tmp, RAY_USAGE_STATS_ENABLED="0",
               RAY_memory_monitor_refresh_ms="0", HF_HUB_CACHE=str(work / "hf-empty"),
               ALIGN_CACHE_DIR=str(work / "cache"))
    command = ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$0" "$@"',
               sys.executable, "-m", "tests.integration.ray_scenarios", str(work), "--model", str(model)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        (work / "stderr.txt").write_text(done.stderr, encoding="utf-8")
        assert done.returncode == 0, done.stderr[-4000:]
        yield work
    finally:
        # Ray's own shutdown ran in the script; anything still naming our temp folder is ours.
        leftover = subprocess.run(["pgrep", "-f", ray_tmp], capture_output=True, text=True).stdout.split()
        for pid in leftover:
            subprocess.run(["kill", "-9", pid], capture_output=True)
        shutil.rmtree(ray_tmp, ignore_errors=True)
        assert not leftover, f"Ray processes left running: {leftover}"


@pytest.fixture(scope="module")
def results(runs: Path) -> dict:
    return json.loads((runs / "results.json").read_text(encoding="utf-8"))


def _same_files(a: Path, b: Path) -> list[str]:
    """Names of the files that differ (timestamps masked) or exist on one side only."""
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    differ = []
    for name in names:
        if not (a / name).is_file() or not (b / name).is_file():
            differ.append(name)
        elif _TIMESTAMP.sub(b"T", (a / name).read_bytes()) != _TIMESTAMP.sub(b"T", (b / name).read_bytes()):
            differ.append(name)
    return differ


@pytest.mark.slow
def test_ray_ran_with_loopback_only(results: dict) -> None:
    names = [line.split(":")[1].strip().split("@")[0] for line in results["links"]]
    assert names == ["lo"]


@pytest.mark.slow
def test_local_and_ray_engines_write_the_same_files(runs: Path, results: dict) -> None:
    assert results["ray"]["status"] == results["local"]["status"]
    assert set(results["ray"]["status"].values()) == {"done"}
    local, ray = runs / "local" / "out", runs / "ray" / "out"
    assert _same_files(local, ray) == []
    # Two machine translations, made by the actors, the same as the local engine's.
    assert (ray / "draftless.ru.txt").read_text(encoding="utf-8").strip()
    assert sorted(p.name for p in ray.glob("*.ru.txt")) == ["alone.ru.txt", "draftless.ru.txt"]
    # An actor translated the two releases that lacked Russian together, in one batch.
    together = [int(n) for n in (runs / "ray" / "translated-together.log").read_text().split()]
    assert max(together) == 2


@pytest.mark.slow
def test_cli_starts_its_own_local_ray_and_stops_it(runs: Path, results: dict) -> None:
    cli, local = results["cli"], results["cli_local"]
    assert cli["exit"] == local["exit"] == 1  # q1 has a wrong figure
    assert cli["stdout"] == ""
    assert cli["stderr"].strip().splitlines()[-1] == local["stderr"].strip().splitlines()[-1].replace(
        "out-cli-local", "out-cli")
    assert cli["leftover_processes"] == []
    assert _same_files(runs / "out-cli-local", runs / "out-cli") == []


@pytest.mark.slow
def test_second_ray_run_submits_nothing(results: dict) -> None:
    again = results["ray_again"]
    assert again["submitted"] == 0 and again["passes"] == 0
    assert set(again["status"].values()) == {"skipped"}
    assert again["manifest_unchanged"]
    assert again["exit"] == results["ray"]["exit"] == 1  # r2 has a wrong figure


@pytest.mark.slow
def test_failing_release_is_a_failed_row_and_the_others_finish(runs: Path, results: dict) -> None:
    crash = results["crash"]
    assert crash["errors"]["p0-noen"] == "no en version (p0-noen.en.txt) to check the others against"
    assert crash["status"]["p2"] == crash["status"]["k0"] == "done"
    assert crash["exit"] == 2
    index = (runs / "crash-out" / "out" / "index.html").read_text(encoding="utf-8")
    assert "p0-noen" in index and "p1-poison" in index


def _attempts(runs: Path) -> list[tuple[str, str]]:
    lines = (runs / "crash-out" / "attempts.log").read_text(encoding="utf-8").split("\n")
    return [tuple(line.split()) for line in lines if line]


@pytest.mark.slow
def test_actor_killed_mid_batch_is_retried_and_the_run_completes(runs: Path, results: dict) -> None:
    attempts = _attempts(runs)
    victim = [pid for name, pid in attempts if name == "k2-victim"]
    assert len(victim) == 2 and victim[0] != victim[1]  # killed once, then done by a new actor
    first_pid = victim[0]
    before = [name for name, pid in attempts[:attempts.index(("k2-victim", first_pid))] if pid == first_pid]
    assert before == ["k0", "k1"]  # killed in the middle of its batch, after its batch-mates
    assert results["crash"]["status"]["k2-victim"] == "done"
    assert (runs / "crash-out" / "out" / "k2-victim.report.json").is_file()


@pytest.mark.slow
def test_release_that_always_crashes_stops_at_the_retry_cap(runs: Path, results: dict) -> None:
    poison = [pid for name, pid in _attempts(runs) if name == "p1-poison"]
    # Its batch, then itself alone: each tried 1 + RETRIES times, each time by a fresh actor.
    assert len(poison) == 2 * (1 + RETRIES) == len(set(poison))
    error = results["crash"]["errors"]["p1-poison"]
    assert error == f"the Ray worker checking this release died 4 times (retries are capped at {RETRIES} per batch)"
    # Its batch-mates were redone one per batch and finished.
    assert results["crash"]["status"]["p2"] == "done"
    assert results["crash"]["submitted"] == 6 + 3
