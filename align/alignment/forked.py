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
import threading
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
    helper stops there (so a helper starved of its core, or dead, costs no wait). Should no
    helper start, this process computes everything. A generator: the helper starts at the
    first next()."""
    remote = _start(func, items, layouts, first_remote) if first_remote < len(items) else None
    if remote is None:
        yield from map(func, items)
        return
    pipe, views, claimed = remote
    done: set[int] = set()
    os.set_blocking(pipe, False)
    try:
        for k, item in enumerate(items):
            if k >= first_remote and k not in done:
                _read_done(pipe, done)
            if k in done:
                yield views[k]
            else:
                claimed[0] = k + 1  # the helper takes nothing from here back
                yield func(item)
    finally:
        os.close(pipe)


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
    arrays (None for those it never takes), the index this process has claimed up to), or None
    where none can start."""
    sizes = [[int(np.prod(shape)) * np.dtype(dtype).itemsize for shape, dtype in layout] for layout in layouts]
    total = sum(sum(size) for size in sizes[first_remote:])
    # A fork copies no thread but the caller's: a process with others (an embedder's) stays alone.
    if not total or threading.active_count() > 1 or not hasattr(os, "fork"):
        return None
    try:
        memory = mmap.mmap(-1, total + 8)
        read, write = os.pipe()
    except OSError:
        return None
    claimed = np.frombuffer(memory, dtype=np.int64, count=1)
    views: list[tuple[np.ndarray, ...] | None] = [None] * first_remote
    at = 8
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
        _serve(func, items, views, first_remote, claimed, write)
    os.close(write)
    _FORKED.append(pid)
    return read, views, claimed


def _serve(func: Callable[[object], tuple[np.ndarray, ...]], items: Sequence,
           views: list[tuple[np.ndarray, ...] | None], first_remote: int, claimed: np.ndarray, pipe: int) -> None:
    """The helper's work: items from the last back to first_remote, until one this process has
    claimed, each one's arrays into shared memory and then its index on the pipe; then exit
    without running the parent's clean-up (its open files and buffers are the parent's)."""
    code = 1
    try:
        # A collection would walk (and so copy) every object the parent has loaded.
        gc.disable()
        for k in range(len(items) - 1, first_remote - 1, -1):
            if claimed[0] > k:
                break
            for target, value in zip(views[k], func(items[k]), strict=True):
                target[...] = value
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
