"""Install names, version tags, what the wheel holds, and the permissions of written files."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import tomllib

import align
from align.textio import write_atomic
from tests.paths import ROOT


def test_the_distribution_name_is_ours_and_every_install_line_uses_it() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == align.DIST_NAME == "align-newsroom"
    assert project["scripts"] == {"align": "align.cli:main"}  # the command keeps its name
    assert project["version"] == align.__version__
    assert "cat" in project["optional-dependencies"]
    docs = {path: path.read_text(encoding="utf-8") for path in
            [ROOT / "README.md", ROOT / ".pre-commit-hooks.yaml", *sorted((ROOT / "docs").glob("*.md"))]}
    installs = 0
    for path, text in docs.items():
        # `align[...]` or a bare `pip install align` would fetch the unrelated PyPI project.
        assert not re.search(r"""["'\s]align\[""", text), path
        assert not re.search(r"pip install (-U )?align\b(?!-)", text), path
        installs += len(re.findall(r"align-newsroom\[", text))
    assert installs >= 3
    assert "make setup" in docs[ROOT / "README.md"]


def test_rev_pins_name_the_version_tag() -> None:
    tag = f"v{align.__version__}"
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    ci = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert f"rev: {tag}" in hooks and f"rev: {tag}" in ci
    assert "vX.Y.Z" in ci  # the scheme is written down


def test_the_makefile_installs_the_cat_extra() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r'pip install -q -e "\.\[[^]]*\bcat\b', makefile)


@pytest.mark.slow
def test_the_wheel_holds_the_package_and_its_data_but_no_samples_or_development_code(tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="the dev extra installs hatchling, to build without a download")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                           "--no-index", "-q", "-w", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "align/cli.py" in names and "align/_data/models/registry.toml" in names
    assert any(name.startswith("align/_data/lang/uk/") for name in names)
    assert "align/_data/glossary.tsv" in names
    # The samples (broken files among them) are demo and test inputs of the repository only.
    strays = [name for name in names if "/samples/" in name or name.split("/")[0] in ("bench", "tools", "tests", "scripts")]
    assert strays == []


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="no permission bits")
def test_outputs_honour_the_umask_and_the_replaced_files_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new = tmp_path / "report.html"
        write_atomic(new, "<p>x</p>")
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        os.umask(0o077)
        private = tmp_path / "private.json"
        write_atomic(private, "{}")
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
        os.umask(0o022)
        shared = tmp_path / "shared.json"
        shared.write_text("{}")
        shared.chmod(0o664)
        write_atomic(shared, '{"a": 1}')
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664 and shared.read_text() == '{"a": 1}'
    finally:
        os.umask(old)


def test_the_cli_writes_reports_readable_by_the_group(tmp_path: Path) -> None:
    (tmp_path / "r.en.txt").write_text("The army fired 12 missiles.\n", encoding="utf-8")
    (tmp_path / "r.uk.txt").write_text("Армія випустила 12 ракет.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(["sh", "-c", f"umask 002 && {sys.executable} -m align check r.en.txt r.uk.txt "
                           "--embedder none -f json -o out.json"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o664
