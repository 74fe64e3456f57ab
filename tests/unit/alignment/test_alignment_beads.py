"""Bead pricing of issue 11, rounds 3 and 4, on FLORES windows: re-cut pairs (2-2) and pairs
between a drop and a stray insertion. The windows named here came out wrong before round 3
(alignment version 4) and right since; over every ninth window of FLORES (112 per pair, en-uk
and en-ru) the re-cut is found in 90 (version 4), 131 (version 5) and 142 (version 6) of 224,
and the pairs stay in place in 175, 186 and 183. Version 6 lost the drop-and-stray window
ru 99 (its sentence 5 has no feature the Russian text has, and pairs with the stray by length
alone) and kept the others."""

from __future__ import annotations

import random

import pytest

from align.alignment import align_pair
from align.alignment.aligner import _FeatureCache
from align.alignment.features import AnchorExtractors, params
from align.alignment.pairwise import PairScorer
from bench.edited_docs import resplit


def _beads(src: list[str], tgt: list[str], lang: str) -> list[tuple[list[int], list[int]]]:
    found, _ = align_pair(src, tgt, "en", lang, _FeatureCache(AnchorExtractors.load()))
    return [(list(range(b.s0, b.s1)), list(range(b.t0, b.t1))) for b in found]


@pytest.mark.parametrize(("lang", "start"), [("ru", 54), ("ru", 108), ("ru", 324)])
def test_recut_pair_is_one_two_two_bead(flores, lang: str, start: int) -> None:
    """Two sentences re-cut at another point (the first one's tail opens the second) are one
    2-2 bead, not 1-1 beads with mismatched lengths or a 1-2 + 2-1 around them."""
    src = flores["en"][start:start + 8]
    tgt = flores[lang][start:start + 8]
    pair = resplit(tgt[3], tgt[4], random.Random(start))
    assert pair is not None
    table = _beads(src, tgt[:3] + list(pair) + tgt[5:], lang)
    assert ([3, 4], [3, 4]) in table
    assert ([2], [2]) in table and ([5], [5]) in table


@pytest.mark.parametrize(("lang", "start"), [("ru", 144), ("uk", 126)])
def test_drop_and_stray_three_lines_apart_do_not_shift_the_pairs_between(flores, lang: str, start: int) -> None:
    """A dropped sentence and a stray sentence three lines later leave the pairs between them in
    place: each shifted pair would share little while its neighbour renders it (the rival
    term), and shifting them only saves the two skips."""
    src = flores["en"][start:start + 8]
    tgt = flores[lang][start:start + 8]
    stray = flores[lang][(start + 500) % len(flores[lang])]
    table = _beads(src, tgt[:1] + tgt[2:5] + [stray] + tgt[5:], lang)
    assert ([1], []) in table and ([], [4]) in table
    assert all(([k], [k - 1]) in table for k in (2, 3, 4))


def _scorer(src: list[str], tgt: list[str], lang: str) -> PairScorer:
    cache = _FeatureCache(AnchorExtractors.load())
    return PairScorer([cache.get(t, "en") for t in src], [cache.get(t, lang) for t in tgt],
                      [len(t) for t in src], [len(t) for t in tgt], "en", lang)


@pytest.mark.parametrize(("lang", "start"), [("uk", 252), ("ru", 711)])
def test_recut_with_a_short_first_piece_is_not_split_off(flores, lang: str, start: int) -> None:
    """Round 4 (alignment version 6): a re-cut whose first piece is short ("U deiakykh
    reportazhakh povidomliaietsia.") was a 1-2 with the previous sentence plus a 2-1; the piece
    renders the next source sentence, not the previous one, and the rival test for a merge's
    edge pieces charges the 1-2 for it."""
    src = flores["en"][start:start + 8]
    tgt = flores[lang][start:start + 8]
    pair = resplit(tgt[3], tgt[4], random.Random(start))
    assert pair is not None
    edited = tgt[:3] + list(pair) + tgt[5:]
    assert ([3, 4], [3, 4]) in _beads(src, edited, lang)
    scorer = _scorer(src, edited, lang)
    assert max(scorer.terms(3, 4, 1, 2)["edge"], scorer.terms(4, 5, 1, 2)["edge"]) > 0.0


@pytest.mark.parametrize(("lang", "start"), [("uk", 54), ("ru", 54), ("ru", 108)])
def test_straight_term_tells_a_recut_from_two_pairs(flores, lang: str, start: int) -> None:
    """A 2-2 bead over two plain 1-1 pairs pays the whole straight cost; over a re-cut (first
    target short, second long, the first source shared with the second target) less or none."""
    src = flores["en"][start:start + 8]
    tgt = flores[lang][start:start + 8]
    pair = resplit(tgt[3], tgt[4], random.Random(start))
    assert pair is not None
    plain = _scorer(src, tgt, lang).terms(5, 5, 2, 2)["straight"]
    recut = _scorer(src, tgt[:3] + list(pair) + tgt[5:], lang).terms(5, 5, 2, 2)["straight"]
    assert plain == pytest.approx(float(params()["cost"]["straight"]))
    assert recut < plain


def test_translated_names_in_a_merge_cost_less_than_a_dropped_sentence(flores) -> None:
    """Orphan sentences (anchors all missing from the other side) of a merge count in full only
    beside one whose anchors are found: both names of a true merge rendered past matching
    (Middle East / Blizhnii Vostok, Hebrew / evreiskii) cost orphan_alone of it each."""
    k = next(i for i, t in enumerate(flores["en"]) if t.startswith("In the warm climate of the Middle East"))
    merged = _scorer(flores["en"][k:k + 2], [flores["ru"][k] + " " + flores["ru"][k + 1]], "ru").terms(2, 1, 2, 1)
    cost = params()["cost"]
    assert merged["orphan"] == pytest.approx(2 * cost["orphan"] * cost["orphan_alone"])
