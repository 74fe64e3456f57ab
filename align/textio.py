"""Reading inputs safely (encodings, binary files, language suffixes) and writing outputs atomically."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from align.errors import InputError
from align.model import LANGS

_SUFFIX = re.compile(r"\.(?P<lang>[a-z]{2})\.[A-Za-z0-9]+$")

# Letters that only one of the two Cyrillic languages uses.
_UK_ONLY = set("іїєґІЇЄҐ")
_RU_ONLY = set("ыэъёЫЭЪЁ")
_UK_WORDS = {"і", "та", "що", "це", "від", "для", "як", "його", "який", "яка", "які", "було", "також"}
_RU_WORDS = {"и", "что", "это", "от", "для", "как", "его", "который", "которая", "было", "также", "не"}


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def lang_from_name(path: str | os.PathLike) -> str | None:
    """`release.uk.txt` -> "uk"; None when the name has no language suffix."""
    m = _SUFFIX.search(Path(path).name)
    return m.group("lang") if m else None


def decode_bytes(data: bytes, name: str = "input") -> DecodedText:
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16", [f"{name}: decoded as UTF-16"])
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: broken UTF-16 text ({exc.reason})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # Legacy Cyrillic encodings are common in newsroom archives; cp1251 first, then let
    # charset-normalizer judge when cp1251 does not give mostly-letters text.
    try:
        text = data.decode("cp1251")
        letters = sum(ch.isalpha() for ch in text)
        cyr = sum("\u0400" <= ch <= "\u04ff" for ch in text)
        if letters and cyr / letters > 0.3:
            return DecodedText(text, "cp1251", [f"{name}: not UTF-8, decoded as cp1251"])
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: cannot decode the file (not UTF-8, UTF-16 or cp1251 text)")
    return DecodedText(str(best), best.encoding, [f"{name}: not UTF-8, decoded as {best.encoding}"])


def read_text(path: str | os.PathLike) -> DecodedText:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, expected a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    decoded = decode_bytes(data, str(p))
    decoded.text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return decoded


_LATIN_LETTERS = re.compile(r"[A-Za-z]")
_CYRILLIC_LETTERS = re.compile(r"[\u0400-\u04ff]")


_UK_ONLY_RE = re.compile("[" + re.escape("".join(sorted(_UK_ONLY))) + "]")
_RU_ONLY_RE = re.compile("[" + re.escape("".join(sorted(_RU_ONLY))) + "]")


def script_profile(text: str) -> tuple[int, int]:
    """(latin letters, cyrillic letters); whole files pass through here, so regex, not a loop."""
    return len(_LATIN_LETTERS.findall(text)), len(_CYRILLIC_LETTERS.findall(text))


def detect_language(text: str) -> str | None:
    """en, uk or ru by script and by letters and words only one language uses; None if unsure."""
    latin, cyr = script_profile(text)
    if latin + cyr < 3:
        return None
    if latin > cyr * 1.5:
        return "en"
    if cyr <= latin:
        return None
    uk = len(_UK_ONLY_RE.findall(text))
    ru = len(_RU_ONLY_RE.findall(text))
    words = re.findall(r"[а-яёіїєґ']+", text.lower())
    uk += sum(w in _UK_WORDS for w in words) * 0.5
    ru += sum(w in _RU_WORDS for w in words) * 0.5
    if uk == ru:
        return None
    return "uk" if uk > ru else "ru"


def check_language(text: str, lang: str, name: str) -> None:
    """Refuse a file whose text is plainly in another of our languages."""
    if lang not in LANGS:
        return
    found = detect_language(text)
    if found is not None and found != lang:
        raise InputError(f"{name}: the text looks like '{found}', but the file is marked '{lang}' "
                         f"(rename it or pass --lang)")


def check_writable(path: str | os.PathLike) -> None:
    """InputError unless `path` can be written as a file: not a folder, and its nearest existing
    ancestor a writable folder. Commands call it before their work, not after."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a folder; give a file name to write to")
    ancestor = p.parent
    while not ancestor.exists() and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise InputError(f"{p}: cannot write there: {ancestor} is a file, not a folder")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise InputError(f"{p}: cannot write there: {ancestor} is not writable")


def write_atomic(path: str | os.PathLike, content: str | bytes) -> None:
    """Write via a temp file in the same directory and rename, so no reader ever sees half a file.

    A path that cannot be written (a folder, a missing or read-only parent, a full disk) is
    one InputError line, and no temp file is left behind."""
    p = Path(path)
    check_writable(p)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    except OSError as exc:
        raise InputError(f"{p}: cannot write there ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"{p}: cannot write ({exc.strerror})") from None
        raise


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; a syntax error or an unreadable file is one InputError line."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
