"""Rendering speed and output size of every report format on a FLORES-200 devtest report.

The report is what `align check --aligned` gives for the 1,012 line-aligned en/uk/ru devtest
sentences: segment i is line i, checked by the project's Checker (figures, names, untranslated),
so the issue mix is real. Usage:

    .venv/bin/python -m bench.reports [--flores DIR] [--repeat N] [--out DIR]

Prints a Markdown table (format, size, best time of N); --out also writes every rendering there.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from align.model import LANGS, Document, Report, Segment, Sentence
from align.reports import FORMATS, SUFFIXES, render
from align.textio import write_atomic
from bench.data import FLORES_HELP, exit_on_missing, flores_dir


def build_flores_report(flores: Path) -> tuple[Report, float]:
    """The checked devtest report and how long checking took (seconds)."""
    from align.checking import Checker

    texts = {lang: (flores / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in LANGS}
    n = min(len(lines) for lines in texts.values())
    docs = {}
    for lang in LANGS:
        sentences, offset = [], 0
        for i, line in enumerate(texts[lang][:n]):
            sentences.append(Sentence(i, line, offset, offset + len(line), line=i + 1))
            offset += len(line) + 1
        docs[lang] = Document(lang, "\n".join(texts[lang][:n]) + "\n", sentences, f"flores/{lang}.txt")
    segments = [Segment(i, {lang: [i] for lang in LANGS}, {lang: texts[lang][i] for lang in LANGS})
                for i in range(n)]
    checker = Checker()
    started = time.perf_counter()
    checker.check_segments(segments, "en", list(LANGS))
    checked = time.perf_counter() - started
    report = Report(list(LANGS), "en", {lang: docs[lang].path for lang in LANGS}, segments,
                    summary=checker.summarize(segments, "en", list(LANGS)), signature=checker.signature,
                    documents=docs)
    return report, checked


@exit_on_missing
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flores", type=Path, default=None, help=FLORES_HELP)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    report, checked = build_flores_report(flores_dir(args.flores))
    print(f"# {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {len(report.segments)} segments, "
          f"{len(report.issues)} issues (errors {report.summary.get('errors')}, warnings "
          f"{report.summary.get('warnings')}), checking took {checked:.1f} s")
    print(f"# signature: {report.signature}")
    print(f"| format | size (KiB) | best of {args.repeat} (ms) |")
    print("|---|---:|---:|")
    for fmt in FORMATS:
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            out = render(report, fmt)
            best = min(best, time.perf_counter() - started)
        print(f"| {fmt} | {len(out.encode('utf-8')) / 1024:.0f} | {best * 1000:.0f} |")
        if args.out:
            write_atomic(args.out / f"flores{SUFFIXES[fmt]}", out)


if __name__ == "__main__":
    sys.exit(main())
