"""Benchmark `align run --engine ray` against the local engine on this machine, and estimate a
10-million-sentence archive on N GPU nodes from the measured per-sentence costs.

    .venv/bin/python -m bench.scale [--releases 200] [--jobs 2] [--embedder auto]

Builds a folder of releases from FLORES-200 devtest (--flores DIR, else $ALIGN_FLORES_DIR, else
../shared/data/flores200-devtest beside the repository; each release `--sentences` consecutive
lines in en, uk and ru), then times the CLI, cold, each in a fresh process:
  local  `align run DIR --out OUT --jobs J`
  ray    `align run DIR --out OUT --engine ray --address local --jobs J --cpus-per-worker C`
on the full folder and on a one-release folder (whose time is almost all start-up), and checks
that the two engines wrote the same files. Ray binds to the machine's routable address, so the
whole script re-runs itself inside a network namespace with only loopback (`unshare --net`, as
root): it sends nothing beyond loopback. Prints Markdown for docs/scale.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.data import FLORES_HELP, REPO_ROOT, exit_on_missing, load_flores

INNER_FLAG = "--inside-netns"


def reexec_in_netns() -> None:
    """Run this script again inside a fresh network namespace holding only `lo`."""
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        sys.exit("bench_scale: needs unshare (util-linux) and ip (iproute2): sh scripts/ensure_netns_tools.sh")
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0", PYTHONPATH=str(REPO_ROOT))
    command = ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$0" "$@"',
               sys.executable, "-m", "bench.scale", *sys.argv[1:], INNER_FLAG]
    sys.exit(subprocess.run(command, env=env).returncode)


def make_releases(folder: Path, lines: dict[str, list[str]], releases: int, sentences: int) -> int:
    total = len(lines["en"])
    folder.mkdir(parents=True)
    for i in range(releases):
        start = (i * sentences) % (total - sentences)
        for lang, text in lines.items():
            body = " ".join(text[start:start + sentences]) + "\n"
            (folder / f"r{i:04d}.{lang}.txt").write_text(body, encoding="utf-8")
    return releases * sentences


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, CPU seconds of the process and the children it waited for, result)."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=str(cwd), env=env, capture_output=True, text=True, timeout=3600)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if done.returncode not in (0, 1):
        sys.exit(f"bench_scale: {' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return wall, cpu, done


def differing(a: Path, b: Path) -> list[str]:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    return [n for n in names if not ((a / n).is_file() and (b / n).is_file()
                                      and (a / n).read_bytes() == (b / n).read_bytes())]


@exit_on_missing
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=5, help="sentences per release")
    parser.add_argument("--jobs", type=int, default=2, help="local worker processes = Ray actors")
    parser.add_argument("--cpus-per-worker", type=float, default=0.5,
                        help="Ray actors' CPU share (two 1-CPU actors leave a 2-core node no CPU for Ray Data)")
    parser.add_argument("--embedder", default="auto")
    parser.add_argument("--flores", type=Path, default=None, help=FLORES_HELP)
    # Assumed, not measured here (no GPU and no real model on this machine): see docs/scale.md.
    parser.add_argument("--gpu-sentences-per-s", type=float, default=50.0,
                        help="ASSUMED tc-big translations per second per GPU (transformers fp32, batch 64)")
    parser.add_argument("--cpu-translate-s", type=float, default=1 / 2.42,
                        help="CPU seconds per translated sentence (docs/bench/translate.md, base-shaped Marian)")
    parser.add_argument("--node-cpus", type=int, default=8, help="ASSUMED vCPUs per GPU node")
    parser.add_argument(INNER_FLAG, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not getattr(args, INNER_FLAG.strip("-").replace("-", "_")):
        reexec_in_netns()
    flores = load_flores(args.flores)

    # Not $TMPDIR: Ray's Unix socket paths under RAY_TMPDIR must stay short (108 bytes).
    with tempfile.TemporaryDirectory(prefix="bs-", dir="/tmp") as tmp:
        work = Path(tmp)
        sentences = make_releases(work / "in", flores, args.releases, args.sentences)
        make_releases(work / "one", flores, 1, args.sentences)
        (work / "align.toml").write_text(f'embedder = "{args.embedder}"\n', encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), RAY_TMPDIR=str(work / "ray"), ALIGN_CACHE_DIR=str(work / "c"))
        (work / "ray").mkdir()
        align = [sys.executable, "-m", "align", "run"]
        common = ["--no-progress", "--no-translate", "--config", str(work / "align.toml"), "--jobs", str(args.jobs)]
        ray = ["--engine", "ray", "--address", "local", "--cpus-per-worker", f"{args.cpus_per_worker:g}"]
        runs = {
            "local, 1 release": align + ["one", "--out", "out-l1"] + common,
            "ray, 1 release": align + ["one", "--out", "out-r1"] + common + ray,
            f"local, {args.releases} releases": align + ["in", "--out", "out-l"] + common,
            f"ray, {args.releases} releases": align + ["in", "--out", "out-r"] + common + ray,
        }
        measured = {}
        for name, command in runs.items():
            wall, cpu, done = timed(command, work, env)
            measured[name] = (wall, cpu)
            print(f"# {name}: {wall:.2f} s wall, {cpu:.2f} s CPU; {done.stderr.strip().splitlines()[-1]}",
                  file=sys.stderr)
        diff = differing(work / "out-l", work / "out-r")
        load = os.getloadavg()

    n = args.releases
    (l1, l1_cpu), (r1, _) = measured["local, 1 release"], measured["ray, 1 release"]
    (ln, ln_cpu), (rn, _) = measured[f"local, {n} releases"], measured[f"ray, {n} releases"]
    local_marginal = (ln - l1) / (n - 1)
    ray_marginal = (rn - r1) / (n - 1)
    # CPU seconds per source sentence checked against two versions, start-up (model loading) left out.
    check_cpu_s = (ln_cpu - l1_cpu) / (sentences - args.sentences)
    print(f"Date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} cores; load average at the end {load[0]:.1f}")
    print(f"Input: {n} releases of {args.sentences} FLORES sentences in en, uk, ru ({sentences} sentences); "
          f"embedder={args.embedder}; --jobs {args.jobs}; Ray actors at {args.cpus_per_worker:g} CPU")
    print()
    print("| run | wall s | CPU s (the CLI and the processes it waited for; not Ray's workers) |")
    print("|---|---|---|")
    for name, (wall, cpu) in measured.items():
        print(f"| {name} | {wall:.2f} | {cpu:.2f} |")
    print()
    print(f"- fixed start-up cost of Ray (1 release, ray − local): {r1 - l1:.1f} s")
    print(f"- per release after start-up: local {local_marginal:.3f} s, ray {ray_marginal:.3f} s "
          f"(ratio {ray_marginal / local_marginal:.2f})")
    print(f"- whole run: ray / local = {rn / ln:.2f}")
    print(f"- files that differ between the engines' output folders: {len(diff)} {diff[:5]}")
    print(f"- measured checking cost: {check_cpu_s * 1000:.1f} CPU ms per source sentence checked against "
          f"its uk and ru versions (local runs: {n} releases minus 1 release)")
    print()

    # The paper estimate. Translation runs on the GPU, checking on the node's CPUs; with two or
    # more actors per GPU one checks while another translates, so the slower side sets the pace.
    total = 10_000_000
    translations = 2 * total  # uk and ru made for every English sentence (the worst case)
    gpu_s = translations / args.gpu_sentences_per_s
    check_s = total * check_cpu_s
    releases_10m = total / 25  # assumed: 25 sentences per real release
    # What Ray adds per release, in worker-seconds (the marginal difference was measured with
    # `jobs` workers running side by side).
    overhead_s = releases_10m * max(0.0, ray_marginal - local_marginal) * args.jobs
    print(f"Paper estimate, {total:,} English sentences ({translations:,} translations into uk and ru, "
          f"{releases_10m:,.0f} releases of 25 sentences):")
    print()
    print(f"| nodes (1 GPU, {args.node_cpus} vCPU each) | GPU-bound h | CPU-bound (checking) h | "
          "Ray per-release overhead h | estimate h |")
    print("|---|---|---|---|---|")
    for nodes in (1, 4, 16, 64):
        gpu_h = gpu_s / nodes / 3600
        cpu_h = check_s / (nodes * args.node_cpus) / 3600
        over_h = overhead_s / (nodes * args.node_cpus) / 3600
        print(f"| {nodes} | {gpu_h:.1f} | {cpu_h:.1f} | {over_h:.2f} | {max(gpu_h, cpu_h) + over_h + r1 / 3600:.1f} |")
    cpu_only_h = (translations * args.cpu_translate_s + check_s) / (os.cpu_count() or 1) / 3600
    print()
    print(f"This machine alone ({os.cpu_count()} cores, CPU translation at {args.cpu_translate_s:.2f} CPU s per "
          f"sentence): {cpu_only_h:,.0f} h ({cpu_only_h / 24:,.0f} days).")


if __name__ == "__main__":
    sys.exit(main())
