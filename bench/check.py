"""Benchmark the figure (and full) checker on FLORES-200 devtest with injected errors.

Clean en-uk and en-ru line pairs measure false alarms; damaged copies of the uk/ru lines
(changed digits, scale swaps, month swaps, dropped figures, swapped number words, swapped
names) measure recall. A naive digit-string baseline (pofilter's "numbers" test: compare the
multisets of digit strings) runs on the same pairs.

    .venv/bin/python -m bench.check [--flores DIR]   (default: $ALIGN_FLORES_DIR, see --help)

A damaged pair counts as detected when it has an error-severity issue that the clean pair
does not have (so a false alarm already on the clean line is not a detection).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable

from align.figures import FIGURES_VERSION, compare_figures, extract_figures
from align.model import Issue
from align.resources import load_toml
from bench.data import FLORES_HELP, exit_on_missing, load_flores

SEED = 20240102
PER_KIND = 150  # damaged pairs per kind and language (fewer when FLORES has fewer candidates)

DIGIT_RUN = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
SCALE_SWAPS = {
    "uk": [("млн", "млрд"), ("млрд", "млн"), ("мільйон", "мільярд"), ("мільярд", "мільйон"),
           ("тисяч", "мільйон")],
    "ru": [("млн", "млрд"), ("млрд", "млн"), ("миллион", "миллиард"), ("миллиард", "миллион"),
           ("тысяч", "миллион")],
}
# Our own word swaps (a number word for another in the same case), independent of the checker.
WORD_SWAPS = {
    "uk": {"два": "три", "дві": "три", "три": "чотири", "чотири": "два", "п'ять": "шість",
           "шість": "сім", "сім": "вісім", "вісім": "дев'ять", "дев'ять": "десять", "десять": "п'ять",
           "двох": "трьох", "трьох": "двох", "п'яти": "шести", "десяти": "двадцяти", "сто": "двісті",
           "двадцять": "тридцять", "тридцять": "сорок", "сорок": "п'ятдесят", "п'ятеро": "шестеро",
           "двоє": "троє", "троє": "четверо", "третій": "четвертий", "третього": "четвертого"},
    "ru": {"два": "три", "две": "три", "три": "четыре", "четыре": "два", "пять": "шесть",
           "шесть": "семь", "семь": "восемь", "восемь": "девять", "девять": "десять",
           "десять": "пять", "двух": "трех", "трех": "двух", "пяти": "шести", "десяти": "двадцати",
           "сто": "двести", "двадцать": "тридцать", "тридцать": "сорок", "сорок": "пятьдесят",
           "пятеро": "шестеро", "двое": "трое", "трое": "четверо", "третий": "четвертый",
           "третьего": "четвертого"},
}
def month_forms(lang: str) -> tuple[dict[str, tuple[int, int]], dict[tuple[int, int], str]]:
    """form -> (month, case slot) and back; the data lists each month's forms in the same order."""
    by_month: dict[int, list[str]] = {}
    for form, month in load_toml("lang", lang, "months.toml")["months"].items():
        by_month.setdefault(month, []).append(form)
    forward, back = {}, {}
    for month, forms in by_month.items():
        for slot, form in enumerate(forms):
            forward[form] = (month, slot)
            back[(month, slot)] = form
    return forward, back


def damage_digits(text: str, lang: str, rng: random.Random) -> str | None:
    runs = list(DIGIT_RUN.finditer(text))
    if not runs:
        return None
    m = rng.choice(runs)
    digits = [i for i in range(m.start(), m.end()) if text[i].isdigit()]
    pos = rng.choice(digits)
    new = rng.choice([d for d in "0123456789" if d != text[pos] and not (pos == digits[0] and d == "0")])
    return text[:pos] + new + text[pos + 1:]


def damage_scale(text: str, lang: str, rng: random.Random) -> str | None:
    options = [(a, b) for a, b in SCALE_SWAPS[lang] if re.search(rf"\d[\s\u00a0]*{a}", text)]
    if not options:
        return None
    a, b = rng.choice(options)
    return re.sub(rf"(\d[\s\u00a0]*){a}", rf"\g<1>{b}", text, count=1)


def damage_month(text: str, lang: str, rng: random.Random) -> str | None:
    forward, back = month_forms(lang)
    hits = [m for m in re.finditer(r"\w+", text) if m.group().lower() in forward]
    if not hits:
        return None
    m = rng.choice(hits)
    month, slot = forward[m.group().lower()]
    others = [mo for mo in range(1, 13) if mo != month and (mo, slot) in back]
    new = back[(rng.choice(others), slot)]
    if m.group()[0].isupper():
        new = new[0].upper() + new[1:]
    return text[:m.start()] + new + text[m.end():]


def damage_drop(text: str, lang: str, rng: random.Random) -> str | None:
    runs = list(DIGIT_RUN.finditer(text))
    if not runs:
        return None
    m = rng.choice(runs)
    return re.sub(r"\s{2,}", " ", text[:m.start()] + text[m.end():]).strip()


