"""Hunalign (Varga et al., 2005) as a benchmark anchor, run as a binary: $HUNALIGN, else
`hunalign` on PATH (Debian 12 has no package; see docs/bench/align.md). No dictionary: Hunalign
then aligns on sentence length and shared tokens (numbers, names), its documented
dictionary-less mode."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def binary() -> str | None:
    named = os.environ.get("HUNALIGN")
    if named and Path(named).is_file() and os.access(named, os.X_OK):
        return named
    return shutil.which("hunalign")


def align(src: list[str], tgt: list[str]) -> list[tuple[list[int], list[int]]]:
    """Beads from Hunalign's ladder output (rungs i j score; consecutive rungs bound a bead)."""
    exe = binary()
    if exe is None:
        raise RuntimeError("hunalign not found")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "null.dic").write_text("", encoding="utf-8")
        (folder / "src.txt").write_text("\n".join(s.replace("\n", " ") for s in src) + "\n", encoding="utf-8")
        (folder / "tgt.txt").write_text("\n".join(s.replace("\n", " ") for s in tgt) + "\n", encoding="utf-8")
        res = subprocess.run([exe, str(folder / "null.dic"), str(folder / "src.txt"),
                              str(folder / "tgt.txt")], capture_output=True, text=True, check=True,
                             cwd=folder)  # Hunalign writes an empty translate.txt where it runs
    rungs = [(0, 0)]
    for line in res.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isdigit() and parts[1].isdigit():
            rungs.append((int(parts[0]), int(parts[1])))
    if rungs[-1] != (len(src), len(tgt)):
        rungs.append((len(src), len(tgt)))
    beads = []
    for (i0, j0), (i1, j1) in zip(rungs, rungs[1:], strict=False):
        if (i0, j0) == (i1, j1):
            continue
        if i0 == i1 or j0 == j1:  # a run of omissions or additions: one bead per sentence
            beads += [([i], []) for i in range(i0, i1)] + [([], [j]) for j in range(j0, j1)]
        else:
            beads.append((list(range(i0, i1)), list(range(j0, j1))))
    return beads
