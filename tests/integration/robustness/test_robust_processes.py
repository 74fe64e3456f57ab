"""Cases that need a real process: FIFOs (a hang would hang the suite), standard output, hash
seeds, kill -9 at random points, a full disk, and long repetitive input."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.integration.robustness.helpers import (
    EN,
    ROOT,
    RU,
    UK,
    align,
    align_subprocess,
    assert_input_error,
    assert_worked,
    checksums,
    files,
)

SAMPLES = ROOT / "data" / "samples"


def test_a_fifo_input_is_refused_not_waited_on(inputs):
    fifo = inputs / "pipe.uk.txt"
    os.mkfifo(fifo)
    proc = align_subprocess("check", inputs / "r.en.txt", fifo, timeout=60)
    assert_input_error(proc, "not a regular file")
    run = align_subprocess("run", inputs, "--out", inputs.parent / "out", "--no-translate", "--embedder", "none",
                           timeout=120)
    assert "pipe.uk.txt: skipped, not a regular file" in run.stderr


def test_a_fifo_output_is_written_into_not_replaced(inputs, tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = align_subprocess("check", *files(inputs), "-f", "json", "-o", fifo, "--embedder", "none", timeout=120)
    reader.join(30)
    assert_worked(proc)
    assert json.loads(received[0])["languages"] == ["en", "uk", "ru"]
    assert fifo.is_fifo()


def test_a_link_to_standard_output_prints_the_report(inputs, tmp_path):
    link = tmp_path / "stdout"
    os.symlink("/proc/self/fd/1", link)  # what /dev/stdout is, in a folder a regression cannot harm
    proc = align_subprocess("check", *files(inputs), "-f", "json", "-o", link, "--embedder", "none")
    assert_worked(proc)
    assert json.loads(proc.stdout)["source"] == "en"
    assert link.is_symlink()


def _outputs(folder: Path) -> dict[str, str]:
    return {name: digest for name, digest in checksums(folder).items() if name != ".align-run.lock"}


def _newsroom(folder: Path, releases: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "uk", "ru"):
        shutil.copy(SAMPLES / f"release.{lang}.txt", folder / f"sample.{lang}.txt")
    for k in range(releases - 1):
        for lang, text in (("en", EN), ("uk", UK), ("ru", RU)):
            (folder / f"r{k}.{lang}.txt").write_text(text.replace("47", str(47 + k)), encoding="utf-8")
    return folder


def test_outputs_do_not_depend_on_the_hash_seed(tmp_path):
    src = _newsroom(tmp_path / "in", 2)
    before = checksums(src)
    digests = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        proc = align_subprocess("run", src, "--out", out, "--no-translate", "--embedder", "none", "-f", "sarif",
                                "-f", "md", env={"PYTHONHASHSEED": seed}, timeout=300)
        assert proc.returncode in (0, 1), proc.stderr
        digests.append(_outputs(out))
    assert digests[0] == digests[1]
    assert {"index.html", "sample.report.html", "sample.report.json", "align.sarif"} <= set(digests[0])
    assert checksums(src) == before


def test_a_rerun_that_changes_nothing_leaves_index_html_alone(inputs, tmp_path):
    out = tmp_path / "out"
    args = ("run", inputs, "--out", out, "--no-translate", "--embedder", "none")
    assert_worked(align(*args))
    index = out / "index.html"
    first = index.stat()
    time.sleep(0.01)
    again = align(*args)
    assert_worked(again)
    assert "1 up to date" in again.stderr
    second = index.stat()
    assert (second.st_ino, second.st_mtime_ns) == (first.st_ino, first.st_mtime_ns)


@pytest.mark.slow
def test_repetitive_text_aligns_in_well_under_a_minute(tmp_path):
    en = tmp_path / "rep.en.txt"
    uk = tmp_path / "rep.uk.txt"
    en.write_text("The president met the minister of defence on Monday.\n" * 5000, encoding="utf-8")
    uk.write_text("Президент зустрівся з міністром оборони в понеділок.\n" * 4000, encoding="utf-8")
    started = time.monotonic()
    proc = align_subprocess("check", en, uk, "--embedder", "none", "-f", "json", "-o", tmp_path / "r.json",
                            timeout=120)
    elapsed = time.monotonic() - started
    assert_worked(proc)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    covered = {lang: sorted(i for seg in report["segments"] for i in seg["sentences"][lang]) for lang in ("en", "uk")}
    assert covered == {"en": list(range(5000)), "uk": list(range(4000))}
    assert elapsed < 45, elapsed


@pytest.mark.slow
def test_kill_9_at_random_points_then_rerun_gives_the_uninterrupted_outputs(tmp_path):
    src = _newsroom(tmp_path / "in", 6)
    before = checksums(src)
    env = {"PYTHONHASHSEED": "0"}
    args = ("--no-translate", "--embedder", "none", "--no-progress")
    reference = tmp_path / "reference"
    started = time.monotonic()
    proc = align_subprocess("run", src, "--out", reference, *args, env=env, timeout=300)
    full = time.monotonic() - started
    assert proc.returncode in (0, 1), proc.stderr
    expected = _outputs(reference)
    rng = random.Random(13)
    for attempt in range(3):
        out = tmp_path / f"killed{attempt}"
        child = subprocess.Popen([sys.executable, "-m", "align", "run", str(src), "--out", str(out), *args],
                                 env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, full * 0.9))
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        finished = _finished(out)
        stamps = {name: (out / name).stat().st_mtime_ns for name in finished}
        rerun = align_subprocess("run", src, "--out", out, *args, env=env, timeout=300)
        assert rerun.returncode in (0, 1), rerun.stderr
        assert _outputs(out) == expected, f"attempt {attempt}: outputs differ after kill -9 and re-run"
        # Releases finished before the kill are not redone: their reports were not rewritten.
        assert {name: (out / name).stat().st_mtime_ns for name in finished} == stamps
        assert f"{len({n.split('.report')[0] for n in finished})} up to date" in rerun.stderr
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert checksums(src) == before


def _finished(out: Path) -> list[str]:
    """Report files of the releases the manifest of a killed run records as done."""
    try:
        manifest = json.loads((out / ".align-manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return sorted(name for entry in manifest["releases"].values() for name in entry["outputs"])


@pytest.fixture()
def tiny_disk(tmp_path):
    """A 64 KiB tmpfs: full after the first report."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_leaves_no_partial_report(tiny_disk, tmp_path):
    src = _newsroom(tmp_path / "in", 4)
    before = checksums(src)
    (tiny_disk / "keep.json").write_text("{}\n")
    check = align("check", *(src / f"sample.{lang}.txt" for lang in ("en", "uk", "ru")), "--embedder", "none",
                  "-f", "html", "-o", tiny_disk / "keep.json")
    assert_input_error(check, "No space left on device")
    assert (tiny_disk / "keep.json").read_text() == "{}\n"  # the old file is whole, not half-replaced
    out = tiny_disk / "out"
    run = align("run", src, "--out", out, "--no-translate", "--embedder", "none", "--no-progress")
    assert run.code == 2 and "Traceback" not in run.stderr and "No space left" in run.stderr
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers
    manifest = json.loads((out / ".align-manifest.json").read_text()) if (out / ".align-manifest.json").exists() else \
        {"releases": {}}
    recorded = {name: digest for entry in manifest["releases"].values() for name, digest in entry["outputs"].items()}
    for path in out.glob("*.report.*"):
        # Every report on the disk is complete: the manifest's digest, or parseable to the end.
        if path.name in recorded:
            assert hashlib.sha256(path.read_bytes()).hexdigest() == recorded[path.name]
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        else:
            assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert checksums(src) == before


def test_temp_files_a_killed_run_left_are_removed_by_the_next(inputs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".r.report.html.ab12_x9z.tmp"
    stale.write_text("<!DOCTYPE html><html><body>half a rep")
    mine = out / ".notes.tmp"  # not a name write_atomic makes: left alone
    mine.write_text("keep")
    assert_worked(align("run", inputs, "--out", out, "--no-translate", "--embedder", "none"))
    assert not stale.exists() and mine.read_text() == "keep"
