"""Gale & Church (1993) length-only alignment, the baseline the aligner is measured against.

Same bead DP and band machinery as the aligner (so speed differences are the scoring, not the
search), but the cost is Gale-Church's: -log P(bead type) - log P(delta), with their priors and
the two-tailed normal probability of the length difference.
"""

from __future__ import annotations

import math

import numpy as np

from align.alignment.pairwise import Bead, band_from_path, banded_dp, length_params, touches_edge

# Gale & Church 1993, table 5: priors of bead types in the Canadian Hansards.
GC_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
}
GC_SIGNATURE = "gale-church-1993|priors:hansard|len:chars(flores c,s2)|band"


def _two_tailed(delta: float) -> float:
    return max(math.erfc(abs(delta) / math.sqrt(2.0)), 1e-12)


def gale_church(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str,
                band_width: int = 10) -> list[Bead]:
    """Length-only alignment of two sentence lists (beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2)."""
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [Bead(i, i + 1, 0, 0) for i in range(n)] + [Bead(n, n, j, j + 1) for j in range(m)]
    c, s2 = length_params(src_lang, tgt_lang)
    cs = np.concatenate([[0], np.cumsum([len(t) for t in src])]).tolist()
    ct = np.concatenate([[0], np.cumsum([len(t) for t in tgt])]).tolist()
    neglog = {k: -math.log(v) for k, v in GC_PRIORS.items()}
    base = min(neglog.values())

    def cost(i: int, j: int, a: int, b: int, limit: float = math.inf) -> float:
        ls = cs[i] - cs[i - a]
        lt = ct[j] - ct[j - b]
        mean = (ls + lt / c) / 2.0
        delta = (lt - c * ls) / math.sqrt(s2 * max(mean, 1.0))
        # Shift by the cheapest prior so that every cost is >= 0, as the DP's pruning requires.
        return neglog[(a, b)] - base - math.log(_two_tailed(delta))

    # Length-proportional diagonal: Gale-Church has no anchors.
    center = np.interp(np.asarray(cs, float) * (ct[-1] / max(cs[-1], 1)), ct, np.arange(m + 1, dtype=float))
    width = band_width
    beads = tuple(GC_PRIORS)
    while True:
        lo, hi = band_from_path(center, width, m)
        path = banded_dp(cost, 0, n, 0, m, lo, hi, beads)
        if width >= max(n, m) or not touches_edge(path, lo, hi, m):
            break
        width *= 2
    return [Bead(s0, s1, t0, t1, c_) for s0, s1, t0, t1, c_ in path]
