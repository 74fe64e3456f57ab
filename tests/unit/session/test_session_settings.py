"""Settings: the config file with the command line's overrides, the same for every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from align.config import Config
from align.errors import InputError
from align.session import Settings, embedder_choice, fails, parse_langs

EN = "The ministry received 99 missiles on Monday.\n\nKyiv thanked 12 partners.\n"
UK = "Міністерство отримало 99 ракет у понеділок.\n\nКиїв подякував 12 партнерам.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a release and no config yet, as the current directory."""
    (tmp_path / "release.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "release.uk.txt").write_text(UK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def align_json(*args: str) -> tuple[int, dict]:
    """`align align` on the release in the current directory: exit code, and the JSON report
    (or the error line)."""
    proc = subprocess.run([sys.executable, "-m", "align", "align", "release.en.txt", "release.uk.txt",
                           "-f", "json", *args], capture_output=True, text=True, timeout=300)
    return proc.returncode, (json.loads(proc.stdout) if proc.returncode == 0 and proc.stdout else
                             {"error": proc.stderr})


def test_align_align_takes_the_embedder_from_the_config(project: Path) -> None:
    (project / "align.toml").write_text('embedder = "none"\n', encoding="utf-8")
    code, report = align_json()
    assert code == 0
    assert "|embed:none|" in report["signature"]


def test_align_align_fails_on_a_config_embedder_that_is_not_there(project: Path) -> None:
    # Before settings had one road, `align align` never read align.toml and this exited 0.
    (project / "align.toml").write_text(f'embedder = "{project / "no-such-model"}"\n', encoding="utf-8")
    code, report = align_json()
    assert code == 2 and "no-such-model" in report["error"], report


def test_align_align_takes_the_source_from_the_config_and_the_command_line_wins(project: Path) -> None:
    (project / "align.toml").write_text('source = "uk"\nembedder = "none"\n', encoding="utf-8")
    code, report = align_json()
    assert code == 0 and report["source"] == "uk"
    code, report = align_json("--source", "en")
    assert code == 0 and report["source"] == "en"


def test_align_align_refuses_to_write_over_the_config(project: Path) -> None:
    (project / "align.toml").write_text('embedder = "none"\n', encoding="utf-8")
    code, report = align_json("-o", "align.toml")
    assert code == 2 and "align.toml" in report["error"]
    assert (project / "align.toml").read_text(encoding="utf-8") == 'embedder = "none"\n'


def test_command_line_options_win_over_the_config_and_glossaries_add_up(project: Path) -> None:
    terms = project / "terms.tsv"
    terms.write_text("en\tuk\tru\nKyiv\tКиїв\tКиев\n", encoding="utf-8")
    (project / "align.toml").write_text('fail_on = "warning"\nembedder = "auto"\nglossary = "terms.tsv"\n',
                                        encoding="utf-8")
    plain = Settings.resolve()
    assert (plain.fail_on, plain.config.embedder, plain.embedder) == ("warning", "auto", "auto")
    assert plain.config.glossary == (terms.resolve(),)
    extra = project / "more.tsv"
    given = Settings.resolve(fail_on="never", embedder="NONE", glossary=[extra], source="uk")
    assert (given.fail_on, given.embedder, given.source) == ("never", None, "uk")
    assert given.config.glossary == (terms.resolve(), extra)
    # An empty --source is no choice.
    assert Settings.resolve(source="").source == "en"
    assert set(given.project_files()) >= {terms.resolve(), (project / "align.toml").resolve(),
                                          project / ".align-accepted.toml"}


def test_embedder_none_in_any_case_means_no_embedder() -> None:
    assert embedder_choice("none") is None and embedder_choice("None") is None and embedder_choice(None) is None
    assert embedder_choice("auto") == "auto" and embedder_choice("models/e5") == "models/e5"
    assert Settings(Config(embedder="NONE")).embedder is None


@pytest.mark.parametrize(("severity", "fail_on", "expected"), [
    ("error", "error", True), ("warning", "error", False), ("error", "warning", True),
    ("info", "info", True), ("error", "never", False), (None, "info", False),
])
def test_the_fail_threshold(severity: str | None, fail_on: str, expected: bool) -> None:
    assert fails(severity, fail_on) is expected
    assert Settings(Config(fail_on=fail_on)).any_fails([None, severity]) is expected


def test_one_language_list_parser_for_options_config_and_translation() -> None:
    assert parse_langs("en, UK,ru,") == ["en", "uk", "ru"]
    assert parse_langs(["ru", "en"]) == ["ru", "en"]
    assert parse_langs(None) == [] and parse_langs("") == []
    with pytest.raises(InputError, match="unknown language 'de'"):
        parse_langs("en,de")


def test_the_config_file_reads_its_languages_with_the_same_parser(tmp_path: Path) -> None:
    from align.config import load_config

    path = tmp_path / "align.toml"
    path.write_text('languages = ["en", "de"]\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"languages: unknown language 'de' \(use en, uk, ru\)"):
        load_config(explicit=path)
