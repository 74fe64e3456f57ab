"""Neural machine translation with pretrained Marian/opus-mt models.

Public interface:
    translate_file(source_path, to_langs, from_lang=None, out_dir=None, model=None,
                   backend="transformers", beams=1, force=False, progress=None, use_cache=True)
        -> TranslationResult   (paths written, sentences, cache_hits, translated, retries_fired,
                                retries_fixed, remaining_issues, warnings, signatures)
    translate_texts(texts, from_lang, to_lang, model=None, backend="transformers", beams=1,
                    progress=None, use_cache=True) -> TextsTranslation   (no files written;
                    raises ModelNotFoundError when no model is on disk)
    resolve_model(from_lang, to_lang, model=None) -> ResolvedModel   (raises when unavailable)
    list_models() -> list[ModelStatus]
    pull_model(name, dest=None) -> Path

Models are found offline only (a directory, $ALIGN_MODELS_DIR, the Hugging Face cache);
`pull_model` is the one network call. torch/transformers/ctranslate2 load on first use.
"""

from align.translation.registry import ModelStatus, ResolvedModel, list_models, pull_model, resolve_model
from align.translation.translator import (
                                        TextsTranslation,
                                        TranslationResult,
                                        Translator,
                                        translate_file,
                                        translate_texts,
)

__all__ = [
    "ModelStatus",
    "ResolvedModel",
    "TextsTranslation",
    "TranslationResult",
    "Translator",
    "list_models",
    "pull_model",
    "resolve_model",
    "translate_file",
    "translate_texts",
]
