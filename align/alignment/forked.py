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
    """func(item) for every item, in order. The items from `first_remote` on are computed by a
    forked helper, each arriving as it is done; should no helper start, or one die, this
    process computes what is missing itself. A generator: the helper starts at the first next()."""
    remote = _start(func, items[first_remote:], layouts[first_remote:]) if first_remote < len(items) else None
    if remote is None:
        yield from map(func, items)
        return
    pipe, views = remote
    with os.fdopen(pipe, "rb", buffering=0) as done:  # closed however the caller stops
        for item in items[:first_remote]:
            yield func(item)
        for k, item in enumerate(items[first_remote:]):
            yield views[k] if done.read(1) else func(item)


def _start(func: Callable[[object], tuple[np.ndarray, ...]], items: Sequence, layouts: Sequence[Layout]
           ) -> tuple[int, list[tuple[np.ndarray, ...]]] | None:
    """Fork a helper computing func(item) of each item into shared memory: (the pipe on which
    it sends one byte an item, views of the items' arrays), or None where none can start."""
    sizes = [[int(np.prod(shape)) * np.dtype(dtype).itemsize for shape, dtype in layout] for layout in layouts]
    total = sum(map(sum, sizes))
    # A fork copies no thread but the caller's: a process with others (an embedder's) stays alone.
    if not total or threading.active_count() > 1 or not hasattr(os, "fork"):
        return None
    try:
        memory = mmap.mmap(-1, total)
        read, write = os.pipe()
    except OSError:
        return None
    views, at = [], 0
    for layout, size in zip(layouts, sizes, strict=True):
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
        _serve(func, items, views, write)
    os.close(write)
    _FORKED.append(pid)
    return read, views


def _serve(func: Callable[[object], tuple[np.ndarray, ...]], items: Sequence,
           views: list[tuple[np.ndarray, ...]], pipe: int) -> None:
    """The helper's work: each item's arrays into shared memory, a byte after each; then exit
    without running the parent's clean-up (its open files and buffers are the parent's)."""
    code = 1
    try:
        # A collection would walk (and so copy) every object the parent has loaded.
        gc.disable()
        for item, view in zip(items, views, strict=True):
            for target, value in zip(view, func(item), strict=True):
                target[...] = value
            os.write(pipe, b"\x01")
        code = 0
    finally:
        os._exit(code)


def reap_forked() -> None:
    """Wait for the helpers forked here (they have sent all they will by the time this is called)."""
    while _FORKED:
        try:
            os.waitpid(_FORKED.pop(), 0)
        except ChildProcessError:
            pass
