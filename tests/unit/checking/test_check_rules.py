"""Checks as rules: the built-in figures and names, and a newsroom's own rule added without
touching align/checking/ (in code, and from an installed package's entry point)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import align
from align.checking import BUILTIN_RULES, Checker, CheckSettings, Rule, Side, register_rule, unregister_rule
from align.errors import InputError
from align.model import Issue

ROOT = Path(__file__).resolve().parents[3]
URL = re.compile(r"https?://\S+[^\s.,;:!?)]")
EN = "The ministry published the full statement on https://mfa.gov.ua/news on Tuesday."
UK = "Міністерство оприлюднило повну заяву на https://mfa.gov.ua/new у вівторок."
RU = "Министерство опубликовало полное заявление на https://mfa.gov.ua/news во вторник."


class Urls(Rule):
    """A link of the source must be in the translation as written."""

    name = "urls"
    version = "2"

    def extract(self, text: str, lang: str) -> list[str]:
        return URL.findall(text)

    def compare(self, source: Side, target: Side) -> list[Issue]:
        return [Issue("url", "error", target.lang, url, "", f"{target.lang} lacks the link {url}", rule="url.missing")
                for url in source.items if url not in target.items]


@pytest.fixture
def url_rule():
    register_rule(Urls)
    yield Urls
    unregister_rule("urls")


def test_a_registered_rule_runs_on_every_check_and_is_reported(url_rule) -> None:
    report = align.check({"en": EN, "uk": UK, "ru": RU}, aligned=True)
    urls = [issue for issue in report.issues if issue.category == "url"]
    assert [(i.lang, i.expected, i.rule) for i in urls] == [("uk", "https://mfa.gov.ua/news", "url.missing")]
    assert urls[0].id.startswith("url:uk:") and urls[0].segment == 0
    assert report.signature.get("urls") == "v2" and report.signature.stages()["checking"].get("urls") == "v2"
    assert report.summary["by_category"] == {"url": 1} and report.summary["score"]["uk"] < 1.0
    data = json.loads(report.to_json())
    assert data["segments"][0]["issues"][0]["message"] == "uk lacks the link https://mfa.gov.ua/news"
    sarif = json.loads(report.to_sarif())
    assert "url.missing" in {result["ruleId"] for result in sarif["runs"][0]["results"]}
    assert "uk lacks the link" in report.to_html() and "uk lacks the link" in report.to_junit()


def test_without_the_rule_the_same_texts_are_clean() -> None:
    report = align.check({"en": EN, "uk": UK, "ru": RU}, aligned=True)
    assert report.issues == [] and report.signature.get("urls") is None


def test_rules_can_be_chosen_per_check(url_rule) -> None:
    checker = Checker(rules=["urls"])
    assert [rule.name for rule in checker.rules] == ["urls"]
    assert checker.signature.startswith("check:") and "|nofigures|nonames|urls:v2|" in checker.signature
    assert [i.category for i in checker.compare(EN, UK, "en", "uk")] == ["url"]
    assert Checker(rules=[Urls()]).compare(EN, RU, "en", "ru") == []


def test_the_built_in_rules_and_their_switches() -> None:
    assert BUILTIN_RULES == ("figures", "names")
    both = Checker()
    assert [rule.name for rule in both.rules] == ["figures", "names"]
    keys = [f.key for f in both.signature.fields]
    assert keys[:3] == ["check", "figures", "names"] and keys[-3:] == ["untranslated", "minconf", "score"]
    figures_only = Checker(settings=CheckSettings(names=False))
    assert "|nonames|" in figures_only.signature and figures_only.names("Kyiv.", "en") == []
    assert Checker(rules=["figures"]).signature == figures_only.signature
    issues = figures_only.compare("Russia fired 99 missiles at Kyiv.", "Росія випустила 98 ракет по Харкову.", "en", "uk")
    assert [i.category for i in issues] == ["figure"]


def test_names_that_are_taken_or_unknown_are_refused(url_rule) -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_rule(Urls)
    with pytest.raises(ValueError, match="already registered"):
        register_rule(Urls, name="figures")
    with pytest.raises(InputError, match="unknown check rule 'nope'"):
        Checker(rules=["nope"])

    class Nameless(Urls):
        name = ""

    with pytest.raises(ValueError, match="needs a name"):
        register_rule(Nameless)


def test_a_built_in_rule_can_be_replaced(url_rule) -> None:
    class Figures(Urls):
        name = "figures"

    register_rule(Figures, replace=True)
    try:
        checker = Checker()
        assert [type(rule) for rule in checker.rules][0] is Figures
        assert checker.signature.get("figures") == "v2"
    finally:
        unregister_rule("figures")
    assert Checker().signature.get("figures", "").startswith("v") and Checker().signature.get("figures") != "v2"


def _installed_plugin(tmp_path: Path, target: str) -> dict[str, str]:
    """A package with an `align.rules` entry point, installed the way pip leaves it (a module
    and its .dist-info on the path)."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "newsroom_checks.py").write_text(textwrap.dedent('''
        import re
        from align.checking import Rule
        from align.model import Issue

        class Urls(Rule):
            name = "urls"

            def extract(self, text, lang):
                return re.findall(r"https?://\\S+[^\\s.,;:!?)]", text)

            def compare(self, source, target):
                return [Issue("url", "error", target.lang, url, "", f"{target.lang} lacks the link {url}",
                              rule="url.missing") for url in source.items if url not in target.items]
        '''), encoding="utf-8")
    info = site / "newsroom_checks-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: newsroom-checks\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[align.rules]\nurls = {target}\n", encoding="utf-8")
    for lang, text in (("en", EN), ("uk", UK)):
        (tmp_path / f"release.{lang}.txt").write_text(text + "\n", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}


def _align(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "align", "check", "release.en.txt", "release.uk.txt", "--aligned",
                           "--embedder", "none", *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)


def test_an_installed_rule_runs_in_the_command_line(tmp_path: Path) -> None:
    env = _installed_plugin(tmp_path, "newsroom_checks:Urls")
    done = _align(tmp_path, env, "-f", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert [i["category"] for s in report["segments"] for i in s["issues"]] == ["url"]
    assert "|urls:v1|" in report["signature"]


def test_a_broken_installed_rule_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = _installed_plugin(tmp_path, "newsroom_checks:NoSuchRule")
    done = _align(tmp_path, env)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "check rule 'urls' (newsroom_checks:NoSuchRule)" in done.stderr
