"""Translation: the whole path on a tiny random Marian model (no downloads), masking, cache, errors."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from align.errors import InputError, ModelNotFoundError
from align.model import Issue
from bench.data import DataMissing, load_flores
from tests.paths import ROOT

pytest.importorskip("transformers")
pytest.importorskip("sentencepiece")

RELEASE = """President of Ukraine

On January 2, 2024, Russia launched almost 100 missiles of various types. At least 70 missiles were shot down.

The European Union approved EUR 50 billion for 2024-2027. Nearly 60 of the missiles were intercepted near Kyiv.
Today we thank everyone who helps.
"""


def CHECK(source: str, target: str, source_lang: str, target_lang: str) -> list[Issue]:
    """The project's checker, as `align translate` uses it after each sentence."""
    from align.checking import check_pair

    return check_pair(source, target, source_lang, target_lang)



@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.tiny_marian import build

    return build(tmp_path_factory.mktemp("models") / "tiny-opus-mt-en-zle")


def _tiny_seq2seq(tmp_path_factory: pytest.TempPathFactory, family: str) -> Path:
    from bench.tiny_nllb import build

    return build(tmp_path_factory.mktemp("models") / f"tiny-{family}", family=family)


@pytest.fixture(scope="session")
def tiny_nllb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_seq2seq(tmp_path_factory, "nllb")


@pytest.fixture(scope="session")
def tiny_m2m100(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tiny_seq2seq(tmp_path_factory, "m2m100")


# NLLB and M2M100 name the same languages differently: (source en, target uk, target ru).
CODES = {"nllb": ("eng_Latn", "ukr_Cyrl", "rus_Cyrl"), "m2m100": ("en", "uk", "ru")}
TOKENS = {"nllb": ("eng_Latn", "ukr_Cyrl", "rus_Cyrl"), "m2m100": ("__en__", "__uk__", "__ru__")}


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALIGN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ALIGN_MODELS_DIR", raising=False)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hf-empty"))
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hf-empty"))


def _write_release(tmp_path: Path, text: str = RELEASE, name: str = "release.en.txt") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


# -- masking ----------------------------------------------------------------------------------
def test_mask_replaces_every_number_and_restores_in_target_format() -> None:
    from align.translation.masking import mask_numbers, restore_numbers

    source = "On January 2, 2024, the EU approved $7.66 billion for 1,200,000 people; 70% at 14:30 on 02.01.2024."
    masked = mask_numbers(source, "en")
    originals = [n.original for n in masked.numbers]
    assert originals == ["2", "2024", "7.66", "1,200,000", "70", "14:30", "02.01.2024"]
    assert all(re.fullmatch(r"\d{3}", n.placeholder) for n in masked.numbers)
    assert len({n.placeholder for n in masked.numbers}) == len(masked.numbers)
    assert "7.66" not in masked.text and "1,200,000" not in masked.text

    restored, missing = restore_numbers(masked.text, masked, "uk")
    assert missing == []
    assert restored == ("On January 2, 2024, the EU approved $7,66 billion for 1 200 000 people; "
                        "70% at 14:30 on 02.01.2024.")
    assert restore_numbers(masked.text, masked, "en")[0] == source


def test_restore_from_cyrillic_to_english_and_between_cyrillic() -> None:
    from align.translation.masking import mask_numbers, restore_numbers

    masked = mask_numbers("Щонайменше 70 ракет, 15 000 осіб і 7,66 млрд гривень у 2024 році.", "uk")
    assert [n.original for n in masked.numbers] == ["70", "15 000", "7,66", "2024"]
    to_en, _ = restore_numbers(masked.text, masked, "en")
    assert to_en == "Щонайменше 70 ракет, 15,000 осіб і 7.66 млрд гривень у 2024 році."
    to_ru, _ = restore_numbers(masked.text, masked, "ru")
    assert to_ru == "Щонайменше 70 ракет, 15 000 осіб і 7,66 млрд гривень у 2024 році."


