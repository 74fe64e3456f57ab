"""Find figures in en/uk/ru text and normalise them to language-independent keys.

Whole-figure patterns (patterns.py) come first; then one left-to-right pass over the tokens. A
number (digits in any local format, or spelled-out words in any inflected form; numbers.py) is
read first; then what follows it decides what it is (tail.py): a scale word or abbreviation
multiplies it, a currency/percent/unit word types it, a month makes it a date (dates.py). What
precedes it adds a currency sign, a sign or a hedge ("at least", "ponad").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from align.figures.dates import date_from_day, date_from_month, days_sharing_month, month_at
from align.figures.lexicon import Lexicon, alternatives, lexicon, norm_text, shared_words
from align.figures.numbers import (
    CYRILLIC_I,
    Quantity,
    compound_adjective,
    fmt,
    fused_compound,
    read_digits,
    read_words,
    roman_century,
    roman_hint,
    roman_label,
    roman_text,
    roman_value,
)
from align.figures.patterns import code_value, find_patterns
from align.figures.roles import roles
from align.figures.scan import Scan
from align.figures.tail import tail
from align.figures.tokens import DASHES, HAS_DIGIT, HYPHENS, WORDS_RE
from align.model import Figure

_CURRENCY_BEFORE_RE = re.compile(r"(?P<pre>[A-Z]{1,3})?(?P<sym>[$€£₴₽¥₹])\s?$")
_CODE_BEFORE_RE = re.compile(r"\b(?P<code>[A-Z]{3})\s?$")
_MINUS_SIGNS = frozenset({"-", "−"})


@cache
def _sign_before_re() -> re.Pattern[str]:
    """A sign, or a word for minus in any language, right before a number."""
    words = alternatives(sorted(shared_words().minus))
    return re.compile(rf"(?:^|[\s(\[])(?P<sign>[+\-−–]|(?:{words})\s)$", re.IGNORECASE)


def extract(text: str, lang: str, details: bool = True) -> list[Figure]:
    """Figures of `text` in `lang`, in text order; with details=False only their kinds, keys,
    values, units and offsets (no hedge, role or context)."""
    if not text:
        return []
    lex = lexicon(lang)
    if not _may_hold_figures(text, lex):
        return []
    s = Scan(text, lang, details)
    find_patterns(s)
    i = 0
    for k in _openings(s):
        if k >= i:
            i = _step(s, k)
    s.figures.sort(key=lambda f: f.start)
    return s.figures


def _openings(s: Scan) -> list[int]:
    """Indices of the tokens that may start a figure. Most start none: punctuation, and words
    that are no number word, month, idiom, Roman numeral or fused number word (the same tests
    as _step's, only cheaper); with a month adjective in the text, any word may be one."""
    toks = s.toks
    if s.month_adjectives:
        return [k for k, tok in enumerate(toks) if tok.kind != "sym"]
    openers = _word_openers(s.lang)
    prefixes = s.lex.compound_prefixes
    return [k for k, tok in enumerate(toks) if tok.kind == "num" or (tok.kind == "word" and (
        tok.norm in openers or tok.text.isupper() or (len(tok.norm) > 6 and tok.norm[:3] in prefixes)))]


def _may_hold_figures(text: str, lex: Lexicon) -> bool:
    """Cheap test that lets most sentences without digits skip the full pass."""
    if HAS_DIGIT.search(text) or (lex.century_words and roman_hint(text)):
        return True
    normed = norm_text(text)
    if lex.has_month_adjective(normed):
        return True
    words = set(WORDS_RE.findall(normed))
    if not words.isdisjoint(_lone_triggers(lex.lang)) or not words.isdisjoint(roles(lex.lang).idioms):
        return True
    prefixes = lex.compound_prefixes
    return bool(prefixes) and any(len(word) > 6 and word[:3] in prefixes for word in words)


@cache
def _word_openers(lang: str) -> frozenset[str]:
    """The words that may start a figure in the token pass: triggers and idioms, one lookup."""
    return lexicon(lang).triggers | frozenset(roles(lang).idioms)


@cache
def _lone_triggers(lang: str) -> frozenset[str]:
    """The trigger words that may start a figure in a text with no other: all but the articles
    ("a", "an"), which read as one only before a scale word or "dozen" (read_words), both
    triggers themselves. (Without this, every English sentence with an article was read.)"""
    lex = lexicon(lang)
    return lex.triggers - (lex.unit_article - lex.cardinals.keys())


def _step(s: Scan, i: int) -> int:
    """Read the figure (if any) that starts at token i; returns the index to go on from."""
    tok = s.toks[i]
    lex = s.lex
    if s.covered(tok.start, tok.end):
        return i + 1
    if tok.kind == "word" and tok.norm in lex.months:
        return date_from_month(s, i)
    if s.month_adjectives and tok.kind == "word":
        month = lex.month_adjective(tok.norm)
        if month is not None:
            # "sichnevykh atak": the month as a modifier, like English "the January attacks"
            s.add("date", f"--{month:02d}", tok.start, tok.end, (0, month, 0), hedge=False)
            return i + 1
    q = _quantity_at(s, i)
    if isinstance(q, int):
        return q
    if q is None:
        idiom = s.roles.idioms.get(tok.norm) if tok.kind == "word" else None
        if idiom is not None and s.word(i + 1) not in lex.unit_article:  # not "half an hour"
            # "half", "centenary", "polovyna": a number only to match a figure the other side gives
            s.add("number", fmt(Decimal(str(idiom))), tok.start, tok.end, (idiom,), hedge=False, role="idiom")
        return i + 1
    after_days = days_sharing_month(s, i, q)
    if after_days:
        return after_days
    if date_from_day(s, i, q):
        return s.index_at(s.taken[-1][1], i)
    return _finish(s, i, q)


def _quantity_at(s: Scan, i: int) -> Quantity | int | None:
    """The number that starts at token i; or the index to go on from when the token was read
    as something else (a code, a Roman numeral, a fused compound); or None."""
    toks = s.toks
    tok = toks[i]
    lex = s.lex
    if tok.kind == "num":
        if i > 0 and toks[i - 1].kind == "word" and s.adjacent(i - 1, i) and \
                toks[i - 1].text not in lex.currency_codes and (
                    any(ch.isupper() for ch in toks[i - 1].text) or not (i > 1 and toks[i - 2].kind == "num")):
            # a code such as A320, G7, F1, t25fw, Ki67: not a quantity (but "50 km2" is 50 km2)
            return _skip_code(s, i)
        if i > 1 and toks[i - 1].text in HYPHENS and s.adjacent(i - 2, i - 1) and \
                s.adjacent(i - 1, i) and toks[i - 2].kind == "word" and toks[i - 2].text[:1].isupper():
            return _skip_code(s, i)  # F-16, COVID-19, Formula-1, Tu-154: names of things
        if lex.name_before_regex is not None and lex.name_before_regex.search(s.text, 0, tok.start):
            return i + 1  # "World War 2": part of a name
        return read_digits(s, i)
    if tok.kind == "word" and tok.text.isupper() and (
            roman := roman_text(tok.text) or (CYRILLIC_I == tok.text and roman_label(s, i) and "I")) and (
            roman_century(s, i) or roman_label(s, i)):
        # "XVI century", "XX veka", "group II", "II stepeni": an ordinal; a label unless a century
        value = roman_value(roman)
        label = not roman_century(s, i)
        s.add("ordinal", fmt(Decimal(value)), tok.start, tok.end, (float(value),),
              next_index=i + 1, hedge=False, role="label" if label else "")
        return i + 1
    if tok.kind == "word" and len(tok.norm) > 6 and tok.norm[:3] in lex.compound_prefixes:
        if compound_adjective(s, i) or fused_compound(s, i):
            return i + 1
        return read_words(s, i) if tok.norm in lex.cardinals or tok.norm in lex.ordinals \
            or tok.norm in lex.scales else None
    if tok.kind == "word" and (tok.norm in lex.cardinals or tok.norm in lex.ordinals or tok.norm in lex.scales
                               or tok.norm in lex.fractions or tok.norm in lex.unit_article):
        return read_words(s, i)
    return None


def _finish(s: Scan, i: int, q: Quantity) -> int:
    """Type the number at token i by what stands before and after it, read a range it starts,
    and record it; returns the index to go on from."""
    money_before = _currency_before(s, q.start)
    sign, sign_start = _sign_before(s, q.start)
    tail(s, q, money_before)
    if money_before and q.kind in ("number",):
        q.kind = "money"
        q.unit = money_before
    start = q.start
    if money_before:
        m = _CURRENCY_BEFORE_RE.search(s.text, 0, q.start) or _CODE_BEFORE_RE.search(s.text, 0, q.start)
        if m:
            start = m.start()
    if sign == "-" and not money_before:
        q.value = -q.value
        start = sign_start
    # Ranges: "10-15 million", "from 10 to 15 %", "vid 10 do 15 km".
    nxt = _range_next(s, q)
    if nxt is not None:
        second = nxt
        tail(s, second, money_before)
        if money_before and second.kind == "number":
            second.kind, second.unit = "money", money_before
        if q.kind == "number" and not q.scaled and second.scaled and "scale" in second.extras:
            q.value *= second.extras["scale"]
        if q.kind == "number" and second.kind != "number" and not q.ordinal:
            q.kind, q.unit = second.kind, second.unit
    _emit(s, q, start, hedge=True)
    if nxt is not None:
        _emit(s, nxt, nxt.start, hedge=False)
        return nxt.next_index
    return max(q.next_index, i + 1)


def _skip_code(s: Scan, i: int) -> int:
    """Record a code ("A320", "H5N1", "M16", "Formula-1") by its digits, which every
    language copies, and return the index after it."""
    toks = s.toks
    j = i + 1
    while j < len(toks) and s.adjacent(j - 1, j) and toks[j].kind != "sym":
        j += 1
    start = toks[i - 1].start if toks[i - 1].kind == "word" else toks[i - 2].start
    end = toks[j - 1].end
    digits = "".join(ch for ch in s.text[start:end] if ch.isdigit())
    letters = toks[i - 1].text if toks[i - 1].kind == "word" else ""
    if letters in s.roles.seasons and len(toks[i].text) == 2 and j == i + 1:
        # "SS19" is the spring-summer 2019 collection, which uk/ru write out with the year
        year = 2000 + int(toks[i].text)
        s.add("number", str(year), start, end, (float(year),), next_index=j, hedge=False, role="code")
    elif digits:
        # glued codes are copied verbatim (A320, T25FW); a hyphenated name of a thing may be
        # rendered by a word ("Covid-19" -> "kovid")
        role = "name" if toks[i - 1].kind == "sym" else "code"
        s.add("number", f"code {digits}", start, end, code_value(digits), next_index=j, hedge=False, role=role)
    return j


def _currency_before(s: Scan, start: int) -> str | None:
    window = s.text[max(0, start - 6):start]
    m = _CURRENCY_BEFORE_RE.search(window)
    if m:
        pre, sym = m.group("pre") or "", m.group("sym")
        return s.lex.currency_symbols.get(pre + sym) or s.lex.currency_symbols.get(sym)
    m = _CODE_BEFORE_RE.search(window)
    if m and m.group("code") in s.lex.currency_codes:
        return m.group("code")
    return None


def _sign_before(s: Scan, start: int) -> tuple[str | None, int]:
    """("-" or None, where the sign starts): "-3", "−3", "minus 3"; "+5" is just 5."""
    offset = max(0, start - 8)
    m = _sign_before_re().search(s.text[offset:start])
    if not m:
        return None, start
    sign = m.group("sign").strip().lower()
    sign_start = offset + m.start("sign")
    # "10-15" and "10 - 15" are ranges, not minus 15: a sign only when no number precedes it
    before = s.text[:sign_start].rstrip()
    if before and before[-1].isdigit():
        return None, start
    if sign in _MINUS_SIGNS or sign in s.shared.minus:
        return "-", sign_start
    return None, sign_start


def _range_next(s: Scan, q: Quantity) -> Quantity | None:
    """The second number of a range the quantity q starts ("10-15", "from 10 to 15"), or None."""
    toks = s.toks
    j = q.next_index
    if j >= len(toks) or q.kind in ("date", "time"):
        return None
    tok = toks[j]
    is_dash = tok.kind == "sym" and tok.text in DASHES
    lex = s.lex
    is_word = tok.kind == "word" and tok.norm in lex.range_words
    if not (is_dash or is_word):
        return None
    if is_word:
        prev = s.word(s.index_at(q.start, 0) - 1)
        if prev not in lex.range_starts and tok.norm not in lex.range_open_words:
            return None
        needs_typed_end = tok.norm in lex.range_open_words and prev not in lex.range_starts \
            and q.kind == "number" and not q.scaled
    else:
        needs_typed_end = False
    if j + 1 >= len(toks):
        return None
    nt = toks[j + 1]
    if nt.kind == "num":
        second = read_digits(s, j + 1)
    elif nt.kind == "word" and (nt.norm in lex.cardinals or nt.norm in lex.ordinals):
        second = read_words(s, j + 1)
    else:
        return None
    if second is None or (is_dash and not (s.adjacent(j - 1, j) or tok.text != "-")):
        return None
    if is_dash and month_at(s, second.next_index) is not None:
        return None
    if needs_typed_end:
        # "2 to 3 inches" is a range; a bare "21 to 20" is a score or two figures
        tail(s, second, None)
        if second.kind not in ("unit", "percent", "money"):
            return None
    return second


def _emit(s: Scan, q: Quantity, start: int, hedge: bool) -> None:
    if q.kind == "skip":
        return
    value = q.value
    text_value = fmt(value)
    kind = q.kind
    if kind == "number" and q.ordinal:
        kind = "ordinal"
    if kind == "percent":
        key = f"{text_value} %"
        unit = "%"
    elif kind in ("money", "unit"):
        key = f"{text_value} {q.unit}"
        unit = q.unit
    elif kind == "decade":
        key = f"{text_value}s"
        unit = None
    else:
        key = text_value
        unit = None
    s.add(kind, key, start, q.end, (float(value),), unit, next_index=q.next_index, hedge=hedge, role=q.role)
