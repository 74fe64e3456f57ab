"""A harder alignment benchmark: documents with realistic edits, scored per bead shape.

Sentences (FLORES-200 devtest en/uk/ru, or the bio MQM en/ru segments) are shuffled into
documents of a few dozen sentences; the target side of each document is then edited at a given
rate with every bead type translators and editors make, with the gold beads kept:

    merge (2-1), merge3 (3-1), split (1-2), split3 (1-3), resplit (2-2), drop (1-0),
    insert (0-1, a stray sentence from the same document or from another one),
    drop+merge (a drop right before a merge), merge+drop (right after), replace (a drop and a
    stray insertion in its place, which a careless aligner pairs as 1-1).

Everything is seeded: the same seed gives the same documents, edits and gold.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

GoldBead = tuple[tuple[int, ...], tuple[int, ...]]

# Relative frequency of each edit among the edited positions.
OPS: dict[str, float] = {
    "merge": 3, "merge3": 1, "split": 3, "split3": 1, "resplit": 2, "drop": 2,
    "insert_same": 1.5, "insert_other": 1.5, "drop_merge": 1, "merge_drop": 1, "replace": 1,
}
_CUT = re.compile(r"(?:, |; |: | — | – )")


@dataclass
class DocPair:
    """One document pair: source and target sentences, and the gold beads."""

    name: str
    src: list[str]
    tgt: list[str]
    gold: list[GoldBead]
    ops: Counter = field(default_factory=Counter)


def cut_points(line: str) -> list[int]:
    """Clause boundaries (after the mark) far enough from both ends to leave sentence-like parts."""
    return [m.end() for m in _CUT.finditer(line) if 15 <= m.start() <= len(line) - 15]


def _capitalise(text: str) -> str:
    for k, ch in enumerate(text):
        if ch.isalpha():
            return text[:k] + ch.upper() + text[k + 1:]
    return text


def split_line(line: str, rng: random.Random) -> tuple[str, str] | None:
    """Cut a sentence in two at a clause mark (the one nearest the middle, or a random one)."""
    cuts = cut_points(line)
    if not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - len(line) / 2)) if rng.random() < 0.7 else rng.choice(cuts)
    left = line[:cut].rstrip(" ,;:—–") + "."
    return left, _capitalise(line[cut:])


def split_three(line: str, rng: random.Random) -> tuple[str, str, str] | None:
    first = split_line(line, rng)
    if not first:
        return None
    longer = 0 if len(first[0]) >= len(first[1]) else 1
    again = split_line(first[longer].rstrip("."), rng) if longer == 0 else split_line(first[1], rng)
    if not again:
        return None
    return (*again, first[1]) if longer == 0 else (first[0], *again)


def resplit(a: str, b: str, rng: random.Random) -> tuple[str, str] | None:
    """Two sentences re-cut at another point: the last clause of `a` opens `b`."""
    parts = split_line(a, rng)
    if not parts:
        return None
    tail = parts[1].rstrip(".!?")
    return parts[0], tail + ", " + b[:1].lower() + b[1:]


def perturb(lines: list[str], same_doc: list[str], others: list[str], rng: random.Random,
            rate: float) -> tuple[list[str], list[GoldBead], Counter]:
    """Edited copy of a target side, its gold beads (source indices, target indices), and the
    edits made. `same_doc` and `others` are where stray insertions come from."""
    names, weights = list(OPS), list(OPS.values())
    out: list[str] = []
    gold: list[GoldBead] = []
    done: Counter = Counter()
    i, n = 0, len(lines)

    def keep(k: int) -> None:
        gold.append(((k,), (len(out),)))
        out.append(lines[k])

    def stray(pool: list[str]) -> None:
        gold.append(((), (len(out),)))
        out.append(pool[rng.randrange(len(pool))])

    while i < n:
        op = rng.choices(names, weights)[0] if rng.random() < rate else "keep"
        if op == "merge" and i + 1 < n:
            gold.append(((i, i + 1), (len(out),)))
            out.append(lines[i] + " " + lines[i + 1])
            i += 2
        elif op == "merge3" and i + 2 < n:
            gold.append(((i, i + 1, i + 2), (len(out),)))
            out.append(" ".join(lines[i:i + 3]))
            i += 3
        elif op == "split" and (parts := split_line(lines[i], rng)):
            gold.append(((i,), (len(out), len(out) + 1)))
            out.extend(parts)
            i += 1
        elif op == "split3" and (thirds := split_three(lines[i], rng)):
            gold.append(((i,), (len(out), len(out) + 1, len(out) + 2)))
            out.extend(thirds)
            i += 1
        elif op == "resplit" and i + 1 < n and (pair := resplit(lines[i], lines[i + 1], rng)):
            gold.append(((i, i + 1), (len(out), len(out) + 1)))
            out.extend(pair)
            i += 2
        elif op == "drop":
            gold.append(((i,), ()))
            i += 1
        elif op == "insert_same" and len(same_doc) > 3:
            # A sentence from elsewhere in the same document: same topic, often the same names.
            far = [s for k, s in enumerate(same_doc) if abs(k - i) > 2]
            stray(far or same_doc)
            keep(i)
            i += 1
        elif op == "insert_other":
            stray(others)
            keep(i)
            i += 1
        elif op == "drop_merge" and i + 2 < n:
            gold.append(((i,), ()))
            gold.append(((i + 1, i + 2), (len(out),)))
            out.append(lines[i + 1] + " " + lines[i + 2])
            i += 3
        elif op == "merge_drop" and i + 2 < n:
            gold.append(((i, i + 1), (len(out),)))
            out.append(lines[i] + " " + lines[i + 1])
            gold.append(((i + 2,), ()))
            i += 3
        elif op == "replace":
            gold.append(((i,), ()))
            stray(others)
            i += 1
        else:
            op = "keep"
            keep(i)
            i += 1
        done[op] += 1
    return out, gold, done


def _doc_sizes(total: int, rng: random.Random, lo: int, hi: int) -> list[int]:
    sizes = []
    while total > 0:
        size = min(total, rng.randint(lo, hi))
        if 0 < total - size < lo:  # no tiny last document
            size = total
        sizes.append(size)
        total -= size
    return sizes


def make_documents(parallel: dict[str, list[str]], seed: int, lo: int = 40, hi: int = 120,
                   shuffle: bool = True) -> list[list[int]]:
    """Line indices of each document: the lines shuffled (seeded) and cut into lo..hi lines."""
    n = len(next(iter(parallel.values())))
    rng = random.Random(f"docs-{seed}")
    order = list(range(n))
    if shuffle:
        rng.shuffle(order)
    docs, start = [], 0
    for size in _doc_sizes(n, rng, lo, hi):
        docs.append(order[start:start + size])
        start += size
    return docs


def build_pairs(parallel: dict[str, list[str]], src: str, tgt: str, seed: int, rate: float,
                docs: list[list[int]], tag: str = "") -> list[DocPair]:
    """Document pairs src -> edited tgt. The edit stream depends on (seed, tgt, tag) only, so
    two pairs with the same target and tag (en-ru and uk-ru) share the same edited target."""
    out = []
    everything = parallel[tgt]
    for k, idx in enumerate(docs):
        rng = random.Random(f"{seed}-{tgt}-{tag}-{k}")
        src_lines = [parallel[src][i] for i in idx]
        tgt_lines = [parallel[tgt][i] for i in idx]
        others = [everything[i] for i in range(len(everything)) if i not in set(idx)] or everything
        edited, gold, ops = perturb(tgt_lines, tgt_lines, others, rng, rate)
        out.append(DocPair(f"{tag or 'doc'}{k}", src_lines, edited, gold, ops))
    return out


def bio_parallel(segments: list[dict], seed: int) -> dict[str, list[str]]:
    """English sources of the bio MQM set in document order, each with one of its Russian
    translations (MT systems or the human one) drawn with the seed."""
    rng = random.Random(f"bio-{seed}")
    by_source: dict[str, list[str]] = {}
    order: list[str] = []
    for seg in segments:
        if seg["set"] != "bio-v1":
            continue
        if seg["en"] not in by_source:
            by_source[seg["en"]] = []
            order.append(seg["en"])
        if seg["ru"] not in by_source[seg["en"]]:
            by_source[seg["en"]].append(seg["ru"])
    return {"en": order, "ru": [rng.choice(by_source[en]) for en in order]}


# ---------------------------------------------------------------------------- scoring


def shape(bead: GoldBead) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def _overlaps(p: GoldBead, g: GoldBead) -> bool:
    return all((not x and not y) or bool(set(x) & set(y)) for x, y in zip(p, g, strict=True))


def _lax_hits(pred: list[GoldBead], gold: list[GoldBead]) -> list[bool]:
    """For each bead of `pred`: does it overlap a bead of `gold` on every side?"""
    index: dict[tuple[int, int], list[GoldBead]] = {}
    for g in gold:
        for side, idx in enumerate(g):
            for x in idx:
                index.setdefault((side, x), []).append(g)
    out = []
    for b in pred:
        cands = [c for side, idx in enumerate(b) for x in idx for c in index.get((side, x), [])]
        out.append(any(_overlaps(b, c) for c in cands))
    return out


@dataclass
class Score:
    """Counts for strict and lax precision/recall, overall and per bead shape."""

    pred: Counter = field(default_factory=Counter)   # predicted beads per shape
    gold: Counter = field(default_factory=Counter)   # gold beads per shape
    tp: Counter = field(default_factory=Counter)     # exact matches per shape
    lax_p: Counter = field(default_factory=Counter)  # predicted beads overlapping a gold one
    lax_r: Counter = field(default_factory=Counter)  # gold beads overlapping a predicted one
    confusion: Counter = field(default_factory=Counter)  # (gold shape, predicted shape)

    def add(self, pred: list[GoldBead], gold: list[GoldBead]) -> None:
        ps = set(pred)
        for b in pred:
            self.pred[shape(b)] += 1
        for g in gold:
            self.gold[shape(g)] += 1
            self.tp[shape(g)] += g in ps
        for b, hit in zip(pred, _lax_hits(pred, gold), strict=True):
            self.lax_p[shape(b)] += hit
        for g, hit in zip(gold, _lax_hits(gold, pred), strict=True):
            self.lax_r[shape(g)] += hit
        # Confusion: the predicted bead holding the gold bead's first sentence (source side
        # first); exact matches count on the diagonal.
        where: dict[tuple[int, int], GoldBead] = {}
        for b in pred:
            for side, idx in enumerate(b):
                for x in idx:
                    where[(side, x)] = b
        for g in gold:
            if g in ps:
                self.confusion[(shape(g), shape(g))] += 1
                continue
            key = (0, g[0][0]) if g[0] else (1, g[1][0])
            got = where.get(key)
            self.confusion[(shape(g), "other " + shape(got) if got else "?")] += 1

    @staticmethod
    def _f(p_num: int, p_den: int, r_num: int, r_den: int) -> float:
        p = p_num / p_den if p_den else 0.0
        r = r_num / r_den if r_den else 0.0
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    def summary(self) -> dict:
        tp, npred, ngold = sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values())
        out = {
            "strict": self._f(tp, npred, tp, ngold),
            "lax": self._f(sum(self.lax_p.values()), npred, sum(self.lax_r.values()), ngold),
            "gold_beads": ngold,
            "by_shape": {},
        }
        for s in sorted(set(self.gold) | set(self.pred)):
            out["by_shape"][s] = {
                "gold": self.gold[s], "pred": self.pred[s], "exact": self.tp[s],
                "strict": self._f(self.tp[s], self.pred[s], self.tp[s], self.gold[s]),
                "lax": self._f(self.lax_p[s], self.pred[s], self.lax_r[s], self.gold[s]),
            }
        return out

    def confusion_table(self) -> dict[str, dict[str, int]]:
        table: dict[str, dict[str, int]] = {}
        for (g, p), count in sorted(self.confusion.items()):
            table.setdefault(g, {})[p] = count
        return table


def beads_to_gold(beads) -> list[GoldBead]:
    """Aligner Beads (s0, s1, t0, t1) as index tuples."""
    return [(tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1))) for b in beads]
