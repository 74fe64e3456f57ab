"""The evaluation tools in bench/: data locator, name perturbations, and the MQM script's joins."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import data
from bench.name_perturb import (
    KINDS,
    NamePerturber,
    drop_first_letter,
    drop_last_syllable,
    find_names,
    skeleton,
)

EN = [
    "On Monday, the delegation met Larry Nassar in Johannesburg.",
    "The talks between Marta Kostiuk and the mayor of Lviv ended late.",
    "Then Emma Stone arrived in Odesa with Bush.",
    "A storm hit Sydney and Kharkiv on Tuesday.",
    "Officials in Poltava praised Anna.",
    "Diplomats from Kyiv travelled to Chisinau and met Smith.",
]
UK = [
    "У понеділок делегація зустрілася з Ларрі Нассаром у Йоханнесбурзі.",
    "Переговори між Мартою Костюк і мером Львова завершилися пізно.",
    "Потім Емма Стоун прибула до Одеси з Бушем.",
    "Буря вдарила по Сіднею і Харкову у вівторок.",
    "Посадовці в Полтаві похвалили Анну.",
    "Дипломати з Києва поїхали до Кишинева і зустрілися зі Смітом.",
]
RU = [
    "В понедельник делегация встретилась с Ларри Нассаром в Йоханнесбурге.",
    "Переговоры между Мартой Костюк и мэром Львова закончились поздно.",
    "Потом Эмма Стоун прибыла в Одессу с Бушем.",
    "Буря ударила по Сиднею и Харькову во вторник.",
    "Чиновники в Полтаве похвалили Анну.",
    "Дипломаты из Киева поехали в Кишинев и встретились со Смитом.",
]


def all_perturbations(lang: str, target: list[str], seed: int) -> list:
    perturber = NamePerturber(lang, EN, target, seed)
    return [perturber.perturb(kind, line) for kind in KINDS for line in range(len(EN))]


@pytest.mark.parametrize(("lang", "target"), [("uk", UK), ("ru", RU)])
def test_perturbations_are_deterministic(lang, target):
    first = all_perturbations(lang, target, seed=5)
    assert first == all_perturbations(lang, target, seed=5)
    assert any(p is not None for p in first)


@pytest.mark.parametrize(("lang", "target"), [("uk", UK), ("ru", RU)])
def test_substitution_keeps_the_ending_and_changes_the_name(lang, target):
    perturber = NamePerturber(lang, EN, target, seed=3)
    made = [p for line in range(len(EN)) if (p := perturber.substitute(line))]
    assert made
    for p in made:
        assert p.replacement[-2:].lower() == p.original[-2:].lower()
        assert p.replacement.lower() != p.original.lower()
        assert p.replacement in p.text and p.original not in p.text.replace(p.replacement, "")
        # the substitute is a name of the corpus, and no name the English line has
        assert any(p.replacement in line for line in target)
        english = {skeleton(w) for w in EN[p.line].replace(",", " ").split() if w[:1].isupper()}
        assert skeleton(p.replacement)[:3] not in {e[:3] for e in english}


def test_truncation_changes_the_name():
    assert drop_first_letter("Йоханнесбург", keep_capital=False) == "оханнесбург"
    assert drop_first_letter("Йоханнесбург", keep_capital=True) == "Оханнесбург"
    assert drop_last_syllable("Мечічі") == "Мечі"
    assert drop_last_syllable("Мечичи") == "Мечи"
    assert drop_last_syllable("Йоханнесбурга") == "Йоханнесбур"
    assert drop_last_syllable("Лук") is None  # one syllable: nothing to drop
    perturber = NamePerturber("uk", EN, UK, seed=1)
    for kind in ("truncate_first", "truncate_syllable"):
        for line in range(len(EN)):
            p = perturber.perturb(kind, line)
            if p is None:
                continue
            assert p.replacement != p.original and len(p.replacement) < len(p.original)
            assert p.text != p.clean


def test_literal_rendering_replaces_a_transliterated_common_word():
    perturber = NamePerturber("uk", EN, UK, seed=1)
    p = perturber.literal(2)
    assert p is not None and (p.original, p.replacement) in {("Стоун", "камінь"), ("Бушем", "кущ")}
    assert perturber.literal(4) is None  # Anna is no common word
    assert perturber.literal(5) is None


def test_names_exclude_sentence_starts_and_acronyms():
    assert [s.word for s in find_names("Мадагаскар співпрацює з НАТО і Петром Порошенком.", "uk")] == [
        "Петром", "Порошенком"]
    assert [s.word for s in find_names("Мадагаскар сотрудничает с НАТО и Францией.", "ru")] == ["Францией"]
    # the Ukrainian dictionary tags few places: a noun the corpus never writes in lower case counts
    assert [s.word for s in find_names("Вони були у Києві.", "uk", frozenset({"вони", "були"}))] == ["Києві"]


def write_flores(folder: Path) -> None:
    for lang, lines in (("en", EN), ("uk", UK), ("ru", RU)):
        (folder / f"{lang}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_locator_honours_the_environment_and_an_explicit_folder(tmp_path, monkeypatch):
    write_flores(tmp_path)
    monkeypatch.setenv(data.FLORES_ENV, str(tmp_path))
    assert data.flores_dir() == tmp_path
    assert data.load_flores()["uk"] == UK
    other = tmp_path / "other"
    other.mkdir()
    write_flores(other)
    assert data.flores_dir(other) == other


def test_locator_fails_with_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(data.FLORES_ENV, str(tmp_path / "absent"))
    with pytest.raises(data.DataMissing, match=data.FLORES_ENV):
        data.flores_dir()

    @data.exit_on_missing
    def main() -> int:
        data.load_flores()
        return 0

    assert main() == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "absent" in err


def test_bio_mqm_loader_rejects_a_broken_line(tmp_path, monkeypatch):
    (tmp_path / "segments.jsonl").write_text('{"en": "a", "ru": "b", "errors": []}\nnot json\n', encoding="utf-8")
    monkeypatch.setenv(data.BIO_MQM_ENV, str(tmp_path))
    with pytest.raises(data.DataMissing, match="segments.jsonl:2"):
        data.load_bio_mqm()


def run_benchmark(module: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`python -m MODULE ARGS` from the repository root, the documented way to run a benchmark."""
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=data.REPO_ROOT, timeout=300)


