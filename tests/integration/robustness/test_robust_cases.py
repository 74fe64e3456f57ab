"""Table-driven adversarial cases: each one sets up files in a fresh folder, runs one `align`
command in this process, and states the outcome: a one-line input error (exit 2) naming the
problem, or a normal run (exit 0/1) with an extra check. Every case also proves that no file
that existed before the command changed (checksums)."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.robustness.helpers import (
    EN,
    RU,
    TEXTS,
    UK,
    Result,
    align,
    assert_input_error,
    assert_worked,
    checksums,
)

Setup = Callable[[Path], list[str]]
Check = Callable[[Path, Result], None]


@dataclass
class Case:
    id: str
    setup: Setup
    error: str | None = None  # needle of the expected one-line error; None: the command works
    check: Check | None = None


def release(tmp: Path, langs: str = "en uk ru", texts: dict[str, str] | None = None, name: str = "r") -> list[str]:
    out = []
    tmp.mkdir(parents=True, exist_ok=True)
    for lang in langs.split():
        path = tmp / f"{name}.{lang}.txt"
        path.write_text((texts or TEXTS)[lang], encoding="utf-8")
        out.append(str(path))
    return out


def write(tmp: Path, name: str, data: str | bytes) -> str:
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return str(path)


def encoded(tmp: Path, lang: str, encoding: str, text: str | None = None) -> list[str]:
    """The en file in UTF-8 and the `lang` file in `encoding`."""
    en = write(tmp, "r.en.txt", EN)
    other = write(tmp, f"r.{lang}.txt", (text or TEXTS[lang]).encode(encoding))
    return ["check", en, other, "-f", "json", "-o", str(tmp / "out.json"), "--embedder", "none"]


def decoded_as(encoding: str, lang: str, text: str | None = None) -> Check:
    def check(tmp: Path, result: Result) -> None:
        report = json.loads((tmp / "out.json").read_text(encoding="utf-8"))
        assert f"decoded as {encoding}" in result.stderr or encoding == "utf-8", result.stderr
        seg_text = " ".join(seg["text"][lang] for seg in report["segments"])
        assert " ".join(seg_text.split()) == " ".join((text or TEXTS[lang]).split())
    return check


def issues_of(tmp: Path) -> list[dict]:
    report = json.loads((tmp / "out.json").read_text(encoding="utf-8"))
    return [issue for seg in report["segments"] for issue in seg["issues"]]


def no_name_issue(tmp: Path, result: Result) -> None:
    assert [i["message"] for i in issues_of(tmp) if i["category"] == "name"] == []


def unchanged_link(link: str, target: str, content: str = "") -> Check:
    def check(tmp: Path, result: Result) -> None:
        assert (tmp / link).is_symlink() and os.readlink(tmp / link) == target
        assert (tmp / target).read_text(encoding="utf-8").startswith(content)
    return check


def report_with(payload) -> Setup:
    def setup(tmp: Path) -> list[str]:
        (tmp / "align.toml").write_text("", encoding="utf-8")
        path = write(tmp, "x.report.json", payload if isinstance(payload, (str, bytes)) else json.dumps(payload))
        return ["accept", "figure:uk:0123456789", "--report", path]
    return setup


def manifest_case(tmp: Path, manifest) -> list[str]:
    release(tmp / "in", "en uk")
    out = tmp / "out"
    out.mkdir()
    write(out, ".align-manifest.json", manifest if isinstance(manifest, str) else json.dumps(manifest))
    return ["run", str(tmp / "in"), "--out", str(out), "--no-translate", "--embedder", "none"]


def redone(tmp: Path, result: Result) -> None:
    assert (tmp / "out" / "r.report.json").is_file()
    assert "1 checked" in result.stderr


def link_out_of_folder(tmp: Path) -> list[str]:
    release(tmp / "in", "en")
    secret = write(tmp, "secret.uk.txt", "Секретний текст з 99 паролями і ключем від сервера компанії.\n")
    os.symlink(secret, tmp / "in" / "r.uk.txt")
    os.symlink(tmp / "in" / "missing.uk.txt", tmp / "in" / "gone.uk.txt")
    os.symlink(tmp / "in" / "loop.ru.txt", tmp / "in" / "loop.ru.txt")
    return ["run", str(tmp / "in"), "--out", str(tmp / "out"), "--no-translate", "--embedder", "none"]


def link_skipped(tmp: Path, result: Result) -> None:
    assert "r.uk.txt: skipped, a link to" in result.stderr and "--follow-links" in result.stderr
    assert "gone.uk.txt: skipped, a dangling link" in result.stderr
    assert "loop.ru.txt: skipped, a link loop" in result.stderr
    assert not (tmp / "out" / "r.report.json").exists()  # only the en version remains: nothing to check
    assert "r: pending: only r.en.txt so far" in result.stderr


def hard_link_output(tmp: Path) -> list[str]:
    files = release(tmp)
    os.link(tmp / "r.en.txt", tmp / "hard.json")
    return ["check", *files, "-f", "json", "-o", str(tmp / "hard.json")]


def char_device_output(tmp: Path) -> list[str]:
    # Our own node with /dev/null's numbers: a regression would replace it, not the system's.
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(tmp / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return ["check", *release(tmp), "-f", "json", "-o", str(tmp / "null"), "--embedder", "none"]


def still_a_device(tmp: Path, result: Result) -> None:
    assert stat.S_ISCHR(os.stat(tmp / "null").st_mode)


LONG = "n" * 245  # NAME.en.txt fits in 255 bytes, NAME.report.html does not

CASES = [
    # -- data loss: an output that is an input, glossary, config or accepted file ----------------
    Case("check -o the uk input", lambda t: ["check", *release(t), "-f", "json", "-o", str(t / "r.uk.txt")],
         "is the input file"),
    Case("align -o the en input", lambda t: ["align", *release(t), "-f", "tmx", "-o", str(t / "r.en.txt")],
         "is the input file"),
    Case("second -f/-o pair names an input",
         lambda t: ["check", *release(t), "-f", "json", "-o", str(t / "a.json"), "-f", "md", "-o", str(t / "r.ru.txt")],
         "is the input file"),
    Case("-o through .. to an input",
         lambda t: ["check", *release(t), "-f", "json", "-o", str(t / "sub" / ".." / "r.uk.txt")]
         if (t / "sub").mkdir() is None else [], "is the input file"),
    Case("-o a symlink to an input",
         lambda t: ["check", *release(t), "-f", "json", "-o", str(t / "link.json")]
         if os.symlink(t / "r.uk.txt", t / "link.json") is None else [], "is the input file"),
    Case("-o a hard link to an input", hard_link_output, "is the input file"),
    Case("-o the --glossary file",
         lambda t: ["check", *release(t), "--glossary", write(t, "g.tsv", "en\tuk\tru\nKyiv\tКиїв\tКиев\n"),
                    "-f", "json", "-o", str(t / "g.tsv")], "is the input file"),
    Case("-o the project config",
         lambda t: ["check", *release(t), "-f", "json", "-o", write(t, "align.toml", 'fail_on = "never"\n')],
         "is the input file"),
    Case("-o the accepted-issues file",
         lambda t: ["check", *release(t), "-f", "json", "-o",
                    write(t, ".align-accepted.toml", "") if write(t, "align.toml", "") else ""],
         "is the input file"),
    Case("two formats to stdout", lambda t: ["check", *release(t), "-f", "json", "-o", "-", "-f", "md", "-o", "-"],
         "standard output"),
    Case("-o - is stdout", lambda t: ["check", *release(t), "-f", "json", "-o", "-", "--embedder", "none"],
         check=lambda t, r: json.loads(r.stdout) and not (t / "-").exists()),
    Case("-o a symlink writes its target", lambda t: ["check", *release(t), "-f", "json", "-o", str(t / "l.json"),
                                                      "--embedder", "none"]
         if os.symlink("target.json", t / "l.json") is None else [],
         check=unchanged_link("l.json", "target.json", "{")),
    Case("-o a character device", char_device_output, check=still_a_device),
    Case("-o a name too long", lambda t: ["check", *release(t), "-f", "json", "-o", str(t / ("x" * 300 + ".json"))],
         "File name too long"),
    # -- injection ------------------------------------------------------------------------------
    Case("escape and newline in a file name", lambda t: ["check", str(t / "a\x1b[31m\nalign: error: forged.en.txt"),
                                                         *release(t, "uk")], "no such file",
         check=lambda t, r: "\x1b" not in r.stderr),
    Case("escape sequences in texts, table and markdown",
         lambda t: ["check", *release(t, "en uk", {"en": "Kyiv \x1b[2J got 5 drones.\n", "uk": "Київ \x1b]0;x\x07 отримав 6 дронів.\n"}),
                    "-f", "table", "-o", str(t / "t.txt"), "-f", "md", "-o", str(t / "m.md"), "--embedder", "none"],
         check=lambda t, r: all("\x1b" not in (t / n).read_text(encoding="utf-8") and "\u241b" in (t / n).read_text(encoding="utf-8")
                                for n in ("t.txt", "m.md"))),
    Case("raw html in markdown", lambda t: ["check", *release(t, "en uk", {"en": "Kyiv <script>x</script> got 5 drones.\n",
                                                                          "uk": "Київ отримав 6 дронів.\n"}),
                                            "-f", "md", "-o", str(t / "m.md"), "--embedder", "none"],
         check=lambda t, r: "<script>" not in (t / "m.md").read_text(encoding="utf-8")),
    # Only the en version remains once the links are skipped: a pending release, not a failure.
    Case("links out of an input folder", link_out_of_folder, check=link_skipped),
    # -- internal errors that are input errors --------------------------------------------------
    Case("UTF-16 text with NUL characters", lambda t: ["check", write(t, "r.en.txt", "A\x00B drones.".encode("utf-16")),
                                                       *release(t, "uk")], "binary"),
    Case("undecodable config", lambda t: ["check", *release(t), "--config", write(t, "align.toml", b"source = \"\xff\xfe\"\n")],
         "not UTF-8"),
    Case("undecodable glossary", lambda t: ["check", *release(t), "--glossary", write(t, "g.tsv", b"en\tuk\n\xff\xfe\t\xc0\n")],
         "not UTF-8"),
    Case("undecodable accepted file", lambda t: ["check", *release(t)] if write(t, "align.toml", "") and
         write(t, ".align-accepted.toml", b"[[accepted]]\nid = \"\xff\"\n") else [], "not UTF-8"),
    Case("NUL in a configured glossary path", lambda t: ["check", *release(t), "--config",
                                                         write(t, "align.toml", 'glossary = ["a\\u0000b.tsv"]\n')],
         "glossary"),
    Case("deeply nested TOML config", lambda t: ["check", *release(t), "--config",
                                                 write(t, "align.toml", "x = " + "[" * 50000 + "]" * 50000 + "\n")],
         "align.toml"),
    Case("report for accept: undecodable", report_with(b"{\"segments\": [\xff]}"), "not UTF-8"),
    Case("report for accept: a string", report_with("just text"), "x.report.json"),
    Case("report for accept: a JSON string", report_with('"segments"'), "segments"),
    Case("report for accept: a list", report_with([1, 2]), "segments"),
    Case("report for accept: segments of ints", report_with({"segments": [1]}), "segment 0"),
    Case("report for accept: issues a string", report_with({"segments": [{"issues": "x"}]}), "segment 0"),
    Case("report for accept: issue id an int", report_with({"segments": [{"issues": [{"id": 5}]}]}), "string 'id'"),
    Case("report for accept: nested 100,000 deep", report_with("[" * 100000 + "]" * 100000), "nested too deeply"),
    Case("/dev/zero as an input", lambda t: ["check", *release(t, "en"), "/dev/zero", "--lang", "en,uk"],
         "not a regular file"),
    Case("input over the size limit", lambda t: ["check", *release(t, "en"),
                                                 write(t, "big.uk.txt", (UK * 20000)[:1_200_000])]
         if os.environ.__setitem__("ALIGN_MAX_INPUT_MB", "1") is None else [], "larger than 1 MB"),
    Case("a release name too long for its report (the release fails, the run goes on)", lambda t: ["run", str(t / "in"), "--out", str(t / "out"),
                                                              "--no-translate", "--embedder", "none"]
         if release(t / "in", "en uk", name=LONG) else [], "",
         check=lambda t, r: "File name too long" in r.stderr),
    Case("corrupt manifest: wrong types", lambda t: manifest_case(t, {"version": 1, "releases": {"r": {"key": 5}}}),
         check=redone),
    Case("corrupt manifest: file names out of the folder",
         lambda t: manifest_case(t, {"version": 1, "releases": {"r": {
             "key": "k", "issue_ids": [], "accepted": [], "outputs": {"../../etc/passwd": "x"}, "translations": {},
             "result": {"summary": {}, "counts": {}, "languages": [], "translated": [], "drafts": [],
                        "files": {}, "warnings": []}}}}), check=redone),
    Case("corrupt manifest: not JSON", lambda t: manifest_case(t, "{\"version\": 1, \"rel"), check=redone),
    Case("corrupt manifest: translations of the wrong shape",
         lambda t: manifest_case(t, {"version": 1, "releases": {"r": {"translations": {"uk": "x"}}}}), check=redone),
    Case("many short lines against one long one",
         lambda t: ["check", "--segmented", "--embedder", "none",
                    write(t, "c.en.txt", "".join(f"{i % 9 + 1},\n" for i in range(400))),
                    write(t, "c.uk.txt", "Дуже довгий рядок без жодної коми і так далі ще і ще.\n" * 30)]),
    # -- encodings ------------------------------------------------------------------------------
    Case("UTF-32 LE with BOM", lambda t: encoded(t, "uk", "utf-32-le", "\ufeff" + UK),
         check=decoded_as("UTF-32", "uk")),
    Case("UTF-32 BE with BOM", lambda t: encoded(t, "ru", "utf-32-be", "\ufeff" + RU),
         check=decoded_as("UTF-32", "ru")),
    Case("UTF-16 with BOM", lambda t: encoded(t, "uk", "utf-16"), check=decoded_as("UTF-16", "uk")),
    Case("cp1251 Ukrainian", lambda t: encoded(t, "uk", "cp1251"), check=decoded_as("cp1251", "uk")),
    Case("KOI8-U Ukrainian", lambda t: encoded(t, "uk", "koi8-u"), check=decoded_as("koi8-u", "uk")),
    Case("KOI8-R Russian", lambda t: encoded(t, "ru", "koi8-r"), check=decoded_as("koi8-r", "ru")),
    Case("cp1251 Russian", lambda t: encoded(t, "ru", "cp1251"), check=decoded_as("cp1251", "ru")),
    Case("unsure between cp1251 and KOI8", lambda t: encoded(t, "ru", "cp1251", "МИР ТРУД МАЙ 2024\n"),
         "cannot tell its encoding: cp1251 or koi8"),
    Case("mojibake in every candidate", lambda t: encoded(t, "uk", "utf-8", "x") and
         ["check", str(t / "r.en.txt"), write(t, "r.uk.txt", bytes(range(0x80, 0x100)) * 3)], "cannot decode"),
    # -- normalisation and language -------------------------------------------------------------
    Case("zero-width space inside a name",
         lambda t: ["check", *release(t, "en uk", {"en": "Kyiv got 5 drones.\n", "uk": "Ки\u200bїв отримав 5 дронів.\n"}),
                    "-f", "json", "-o", str(t / "out.json"), "--embedder", "none"], check=no_name_issue),
    Case("bidi override inside a name",
         lambda t: ["check", *release(t, "en uk", {"en": "Kyiv got 5 drones.\n", "uk": "Ки\u202eїв отримав 5 дронів.\n"}),
                    "-f", "json", "-o", str(t / "out.json"), "--embedder", "none"], check=no_name_issue),
    Case("NFD-decomposed Cyrillic",
         lambda t: ["check", *release(t, "en uk", {"en": "Mykolai and Zelensky met in Mykolaiv.\n",
                                                   "uk": "Микола\u0438\u0306 і Зеленськии\u0306 зустрілися в Миколаєві.\n"}),
                    "-f", "json", "-o", str(t / "out.json"), "--embedder", "none"], check=no_name_issue),
    Case("short Russian text marked uk: a warning",
         lambda t: ["check", *release(t, "en uk", {"en": "Putin met NATO.\n", "uk": "Путин и НАТО.\n"}), "--embedder", "none"],
         check=lambda t, r: "may be 'ru'" in r.stderr),
    Case("long Russian text marked uk: refused",
         lambda t: ["check", *release(t, "en uk", {"en": EN, "uk": RU * 3})], "looks like 'ru'"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("ALIGN_MAX_INPUT_MB", raising=False)
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path / ".cache"))
    work = tmp_path / "w"
    work.mkdir()
    args = case.setup(work)
    # out/ holds outputs of earlier runs (a manifest a case corrupts on purpose); the rest are inputs.
    before = {name: digest for name, digest in checksums(work).items() if not name.startswith("out/")}
    try:
        result = align(*args, cwd=work)
    finally:
        os.environ.pop("ALIGN_MAX_INPUT_MB", None)
    if case.error is not None and case.error != "" or case.error == "" and case.check is None:
        assert_input_error(result, case.error or "")
    elif case.error == "":
        assert result.code == 2 and "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    else:
        assert_worked(result)
    if case.check is not None:
        case.check(work, result)
    after = checksums(work)
    changed = [name for name, digest in before.items() if after.get(name) != digest]
    assert not changed, f"files changed: {changed}"


def test_the_table_covers_every_theme() -> None:
    assert len(CASES) >= 50
