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
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

import numpy as np

from align.alignment.features import feature_weight, idle_cores, params, skeleton
from align.alignment.forked import split_map

ANCHOR_KINDS = frozenset("#fn")  # feature kinds that are numbers, figures or names
MAX_ANCHOR_DF = 50  # features this frequent are too common to anchor anything
BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3))
INF = float("inf")
INNER_EDGE = 10  # characters an inner sentence end keeps from either edge of its sentence
INNER_ENDS = 3  # inner sentence ends kept per sentence (the first few: merges join 2-3 sentences)
# A sentence end inside a unit: closing mark, optional closing quote or bracket, a space, then a
# letter (inner_ends keeps those before a capital: "U.N. also" is an abbreviation).
_INNER_END = re.compile(r"[.!?\u2026][\"'\u00bb\u201d\u2019)]*\s+(?=[\"'\u00ab\u201c(]*[^\W\d_])")


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


class _Entries:
    """(sentence, key id, count) rows of one side, sorted by key then sentence, so that the
    sentences holding a key inside a window of positions are one searchsorted away."""

    def __init__(self, pos: np.ndarray, key: np.ndarray, count: np.ndarray, size: int) -> None:
        """Rows as three int arrays in sentence order (a sentence's rows in the order its
        features come: the pair tables add up a cell's shared weight in that order)."""
        self.size = size
        # A sentence holds a key once, so the sort keys are all different: any sort gives the
        # order by key then sentence (one int64 sort, a tenth of a two-key lexsort's time).
        sort_key = key * (size + 1) + pos
        order = np.argsort(sort_key)
        self.pos = pos[order]
        self.key = key[order]
        self.count = count[order]
        self.sort_key = sort_key[order]
        self.by_pos = np.stack([pos, key, count], axis=1)  # to slice a range of sentences

    @classmethod
    def of(cls, groups: Sequence[frozenset[str]], ids: dict[str, int], size: int) -> _Entries:
        """Rows of each sentence's set of keys as ids, each counted once."""
        lens = [len(g) for g in groups]
        total = sum(lens)
        pos = np.repeat(np.arange(len(groups), dtype=np.int64), lens)
        key = np.fromiter(map(ids.__getitem__, chain.from_iterable(groups)), np.int64, total)
        return cls(pos, key, np.ones(total, np.int64), size)

    def rows_of(self, p0: int, p1: int) -> np.ndarray:
        col = self.by_pos[:, 0]
        return self.by_pos[np.searchsorted(col, p0):np.searchsorted(col, p1)]