@pytest.mark.parametrize(("module", "variable"), [("bench.names_real", data.FLORES_ENV),
                                                  ("bench.mqm", data.BIO_MQM_ENV),
                                                  ("bench.check", data.FLORES_ENV)])
def test_benchmarks_exit_2_without_their_data(tmp_path, module, variable):
    done = run_benchmark(module, env={variable: str(tmp_path / "absent")})
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def _two_segments(tmp_path, start: int) -> list[dict]:
    """A two-segment MQM set written where bench.mqm reads it: one figure error (its span
    opening at `start`) and one clean segment."""
    segments = [
        {"set": "t", "system": "mt", "doc": "d", "seg": "1", "en": "We treated 15 patients.",
         "ru": "Мы пролечили 16 пациентов.", "errors": [{"cat": "Mistranslation", "sub": "", "sev": "major",
                                                         "s": start, "e": start + 2, "text": "16", "acc": True}]},
        {"set": "t", "system": "mt", "doc": "d", "seg": "2", "en": "We treated 40 patients.",
         "ru": "Мы пролечили 40 пациентов.", "errors": []},
    ]
    (tmp_path / "segments.jsonl").write_text("\n".join(json.dumps(s, ensure_ascii=False) for s in segments) + "\n",
                                             encoding="utf-8")
    return segments


def test_mqm_script_joins_verdicts_and_dumps_the_unjudged(tmp_path):
    _two_segments(tmp_path, 12)
    env = {data.BIO_MQM_ENV: str(tmp_path)}
    dump = tmp_path / "unjudged.tsv"
    done = run_benchmark("bench.mqm", "--dump-unjudged", str(dump), env=env)
    assert done.returncode == 0, done.stderr
    assert "with an accuracy-type MQM error: 1.000 (1/1)" in done.stdout
    rows = dump.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and "\t15\t16\t" in rows[1]
    header = rows[0].split("\t")[:10]
    filled = rows[1].split("\t")[:8] + ["right", "16 for 15"]
    verdicts = tmp_path / "verdicts.tsv"
    verdicts.write_text("\t".join(header) + "\n" + "\t".join(filled) + "\n", encoding="utf-8")
    done = run_benchmark("bench.mqm", "--verdicts", str(verdicts), env=env)
    assert done.returncode == 0, done.stderr
    assert "precision by reading (verdicts.tsv): 1.000 (1/1) of issues" in done.stdout
    assert "not yet judged 0 of 1" in done.stdout
    verdicts.write_text("\t".join(header) + "\n" + "\t".join(filled[:8] + ["maybe", ""]) + "\n", encoding="utf-8")
    done = run_benchmark("bench.mqm", "--verdicts", str(verdicts), env=env)
    assert done.returncode == 2 and "maybe" in done.stderr