def test_placeholder_keeps_grammatical_number_and_avoids_collisions() -> None:
    from align.translation.masking import mask_numbers

    masked = mask_numbers("2 ракети, 5 ракет і ще 702 цілі", "uk")
    by_original = {n.original: n.placeholder for n in masked.numbers}
    assert by_original["2"].endswith("02") and by_original["2"] != "702"
    assert by_original["5"].endswith("05")
    assert by_original["702"].endswith("02") and by_original["702"] != by_original["2"]


def test_restore_reports_placeholders_the_model_dropped() -> None:
    from align.translation.masking import mask_numbers, restore_numbers

    masked = mask_numbers("At least 70 of 100 missiles.", "en")
    lost = masked.numbers[1]
    text, missing = restore_numbers(masked.text.replace(lost.placeholder, "many"), masked, "ru")
    assert missing == [lost]
    assert "70" in text and "100" not in text


def test_placeholders_survive_the_sentencepiece_round_trip(tiny_model: Path) -> None:
    from transformers import MarianTokenizer

    from align.translation.masking import mask_numbers

    tokenizer = MarianTokenizer.from_pretrained(str(tiny_model))
    masked = mask_numbers("Almost 100 missiles, $7.66 billion and 1,200,000 people in 2024.", "en")
    ids = tokenizer(masked.text)["input_ids"]
    assert tokenizer.unk_token_id not in ids
    assert tokenizer.decode(ids, skip_special_tokens=True) == masked.text
    for number in masked.numbers:  # each placeholder is made of digit pieces only
        pieces = tokenizer.tokenize(number.placeholder)
        assert "".join(pieces).replace("\u2581", "") == number.placeholder


# -- the retry logic, on a model stand-in whose behaviour is known ----------------------------
class _NumberMangler:
    """A word-for-word en->uk stand-in that spoils any number that is not a 3-digit
    placeholder, as a model that garbles long numbers would."""

    name = "stub"
    settings = "stub"
    WORDS = {"The": "", "government": "Уряд", "approved": "схвалив", "billion": "мільярда",
             "hryvnias": "гривень", "for": "для", "people.": "людей.", "No": "Тут", "figures": "немає",
             "here.": "цифр."}

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def token_counts(self, sentences: list[str]) -> list[int]:
        return [len(s.split()) + 1 for s in sentences]

    def _word(self, word: str) -> str:
        if re.fullmatch(r"\d{3}", word):
            return word
        if re.fullmatch(r"[\d,.]+", word):
            return "1"
        return self.WORDS[word]

    def translate_batch(self, sentences: list[str], beams: int) -> list[str]:
        self.calls.append(list(sentences))
        return [" ".join(filter(None, (self._word(w) for w in s.split()))) for s in sentences]


def test_masked_retry_fires_and_fixes(tiny_model: Path) -> None:
    from align.translation import Translator

    translator = Translator("en", "uk", model=str(tiny_model), use_cache=False, checker=CHECK)
    stub = _NumberMangler()
    translator._backend = stub
    out = translator.translate_sentences(["The government approved 7.66 billion hryvnias for 1,200,000 people.",
                                          "No figures here."])
    assert out == ["Уряд схвалив 7,66 мільярда гривень для 1 200 000 людей.", "Тут немає цифр."]
    assert translator.stats.retries_fired == 1
    assert translator.stats.retries_fixed == 1
    assert translator.stats.remaining_issues == []
    assert len(stub.calls) == 2  # first pass, then one batch of masked retries


def test_masked_retry_keeps_the_first_candidate_when_it_is_not_better(tiny_model: Path) -> None:
    from align.translation import Translator

    translator = Translator("en", "uk", model=str(tiny_model), use_cache=False, checker=CHECK)
    translator._backend = _NumberMangler()
    translator._backend.WORDS = {**_NumberMangler.WORDS, "billion": "мільярда", "for": ""}
    # the retry drops nothing new but cannot fix a scale word the stand-in loses either way
    translator._backend._word = lambda w: "" if re.fullmatch(r"[\d,.]+", w) else _NumberMangler.WORDS[w]
    out = translator.translate_sentences(["The government approved 7.66 billion hryvnias for 1,200,000 people."])
    assert translator.stats.retries_fired == 1 and translator.stats.retries_fixed == 0
    assert out == ["Уряд схвалив мільярда гривень для людей."]
    assert translator.stats.remaining_issues and all(m.startswith("uk sentence 1:") for m in
                                                     translator.stats.remaining_issues)


