"""The robustness suite's fixture: a release whose files must come out of each test unchanged."""

from __future__ import annotations

import pytest

from tests.integration.robustness.helpers import TEXTS, checksums


@pytest.fixture()
def inputs(tmp_path):
    """A folder with a release in three languages; after the test, every file that was in it
    before must be byte for byte the same (outputs go elsewhere or are new files)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for lang, text in TEXTS.items():
        (folder / f"r.{lang}.txt").write_text(text, encoding="utf-8")
    before = checksums(folder)
    yield folder
    after = checksums(folder)
    changed = [name for name, digest in before.items() if after.get(name) != digest]
    assert not changed, f"input files changed: {changed}"
