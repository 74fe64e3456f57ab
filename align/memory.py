"""The cyclic garbage collector paused around bulk work on loaded language data.

Figure and name data (pymorphy3 tables, the gazetteer, word lists, per-word caches) is some
hundred thousand long-lived containers that every full collection walks, about 0.1-0.2 s each
on a small machine. Alignment and checking allocate many short-lived objects and make no
reference cycles worth collecting mid-run, so reference counting frees what they drop and a
pause changes no result; the collector runs again as soon as the call returns.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

_Result = TypeVar("_Result")


def without_gc(func: Callable[..., _Result]) -> Callable[..., _Result]:
    """Run `func` with the cyclic collector paused (restored to its former state after)."""

    @wraps(func)
    def run(*args, **kwargs) -> _Result:
        was_on = gc.isenabled()
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return run