def damage_number_word(text: str, lang: str, rng: random.Random) -> str | None:
    swaps = WORD_SWAPS[lang]
    hits = [m for m in re.finditer(r"[\w'’]+", text) if m.group().lower().replace("’", "'") in swaps]
    if not hits:
        return None
    m = rng.choice(hits)
    new = swaps[m.group().lower().replace("’", "'")]
    if m.group()[0].isupper():
        new = new[0].upper() + new[1:]
    return text[:m.start()] + new + text[m.end():]


def _names_injector() -> Callable[[str, str, random.Random], str | None]:
    from align.names import load_glossary
    from bench.inject_names import swap_name

    glossary = load_glossary()

    def inject(text: str, lang: str, rng: random.Random) -> str | None:
        result = swap_name(text, lang, glossary, rng)
        return result.text if result is not None else None

    return inject


def baseline_issues(src: str, tgt: str, sl: str, tl: str) -> list[Issue]:
    """pofilter-style: the multisets of digit strings must be equal."""
    a = Counter(re.findall(r"\d+(?:[.,]\d+)*", src))
    b = Counter(re.findall(r"\d+(?:[.,]\d+)*", tgt))
    if a == b:
        return []
    return [Issue("figure", "error", tl, " ".join(sorted(a)), " ".join(sorted(b)), "digits differ")]


def figures_only(src: str, tgt: str, sl: str, tl: str) -> list[Issue]:
    return compare_figures(extract_figures(src, sl), extract_figures(tgt, tl), sl, tl)


def _signature(issues: list[Issue], severities: tuple[str, ...]) -> set[tuple[str, str, str]]:
    return {(i.rule, i.expected, i.found) for i in issues if i.severity in severities}


