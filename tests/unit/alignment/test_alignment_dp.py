"""The vectorised bead DP and block pricing against plain per-cell references."""

from __future__ import annotations

import random

import numpy as np
import pytest

from align.alignment.pairwise import BEADS, PairScorer, band_from_path, banded_dp, first_path


def _reference_dp(cost, n, m, lo, hi, beads):
    """The textbook cell-by-cell DP: every bead tried in order, a later one only when cheaper."""
    best = {(0, 0): (0.0, None, 0.0)}
    for i in range(n + 1):
        for j in range(lo[i], hi[i] + 1):
            if (i, j) == (0, 0):
                continue
            top = (float("inf"), None, 0.0)
            for a, b in beads:
                prev = best.get((i - a, j - b))
                if prev is None or i - a < 0 or j - b < 0 or not lo[i - a] <= j - b <= hi[i - a]:
                    continue
                c = cost(i, j, a, b)
                if prev[0] + c < top[0]:
                    top = (prev[0] + c, (a, b), c)
            if top[1] is not None:
                best[(i, j)] = top
    path, i, j = [], n, m
    while (i, j) != (0, 0):
        _, (a, b), c = best[(i, j)]
        path.append((i - a, i, j - b, j, c))
        i, j = i - a, j - b
    return path[::-1]


@pytest.mark.parametrize("seed", range(6))
def test_vectorised_dp_matches_the_cell_by_cell_dp(seed: int) -> None:
    rng = random.Random(seed)
    n, m = rng.randint(5, 25), rng.randint(5, 25)
    # Random non-negative prices, coarse so that ties happen and the bead order must break them.
    table = {(i, j, a, b): float(rng.randint(0, 6)) for i in range(n + 1) for j in range(m + 1) for a, b in BEADS}

    def price(i, j, shapes):
        return np.array([[[table[(int(ir), int(jc), a, b)] for jc in row] for ir, row in zip(i, j, strict=True)]
                         for a, b in shapes])

    center = np.linspace(0, m, n + 1)
    lo, hi = band_from_path(center, rng.choice([2.0, 4.0, 30.0]), m)
    got = banded_dp(price, 0, n, 0, m, lo, hi)
    want = _reference_dp(lambda i, j, a, b: table[(i, j, a, b)], n, m, lo, hi, BEADS)
    assert [g[:4] for g in got] == [w[:4] for w in want]
    assert sum(c for *_, c in got) == pytest.approx(sum(c for *_, c in want))


def test_block_prices_equal_one_bead_at_a_time(flores) -> None:
    """Pricing a whole band at once reads the same pair tables as pricing each bead alone,
    with and without sentence vectors (some missing, as in the 'auto' mode)."""
    from align.alignment.aligner import _FeatureCache
    from align.alignment.features import AnchorExtractors

    cache = _FeatureCache(AnchorExtractors.load())
    en, uk = flores["en"][:8], flores["uk"][:8]
    src, tgt = en + en[:3], uk + [uk[3] + " " + uk[4]] + uk[:2]
    scorer = PairScorer([cache.get(t, "en") for t in src], [cache.get(t, "uk") for t in tgt],
                        [len(t) for t in src], [len(t) for t in tgt], "en", "uk")
    lo, hi = band_from_path(first_path(scorer, []), 3.0, scorer.m)
    rows = np.arange(scorer.n + 1)
    width = max(h - low for low, h in zip(lo, hi, strict=True)) + 1
    cols = np.minimum(np.asarray(lo)[:, None] + np.arange(width), np.asarray(hi)[:, None])
    for embedded in (False, True):
        if embedded:
            rng = np.random.default_rng(3)
            vecs = rng.normal(size=(scorer.n + scorer.m, 16))
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            scorer.set_embeddings({i: vecs[i] for i in range(scorer.n) if i != 4},
                                  {j: vecs[scorer.n + j] for j in range(scorer.m)}, 0.9, 0.3)
        block = scorer.price(rows, cols, BEADS, use_embedding=embedded)
        for k, (a, b) in enumerate(BEADS):
            for i in range(a, scorer.n + 1):
                for col, j in enumerate(cols[i].tolist()):
                    if j >= b:
                        alone = scorer.cost(i, j, a, b, use_embedding=embedded)
                        assert block[k, i, col] == pytest.approx(alone, abs=1e-9), (a, b, i, j, embedded)
    terms = scorer.terms(4, 4, 1, 1, use_embedding=True)
    assert "embedding" in terms and sum(terms.values()) == pytest.approx(scorer.cost(4, 4, 1, 1, True))


