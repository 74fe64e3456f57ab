"""Inference backends: transformers (PyTorch) and CTranslate2 (int8 on CPU).

Both take plain source sentences and return plain translations; the target token (Marian)
or forced target language (NLLB/M2M100) is handled here. torch, transformers and ctranslate2
are imported inside functions so `align --help` stays fast.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Protocol

from align.errors import InputError
from align.translation.cache import cache_dir
from align.translation.registry import ResolvedModel, set_offline_env

BACKENDS = ("transformers", "ctranslate2")
CT2_COMPUTE_TYPE = "int8"
# Output may be this much longer than the input (in tokens) before generation is cut off:
# a runaway loop stops early, while uk/ru renderings (longer than English) still fit.
LENGTH_RATIO = 1.6
LENGTH_SLACK = 10

_LOADED: dict[tuple[str, str], Backend] = {}
_LOAD_LOCK = threading.Lock()


class Backend(Protocol):
    name: str
    settings: str  # what shapes the output besides model and direction (goes into cache keys)

    def token_counts(self, sentences: list[str]) -> list[int]: ...

    def translate_batch(self, sentences: list[str], beams: int) -> list[str]: ...


def max_new_tokens(source_tokens: int) -> int:
    return int(source_tokens * LENGTH_RATIO) + LENGTH_SLACK


def _quiet_transformers() -> None:
    set_offline_env()
    import transformers

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _load_tokenizer(model: ResolvedModel):
    _quiet_transformers()
    from transformers import AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(str(model.path))
    except Exception as exc:  # a broken spm/vocab raises anything from OSError to RuntimeError
        raise InputError(f"cannot load the tokenizer of {model.name} from {model.path}: {_first_line(exc)}") from None
    if model.family in ("nllb", "m2m100"):
        try:
            tokenizer.src_lang = model.source_code
            known = _target_token_id(model, tokenizer)
        except (KeyError, ValueError, AttributeError):  # a code unknown to it, or not its kind of tokenizer
            known = None
        if known is None or known == tokenizer.unk_token_id:
            raise InputError(f"the tokenizer of {model.name} ({model.path}) has no {model.family} language code "
                             f"for {model.source_lang} or {model.target_lang} ({model.source_code}, "
                             f"{model.target_token}); is it really a {model.family} model?")
    return tokenizer


def _source_text(model: ResolvedModel, sentence: str) -> str:
    if model.family == "marian" and model.target_token:
        return f"{model.target_token} {sentence}"
    return sentence


def _target_token_id(model: ResolvedModel, tokenizer) -> int | None:
    if model.family == "nllb":
        return tokenizer.convert_tokens_to_ids(model.target_token)
    if model.family == "m2m100":
        return tokenizer.get_lang_id(model.target_token)
    return None


class TransformersBackend:
    """AutoModelForSeq2SeqLM on CPU with greedy or beam search."""

    name = "transformers"

    def __init__(self, model: ResolvedModel) -> None:
        self.model = model
        self.tokenizer = _load_tokenizer(model)
        import torch
        from transformers import AutoModelForSeq2SeqLM

        self._torch = torch
        try:
            self.net = AutoModelForSeq2SeqLM.from_pretrained(str(model.path)).eval()
        except Exception as exc:
            raise InputError(f"cannot load model {model.name} from {model.path}: {_first_line(exc)}") from None
        self.settings = f"transformers-{torch.__version__.split('+')[0]}-fp32"

    def token_counts(self, sentences: list[str]) -> list[int]:
        encoded = self.tokenizer([_source_text(self.model, s) for s in sentences])["input_ids"]
        return [len(ids) for ids in encoded]

    def translate_batch(self, sentences: list[str], beams: int) -> list[str]:
        # On the model's device: a Ray GPU worker moves the model to CUDA (align.engines.ray_engine).
        batch = self.tokenizer([_source_text(self.model, s) for s in sentences], return_tensors="pt",
                               padding=True, truncation=True).to(self.net.device)
        kwargs = {"num_beams": beams, "do_sample": False,
                  "max_new_tokens": max_new_tokens(int(batch["input_ids"].shape[1]))}
        forced = _target_token_id(self.model, self.tokenizer)
        if forced is not None:
            kwargs["forced_bos_token_id"] = forced
        with self._torch.inference_mode():
            output = self.net.generate(**batch, **kwargs)
        # transformers 5 decodes shared-vocabulary Marian output with the *source* spm by
        # default; the target spm is the one trained on the output language.
        extra = {"use_source_tokenizer": False} if self.model.family == "marian" else {}
        return [t.strip() for t in self.tokenizer.batch_decode(output, skip_special_tokens=True, **extra)]


def ct2_model_dir(model: ResolvedModel) -> Path:
    """Where the converted model lives: beside the original when that directory is ours and
    writable, else under the cache directory (never inside the Hugging Face cache's snapshots)."""
    beside = model.path / f"ctranslate2-{CT2_COMPUTE_TYPE}"
    if model.where != "huggingface cache" and os.access(model.path, os.W_OK):
        return beside
    return cache_dir() / "ctranslate2" / f"{model.path.name}-{model.fingerprint}-{CT2_COMPUTE_TYPE}"


def convert_to_ct2(model: ResolvedModel) -> Path:
    """Convert once with ctranslate2's TransformersConverter; later calls reuse the result.

    The conversion is written to a temporary directory and renamed into place, so two
    processes converting at once both end up with a complete model."""
    target = ct2_model_dir(model)
    if (target / "model.bin").is_file():
        return target
    set_offline_env()
    import ctranslate2

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        ctranslate2.converters.TransformersConverter(str(model.path)).convert(
            str(tmp / "model"), quantization=CT2_COMPUTE_TYPE, force=True)
        try:
            os.replace(tmp / "model", target)
        except OSError:
            if not (target / "model.bin").is_file():  # lost a race only if the winner finished
                raise
    except Exception as exc:
        raise InputError(f"cannot convert {model.name} to CTranslate2: {_first_line(exc)}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


class MarianPieces:
    """Marian's tokenisation with sentencepiece alone: the same tokens as MarianTokenizer
    (source spm pieces, unknown pieces as <unk>, target token in front, </s> at the end), so
    the CTranslate2 backend runs without importing torch or transformers."""

    def __init__(self, path: Path) -> None:
        import json

        import sentencepiece

        self.source = sentencepiece.SentencePieceProcessor(model_file=str(path / "source.spm"))
        self.target = sentencepiece.SentencePieceProcessor(model_file=str(path / "target.spm"))
        self.vocab = set(json.loads((path / "vocab.json").read_text(encoding="utf-8")))
        self.special = {"</s>", "<pad>", "<unk>"}

    @staticmethod
    def usable(path: Path) -> bool:
        """Shared-vocabulary Marian models only; others go through AutoTokenizer."""
        import json

        config_path = path / "tokenizer_config.json"
        config = json.loads(config_path.read_text(encoding="utf-8")) if config_path.is_file() else {}
        return not config.get("separate_vocabs", False)

    def tokens(self, text: str, target_token: str) -> list[str]:
        pieces = [p if p in self.vocab else "<unk>" for p in self.source.encode(text, out_type=str)]
        return ([target_token] if target_token else []) + pieces + ["</s>"]

    def detokenize(self, tokens: list[str]) -> str:
        pieces = [t for t in tokens if t not in self.special]
        return self.target.decode_pieces(pieces).replace("\u2581", " ").strip()


class CTranslate2Backend:
    """The same model converted to CTranslate2 and run int8-quantised on CPU."""

    name = "ctranslate2"

    def __init__(self, model: ResolvedModel) -> None:
        self.model = model
        self.pieces = MarianPieces(model.path) if model.family == "marian" and MarianPieces.usable(model.path) \
            else None
        self.tokenizer = _load_tokenizer(model) if self.pieces is None else None
        import ctranslate2

        path = convert_to_ct2(model)
        try:
            self.translator = ctranslate2.Translator(str(path), device="cpu", compute_type=CT2_COMPUTE_TYPE,
                                                     intra_threads=min(4, os.cpu_count() or 1))
        except Exception as exc:
            raise InputError(f"cannot load the CTranslate2 model at {path}: {_first_line(exc)}") from None
        self.settings = f"ctranslate2-{ctranslate2.__version__}-{CT2_COMPUTE_TYPE}"

    @property
    def _prefix(self) -> list[str] | None:
        """NLLB/M2M100 decoding starts with the target language token; Marian needs nothing."""
        if self.tokenizer is None:
            return None
        forced = _target_token_id(self.model, self.tokenizer)
        return None if forced is None else [self.tokenizer.convert_ids_to_tokens(forced)]

    def _tokens(self, sentence: str) -> list[str]:
        if self.pieces is not None:
            return self.pieces.tokens(sentence, self.model.target_token)
        ids = self.tokenizer(_source_text(self.model, sentence), truncation=True)["input_ids"]
        return self.tokenizer.convert_ids_to_tokens(ids)

    def token_counts(self, sentences: list[str]) -> list[int]:
        return [len(self._tokens(s)) for s in sentences]

    def translate_batch(self, sentences: list[str], beams: int) -> list[str]:
        tokens = [self._tokens(s) for s in sentences]
        results = self.translator.translate_batch(
            tokens, beam_size=beams, max_decoding_length=max_new_tokens(max(len(t) for t in tokens)),
            target_prefix=[self._prefix] * len(tokens) if self._prefix else None,
        )
        out = []
        for result in results:
            if self.pieces is not None:
                out.append(self.pieces.detokenize(result.hypotheses[0]))
                continue
            ids = self.tokenizer.convert_tokens_to_ids(result.hypotheses[0])
            out.append(self.tokenizer.decode(ids, skip_special_tokens=True).strip())
        return out


def load_backend(model: ResolvedModel, backend: str) -> Backend:
    """A loaded backend, shared by every direction that uses the same model in this process
    (en->uk and en->ru run on one en-zle model)."""
    if backend not in BACKENDS:
        raise InputError(f"unknown backend '{backend}' (choose {' or '.join(BACKENDS)})")
    key = (str(model.path), backend)
    with _LOAD_LOCK:
        if key not in _LOADED:
            cls = TransformersBackend if backend == "transformers" else CTranslate2Backend
            _LOADED[key] = cls(model)
        loaded = _LOADED[key]
    if loaded.model != model:  # same weights, another direction: reuse them with its target token
        loaded = _rebind(loaded, model)
    return loaded


def _rebind(loaded: Backend, model: ResolvedModel) -> Backend:
    clone = object.__new__(type(loaded))
    clone.__dict__.update(loaded.__dict__)
    clone.model = model
    if model.family in ("nllb", "m2m100"):
        clone.tokenizer = _load_tokenizer(model)  # src_lang is tokenizer state: keep them apart
    return clone


def unload_all() -> None:
    """Forget loaded models (tests, long-running services switching models)."""
    with _LOAD_LOCK:
        _LOADED.clear()
