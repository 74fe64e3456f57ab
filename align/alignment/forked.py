"""Arrays computed ahead by a forked helper while this process works on what comes first.

The band DP's sequential part is the recurrence from row to row; pricing a block of rows reads
only the scorer. A helper forked once the band is known prices the last blocks and writes the
arrays into memory both processes share, so nothing is pickled, while this process prices the
first blocks and runs the recurrence over them. The arrays are the same numbers either process
would compute (pricing is element by element), so the path found is the same.
"""

from __future__ import annotations

import gc
import mmap
import os
import select
import threading
import time
from collections.abc import Callable, Iterator, Sequence

import numpy as np

Layout = Sequence[tuple[tuple[int, ...], type]]
"""The arrays one item gives: (shape, dtype) of each, in order."""

_FORKED: list[int] = []
"""Helpers forked here that have not been waited for (reap_forked)."""


def split_map(func: Callable[[object], tuple[np.ndarray, ...]], items: Sequence, layouts: Sequence[Layout],
              first_remote: int) -> Iterator[tuple[np.ndarray, ...]]:
    """func(item) for every item, in order. A forked helper computes items from the last one
    back to `first_remote`, each arriving as it is done, while this process computes from the
    front; an item the helper has not finished when it is wanted is computed here, and the
    helper stops there (so a helper starved of its core, or dead, costs no wait), unless the
    helper is computing it and should finish sooner than this process would (_worth_waiting).
    Should no helper start, this process computes everything. A generator: the helper starts
    at the first next()."""
    remote = _start(func, items, layouts, first_remote) if first_remote < len(items) else None
    if remote is None:
        yield from map(func, items)
        return
    pipe, views, shared = remote
    done: set[int] = set()
    pace = _Pace(layouts)
    os.set_blocking(pipe, False)
    try:
        for k, item in enumerate(items):
            if k >= first_remote and k not in done:
                _read_done(pipe, done)
                if k not in done and _worth_waiting(shared, pace, k):
                    _wait_done(pipe, done, k, pace.here(k))
            if k in done:
                yield views[k]
            else:
                shared[_CLAIMED] = k + 1  # the helper takes nothing from here back
                started = time.monotonic()
                arrays = func(item)
                pace.record(k, time.monotonic() - started)
                yield arrays
    finally:
        os.close(pipe)


# Slots of the shared header: this process's claim, the helper's current item, when it started
# it, and the helper's seconds per byte of output so far (0: none finished yet).
_CLAIMED, _WORKING, _STARTED, _HELPER_PACE = range(4)
_HEADER = 4


class _Pace:
    """Seconds per byte of output of the items this process computed, to tell how long an item
    would take here (items' output sizes stand for their work: a band block's cells)."""

    def __init__(self, layouts: Sequence[Layout]) -> None:
        self.sizes = [_nbytes(layout) for layout in layouts]
        self.seconds = 0.0
        self.size = 0

    def record(self, k: int, seconds: float) -> None:
        self.seconds += seconds
        self.size += self.sizes[k]

    def here(self, k: int) -> float:
        """Seconds item k would take in this process (0 while nothing was timed)."""
        return self.sizes[k] * self.seconds / self.size if self.size else 0.0


def _worth_waiting(shared: np.ndarray, pace: _Pace, k: int) -> bool:
    """Whether the helper is computing item k and should finish it before this process could.
    At the meeting point the helper is often some way into the very item this process reaches
    next: computed here as well (the timing pair's band), a 300-row block cost this process
    its whole pricing for nothing."""
    if int(shared[_WORKING]) != k:
        return False
    here = pace.here(k)
    rate = float(shared[_HELPER_PACE]) or (pace.seconds / pace.size if pace.size else 0.0)
    left = float(shared[_STARTED]) + pace.sizes[k] * rate - time.monotonic()
    return 0.0 < here and left < here


def _wait_done(pipe: int, done: set[int], k: int, longest: float) -> None:
    """Read the helper's reports until item k is done, for at most `longest` seconds (what
    computing it here would take: a helper slower than foreseen costs at most that)."""
    end = time.monotonic() + longest
    while k not in done:
        left = end - time.monotonic()
        if left <= 0 or not select.select([pipe], [], [], left)[0]:
            return
        before = len(done)
        _read_done(pipe, done)
        if len(done) == before:  # readable and nothing read: the helper has exited
            return


