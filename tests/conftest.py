"""Shared fixtures: the FLORES dev set through the benchmarks' locator (bench.data: an explicit
folder, else $ALIGN_FLORES_DIR, else ../shared/data/flores200-devtest beside the repository)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import data


@pytest.fixture(scope="session")
def flores_dir() -> Path:
    try:
        return data.flores_dir()
    except data.DataMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def flores(flores_dir: Path) -> dict[str, list[str]]:
    """Line-aligned FLORES-200 devtest sentences per language (en, uk, ru)."""
    return data.load_flores(flores_dir)
