"""Reading inputs safely (encodings, binary files, language suffixes) and writing outputs atomically."""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import tomllib

from align.errors import InputError
from align.lang import CYRILLIC_LETTER
from align.model import LANGS

# A release file's name: NAME.LANG.EXT (release.uk.txt). The one definition of it: `align check`
# groups its files by NAME, `align run` reads NAME.LANG.txt from folders, the hook picks staged files.
RELEASE_FILE = re.compile(r"^(?P<name>.*)\.(?P<lang>[a-z]{2})\.(?P<ext>[A-Za-z0-9]+)$", re.DOTALL)


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def lang_from_name(path: str | os.PathLike) -> str | None:
    """`release.uk.txt` -> "uk"; None when the name has no language suffix."""
    m = release_file(path)
    return m["lang"] if m else None


def release_file(path: str | os.PathLike) -> re.Match[str] | None:
    """The NAME, LANG and EXT of a file name (`news/x.uk.txt` -> x, uk, txt); None when the
    name has no language suffix."""
    return RELEASE_FILE.match(Path(path).name)


# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one, so testing
# UTF-16 first would read UTF-32 text as UTF-16 with a NUL after every character.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", ""),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
)

# Without a BOM, the only legacy encodings this domain meets: Cyrillic newsroom archives and
# Western European English. A wider guess (charset-normalizer) picked cp775 for Latin-1 text.
LEGACY_ENCODINGS: tuple[str, ...] = ("cp1251", "koi8-u", "koi8-r", "cp1252", "latin-1")
_UNSURE_MARGIN = 0.05  # candidates whose plausibility differs by less than this are a tie
_MIN_PLAUSIBILITY = 0.6  # below this the best candidate still reads as mojibake