# -- end to end on the tiny model ------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_translate_file_end_to_end(tiny_model: Path, tmp_path: Path, backend: str) -> None:
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    from align.segmenting import split_sentences
    from align.translation import translate_file

    source = _write_release(tmp_path)
    result = translate_file(source, "uk,ru", model=str(tiny_model), backend=backend, checker=CHECK)
    expected_sentences = len(split_sentences(RELEASE, "en"))
    assert set(result.paths) == {"uk", "ru"}
    assert result.sentences == 2 * expected_sentences
    for lang in ("uk", "ru"):
        path = source.parent / f"release.{lang}.txt"
        assert result.paths[lang] == path
        text = path.read_text(encoding="utf-8")
        assert len(_paragraphs(text)) == len(_paragraphs(RELEASE))
        assert text.count("\n") == RELEASE.count("\n")  # line layout kept
        assert backend in result.signatures[lang] or "ctranslate2" in result.signatures[lang]
    assert not list(source.parent.glob(".*.tmp"))  # atomic writes leave no temp files
    # gibberish loses the figures, so the masking retry must have fired and been counted
    assert result.retries_fired > 0
    assert result.retries_fixed <= result.retries_fired
    assert all(msg.startswith(("uk ", "ru ")) for msg in result.remaining_issues)


@pytest.mark.slow
def test_one_translation_per_sentence(tiny_model: Path) -> None:
    from align.translation import Translator

    translator = Translator("en", "ru", model=str(tiny_model), use_cache=False, checker=lambda *a: [])
    sentences = ["Short.", "A much longer sentence about the missiles that were shot down near Kyiv.", "Short."]
    out = translator.translate_sentences(sentences)
    assert len(out) == 3 and all(out)
    assert out[0] == out[2]  # the same sentence is translated once and reused
    assert translator.stats.translated == 2


@pytest.mark.slow
def test_existing_outputs_need_force(tiny_model: Path, tmp_path: Path) -> None:
    from align.translation import translate_file

    source = _write_release(tmp_path)
    draft = source.parent / "release.uk.txt"
    draft.write_text("чернетка перекладача\n", encoding="utf-8")
    with pytest.raises(InputError, match="--force"):
        translate_file(source, ["uk", "ru"], model=str(tiny_model), checker=CHECK)
    assert draft.read_text(encoding="utf-8") == "чернетка перекладача\n"
    assert not (source.parent / "release.ru.txt").exists()  # nothing written when any target is refused
    translate_file(source, ["uk"], model=str(tiny_model), checker=CHECK, force=True)
    assert draft.read_text(encoding="utf-8") != "чернетка перекладача\n"


@pytest.mark.slow
def test_out_dir_and_from_lang(tiny_model: Path, tmp_path: Path) -> None:
    from align.translation import translate_file

    source = _write_release(tmp_path, name="notes.txt")
    result = translate_file(source, "ru", from_lang="en", out_dir=tmp_path / "out", model=str(tiny_model),
                            checker=CHECK)
    assert result.paths["ru"] == tmp_path / "out" / "notes.ru.txt"
    assert result.paths["ru"].is_file()


@pytest.mark.slow
def test_second_run_is_served_from_the_cache(tiny_model: Path, tmp_path: Path, monkeypatch) -> None:
    from align.translation import backends, translate_file

    calls = []
    original = backends.TransformersBackend.translate_batch

    def counting(self, sentences, beams):
        calls.append(len(sentences))
        return original(self, sentences, beams)

    monkeypatch.setattr(backends.TransformersBackend, "translate_batch", counting)
    source = _write_release(tmp_path)
    first = translate_file(source, "uk", model=str(tiny_model), checker=CHECK)
    assert first.translated > 0 and sum(calls) == first.translated
    calls.clear()
    second = translate_file(source, "uk", model=str(tiny_model), checker=CHECK, force=True)
    assert calls == []
    assert second.translated == 0
    assert second.cache_hits == first.translated
    assert (tmp_path / "cache" / "translations.sqlite3").is_file()
    # other decoding settings are other cache entries
    third = translate_file(source, "uk", model=str(tiny_model), checker=CHECK, force=True, beams=2)
    assert third.translated > 0


