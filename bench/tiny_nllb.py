"""Build a small randomly initialised NLLB or M2M100 model with a real SentencePiece
vocabulary and the family's language codes (NLLB: eng_Latn, ukr_Cyrl, rus_Cyrl; M2M100: en, uk, ru).

    python -m bench.tiny_nllb DIR [--family nllb|m2m100] [--d-model 32] [--layers 1]

Like bench/tiny_marian.py, the weights are random and the output gibberish: the model exists so
that tests can run the NLLB path of `align translate` (source language as tokenizer state,
target language forced as the first decoded token, CTranslate2 conversion with a target
prefix) without downloading facebook/nllb-200-distilled-600M or facebook/m2m100_418M.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench.tiny_marian import save_random_model, train_sentencepiece


def vocab_size_of(tokenizer) -> int:
    """Rows of the embedding matrix: M2M100 puts its language codes and "made-up" padding words
    after the SentencePiece vocabulary, outside get_vocab()."""
    top = max(tokenizer.get_vocab().values()) + 1
    codes = getattr(tokenizer, "lang_code_to_id", None)
    if codes:
        top = max(top, max(codes.values()) + 1 + getattr(tokenizer, "num_madeup_words", 0))
    return top


def build(out_dir: Path, d_model: int = 32, layers: int = 1, vocab_size: int = 1000,
          sentences: int = 300, seed: int = 0, family: str = "nllb") -> Path:
    """Write a loadable M2M100ForConditionalGeneration with an NllbTokenizer (family "nllb") or
    an M2M100Tokenizer (family "m2m100") to `out_dir`."""
    import sentencepiece as spm
    from transformers import AutoTokenizer, M2M100Config, M2M100ForConditionalGeneration
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # fairseq's layout, as NLLB's own spm: <s> 0, <pad> 1, </s> 2, <unk> 3.
        spm_dir = Path(tmp) / "spm"
        train_sentencepiece(spm_dir / "sentencepiece.bpe.model", vocab_size, sentences,
                            bos_id=0, pad_id=1, eos_id=2, unk_id=3)
        if family == "nllb":
            (spm_dir / "tokenizer_config.json").write_text(json.dumps({
                "tokenizer_class": "NllbTokenizer", "src_lang": "eng_Latn", "model_max_length": 512,
            }), encoding="utf-8")
            tokenizer = AutoTokenizer.from_pretrained(str(spm_dir),
                                                      additional_special_tokens=list(FAIRSEQ_LANGUAGE_CODES))
            target_code = "ukr_Cyrl"
        elif family == "m2m100":
            from transformers import M2M100Tokenizer

            processor = spm.SentencePieceProcessor(model_file=str(spm_dir / "sentencepiece.bpe.model"))
            vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
            (spm_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
            from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES as M2M_CODES

            # As in facebook/m2m100_418M: the language codes are special tokens, so decoding
            # drops them and CTranslate2's converter finds them.
            tokenizer = M2M100Tokenizer(str(spm_dir / "vocab.json"), str(spm_dir / "sentencepiece.bpe.model"),
                                        src_lang="en", tgt_lang="uk", model_max_length=512,
                                        additional_special_tokens=[f"__{c}__" for c in M2M_CODES["m2m100"]])
            target_code = "__uk__"
        else:
            raise SystemExit(f"unknown family '{family}' (nllb or m2m100)")
    tokenizer.save_pretrained(out_dir)

    config = M2M100Config(
        vocab_size=vocab_size_of(tokenizer), d_model=d_model, encoder_layers=layers, decoder_layers=layers,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=4 * d_model,
        decoder_ffn_dim=4 * d_model, max_position_embeddings=512, scale_embedding=True,
        pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.eos_token_id,
    )
    save_random_model(M2M100ForConditionalGeneration, config, out_dir, seed)
    check = AutoTokenizer.from_pretrained(out_dir)  # fail here, not in a test, when the layout is wrong
    if check.convert_tokens_to_ids(target_code) == check.unk_token_id:
        raise SystemExit(f"{out_dir}: the tokenizer lost the {family} language codes")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--family", choices=("nllb", "m2m100"), default="nllb")
    parser.add_argument("--d-model", type=int, default=32)
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--vocab-size", type=int, default=1000)
    parser.add_argument("--sentences", type=int, default=300, help="training lines per language")
    args = parser.parse_args(argv)
    print(build(args.out_dir, args.d_model, args.layers, args.vocab_size, args.sentences, family=args.family))
    return 0


if __name__ == "__main__":
    sys.exit(main())