def _window_join(rows: np.ndarray, other: _Entries, qlo: np.ndarray, p0: int, width: int
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (row of `rows`, index into `other`) sharing a key, the other side's position
    inside [qlo[p - p0], qlo[p - p0] + width) for the row's sentence p."""
    if not len(rows) or not len(other.pos):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    base = rows[:, 1] * (other.size + 1)
    window = qlo[rows[:, 0] - p0]
    start = np.searchsorted(other.sort_key, base + window)
    # Capped at the key's own range: past it the sort keys belong to the next key.
    stop = np.searchsorted(other.sort_key, base + np.minimum(window + width, other.size))
    counts = stop - start
    total = int(counts.sum())
    if not total:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    left = np.repeat(np.arange(len(rows)), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return left, np.repeat(start, counts) + within


@dataclass
class _PairTables:
    """What a block of beads reads about its sentence pairs: for source sentences p0..p0+P-1
    and target sentences qlo[p]..qlo[p]+W-1, the weighted feature overlap, whether p's anchors
    are found in q and q's in p, and the dot product of their vectors."""

    p0: int
    qlo: np.ndarray
    overlap: np.ndarray
    src_hit: np.ndarray
    tgt_hit: np.ndarray
    dot: np.ndarray | None
    dice: np.ndarray | None = None  # the weighted Dice overlap of each pair (PairScorer._dice)
    # Where each pair of sentence arrays lies in the tables (all of one shape), by the arrays'
    # ids: a bead shape reads its pairs in several tables. The arrays are kept with it, so an
    # id stays theirs; forget() drops them between bead shapes, but for the pairs of the
    # shared sentence arrays (bead_sentences), kept in _lasting with what was gathered for them.
    _cells: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False)
    _lasting: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False)
    _gathered: dict[tuple[int, int, int], np.ndarray] = field(default_factory=dict, repr=False)
    _back: dict[tuple[bool, int], tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False)
    _back_ids: set[int] = field(default_factory=set, repr=False)

    def bead_sentences(self, i: np.ndarray, j: np.ndarray, a: int, b: int, n: int, m: int
                       ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """The source sentences i-a..i-1 (as columns) and target sentences j-b..j-1 of the bead
        (a, b) ending at each cell (i, j), one array per distance back, clipped into the
        documents: every bead shape of the block gets the same arrays, so what the tables hold
        for a pair of them is looked up once (a 1-1 and a 2-1 both read the pair just before
        the cell). A bead that would start before a document's first sentence reads some
        other sentence there: its cells are never taken (see banded_dp's moves)."""
        return ([self._back_array(True, i, k, n) for k in range(a, 0, -1)],
                [self._back_array(False, j, k, m) for k in range(b, 0, -1)])

    def _back_array(self, source: bool, cells: np.ndarray, k: int, size: int) -> np.ndarray:
        known = self._back.get((source, k))
        if known is not None and known[0] is cells:
            return known[1]
        back = np.minimum(np.maximum(cells - k, 0), size - 1)
        if source:
            back = back[:, None]
        if known is None:
            # Kept (with the cells it was made for) as long as the tables: its id stays its own.
            self._back[(source, k)] = (cells, back)
            self._back_ids.add(id(back))
        return back

    def gather(self, table: np.ndarray, p: np.ndarray, q: np.ndarray):
        """table's value for each pair (p, q) of sentence arrays, 0 outside the tables. The
        result may be shared: callers never write into it."""
        key = (id(table), id(p), id(q))
        known = self._gathered.get(key)
        if known is not None:
            return known
        inside, at = self._where(table.shape, p, q)
        out = np.where(inside, table.ravel().take(at), table.dtype.type(0))
        if id(p) in self._back_ids and id(q) in self._back_ids:
            self._gathered[key] = out
        return out

    def _where(self, shape: tuple[int, ...], p: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(whether each pair lies in the tables, its flat index there or 0)."""
        key = (id(p), id(q))
        known = self._cells.get(key) or self._lasting.get(key)
        if known is not None and known[0] is p and known[1] is q:
            return known[2], known[3]
        height, width = shape
        rows = np.clip(p - self.p0, 0, height - 1)
        cols = np.asarray(q - self.qlo[rows], dtype=np.int64)
        # One unsigned comparison tests 0 <= col < width (a negative column wraps to a huge one).
        inside = (cols.view(np.uint64) < width) & ((p >= self.p0) & (p < self.p0 + height))
        at = np.where(inside, rows * width + cols, 0)
        lasting = id(p) in self._back_ids and id(q) in self._back_ids
        (self._lasting if lasting else self._cells)[key] = (p, q, inside, at)
        return inside, at

    def forget(self) -> None:
        self._cells.clear()


def _squared_norm(near: np.ndarray, members: list[np.ndarray]) -> np.ndarray:
    """|sum of the members' vectors|^2 from each sentence's dot products with its next two."""
    out = sum(near[p, 0] for p in members)
    for x, p in enumerate(members):
        for d in range(1, len(members) - x):
            out = out + 2.0 * near[p, d]
    return np.maximum(out, 0.0)


class PairScorer:
    """Cost of every bead between two sentence lists, from length, lexical anchors and embeddings.

    Beads are priced in blocks (`price`): numpy arrays over every cell and bead shape of a band
    of rows, from per-sentence numbers and a table of the sentence pairs the block reads."""

    def __init__(
        self,
        src_feats: Sequence[Counter[str]],
        tgt_feats: Sequence[Counter[str]],
        src_lens: Sequence[int],
        tgt_lens: Sequence[int],
        src_lang: str,
        tgt_lang: str,
        use_lexical: bool = True,
        texts: tuple[Sequence[str], Sequence[str]] | None = None,
    ) -> None:
        self.n, self.m = len(src_lens), len(tgt_lens)
        self.c, self.s2 = length_params(src_lang, tgt_lang)
        self._read_weights(params(), use_lexical)
        self.cs = np.concatenate([[0], np.cumsum(src_lens)]).astype(float)
        self.ct = np.concatenate([[0], np.cumsum(tgt_lens)]).astype(float)
        ws, wt = self._weigh(src_feats, tgt_feats)
        self.ws = np.concatenate([[0.0], np.cumsum(ws)])
        self.wt = np.concatenate([[0.0], np.cumsum(wt)])
        # The same for anchors only (numbers, figures, names): unlike word skeletons, a
        # translation keeps nearly all of them, so their absence on one side means something.
        self.src_anchors = self._anchors(self.n, self.df_s, self._src_flat)
        self.tgt_anchors = self._anchors(self.m, self.df_t, self._tgt_flat)
        self._match_keys()
        ss = [sum(w for w, _ in an) for an in self.src_anchors]
        st = [sum(w for w, _ in an) for an in self.tgt_anchors]
        # A sentence's orphan cost before checking the other side: min(1, weight / evidence).
        self.src_orphan = np.minimum(np.asarray(ss, float) / self.orphan_k, 1.0)
        self.tgt_orphan = np.minimum(np.asarray(st, float) / self.orphan_k, 1.0)
        self.src_lost, self.tgt_lost = self._lost_anchors()
        self.ss = np.concatenate([[0.0], np.cumsum(ss)]).tolist() if ss else [0.0]
        self.st = np.concatenate([[0.0], np.cumsum(st)]).tolist() if st else [0.0]
        self.sentence_ws, self.sentence_wt = np.diff(self.ws), np.diff(self.wt)
        self.src_len, self.tgt_len = np.diff(self.cs), np.diff(self.ct)
        self._index_entries()
        # A sentence's reachable evidence: the weight of its features the other document has
        # at all (a translation keeps them; features with no counterpart anywhere say nothing).
        self.src_reach, self.tgt_reach = (
            np.bincount(e.pos, e.count * self.feature_weights[e.key], size) if len(e.pos) else np.zeros(size)
            for e, size in ((self._src_features, self.n), (self._tgt_features, self.m)))
        # The unearned test's two factors that depend on the sentence alone (see _unearned).
        span = max(self.earn_hi - self.earn_lo, 1e-9)
        self.src_sure, self.tgt_sure = (np.clip((r - self.earn_lo) / span, 0.0, 1.0)
                                        for r in (self.src_reach, self.tgt_reach))
        self.src_inverse, self.tgt_inverse = (1.0 / (np.maximum(r, 1e-9) * self.earn_share)
                                              for r in (self.src_reach, self.tgt_reach))
        self.src_vecs: dict[int, np.ndarray] = {}
        self.tgt_vecs: dict[int, np.ndarray] = {}
        self._dense: tuple[np.ndarray, ...] | None = None
        self.src_ends, self.tgt_ends = (inner_ends(side) for side in texts) if texts else (None, None)
        self._per_bead: tuple[list[float], ...] | None = None
        self.cos_true = 0.88
        self.cos_random = 0.73

    def _lost_anchors(self) -> tuple[np.ndarray, np.ndarray]:
        """0..1 per sentence: its anchor weight (numbers, figures, names) that nothing in the whole
        other document matches, over lost_evidence. A translation keeps its figures and names
        somewhere; a sentence the other version left out, or a stray brought in from another
        text, keeps them nowhere (hard bench seeds 1-2, 6-7: 2 or more units lost for 4.5% of
        sentences in true beads, 31% of drops and 17% of strays on FLORES)."""
        everywhere_t = frozenset().union(*self.tgt_keys)
        everywhere_s = frozenset().union(*self.src_keys)
        k = max(self.lost_k, 1e-9)
        return tuple(np.asarray([min(sum(w for w, keys in an if keys.isdisjoint(other)) / k, 1.0) for an in side],
                                float)
                     for side, other in ((self.src_anchors, everywhere_t), (self.tgt_anchors, everywhere_s)))

    def _read_weights(self, top: dict, use_lexical: bool) -> None:
        """The cost weights and thresholds of align/alignment/params.toml ([cost])."""
        cfg = top["cost"]
        lexical = 1.0 if use_lexical else 0.0  # the terms that read shared features
        self.w_len = float(cfg["length"])
        self.len_cap = float(cfg["length_cap"])
        self.w_lex = float(cfg["lexical"]) * lexical
        self.lex_k = float(cfg["lexical_evidence"])
        self.lex_knee = float(cfg.get("lexical_knee", 1.0))
        self.w_emb = float(cfg["embedding"])
        self.emb_cap = float(cfg.get("embedding_cap", 1.5))
        self.skip = float(cfg["skip"])
        self.skip_embedded = float(cfg.get("skip_embedded", cfg["skip"]))
        self.w_orphan = float(cfg.get("orphan", 0.0)) * lexical
        self.w_orphan_recut = float(cfg.get("orphan_recut", cfg.get("orphan", 0.0))) * lexical
        self.orphan_k = float(cfg.get("orphan_evidence", 1.0))
        self.orphan_alone = float(cfg.get("orphan_alone", 1.0))
        self.w_earn = float(cfg.get("earn", 0.0)) * lexical
        self.w_earn_recut = float(cfg.get("earn_recut", cfg.get("earn", 0.0))) * lexical
        self.w_unrelated = float(cfg.get("unrelated", 0.0)) * lexical
        self.w_lost = float(cfg.get("lost", 0.0)) * lexical
        self.w_lost_embedded = float(cfg.get("lost_embedded", cfg.get("lost", 0.0))) * lexical
        self.lost_k = float(cfg.get("lost_evidence", 2.0))
        self.earn_share = float(cfg.get("earn_share", 0.2))
        self.earn_lo = float(cfg.get("earn_reach_low", 1.5))
        self.earn_hi = float(cfg.get("earn_reach_high", 5.0))
        self.w_rival = float(cfg.get("rival", 0.0)) * lexical
        self.w_rival_edge = float(cfg.get("rival_edge", 0.0)) * lexical
        self.rival_reach = int(cfg.get("rival_reach", 1))
        self.w_straight = float(cfg.get("straight", 0.0))
        self.straight_lo = float(cfg.get("straight_delta_low", 1.0))
        self.straight_hi = float(cfg.get("straight_delta_high", 3.5))
        self.straight_cross = float(cfg.get("straight_cross", 0.3))
        self.straight_shift = float(cfg.get("straight_shift", 0.75))
        self.w_inner = float(cfg.get("inner_end", 0.0))
        self.w_inner_pair = float(cfg.get("inner_end_pair", 0.0))
        self.inner_lo = float(cfg.get("inner_end_low", 1.5))
        self.inner_hi = float(cfg.get("inner_end_high", 3.0))
        self.w_recut = float(cfg.get("recut", 0.0))
        self.recut_low = float(cfg.get("recut_gain_low", 0.17))
        self.recut_high = float(cfg.get("recut_gain_high", 0.3))

        def shapes(table: dict) -> dict[tuple[int, int], float]:
            return {tuple(int(x) for x in k.split("-")): float(v) for k, v in table.items()}

        self.penalty = shapes(cfg["bead"])
        self.penalty_embedded = {**self.penalty, **shapes(cfg.get("bead_embedded", {}))}
        conf = top["confidence"]
        self.anchor_k = float(conf.get("anchor_evidence", 4.0))
        self.anchor_name_weight = float(conf.get("anchor_name", 1.0))
        self.anchor_figure_weight = float(conf.get("anchor_figure", 2.0))
        self.prefix = int(top["features"]["prefix_consonants"])

    def _weigh(self, src_feats: Sequence[Counter[str]], tgt_feats: Sequence[Counter[str]]
               ) -> tuple[list[float], list[float]]:
        """Feature weights damped by document frequency (a feature repeated in many sentences
        says little about which of them pair up), each sentence's features kept to those both
        sides have, and each sentence's evidence (its features' total weight, unmatched ones
        included)."""
        # Each sentence names a feature once: counting the keys gives document frequencies.
        df_s: Counter[str] = Counter(chain.from_iterable(src_feats))
        df_t: Counter[str] = Counter(chain.from_iterable(tgt_feats))
        self.df_s, self.df_t = df_s, df_t
        weights: dict[str, float] = {}
        for feat in set(df_s) & set(df_t):
            if feat[0] == "k":
                continue
            weights[feat] = feature_weight(feat) / math.sqrt(max(df_s[feat], df_t[feat]))
        self.weights = weights
        # Feature -> its place in df_s / df_t: the ids of the flat rows.
        self._src_vocab, self._tgt_vocab = ({f: x for x, f in enumerate(df)} for df in (df_s, df_t))
        self._src_flat, self._tgt_flat = _flatten(src_feats, self._src_vocab), _flatten(tgt_feats, self._tgt_vocab)
        return (_evidence(self._src_flat, df_s, weights, len(src_feats)),
                _evidence(self._tgt_flat, df_t, weights, len(tgt_feats)))

    def _index_entries(self) -> None:
        """Integer rows of features, anchors and match keys, for the vectorised pair tables."""
        fid = {f: k for k, f in enumerate(self.weights)}
        self.feature_weights = np.fromiter(self.weights.values(), float, len(fid))
        # The rows of src_feats / tgt_feats: each side's features both sides have, in order.
        self._src_features, self._tgt_features = (
            _Entries(pos[keep], shared[ids[keep]], count[keep], size)
            for (pos, ids, count), df, size in ((self._src_flat, self.df_s, self.n), (self._tgt_flat, self.df_t, self.m))
            for shared in [np.fromiter((fid.get(f, -1) for f in df), np.int64, len(df))]
            for keep in [shared[ids] >= 0])
        src_union, tgt_union = self._anchor_unions
        src_any, tgt_any = self._anchor_any
        kid = {k: x for x, k in enumerate(src_any | tgt_any)}
        self._src_anchor_keys = _Entries.of(src_union, kid, self.n)
        self._tgt_anchor_keys = _Entries.of(tgt_union, kid, self.m)
        self._src_match = _Entries.of(self.src_keys, kid, self.n)
        self._tgt_match = _Entries.of(self.tgt_keys, kid, self.m)

    def set_embeddings(self, src: dict[int, np.ndarray], tgt: dict[int, np.ndarray],
                       cos_true: float, cos_random: float) -> None:
        """Sentence vectors (L2-normalised) by index; beads fully covered get an embedding term."""
        self.src_vecs.update(src)
        self.tgt_vecs.update(tgt)
        self.cos_true, self.cos_random = cos_true, cos_random
        self._dense = None

    def _vectors(self) -> tuple[np.ndarray, ...]:
        """Sentence vectors as dense float64 arrays with presence counts (cumulative, for "does
        the bead have every vector"), and each sentence's dot products with its next two."""
        if self._dense is None:
            some = next(iter(self.src_vecs.values()), None)
            if some is None:
                some = next(iter(self.tgt_vecs.values()))
            dim = len(some)

            def dense(vecs: dict[int, np.ndarray], size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
                out = np.zeros((size + 2, dim))
                has = np.zeros(size, bool)
                for k, v in vecs.items():
                    out[k] = v
                    has[k] = True
                near = np.stack([np.einsum("ij,ij->i", out[:size], out[d:size + d]) for d in range(3)], axis=1)
                return out[:size], np.concatenate([[0], np.cumsum(~has)]), near

            self._dense = (*dense(self.src_vecs, self.n), *dense(self.tgt_vecs, self.m))
        return self._dense

    def tables(self, p0: int, qlo: np.ndarray, width: int, use_embedding: bool) -> _PairTables:
        """Pair tables for source sentences p0.. (one row each) and targets qlo[row]..+width-1."""
        rows = len(qlo)
        overlap = np.zeros(rows * width)
        src_hit = np.zeros((rows, width), bool)
        tgt_hit = np.zeros((rows, width), bool)
        if self.w_lex:
            mine = self._src_features.rows_of(p0, p0 + rows)
            left, right = _window_join(mine, self._tgt_features, qlo, p0, width)
            if len(left):
                pr = mine[left, 0] - p0
                cells = pr * width + self._tgt_features.pos[right] - qlo[pr]
                shared = np.minimum(mine[left, 2], self._tgt_features.count[right])
                overlap = np.bincount(cells, shared * self.feature_weights[mine[left, 1]], rows * width)
            for hits, rows_of, other in ((src_hit, self._src_anchor_keys, self._tgt_match),
                                         (tgt_hit, self._src_match, self._tgt_anchor_keys)):
                mine = rows_of.rows_of(p0, p0 + rows)
                left, right = _window_join(mine, other, qlo, p0, width)
                pr = mine[left, 0] - p0
                hits[pr, other.pos[right] - qlo[pr]] = True
        dot = None
        if use_embedding and (self.src_vecs or self.tgt_vecs):
            vs, _, _, vt, _, _ = self._vectors()
            p = np.minimum(np.arange(p0, p0 + rows), self.n - 1)
            q = np.clip(qlo[:, None] + np.arange(width)[None, :], 0, self.m - 1)
            dot = np.einsum("pd,pwd->pw", vs[p], vt[q])
        overlap = overlap.reshape(rows, width)
        dice = None
        if self.w_lex and (self.w_rival or self.w_rival_edge):
            # The rival tests read the Dice overlap of many pairs, some several times: once here.
            q = np.minimum(qlo[:, None] + np.arange(width)[None, :], self.m - 1)
            evidence = self.sentence_ws[p0:p0 + rows, None] + self.sentence_wt[q]
            dice = np.where(evidence > 0.0, 2.0 * overlap / np.where(evidence > 0.0, evidence, 1.0), 0.0)
        return _PairTables(p0, qlo, overlap, src_hit, tgt_hit, dot, dice)

    def price(self, i: np.ndarray, j: np.ndarray, beads: Sequence[tuple[int, int]],
              use_embedding: bool = False) -> np.ndarray:
        """Cost of each bead shape ending at every cell (i[r], j[r, c]): an array
        (len(beads), rows, columns); lower is better, never negative. Cells where a bead would
        start before the document's first sentence hold meaningless values."""
        i, j, tables = self._block(i, j, beads, use_embedding)
        return np.stack([self._bead_cost(i, j, a, b, tables, use_embedding) for a, b in beads])

    def _block(self, i: np.ndarray, j: np.ndarray, beads: Sequence[tuple[int, int]], use_embedding: bool
               ) -> tuple[np.ndarray, np.ndarray, _PairTables]:
        """The cells as int arrays within the grid, and the pair table their beads read: the
        source sentences the rows reach back to, each with the targets its rows read."""
        i = np.clip(np.asarray(i, dtype=np.int64), 0, self.n)
        j = np.clip(np.asarray(j, dtype=np.int64).reshape(len(i), -1), 0, self.m)
        deepest = max(max(a for a, _ in beads), 1)
        widest = max(max(b for _, b in beads), 1)
        # The rival test reads the pairs up to `reach` sentences away on either side as well.
        reach = self.rival_reach if self.w_rival or self.w_rival_edge else 0
        p0 = min(max(int(i.min()) - deepest - reach, 0), self.n - 1)
        p1 = min(max(int(i.max()) + reach, p0 + 1), self.n)
        qlo = np.full(p1 - p0, self.m, dtype=np.int64)
        qhi = np.zeros(p1 - p0, dtype=np.int64)
        low = np.maximum(j.min(axis=1) - widest - reach, 0)
        high = np.minimum(j.max(axis=1) + reach, self.m)
        for d in range(1 - reach, deepest + 1 + reach):
            p = np.clip(i - d, p0, p1 - 1) - p0
            np.minimum.at(qlo, p, low)
            np.maximum.at(qhi, p, high)
        qlo = np.minimum(qlo, qhi)
        return i, j, self.tables(p0, qlo, max(int((qhi - qlo).max()), 1), use_embedding)

    def cost(self, i: int, j: int, a: int, b: int, use_embedding: bool = False) -> float:
        """Cost of one bead (a, b) ending at cell (i, j) (see `price`)."""
        return float(self.price(np.asarray([i]), np.asarray([[j]]), ((a, b),), use_embedding)[0, 0, 0])

    def terms(self, i: int, j: int, a: int, b: int, use_embedding: bool = False) -> dict[str, float]:
        """The weighted terms of one bead's cost by name (their sum is `cost`), for tests and reports."""
        out: dict[str, float] = {}
        ii, jj, tables = self._block(np.asarray([i]), np.asarray([[j]]), ((a, b),), use_embedding)
        self._bead_cost(ii, jj, a, b, tables, use_embedding, out)
        return out

    def _bead_cost(self, i: np.ndarray, j: np.ndarray, a: int, b: int, tables: _PairTables,
                   use_embedding: bool, terms: dict[str, float] | None = None) -> np.ndarray:
        if a == 0 or b == 0:
            return np.full(j.shape, (self.skip_embedded if use_embedding else self.skip) * (a + b))
        tables.forget()
        ia = np.maximum(i - a, 0)
        jb = np.maximum(j - b, 0)
        ls = (self.cs[i] - self.cs[ia])[:, None]
        lt = self.ct[j] - self.ct[jb]
        c = self.c
        mean = (ls + lt / c) * 0.5
        delta = (lt - c * ls) / np.sqrt(self.s2 * np.maximum(mean, 1.0))
        embedded = use_embedding and tables.dot is not None
        prior = (self.penalty_embedded if embedded else self.penalty)[(a, b)]
        total = self.w_len * np.minimum(delta * delta * 0.5, self.len_cap) + prior
        if terms is not None:
            terms["length+prior"] = float(total.ravel()[0])
        srcs, tgts = tables.bead_sentences(i, j, a, b, self.n, self.m)
        if self.w_lex:
            evidence = (self.ws[i] - self.ws[ia])[:, None] + self.wt[j] - self.wt[jb]
            has = evidence > 0.0
            for name, part in self._lexical_parts(srcs, tgts, np.where(has, evidence, 1.0), tables, embedded):
                total = np.where(has, total + part, total)
                if terms is not None:
                    terms[name] = float(np.where(has, part, 0.0).ravel()[0])
        if self.w_inner and self.src_ends is not None and min(a, b) == 1 < max(a, b):
            part = self.w_inner * self._inner_end(srcs, tgts, a == 1)
            total = total + part
            if terms is not None:
                terms["inner"] = float(part.ravel()[0])
        if self.w_inner_pair and self.src_ends is not None and a == b:
            part = self.w_inner_pair * np.maximum(self._inner_end(srcs, tgts, True), self._inner_end(srcs, tgts, False))
            total = total + part
            if terms is not None:
                terms["inner"] = float(part.ravel()[0])
        if a == 2 and b == 2 and self.w_straight and not embedded:  # with vectors: the recut term
            part = self.w_straight * self._straight(srcs, tgts, tables)
            total = total + part
            if terms is not None:
                terms["straight"] = float(part.ravel()[0])
        if embedded:
            part, recut_cost = self._embedding(i, j, a, b, srcs, tgts, tables)
            part = part * ((a + b) * 0.5)
            total = total + part
            if terms is not None:
                terms["embedding"] = float(part.ravel()[0])
            if recut_cost is not None:
                total = total + recut_cost
                if terms is not None:
                    terms["recut"] = float(recut_cost.ravel()[0])
        return total

    def _lexical_parts(self, srcs: list[np.ndarray], tgts: list[np.ndarray], evidence: np.ndarray,
                       tables: _PairTables, embedded: bool) -> list[tuple[str, np.ndarray]]:
        """The weighted terms of a bead that read shared features, by name."""
        a, b = len(srcs), len(tgts)
        ov = [[tables.gather(tables.overlap, p, q) for q in tgts] for p in srcs]
        shared = sum(x for row in ov for x in row)
        # Shared evidence up to the knee counts in full: a translation rarely shares more
        # than a third of its weighted features across scripts, chance pairs almost never
        # a seventh (FLORES), so the cost falls to zero at the knee.
        miss = np.maximum(1.0 - 2.0 * shared / (evidence * self.lex_knee), 0.0)
        strength = np.minimum(evidence / self.lex_k, 1.0)
        parts = [("lexical", self.w_lex * miss * strength * ((a + b) * 0.5))]
        if self.w_rival and a == 1 and b == 1:
            parts.append(("rival", self.w_rival * self._rival(srcs[0], tgts[0], tables)))
        w_lost = self.w_lost_embedded if embedded else self.w_lost
        if w_lost:
            # Once per bead, the worst sentence: a true pair's name rendered past matching loses
            # its anchors on both sides at once, and a bead that gathers two such sentences
            # (a 2-2 over two pairs) should pay no less than the 1-1 beads it replaces.
            worst = self.src_lost[srcs[0]]
            for lost in [self.src_lost[p] for p in srcs[1:]] + [self.tgt_lost[q] for q in tgts]:
                worst = np.maximum(worst, lost)
            parts.append(("lost", w_lost * worst))
        recut = a > 1 and b > 1
        w_many = self.w_earn_recut if recut else self.w_earn
        # With vectors the embedding term judges whether a pair is related; without them every
        # sentence of a bead must earn its place, a lone one as much as one among several.
        w_lone = 0.0 if embedded else self.w_unrelated
        if w_lone or (a + b > 2 and w_many):
            src_u, tgt_u = self._unearned(srcs, tgts, ov)
            if w_lone:
                parts.append(("unrelated", w_lone * (sum(src_u) + sum(tgt_u))))
            if a + b > 2 and w_many:
                parts.append(("idle", w_many * ((sum(src_u) if a > 1 else 0.0) + (sum(tgt_u) if b > 1 else 0.0))))
        if a + b > 2:
            parts.append(("orphan", (self.w_orphan_recut if recut else self.w_orphan)
                          * self._orphans(srcs, tgts, tables)))
            if self.w_rival_edge:
                parts.append(("edge", self.w_rival_edge * self._edge_rival(srcs, tgts, ov, tables)))
        return parts

    def _dice(self, pp: np.ndarray, qq: np.ndarray, tables: _PairTables) -> np.ndarray:
        """Weighted Dice overlap of source sentences pp with target sentences qq (0 outside)."""
        if tables.dice is not None:
            # Pairs outside the table read 0, as do its cells past the document's end (no overlap).
            return tables.gather(tables.dice, pp, qq)
        ok = (pp >= 0) & (pp < self.n) & (qq >= 0) & (qq < self.m)
        pc, qc = np.clip(pp, 0, self.n - 1), np.clip(qq, 0, self.m - 1)
        evidence = self.sentence_ws[pc] + self.sentence_wt[qc]
        ov = tables.gather(tables.overlap, pc, qc)
        return np.where(ok & (evidence > 0.0), 2.0 * ov / np.where(evidence > 0.0, evidence, 1.0), 0.0)

    def _rival(self, p: np.ndarray, q: np.ndarray, tables: _PairTables) -> np.ndarray:
        """0..1: how much better a neighbour of either sentence (up to rival_reach sentences
        away) shares features with it than the pair does, in Dice over the knee: a 1-1 bead
        whose source sentence plainly renders the next target is a shifted pair, whatever its
        own (weak) overlap says."""
        own = self._dice(p, q, tables)
        rival = np.zeros(np.broadcast_shapes(p.shape, q.shape))
        for d in range(1, self.rival_reach + 1):
            for pp, qq in ((p, q - d), (p, q + d), (p - d, q), (p + d, q)):
                rival = np.maximum(rival, self._dice(pp, qq, tables))
        return np.clip((rival - own) / self.lex_knee, 0.0, 1.0)

    def _edge_rival(self, srcs: list[np.ndarray], tgts: list[np.ndarray], ov: list[list[np.ndarray]],
                    tables: _PairTables) -> np.ndarray:
        """The rival test for the edge pieces of a merge bead: its first (last) sentence on a
        side with several against the other side's sentence just before (after) the bead. A
        short piece a split or re-cut leaves belongs with the neighbour it renders."""
        def own(x: int, y: int) -> np.ndarray:  # Dice of the bead's own pair, from its overlap
            if tables.dice is not None:
                return tables.gather(tables.dice, srcs[x], tgts[y])
            evidence = self.sentence_ws[srcs[x]] + self.sentence_wt[tgts[y]]
            return np.where(evidence > 0.0, 2.0 * ov[x][y] / np.where(evidence > 0.0, evidence, 1.0), 0.0)

        a, b = len(srcs), len(tgts)
        out = np.zeros(ov[0][0].shape)
        if b > 1:
            for y, outside in ((0, srcs[0] - 1), (b - 1, srcs[-1] + 1)):
                best = np.maximum.reduce([own(x, y) for x in range(a)])
                out = out + np.clip((self._dice(outside, tgts[y], tables) - best) / self.lex_knee, 0.0, 1.0)
        if a > 1:
            for x, outside in ((0, tgts[0] - 1), (a - 1, tgts[-1] + 1)):
                best = np.maximum.reduce([own(x, y) for y in range(b)])
                out = out + np.clip((self._dice(srcs[x], outside, tables) - best) / self.lex_knee, 0.0, 1.0)
        return out

    def _delta(self, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """The length model's standard score of source sentence p against target q."""
        ls, lt = self.src_len[p], self.tgt_len[q]
        return (lt - self.c * ls) / np.sqrt(self.s2 * np.maximum((ls + lt / self.c) * 0.5, 1.0))

    def _straight(self, srcs: list[np.ndarray], tgts: list[np.ndarray], tables: _PairTables) -> np.ndarray:
        """0..1: how plainly a 2-2 bead is two 1-1 beads. A re-cut pair moves a clause across
        the sentence boundary, so its straight pairs (first with first, second with second) miss
        the length model in opposite directions and a first sentence shares features with the
        second target (or the second with the first); two neighbouring 1-1 pairs show neither
        (hard bench seeds 1-2: 93% of re-cuts show one fully, 57% of 1-1 neighbours neither)."""
        d1 = self._delta(srcs[0], tgts[0])
        d2 = self._delta(srcs[1], tgts[1])
        best = 0.0
        # The first sentence's tail opens the second target (first target short, second long,
        # the first source shares with the second target), or the mirror: the second's head
        # closes the first target.
        for way, (p, q) in ((1.0, (srcs[0], tgts[1])), (-1.0, (srcs[1], tgts[0]))):
            reach = np.maximum(np.minimum(self.src_reach[p], self.tgt_reach[q]), 1e-9)
            cross = np.minimum(tables.gather(tables.overlap, p, q) / reach / self.straight_cross, 1.0)
            apart = np.maximum(np.minimum(-way * d1, way * d2), 0.0)
            best = np.maximum(best, apart + self.straight_shift * cross)
        return 1.0 - np.clip((best - self.straight_lo) / (self.straight_hi - self.straight_lo), 0.0, 1.0)

    def _inner_end(self, srcs: list[np.ndarray], tgts: list[np.ndarray], own_is_src: bool) -> np.ndarray:
        """0..1: how far the inner sentence ends of one side of a bead (full stops inside its
        sentences) fall from the nearest place where a sentence ends on the other side (the
        boundaries between its sentences and their own inner ends), by the length model's score
        of the piece before them; 0 where the side has none. A merged unit that kept its full
        stops says where its parts end; a merge that took the wrong neighbour (a dropped
        sentence beside a merge joined to it) puts its boundary elsewhere, and a unit holding
        two sentences paired with one sentence is a merge taken for a pair. No inner end, no
        cost: translators often join with commas."""
        own, other = (srcs, tgts) if own_is_src else (tgts, srcs)
        ends_own, ends_other = (self.src_ends, self.tgt_ends) if own_is_src else (self.tgt_ends, self.src_ends)
        shape = np.broadcast_shapes(srcs[0].shape, tgts[0].shape)
        # A sentence's ends fill its row from the first column, so that column tells whether it has any.
        has_end = np.zeros(shape, bool)
        for k in own:
            has_end = has_end | ~np.isnan(ends_own[k, 0])
        out = np.zeros(shape)
        if len(other) == 1 and has_end.any():
            # A lone sentence offers a place only at inner ends of its own, which most have not:
            # there the nearest place is infinitely far, and the bead pays what that costs.
            placed = ~np.isnan(ends_other[other[0], 0])
            out = np.where(has_end & ~placed, self._inner_end_cost(np.inf), 0.0)
            has_end = has_end & placed
        if has_end.any():
            # Few sentences have inner ends: the cells of beads holding one are scored apart.
            at = np.nonzero(has_end)
            out[at] = self._inner_end_at([np.broadcast_to(k, shape)[at] for k in own],
                                         [np.broadcast_to(k, shape)[at] for k in other], own_is_src)
        return out

    def _inner_end_at(self, own: list[np.ndarray], other: list[np.ndarray], own_is_src: bool) -> np.ndarray:
        """_inner_end of beads whose `own` side (sentence arrays of one shape) has an inner end."""
        ends_own, ends_other = (self.src_ends, self.tgt_ends) if own_is_src else (self.tgt_ends, self.src_ends)
        own_len, other_len = (self.src_len, self.tgt_len) if own_is_src else (self.tgt_len, self.src_len)
        shape = own[0].shape
        places, before = [], np.zeros(shape)
        for d, k in enumerate(other):
            places += [before + ends_other[k, x] for x in range(INNER_ENDS)]
            before = before + other_len[k]
            if d < len(other) - 1:
                places.append(before)
        # An end no sentence has (NaN everywhere) changes no minimum (fmin): most have one at most.
        places = [place for place in places if not np.isnan(place).all()]
        best, before = np.full(shape, np.inf), np.zeros(shape)
        for k in own:
            for x in range(INNER_ENDS):
                piece = before + ends_own[k, x]
                if np.isnan(piece).all():
                    continue
                for place in places:
                    ls, lt = (piece, place) if own_is_src else (place, piece)
                    delta = np.abs(lt - self.c * ls) / np.sqrt(self.s2 * np.maximum((ls + lt / self.c) * 0.5, 1.0))
                    best = np.fmin(best, delta)
            before = before + own_len[k]
        return self._inner_end_cost(best)

    def _inner_end_cost(self, delta):
        """0..1 from the length score of the inner end farthest from any place (see _inner_end)."""
        return np.clip((delta - self.inner_lo) / (self.inner_hi - self.inner_lo), 0.0, 1.0)

    def _orphans(self, srcs: list[np.ndarray], tgts: list[np.ndarray], tables: _PairTables) -> np.ndarray:
        """Anchor weight, on a side with several sentences, of sentences none of whose anchors
        (numbers, figures, names) the other side has; each capped at 1, and scaled by
        orphan_alone unless another sentence of that side has an anchor found.

        The bead's Dice overlap is pooled over all its sentences, so a 2-1 bead can swallow a
        short sentence the translation left out: its unmatched name is diluted by its long
        neighbour's matches, and the pooled length fits. Only anchors count here because a
        translation keeps them; ordinary words of a real merge often share no skeleton.
        """
        out = np.zeros(np.broadcast_shapes(srcs[0].shape, tgts[0].shape))
        for side, orphan, hits in ((srcs, self.src_orphan, [[tables.gather(tables.src_hit, p, q) for q in tgts]
                                                            for p in srcs]),
                                   (tgts, self.tgt_orphan, [[tables.gather(tables.tgt_hit, p, q) for p in srcs]
                                                            for q in tgts])):
            if len(side) < 2:
                continue
            found = [np.logical_or.reduce(row) for row in hits]
            for x, k in enumerate(side):
                lost = np.where(found[x], 0.0, orphan[k])
                # In full only beside a sentence whose anchors are found: where none are, the
                # names are more likely translated past matching (Hebrew / evreiski) than dropped.
                beside = np.logical_or.reduce([f for y, f in enumerate(found) if y != x])
                out = out + np.where(beside, lost, lost * self.orphan_alone)
        return out

    def _unearned(self, srcs: list[np.ndarray], tgts: list[np.ndarray], ov: list[list[np.ndarray]]
                  ) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """0..1 per sentence of a bead (source sentences, target sentences): how surely it does
        not belong there. A sentence with reachable evidence (features the other document has)
        that the other side of the bead holds little of is a stray or a drop riding along: on
        the hard bench (seeds 1-2), a sentence of a true bead with 3-4 units of reachable
        evidence shares under a fifth of it in 7% of cases, a neighbour that does not belong in
        98%. Below earn_reach_low units the test says nothing; it is sure from earn_reach_high."""
        def doubt(sure: np.ndarray, inverse: np.ndarray, shared) -> np.ndarray:
            return np.clip(1.0 - shared * inverse, 0.0, 1.0) * sure

        src_u = [doubt(self.src_sure[p], self.src_inverse[p], sum(ov[x])) for x, p in enumerate(srcs)]
        tgt_u = [doubt(self.tgt_sure[q], self.tgt_inverse[q], sum(row[y] for row in ov)) for y, q in enumerate(tgts)]
        return src_u, tgt_u

    def _embedding(self, i: np.ndarray, j: np.ndarray, a: int, b: int, srcs: list[np.ndarray],
                   tgts: list[np.ndarray], tables: _PairTables) -> tuple[np.ndarray, np.ndarray | None]:
        """w_emb * (cos_true - cos) / (cos_true - cos_random) of the bead's summed vectors (each
        sentence embedded once; a bead's vector is the sum of its sentences'), clipped to
        [0, emb_cap]; 0 where a vector is missing."""
        _, miss_s, near_s, _, miss_t, near_t = self._vectors()
        ia, jb = i - a, j - b
        complete = ((miss_s[i] - miss_s[np.maximum(ia, 0)])[:, None] == 0) & (miss_t[j] - miss_t[np.maximum(jb, 0)] == 0)
        xy = sum(tables.gather(tables.dot, p, q) for p in srcs for q in tgts)
        if a == 1 and b == 1:
            cos = xy  # unit vectors
        else:
            cos = xy / (np.sqrt(_squared_norm(near_s, srcs)) * np.sqrt(_squared_norm(near_t, tgts)) + 1e-9)
        spread = max(self.cos_true - self.cos_random, 1e-3)
        z = np.clip((self.cos_true - cos) / spread, 0.0, self.emb_cap)
        recut = None
        if a == 2 and b == 2 and self.w_recut:
            # A re-cut pair (the first sentence's tail opens the second target) matches far
            # better joined than straight, first with first and second with second; two good
            # 1-1 beads gain little from joining (summed vectors only average out noise).
            straight = (tables.gather(tables.dot, srcs[0], tgts[0]) + tables.gather(tables.dot, srcs[1], tgts[1])) * 0.5
            gain = (cos - straight) / spread
            short = np.clip((self.recut_high - gain) / (self.recut_high - self.recut_low), 0.0, 1.0)
            recut = np.where(complete, self.w_recut * short, 0.0)
        return np.where(complete, self.w_emb * z, 0.0), recut

    def lost_cost(self, i: int, j: int, a: int, b: int, embedded: bool = False) -> float:
        """The lost-anchor term of bead (a, b) ending at cell (i, j), as `price` adds it (see
        _lexical_parts); 0 for a bead with an empty side or no features at all."""
        w_lost = self.w_lost_embedded if embedded else self.w_lost
        if not w_lost or a == 0 or b == 0:
            return 0.0
        if self._per_bead is None:  # Python floats: this is read once per bead of a path
            self._per_bead = (self.ws.tolist(), self.wt.tolist(), self.src_lost.tolist(), self.tgt_lost.tolist())
        ws, wt, src_lost, tgt_lost = self._per_bead
        if ws[i] - ws[i - a] + wt[j] - wt[j - b] <= 0.0:
            return 0.0
        worst = max(max(src_lost[i - a:i]), max(tgt_lost[j - b:j]))
        return float(w_lost * worst)

    def anchor_mismatch(self, i: int, j: int, a: int, b: int) -> float:
        """0..1: how strongly the bead's anchors (numbers, figures, names) disagree.

        1 when both sides carry at least `anchor_evidence` weight of anchors and none of them is
        found on the other side; 0 when one side has none or they all match. A name counts as
        found when one of its words shares a consonant-skeleton prefix with a word of the other
        side: names outside the glossary get script-specific keys (Ryan Gosling and its Ukrainian
        spelling), and a name may be rendered as a common word (Sámi, "saami" in Russian).
        Translations keep figures and names, so a high value means misalignment or a badly
        broken translation.
        """
        if a == 0 or b == 0:
            return 0.0
        es = self.ss[i] - self.ss[i - a]
        et = self.st[j] - self.st[j - b]
        if es <= 0.0 or et <= 0.0:
            return 0.0
        # Most beads are 1-1: their one sentence's lists and sets are read as they are.
        src = self.src_anchors[i - 1] if a == 1 else [x for p in range(i - a, i) for x in self.src_anchors[p]]
        tgt = self.tgt_anchors[j - 1] if b == 1 else [x for q in range(j - b, j) for x in self.tgt_anchors[q]]
        keys_s = self.src_keys[i - 1] if a == 1 else frozenset().union(*self.src_keys[i - a:i])
        keys_t = self.tgt_keys[j - 1] if b == 1 else frozenset().union(*self.tgt_keys[j - b:j])
        # Plain loops, not sum() over generators: this runs for every bead of a path. The
        # additions come in the same order, so the sums are the same floats.
        found_s = found_t = 0
        for w, k in src:
            if not k.isdisjoint(keys_t):
                found_s += w
        for w, k in tgt:
            if not k.isdisjoint(keys_s):
                found_t += w
        shared = found_s + found_t
        dice = min(shared / (es + et), 1.0)
        return (1.0 - dice) * min(min(es, et) / self.anchor_k, 1.0)

    def _anchors(self, size: int, df: Counter[str], flat: tuple[np.ndarray, ...]
                 ) -> list[list[tuple[float, frozenset[str]]]]:
        """Per sentence of one side: (weight, keys that count as a match) of each anchor
        feature. Names weigh less than numbers and figures: the name extractor also picks up
        capitalised common words (Earth, Scientists) that a translation renders as ordinary
        words. `df` holds every feature of the side once, so each is classified once per
        document, and `flat` (_flatten) finds the few anchor rows among all features without a
        pass over them in Python."""
        info = [(self.anchor_name_weight if f[0] == "n" else self.anchor_figure_weight, _anchor_keys(f, self.prefix))
                if f[0] in ANCHOR_KINDS else None for f in df]
        pos, ids, count = flat
        rows = np.flatnonzero(np.fromiter((x is not None for x in info), bool, len(info))[ids]) if len(ids) else []
        anchors: list[list[tuple[float, frozenset[str]]]] = [[] for _ in range(size)]
        for p, x, c in zip(pos[rows].tolist(), ids[rows].tolist(), count[rows].tolist(), strict=True):
            weight, keys = info[x]
            anchors[p].append((c * weight, keys))
        return anchors

    def _match_keys(self) -> None:
        """Per sentence, what an anchor of the other side may match in it (its anchor keys and
        the skeleton prefixes of all its words), kept to what some anchor of the other side
        has: nothing else can ever match, and the sets stay small (src_keys, tgt_keys)."""
        unions = tuple([frozenset().union(*(ks for _, ks in an)) for an in side]
                       for side in (self.src_anchors, self.tgt_anchors))
        self._anchor_unions = unions
        self._anchor_any = (frozenset().union(*unions[0]), frozenset().union(*unions[1]))
        self.src_keys, self.tgt_keys = (
            _kept_keys(flat, vocab, union, other)
            for flat, vocab, union, other in ((self._src_flat, self._src_vocab, unions[0], self._anchor_any[1]),
                                              (self._tgt_flat, self._tgt_vocab, unions[1], self._anchor_any[0])))


def _kept_keys(flat: tuple[np.ndarray, ...], vocab: dict[str, int], unions: list[frozenset[str]],
               kept: frozenset[str]) -> list[frozenset[str]]:
    """Each sentence's features and anchor keys (`unions`) that are in `kept`. Every feature
    in `kept` is a match key ("k:") or an anchor, whose own key holds it."""
    pos, ids, _ = flat
    wanted = np.zeros(len(vocab), bool)
    wanted[[vocab[f] for f in kept if f in vocab]] = True
    rows = np.flatnonzero(wanted[ids])
    features = np.array(list(vocab), dtype=object)[ids[rows]].tolist()
    # The rows come in sentence order: each sentence's are one slice.
    bounds = np.searchsorted(pos[rows], np.arange(len(unions) + 1)).tolist()
    return [(u & kept).union(features[bounds[p]:bounds[p + 1]]) if u else frozenset(features[bounds[p]:bounds[p + 1]])
            for p, u in enumerate(unions)]


def _flatten(feats: Sequence[dict[str, int]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every feature of every sentence of one side as rows (sentence, id, count), in sentence
    order and each sentence's feature order; an id is the feature's place in the side's
    document frequencies (`vocab`)."""
    lens = [len(fs) for fs in feats]
    total = sum(lens)
    ids = np.fromiter(map(vocab.__getitem__, chain.from_iterable(feats)), np.int64, total)
    count = np.fromiter(chain.from_iterable(fs.values() for fs in feats), np.int64, total)
    return np.repeat(np.arange(len(feats), dtype=np.int64), lens), ids, count


def _occurrences(flat: tuple[np.ndarray, ...], vocab: dict[str, int], features: list[str]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """(feature index into `features`, sentence) of every sentence holding one of `features`
    (all of them on this side), ordered by feature and then sentence."""
    pos, ids, _ = flat
    rank = np.full(len(vocab), -1, np.int64)
    rank[np.fromiter(map(vocab.__getitem__, features), np.int64, len(features))] = np.arange(len(features))
    held = rank[ids]
    rows = np.flatnonzero(held >= 0)
    order = np.argsort(held[rows], kind="stable")  # rows come in sentence order
    return held[rows][order], pos[rows][order]


def _evidence(flat: tuple[np.ndarray, ...], df: Counter[str], weights: dict[str, float], size: int) -> np.ndarray:
    """Each sentence's evidence: the weight of its features, those the other side lacks
    weighed by this side's frequency alone, match keys ("k:") not at all. Added up sentence by
    sentence in the features' order (bincount adds in input order), as a sum() over them would."""
    weight = np.fromiter((0.0 if f[0] == "k" else weights.get(f) or feature_weight(f) / math.sqrt(d)
                          for f, d in df.items()), float, len(df))
    pos, ids, count = flat
    return np.bincount(pos, count * weight[ids], size)


@lru_cache(maxsize=65536)
def _anchor_keys(feature: str, prefix: int) -> frozenset[str]:
    """What matches an anchor feature in another sentence: itself, and for a name the
    skeleton prefixes of its words."""
    if feature[0] != "n":
        return frozenset((feature,))
    words = feature[2:].replace("_", " ").split()
    return frozenset([feature] + ["k:" + sk[:prefix] for sk in map(skeleton, words) if len(sk) >= 2])


def inner_ends(texts: Sequence[str]) -> np.ndarray:
    """Per sentence, the character offsets of its first INNER_ENDS inner sentence ends (where the
    next sentence starts), NaN where it has fewer."""
    out = np.full((max(len(texts), 1), INNER_ENDS), np.nan)
    for k, text in enumerate(texts):
        if len(text) > 40 and (". " in text or "? " in text or "! " in text or "\u2026" in text):
            x = 0
            for m in _INNER_END.finditer(text[:20000]):
                if x == INNER_ENDS:
                    break
                # Marks near either edge (a stray leading ". ", a closing quote) say nothing.
                if (m.start() >= INNER_EDGE and len(text) - m.end() >= INNER_EDGE
                        and next(ch for ch in text[m.end():] if ch.isalpha()).isupper()
                        and _ends_a_word(text, m.start())):
                    out[k, x] = m.end()
                    x += 1
    return out


def _ends_a_word(text: str, mark: int) -> bool:
    """Whether the full stop at `mark` closes a word rather than an abbreviation: the token
    before it has at least three letters or digits and no dot of its own (St. Peter, U.S.
    Department, Dr. Smith stay whole; Super-G. Czech and "north of 1770. They" are cut)."""
    start = text.rfind(" ", 0, mark) + 1
    token = text[start:mark]
    return text[mark] != "." or ("." not in token and sum(ch.isalnum() for ch in token) >= 3)


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
    # Features both sides have (match keys aside), no punctuation, rare enough on each side.
    df_s, df_t = scorer.df_s, scorer.df_t
    rare = [f for f in scorer.weights if f[0] != "p" and df_s[f] <= MAX_ANCHOR_DF and df_t[f] <= MAX_ANCHOR_DF]
    feat_s, pos_s = _occurrences(scorer._src_flat, scorer._src_vocab, rare)
    feat_t, pos_t = _occurrences(scorer._tgt_flat, scorer._tgt_vocab, rare)
    once = (np.bincount(feat_s, minlength=len(rare)) == 1) & (np.bincount(feat_t, minlength=len(rare)) == 1)
    # Both lists run feature by feature: a feature found once on each side is one pair.
    pairs = set(zip(pos_s[once[feat_s]].tolist(), pos_t[once[feat_t]].tolist(), strict=True))
    many_s, many_t = ~once[feat_s], ~once[feat_t]
    pairs.update(_near_pairs(feat_s[many_s], pos_s[many_s], feat_t[many_t], pos_t[many_t],
                             first_path(scorer, []), radius, m))
    # (The chain is sorted out of the pairs, so the order they come in does not matter.)
    return _lis(list(pairs))


def _near_pairs(feat_s: np.ndarray, pos_s: np.ndarray, feat_t: np.ndarray, pos_t: np.ndarray,
                expected: np.ndarray, radius: float, m: int) -> zip:
    """Pairs (i, j) of a feature's sentences, one on each side, that are each other's only
    sentence with the feature within `radius` of where character lengths place them
    (|j - expected[i]| <= radius, the only such j for that i and the only such i for that j).
    Occurrences come ordered by feature and then sentence."""
    e = expected[pos_s]
    key_t = feat_t * (m + 1) + pos_t  # sorted: by feature, then sentence
    # A window one sentence wider each way holds every target within the radius: checked exactly.
    lo = np.searchsorted(key_t, feat_s * (m + 1) + np.clip(np.floor(e - radius - 1.0), 0, m).astype(np.int64), "left")
    hi = np.searchsorted(key_t, feat_s * (m + 1) + np.clip(np.ceil(e + radius + 1.0), 0, m).astype(np.int64), "right")
    counts = hi - lo
    src = np.repeat(np.arange(len(lo)), counts)
    tgt = np.repeat(lo, counts) + (np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts))
    near = np.abs(pos_t[tgt] - e[src]) <= radius
    src, tgt = src[near], tgt[near]
    alone = ((np.bincount(src, minlength=len(pos_s)) == 1)[src]
             & (np.bincount(tgt, minlength=len(pos_t)) == 1)[tgt])
    return zip(pos_s[src[alone]].tolist(), pos_t[tgt[alone]].tolist(), strict=True)


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
    price: Callable[[np.ndarray, np.ndarray, Sequence[tuple[int, int]]], np.ndarray],
    i0: int, i1: int, j0: int, j1: int,
    lo: list[int], hi: list[int],
    beads: Sequence[tuple[int, int]] = BEADS,
    line: Sequence[float] | None = None,
    tie: float = 0.0,
    share: bool = False,
) -> list[tuple[int, int, int, int, float]]:
    """Cheapest bead path from (i0, j0) to (i1, j1) inside rows i0..i1, row r limited to
    target boundaries lo[r - i0]..hi[r - i0]. Returns beads as (s0, s1, t0, t1, cost).

    `price(i, j, shapes)` gives the cost of each bead shape ending at every cell (i[r], j[r, c])
    as an array (shapes, rows, columns), never negative (see PairScorer.price): the costs of a
    block of rows are priced in one call, and the DP runs row by row over them in numpy.
    With `line` (a target boundary per source boundary), every bead ending at (i, j) also pays
    `tie * |j - line[i]|`. Among beads of equal total the earlier in `beads` wins.
    The only bead with no source sentence may be 0-1 (a run of them is a running minimum).
    With `share`, a forked helper prices the last rows while this process runs the first ones
    (when the band is long enough and a core is idle; see SHARE_MIN_ROWS): the same path."""
    grid = _BandGrid(price, i0, j0, lo, hi, i1 - i0 + 1, beads, line, tie)
    fed, skips = grid.fed, grid.skips
    k01 = skips[0] if skips else -1
    cells, widths, off = grid.cells, grid.widths, grid.off
    dp = np.full(cells + 1, INF)  # the last cell stays infinite: where impossible moves point
    back = np.full(cells, -1, dtype=np.int64)
    paid = np.zeros(cells)
    # Per-row numbers as Python ints, read once: the row loop is the DP's sequential part.
    width_list, off_list, lo_list, hi_list = widths.tolist(), off.tolist(), grid.lo.tolist(), grid.hi.tolist()
    fed_a = np.asarray(fed, dtype=np.int64)
    shape_of = np.zeros(len(beads) + 1, dtype=np.int64)  # bead index -> its place in `shapes`; -1 -> 0
    shape_of[fed + skips] = np.arange(len(fed) + len(skips))
    all_columns = np.arange(int(widths.max()))
    blocks, first_remote = _split_blocks(widths, share)
    inputs = (split_map(grid.inputs, blocks, [grid.layout(b) for b in blocks], first_remote)
              if first_remote < len(blocks) else map(grid.inputs, blocks))
    for (r0, r1, _), (cost, moves) in zip(blocks, inputs, strict=True):
        fed_cost = cost[:len(fed)]
        for r in range(r0, r1):
            w, x0, rl = width_list[r], off_list[r], r - r0
            cand = dp[moves[:, rl, :w]] + fed_cost[:, rl, :w]
            pick = cand.argmin(axis=0)
            columns = all_columns[:w]
            best = cand[pick, columns]
            way = fed_a[pick]
            way[best == INF] = -1
            if r == 0 and lo_list[0] <= j0 <= hi_list[0]:
                best[j0 - lo_list[0]] = 0.0
                way[j0 - lo_list[0]] = -1
            if k01 >= 0 and w > 1:
                _skip_run(best, way, cost[len(fed), rl, :w], k01, max(j0 - lo_list[r] + 1, 1))
            dp[x0:x0 + w] = best
            back[x0:x0 + w] = way
        # What each cell's chosen bead cost, read for the whole block at once from its way
        # (cells with none read some shape's cost: the trace never visits them).
        x0, x1 = off_list[r0], off_list[r1]
        block_rows = np.repeat(np.arange(r1 - r0), widths[r0:r1])
        block_cols = np.arange(x1 - x0) - np.repeat(off[r0:r1] - x0, widths[r0:r1])
        paid[x0:x1] = cost[shape_of[back[x0:x1]], block_rows, block_cols]
    return _trace_back(back, paid, off, grid.lo, grid.hi, beads, i0, j0, j1)


class _BandGrid:
    """The cells of a band (row r holds target boundaries lo[r]..hi[r], stored from off[r] on in
    one flat array) and what the DP reads for a block of its rows: every bead shape's cost
    ending at each cell, and the flat index of the cell each bead with a source sentence starts
    from (`cells` where it cannot)."""

    def __init__(self, price, i0: int, j0: int, lo: list[int], hi: list[int], rows: int,
                 beads: Sequence[tuple[int, int]], line: Sequence[float] | None, tie: float) -> None:
        self.price, self.i0, self.j0, self.beads, self.tie = price, i0, j0, beads, tie
        self.lo, self.hi = np.asarray(lo[:rows], dtype=np.int64), np.asarray(hi[:rows], dtype=np.int64)
        self.widths = self.hi - self.lo + 1
        self.off = np.concatenate([[0], np.cumsum(self.widths)])
        self.cells = int(self.off[-1])
        self.fed = [k for k, (a, _) in enumerate(beads) if a > 0]
        self.skips = [k for k, (a, _) in enumerate(beads) if a == 0]
        if any(beads[k] != (0, 1) for k in self.skips):
            raise ValueError("banded_dp: the only bead without a source sentence may be 0-1")
        self.shapes = [beads[k] for k in self.fed + self.skips]
        self.line = np.asarray(line, dtype=float) if line is not None else None

    def layout(self, block: tuple[int, int, int]) -> list[tuple[tuple[int, ...], type]]:
        """(shape, dtype) of the arrays `inputs` gives for a block."""
        r0, r1, width = block
        return [((len(self.shapes), r1 - r0, width), np.float64), ((len(self.fed), r1 - r0, width), np.int64)]

    def inputs(self, block: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
        """(cost of each shape, start cell of each fed bead) at every cell of rows r0..r1-1,
        `width` columns each (a narrower row repeats its last cell past its end)."""
        r0, r1, width = block
        lo_a, hi_a, widths, off = self.lo, self.hi, self.widths, self.off
        rr = np.arange(r0, r1)
        jj = lo_a[rr, None] + np.arange(width)[None, :]
        inside = jj <= hi_a[rr, None]
        jj = np.minimum(jj, hi_a[rr, None])
        ii = self.i0 + rr
        cost = self.price(ii, jj, self.shapes)
        if self.line is not None:
            cost = cost + self.tie * np.abs(jj - self.line[ii][:, None])
        # Where each bead ending at a cell starts, as an index into the DP (`cells`: impossible).
        moves = np.full((len(self.fed), r1 - r0, width), self.cells, dtype=np.int64)
        for x, k in enumerate(self.fed):
            a, b = self.beads[k]
            pr = rr - a
            prc = np.maximum(pr, 0)
            col = jj - b - lo_a[prc][:, None]
            ok = inside & (pr >= 0)[:, None] & (jj - b >= self.j0) & (col >= 0) & (col < widths[prc][:, None])
            moves[x] = np.where(ok, off[prc][:, None] + col, self.cells)
        return cost, moves


SHARE_MIN_ROWS = 600
"""Band rows from which banded_dp(share=True) forks a pricing helper: the fork costs some 10 ms
(page tables of the loaded language data), pricing about 0.05 ms a row."""

SHARE_HELPER_ROWS = 0.7
"""Share of the rows, from the end, that the helper may price (from the last block back); this
process prices from the front, runs the recurrence over every row, and prices itself any
block of that share the helper has not finished when the recurrence reaches it."""

SHARE_BLOCK_ROWS = 300
"""Rows at most in a block the helper may price: where the two processes meet, a block may be
priced by both (smaller blocks cost more numpy calls: 500-row blocks some 5% more in all)."""

SHARE_MAX_CELLS = 500_000
"""Cells at most that the helper prices: its arrays wait whole in shared memory until the
recurrence reads them (some 120 bytes a cell), where this process holds one block at a time."""


def _split_blocks(widths: np.ndarray, share: bool) -> tuple[list[tuple[int, int, int]], int]:
    """The DP's row blocks and the first one a helper may price (len(blocks): none)."""
    rows = len(widths)
    cut = rows
    if share and rows >= SHARE_MIN_ROWS and idle_cores():
        from_end = np.cumsum(widths[::-1])
        cut = max(rows - int(rows * SHARE_HELPER_ROWS), rows - int(np.searchsorted(from_end, SHARE_MAX_CELLS, "right")))
    if cut >= rows:
        blocks = _row_blocks(widths)
        return blocks, len(blocks)
    mine = _row_blocks(widths[:cut])
    theirs = [(r0 + start, r1 + start, w) for start in range(cut, rows, SHARE_BLOCK_ROWS)
              for r0, r1, w in _row_blocks(widths[start:min(start + SHARE_BLOCK_ROWS, rows)])]
    return mine + theirs, len(mine)


def _row_blocks(widths: np.ndarray) -> list[tuple[int, int, int]]:
    """(first row, end row, widest row) of consecutive blocks of band rows whose cost arrays
    stay small (at most some 20,000 cells a bead shape): a block's pair tables and what its
    bead shapes share (_PairTables.bead_sentences) stay allocated until it is priced, and in
    smaller blocks that memory is reused rather than faulted in anew (one process pricing the
    timing pair: 7,600 page faults with 40,000-cell blocks, 5,800 with 20,000)."""
    out = []
    r0, rows = 0, len(widths)
    while r0 < rows:
        r1, width = r0 + 1, int(widths[r0])
        while r1 < rows and (r1 - r0 + 1) * max(width, int(widths[r1])) <= 20_000:
            width = max(width, int(widths[r1]))
            r1 += 1
        out.append((r0, r1, width))
        r0 = r1
    return out


def _trace_back(back: np.ndarray, paid: np.ndarray, off: np.ndarray, lo_a: np.ndarray, hi_a: np.ndarray,
                beads: Sequence[tuple[int, int]], i0: int, j0: int, j1: int) -> list[tuple[int, int, int, int, float]]:
    """The bead path ending at the last row's cell j1, from the DP's back pointers."""
    out: list[tuple[int, int, int, int, float]] = []
    r, j = len(lo_a) - 1, j1
    if not (lo_a[r] <= j <= hi_a[r]) or back[off[r] + j - lo_a[r]] < 0 and (r, j) != (0, j0):
        raise RuntimeError("alignment band does not reach the end cell")
    while (r, j) != (0, j0):
        cell = int(off[r] + j - lo_a[r])
        k = int(back[cell])
        if k < 0:
            raise RuntimeError("alignment band is disconnected")
        a, b = beads[k]
        out.append((i0 + r - a, i0 + r, j - b, j, float(paid[cell])))
        r, j = r - a, j - b
    return out[::-1]


def _skip_run(best: np.ndarray, way: np.ndarray, c01: np.ndarray, k01: int, first: int) -> None:
    """Within one row, a 0-1 bead extends the cell to its left: best[c] = min(best[c],
    best[c - 1] + c01[c]) from column `first` on, in place (a 0-1 wins a tie only against a
    bead listed after it). A wide row is checked in numpy first: where no skip wins it is left
    as it is, and the sequential pass starts at the first cell one does (a narrow row costs
    less to walk than to check)."""
    if first >= len(best):
        return
    start = first
    if len(best) - first > 64:
        ext = best[first - 1:-1] + c01[first:]
        here = best[first:]
        wins = (ext < here) | ((ext == here) & (way[first:] > k01) & (ext < INF))
        if not wins.any():
            return
        start = first + int(np.argmax(wins))
    vals, steps = best[start - 1:].tolist(), c01[start - 1:].tolist()
    won = []  # where a skip wins: most rows have none, and are left as they are
    prev = vals[0]
    for c in range(1, len(vals)):
        v = prev + steps[c]
        here = vals[c]
        if v < here or (v == here and v < INF and way[start - 1 + c] > k01):
            vals[c] = prev = v
            won.append(start - 1 + c)
        else:
            prev = here
    if won:
        best[start - 1:] = vals
        way[won] = k01


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
