"""Shared fixtures: paths to the project's data and to the FLORES dev set in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
FLORES = ROOT.parent / "shared" / "data" / "flores200-devtest"


@pytest.fixture(scope="session")
def flores_dir() -> Path:
    if not (FLORES / "en.txt").is_file():
        pytest.skip(f"FLORES dev set not found at {FLORES}")
    return FLORES


@pytest.fixture(scope="session")
def flores(flores_dir: Path) -> dict[str, list[str]]:
    return {lang: (flores_dir / f"{lang}.txt").read_text(encoding="utf-8").splitlines() for lang in ("en", "uk", "ru")}