@pytest.mark.slow
def test_translate_texts_keeps_paragraphs_without_writing(tiny_model: Path, tmp_path: Path) -> None:
    from align.translation import translate_texts

    result = translate_texts([RELEASE, ""], "en", "uk", model=str(tiny_model), checker=CHECK)
    assert len(result.texts) == 2 and result.texts[1] == ""
    assert len(_paragraphs(result.texts[0])) == len(_paragraphs(RELEASE))
    assert result.signature.startswith("translate|model:")
    assert not list(tmp_path.glob("**/*.uk.txt"))


@pytest.mark.slow
def test_ctranslate2_conversion_is_made_once_and_reused(tiny_model: Path) -> None:
    pytest.importorskip("ctranslate2")
    from align.translation.backends import convert_to_ct2
    from align.translation.registry import resolve_model

    model = resolve_model("en", "uk", str(tiny_model))
    first = convert_to_ct2(model)
    stamp = (first / "model.bin").stat().st_mtime_ns
    assert first.parent == tiny_model
    assert convert_to_ct2(model) == first
    assert (first / "model.bin").stat().st_mtime_ns == stamp


def test_converted_model_of_hub_cache_goes_to_align_cache(tiny_model: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from align.translation.backends import ct2_model_dir
    from align.translation.registry import resolve_model

    model = replace(resolve_model("en", "uk", str(tiny_model)), where="huggingface cache")
    assert ct2_model_dir(model).is_relative_to(tmp_path / "cache")


# -- finding models ----------------------------------------------------------------------------
def test_models_dir_and_list_models(tiny_model: Path, tmp_path: Path, monkeypatch) -> None:
    from align.translation import list_models, resolve_model

    root = tmp_path / "models"
    shutil.copytree(tiny_model, root / "Helsinki-NLP--opus-mt-tc-big-en-zle",
                    ignore=shutil.ignore_patterns("ctranslate2-*"))
    monkeypatch.setenv("ALIGN_MODELS_DIR", str(root))
    statuses = {s.direction: s for s in list_models()}
    assert set(statuses) == {"en-uk", "en-ru", "uk-en", "ru-en", "uk-ru", "ru-uk"}
    assert statuses["en-uk"].on_disk and statuses["en-uk"].where == "ALIGN_MODELS_DIR"
    assert statuses["en-ru"].target_token == ">>rus<<"
    assert not statuses["uk-en"].on_disk and statuses["uk-en"].path is None
    resolved = resolve_model("en", "ru")
    assert resolved.target_token == ">>rus<<" and resolved.path == root / "Helsinki-NLP--opus-mt-tc-big-en-zle"


def test_model_in_huggingface_cache_is_found_offline(tiny_model: Path, tmp_path: Path, monkeypatch) -> None:
    import huggingface_hub.constants

    from align.translation import resolve_model

    hub = tmp_path / "hub"
    repo = hub / "models--Helsinki-NLP--opus-mt-tc-big-en-zle"
    commit = "0123456789abcdef0123456789abcdef01234567"
    shutil.copytree(tiny_model, repo / "snapshots" / commit, ignore=shutil.ignore_patterns("ctranslate2-*"))
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(hub))
    resolved = resolve_model("en", "uk")
    assert resolved.where == "huggingface cache" and resolved.revision == commit


def test_missing_model_names_model_direction_and_remedy() -> None:
    from align.translation import resolve_model

    with pytest.raises(ModelNotFoundError) as err:
        resolve_model("uk", "en")
    message = str(err.value)
    assert "Helsinki-NLP/opus-mt-tc-big-zle-en" in message and "uk->en" in message
    assert "align models pull" in message and "ALIGN_MODELS_DIR" in message
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model("en", "uk", "./no/such/model")


def test_model_that_does_not_serve_the_direction(tiny_model: Path) -> None:
    from align.translation import resolve_model

    with pytest.raises(InputError, match="cannot serve uk->en|cannot translate into en"):
        resolve_model("uk", "en", str(tiny_model))


