"""A progress bar on stderr for long `align check` / `align align` runs: shown on a terminal,
never when stderr is piped or --quiet is given, and only for inputs long enough to wait for."""

from __future__ import annotations

import sys
from typing import Any

# Below this many source sentences a run takes a second or two: a bar would only flicker.
PROGRESS_MIN_SENTENCES = 200


def wanted(requested: bool | None, sentences: int) -> bool:
    """Whether to show a bar: `requested` (--progress/--no-progress) wins; by default on a
    terminal for long inputs."""
    if requested is not None:
        return requested
    return sentences >= PROGRESS_MIN_SENTENCES and sys.stderr.isatty()


class Stages:
    """Stages of one run (splitting, aligning, checking N segments) as rich progress tasks;
    a no-op when not shown."""

    def __init__(self, show: bool) -> None:
        self._show = show
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Stages:
        if self._show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def stage(self, description: str, total: int | None = None) -> None:
        """A new stage; total None is an indeterminate (pulsing) bar."""
        if self._bar is None:
            return
        if self._task is not None:
            self._bar.update(self._task, visible=False)
        self._task = self._bar.add_task(description, total=total)

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, steps)


NO_PROGRESS = Stages(False)