def _nbytes(layout: Layout) -> int:
    return sum(_array_nbytes(layout))


def _array_nbytes(layout: Layout) -> list[int]:
    """The bytes of each array of an item's output."""
    return [int(np.prod(shape)) * np.dtype(dtype).itemsize for shape, dtype in layout]


def _read_done(pipe: int, done: set[int]) -> None:
    """Add to `done` the items the helper has reported finished so far (4-byte indices)."""
    while True:
        try:
            chunk = os.read(pipe, 4096)
        except BlockingIOError:
            return
        if not chunk:  # the helper has exited
            return
        done.update(np.frombuffer(chunk[:len(chunk) // 4 * 4], dtype=np.int32).tolist())


def _start(func: Callable[[object], tuple[np.ndarray, ...]], items: Sequence, layouts: Sequence[Layout],
           first_remote: int) -> tuple[int, list[tuple[np.ndarray, ...] | None], np.ndarray] | None:
    """Fork a helper computing func(item) of items[first_remote:], from the last, into shared
    memory: (the pipe on which it sends each finished item's index, views of the items'
    arrays (None for those it never takes), the shared header (see _CLAIMED)), or None where
    none can start."""
    sizes = [_array_nbytes(layout) for layout in layouts]
    total = sum(sum(size) for size in sizes[first_remote:])
    # A fork copies no thread but the caller's: a process with others (an embedder's) stays alone.
    if not total or threading.active_count() > 1 or not hasattr(os, "fork"):
        return None
    at = 8 * _HEADER
    try:
        memory = mmap.mmap(-1, total + at)
        read, write = os.pipe()
    except OSError:
        return None
    shared = np.frombuffer(memory, dtype=np.float64, count=_HEADER)
    shared[_WORKING] = -1
    views: list[tuple[np.ndarray, ...] | None] = [None] * first_remote
    for layout, size in zip(layouts[first_remote:], sizes[first_remote:], strict=True):
        arrays = []
        for (shape, dtype), nbytes in zip(layout, size, strict=True):
            arrays.append(np.frombuffer(memory, dtype=dtype, count=nbytes // np.dtype(dtype).itemsize,
                                        offset=at).reshape(shape))
            at += nbytes
        views.append(tuple(arrays))
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the helper: never returns
        os.close(read)
        _serve(func, items, views, first_remote, shared, write)
    os.close(write)
    _FORKED.append(pid)
    return read, views, shared


def _serve(func: Callable[[object], tuple[np.ndarray, ...]], items: Sequence,
           views: list[tuple[np.ndarray, ...] | None], first_remote: int, shared: np.ndarray, pipe: int) -> None:
    """The helper's work: items from the last back to first_remote, until one this process has
    claimed, each one's arrays into shared memory and then its index on the pipe (its current
    item, when it started it and its pace in the shared header); then exit without running
    the parent's clean-up (its open files and buffers are the parent's)."""
    code = 1
    try:
        # A collection would walk (and so copy) every object the parent has loaded.
        gc.disable()
        seconds, size = 0.0, 0
        for k in range(len(items) - 1, first_remote - 1, -1):
            if shared[_CLAIMED] > k:
                break
            started = time.monotonic()
            shared[_STARTED] = started
            shared[_WORKING] = k
            for target, value in zip(views[k], func(items[k]), strict=True):
                target[...] = value
            seconds += time.monotonic() - started
            size += sum(view.nbytes for view in views[k])
            shared[_HELPER_PACE] = seconds / size
            os.write(pipe, np.int32(k).tobytes())
        code = 0
    finally:
        os._exit(code)


def reap_forked() -> None:
    """Collect the helpers forked here that have exited; one still pricing a block this
    process took over is left to a later call rather than waited for."""
    for pid in list(_FORKED):
        try:
            finished, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            finished = pid
        if finished:
            _FORKED.remove(pid)