def test_model_without_target_token(tiny_model: Path, tmp_path: Path) -> None:
    from align.translation import resolve_model

    copy = shutil.copytree(tiny_model, tmp_path / "m", ignore=shutil.ignore_patterns("ctranslate2-*"))
    tok = json.loads((copy / "tokenizer_config.json").read_text())
    tok["target_lang"] = "ru"
    (copy / "tokenizer_config.json").write_text(json.dumps(tok))
    vocab = json.loads((copy / "vocab.json").read_text())
    del vocab[">>rus<<"]
    (copy / "vocab.json").write_text(json.dumps(vocab))
    with pytest.raises(InputError, match=">>rus<<"):
        resolve_model("en", "ru", str(copy))


@pytest.mark.parametrize("damage", ["config", "weights", "spm"])
def test_corrupt_model_directory(tiny_model: Path, tmp_path: Path, damage: str) -> None:
    from align.translation import resolve_model

    copy = shutil.copytree(tiny_model, tmp_path / "m", ignore=shutil.ignore_patterns("ctranslate2-*"))
    if damage == "config":
        (copy / "config.json").write_text("{not json")
        pattern = "corrupt"
    elif damage == "weights":
        (copy / "model.safetensors").unlink()
        pattern = "no weights"
    else:
        (copy / "source.spm").unlink()
        pattern = "source.spm"
    with pytest.raises(InputError, match=pattern) as err:
        resolve_model("en", "uk", str(copy))
    assert "\n" not in str(err.value)


@pytest.mark.slow
def test_garbage_weights_fail_with_one_line(tiny_model: Path, tmp_path: Path) -> None:
    from align.translation import Translator

    copy = shutil.copytree(tiny_model, tmp_path / "m", ignore=shutil.ignore_patterns("ctranslate2-*"))
    (copy / "model.safetensors").write_bytes(b"this is not a safetensors file")
    translator = Translator("en", "uk", str(copy), use_cache=False, checker=CHECK)
    with pytest.raises(InputError, match="cannot load model") as err:
        translator.translate_sentences(["Hello."])
    assert "\n" not in str(err.value)


# -- bad input ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "text", "kwargs", "pattern"),
    [
        ("release.en.txt", "", {"to_langs": "uk"}, "empty"),
        ("release.en.txt", RELEASE, {"to_langs": "de"}, "unknown language 'de'"),
        ("release.en.txt", RELEASE, {"to_langs": "en"}, "already in 'en'"),
        ("release.en.txt", "Щонайменше 70 ракет було збито над Києвом, і це також важливо.", {"to_langs": "uk"},
         "already in 'uk'"),
        ("release.en.txt", RELEASE, {"to_langs": "uk", "backend": "onnx"}, "unknown backend"),
        ("release.en.txt", RELEASE, {"to_langs": "uk", "beams": 0}, "beams"),
        ("notes.txt", "1 2 3", {"to_langs": "uk"}, "source language"),
    ],
)
def test_bad_input_is_one_clear_line(tiny_model: Path, tmp_path: Path, name, text, kwargs, pattern) -> None:
    from align.translation import translate_file

    source = _write_release(tmp_path, text, name)
    with pytest.raises(InputError, match=pattern) as err:
        translate_file(source, model=str(tiny_model), checker=CHECK, **kwargs)
    assert "\n" not in str(err.value)


# -- network and import hygiene -----------------------------------------------------------------
def test_pull_model_fails_fast_when_the_hub_is_unreachable(tmp_path: Path, monkeypatch) -> None:
    from align.translation import pull_model

    # A non-routable address: the connection attempt hangs until our timeout, like a dead network.
    monkeypatch.setenv("HF_ENDPOINT", "http://10.255.255.1:9")
    started = time.monotonic()
    with pytest.raises(ModelNotFoundError, match="cannot download Helsinki-NLP/opus-mt-tc-big-en-zle"):
        pull_model("Helsinki-NLP/opus-mt-tc-big-en-zle", dest=tmp_path / "models")
    assert time.monotonic() - started < 8
    assert not (tmp_path / "models").exists()


