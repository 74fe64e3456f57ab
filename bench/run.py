"""Benchmark `align run`: seconds per release, cold (empty output folder) and warm (re-run, all skipped).

Inputs: the bundled sample, data/samples/newsroom/ and data/samples/release.{en,uk,ru}.txt.

    .venv/bin/python -m bench.run                # jobs=1, translation on when models exist
    .venv/bin/python -m bench.run --jobs 2 --no-translate

Prints one Markdown table row per measurement, ready for docs/bench/run.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import sys
import tempfile
import time
from pathlib import Path

from align import __version__
from align.batch import run_batch
from align.config import Config
from bench.data import REPO_ROOT


def sample_inputs() -> list[Path]:
    samples = REPO_ROOT / "data" / "samples"
    inputs = []
    if (samples / "newsroom").is_dir():
        inputs.append(samples / "newsroom")
    inputs += sorted(samples.glob("release.*.txt"))
    if not inputs:
        sys.exit("no sample releases under data/samples/")
    return inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--no-translate", action="store_true", help="check only the versions that exist")
    parser.add_argument("--embedder", default="auto", help="auto | none | a model (Config.embedder)")
    parser.add_argument("--warm-runs", type=int, default=3, help="warm re-runs to average")
    args = parser.parse_args()

    inputs = sample_inputs()
    config = Config(embedder=args.embedder)
    messages: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        out = Path(tmp) / "out"
        start = time.perf_counter()
        cold = run_batch(inputs, out, jobs=args.jobs, config=config, translate=not args.no_translate,
                         progress=False, log=messages.append)
        cold_s = time.perf_counter() - start
        warm_times = []
        for _ in range(args.warm_runs):
            start = time.perf_counter()
            warm = run_batch(inputs, out, jobs=args.jobs, config=config, translate=not args.no_translate,
                             progress=False, log=messages.append)
            warm_times.append(time.perf_counter() - start)
        warm_s = sum(warm_times) / len(warm_times)

    n = len(cold.releases)
    counts = cold.counts
    translated = sum(len(r.translated) for r in cold.releases)
    for line in dict.fromkeys(messages):
        print(f"# {line}", file=sys.stderr)
    # A release waiting for a translation model it cannot have offline stays pending: not redone.
    pending = warm.counts.get("pending", 0)
    assert warm.counts["skipped"] == n - len(warm.failed) - pending, "a warm run redid finished work"
    print(f"# align {__version__}, {dt.date.today().isoformat()}, Python {platform.python_version()}, "
          f"{platform.machine()}, jobs={args.jobs}, translate={not args.no_translate}, embedder={args.embedder}")
    done = [r.seconds for r in cold.releases if r.status == "done"]
    if done:
        # The first release a process checks also loads the models; the others show the steady state.
        print(f"# cold, per checked release (in its process): first {done[0]:.2f} s, "
              f"others {', '.join(f'{t:.2f}' for t in done[1:]) or '-'} s")
    print("| run | releases | done | pending | failed | machine translations | total s | s / release |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| cold | {n} | {counts['done']} | {counts.get('pending', 0)} | {counts['failed']} | {translated} | "
          f"{cold_s:.2f} | {cold_s / n:.3f} |")
    print(f"| warm (mean of {len(warm_times)}) | {n} | 0 | {pending} | {len(warm.failed)} | 0 | {warm_s:.3f} | "
          f"{warm_s / n:.4f} |")


if __name__ == "__main__":
    main()
