"""Project configuration: [tool.align] in pyproject.toml, align.toml, lookup and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.config import Config, find_config, load_config
from align.errors import InputError
from align.session import Settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_config(tmp_path: Path) -> None:
    config = load_config(start=tmp_path)
    assert config == Config()
    assert config.source == "en" and config.fail_on == "error" and config.targets == ["uk", "ru"]


def test_pyproject_tool_align_is_found_from_a_subdirectory(tmp_path: Path) -> None:
    write(tmp_path / "terms" / "newsroom.toml", "# glossary\n")
    write(tmp_path / "pyproject.toml", """
[project]
name = "translations"

[tool.align]
glossary = ["terms/newsroom.toml"]
fail_on = "warning"
ignore = ["name:*", "*Kyiv*"]
embedder = "none"

[tool.align.models]
en-uk = "Helsinki-NLP/opus-mt-en-uk"
""")
    deep = tmp_path / "releases" / "2024"
    deep.mkdir(parents=True)
    config = load_config(start=deep)
    assert config.path == (tmp_path / "pyproject.toml").resolve()
    assert config.glossary == ((tmp_path / "terms" / "newsroom.toml").resolve(),)
    assert config.fail_on == "warning"
    assert config.ignore == ("name:*", "*Kyiv*")
    assert config.models == {"en-uk": "Helsinki-NLP/opus-mt-en-uk"}
    assert config.model_for("en", "uk") == "Helsinki-NLP/opus-mt-en-uk"
    assert config.model_for("en", "ru") is None
    assert config.embedder == "none"
    assert config.accepted_path == tmp_path.resolve() / ".align-accepted.toml"


def test_pyproject_without_tool_align_is_skipped_for_an_outer_align_toml(tmp_path: Path) -> None:
    write(tmp_path / "align.toml", 'source = "uk"\nlanguages = ["uk", "en"]\n')
    write(tmp_path / "inner" / "pyproject.toml", '[project]\nname = "x"\n')
    config = load_config(start=tmp_path / "inner")
    assert config.path == (tmp_path / "align.toml").resolve()
    assert config.source == "uk" and config.targets == ["en"]


def test_align_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "align.toml", 'fail_on = "never"\n')
    write(tmp_path / "pyproject.toml", '[tool.align]\nfail_on = "info"\n')
    assert find_config(tmp_path) == (tmp_path / "align.toml").resolve()
    assert load_config(start=tmp_path).fail_on == "never"


def test_explicit_config_file(tmp_path: Path) -> None:
    explicit = write(tmp_path / "ci" / "strict.toml", 'fail_on = "warning"\naccepted = "../reviewed.toml"\n')
    write(tmp_path / "align.toml", 'fail_on = "never"\n')
    config = load_config(start=tmp_path, explicit=explicit)
    assert config.fail_on == "warning"
    assert config.accepted_path == (tmp_path / "reviewed.toml").resolve()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('fail_on = "fatal"\n', "fail_on"),
        ('fial_on = "error"\n', "did you mean 'fail_on'"),
        ('glossary = ["missing.toml"]\n', "glossary"),
        ('source = "de"\n', "source"),
        ('languages = ["en", "de"]\n', "languages"),
        ('languages = ["uk", "ru"]\n', "source language"),
        ('ignore = "name:*"\n', "ignore"),
        ('[models]\nenuk = "x"\n', "models.enuk"),
        ('[models]\nen-uk = ""\n', "models.en-uk"),
        ('embedder = 3\n', "embedder"),
        ('fail_on = \n', "not valid TOML"),
    ],
)
def test_invalid_config_names_the_file_and_the_key(tmp_path: Path, text: str, needle: str) -> None:
    path = write(tmp_path / "align.toml", text)
    with pytest.raises(InputError) as err:
        load_config(start=tmp_path)
    message = str(err.value)
    assert str(path.resolve()) in message
    assert needle in message
    assert "\n" not in message.strip()


def test_invalid_key_in_pyproject_is_named_with_its_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.align]\nfail_on = 1\n')
    with pytest.raises(InputError, match=r"tool\.align\.fail_on"):
        load_config(start=tmp_path)


def test_explicit_file_must_exist_and_pyproject_must_have_the_table(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_config(explicit=tmp_path / "nope.toml")
    bare = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(InputError, match=r"no \[tool\.align\]"):
        load_config(explicit=bare)


def test_fingerprint_follows_glossary_contents_but_not_fail_on(tmp_path: Path) -> None:
    glossary = write(tmp_path / "g.toml", "# v1\n")
    write(tmp_path / "align.toml", 'glossary = "g.toml"\n')
    first = load_config(start=tmp_path).fingerprint()
    write(tmp_path / "align.toml", 'glossary = "g.toml"\nfail_on = "warning"\n')
    assert load_config(start=tmp_path).fingerprint() == first
    glossary.write_text("# v2\n", encoding="utf-8")
    assert load_config(start=tmp_path).fingerprint() != first


def test_fails_follows_fail_on() -> None:
    assert Settings(Config(fail_on="error")).fails("error")
    assert not Settings(Config(fail_on="error")).fails("warning")
    assert Settings(Config(fail_on="warning")).fails("error")
    assert Settings(Config(fail_on="info")).fails("info")
    assert not Settings(Config(fail_on="never")).fails("error")
    assert not Settings(Config()).fails(None)
