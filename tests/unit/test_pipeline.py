"""The batch pipeline `align run`: outputs, resumability, manifest keying, failures, translation.

The checking stack is replaced by a small deterministic fake (one segment per line, an error when
the digits of a line differ) so these tests exercise the pipeline itself, fast; the real stack is
covered by tests/test_pipeline_real.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from align import workflow
from align.accepted import accept
from align.batch import MANIFEST_NAME, discover_releases, run_batch
from align.config import Config
from align.errors import InputError
from align.model import Document, Issue, Report, Segment, Sentence

RELEASES = {
    "alpha": {
        "en": "The ministry received 99 missiles.\nKyiv thanked 12 partners.\n",
        "uk": "Міністерство отримало 99 ракет.\nКиїв подякував 12 партнерам.\n",
        "ru": "Министерство получило 99 ракет.\nКиев поблагодарил 12 партнеров.\n",
    },
    "bravo": {
        "en": "Exports rose by 7% in 2024.\n",
        "uk": "Експорт зріс на 8% у 2024 році.\n",
    },
    "charlie": {
        "en": "The fund paid 3 million dollars.\n",
        "uk": "Фонд виплатив 3 мільйони доларів.\n",
        "ru": "Фонд выплатил 3 миллиона долларов.\n",
    },
}


def fake_load_documents(paths, langs=None, source="en", mode="split", verify_language=True):
    from align.textio import read_text
    from align.workflow import Inputs

    documents = {}
    for path, lang in zip(paths, langs, strict=True):
        text = read_text(path).text
        sentences = [Sentence(i, line, line=i + 1) for i, line in enumerate(text.splitlines()) if line]
        documents[lang] = Document(lang, text, sentences, path=str(path))
    return Inputs(documents=documents, source=source)


class FakeCheck:
    """check_documents stand-in that counts calls and can fail on a chosen call."""

    def __init__(self, fail_on_call: int | None = None, exc: BaseException | None = None) -> None:
        self.calls: list[str] = []
        self.fail_on_call = fail_on_call
        self.exc = exc

    def __call__(self, inputs, *, glossary=None, embedder="auto", checker=None, stages=None) -> Report:
        from align.checking import summarize

        self.calls.append(Path(inputs.documents[inputs.source].path).name)
        if self.fail_on_call == len(self.calls):
            raise self.exc
        langs = list(inputs.documents)
        count = max(len(d.sentences) for d in inputs.documents.values())
        segments = []
        for i in range(count):
            text = {lang: d.sentences[i].text if i < len(d.sentences) else "" for lang, d in inputs.documents.items()}
            seg = Segment(i, {lang: [i] for lang in langs}, text, scores={})
            for lang in langs[1:]:
                want, got = re.findall(r"\d+", text["en"]), re.findall(r"\d+", text[lang])
                if want != got:
                    issue = Issue("figure", "error", lang, " ".join(want), " ".join(got),
                                  f"{lang} has {' '.join(got)} where en has {' '.join(want)}",
                                  rule="figure.mismatch", segment=i)
                    issue.assign_id(text["en"], text[lang])
                    seg.issues.append(issue)
                seg.scores[lang] = 0.0 if seg.issues else 1.0
            segments.append(seg)
        return Report(langs, inputs.source, inputs.files, segments,
                      summary=summarize(segments, inputs.source, langs), signature="fake")


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeCheck:
    check = FakeCheck()
    monkeypatch.setattr(workflow, "load_documents", fake_load_documents)
    monkeypatch.setattr(workflow, "check_documents", check)
    monkeypatch.setattr(workflow, "load_glossary", lambda files=None: None)
    return check


def make_releases(folder: Path, releases: dict[str, dict[str, str]] = RELEASES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, versions in releases.items():
        for lang, text in versions.items():
            (folder / f"{name}.{lang}.txt").write_text(text, encoding="utf-8")
    return folder


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != ".align-run.lock"}


def assert_same_files(got: dict[str, bytes], want: dict[str, bytes]) -> None:
    """Byte-identical outputs, with a readable diff of the first differing file."""
    import difflib

    assert sorted(got) == sorted(want)
    for name in want:
        if got[name] != want[name]:
            diff = difflib.unified_diff(want[name].decode().splitlines(), got[name].decode().splitlines(),
                                        "expected", "got", lineterm="", n=0)
            pytest.fail(f"{name} differs:\n" + "\n".join(list(diff)[:20]))


def run(inputs, out, **kwargs):
    messages: list[str] = []
    kwargs.setdefault("translate", False)
    result = run_batch([inputs] if isinstance(inputs, Path) else inputs, out, progress=False,
                       log=messages.append, **kwargs)
    return result, messages


def test_run_writes_a_report_per_release_and_an_index(tmp_path: Path, fake: FakeCheck) -> None:
    src = make_releases(tmp_path / "in")
    result, _ = run(src, tmp_path / "out")
    files = snapshot(tmp_path / "out")
    for name in RELEASES:
        assert f"{name}.report.html" in files and f"{name}.report.json" in files
    assert {"index.html", MANIFEST_NAME} <= set(files)
    assert sorted(fake.calls) == ["alpha.en.txt", "bravo.en.txt", "charlie.en.txt"]
    bravo = next(r for r in result.releases if r.name == "bravo")
    assert bravo.counts["error"] == 1 and bravo.worst == "error"
    assert result.has_issues and not result.any_failed and result.exit_code == 1
    index = files["index.html"].decode()
    assert all(name in index for name in RELEASES) and 'href="./bravo.report.html"' in index
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_clean_batch_exits_zero_and_fail_on_never_ignores_errors(tmp_path: Path, fake: FakeCheck) -> None:
    src = make_releases(tmp_path / "in", {k: RELEASES[k] for k in ("alpha", "charlie")})
    assert run(src, tmp_path / "out")[0].exit_code == 0
    src2 = make_releases(tmp_path / "in2")
    assert run(src2, tmp_path / "out2", config=Config(fail_on="never"))[0].exit_code == 0


def test_interrupted_run_resumes_with_identical_outputs_and_no_repeated_work(
    tmp_path: Path, fake: FakeCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = make_releases(tmp_path / "in")
    out = tmp_path / "out"
    run(src, out)
    clean = snapshot(out)
    for path in out.iterdir():
        path.unlink()

    # Interrupt (Ctrl-C) in the middle of the second release.
    interrupted = FakeCheck(fail_on_call=2, exc=KeyboardInterrupt())
    monkeypatch.setattr(workflow, "check_documents", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(src, out)
    partial = snapshot(out)
    assert partial["alpha.report.json"] == clean["alpha.report.json"]
    assert "bravo.report.json" not in partial and "index.html" not in partial
    assert not [name for name in partial if name.endswith(".tmp")]

    resumed = FakeCheck()
    monkeypatch.setattr(workflow, "check_documents", resumed)
    result, _ = run(src, out)
    assert resumed.calls == ["bravo.en.txt", "charlie.en.txt"]  # alpha is not redone
    assert [r.status for r in result.releases] == ["skipped", "done", "done"]
    assert_same_files(snapshot(out), clean)

    again = FakeCheck()
    monkeypatch.setattr(workflow, "check_documents", again)
    result, _ = run(src, out)
    assert again.calls == []
    assert result.counts == {"done": 0, "skipped": 3, "failed": 0, "pending": 0} and result.exit_code == 1
    assert_same_files(snapshot(out), clean)


def test_one_failing_release_does_not_stop_the_others(
    tmp_path: Path, fake: FakeCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = make_releases(tmp_path / "in", {k: RELEASES[k] for k in ("alpha", "charlie")})
    (src / "delta.uk.txt").write_text("Лише український текст.\n", encoding="utf-8")  # no en source
    (src / "echo.en.txt").write_bytes(b"\x00\x01binary\x00")
    (src / "echo.uk.txt").write_text("Текст.\n", encoding="utf-8")
    crashing = FakeCheck(fail_on_call=2, exc=RuntimeError("aligner exploded"))
    monkeypatch.setattr(workflow, "check_documents", crashing)
    result, messages = run(src, tmp_path / "out")
    status = {r.name: r.status for r in result.releases}
    assert status == {"alpha": "done", "charlie": "failed", "delta": "failed", "echo": "failed"}
    errors = {r.name: r.error for r in result.releases}
    assert "aligner exploded" in errors["charlie"] and "RuntimeError" in errors["charlie"]
    assert "no en version" in errors["delta"]
    assert "binary" in errors["echo"]
    failures = [m for m in messages if "failed" in m]
    assert len(failures) == 3 and all("\n" not in m for m in failures)
    assert result.any_failed and result.exit_code == 2
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "aligner exploded" in index and "failed" in index

    # Failed releases are retried on the next run; finished ones are not.
    retry = FakeCheck()
    monkeypatch.setattr(workflow, "check_documents", retry)
    run(src, tmp_path / "out")
    # delta and echo fail again before reaching the checker; alpha is up to date.
    assert retry.calls == ["charlie.en.txt"]


def test_changing_a_file_or_a_setting_redoes_only_what_it_shapes(
    tmp_path: Path, fake: FakeCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = make_releases(tmp_path / "in")
    out = tmp_path / "out"
    run(src, out)
    fake.calls.clear()

    (src / "bravo.uk.txt").write_text("Експорт зріс на 7% у 2024 році.\n", encoding="utf-8")
    result, _ = run(src, out)
    assert fake.calls == ["bravo.en.txt"] and result.exit_code == 0
    fake.calls.clear()

    run(src, out, config=Config(fail_on="warning"))  # decides the exit code only
    assert fake.calls == []

    run(src, out, config=Config(ignore=("figure.*",)))  # shapes every report
    assert len(fake.calls) == 3
    fake.calls.clear()

    (out / "charlie.report.html").unlink()  # a lost output is remade
    run(src, out, config=Config(ignore=("figure.*",)))
    assert fake.calls == ["charlie.en.txt"]
    fake.calls.clear()

    run(src, out, config=Config(ignore=("figure.*",)), force=True)
    assert len(fake.calls) == 3


def test_accepted_issues_are_left_out_and_redo_the_reports(tmp_path: Path, fake: FakeCheck) -> None:
    src = make_releases(tmp_path / "in")
    out = tmp_path / "out"
    accepted_file = tmp_path / ".align-accepted.toml"
    config = Config(accepted_file=accepted_file)
    result, _ = run(src, out, config=config)
    assert result.exit_code == 1
    report_json = out / "bravo.report.json"
    import json

    (issue,) = [i for s in json.loads(report_json.read_text())["segments"] for i in s["issues"]]
    accept([issue["id"]], "the Ukrainian figure is the corrected one", accepted_file, report=report_json)
    fake.calls.clear()
    result, _ = run(src, out, config=config)
    assert fake.calls == ["bravo.en.txt"]  # only the release the issue is in
    assert result.exit_code == 0
    data = json.loads(report_json.read_text())
    assert data["summary"]["accepted"] == 1 and data["summary"]["errors"] == 0

    # Accepting an id that is in no release redoes nothing; withdrawing the acceptance redoes bravo.
    accept(["figure:ru:0123456789"], "", accepted_file)
    fake.calls.clear()
    run(src, out, config=config)
    assert fake.calls == []
    accepted_file.unlink()
    result, _ = run(src, out, config=config)
    assert fake.calls == ["bravo.en.txt"] and result.exit_code == 1


def test_translation_fills_missing_languages_once_and_never_overwrites_drafts(
    tmp_path: Path, fake: FakeCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.batch.worker as worker

    translated: list[tuple[str, str]] = []

    def fake_translate(text: str, source: str, target: str, model: str) -> str:
        translated.append((text.split()[0], target))
        return {"uk": "Експорт зріс на 7% у 2024 році.\n", "ru": "Экспорт вырос на 7% в 2024 году.\n"}[target]

    monkeypatch.setattr(worker, "model_state", lambda s, t, c: (f"opus-mt-{s}-{t}", "f1"))
    monkeypatch.setattr(worker, "translate_text", fake_translate)
    src = make_releases(tmp_path / "in", {"bravo": RELEASES["bravo"]})
    out = tmp_path / "out"
    result, _ = run(src, out, translate=True)
    (bravo,) = result.releases
    assert bravo.translated == ["ru"]  # uk is a translator's draft
    assert translated == [("Exports", "ru")]
    assert (out / "bravo.ru.txt").read_text(encoding="utf-8").startswith("Экспорт")
    assert not (out / "bravo.uk.txt").exists()
    assert (src / "bravo.uk.txt").read_text(encoding="utf-8").startswith("Експорт зріс на 8%")

    # A setting change redoes the check but reuses the machine translation.
    translated.clear()
    run(src, out, translate=True, config=Config(ignore=("nothing",)))
    assert translated == [] and len(fake.calls) == 2

    # New weights for the model redo the translation.
    monkeypatch.setattr(worker, "model_state", lambda s, t, c: (f"opus-mt-{s}-{t}", "f2"))
    run(src, out, translate=True)
    assert translated == [("Exports", "ru")]

    # An edited machine translation is a translator's draft now: align refuses to overwrite it.
    (out / "bravo.ru.txt").write_text("Экспорт вырос на 9% в 2024 году.\n", encoding="utf-8")
    result, messages = run(src, out, translate=True, force=True)
    assert result.releases[0].status == "failed" and "not written by align" in result.releases[0].error
    assert (out / "bravo.ru.txt").read_text(encoding="utf-8").startswith("Экспорт вырос на 9%")


def test_output_folder_inside_the_input_folder_does_not_turn_translations_into_drafts(
    tmp_path: Path, fake: FakeCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.batch.worker as worker

    calls: list[str] = []
    monkeypatch.setattr(worker, "model_state", lambda s, t, c: ("m", "f1"))
    monkeypatch.setattr(worker, "translate_text",
                        lambda text, s, t, m: calls.append(t) or "Фонд виплатив 3 мільйони доларів.\n")
    src = make_releases(tmp_path / "in", {"charlie": {"en": RELEASES["charlie"]["en"]}})
    config = Config(languages=("en", "uk"))
    first, _ = run(src, src, translate=True, config=config)
    assert first.releases[0].translated == ["uk"] and calls == ["uk"]
    second, _ = run(src, src, translate=True, config=config)
    assert second.releases[0].status == "skipped" and calls == ["uk"]


def test_missing_model_is_reported_once_and_what_exists_is_checked(
    tmp_path: Path, fake: FakeCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.batch.worker as worker

    monkeypatch.setattr(worker, "model_state", lambda s, t, c: ("", None))
    src = make_releases(tmp_path / "in", {"bravo": RELEASES["bravo"], "golf": {"en": "Only English.\n"},
                                          "india": {"en": "Only English.\n", "uk": "Лише англійська.\n"}})
    result, messages = run(src, tmp_path / "out", translate=True)
    assert [m for m in messages if m.startswith("align: no translation model")] == [
        "align: no translation model on disk for en-uk, en-ru; checking only the versions that exist "
        "(see `align models`)"
    ]
    # English only and no model: waiting for a translation, not broken.
    assert [r.status for r in result.releases] == ["done", "pending", "done"]
    assert not result.any_failed and result.exit_code != 2
    src = make_releases(tmp_path / "in1", {"bravo": RELEASES["bravo"],
                                           "india": {"en": "Only English.\n", "uk": "Лише англійська.\n"}})
    result, messages = run(src, tmp_path / "out1", translate=True)
    assert [m for m in messages if m.startswith("align: no translation model")] == [
        "align: no translation model on disk for en-ru; checking only the versions that exist (see `align models`)"
    ]
    assert [r.status for r in result.releases] == ["done", "done"]
    lone = make_releases(tmp_path / "in2", {"hotel": {"en": "Only English here.\n"}})
    result, _ = run(lone, tmp_path / "out2", translate=True)
    assert result.releases[0].status == "pending" and "no translation model on disk for en-uk, en-ru" in \
        result.releases[0].error
    assert result.exit_code == 0 and "1 pending" in result.summary_line()


def test_discovery_groups_files_and_rejects_bad_input(tmp_path: Path) -> None:
    src = make_releases(tmp_path / "in")
    (src / "notes.txt").write_text("x", encoding="utf-8")
    (src / "memo.de.txt").write_text("x", encoding="utf-8")
    releases, warnings = discover_releases([src], Config())
    assert [r.name for r in releases] == ["alpha", "bravo", "charlie"]
    assert list(releases[0].files) == ["en", "uk", "ru"]
    assert any("memo.de.txt" in w for w in warnings)
    explicit, _ = discover_releases([src / "bravo.uk.txt", src / "bravo.en.txt"], Config())
    assert list(explicit[0].files) == ["en", "uk"]
    with pytest.raises(InputError, match="not a release file"):
        discover_releases([src / "notes.txt"], Config())
    with pytest.raises(InputError, match="no such file"):
        discover_releases([tmp_path / "missing"], Config())
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no releases found"):
        discover_releases([empty], Config())
    other = make_releases(tmp_path / "other", {"alpha": {"en": "Another alpha.\n"}})
    with pytest.raises(InputError, match="two inputs for release 'alpha'"):
        discover_releases([src, other], Config())


def test_bad_arguments_raise_input_error(tmp_path: Path, fake: FakeCheck) -> None:
    src = make_releases(tmp_path / "in")
    with pytest.raises(InputError, match="--jobs"):
        run(src, tmp_path / "out", jobs=0)
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        run(src, tmp_path / "file")


def parallel_worker(task):
    """Runs in a spawned worker process: the fakes must be installed there, not only here."""
    import os

    import align.batch.worker as worker
    from align import workflow as child_workflow

    child_workflow.load_documents = fake_load_documents
    child_workflow.check_documents = FakeCheck()
    child_workflow.load_glossary = lambda files=None: None
    if task.release.name == "crash":
        os._exit(3)  # a worker dying in native code, or killed by the OOM killer
    return worker.process_release(task)


def test_parallel_jobs_match_a_serial_run_and_survive_a_dying_worker(
    tmp_path: Path, fake: FakeCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.batch.worker as worker

    src = make_releases(tmp_path / "in")
    run(src, tmp_path / "serial")
    monkeypatch.setattr(worker, "process_release", parallel_worker)
    make_releases(src, {"crash": {"en": "Boom 1.\n", "uk": "Бум 1.\n"}})
    result, messages = run(src, tmp_path / "parallel", jobs=2)
    status = {r.name: r.status for r in result.releases}
    assert status == {"alpha": "done", "bravo": "done", "charlie": "done", "crash": "failed"}
    assert "worker process died" in result.releases[-1].error
    assert result.exit_code == 2
    serial, parallel = snapshot(tmp_path / "serial"), snapshot(tmp_path / "parallel")
    for name in RELEASES:
        for suffix in (".report.json", ".report.html"):
            assert parallel[name + suffix] == serial[name + suffix]


def test_progress_bar_and_failures_go_to_stderr_not_stdout(
    tmp_path: Path, fake: FakeCheck, capsys: pytest.CaptureFixture[str]
) -> None:
    src = make_releases(tmp_path / "in", {"alpha": RELEASES["alpha"], "delta": {"uk": "Лише український.\n"}})
    result = run_batch([src], tmp_path / "out", translate=False, progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "align: delta: failed: no en version (delta.en.txt)" in captured.err
    assert result.exit_code == 2


def test_extra_report_formats_for_ci_are_written_and_keyed(tmp_path: Path, fake: FakeCheck) -> None:
    src = make_releases(tmp_path / "in", {"bravo": RELEASES["bravo"]})
    out = tmp_path / "out"
    run(src, out)
    fake.calls.clear()
    result, _ = run(src, out, formats=["sarif", "junit"])
    assert fake.calls == ["bravo.en.txt"]  # new outputs wanted: the release is redone
    # One SARIF log and one JUnit document for the run, not one per release.
    assert (out / "align.sarif").is_file() and (out / "align.junit.xml").is_file()
    assert not (out / "bravo.report.sarif").exists()
    assert result.batch_files == {"sarif": out / "align.sarif", "junit": out / "align.junit.xml"}
    with pytest.raises(InputError, match="unknown report format 'pdf'"):
        run(src, out, formats=["pdf"])


def test_a_new_engine_or_language_data_redoes_every_release(
    tmp_path: Path, fake: FakeCheck, monkeypatch: pytest.MonkeyPatch
) -> None:
    import align.batch.manifest as manifest
    import align.resources as resources

    src = make_releases(tmp_path / "in")
    out = tmp_path / "out"
    run(src, out)
    fake.calls.clear()
    run(src, out)
    assert fake.calls == []

    real = resources.data_fingerprint()
    monkeypatch.setattr(resources, "data_fingerprint", lambda: "edited-glossary")  # e.g. a glossary row added
    run(src, out)
    assert len(fake.calls) == 3
    fake.calls.clear()

    monkeypatch.setattr(resources, "data_fingerprint", lambda: real)
    digests = manifest.engine_digests()
    monkeypatch.setattr(manifest, "engine_digests", lambda: {**digests, "code": digests["code"] + "+next"})
    run(src, out)
    assert len(fake.calls) == 3


def test_data_fingerprint_follows_the_files_and_ignores_samples(tmp_path: Path, monkeypatch) -> None:
    import align.resources as resources

    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "samples").mkdir()
    (tmp_path / "lang" / "en" / "months.toml").write_text("a = 1\n")
    (tmp_path / "samples" / "release.en.txt").write_text("Sample.\n")
    monkeypatch.setattr(resources, "data_dir", lambda: tmp_path)
    first = resources.data_fingerprint()
    (tmp_path / "samples" / "release.en.txt").write_text("Another sample.\n")
    assert resources.data_fingerprint() == first
    (tmp_path / "lang" / "en" / "months.toml").write_text("a = 2\n")
    assert resources.data_fingerprint() != first


def test_code_fingerprint_follows_the_package_source(tmp_path: Path, monkeypatch) -> None:
    import align.resources as resources

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "html.py").write_text("LEGEND = 'old'\n")
    monkeypatch.setattr(resources, "_PACKAGE_DIR", tmp_path)
    first = resources.code_fingerprint()
    assert resources.code_fingerprint() == first
    (tmp_path / "reports" / "html.py").write_text("LEGEND = 'new'\n")
    assert resources.code_fingerprint() != first
