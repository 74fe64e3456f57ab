"""Mask the numbers of a sentence as placeholders the model copies through, and restore them.

Neural MT drops or changes digits now and then. When the checker finds a figure lost or
changed, the sentence is translated again with every number replaced by a placeholder and the
original numbers are put back afterwards, written the way the target language writes them.

Placeholders are plain three-digit numbers. Marian SentencePiece vocabularies split digits
into short pieces and opus-mt models are trained to copy digits, so a number survives better
than any symbol pattern (symbols and Latin tags get transliterated or dropped); three digits
are never written with a group separator, so the model cannot reformat them. A placeholder
keeps the last two digits of the integer it stands for, so Ukrainian and Russian nouns after it
take the same grammatical number (uk 1 raketa, 2 rakety, 5 raket: 1, 2, 5 missiles) as after
the real figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from align.lang import get

_SPACES = " \u00a0\u202f\u2009"

# Dates and times are copied as written: their digits, not their format, must survive.
_VERBATIM = r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?"
_NUMBER = {
    "en": re.compile(rf"(?<![\d.,])(?:(?P<verbatim>{_VERBATIM})|"
                     r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?)(?![\d])"),
    "cyr": re.compile(rf"(?<![\d.,])(?:(?P<verbatim>{_VERBATIM})|"
                      rf"(?P<int>\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?!\d)|\d+)(?:[,.](?P<frac>\d+))?)(?![\d])"),
}
_PLACEHOLDER_HUNDREDS = (7, 8, 9, 6, 5, 4, 3, 2, 1)


@dataclass(frozen=True)
class MaskedNumber:
    placeholder: str
    original: str  # as written in the source
    integer: str = ""  # digits only; "" for verbatim numbers (dates, times)
    fraction: str = ""
    grouped: bool = False  # the source wrote it with group separators


@dataclass
class MaskedText:
    text: str
    source_lang: str
    numbers: list[MaskedNumber] = field(default_factory=list)


def _pattern(lang: str) -> re.Pattern[str]:
    return _NUMBER["en" if lang == "en" else "cyr"]


def _placeholder(integer: str, taken: set[str]) -> str:
    tail = int(integer[-2:]) if integer else 0
    for hundreds in _PLACEHOLDER_HUNDREDS:
        candidate = str(hundreds * 100 + tail)
        if candidate not in taken:
            return candidate
    for value in range(100, 1000):
        if str(value) not in taken:
            return str(value)
    raise ValueError("too many numbers in one sentence to mask")


def mask_numbers(text: str, lang: str) -> MaskedText:
    """Replace every number written in digits with a distinct three-digit placeholder."""
    pattern = _pattern(lang)
    taken = set(re.findall(r"\d+", text))
    masked = MaskedText(text="", source_lang=lang)
    pieces: list[str] = []
    last = 0
    for m in pattern.finditer(text):
        if m.group("verbatim"):
            number = MaskedNumber(_placeholder("", taken), m.group(0))
        else:
            raw_int = m.group("int")
            digits = re.sub(r"\D", "", raw_int)
            number = MaskedNumber(_placeholder(digits, taken), m.group(0), digits, m.group("frac") or "",
                                  grouped=digits != raw_int)
        taken.add(number.placeholder)
        masked.numbers.append(number)
        pieces += [text[last:m.start()], number.placeholder]
        last = m.end()
    pieces.append(text[last:])
    masked.text = "".join(pieces)
    return masked


def format_number(number: MaskedNumber, source_lang: str, target_lang: str) -> str:
    """The number as the target language writes it (decimal comma and space groups in uk/ru)."""
    if not number.integer or source_lang == target_lang or (source_lang != "en" and target_lang != "en"):
        return number.original
    if len(number.integer) > 1 and number.integer.startswith("0"):
        return number.original  # codes and zero-padded numbers are not quantities
    integer = number.integer
    if len(integer) >= 5 or (number.grouped and len(integer) == 4):
        sep = get(target_lang).group_separator
        head = len(integer) % 3 or 3
        integer = sep.join([integer[:head]] + [integer[i:i + 3] for i in range(head, len(integer), 3)])
    if number.fraction:
        return f"{integer}{get(target_lang).decimal_separator}{number.fraction}"
    return integer


def restore_numbers(translated: str, masked: MaskedText, target_lang: str) -> tuple[str, list[MaskedNumber]]:
    """Put the original numbers back in place of their placeholders.

    Returns the text and the numbers whose placeholder the model did not copy (a candidate
    that lost some is judged by the checker like any other)."""
    missing: list[MaskedNumber] = []
    out = translated
    for number in masked.numbers:
        spot = re.compile(rf"(?<![\d.,]){number.placeholder}(?![\d])")
        replacement = format_number(number, masked.source_lang, target_lang)
        out, count = spot.subn(lambda _m, r=replacement: r, out)
        if count == 0:
            missing.append(number)
    return out, missing
