"""Figure issues of the checker on real MT output: the bio MQM en->ru set.

Reads segments.jsonl of the set (--mqm DIR, else $ALIGN_BIO_MQM_DIR, else ../shared/data/bio-mqm-enru
beside the repository; bench/data.py) and prints, for figure issues only, error-level issues per
1,000 segments and how many segments without any MQM error (`errors == []`) get a figure
error. `--list` prints every error-level figure issue (system, doc, seg, message, en, ru) so
they can be read.

    .venv/bin/python -m bench.mqm_figures [--list] [--limit N] [--mqm DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from align.checking import Checker, CheckSettings
from align.figures import FIGURES_VERSION
from bench.data import BIO_MQM_HELP, exit_on_missing, load_bio_mqm


@exit_on_missing
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print every error-level figure issue")
    parser.add_argument("--limit", type=int, default=0, help="only the first N segments")
    parser.add_argument("--mqm", type=Path, default=None, help=BIO_MQM_HELP)
    args = parser.parse_args()
    rows = load_bio_mqm(args.mqm)
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
