"""The full checker on real en->ru MT output with professional MQM annotations (bio MQM set).

    .venv/bin/python -m bench.mqm [--mqm DIR] [--verdicts docs/bench/mqm_verdicts.tsv]
        [--dump-unjudged FILE.md|FILE.tsv] [--sample-warnings N --sample-out FILE.md]
        [--gold docs/bench/mqm_gold.tsv]

Every segment (English source, Russian MT or human translation) is checked with
`align.checking.check_pair(en, ru, "en", "ru")`. Reported:

- error-level figure/name issues per 1,000 segments (and split figure / name);
- of the segments with such an issue ("flagged"), the share whose MQM annotation has an
  accuracy-type error (`acc`), and the share with any MQM error;
- on the segments the annotators found error-free (`errors == []`), the share flagged at error
  level, and at warning level (a warning or an error);
- recall-ish: of the segments whose MQM error spans hold a digit or a capitalised word (not the
  segment's first word), the share flagged (at error level, and at warning level);
- precision by reading: `--verdicts` joins the issues with a committed TSV of verdicts (right /
  wrong / unsure, each with a reason) keyed by segment and issue; precision = right / (right +
  wrong) over the judged issues; the issues not yet judged are counted and, with
  `--dump-unjudged`, written out for a reader (markdown for reading, TSV ready to fill in);
- recall on a read gold list: `--gold` joins a committed TSV of accuracy-type MQM spans judged by
  reading (docs/bench/mqm_gold.tsv: verdict yes / no / unsure and a class such as name.substituted
  or figure.changed); for the gold-yes spans it reports the share caught at error level and at
  warning-or-error level, per class, and lists the missed spans. A span is caught when its segment
  has a name or figure issue at that level whose `found` shares a token with the span's text or
  whose `expected` shares a token with the span's English counterpart (`en_text`); tokens are
  casefolded runs of letters and digits (one letter only as a digit or a capital); two tokens of
  3+ characters also match when they share a prefix of 4, or all of the shorter one (Russian case
  endings: «Тайвань» / «Тайване»). The plain segment-level share (any name/figure issue in the
  span's segment) is reported beside it.

A segment's key is (set, system, doc, seg, text): the data repeats (set, system, doc, seg) across
abstracts, so `text` is a short digest of the en and ru texts, which keeps the key stable and
unique. Identical texts repeated in the data share their issues and verdicts.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from align.checking import check_pair, default_checker
from bench.data import BIO_MQM_HELP, DataMissing, exit_on_missing, load_bio_mqm

BENCH_VERSION = 1
CHECKED = ("figure", "name")
VERDICTS = ("right", "wrong", "unsure")
KEY_FIELDS = ("set", "system", "doc", "seg", "text", "rule", "expected", "found")
VERDICT_FIELDS = (*KEY_FIELDS, "verdict", "reason")
GOLD_VERDICTS = ("yes", "no", "unsure")
GOLD_FIELDS = ("set", "system", "doc", "seg", "text", "start", "end", "span", "verdict", "class", "en_text")
GOLD_LEVELS = (("error level", ("error",)), ("warning level", ("error", "warning")))
TOKEN = re.compile(r"[^\W_]+")
CAPITALISED_OR_DIGIT = re.compile(r"\d|(?<![^\W\d_])[A-Z\u0410-\u042f\u0401][^\W\d_]")


def span_has_figure_or_name(error: dict) -> bool:
    """An MQM error span holding a digit, or a capitalised word that does not open the segment."""
    start = int(error.get("s") or 0)
    return any(m.group().isdigit() or start + m.start() > 0
               for m in CAPITALISED_OR_DIGIT.finditer(error.get("text", "")))


def clean_field(text: str) -> str:
    return " ".join(str(text).split())


def text_digest(segment: dict) -> str:
    return hashlib.sha1(f"{segment['en']}\x1f{segment['ru']}".encode()).hexdigest()[:10]


def issue_key(segment: dict, issue) -> tuple[str, ...]:
    return (segment["set"], segment["system"], segment["doc"], str(segment["seg"]), text_digest(segment),
            issue.rule, clean_field(issue.expected), clean_field(issue.found))


def load_verdicts(path: Path) -> dict[tuple[str, ...], tuple[str, str]]:
    verdicts = {}
    for number, row in enumerate(read_commented_tsv(path, VERDICT_FIELDS, "verdict"), 1):
        verdict = row["verdict"].strip()
        if verdict not in VERDICTS:
            raise DataMissing(f"{path}: row {number}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
        verdicts[tuple(row[f] for f in KEY_FIELDS)] = (verdict, row["reason"])
    return verdicts


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def mqm_summary(segment: dict) -> str:
    return "; ".join(f"{e['sev']} {e['cat']}{'/' + e['sub'] if e.get('sub') else ''}"
                     f"{' (acc)' if e.get('acc') else ''}: «{clean_field(e.get('text', ''))}»"
                     for e in segment["errors"]) or "none"


def markdown_entry(number: int, segment: dict, issues: list, highlight=None) -> str:
    lines = [f"### {number}. {segment['set']} / {segment['system'] or '-'} / {segment['doc']} / seg "
             f"{segment['seg']} / text {text_digest(segment)}", "",
             f"- en: {segment['en']}", f"- ru: {segment['ru']}", f"- MQM: {mqm_summary(segment)}"]
    for issue in issues:
        mark = "**" if highlight is None or highlight(issue) else ""
        lines.append(f"- {mark}{issue.severity} {issue.rule}{mark}: {issue.message} "
                     f"(expected «{issue.expected}», found «{issue.found}»)")
    return "\n".join(lines) + "\n"


def rate(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "- (0/0)"


def read_commented_tsv(path: Path, required: tuple[str, ...], what: str) -> list[dict[str, str]]:
    """Rows of a committed TSV whose `#` lines are comments; every required column must be there."""
    if not path.is_file():
        raise DataMissing(f"{what} file not found: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t",
                              quoting=csv.QUOTE_NONE)
        missing = [f for f in required if f not in (rows.fieldnames or [])]
        if missing:
            raise DataMissing(f"{path}: no column {missing[0]} (needs {', '.join(required)})")
        return list(rows)


def load_gold(path: Path) -> list[dict[str, str]]:
    rows = read_commented_tsv(path, GOLD_FIELDS, "gold")
    for number, row in enumerate(rows, 1):
        if row["verdict"] not in GOLD_VERDICTS:
            raise DataMissing(f"{path}: row {number}: verdict {row['verdict']!r} is not one of "
                              f"{', '.join(GOLD_VERDICTS)}")
    return rows


def name_tokens(text: str) -> set[str]:
    """Casefolded letter/digit runs; a single letter counts only as a digit or a capital (an acronym
    cut to one letter), so that prepositions never relate a span to an issue."""
    return {t.casefold() for t in TOKEN.findall(text) if len(t) > 1 or t.isdigit() or t.isupper()}


def tokens_relate(left: set[str], right: set[str]) -> bool:
    """Equal tokens, or tokens of 3+ characters sharing a prefix of 4 (or all of the shorter): the
    same Russian word in another case (Тайвань / Тайване) relates, different words do not."""
    for a in left:
        for b in right:
            if a == b:
                return True
            short = min(len(a), len(b))
            if short >= 3 and len(os.path.commonprefix((a, b))) >= min(4, short):
                return True
    return False


def issue_relates_to_span(issue, row: dict[str, str]) -> bool:
    return (tokens_relate(name_tokens(issue.found), name_tokens(row["span"]))
            or tokens_relate(name_tokens(issue.expected), name_tokens(row.get("en_text") or "")))


def join_gold(rows: list[dict[str, str]], segments: list[dict]) -> list[tuple[dict[str, str], int]]:
    """Each gold-yes row with the index of its segment (same key as the verdicts: identical texts
    repeated in the data share their issues, so any of them serves)."""
    index = {(s["set"], s["system"], s["doc"], str(s["seg"]), text_digest(s)): k for k, s in enumerate(segments)}
    joined = []
    for number, row in enumerate(rows, 1):
        if row["verdict"] != "yes":
            continue
        k = index.get((row["set"], row["system"], row["doc"], row["seg"], row["text"]))
        if k is None:
            raise DataMissing(f"gold row {number} ({row['set']}/{row['doc']}/seg {row['seg']}/{row['text']}) "
                              f"is not in the data")
        joined.append((row, k))
    return joined


def gold_outcomes(joined, issues: list[list]) -> list[dict[str, bool]]:
    """Per gold-yes span and level: caught (a related issue) and flagged (any issue in the segment)."""
    outcomes = []
    for row, k in joined:
        outcome = {}
        for level, severities in GOLD_LEVELS:
            found = [i for i in issues[k] if i.severity in severities]
            outcome[level] = any(issue_relates_to_span(i, row) for i in found)
            outcome[f"{level}, segment"] = bool(found)
        outcomes.append(outcome)
    return outcomes


def gold_report(path: Path, segments: list[dict], issues: list[list]) -> list[str]:
    rows = load_gold(path)
    joined = join_gold(rows, segments)
    outcomes = gold_outcomes(joined, issues)
    verdicts = Counter(row["verdict"] for row in rows)
    lines = [f"gold list ({path.name}): {len(rows)} spans read: yes {verdicts['yes']}, no {verdicts['no']}, "
             f"unsure {verdicts['unsure']}"]

    def shares(picked: list[int]) -> str:
        return "; ".join(f"{level} {rate(sum(outcomes[p][level] for p in picked), len(picked))}"
                         for level in (*dict(GOLD_LEVELS), *(f"{lv}, segment" for lv in dict(GOLD_LEVELS))))

    lines.append(f"  recall on gold-yes spans (related issue; then any issue in the segment): "
                 f"{shares(list(range(len(joined))))}")
    for column in ("class", "selection"):
        groups: dict[str, list[int]] = {}
        for p, (row, _) in enumerate(joined):
            if row.get(column):
                groups.setdefault(row[column], []).append(p)
        for name, picked in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
            lines.append(f"  {column} {name} ({len(picked)}): {shares(picked)}")
    missed = [p for p in range(len(joined)) if not outcomes[p]["error level"]]
    lines.append(f"  gold-yes spans missed at error level: {len(missed)} (w = caught at warning level)")
    for p in sorted(missed, key=lambda p: (joined[p][0]["class"], joined[p][0]["span"])):
        row, k = joined[p]
        mark = "w" if outcomes[p]["warning level"] else "-"
        lines.append(f"    {mark} {row['class']}: «{row['span']}» for «{row['en_text']}» "
                     f"({row['set']}/{row['system'] or '-'}/seg {row['seg']}/{row['text']})")
    return lines


@exit_on_missing
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mqm", default=None,
                        help=BIO_MQM_HELP)
    parser.add_argument("--verdicts", type=Path, help="committed verdict TSV to join (precision by reading)")
    parser.add_argument("--dump-unjudged", type=Path, metavar="FILE",
                        help="write the error-level issues with no verdict (.md to read, .tsv to fill in)")
    parser.add_argument("--sample-warnings", type=int, default=0, metavar="N",
                        help="with --sample-out: N random segments with all their issues, to read for misses")
    parser.add_argument("--sample-out", type=Path, metavar="FILE")
    parser.add_argument("--seed", type=int, default=11, help="seed of the --sample-warnings draw")
    parser.add_argument("--gold", type=Path, metavar="FILE",
                        help="read gold list of MQM spans (docs/bench/mqm_gold.tsv): recall on its yes spans")
    args = parser.parse_args()
    segments = load_bio_mqm(args.mqm)
    verdicts = load_verdicts(args.verdicts) if args.verdicts else None
    checker = default_checker()

    started = time.perf_counter()
    issues = [[i for i in check_pair(s["en"], s["ru"], "en", "ru") if i.category in CHECKED] for s in segments]
    seconds = time.perf_counter() - started

    n = len(segments)
    errors = [[i for i in found if i.severity == "error"] for found in issues]
    warned = [[i for i in found if i.severity in ("error", "warning")] for found in issues]
    by_category = Counter(i.category for found in errors for i in found)
    flagged = [k for k in range(n) if errors[k]]
    clean = [k for k in range(n) if not segments[k]["errors"]]
    acc = {k for k in range(n) if any(e.get("acc") for e in segments[k]["errors"])}
    touched = [k for k in range(n) if any(span_has_figure_or_name(e) for e in segments[k]["errors"])]
    touched_acc = [k for k in touched if any(e.get("acc") and span_has_figure_or_name(e) for e in segments[k]["errors"])]

    print(f"bio MQM en-ru: {n} segments ({len(clean)} without MQM errors, {len(acc)} with an accuracy-type "
          f"error); checked in {seconds:.1f} s ({n / seconds:.0f} segments/s)")
    total = sum(by_category.values())
    print(f"error-level figure/name issues: {total} = {1000 * total / n:.1f} per 1,000 segments "
          f"(figure {1000 * by_category['figure'] / n:.1f}, name {1000 * by_category['name'] / n:.1f})")
    rules = Counter(i.rule for found in errors for i in found)
    print("  by rule: " + ", ".join(f"{rule} {count}" for rule, count in rules.most_common()))
    print(f"segments flagged (>= 1 error-level figure/name issue): {len(flagged)}")
    print(f"  with an accuracy-type MQM error: {rate(sum(k in acc for k in flagged), len(flagged))}")
    print(f"  with any MQM error:              {rate(sum(bool(segments[k]['errors']) for k in flagged), len(flagged))}")
    print(f"flag rate on segments without MQM errors: error level {rate(sum(bool(errors[k]) for k in clean), len(clean))}, "
          f"warning level {rate(sum(bool(warned[k]) for k in clean), len(clean))}")
    print(f"recall-ish, segments whose MQM error spans hold a digit or a capitalised word: error level "
          f"{rate(sum(bool(errors[k]) for k in touched), len(touched))}, warning level "
          f"{rate(sum(bool(warned[k]) for k in touched), len(touched))}")
    print(f"  the same for accuracy-type spans only: error level "
          f"{rate(sum(bool(errors[k]) for k in touched_acc), len(touched_acc))}, warning level "
          f"{rate(sum(bool(warned[k]) for k in touched_acc), len(touched_acc))}")

    unjudged: list[tuple[int, list]] = []
    if verdicts is not None:
        counts: Counter = Counter()
        judged_rules: dict[str, Counter] = {}
        wrong_reasons: Counter = Counter()
        segment_verdicts: Counter = Counter()
        for k in flagged:
            missing, found = [], set()
            for issue in errors[k]:
                verdict = verdicts.get(issue_key(segments[k], issue))
                if verdict is None:
                    counts["unjudged"] += 1
                    missing.append(issue)
                    continue
                counts[verdict[0]] += 1
                found.add(verdict[0])
                judged_rules.setdefault(issue.rule, Counter())[verdict[0]] += 1
                if verdict[0] == "wrong":
                    wrong_reasons[verdict[1].split(":")[0]] += 1
            if missing:
                unjudged.append((k, missing))
            else:
                # A flagged segment is rightly flagged when at least one of its errors is right.
                segment_verdicts["right" if "right" in found else "wrong" if "wrong" in found else "unsure"] += 1
        right, wrong = counts["right"], counts["wrong"]
        print(f"precision by reading ({args.verdicts.name}): {rate(right, right + wrong)} of issues; unsure "
              f"{counts['unsure']}, not yet judged {counts['unjudged']} of {total} error-level issues")
        seg_right, seg_wrong = segment_verdicts["right"], segment_verdicts["wrong"]
        print(f"  per flagged segment (>= 1 right issue): {rate(seg_right, seg_right + seg_wrong)}; "
              f"unsure {segment_verdicts['unsure']}")
        for rule, c in sorted(judged_rules.items()):
            print(f"  {rule}: right {c['right']}, wrong {c['wrong']}, unsure {c['unsure']}")
        for reason, count in wrong_reasons.most_common():
            print(f"  wrong, {reason}: {count}")
    else:
        unjudged = [(k, errors[k]) for k in flagged]

    if args.dump_unjudged:
        if args.dump_unjudged.suffix == ".tsv":
            rows = ["\t".join((*VERDICT_FIELDS, "message", "en", "ru", "mqm"))]
            seen = set()
            for k, missing in unjudged:
                for issue in missing:
                    key = issue_key(segments[k], issue)
                    if key in seen:
                        continue
                    seen.add(key)
                    rows.append("\t".join((*key, "", "", clean_field(issue.message), clean_field(segments[k]["en"]),
                                           clean_field(segments[k]["ru"]), clean_field(mqm_summary(segments[k])))))
            write_atomic(args.dump_unjudged, "\n".join(rows) + "\n")
        else:
            body = [f"# Unjudged error-level figure/name issues ({len(unjudged)} segments)\n",
                    f"checker: `{checker.signature}`\n"]
            body += [markdown_entry(number, segments[k], issues[k], lambda i, m=missing: i in m)
                     for number, (k, missing) in enumerate(unjudged, 1)]
            write_atomic(args.dump_unjudged, "\n".join(body))
        print(f"wrote {len(unjudged)} segments with unjudged issues to {args.dump_unjudged}")

    if args.sample_warnings and args.sample_out:
        rng = random.Random(args.seed)
        sample = sorted(rng.sample(range(n), min(args.sample_warnings, n)))
        body = [f"# {len(sample)} random segments (seed {args.seed}) with all their figure/name issues\n",
                f"checker: `{checker.signature}`\n"]
        body += [markdown_entry(number, segments[k], issues[k]) for number, k in enumerate(sample, 1)]
        write_atomic(args.sample_out, "\n".join(body))
        print(f"wrote {len(sample)} sampled segments to {args.sample_out}")

    if args.gold:
        print("\n".join(gold_report(args.gold, segments, issues)))

    print(f"signature: {checker.signature}|bio-mqm-enru:{n}|mqm-bench:v{BENCH_VERSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
