"""Reading inputs: encodings, binary and empty files, language suffixes and detection."""

from __future__ import annotations

import pytest

from align.errors import InputError
from align.textio import decode_bytes, detect_language, lang_from_name, read_text, write_atomic

UK = "Україна отримала 32 000 дронів, і це лише початок. Президент подякував партнерам."
RU = "Украина получила 32 000 дронов, и это только начало. Президент поблагодарил партнёров."
EN = "Ukraine received 32,000 drones, and this is only the beginning."


def test_lang_from_name():
    assert lang_from_name("news/release.uk.txt") == "uk"
    assert lang_from_name("2024-01-02-attack.en.txt") == "en"
    assert lang_from_name("release.txt") is None


@pytest.mark.parametrize("text,lang", [(UK, "uk"), (RU, "ru"), (EN, "en")])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_detect_language_unsure_on_digits():
    assert detect_language("32 000 — 7,66") is None


def test_utf8_bom_and_crlf(tmp_path):
    p = tmp_path / "a.uk.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "Рядок один.\r\nРядок два.".encode())
    decoded = read_text(p)
    assert decoded.text == "Рядок один.\nРядок два."
    assert decoded.warnings == []


def test_cp1251_is_decoded_with_warning():
    decoded = decode_bytes(UK.encode("cp1251"), "legacy.uk.txt")
    assert decoded.text == UK
    assert decoded.encoding == "cp1251"
    assert "cp1251" in decoded.warnings[0]


def test_utf16_is_decoded_with_warning():
    decoded = decode_bytes(RU.encode("utf-16"), "x.ru.txt")
    assert decoded.text == RU
    assert "UTF-16" in decoded.warnings[0]


@pytest.mark.parametrize("data,needle", [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02abc\x00", "binary")])
def test_bad_bytes(data, needle):
    with pytest.raises(InputError, match=needle):
        decode_bytes(data, "f.uk.txt")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.en.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_write_atomic_leaves_no_temp_files(tmp_path):
    target = tmp_path / "out" / "report.json"
    write_atomic(target, "{}")
    write_atomic(target, "{\"a\": 1}")
    assert target.read_text() == "{\"a\": 1}"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_write_atomic_keeps_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("old")

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(InputError, match="report.json: cannot write \\(No space left on device\\)"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
