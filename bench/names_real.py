"""Name errors on real translations: FLORES-200 devtest en-uk and en-ru with one name damaged.

    .venv/bin/python -m bench.names_real [--flores DIR] [--seed 7 | --seeds 16-25] [--lines even|odd]
                                         [--show-misses N]

In a seeded random third of the lines whose uk (ru) side carries a Cyrillic proper name, one
name is substituted by another name of the corpus with the same last two letters, truncated
(first letter dropped, or last syllable), and, on every line where it applies, rendered
literally (a name made of common words turned into the lower-case common word). The
perturbations come from bench/name_perturb.py, which does not use the checker's code.

The full checker (`align.checking.check_pair`) runs on the clean and the perturbed line. A
perturbed line is caught at error level when it has an error-level name or figure issue that
the clean line lacks (compared by rule, expected and found text); "any" counts an issue of any
severity the same way. False alarms: the share of the clean lines (all of them, untouched)
with an error-level name issue, and with any error-level issue.

Several seeds pool their counts (`--seeds 16-25`). Seeds share lines: a third of the name lines
per seed covers nearly every line within a few seeds, so a rule read off one seed's misses has
seen the other seeds' lines too. `--lines even` damages only even line numbers and `--lines odd`
only odd ones: rules are built on the even lines, the odd lines are the held-out test.

Baseline, in the same run: a transliteration-key matcher (every capitalised English word
that does not open the sentence must have a target word whose key, align.names.translit.
word_key, is within edit distance 1 of its key, or of its key's length of it).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from align.checking import check_pair, default_checker
from align.names.translit import edit_distance, word_key
from bench.data import FLORES_HELP, exit_on_missing, load_flores
from bench.name_perturb import (
    CYRILLIC_WORD,
    EVERY_LINE_KINDS,
    KINDS,
    LATIN_WORD,
    NamePerturber,
    capitalised_words,
)

BENCH_VERSION = 1
CHECKED = ("name", "figure")


def issue_keys(issues, severities: tuple[str, ...]) -> Counter:
    return Counter((i.category, i.rule, i.expected, i.found) for i in issues
                   if i.category in CHECKED and i.severity in severities)


def new_issues(clean, damaged, severities: tuple[str, ...]) -> Counter:
    return issue_keys(damaged, severities) - issue_keys(clean, severities)


def baseline_unmatched(en: str, target: str, lang: str) -> set[str]:
    """English capitalised words (not opening a sentence) with no target word of a close key."""
    target_keys = {word_key(m.group(), lang) for pattern in (CYRILLIC_WORD, LATIN_WORD)
                   for m in pattern.finditer(target) if m.group()[:1].isupper()}
    unmatched = set()
    for span in capitalised_words(en, LATIN_WORD):
        key = word_key(span.word, "en")
        if len(key) < 2:
            continue
        if not any(edit_distance(key, t, 1) <= 1 or edit_distance(key, t[:len(key)], 1) <= 1
                   for t in target_keys):
            unmatched.add(span.word)
    return unmatched


def rate(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def parse_seeds(text: str) -> list[int]:
    """`7`, `16-25` or `8,11,20` -> the seeds, in order."""
    seeds: list[int] = []
    for part in text.split(","):
        low, _, high = part.strip().partition("-")
        try:
            seeds += range(int(low), int(high or low) + 1)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a seed list: {text!r} (try 7, 16-25 or 8,11)") from None
    if not seeds:
        raise argparse.ArgumentTypeError("no seed given")
    return seeds


# Kinds whose cases are never printed: their word list was held out while the rules were built.
HELD_OUT_KINDS = frozenset({"literal_unseen"})


def line_filter(which: str):
    """Which line numbers may be damaged: all, or the even/odd half (development vs held-out lines)."""
    return {"all": lambda i: True, "even": lambda i: i % 2 == 0, "odd": lambda i: i % 2 == 1}[which]


def _clean_run(en: list[str], target: list[str], lang: str, show: int, keep) -> tuple[list, list, dict, tuple]:
    clean_issues = [check_pair(en[i], target[i], "en", lang) for i in range(len(en))]
    clean_base = [baseline_unmatched(en[i], target[i], lang) for i in range(len(en))]
    name_alarm = [i for i, issues in enumerate(clean_issues)
                  if any(x.category == "name" and x.severity == "error" for x in issues)]
    any_alarm = sum(any(x.severity == "error" for x in issues) for issues in clean_issues)
    base_alarm = sum(bool(b) for b in clean_base)
    false_alarms = {"name_error": len(name_alarm) / len(en), "any_error": any_alarm / len(en),
                    "baseline": base_alarm / len(en)}
    row = (lang, "clean: error-level name issue", f"{len(name_alarm)}/{len(en)}",
           rate(len(name_alarm), len(en)), f"any error {rate(any_alarm, len(en))}",
           f"baseline {rate(base_alarm, len(en))}")
    # Only the development half is printed: the held-out half's false alarms are counted, not read.
    for i in [i for i in name_alarm if keep(i)][:show]:
        print(f"\nFALSE ALARM [{lang}] {en[i]}\n     {target[i]}")
        for x in clean_issues[i]:
            if x.severity == "error":
                print(f"     {x.severity}: {x.message}")
    return clean_issues, clean_base, false_alarms, row


def _score_kind(made: list, en: list[str], lang: str, clean_issues: list, clean_base: list,
                show: int) -> tuple[int, int, int]:
    caught_error = caught_any = caught_base = 0
    misses = []
    for p in made:
        damaged = check_pair(en[p.line], p.text, "en", lang)
        clean = clean_issues[p.line]
        if new_issues(clean, damaged, ("error",)):
            caught_error += 1
        else:
            misses.append((p, damaged))
        caught_any += bool(new_issues(clean, damaged, ("error", "warning", "info")))
        caught_base += bool(baseline_unmatched(en[p.line], p.text, lang) - clean_base[p.line])
    for p, damaged in misses[:show]:
        print(f"\nMISS {p.kind} [{lang}] {p.original} -> {p.replacement}\n  en {en[p.line]}\n"
              f"  {lang} {p.text}")
        for x in damaged:
            print(f"     {x.severity}: {x.message}")
    return caught_error, caught_any, caught_base


def run_language(lang: str, en: list[str], target: list[str], args, rows: list) -> dict:
    """Clean false alarms once, then every kind pooled over the seeds."""
    keep = line_filter(args.lines)
    clean_issues, clean_base, false_alarms, row = _clean_run(en, target, lang, args.show_false_alarms, keep)
    rows.append(row)
    result: dict = {"lines": len(en), "false_alarms": false_alarms, "kinds": {}, "sampled": 0}
    perturbers = [NamePerturber(lang, en, target, seed) for seed in args.seeds]
    result["lines_with_names"] = len(perturbers[0].lines_with_names())
    samples = [[i for i in p.sample_lines() if keep(i)] for p in perturbers]
    result["sampled"] = sum(map(len, samples))
    for kind in KINDS:
        made = []
        # Literal renderings are rare and do not depend on the seed: every line where one applies, once.
        if kind in EVERY_LINE_KINDS:
            made = [p for i in range(len(en)) if keep(i) and (p := perturbers[0].perturb(kind, i))]
        else:
            for perturber, sample in zip(perturbers, samples, strict=True):
                made += [p for i in sample if (p := perturber.perturb(kind, i))]
        caught_error, caught_any, caught_base = _score_kind(made, en, lang, clean_issues, clean_base,
                                                            0 if kind in HELD_OUT_KINDS else args.show_misses)
        n = len(made)
        result["kinds"][kind] = {"n": n, "recall_error": caught_error / n if n else None,
                                 "recall_any": caught_any / n if n else None,
                                 "baseline_recall": caught_base / n if n else None}
        rows.append((lang, kind, str(n), rate(caught_error, n), rate(caught_any, n), rate(caught_base, n)))
    return result


@exit_on_missing
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flores", default=None,
                        help=FLORES_HELP)
    parser.add_argument("--seed", "--seeds", dest="seeds", type=parse_seeds, default=[7], metavar="SEEDS",
                        help="a seed, a range or a list (7, 16-25, 8,11); counts are pooled over them")
    parser.add_argument("--lines", choices=("all", "even", "odd"), default="all",
                        help="damage only even (development) or odd (held-out) line numbers")
    parser.add_argument("--show-misses", type=int, default=0, metavar="N",
                        help="print up to N missed perturbations per language and kind")
    parser.add_argument("--show-false-alarms", type=int, default=0, metavar="N",
                        help="print up to N clean lines with an error-level name issue per language")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
    if args.lines == "odd" and (args.show_misses or args.show_false_alarms):
        parser.error("the odd lines are held out: their numbers are reported, their cases are not printed")
    flores = load_flores(args.flores)
    en = flores["en"]
    checker = default_checker()
    started = time.perf_counter()
    rows: list = []
    results = {lang: run_language(lang, en, flores[lang], args, rows) for lang in ("uk", "ru")}
    seconds = time.perf_counter() - started
    print(f"\n{'lang':<5}{'kind':<32}{'n':>9}{'err recall':>12}{'any recall':>18}{'baseline':>16}")
    for row in rows:
        print(f"{row[0]:<5}{row[1]:<32}{row[2]:>9}{row[3]:>12}{row[4]:>18}{row[5]:>16}")
    counts = ",".join(f"{lang}:{results[lang]['sampled']}/{results[lang]['lines_with_names']}" for lang in results)
    seeds = ",".join(map(str, args.seeds)) if len(args.seeds) < 4 else f"{args.seeds[0]}-{args.seeds[-1]}"
    lines = "" if args.lines == "all" else f"|lines:{args.lines}"
    signature = (f"{checker.signature}|flores200-devtest|names-real:v{BENCH_VERSION}|seed:{seeds}{lines}"
                 f"|sample:{counts}")
    print(f"\nsignature: {signature}\n{seconds:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({"signature": signature, "results": results}, indent=2) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