def test_flores_sample_is_a_third_of_the_name_lines():
    try:
        flores = data.load_flores()
    except data.DataMissing as exc:
        pytest.skip(str(exc))
    perturber = NamePerturber("ru", flores["en"], flores["ru"], seed=7)
    sample = perturber.sample_lines()
    assert abs(len(sample) - len(perturber.lines_with_names()) / 3) <= 1
    assert sample == NamePerturber("ru", flores["en"], flores["ru"], seed=7).sample_lines()
    for line in sample[:40]:
        p = perturber.substitute(line)
        assert p is None or p.replacement[-2:].lower() == p.original[-2:].lower()


def test_names_real_reads_seed_lists_and_splits_lines_by_parity():
    import argparse

    from bench.names_real import line_filter, parse_seeds
    assert parse_seeds("7") == [7]
    assert parse_seeds("16-19") == [16, 17, 18, 19]
    assert parse_seeds("8,11,20-21") == [8, 11, 20, 21]
    with pytest.raises(argparse.ArgumentTypeError):
        parse_seeds("seven")
    even, odd = line_filter("even"), line_filter("odd")
    assert [i for i in range(6) if even(i)] == [0, 2, 4]
    assert [i for i in range(6) if odd(i)] == [1, 3, 5]
    assert all(line_filter("all")(i) for i in range(6))


GOLD_HEADER = "set\tsystem\tdoc\tseg\ttext\tstart\tend\tspan\tverdict\tclass\ten_text\treason"


def test_gold_tokens_relate_case_forms_and_cut_acronyms_but_not_prepositions():
    from bench.mqm import name_tokens, tokens_relate

    assert tokens_relate(name_tokens("Тайване"), name_tokens("в Тайвань"))
    assert tokens_relate(name_tokens("VF"), name_tokens("two or more VF"))
    assert tokens_relate(name_tokens("Ф"), name_tokens("с одним Ф"))
    assert not tokens_relate(name_tokens("в 2"), name_tokens("в группе"))
    assert not tokens_relate(name_tokens("ОР"), name_tokens("CI"))


def test_mqm_script_joins_a_gold_list_and_lists_the_misses(tmp_path):
    segments = _two_segments(tmp_path, 13)
    from bench.mqm import text_digest

    first, second = (text_digest(s) for s in segments)
    gold = tmp_path / "gold.tsv"
    rows = [f"t\tmt\td\t1\t{first}\t13\t15\t16\tyes\tfigure.changed\t15\t16 for 15",
            # synthetic: a "yes" span the checker cannot see, to be listed as a miss
            f"t\tmt\td\t2\t{second}\t13\t15\t40\tyes\tfigure.dropped\t40\tpretend",
            f"t\tmt\td\t2\t{second}\t0\t2\tМы\tno\t-\t\tgrammar",
            f"t\tmt\td\t2\t{second}\t3\t12\tпролечили\tunsure\tname.garbled\ttreated\t?"]
    gold.write_text("# comment\n" + GOLD_HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    env = {data.BIO_MQM_ENV: str(tmp_path)}
    plain = run_benchmark("bench.mqm", env=env)
    done = run_benchmark("bench.mqm", "--gold", str(gold), env=env)
    assert done.returncode == 0, done.stderr
    # the gold block is added before the signature; the rest of the output (but the timing) stays as it was
    lines = done.stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("gold list"))
    kept = lines[1:start] + lines[next(n for n, line in enumerate(lines) if line.startswith("signature:")):]
    assert kept == plain.stdout.splitlines()[1:]
    assert "4 spans read: yes 2, no 1, unsure 1" in done.stdout
    assert "recall on gold-yes spans (related issue; then any issue in the segment): error level 0.500 (1/2)" \
        in done.stdout
    assert "  class figure.dropped (1): error level 0.000 (0/1)" in done.stdout
    assert "gold-yes spans missed at error level: 1" in done.stdout
    assert "- figure.dropped: «40» for «40»" in done.stdout
    gold.write_text(GOLD_HEADER + "\n" + rows[0].replace(first, "0000000000") + "\n", encoding="utf-8")
    done = run_benchmark("bench.mqm", "--gold", str(gold), env=env)
    assert done.returncode == 2 and "not in the data" in done.stderr


def test_names_real_prints_no_case_of_the_held_out_half(tmp_path):
    from bench.names_real import HELD_OUT_KINDS

    assert "literal_unseen" in HELD_OUT_KINDS
    for option in ("--show-misses", "--show-false-alarms"):
        done = run_benchmark("bench.names_real", "--lines", "odd", option, "5",
                             env={data.FLORES_ENV: str(tmp_path / "absent")})
        assert done.returncode == 2 and "held out" in done.stderr