def evaluate(name: str, checker, clean, damaged) -> dict:
    """Run `checker` on clean and damaged pairs; returns the numbers printed in the table."""
    clean_err = clean_warn = 0
    clean_sig: dict[tuple[int, str], tuple[set, set]] = {}
    t0 = time.perf_counter()
    for idx, (src, tgt, sl, tl) in enumerate(clean):
        issues = checker(src, tgt, sl, tl)
        err = _signature(issues, ("error",))
        warn = _signature(issues, ("error", "warning"))
        clean_sig[(idx // 2, tl)] = (err, warn)
        clean_err += bool(err)
        clean_warn += bool(warn)
    elapsed = time.perf_counter() - t0
    per_kind: dict[str, list[int]] = {}
    tp = tp_warn = 0
    for line, kind, src, tgt, sl, tl in damaged:
        issues = checker(src, tgt, sl, tl)
        err0, warn0 = clean_sig[(line, tl)]
        hit = bool(_signature(issues, ("error",)) - err0)
        hit_warn = bool(_signature(issues, ("error", "warning")) - warn0)
        stats = per_kind.setdefault(kind, [0, 0, 0])
        stats[0] += hit
        stats[1] += hit_warn
        stats[2] += 1
        tp += hit
        tp_warn += hit_warn
    n_dmg = len(damaged)
    recall = tp / n_dmg if n_dmg else 0.0
    precision = tp / (tp + clean_err) if tp + clean_err else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"name": name, "precision": precision, "recall": recall, "f1": f1,
            "fa": clean_err / len(clean), "fa_warn": clean_warn / len(clean),
            "recall_warn": tp_warn / n_dmg if n_dmg else 0.0, "per_kind": per_kind,
            "pairs_per_s": len(clean) / elapsed, "clean": len(clean), "damaged": n_dmg}


def full_checker_speed(lines: dict[str, list[str]], n: int) -> tuple[float, float]:
    """Line triples per second through Checker.check_segments, as `align check --aligned` runs it:
    first with cold word caches (every FLORES line is new vocabulary), then again warm."""
    from align.checking import Checker
    from align.model import Segment

    checker = Checker()  # loading (pymorphy3 dictionaries, glossary) is not timed: "once loaded"
    t0 = time.perf_counter()
    checker.preload()
    print(f"loading name data (dictionaries, gazetteer, word lists; once per process): "
          f"{time.perf_counter() - t0:.2f} s")
    rates = []
    for _ in range(2):
        segments = [Segment(id=i, sentences={lang: [i] for lang in lines},
                            text={lang: lines[lang][i] for lang in lines}) for i in range(n)]
        t0 = time.perf_counter()
        checker.check_segments(segments, "en", ["en", "uk", "ru"])
        rates.append(n / (time.perf_counter() - t0))
    return rates[0], rates[1]


@exit_on_missing
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flores", default=None, help=FLORES_HELP)
    parser.add_argument("--per-kind", type=int, default=PER_KIND)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--show-false-alarms", type=int, default=0, help="print N clean-pair false alarms")
    parser.add_argument("--show-misses", type=int, default=0, help="print N undetected injections (figures and names)")
    args = parser.parse_args()
    lines = load_flores(args.flores)
    n = min(len(v) for v in lines.values())
    rng = random.Random(args.seed)
    clean = []
    for i in range(n):
        for tl in ("uk", "ru"):
            clean.append((lines["en"][i], lines[tl][i].strip(), "en", tl))
    name_injector = _names_injector()
    kinds: dict[str, Callable] = {
        "digit": damage_digits, "scale": damage_scale, "month": damage_month, "drop": damage_drop,
        "number_word": damage_number_word,
        "name": name_injector,
    }
    damaged = []
    for kind, fn in kinds.items():
        for tl in ("uk", "ru"):
            order = list(range(n))
            rng.shuffle(order)
            made = 0
            for i in order:
                if made >= args.per_kind:
                    break
                new = fn(lines[tl][i].strip(), tl, rng)
                if new is None or new == lines[tl][i].strip():
                    continue
                damaged.append((i, kind, lines["en"][i], new, "en", tl))
                made += 1

    # Warm up (data files, pymorphy in the names package) before timing.
    figures_only(lines["en"][0], lines["uk"][0], "en", "uk")
    t0 = time.perf_counter()
    for i in range(n):
        for lang in ("en", "uk", "ru"):
            extract_figures(lines[lang][i], lang)
    extract_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i in range(n):
        en = extract_figures(lines["en"][i], "en")
        compare_figures(en, extract_figures(lines["uk"][i], "uk"), "en", "uk")
        compare_figures(en, extract_figures(lines["ru"][i], "ru"), "en", "ru")
    triple_s = time.perf_counter() - t0
    full_speed = full_checker_speed(lines, n)

    figure_damage = [d for d in damaged if d[1] != "name"]
    runs = [evaluate("baseline (digit multiset)", baseline_issues, clean, damaged),
            evaluate(f"figures v{FIGURES_VERSION}", figures_only, clean, damaged),
            evaluate("baseline, figure errors only", baseline_issues, clean, figure_damage),
            evaluate(f"figures v{FIGURES_VERSION}, figure errors", figures_only, clean, figure_damage)]
    from align.checking import check_pair

    runs.append(evaluate("full checker (check_pair)", check_pair, clean, damaged))

    print(f"FLORES-200 devtest: {n} lines, {len(clean)} clean pairs (en-uk, en-ru), "
          f"{len(damaged)} damaged pairs, seed {args.seed}, name injection: "
          "bench.inject_names.swap_name")
    print(f"speed (figures only, one core): extraction {3 * n / extract_s:,.0f} sentences/s; "
          f"{n / triple_s:,.0f} line triples/s (extract en+uk+ru, compare en-uk and en-ru)")
    print(f"speed (full checker, figures + names + untranslated, one core): {full_speed[0]:,.0f} line "
          f"triples/s on first sight of every word (cold caches), {full_speed[1]:,.0f} on a second pass")
    print()
    header = f"{'checker':32} {'P':>6} {'R':>6} {'F1':>6} {'FA err':>7} {'FA warn':>8} {'R warn':>7} {'pairs/s':>8}"
    print(header)
    for r in runs:
        print(f"{r['name']:32} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['fa']:7.2%} "
              f"{r['fa_warn']:8.2%} {r['recall_warn']:7.3f} {r['pairs_per_s']:8,.0f}")
    print()
    kinds_seen = sorted({k for r in runs for k in r["per_kind"]})
    print(f"{'recall by kind':32} " + " ".join(f"{k:>12}" for k in kinds_seen))
    for r in runs:
        cells = []
        for k in kinds_seen:
            hit, _, total = r["per_kind"].get(k, [0, 0, 0])
            cells.append(f"{hit / total if total else 0:.3f}/{total:<4}")
        print(f"{r['name']:32} " + " ".join(f"{c:>12}" for c in cells))
    if args.show_false_alarms:
        shown = 0
        for src, tgt, sl, tl in clean:
            issues = [i for i in figures_only(src, tgt, sl, tl) if i.severity in ("error", "warning")]
            if issues and shown < args.show_false_alarms:
                shown += 1
                print(f"\n[{tl}] {src}\n     {tgt}")
                for i in issues:
                    print(f"     {i.severity}: {i.message}")
    if args.show_misses:
        shown = 0
        for line, kind, src, tgt, sl, tl in damaged:
            if shown >= args.show_misses:
                break
            # Figure injections are judged by the figure checker, name swaps by the full one.
            checker = check_pair if kind == "name" else figures_only
            clean_err = _signature(checker(src, lines[tl][line].strip(), sl, tl), ("error",))
            issues = checker(src, tgt, sl, tl)
            if not _signature(issues, ("error",)) - clean_err:
                shown += 1
                print(f"\nMISS {kind} [{tl}] {src}\n     {lines[tl][line].strip()}\n  -> {tgt}")
                for i in issues:
                    print(f"     {i.severity}: {i.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
