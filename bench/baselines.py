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

    cs_a, ct_a = np.asarray(cs, float), np.asarray(ct, float)
    erfc = np.vectorize(math.erfc, otypes=[float])

    def price(i: np.ndarray, j: np.ndarray, shapes) -> np.ndarray:
        out = []
        for a, b in shapes:
            ls = (cs_a[i] - cs_a[np.maximum(i - a, 0)])[:, None]
            lt = ct_a[j] - ct_a[np.maximum(j - b, 0)]
            mean = (ls + lt / c) / 2.0
            delta = (lt - c * ls) / np.sqrt(s2 * np.maximum(mean, 1.0))
            tail = np.maximum(erfc(np.abs(delta) / math.sqrt(2.0)), 1e-12)
            # Shifted by the cheapest prior so that every cost is >= 0.
            out.append(neglog[(a, b)] - base - np.log(tail))
        return np.stack(out)

    # Length-proportional diagonal: Gale-Church has no anchors.
    center = np.interp(np.asarray(cs, float) * (ct[-1] / max(cs[-1], 1)), ct, np.arange(m + 1, dtype=float))
    width = band_width
    beads = tuple(GC_PRIORS)
    while True:
        lo, hi = band_from_path(center, width, m)
        path = banded_dp(price, 0, n, 0, m, lo, hi, beads)
        if width >= max(n, m) or not touches_edge(path, lo, hi, m):
            break
        width *= 2
    return [Bead(s0, s1, t0, t1, c_) for s0, s1, t0, t1, c_ in path]