def test_pull_model_gives_up_on_a_hanging_connection(tmp_path: Path, monkeypatch) -> None:
    import socket

    from align.translation import pull_model

    def hang(*args, **kwargs):
        time.sleep(60)
        # The abandoned probe thread ends a minute later, inside some other test: as a refused
        # connection, not as an exception that pytest would pin on that test.
        raise OSError("never connected")

    monkeypatch.setattr(socket, "create_connection", hang)
    started = time.monotonic()
    with pytest.raises(ModelNotFoundError, match="within 3 s"):
        pull_model("Helsinki-NLP/opus-mt-tc-big-en-zle", dest=tmp_path / "models")
    assert time.monotonic() - started < 6


def test_pull_model_rejects_a_path() -> None:
    from align.translation import pull_model

    with pytest.raises(InputError, match="not a Hugging Face model id"):
        pull_model("./some/dir/model")


def test_importing_translation_loads_no_heavy_library() -> None:
    code = ("import sys, align.translation; heavy = [m for m in ('torch', 'transformers', 'ctranslate2') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == ""


def _sample_sentences() -> list[str]:
    try:
        lines = load_flores(langs=("en",))["en"][:200]
    except DataMissing:
        lines = []
    return lines + ["Almost 100 missiles on January 2, 2024 — «quotes», €50bn, 7.66%, ½ and emoji 🙂."]


def test_sentencepiece_only_tokens_match_marian_tokenizer(tiny_model: Path) -> None:
    from transformers import MarianTokenizer

    from align.translation.backends import MarianPieces

    reference = MarianTokenizer.from_pretrained(str(tiny_model))
    pieces = MarianPieces(tiny_model)
    for sentence in _sample_sentences():
        expected = reference.convert_ids_to_tokens(reference(f">>ukr<< {sentence}")["input_ids"])
        got = pieces.tokens(sentence, ">>ukr<<")
        assert got == expected, sentence
        output_tokens = got[1:]
        decoded = reference.decode(reference.convert_tokens_to_ids(output_tokens), skip_special_tokens=True,
                                   use_source_tokenizer=False)
        assert pieces.detokenize(output_tokens) == decoded.strip()


@pytest.mark.slow
def test_ctranslate2_backend_runs_without_torch(tiny_model: Path, tmp_path: Path) -> None:
    pytest.importorskip("ctranslate2")
    from align.translation.backends import convert_to_ct2
    from align.translation.registry import resolve_model

    convert_to_ct2(resolve_model("en", "uk", str(tiny_model)))
    code = (
        "import sys; from align.translation import Translator; "
        f"t = Translator('en', 'uk', model={str(tiny_model)!r}, backend='ctranslate2', use_cache=False, "
        "checker=lambda *a: []); out = t.translate_sentences(['Almost 100 missiles.', 'Thank you.']); "
        "assert len(out) == 2 and all(out); print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**__import__("os").environ, "ALIGN_CACHE_DIR": str(tmp_path / "c")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def _fill_cache(path: str, prefix: str) -> None:
    from align.translation.cache import TranslationCache

    cache = TranslationCache(Path(path))
    for i in range(50):
        cache.put_many([(f"{prefix}{i}", "m", "en-uk", f"s{i}", f"t{i}")])
    assert not cache.warning, cache.warning


def test_cache_is_shared_safely_by_concurrent_processes(tmp_path: Path) -> None:
    import multiprocessing

    from align.translation.cache import TranslationCache

    db = tmp_path / "shared.sqlite3"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_fill_cache, args=(str(db), prefix)) for prefix in ("a", "b", "c")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    keys = [f"{p}{i}" for p in "abc" for i in range(50)]
    assert len(TranslationCache(db).get_many(keys)) == 150


def test_unusable_cache_degrades_to_a_warning(tmp_path: Path) -> None:
    from align.translation.cache import TranslationCache

    db = tmp_path / "broken.sqlite3"
    db.write_bytes(b"definitely not a database" * 100)
    cache = TranslationCache(db)
    assert cache.get_many(["k"]) == {}
    cache.put_many([("k", "m", "en-uk", "s", "t")])
    assert "translation cache" in cache.warning


# -- NLLB and M2M100 through AutoModelForSeq2SeqLM ------------------------------------------
@pytest.mark.parametrize("family", ["nllb", "m2m100"])
def test_multilingual_model_resolves_with_its_language_codes(family: str, request) -> None:
    from align.translation.registry import resolve_model

    path = request.getfixturevalue(f"tiny_{family}")
    en, uk, ru = CODES[family]
    model = resolve_model("en", "uk", str(path))
    assert (model.family, model.source_code, model.target_token) == (family, en, uk)
    back = resolve_model("ru", "en", str(path))
    assert (back.source_code, back.target_token) == (ru, en)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
@pytest.mark.parametrize("family", ["nllb", "m2m100"])
def test_source_code_and_forced_target_language(family: str, backend: str, request) -> None:
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    from align.translation.backends import _target_token_id, load_backend, unload_all
    from align.translation.registry import resolve_model

    path = request.getfixturevalue(f"tiny_{family}")
    en, uk, ru = TOKENS[family]
    unload_all()
    to_uk = load_backend(resolve_model("en", "uk", str(path)), backend)
    to_ru = load_backend(resolve_model("en", "ru", str(path)), backend)
    tok = to_uk.tokenizer
    ids = tok("On January 2, 2024, Russia launched 100 missiles.")["input_ids"]
    assert ids[0] == tok.convert_tokens_to_ids(en) and ids[-1] == tok.eos_token_id
    assert _target_token_id(to_uk.model, tok) == tok.convert_tokens_to_ids(uk)
    assert _target_token_id(to_ru.model, to_ru.tokenizer) == tok.convert_tokens_to_ids(ru)
    if backend == "ctranslate2":
        assert (to_uk._prefix, to_ru._prefix) == ([uk], [ru])
    out = to_uk.translate_batch(["Hello.", "On January 2, 2024, Russia launched 100 missiles."], beams=2)
    assert len(out) == 2 and all(isinstance(t, str) for t in out)
    # Language codes are special tokens: the forced one never leaks into the text.
    assert not any(code in t for t in out for code in TOKENS[family])
    unload_all()


@pytest.mark.slow
def test_nllb_translate_file_both_ways(tiny_nllb: Path, tmp_path: Path) -> None:
    from align.translation import translate_file

    source = _write_release(tmp_path)
    result = translate_file(source, "uk,ru", model=str(tiny_nllb), checker=CHECK)
    assert set(result.paths) == {"uk", "ru"}
    for lang in ("uk", "ru"):
        text = result.paths[lang].read_text(encoding="utf-8")
        assert len(_paragraphs(text)) == len(_paragraphs(RELEASE))
    back = translate_file(result.paths["uk"], "en", from_lang="uk", out_dir=tmp_path / "back",
                          model=str(tiny_nllb), checker=CHECK)
    assert back.paths["en"].is_file()


def test_marian_tokenizer_posing_as_nllb_is_one_clear_error(tiny_model: Path, tmp_path: Path) -> None:
    from align.translation.backends import load_backend, unload_all
    from align.translation.registry import resolve_model

    fake = tmp_path / "fake-nllb"
    shutil.copytree(tiny_model, fake)
    config = json.loads((fake / "config.json").read_text())
    config["model_type"] = "m2m_100"
    (fake / "config.json").write_text(json.dumps(config))
    unload_all()
    with pytest.raises(InputError, match="language code|cannot load"):
        load_backend(resolve_model("en", "uk", str(fake)), "transformers")


@pytest.mark.slow
def test_cli_translate_takes_the_model_of_a_direction_from_the_project_config(tiny_model: Path,
                                                                              tmp_path: Path) -> None:
    import subprocess
    import sys

    source = _write_release(tmp_path)
    config = tmp_path / "align.toml"
    config.write_text(f'[models]\nen-uk = "{tiny_model.as_posix()}"\n', encoding="utf-8")

    def translate(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "align", "translate", str(source), *args, "--config",
                               str(config), "--no-cache"], capture_output=True, text=True, timeout=300)

    done = translate("--to", "uk")
    assert done.returncode == 0, done.stderr
    assert (source.parent / "release.uk.txt").read_text(encoding="utf-8").strip()
    # en-ru has no model in the config and none on disk here: one line, exit 2, no file
    missing = translate("--to", "ru")
    assert missing.returncode == 2
    assert missing.stderr.startswith("align: error: model ") and missing.stderr.count("\n") == 1
    assert not (source.parent / "release.ru.txt").exists()
