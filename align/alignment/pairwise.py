"""Two-language sentence alignment: a bead scorer and a banded dynamic programme.

Coordinates: a DP cell (i, j) is the boundary after i source and j target sentences; a bead
(a, b) ending at (i, j) covers source sentences i-a..i-1 and target sentences j-b..j-1.
Memory and time are O((n + m) * band) rather than O(n * m): the band follows a first path
built from unique shared anchors (numbers, names, figures) and character-length interpolation,
and is widened only where the best path touches its edge.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from align.alignment.features import feature_weight, params, skeleton

ANCHOR_KINDS = frozenset("#fn")  # feature kinds that are numbers, figures or names
MAX_ANCHOR_DF = 50  # features this frequent are too common to anchor anything
BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
INF = float("inf")


@dataclass(frozen=True)
class Bead:
    """Source sentences [s0, s1) render target sentences [t0, t1); cost and its terms for confidence."""

    s0: int
    s1: int
    t0: int
    t1: int
    cost: float = 0.0
    confidence: float = 1.0
    embedded: bool = False

    @property
    def shape(self) -> tuple[int, int]:
        return (self.s1 - self.s0, self.t1 - self.t0)


def length_params(src_lang: str, tgt_lang: str) -> tuple[float, float]:
    """(c, s2) of the Gale-Church length model for a language pair (either direction)."""
    table = params()["length"]
    if f"{src_lang}-{tgt_lang}" in table:
        row = table[f"{src_lang}-{tgt_lang}"]
        return float(row["c"]), float(row["s2"])
    if f"{tgt_lang}-{src_lang}" in table:
        row = table[f"{tgt_lang}-{src_lang}"]
        c, s2 = float(row["c"]), float(row["s2"])
        # lt = c * ls  <=>  ls = lt / c; the variance scales with the same factor.
        return 1.0 / c, s2 / c
    return 1.0, 6.0


class PairScorer:
    """Cost of every bead between two sentence lists, from length, lexical anchors and embeddings."""

    def __init__(
        self,
        src_feats: Sequence[Counter[str]],
        tgt_feats: Sequence[Counter[str]],
        src_lens: Sequence[int],
        tgt_lens: Sequence[int],
        src_lang: str,
        tgt_lang: str,
        use_lexical: bool = True,
    ) -> None:
        cfg = params()["cost"]
        self.n, self.m = len(src_lens), len(tgt_lens)
        self.c, self.s2 = length_params(src_lang, tgt_lang)
        self.w_len = float(cfg["length"])
        self.len_cap = float(cfg["length_cap"])
        self.w_lex = float(cfg["lexical"]) if use_lexical else 0.0
        self.lex_k = float(cfg["lexical_evidence"])
        self.lex_knee = float(cfg.get("lexical_knee", 1.0))
        self.w_earn = float(cfg.get("earn", 0.0)) if use_lexical else 0.0
        self.earn_k = float(cfg.get("earn_evidence", 2.0))
        self.w_emb = float(cfg["embedding"])
        self.emb_cap = float(cfg.get("embedding_cap", 1.5))
        self.skip_embedded = float(cfg.get("skip_embedded", cfg["skip"]))
        self.w_orphan = float(cfg.get("orphan", 0.0)) if use_lexical else 0.0
        self.orphan_k = float(cfg.get("orphan_evidence", 1.0))
        conf = params()["confidence"]
        self.anchor_k = float(conf.get("anchor_evidence", 4.0))
        self.anchor_name_weight = float(conf.get("anchor_name", 1.0))
        self.anchor_figure_weight = float(conf.get("anchor_figure", 2.0))
        self.prefix = int(params()["features"]["prefix_consonants"])
        self.skip = float(cfg["skip"])
        self.penalty = {tuple(int(x) for x in k.split("-")): float(v) for k, v in cfg["bead"].items()}
        self.cs = np.concatenate([[0], np.cumsum(src_lens)]).tolist()
        self.ct = np.concatenate([[0], np.cumsum(tgt_lens)]).tolist()
        # Document frequency damping: a feature repeated in many sentences says little about
        # which of them pair up.
        df_s: Counter[str] = Counter()
        df_t: Counter[str] = Counter()
        for f in src_feats:
            df_s.update(f.keys())
        for f in tgt_feats:
            df_t.update(f.keys())
        self.df_s, self.df_t = df_s, df_t
        weights: dict[str, float] = {}
        for feat in set(df_s) & set(df_t):
            if feat[0] == "k":
                continue
            weights[feat] = feature_weight(feat) / math.sqrt(max(df_s[feat], df_t[feat]))
        self.weights = weights
        self.src_feats = [{f: c for f, c in fs.items() if f in weights} for fs in src_feats]
        self.tgt_feats = [{f: c for f, c in fs.items() if f in weights} for fs in tgt_feats]
        # Features found on one side only still count as unmatched evidence.
        ws = [sum(c * (weights.get(f) or feature_weight(f) / math.sqrt(df_s[f])) for f, c in fs.items()
                  if f[0] != "k") for fs in src_feats]
        wt = [sum(c * (weights.get(f) or feature_weight(f) / math.sqrt(df_t[f])) for f, c in fs.items()
                  if f[0] != "k") for fs in tgt_feats]
        self.ws = np.concatenate([[0.0], np.cumsum(ws)]).tolist() if ws else [0.0]
        self.wt = np.concatenate([[0.0], np.cumsum(wt)]).tolist() if wt else [0.0]
        # The same for anchors only (numbers, figures, names): unlike word skeletons, a
        # translation keeps nearly all of them, so their absence on one side means something.
        self.src_anchors = [self._anchors(fs) for fs in src_feats]
        self.tgt_anchors = [self._anchors(fs) for fs in tgt_feats]
        self.src_keys = [self._match_keys(fs, an) for fs, an in zip(src_feats, self.src_anchors, strict=True)]
        self.tgt_keys = [self._match_keys(fs, an) for fs, an in zip(tgt_feats, self.tgt_anchors, strict=True)]
        ss = [sum(w for w, _ in an) for an in self.src_anchors]
        st = [sum(w for w, _ in an) for an in self.tgt_anchors]
        # A sentence's orphan cost before checking the other side: min(1, weight / evidence).
        self.src_orphan = [min(w / self.orphan_k, 1.0) for w in ss]
        self.tgt_orphan = [min(w / self.orphan_k, 1.0) for w in st]
        self._src_hits: dict[tuple[int, int], bool] = {}
        self._tgt_hits: dict[tuple[int, int], bool] = {}
        self.ss = np.concatenate([[0.0], np.cumsum(ss)]).tolist() if ss else [0.0]
        self.st = np.concatenate([[0.0], np.cumsum(st)]).tolist() if st else [0.0]
        self._overlap: dict[tuple[int, int], float] = {}
        self.src_vecs: dict[int, np.ndarray] = {}
        self.tgt_vecs: dict[int, np.ndarray] = {}
        self.cos_true = 0.88
        self.cos_random = 0.73

    def set_embeddings(self, src: dict[int, np.ndarray], tgt: dict[int, np.ndarray],
                       cos_true: float, cos_random: float) -> None:
        """Sentence vectors (L2-normalised) by index; beads fully covered get an embedding term."""
        self.src_vecs.update(src)
        self.tgt_vecs.update(tgt)
        self.cos_true, self.cos_random = cos_true, cos_random

    def overlap(self, p: int, q: int) -> float:
        key = (p, q)
        hit = self._overlap.get(key)
        if hit is not None:
            return hit
        fs, ft = self.src_feats[p], self.tgt_feats[q]
        if len(fs) > len(ft):
            fs, ft = ft, fs
        weights = self.weights
        total = 0.0
        for f, c in fs.items():
            d = ft.get(f)
            if d:
                total += (c if c < d else d) * weights[f]
        self._overlap[key] = total
        return total

    def orphan_term(self, i: int, j: int, a: int, b: int) -> float:
        """Anchor weight, on a side with several sentences, of sentences none of whose anchors
        (numbers, figures, names) the other side has; each capped at 1.

        The bead's Dice overlap is pooled over all its sentences, so a 2-1 bead can swallow a
        short sentence the translation left out: its unmatched name is diluted by its long
        neighbour's matches, and the pooled length fits. Only anchors count here because a
        translation keeps them; ordinary words of a real merge often share no skeleton.
        """
        out = 0.0
        # Plain loops rather than any(...): this runs for every merge bead the DP prices.
        if a > 1:
            for p in range(i - a, i):
                strength = self.src_orphan[p]
                if strength:
                    for q in range(j - b, j):
                        if self._src_hit(p, q):
                            break
                    else:
                        out += strength
        if b > 1:
            for q in range(j - b, j):
                strength = self.tgt_orphan[q]
                if strength:
                    for p in range(i - a, i):
                        if self._tgt_hit(p, q):
                            break
                    else:
                        out += strength
        return out

    def idle_term(self, i: int, j: int, a: int, b: int) -> float:
        """Evidence weight, on a side with several sentences, of sentences that share no
        feature at all with the other side (each capped at 1): the orphan test on every
        feature rather than on anchors only, so a stray sentence without numbers or names that
        sits beside a real pair does not ride along in a 1-2 or 2-1 bead."""
        out = 0.0
        if a > 1:
            for p in range(i - a, i):
                w = self.ws[p + 1] - self.ws[p]
                if w > 0.0 and not any(self.overlap(p, q) for q in range(j - b, j)):
                    out += min(w / self.earn_k, 1.0)
        if b > 1:
            for q in range(j - b, j):
                w = self.wt[q + 1] - self.wt[q]
                if w > 0.0 and not any(self.overlap(p, q) for p in range(i - a, i)):
                    out += min(w / self.earn_k, 1.0)
        return out

    def _src_hit(self, p: int, q: int) -> bool:
        """True when target sentence q has one of source sentence p's anchors (cached)."""
        key = (p, q)
        hit = self._src_hits.get(key)
        if hit is None:
            keys = self.tgt_keys[q]
            hit = any(not k.isdisjoint(keys) for _, k in self.src_anchors[p])
            self._src_hits[key] = hit
        return hit

    def _tgt_hit(self, p: int, q: int) -> bool:
        """True when source sentence p has one of target sentence q's anchors (cached)."""
        key = (p, q)
        hit = self._tgt_hits.get(key)
        if hit is None:
            keys = self.src_keys[p]
            hit = any(not k.isdisjoint(keys) for _, k in self.tgt_anchors[q])
            self._tgt_hits[key] = hit
        return hit

    def anchor_mismatch(self, i: int, j: int, a: int, b: int) -> float:
        """0..1: how strongly the bead's anchors (numbers, figures, names) disagree.

        1 when both sides carry at least `anchor_evidence` weight of anchors and none of them is
        found on the other side; 0 when one side has none or they all match. A name counts as
        found when one of its words shares a consonant-skeleton prefix with a word of the other
        side: names outside the glossary get script-specific keys (Ryan Gosling / uk Raian
        Hoslinh), and a name may be rendered as a common word (Sámi / saami).
        Translations keep figures and names, so a high value means misalignment or a badly
        broken translation.
        """
        if a == 0 or b == 0:
            return 0.0
        es = self.ss[i] - self.ss[i - a]
        et = self.st[j] - self.st[j - b]
        if es <= 0.0 or et <= 0.0:
            return 0.0
        src = [x for p in range(i - a, i) for x in self.src_anchors[p]]
        tgt = [x for q in range(j - b, j) for x in self.tgt_anchors[q]]
        keys_s = set().union(*(self.src_keys[p] for p in range(i - a, i)))
        keys_t = set().union(*(self.tgt_keys[q] for q in range(j - b, j)))
        shared = sum(w for w, k in src if k & keys_t) + sum(w for w, k in tgt if k & keys_s)
        dice = min(shared / (es + et), 1.0)
        return (1.0 - dice) * min(min(es, et) / self.anchor_k, 1.0)

    @staticmethod
    def _match_keys(feats: Counter[str], anchors: list[tuple[float, frozenset[str]]]) -> frozenset[str]:
        """Everything another sentence's anchor may match in this one: its anchor keys and
        the skeleton prefixes of all its words."""
        keys = {f for f in feats if f[0] == "k"}
        for _, k in anchors:
            keys.update(k)
        return frozenset(keys)

    def _anchors(self, feats: Counter[str]) -> list[tuple[float, frozenset[str]]]:
        """(weight, keys that count as a match) of each anchor feature of one sentence. Names
        weigh less than numbers and figures: the name extractor also picks up capitalised
        common words (Earth, Scientists) that a translation renders as ordinary words."""
        out = []
        for f, c in feats.items():
            if f[0] not in ANCHOR_KINDS:
                continue
            keys = {f}
            if f[0] == "n":
                words = f[2:].replace("_", " ").split()
                keys.update("k:" + sk[:self.prefix] for sk in map(skeleton, words) if len(sk) >= 2)
                out.append((c * self.anchor_name_weight, frozenset(keys)))
            else:
                out.append((c * self.anchor_figure_weight, frozenset(keys)))
        return out

    def embedding_term(self, i: int, j: int, a: int, b: int) -> float | None:
        """(cos_true - cos) / (cos_true - cos_random) of the bead's summed vectors (each sentence
        embedded once; a bead's vector is the sum of its sentences'), clipped to [0, emb_cap];
        None when a vector is missing."""
        vs, vt = self.src_vecs, self.tgt_vecs
        try:
            if a == 1 and b == 1:
                x, y = vs[i - 1], vt[j - 1]
                cos = float(np.dot(x, y))  # unit vectors
            else:
                x = sum(vs[p] for p in range(i - a, i))
                y = sum(vt[q] for q in range(j - b, j))
                nx, ny = float(np.linalg.norm(x)), float(np.linalg.norm(y))
                cos = float(np.dot(x, y)) / (nx * ny + 1e-9)
        except KeyError:
            return None
        spread = max(self.cos_true - self.cos_random, 1e-3)
        z = (self.cos_true - cos) / spread
        return min(max(z, 0.0), self.emb_cap)

    def cost(self, i: int, j: int, a: int, b: int, limit: float = INF, use_embedding: bool = False) -> float:
        """Cost of the bead (a, b) ending at cell (i, j); lower is better, never negative.

        Once the running total reaches `limit` the rest is skipped and that partial (lower)
        total returned: the DP passes the margin by which the bead would have to win.
        """
        if a == 0 or b == 0:
            return (self.skip_embedded if use_embedding else self.skip) * (a + b)
        ls = self.cs[i] - self.cs[i - a]
        lt = self.ct[j] - self.ct[j - b]
        c = self.c
        mean = (ls + lt / c) * 0.5
        delta = (lt - c * ls) / math.sqrt(self.s2 * (mean if mean > 1.0 else 1.0))
        half = delta * delta * 0.5
        total = self.w_len * (half if half < self.len_cap else self.len_cap) + self.penalty[(a, b)]
        if total >= limit:
            return total
        scale = (a + b) * 0.5
        if self.w_lex:
            evidence = self.ws[i] - self.ws[i - a] + self.wt[j] - self.wt[j - b]
            if evidence > 0.0:
                if a == 1 and b == 1:  # most beads the DP prices; 0.0 + x == x, so the same sum
                    ov = self.overlap(i - 1, j - 1)
                else:
                    ov = 0.0
                    for p in range(i - a, i):
                        for q in range(j - b, j):
                            ov += self.overlap(p, q)
                # Shared evidence up to the knee counts in full: a translation rarely shares
                # more than a third of its weighted features across scripts, chance pairs
                # almost never a seventh (FLORES), so the cost falls to zero at the knee.
                miss = 1.0 - 2.0 * ov / (evidence * self.lex_knee)
                if miss < 0.0:
                    miss = 0.0
                strength = evidence / self.lex_k
                if strength > 1.0:
                    strength = 1.0
                total += self.w_lex * miss * strength * scale
                if self.w_orphan and a + b > 2 and total < limit:
                    total += self.w_orphan * self.orphan_term(i, j, a, b)
                if self.w_earn and a + b > 2 and total < limit:
                    total += self.w_earn * self.idle_term(i, j, a, b)
        if use_embedding:
            z = self.embedding_term(i, j, a, b)
            if z is not None:
                total += self.w_emb * z * scale
        return total


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain strictly increasing in both coordinates (patience sorting, O(k log k))."""
    pairs = sorted(set(pairs), key=lambda p: (p[0], -p[1]))
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos > 0 else -1
    out: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def anchor_pairs(scorer: PairScorer, radius: float | None = None) -> list[tuple[int, int]]:
    """Monotone chain of (i, j) sentence pairs that share a non-punctuation feature found only
    once in each document, or only once on each side within `radius` sentences of where
    character lengths place it (long documents repeat names and numbers)."""
    n, m = scorer.n, scorer.m
    if radius is None:
        radius = max(20.0, 0.02 * max(n, m))
    where_s: dict[str, list[int]] = {}
    where_t: dict[str, list[int]] = {}
    for i, fs in enumerate(scorer.src_feats):
        for f in fs:
            if f[0] != "p" and scorer.df_s[f] <= MAX_ANCHOR_DF:
                where_s.setdefault(f, []).append(i)
    for j, ft in enumerate(scorer.tgt_feats):
        for f in ft:
            if f in where_s and scorer.df_t[f] <= MAX_ANCHOR_DF:
                where_t.setdefault(f, []).append(j)
    expected = first_path(scorer, [])  # length-proportional target boundary per source boundary
    votes: Counter[tuple[int, int]] = Counter()
    for f, tgt_pos in where_t.items():
        src_pos = where_s[f]
        if len(src_pos) == 1 and len(tgt_pos) == 1:
            votes[(src_pos[0], tgt_pos[0])] += 1
            continue
        for i in src_pos:
            near = [j for j in tgt_pos if abs(j - expected[i]) <= radius]
            if len(near) != 1:
                continue
            rivals = [k for k in src_pos if abs(near[0] - expected[k]) <= radius]
            if rivals == [i]:
                votes[(i, near[0])] += 1
    return _lis(list(votes))


def first_path(scorer: PairScorer, anchors: list[tuple[int, int]]) -> np.ndarray:
    """Expected target boundary for every source boundary 0..n (floats), through the anchors,
    interpolating by character position between them."""
    n, m = scorer.n, scorer.m
    knots = [(0, 0)]
    for i, j in anchors:
        knots.append((i, j))
        knots.append((i + 1, j + 1))
    knots.append((n, m))
    cs = np.asarray(scorer.cs, dtype=float)
    ct = np.asarray(scorer.ct, dtype=float)
    ks = np.asarray([cs[i] for i, _ in knots])
    kt = np.asarray([ct[j] for _, j in knots])
    # Source char offset -> expected target char offset, piecewise linear through the knots.
    order = np.argsort(ks, kind="stable")
    tchar = np.interp(cs, ks[order], kt[order])
    # Target char offset -> fractional target boundary.
    return np.interp(tchar, ct, np.arange(m + 1, dtype=float))


def band_from_path(center: np.ndarray, width: float | np.ndarray, m: int) -> tuple[list[int], list[int]]:
    """Per-row [lo, hi] target boundaries around a monotone centre line, monotone themselves;
    `width` is one half-width or one per row."""
    lo = np.clip(np.floor(center - width), 0, m).astype(int)
    hi = np.clip(np.ceil(center + width), 0, m).astype(int)
    lo = np.maximum.accumulate(lo)
    hi = np.maximum.accumulate(hi)
    lo[0] = 0
    hi[-1] = m
    lo = np.minimum(lo, hi)
    # Each row must reach the next row's first cell, or a path can be cut off where the centre
    # jumps (one long sentence against many short ones) and no alignment comes out at all.
    hi[:-1] = np.maximum(hi[:-1], lo[1:])
    return lo.tolist(), hi.tolist()


def banded_dp(
    cost: Callable[[int, int, int, int, float], float],
    i0: int, i1: int, j0: int, j1: int,
    lo: list[int], hi: list[int],
    beads: Sequence[tuple[int, int]] = BEADS,
    line: Sequence[float] | None = None,
    tie: float = 0.0,
) -> list[tuple[int, int, int, int, float]]:
    """Cheapest bead path from (i0, j0) to (i1, j1) inside rows i0..i1, row r limited to
    target boundaries lo[r - i0]..hi[r - i0]. Returns beads as (s0, s1, t0, t1, cost).
    `cost(i, j, a, b, limit)` may stop early and return any value >= limit once the bead
    cannot beat the best so far (limit is the margin it would have to beat).
    With `line` (a target boundary per source boundary), every bead ending at (i, j) also pays
    `tie * |j - line[i]|`: added here, once per cell, rather than in a wrapper around `cost`
    called for every bead (the DP's hottest call)."""
    rows = i1 - i0 + 1
    back: list[list[int]] = []
    costs: list[list[float]] = []
    dp: list[list[float]] = []
    for r in range(rows):
        i = i0 + r
        lo_r, hi_r = lo[r], hi[r]
        width = hi_r - lo_r + 1
        row = [INF] * width
        brow = [-1] * width
        crow = [0.0] * width
        for j in range(lo_r, hi_r + 1):
            col = j - lo_r
            if r == 0 and j == j0:
                row[col] = 0.0
                continue
            best = INF
            best_k = -1
            best_c = 0.0
            extra = tie * abs(j - line[i]) if line is not None else 0.0
            for k, (a, b) in enumerate(beads):
                if a > r or j - b < j0:
                    continue
                pj = j - b
                if a == 0:
                    if pj < lo_r:
                        continue
                    prev = row[pj - lo_r]
                else:
                    pr = r - a
                    plo = lo[pr]
                    if pj < plo or pj > hi[pr]:
                        continue
                    prev = dp[pr][pj - plo]
                if prev >= best:
                    continue  # costs are never negative, so this bead cannot win
                margin = best - prev
                c = cost(i, j, a, b, margin) + extra
                if c < margin:  # the same comparison cost() stopped on, so no rounding slip
                    best, best_k, best_c = prev + c, k, c
            row[col] = best
            brow[col] = best_k
            crow[col] = best_c
        dp.append(row)
        back.append(brow)
        costs.append(crow)
        # Rows older than the longest bead are no longer read; free them to bound memory.
        if r >= 4:
            dp[r - 4] = []
    out: list[tuple[int, int, int, int, float]] = []
    r, j = rows - 1, j1
    if not (lo[r] <= j <= hi[r]) or back[r][j - lo[r]] < 0 and (r, j) != (0, j0):
        raise RuntimeError("alignment band does not reach the end cell")
    while (r, j) != (0, j0):
        col = j - lo[r]
        k = back[r][col]
        if k < 0:
            raise RuntimeError("alignment band is disconnected")
        a, b = beads[k]
        out.append((i0 + r - a, i0 + r, j - b, j, costs[r][col]))
        r, j = r - a, j - b
    return out[::-1]


def path_center(path: list[tuple[int, int, int, int, float]], n: int) -> np.ndarray:
    """Target boundary for every source boundary 0..n along a bead path (for re-centring a band)."""
    xs = [0] + [s1 for _, s1, _, _, _ in path]
    ys = [0] + [t1 for _, _, _, t1, _ in path]
    # Several beads can end on one source boundary (0-1 beads); keep the last target boundary.
    last: dict[int, int] = {}
    for x, y in zip(xs, ys, strict=True):
        last[x] = y
    keys = sorted(last)
    return np.interp(np.arange(n + 1, dtype=float), keys, [last[k] for k in keys])


def edge_rows(path: list[tuple[int, int, int, int, float]], lo: list[int], hi: list[int], m: int) -> list[int]:
    """Source boundaries where the path runs along a band edge that is not the document edge."""
    return [s1 for _, s1, _, t1, _ in path
            if (t1 == lo[s1] and lo[s1] > 0) or (t1 == hi[s1] and hi[s1] < m)]


def touches_edge(path: list[tuple[int, int, int, int, float]], lo: list[int], hi: list[int], m: int) -> bool:
    """True when the path runs along a band edge that is not the document edge."""
    return bool(edge_rows(path, lo, hi, m))
