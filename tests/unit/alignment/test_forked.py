"""The forked pricing helper: what it computes is what this process would, and a helper that
dies or cannot start leaves the work to this process."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from align.alignment import forked, pairwise
from align.alignment.pairwise import BEADS, band_from_path, banded_dp

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks a helper")


def _square(k: int) -> tuple[np.ndarray, np.ndarray]:
    return np.full((2, 3), k * k, dtype=np.float64), np.arange(4, dtype=np.int64) + k


LAYOUT = [((2, 3), np.float64), ((4,), np.int64)]
_CHILD = "ALIGN_FORKED_TEST_CHILD"


def _in_fresh_process(test: str) -> None:
    if os.environ.get(_CHILD):
        pytest.fail("threads are running even in a fresh interpreter")
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{__file__}::{test}"],
                            cwd=root, env={**os.environ, _CHILD: "1"}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "1 passed" in result.stdout, result.stdout[-2000:]


def test_split_map_gives_every_item_in_order() -> None:
    items = list(range(7))
    got = list(forked.split_map(_square, items, [LAYOUT] * len(items), 3))
    forked.reap_forked()
    for k, (a, b) in zip(items, got, strict=True):
        assert (a == k * k).all() and (b == np.arange(4) + k).all()


def test_split_map_computes_here_what_a_dead_helper_left() -> None:
    parent = os.getpid()

    def dies_in_helper(k: int) -> tuple[np.ndarray, np.ndarray]:
        if os.getpid() != parent and k >= 5:
            os._exit(3)
        return _square(k)

    items = list(range(8))
    got = list(forked.split_map(dies_in_helper, items, [LAYOUT] * len(items), 2))
    forked.reap_forked()
    assert [int(a[0, 0]) for a, _ in got] == [k * k for k in items]


@pytest.mark.parametrize("seed", range(4))
def test_shared_band_finds_the_same_path(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Wrong: a helper pricing the last rows changes the path or a cost. Right: identical."""
    import threading

    if threading.active_count() > 1:
        # No helper is forked beside other threads (an earlier test in this process left some
        # running): the same case runs in a fresh interpreter instead of being skipped.
        _in_fresh_process(f"test_shared_band_finds_the_same_path[{seed}]")
        return
    rng = random.Random(seed)
    n, m = rng.randint(40, 90), rng.randint(40, 90)
    table = np.asarray([[[rng.randint(0, 6) + rng.random() for _ in range(m + 1)] for _ in range(n + 1)]
                        for _ in BEADS])

    def price(i, j, shapes):
        return np.stack([table[BEADS.index(s)][np.asarray(i)[:, None], j] for s in shapes])

    lo, hi = band_from_path(np.linspace(0, m, n + 1), 6.0, m)
    alone = banded_dp(price, 0, n, 0, m, lo, hi, line=np.linspace(0, m, n + 1).tolist(), tie=1e-6)
    monkeypatch.setattr(pairwise, "SHARE_MIN_ROWS", 10)
    monkeypatch.setattr(pairwise, "idle_cores", lambda: 1)
    forks = []
    monkeypatch.setattr(forked, "_FORKED", forks)
    shared = banded_dp(price, 0, n, 0, m, lo, hi, line=np.linspace(0, m, n + 1).tolist(), tie=1e-6, share=True)
    assert forks, "no helper was forked"
    forked.reap_forked()
    assert shared == alone


def test_helper_share_is_capped_in_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    """A wide band's helper part waits whole in shared memory: it is kept under SHARE_MAX_CELLS."""
    monkeypatch.setattr(pairwise, "idle_cores", lambda: 1)
    widths = np.full(2000, 400)
    blocks, first = pairwise._split_blocks(widths, True)
    helper_cells = sum((r1 - r0) * w for r0, r1, w in blocks[first:])
    assert 0 < helper_cells <= pairwise.SHARE_MAX_CELLS
    assert blocks[0][0] == 0 and blocks[-1][1] == 2000
    assert all(a[1] == b[0] for a, b in zip(blocks, blocks[1:], strict=False))
    monkeypatch.setattr(pairwise, "idle_cores", lambda: 0)
    assert pairwise._split_blocks(widths, True)[1] == len(pairwise._split_blocks(widths, True)[0])


def test_split_map_does_not_wait_for_a_starved_helper() -> None:
    """Wrong: this process blocks on a helper that gets no core. Right: it prices the helper's
    items itself when it reaches them, and the helper stops at what this process claimed."""
    import time

    parent = os.getpid()

    def slow_in_helper(k: int) -> tuple[np.ndarray, np.ndarray]:
        if os.getpid() != parent:
            time.sleep(5)
        return _square(k)

    items = list(range(6))
    start = time.perf_counter()
    got = list(forked.split_map(slow_in_helper, items, [LAYOUT] * len(items), 1))
    assert time.perf_counter() - start < 4
    assert [int(a[0, 0]) for a, _ in got] == [k * k for k in items]
    forked.reap_forked()


def test_split_map_waits_for_the_item_the_helper_is_finishing() -> None:
    """Wrong: this process reaches the item the helper is computing and computes it again (at
    the meeting point of the timing pair's band, a whole 300-row block priced twice). Right:
    the helper should finish it sooner than this process could, so this process waits for it."""
    import threading
    import time

    if threading.active_count() > 1:
        # No helper is forked beside other threads: the case runs in a fresh interpreter.
        _in_fresh_process("test_split_map_waits_for_the_item_the_helper_is_finishing")
        return
    parent = os.getpid()
    computed_here = []

    def timed(k: int) -> tuple[np.ndarray, np.ndarray]:
        if os.getpid() == parent:
            computed_here.append(k)
            time.sleep(1.0)  # this process is slow: about a second an item
        else:
            time.sleep({3: 0.4, 2: 0.4, 1: 0.6}[k])  # the helper reaches item 1 at ~0.8 s
        return _square(k)

    items = list(range(4))
    got = list(forked.split_map(timed, items, [LAYOUT] * len(items), 1))
    forked.reap_forked()
    assert [int(a[0, 0]) for a, _ in got] == [k * k for k in items]
    assert computed_here == [0]
