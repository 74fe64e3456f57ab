"""Figure issues of the checker on real MT output: the bio MQM en->ru set.

Reads ../shared/data/bio-mqm-enru/segments.jsonl relative to the repository root (or the
folder in $ALIGN_BIO_MQM_DIR) and prints, for figure issues only, error-level issues per
1,000 segments and how many segments without any MQM error (`errors == []`) get a figure
error. `--list` prints every error-level figure issue (system, doc, seg, message, en, ru) so
they can be read.

    .venv/bin/python scripts/mqm_figures.py [--list] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from align.checking import Checker, CheckSettings  # noqa: E402
from align.figures import FIGURES_VERSION  # noqa: E402


def data_file() -> Path:
    folder = os.environ.get("ALIGN_BIO_MQM_DIR")
    base = Path(folder) if folder else ROOT.parent / "shared" / "data" / "bio-mqm-enru"
    return base / "segments.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every error-level figure issue")
    parser.add_argument("--limit", type=int, default=0, help="only the first N segments")
    args = parser.parse_args()
    path = data_file()
    if not path.is_file():
        print(f"mqm_figures: no {path} (set ALIGN_BIO_MQM_DIR)", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    # As check_pair, but figures only: names are measured elsewhere and slow this down.
    checker = Checker(settings=CheckSettings(names=False))
    severities: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    clean = clean_flagged = flagged = 0
    listing: list[str] = []
    t0 = time.perf_counter()
    for row in rows:
        issues = [i for i in checker.compare(row["en"], row["ru"], "en", "ru") if i.category == "figure"]
        errors = [i for i in issues if i.severity == "error"]
        severities.update(i.severity for i in issues)
        rules.update(i.rule for i in errors)
        flagged += bool(errors)
        if not row["errors"]:
            clean += 1
            clean_flagged += bool(errors)
        for issue in errors:
            listing.append(f"[{row['system']} | {row['doc']} | {row['seg']}] {issue.message}\n"
                           f"    en: {row['en']}\n    ru: {row['ru']}")
    seconds = time.perf_counter() - t0
    n = len(rows)
    if args.list:
        print("\n".join(listing))
        print()
    print(f"figures v{FIGURES_VERSION}, {n} segments, {seconds:.1f} s")
    print(f"figure issues: error {severities['error']}, warning {severities['warning']}, info {severities['info']}")
    print(f"error-level figure issues per 1,000 segments: {1000 * severities['error'] / max(n, 1):.1f}")
    print(f"segments with a figure error: {flagged} ({100 * flagged / max(n, 1):.2f}%)")
    print(f"segments without MQM errors: {clean}; with a figure error: {clean_flagged} "
          f"({100 * clean_flagged / max(clean, 1):.2f}%)")
    print("error rules: " + ", ".join(f"{r} {c}" for r, c in rules.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
