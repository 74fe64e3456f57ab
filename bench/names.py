"""Name checker on FLORES-200 devtest: false alarms on the clean en-uk / en-ru pairs, recall on
injected name swaps and drops, and speed.

    .venv/bin/python -m bench.names [--flores DIR] [--show N] [--seed S]

False alarms: a clean line pair (a real, free translation) with any name issue of severity
error (or warning). Recall: on pairs where the clean check is silent and the target carries
a glossary name, swap it for another glossary name of the same sort in the same case (must
give an error) or drop a name (must give an issue; we report error and any-severity).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime, timezone

from align.names import compare_names, extract_names, load_glossary, names_signature
from bench.data import FLORES_HELP, exit_on_missing, load_flores
from bench.inject_names import drop_name, swap_name


def signature(glossary, seed: int) -> str:
    return f"{names_signature(glossary)}|flores200-devtest|inject-seed:{seed}|bench:2"


@exit_on_missing
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flores", default=None, help=FLORES_HELP)
    parser.add_argument("--show", type=int, default=0, help="print up to N false alarms per pair")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    lines = load_flores(args.flores)
    n = len(lines["en"])
    glossary = load_glossary()

    def every_triple() -> float:
        """Seconds to extract every triple and make both comparisons."""
        t0 = time.perf_counter()
        for i in range(n):
            en = extract_names(lines["en"][i], "en", glossary)
            for tgt in ("uk", "ru"):
                compare_names(en, extract_names(lines[tgt][i], tgt, glossary), "en", tgt, glossary)
        return time.perf_counter() - t0

    # Speed: cold extraction (empty caches), then warm: word analyses cached (as after the
    # first pages of a long release), sentence extraction cache emptied so every sentence is
    # extracted again.
    cold = every_triple()
    from align.names import extract as extract_module

    extract_module._CACHE.clear()
    warm = every_triple()

    print(f"# {signature(glossary, args.seed)}")
    print(f"date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; lines: {n}")
    print(f"speed, extract en+uk+ru and compare both: cold caches {n / cold:.0f} triples/s, "
          f"warm word caches {n / warm:.0f} triples/s")

    rng = random.Random(args.seed)
    for src_lang, tgt in (("en", "uk"), ("en", "ru"), ("uk", "ru")):
        err_lines = warn_lines = 0
        rules: dict[str, int] = {}
        shown = 0
        clean_ok: list[int] = []
        src_names = tgt_names = 0
        for i in range(n):
            src = extract_names(lines[src_lang][i], src_lang, glossary)
            tm = extract_names(lines[tgt][i], tgt, glossary)
            src_names += sum(m.kind not in ("demonym", "common", "adjective") for m in src)
            tgt_names += sum(m.kind not in ("demonym", "common", "adjective") for m in tm)
            issues = compare_names(src, tm, src_lang, tgt, glossary)
            sev = {x.severity for x in issues}
            for x in issues:
                rules[f"{x.rule}/{x.severity}"] = rules.get(f"{x.rule}/{x.severity}", 0) + 1
            if "error" in sev:
                err_lines += 1
            if "warning" in sev:
                warn_lines += 1
            if not issues:
                clean_ok.append(i)
            if issues and shown < args.show and "error" in sev:
                shown += 1
                print(f"  [{i}] {src_lang}: {lines[src_lang][i]}\n       {tgt}: {lines[tgt][i]}")
                for x in issues:
                    print(f"       -> {x.severity} {x.rule}: {x.message}")
        print(f"\n{src_lang}-{tgt}: names {src_lang} {src_names}, {tgt} {tgt_names}")
        print(f"  false alarms: lines with an error {err_lines}/{n} ({100 * err_lines / n:.2f}%), "
              f"with a warning {warn_lines}/{n} ({100 * warn_lines / n:.2f}%)")
        print("  issues by rule: " + ", ".join(f"{k} {v}" for k, v in sorted(rules.items())))

        swaps = swap_err = drops = drop_err = drop_any = gdrops = gdrop_err = 0
        for i in clean_ok:
            src = extract_names(lines[src_lang][i], src_lang, glossary)
            # Corrupt only names the source carries as names (not as a demonym or a common
            # word), so that a miss is the checker's fault, not the injection's.
            expected = {m.key for m in src if m.kind not in ("demonym", "common", "adjective")}
            carried = [m for m in extract_names(lines[tgt][i], tgt, glossary) if m.key in expected]
            inj = swap_name(lines[tgt][i], tgt, glossary, rng, mentions=carried)
            if inj is not None:
                swaps += 1
                issues = compare_names(src, extract_names(inj.text, tgt, glossary), src_lang, tgt, glossary)
                swap_err += any(x.severity == "error" for x in issues)
            inj = drop_name(lines[tgt][i], tgt, glossary, rng, mentions=carried)
            if inj is not None:
                drops += 1
                issues = compare_names(src, extract_names(inj.text, tgt, glossary), src_lang, tgt, glossary)
                drop_err += any(x.severity == "error" for x in issues)
                drop_any += bool(issues)
            inj = drop_name(lines[tgt][i], tgt, glossary, rng, mentions=carried, glossary_only=True)
            if inj is not None:
                gdrops += 1
                issues = compare_names(src, extract_names(inj.text, tgt, glossary), src_lang, tgt, glossary)
                gdrop_err += any(x.severity == "error" for x in issues)
        if swaps:
            print(f"  recall, swapped name -> error: {swap_err}/{swaps} ({100 * swap_err / swaps:.1f}%)")
        if drops:
            print(f"  recall, dropped name -> any issue: {drop_any}/{drops} ({100 * drop_any / drops:.1f}%), "
                  f"-> error: {drop_err}/{drops} ({100 * drop_err / drops:.1f}%)")
        if gdrops:
            print(f"  recall, dropped glossary name -> error: {gdrop_err}/{gdrops} "
                  f"({100 * gdrop_err / gdrops:.1f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
