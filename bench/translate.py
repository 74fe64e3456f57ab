"""Benchmark translation backends: sentences per second and peak memory, transformers vs CTranslate2.

    python -m bench.translate [--model NAME_OR_PATH] [--sentences 200] [--to uk] [--beams 1]

Without --model it builds a randomly initialised Marian model with the shape of an opus-mt
base model (d_model 512, 6+6 layers) in a temporary directory: its output is gibberish, but
its speed is that of a real model of that size. Each backend runs in its own process so peak
memory (max RSS) belongs to it alone. Source sentences are the first N English lines of
FLORES-200 devtest. The masking retry's fire and fix counts come from the full pipeline
(checking with align.checking.check_pair); they mean something only with a real model.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from bench.data import exit_on_missing, load_flores


def _build_model(out_dir: Path, d_model: int, layers: int, vocab_size: int) -> Path:
    from bench.tiny_marian import build

    return build(out_dir, d_model=d_model, layers=layers, vocab_size=vocab_size, sentences=1012)


def _sentences(lang: str, count: int) -> list[str]:
    return load_flores(langs=(lang,))[lang][:count]


def _quality(hypotheses: list[str], lang: str, count: int) -> dict:
    """chrF++ and BLEU against the FLORES references (sacrebleu, with its signatures)."""
    try:
        import sacrebleu
    except ImportError:
        return {}
    references = [_sentences(lang, count)]
    chrf = sacrebleu.metrics.CHRF(word_order=2)
    bleu = sacrebleu.metrics.BLEU()
    return {
        "chrf": round(chrf.corpus_score(hypotheses, references).score, 2),
        "chrf_signature": str(chrf.get_signature()),
        "bleu": round(bleu.corpus_score(hypotheses, references).score, 2),
        "bleu_signature": str(bleu.get_signature()),
    }


def convert(args: argparse.Namespace) -> dict:
    """Make the CTranslate2 conversion once, in its own process, so that the CTranslate2 run
    measures translating, not converting (which needs torch in memory)."""
    from align.translation.backends import convert_to_ct2
    from align.translation.registry import resolve_model

    started = time.perf_counter()
    path = convert_to_ct2(resolve_model(args.source, args.target, args.model))
    return {"converted": str(path), "convert_s": round(time.perf_counter() - started, 2)}


def worker(args: argparse.Namespace) -> dict:
    """One backend in this process: load (and convert), raw throughput, then the full pipeline."""
    from align.translation import Translator

    sentences = _sentences(args.source, args.sentences)
    started = time.perf_counter()
    translator = Translator(args.source, args.target, model=args.model, backend=args.worker, beams=args.beams,
                            use_cache=True, progress=False)
    translator.backend.translate_batch(sentences[:2], args.beams)  # load, convert, warm up
    load_s = time.perf_counter() - started

    # First the model alone on an empty cache (this is the speed), then the full pipeline,
    # whose first pass now comes from the cache: what it adds is checking and masked retries.
    started, cpu_started = time.perf_counter(), time.process_time()
    outputs = translator._model_outputs(sentences)
    raw_s = time.perf_counter() - started
    # CPU seconds (all threads) as well as wall time: on a shared machine the wall clock
    # measures the neighbours too, CPU time mostly measures us.
    cpu_s = time.process_time() - cpu_started
    out_tokens = sum(translator.backend.token_counts(list(outputs.values())))

    started = time.perf_counter()
    hypotheses = translator.translate_sentences(sentences)
    pipeline_s = time.perf_counter() - started
    stats = translator.stats
    quality = _quality(hypotheses, args.target, len(sentences))
    return {
        **quality,
        "backend": args.worker,
        "signature": translator.signature,
        "sentences": len(sentences),
        "load_s": round(load_s, 2),
        "translate_s": round(raw_s, 2),
        "sentences_per_s": round(len(sentences) / raw_s, 2),
        "cpu_s": round(cpu_s, 2),
        "sentences_per_cpu_s": round(len(sentences) / cpu_s, 2),
        "output_tokens_per_s": round(out_tokens / raw_s, 1),
        "pipeline_s": round(pipeline_s, 2),
        "retries_fired": stats.retries_fired,
        "retries_fixed": stats.retries_fixed,
        "remaining_errors": len(stats.remaining_issues),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


@exit_on_missing
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="model name or directory (default: build a base-size random Marian)")
    parser.add_argument("--from", dest="source", default="en")
    parser.add_argument("--to", dest="target", default="uk")
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--beams", type=int, default=1)
    parser.add_argument("--backends", default="transformers,ctranslate2")
    parser.add_argument("--d-model", type=int, default=512)
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--vocab-size", type=int, default=8000)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker == "convert":
        print(json.dumps(convert(args)))
        return 0
    if args.worker:
        print(json.dumps(worker(args)))
        return 0

    with tempfile.TemporaryDirectory(prefix="align-bench-model-") as tmp:
        # one throwaway cache for every worker: conversions of hub-cache models land there
        os.environ["ALIGN_CACHE_DIR"] = str(Path(tmp) / "cache")
        model = args.model
        built = ""
        if model is None:
            started = time.perf_counter()
            model = str(_build_model(Path(tmp) / "random-opus-mt-en-zle", args.d_model, args.layers,
                                     args.vocab_size))
            built = (f"random Marian d_model={args.d_model} layers={args.layers}+{args.layers} "
                     f"vocab={args.vocab_size} (built in {time.perf_counter() - started:.1f} s)")
        results = []
        backends = args.backends.split(",")
        if "ctranslate2" in backends:
            backends = ["convert", *backends]
        conversion: dict = {}
        for backend in backends:
            cmd = [sys.executable, "-m", "bench.translate", "--worker", backend, "--model", model, "--from", args.source,
                   "--to", args.target, "--sentences", str(args.sentences), "--beams", str(args.beams)]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return done.returncode
            line = json.loads(done.stdout.strip().splitlines()[-1])
            if backend == "convert":
                conversion = line
            else:
                results.append(line)

    report = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": " ".join(["python -m bench.translate", *(argv or sys.argv[1:])]),
        "model": args.model or built,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average": os.getloadavg()[0],
        "ct2_conversion_s": conversion.get("convert_s"),
        "results": results,
    }
    if len(results) == 2:
        report["speedup"] = round(results[1]["sentences_per_s"] / results[0]["sentences_per_s"], 2)
        report["speedup_cpu"] = round(results[1]["sentences_per_cpu_s"] / results[0]["sentences_per_cpu_s"], 2)
    print(f"model: {report['model']}\n{report['machine']}; {args.source}->{args.target}, "
          f"{args.sentences} FLORES sentences, beams={args.beams}")
    if conversion:
        print(f"CTranslate2 conversion (once, reused afterwards): {conversion['convert_s']} s")
    print(f"{'backend':<13}{'load s':>8}{'sent/s':>9}{'sent/cpu-s':>11}{'tok/s':>9}{'peak MB':>9}{'fired':>7}{'fixed':>7}"
          f"{'chrF++':>8}{'BLEU':>7}")
    for r in results:
        print(f"{r['backend']:<13}{r['load_s']:>8}{r['sentences_per_s']:>9}{r['sentences_per_cpu_s']:>11}"
              f"{r['output_tokens_per_s']:>9}"
              f"{r['peak_rss_mb']:>9}{r['retries_fired']:>7}{r['retries_fixed']:>7}"
              f"{r.get('chrf', '-'):>8}{r.get('bleu', '-'):>7}")
    for key in ("chrf_signature", "bleu_signature"):
        if results and key in results[0]:
            print(f"{key.split('_')[0]}: {results[0][key]}")
    if "speedup" in report:
        print(f"speedup {results[1]['backend']} / {results[0]['backend']}: {report['speedup']}x wall, "
              f"{report['speedup_cpu']}x per CPU second (load average {report['load_average']:.1f})")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
