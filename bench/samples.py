"""How well `align check` does on the bundled sample: planted problems found, false alarms.

Usage: .venv/bin/python -m bench.samples [--embedder auto|none]

Reads data/samples/release.{en,uk,ru}.txt and expected_issues.json, runs
align.workflow.check_files, and prints a Markdown summary: for every planted problem whether an
issue of the right language, category and severity was reported in the segment holding its
English sentence, then the errors and warnings reported anywhere else (false alarms, since the
rest of the sample is a correct translation), with the report's signature.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime, timezone

from align.model import Report, Segment
from align.workflow import check_files
from bench.data import REPO_ROOT

SAMPLES = REPO_ROOT / "data" / "samples"


def _segment_with(report: Report, en_substring: str) -> Segment | None:
    found = [seg for seg in report.segments if en_substring in seg.text.get("en", "")]
    return found[0] if len(found) == 1 else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="auto", help="aligner embedder (auto, none, ...)")
    args = parser.parse_args()
    embedder = None if args.embedder == "none" else args.embedder

    planted = json.loads((SAMPLES / "expected_issues.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    report = check_files([str(SAMPLES / f"release.{lang}.txt") for lang in ("en", "uk", "ru")],
                         embedder=embedder)
    seconds = time.perf_counter() - started

    print(f"# Sample check ({datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC)\n")
    print(f"signature: `{report.signature}`\n")
    print("| Planted | Lang | Wanted | Reported in that segment | Found |")
    print("|---|---|---|---|---|")
    planted_keys: set[tuple[int, str]] = set()
    hits = 0
    for entry in planted:
        seg = _segment_with(report, entry["en_contains"])
        if seg is None:
            print(f"| {entry['kind']} | {entry['lang']} | {entry['category']}/{entry['severity']} | "
                  "(sentence not in exactly one segment) | no |")
            continue
        planted_keys.add((seg.id, entry["lang"]))
        same_lang = [i for i in seg.issues if i.lang == entry["lang"]]
        ok = any(i.category == entry["category"] and i.severity == entry["severity"] for i in same_lang)
        hits += ok
        got = ", ".join(f"{i.category}/{i.severity}" for i in same_lang) or "nothing"
        print(f"| {entry['kind']} | {entry['lang']} | {entry['category']}/{entry['severity']} | {got} | "
              f"{'yes' if ok else 'no'} |")

    stray = [(seg, i) for seg in report.segments for i in seg.issues
             if i.severity in ("error", "warning") and (seg.id, i.lang) not in planted_keys]
    stray_errors = sum(i.severity == "error" for _, i in stray)
    print(f"\nplanted found: {hits}/{len(planted)}; false errors: {stray_errors}; "
          f"false warnings: {len(stray) - stray_errors}; segments: {len(report.segments)}; "
          f"seconds: {seconds:.1f}\n")
    for seg, issue in stray:
        print(f"- segment {seg.id} {issue.lang} {issue.category}/{issue.severity} ({issue.rule}): {issue.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
