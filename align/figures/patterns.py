"""Whole-figure patterns found before the token pass: standards codes, numeric dates, clock
times, scores and ratios. What they cover, the token pass leaves alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from align.figures.lexicon import alternatives, shared_words
from align.figures.scan import Scan
from align.figures.tokens import HAS_DIGIT

ISO_DATE_RE = re.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])")
DOTTED_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d.]\d)")
# A ratio or a score that cannot be a clock time: 3:2, 16:9, 2:0 (a clock has two-digit minutes).
RATIO_RE = re.compile(r"(?<![\d.,:])(\d{1,3}):(\d{1,3})(?![\d:])")
# An English month/day without a year ("9/11"): a date, or a fraction ("3/4"); see Figure.role "slash".
SLASH_DATE_RE = re.compile(r"(?<![\w/.,])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\w/]|[.,]\d)")
HOUR_AMPM_RE = re.compile(r"(?<![\d.:])(1[0-2]|0?[1-9])\s*(?P<ampm>[ap])\.?\s?m\b\.?", re.IGNORECASE)
OCLOCK_RE = re.compile(r"(?<![\d.:])(1[0-2]|0?[1-9])\s+o[’']clock\b", re.IGNORECASE)
_ZONES = "GMT|UTC|MSK|EST|CET"
_MILITARY_RE = re.compile(rf"(?<![\d.:,])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:{_ZONES}))")
# The first digit of a run of digits that one of the patterns above may open at: each starts
# with a digit that no digit precedes, and goes on from the run with a separator ("-./:"), an
# a.m./p.m., "o'clock" or a time zone; so each is tried there alone instead of scanning the
# whole text, and a run such as "(1)" or "25 people" is tried by none. (The regex opens with one
# digit, not a lookbehind or a repeat, so that it jumps from digit to digit.)
_PATTERN_OPENING = re.compile(rf"\d(?<!\d\d)\d*(?=[-./:]|\s*[ap]|\s+o[’']|\s*(?:{_ZONES}))", re.IGNORECASE)


@cache
def _clock_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(clock time, pm words after one, joiners sharing an a.m./p.m., joiners sharing a pm
    word), from the clock words of every language."""
    words = shared_words()
    hour_marks = rf"|(?:{alternatives(words.hour_marks)})\b" if words.hour_marks else ""
    clock = re.compile(
        r"(?<![\d.:])([01]?\d|2[0-3])(?:[:]([0-5]\d)|\.([0-5]\d)(?=\s*(?:GMT|UTC|a\.?m\b|p\.?m\b"
        + hour_marks + r")))(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?(?![\d:])",
        re.IGNORECASE,
    )
    # "at 10 in the evening" said with one word after the time (uk "o 10 vechora"): past noon
    pm_after = re.compile(rf"\s*(?:{alternatives(words.pm_after)})\b", re.IGNORECASE)
    ampm_joiners = re.compile(rf"\s*(?:[-–—]|{alternatives(words.ampm_joiners)})\s*")
    pm_joiners = re.compile(rf"\s*(?:[-–—]|{alternatives(words.pm_joiners)})\s*")
    return clock, pm_after, ampm_joiners, pm_joiners


def code_value(digits: str) -> tuple[float, ...]:
    """The digits of a code as one number, so that "T25FW" matches a bare "25" (and "ISO 4049"
    a bare "4049"); no value for an empty or absurdly long run."""
    return (float(digits),) if digits and len(digits) <= 15 else ()


def ampm(hour: int, marker: str | None) -> int:
    """The 24-hour clock hour of `hour` followed by a.m. ("a") or p.m. ("p"), or by nothing."""
    if not marker:
        return hour
    if marker.lower() == "p" and hour < 12:
        return hour + 12
    if marker.lower() == "a" and hour == 12:
        return 0
    return hour


def find_patterns(s: Scan) -> None:
    """Record every whole-figure pattern of the text (nothing without a digit)."""
    if not HAS_DIGIT.search(s.text):
        return
    _standards(s)
    starts = [m.start() for m in _PATTERN_OPENING.finditer(s.text)]
    if starts:
        _dates(s, starts)
        _clocks(s, starts)
        _ratios_and_hours(s, starts)