_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
# C1 controls, box drawing and block elements, private use, replacement char: a sign of a wrong code page.
_MOJIBAKE = re.compile(r"[\u0080-\u009f\u2500-\u259f\ue000-\uf8ff\ufffd]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def plausibility(text: str, lang: str | None) -> float:
    """How much the non-ASCII part of `text` reads like a `lang` text (None: any of ours), 0..1.

    Candidate encodings agree on ASCII, so only words with other letters tell them apart: the
    share of those that are in the language's script (one script per word: "Caf" ending in a
    Cyrillic short i is cp1251 misreading the e-acute of cp1252), cased as words are (lower,
    Title or UPPER: KOI8 read as cp1251 swaps case) and free of letters the language does not
    have (the Russian yery in uk, the Ukrainian yi in ru); less a penalty for characters real
    text does not have (C1 controls, box drawing, private use)."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    other = [ch for ch in text if not ch.isascii()]
    if not other:
        return 1.0
    bad = len(_MOJIBAKE.findall("".join(other))) / len(other)
    if not words:
        return max(0.0, 1.0 - 2 * bad)
    foreign_letters = _foreign_letters(lang)
    good = 0
    for word in words:
        latin = len(_LATIN_LETTER.findall(word))
        cyrillic = len(CYRILLIC_LETTER.findall(word))
        if lang == "en":
            script = latin == len(word)
        elif lang in ("uk", "ru"):
            script = cyrillic == len(word)
        else:
            script = latin == len(word) or cyrillic == len(word)
        cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        foreign = foreign_letters is not None and foreign_letters.search(word)
        good += bool(script and cased and not foreign)
    return max(0.0, good / len(words) - 2 * bad)


def decode_bytes(data: bytes, name: str = "input", lang: str | None = None) -> DecodedText:
    """Text of a file: a BOM decides exactly; else UTF-8; else the one of LEGACY_ENCODINGS that
    reads most like a `lang` text (default: from the name), refused when no candidate is plausible
    or two read differently and equally well."""
    if lang is None:
        lang = lang_from_name(name)
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: broken {label or 'UTF-8'} text ({exc.reason})") from None
            return _checked(DecodedText(text, encoding.rsplit("-", 1)[0] if label else "utf-8",
                                        [f"{name}: decoded as {label}"] if label else []), name)
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file, not text")
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError:
        pass
    candidates: dict[str, tuple[float, str]] = {}
    # KOI8-R and KOI8-U differ only in a few letters: where both give the same text, name the
    # one of the file's language.
    order = sorted(LEGACY_ENCODINGS, key=lambda enc: enc == ("koi8-u" if lang == "ru" else "koi8-r"))
    for encoding in order:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if any(text == seen for _, seen in candidates.values()):
            continue  # the same text under another name (cp1252 and Latin-1 agree on most bytes)
        candidates[encoding] = (plausibility(text, lang), text)
    ranked = sorted(candidates.items(), key=lambda kv: -kv[1][0])
    tried = ", ".join(LEGACY_ENCODINGS)
    if not ranked or ranked[0][1][0] < _MIN_PLAUSIBILITY:
        raise InputError(f"{name}: cannot decode the file: not UTF-8, and none of {tried} reads as "
                         f"{lang or 'en/uk/ru'} text; save it as UTF-8")
    best_encoding, (best_score, best_text) = ranked[0]
    close = [enc for enc, (score, _) in ranked[1:] if best_score - score < _UNSURE_MARGIN]
    if close:
        raise InputError(f"{name}: not UTF-8, and cannot tell its encoding: {best_encoding} or "
                         f"{' or '.join(close)} read equally well; save it as UTF-8")
    return _checked(DecodedText(best_text, best_encoding,
                                [f"{name}: not UTF-8, decoded as {best_encoding}"]), name)


def _checked(decoded: DecodedText, name: str) -> DecodedText:
    # A NUL decoded from UTF-16/32 is as binary as a NUL byte, and later stages (file names,
    # regular expressions over C strings) reject it with an internal error.
    if "\x00" in decoded.text:
        raise InputError(f"{name}: looks like a binary file, not text (it contains NUL characters)")
    if not decoded.text.strip():
        raise InputError(f"{name}: file is empty")
    return decoded


DEFAULT_MAX_INPUT_MB = 200


def max_input_bytes() -> int:
    """The largest file align reads (inputs, glossaries, reports): $ALIGN_MAX_INPUT_MB, default 200 MB.
    Reading stops there, so an endless file (/dev/zero, a growing log) costs no more memory."""
    raw = os.environ.get("ALIGN_MAX_INPUT_MB", "")
    try:
        mb = float(raw) if raw.strip() else DEFAULT_MAX_INPUT_MB
    except ValueError:
        raise InputError(f"ALIGN_MAX_INPUT_MB={raw!r} is not a number of megabytes") from None
    return max(1, int(mb * 1024 * 1024))


STDIN = "-"
_stdin_bytes: bytes | None = None


def is_stdin(path: str | os.PathLike | None) -> bool:
    return path is not None and str(path) == STDIN


def display_name(path: str | os.PathLike) -> str:
    """How messages name an input: its path, or "standard input" for `-`."""
    return "standard input" if is_stdin(path) else str(path)


def read_stdin_bytes() -> bytes:
    """Standard input, at most max_input_bytes(), read once however often it is asked for."""
    global _stdin_bytes
    if _stdin_bytes is None:
        import sys

        limit = max_input_bytes()
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError("standard input is not readable")
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"standard input: larger than {limit / 1048576:g} MB, the most align reads "
                             f"(set ALIGN_MAX_INPUT_MB to raise it)")
        _stdin_bytes = data
    return _stdin_bytes


def read_bytes_bounded(path: str | os.PathLike, what: str = "file") -> bytes:
    """The bytes of a regular file (or of standard input for `-`), at most max_input_bytes();
    one InputError line otherwise.

    FIFOs, devices and sockets are refused before they are opened: opening a FIFO waits for a
    writer forever, and a device such as /dev/zero never ends."""
    if is_stdin(path):
        return read_stdin_bytes()
    p = Path(path)
    try:
        info = os.stat(p)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{p}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{p}: is a directory, expected a text file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{p}: is not a regular file (a FIFO, device or socket); give a {what} on disk")
    limit = max_input_bytes()
    too_big = InputError(f"{p}: larger than {limit / 1048576:g} MB, the most align reads "
                         f"(set ALIGN_MAX_INPUT_MB to raise it)")
    if info.st_size > limit:
        raise too_big
    try:
        with open(p, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None
    if len(data) > limit:
        raise too_big
    return data


def read_text(path: str | os.PathLike, lang: str | None = None) -> DecodedText:
    """A text input, decoded (see decode_bytes; `lang` defaults to the name's suffix), with
    line ends made "\n"."""
    decoded = decode_bytes(read_bytes_bounded(path, "text file"), display_name(path), lang)
    decoded.text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return decoded


# Runs of letters of each script (Cyrillic as align.lang.CYRILLIC_LETTER): summed, their
# lengths count the letters with one match per word instead of one per letter.
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")


# Lower-case letters of the Cyrillic alphabets of align.lang: A-Ya, Yo, and the Ukrainian Ye,
# I, Yi and Ge.
_CYRILLIC_WORD = re.compile("[\u0430-\u044f\u0451\u0454\u0456\u0457\u0491']+")


@cache
def _distinct_letters(lang: str) -> re.Pattern[str]:
    """Letters (both cases) of `lang` that the other Cyrillic languages do not have."""
    from align.lang import get

    return re.compile("[" + re.escape("".join(sorted(get(lang).distinct_letters))) + "]")


@cache
def _foreign_letters(lang: str | None) -> re.Pattern[str] | None:
    """Letters that only other Cyrillic languages than `lang` have; None for a Latin-script
    language or no language."""
    from align.lang import is_cyrillic, languages

    if not is_cyrillic(lang):
        return None
    others = set().union(*(other.distinct_letters for other in languages("cyrillic") if other.code != lang))
    return re.compile("[" + re.escape("".join(sorted(others))) + "]")


def _uk_ru_markers(text: str, words: list[str]) -> tuple[float, float]:
    """Evidence for uk and for ru in a text and its lower-case Cyrillic words: letters only one
    of them has, and half a point per function word of each."""
    from align.lang import get

    uk, ru = get("uk"), get("ru")
    # (Counted by map: every pair of texts is read here once per translation.)
    return (len(_distinct_letters("uk").findall(text)) + sum(map(uk.function_words.__contains__, words)) * 0.5,
            len(_distinct_letters("ru").findall(text)) + sum(map(ru.function_words.__contains__, words)) * 0.5)


def script_profile(text: str) -> tuple[int, int]:
    """(latin letters, cyrillic letters); whole files pass through here, so regex, not a loop."""
    return sum(map(len, _LATIN_RUN.findall(text))), sum(map(len, _CYRILLIC_RUN.findall(text)))


def detect_language(text: str, profile: tuple[int, int] | None = None) -> str | None:
    """en, uk or ru by script and by letters and words only one language uses; None if unsure.
    `profile`: script_profile(text), when the caller has read it already."""
    latin, cyr = profile if profile is not None else script_profile(text)
    if latin + cyr < 3:
        return None
    if latin > cyr * 1.5:
        return "en"
    if cyr <= latin:
        return None
    uk, ru = _uk_ru_markers(text, _CYRILLIC_WORD.findall(text.lower()))
    if uk == ru:
        return None
    return "uk" if uk > ru else "ru"


# Evidence below these is too weak to refuse a file for its language: a short text, or one
# mostly of names, figures and markup, only gets a warning.
STRONG_LANGUAGE_LETTERS = 40
STRONG_SCRIPT_SHARE = 0.85
STRONG_UK_RU_MARKERS = 2.0


def language_evidence(text: str) -> tuple[str | None, bool]:
    """(detect_language(text), whether the evidence is strong enough to refuse a file on it):
    enough letters, nearly all in one script and, between uk and ru, distinctive letters and
    words of one language at least four times those of the other."""
    found = detect_language(text)
    if found is None:
        return None, False
    latin, cyr = script_profile(text)
    if found == "en":
        return found, latin >= STRONG_LANGUAGE_LETTERS and latin >= STRONG_SCRIPT_SHARE * (latin + cyr)
    if cyr < STRONG_LANGUAGE_LETTERS or cyr < STRONG_SCRIPT_SHARE * (latin + cyr):
        return found, False
    uk, ru = _uk_ru_markers(text, re.findall("[\u0400-\u04ff']+", text.lower()))
    win, lose = (uk, ru) if found == "uk" else (ru, uk)
    return found, win >= STRONG_UK_RU_MARKERS and win >= 4 * lose


def check_language(text: str, lang: str, name: str) -> str | None:
    """Refuse a file whose text is plainly in another of our languages; where the text only
    leans that way (short, mostly names or figures), return a warning instead."""
    if lang not in LANGS:
        return None
    found, strong = language_evidence(text)
    if found is None or found == lang:
        return None
    if strong:
        raise InputError(f"{name}: the text looks like '{found}', but the file is marked '{lang}' "
                         f"(rename it or pass --lang)")
    return (f"{name}: the text may be '{found}', not '{lang}' as the file is marked; checked as "
            f"'{lang}' (too little text to be sure)")


# -- human-facing text ---------------------------------------------------------------------------

# C0 and C1 controls and the bidi embeddings, overrides, isolates and marks: raw in a terminal they
# move the cursor, recolour or forge lines (ESC [, a newline); in a page or review comment they
# reorder what the reader sees.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _picture(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC -> U+241B
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def visible_controls(text: str, keep: str = "\n\t") -> str:
    """`text` with every control and bidi formatting character except those in `keep` shown as
    a visible stand-in (ESC as U+241B, U+202E as <U+202E>). Texts and file names are untrusted."""
    return _CONTROLS.sub(lambda m: m.group() if m.group() in keep else _picture(m.group()), text)


def one_line(text: str) -> str:
    """A message for stderr: one line whatever the file names in it hold."""
    return visible_controls(text, keep="")


# -- normalisation for extraction ---------------------------------------------------------------

_FORMAT_CHARS = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


def normalized(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """(NFC text without format characters, start and end offsets in `text` of each of its
    characters); offsets None when nothing changed (the common case costs one scan).

    Zero-width and bidi characters inside a word (Ky\u200biv) and decomposed letters (Cyrillic i
    + U+0306)
    would make the extractors see other words; a span [s, e) of the result is [starts[s],
    ends[e - 1]) of the original, so reports point at what the user wrote."""
    if unicodedata.is_normalized("NFC", text) and not _FORMAT_CHARS.search(text) and "\u0301" not in text \
            and "\u0300" not in text:
        return text, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        # A starter and the combining marks after it compose as a unit.
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or _FORMAT_CHARS.match(text[j])):
            j += 1
        unit = unicodedata.normalize("NFC", _FORMAT_CHARS.sub("", text[i:j]))
        if len(unit) > 1 and "\u0400" <= unit[0] <= "\u04ff":
            # A stress mark on a Cyrillic vowel has no precomposed form; it is not part of the word.
            unit = unit[0] + unit[1:].replace("\u0301", "").replace("\u0300", "")
        out.append(unit)
        starts.extend([i] * len(unit))
        ends.extend([j] * len(unit))
        i = j
    return "".join(out), starts, ends


def original_span(start: int, end: int, starts: list[int] | None, ends: list[int] | None) -> tuple[int, int]:
    """The span of the original text that normalized() turned into [start, end)."""
    if starts is None or ends is None or not starts:
        return start, end
    start = min(max(start, 0), len(starts) - 1)
    end = min(max(end, start + 1), len(ends))
    return starts[start], ends[end - 1]


# -- outputs -------------------------------------------------------------------------------------

STDOUT = "-"


def _stat(path: Path, follow: bool = True) -> os.stat_result | None:
    try:
        return os.stat(path, follow_symlinks=follow)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot write there ({getattr(exc, 'strerror', None) or exc})") from None


def _direct(path: Path) -> bool:
    """Whether `path` is written in place rather than replaced: an existing FIFO, character
    device or socket (a reader waits on it; /dev/stdout, /dev/null), or anything under /dev or
    /proc. Replacing those by a regular file would lose what the user pointed at."""
    info = _stat(path)
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        return True
    return str(path).startswith(("/dev/", "/proc/"))


def write_target(path: str | os.PathLike) -> Path:
    """The file a write to `path` lands in: a symlink's final target (as cp and editors do,
    so the link stays a link), else `path` itself."""
    p = Path(path)
    if _stat(p, follow=False) is not None and p.is_symlink():
        return Path(os.path.realpath(p))
    return p


def check_writable(path: str | os.PathLike) -> None:
    """InputError unless `path` can be written as a file: not a folder, and its nearest existing
    ancestor a writable folder. Commands call it before their work, not after."""
    p = Path(path)
    if _direct(p):
        if not os.access(p, os.W_OK):
            raise InputError(f"{p}: cannot write there: not writable")
        return
    p = write_target(p)
    info = _stat(p)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a folder; give a file name to write to")
    ancestor = p.parent
    while _stat(ancestor) is None and ancestor != ancestor.parent:
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise InputError(f"{p}: cannot write there: {ancestor} is a file, not a folder")
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise InputError(f"{p}: cannot write there: {ancestor} is not writable")


def refuse_overwriting(outputs: list[Path | None], protected: list[Path | None]) -> None:
    """InputError (before any work) when an output is, or resolves to through links, `..` or a
    hard link, one of the `protected` files (inputs, glossaries, config, accepted issues)."""
    by_path: dict[str, Path] = {}
    by_inode: dict[tuple[int, int], Path] = {}
    for path in protected:
        if path is None:
            continue
        by_path[os.path.realpath(path)] = Path(path)
        info = _stat_quiet(Path(path))
        if info is not None:
            by_inode[(info.st_dev, info.st_ino)] = Path(path)
    for out in outputs:
        if out is None or str(out) == STDOUT:
            continue
        info = _stat_quiet(out)
        hit = by_path.get(os.path.realpath(out))
        if hit is None and info is not None and stat.S_ISREG(info.st_mode):
            hit = by_inode.get((info.st_dev, info.st_ino))
        if hit is not None:
            raise InputError(f"{out}: is the input file {hit}; refusing to overwrite it "
                             f"(choose another --output)")


def _stat_quiet(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def write_if_changed(path: str | os.PathLike, content: str | bytes) -> bool:
    """write_atomic unless the file already holds exactly `content`; True when it wrote. A
    re-run that changes nothing leaves the file (and its time stamp) alone."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    p = Path(path)
    try:
        if p.is_file() and p.stat().st_size == len(data) and p.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(p, data)
    return True


def current_umask() -> int:
    """The process's umask. Read from /proc where there is one: setting it to read it back
    would race with threads creating files meanwhile."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """Permission bits for a file written at `path`: those of the file it replaces, else what
    open() would give a new file (0666 less the umask)."""
    info = _stat_quiet(path)
    if info is not None and stat.S_ISREG(info.st_mode):
        return stat.S_IMODE(info.st_mode)
    return 0o666 & ~current_umask()


def write_atomic(path: str | os.PathLike, content: str | bytes) -> None:
    """Write via a temp file in the same directory and rename, so no reader ever sees half a file.

    A symlink is written through (its target is replaced, the link stays); a FIFO or device
    (/dev/stdout) is written in place, since it cannot be replaced. A path that cannot be
    written (a folder, a missing or read-only parent, a full disk, a name too long) is one
    InputError line, and no temp file is left behind."""
    given = Path(path)
    check_writable(given)
    data = content.encode("utf-8") if isinstance(content, str) else content
    if _direct(given):
        try:
            with open(given, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise InputError(f"{given}: cannot write ({exc.strerror})") from None
        return
    p = write_target(given)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        # A short prefix: the temp name must fit where a target name of up to NAME_MAX fits.
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name[:32]}.", suffix=".tmp", dir=p.parent)
    except OSError as exc:
        raise InputError(f"{given}: cannot write there ({exc.strerror})") from None
    try:
        # mkstemp makes the file 0600; a report in a shared review folder or under a web server
        # must be readable as any file the user writes there would be.
        if hasattr(os, "fchmod"):  # not on Windows, where files have no such bits
            os.fchmod(fd, _mode_for(p))
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
            raise InputError(f"{given}: cannot write ({exc.strerror})") from None
        raise


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; a syntax error, undecodable bytes, absurd nesting or an unreadable
    file is one InputError line."""
    return _parse_file(path, "TOML file", "utf-8-sig", tomllib.loads, tomllib.TOMLDecodeError,
                       "not UTF-8 text (TOML files are UTF-8)", "not valid TOML", str)


def read_json(path: Path, what: str = "JSON file") -> Any:
    """A JSON file align wrote (a report, a manifest); unreadable, undecodable, invalid or too
    deeply nested is one InputError line."""
    return _parse_file(path, what, "utf-8", json.loads, json.JSONDecodeError,
                       f"not a {what} (not UTF-8 text)", f"not a {what}",
                       lambda exc: f"{exc.msg}, line {exc.lineno}")


def _parse_file(path: Path, what: str, encoding: str, parse: Any, syntax_error: type[Exception],
                undecodable: str, invalid: str, detail: Any) -> Any:
    """Bounded read, decode and parse, every failure one InputError line naming the file."""
    data = read_bytes_bounded(path, what)
    try:
        return parse(data.decode(encoding))
    except UnicodeDecodeError:
        raise InputError(f"{path}: {undecodable}") from None
    except syntax_error as exc:
        raise InputError(f"{path}: {invalid} ({detail(exc)})") from None
    except RecursionError:
        raise InputError(f"{path}: {invalid} (nested too deeply)") from None
