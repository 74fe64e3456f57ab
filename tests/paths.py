"""Where the repository and its data are, for tests at any depth under tests/."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
# Shared evaluation material beside the repository, never copied into it; the FLORES set is
# found through bench.data (the conftest fixtures), which also honours $ALIGN_FLORES_DIR.
SEED_RELEASES = ROOT.parent / "shared" / "seeds"
