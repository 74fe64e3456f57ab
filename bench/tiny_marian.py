"""Build a small randomly initialised Marian en->uk/ru model with a real SentencePiece vocabulary.

    python -m bench.tiny_marian DIR [--d-model 32] [--layers 1] [--vocab-size 1000]

The weights are random, so the output is gibberish; the model exists so that tests and
benchmarks can run the whole translation path (resolve, load, tokenise, batch, generate,
convert to CTranslate2, decode) without downloading anything. With `--d-model 512 --layers 6`
it has the shape of a real opus-mt base model, which makes speed comparisons meaningful.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from bench.data import DataMissing, flores_dir

TARGET_TOKENS = (">>ukr<<", ">>rus<<")
# Fallback training text when FLORES is absent: short sentences with figures in all three languages.
_FALLBACK = [
    "On January 2, 2024, Russia launched almost 100 missiles of various types.",
    "At least 70 missiles were shot down, nearly 60 of them near Kyiv.",
    "The European Union approved EUR 50 billion in support for Ukraine.",
    "2 січня 2024 року Росія випустила майже 100 ракет різних типів.",
    "Щонайменше 70 ракет було збито, майже 60 з них поблизу Києва.",
    "Європейський Союз схвалив 50 мільярдів євро підтримки для України.",
    "2 января 2024 года Россия выпустила почти 100 ракет различных типов.",
    "По меньшей мере 70 ракет были сбиты, почти 60 из них возле Киева.",
    "Европейский союз одобрил 50 миллиардов евро поддержки для Украины.",
]


def training_sentences(limit: int) -> list[str]:
    """Up to `limit` lines from each of the FLORES en/uk/ru files, else the built-in sample."""
    lines: list[str] = []
    try:
        folder = flores_dir()
    except DataMissing:
        folder = None
    for lang in ("en", "uk", "ru") if folder else ():
        lines += (folder / f"{lang}.txt").read_text(encoding="utf-8").splitlines()[:limit]
    if not lines:
        lines = _FALLBACK * 20
    lines += [str(n) for n in range(0, 1000, 7)]  # digits of every kind in the vocabulary
    return lines


def train_sentencepiece(model_file: Path, vocab_size: int, sentences: int, **special_ids) -> Path:
    """A unigram SentencePiece model trained on `training_sentences(sentences)`, written to
    `model_file`; `special_ids` sets the family's layout (bos_id, pad_id, user_defined_symbols...)."""
    import sentencepiece as spm

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.txt"
        corpus.write_text("\n".join(training_sentences(sentences)) + "\n", encoding="utf-8")
        spm.SentencePieceTrainer.train(
            input=str(corpus), model_prefix=str(Path(tmp) / "sp"), vocab_size=vocab_size,
            model_type="unigram", character_coverage=1.0, minloglevel=2, num_threads=1, **special_ids,
        )
        model_file.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(Path(tmp) / "sp.model", model_file)
    return model_file


def save_random_model(model_class, config, out_dir: Path, seed: int) -> None:
    """A randomly initialised `model_class(config)` saved to `out_dir`, greedy, 512 tokens at most."""
    import torch

    config.architectures = [model_class.__name__]
    torch.manual_seed(seed)
    model = model_class(config).eval()
    model.generation_config.max_length = 512
    model.generation_config.num_beams = 1
    model.save_pretrained(out_dir)


def build(out_dir: Path, d_model: int = 32, layers: int = 1, vocab_size: int = 1000,
          sentences: int = 300, seed: int = 0) -> Path:
    """Write a loadable MarianMTModel + MarianTokenizer to `out_dir` and return it."""
    import sentencepiece as spm
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out_dir.mkdir(parents=True, exist_ok=True)
    train_sentencepiece(out_dir / "source.spm", vocab_size, sentences, user_defined_symbols=list(TARGET_TOKENS),
                        bos_id=-1, eos_id=-1, pad_id=-1, unk_id=0)
    shutil.copy(out_dir / "source.spm", out_dir / "target.spm")

    processor = spm.SentencePieceProcessor(model_file=str(out_dir / "source.spm"))
    # Marian's layout: </s> 0, <unk> 1, the pieces, <pad> last (pad doubles as decoder start).
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for piece in pieces:
        if piece not in vocab and piece not in ("<unk>", "<s>", "</s>"):
            vocab[piece] = len(vocab)
    vocab["<pad>"] = len(vocab)
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False, indent=1), encoding="utf-8")
    (out_dir / "tokenizer_config.json").write_text(json.dumps({
        "source_lang": "en", "target_lang": "zle", "model_max_length": 512,
        "separate_vocabs": False, "tokenizer_class": "MarianTokenizer",
    }), encoding="utf-8")

    pad_id = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(vocab), d_model=d_model,
        encoder_layers=layers, decoder_layers=layers,
        encoder_attention_heads=max(1, d_model // 64) if d_model >= 64 else 2,
        decoder_attention_heads=max(1, d_model // 64) if d_model >= 64 else 2,
        encoder_ffn_dim=4 * d_model, decoder_ffn_dim=4 * d_model, max_position_embeddings=512,
        pad_token_id=pad_id, eos_token_id=0, decoder_start_token_id=pad_id, bos_token_id=None,
        forced_eos_token_id=0, scale_embedding=True, share_encoder_decoder_embeddings=True,
    )
    save_random_model(MarianMTModel, config, out_dir, seed)
    MarianTokenizer.from_pretrained(out_dir)  # fail here, not in a test, when the layout is wrong
    return out_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--d-model", type=int, default=32)
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--vocab-size", type=int, default=1000)
    parser.add_argument("--sentences", type=int, default=300, help="training lines per language")
    args = parser.parse_args(argv)
    path = build(args.out_dir, args.d_model, args.layers, args.vocab_size, args.sentences)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