def _matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern that can only match at one of `starts`."""
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m is not None:
                yield m
                end = m.end()


def _standards(s: Scan) -> None:
    standards = s.roles.standards_regex
    # The regex scans every offset; a standard's name written nowhere in the text is cheaper to see.
    hint = s.roles.standards_hint
    if standards is not None and hint is not None and hint.search(s.text) is not None:
        for m in standards.finditer(s.text):
            digits = "".join(ch for ch in m.group("num") if ch.isdigit())
            s.add("number", f"code {digits}", m.start(), m.end(), code_value(digits),
                  next_index=s.index_at(m.end(), 0), hedge=False, role="code")


def _dates(s: Scan, starts: list[int]) -> None:
    text = s.text
    if s.lang == "en":
        for m in _matches(SLASH_DATE_RE, text, starts):
            month, day = int(m.group(1)), int(m.group(2))
            s.add("date", f"--{month:02d}-{day:02d}", m.start(), m.end(), (0, month, day),
                  next_index=s.index_at(m.end(), 0), hedge=False, role="slash")
    for m in _matches(ISO_DATE_RE, text, starts):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            s.add("date", f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end(), (y, mo, d),
                  next_index=s.index_at(m.end(), 0))
    for m in _matches(DOTTED_DATE_RE, text, starts):
        a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        # US month/day/year with slashes in English; day.month.year everywhere else.
        day, month = (b, a) if (s.lang == "en" and sep == "/") else (a, b)
        year = int(y) if len(y) == 4 else 2000 + int(y)
        if 1 <= month <= 12 and 1 <= day <= 31 and (len(y) == 4 or sep == "/"):
            s.add("date", f"{year:04d}-{month:02d}-{day:02d}", m.start(), m.end(), (year, month, day),
                  next_index=s.index_at(m.end(), 0))


def _clocks(s: Scan, starts: list[int]) -> None:
    text = s.text
    clock_re, pm_after, ampm_joiners, pm_joiners = _clock_regexes()
    clocks = list(_matches(clock_re, text, starts))
    for n, m in enumerate(clocks):
        hour = int(m.group(1))
        minute = int(m.group(2) or m.group(3) or 0)
        marker = m.group("ampm")
        if marker is None and n + 1 < len(clocks) and clocks[n + 1].group("ampm") \
                and ampm_joiners.fullmatch(text, m.end(), clocks[n + 1].start()):
            marker = clocks[n + 1].group("ampm")  # "10:00-11:00 pm": the pm is for both
        if marker is None and hour < 12:
            after = text[m.end():]
            if n + 1 < len(clocks) and pm_joiners.fullmatch(text, m.end(), clocks[n + 1].start()):
                after = text[clocks[n + 1].end():]
            if pm_after.match(after):
                marker = "p"
        hour = ampm(hour, marker)
        s.add("time", f"{hour:02d}:{minute:02d}", m.start(), m.end(), (hour, minute),
              next_index=s.index_at(m.end(), 0))


def _ratios_and_hours(s: Scan, starts: list[int]) -> None:
    text = s.text
    for m in _matches(RATIO_RE, text, starts):
        a, b = int(m.group(1)), int(m.group(2))
        if len(m.group(2)) == 2 and a < 24 and b < 60:
            continue  # 10:30 is a clock time, found above
        s.add("ratio", f"{a}:{b}", m.start(), m.end(), (float(a), float(b)),
              next_index=s.index_at(m.end(), 0))
    for m in _matches(_MILITARY_RE, text, starts):
        hour, minute = int(m.group(1)), int(m.group(2))
        s.add("time", f"{hour:02d}:{minute:02d}", m.start(), m.end(), (hour, minute),
              next_index=s.index_at(m.end(), 0))
    if s.lang == "en":
        for m in _matches(HOUR_AMPM_RE, text, starts):
            hour = ampm(int(m.group(1)), m.group("ampm"))
            s.add("time", f"{hour:02d}:00", m.start(), m.end(), (hour, 0),
                  next_index=s.index_at(m.end(), 0))
        for m in _matches(OCLOCK_RE, text, starts):
            hour = int(m.group(1))
            s.add("time", f"{hour:02d}:00", m.start(), m.end(), (hour, 0),
                  next_index=s.index_at(m.end(), 0))