def test_recut_term_charges_two_good_pairs_joined_and_spares_a_recut(flores) -> None:
    """With vectors, a 2-2 bead pays the re-cut cost when its straight pairs (first with first,
    second with second) match as well as the joined sentences, and nothing when joining them
    is what makes them match."""
    from align.alignment.aligner import _FeatureCache
    from align.alignment.features import AnchorExtractors, params

    cache = _FeatureCache(AnchorExtractors.load())
    src, tgt = flores["en"][:2], flores["uk"][:2]
    e = np.eye(4)

    def unit(v: np.ndarray) -> np.ndarray:
        return v / np.linalg.norm(v)

    def recut_cost(a: list[np.ndarray], b: list[np.ndarray]) -> float:
        scorer = PairScorer([cache.get(t, "en") for t in src], [cache.get(t, "uk") for t in tgt],
                            [len(t) for t in src], [len(t) for t in tgt], "en", "uk")
        scorer.set_embeddings(dict(enumerate(a)), dict(enumerate(b)), 0.9, 0.75)
        return scorer.terms(2, 2, 2, 2, use_embedding=True)["recut"]

    weight = float(params()["cost"]["recut"])
    assert weight > 0
    assert recut_cost([e[0], e[1]], [e[0], e[1]]) == pytest.approx(weight)  # two exact 1-1 pairs
    # The first source sentence's tail (e[1]) went to the second target sentence.
    assert recut_cost([unit(e[0] + e[1]), e[2]], [e[0], unit(e[1] + e[2])]) == 0.0


def _near_pairs_one_by_one(where_s, where_t, expected, radius):
    """The anchor rule read feature by feature, sentence by sentence: i's only target within
    the radius is j, and j's only source within it is i."""
    pairs = set()
    for src_pos, tgt_pos in zip(where_s, where_t, strict=True):
        for i in src_pos:
            near = [j for j in tgt_pos if abs(j - expected[i]) <= radius]
            if len(near) == 1 and [k for k in src_pos if abs(near[0] - expected[k]) <= radius] == [i]:
                pairs.add((i, near[0]))
    return pairs


@pytest.mark.parametrize("seed", range(8))
def test_near_pairs_match_the_rule_read_one_by_one(seed: int) -> None:
    """Wrong: a pair whose target has a second source within the radius, or a window that
    misses a target at the radius' edge. Right: the pairs of the rule read one by one."""
    from align.alignment.pairwise import _near_pairs

    rng = random.Random(seed)
    n, m = rng.randint(30, 300), rng.randint(30, 300)
    expected = np.sort(np.asarray([rng.uniform(0, m) for _ in range(n + 1)]))
    # Half-integer places and integer radii put targets exactly on the radius' edge.
    if seed % 2:
        expected = np.round(expected * 2) / 2
    radius = float(rng.choice([2, 5, 20]))
    where_s = [sorted(rng.sample(range(n), rng.randint(1, 6))) for _ in range(40)]
    where_t = [sorted(rng.sample(range(m), rng.randint(1, 6))) for _ in range(40)]
    feat_s = np.repeat(np.arange(40), [len(w) for w in where_s])
    feat_t = np.repeat(np.arange(40), [len(w) for w in where_t])
    got = set(_near_pairs(feat_s, np.asarray(sum(where_s, []), dtype=np.int64), feat_t,
                          np.asarray(sum(where_t, []), dtype=np.int64), expected, radius, m))
    assert got == _near_pairs_one_by_one(where_s, where_t, expected.tolist(), radius)
