"""What follows a number decides what it is: a suffix ("4th", "1990s", "8-"), a scale word
("billion", "bn"), a currency, a percent sign or word, a unit, a year marker."""

from __future__ import annotations

from decimal import Decimal

from align.figures.lexicon import multiword_meaning
from align.figures.numbers import Quantity, is_year, scale_abbr
from align.figures.scan import Scan
from align.figures.tokens import HYPHENS
from align.figures.units import SPEED_OF


def tail(s: Scan, q: Quantity, money_before: str | None) -> None:
    """Read what follows a number (once), then a per-hour phrase after a distance."""
    if q.extras.get("tailed"):
        return
    _tail(s, q, money_before)
    q.extras["tailed"] = True
    if q.kind == "unit" and q.unit in SPEED_OF and s.roles.per_hour_regex is not None:
        m = s.roles.per_hour_regex.match(s.text, q.end)
        if m:
            # "60 miles an hour", ru "60 mil v chas", uk "96 km za hodynu": a speed
            q.unit = SPEED_OF[q.unit]
            q.end = m.end()
            q.next_index = s.index_at(q.end, q.next_index)


def _tail(s: Scan, q: Quantity, money_before: str | None) -> None:
    """Read what follows a number: suffixes, scale, currency, percent, unit, year marker."""
    j = q.next_index
    if not q.spelled and j < len(s.toks) and s.adjacent(j - 1, j):
        j = _glued_suffix(s, q, j)
    elif q.spelled and j + 1 < len(s.toks) and s.toks[j].text in HYPHENS and s.adjacent(j - 1, j) \
            and s.adjacent(j, j + 1) and s.word(j + 1) and s.word(j + 1) not in s.lex.number_words:
        j = _spelled_compound(s, q, j)
    if q.kind == "decade":
        if s.lang != "en" and s.word(j) in s.lex.year_markers | s.shared.decade_years:
            j += 1
        q.next_index = j
        return
    j = _scale_after(s, q, j, money_before)
    if _multiword_after(s, q, j):
        return
    if j >= len(s.toks) or q.kind not in ("number",) or q.ordinal:
        q.next_index = j
        return
    tok = s.toks[j]
    if tok.kind == "sym":
        j = _symbol_after(s, q, j, money_before)
    elif tok.kind == "word":
        j = _word_after(s, q, j)
    q.next_index = j


def _glued_suffix(s: Scan, q: Quantity, j: int) -> int:
    """Glued or hyphenated suffixes of digits: 4th, 1990s, 3-D, and in uk/ru a decade, a case
    ending or a unit after a hyphen."""
    toks = s.toks
    tok = toks[j]
    if tok.kind == "word" and tok.norm in s.lex.glued_ordinal_suffixes:
        q.ordinal = True
        q.end = tok.end
        return j + 1
    if tok.kind == "word" and tok.norm == "s" and q.value % 10 == 0:
        q.kind = "decade"
        q.end = tok.end
        return j + 1
    if tok.kind == "sym" and tok.text in ("'", "’") and s.word(j + 1) == "s" \
            and s.adjacent(j, j + 1) and q.value % 10 == 0:
        q.kind = "decade"
        q.end = toks[j + 1].end
        return j + 2
    if tok.text in s.roles.compound_after_digits or (
            tok.kind == "sym" and tok.text in HYPHENS and s.adjacent(j, j + 1)
            and j + 1 < len(toks) and toks[j + 1].text in s.roles.compound_after_digits):
        # "3-D", "3D": uk/ru write one word ("tryvymirnyi", "trekhmernyi")
        last = j if tok.kind == "word" else j + 1
        q.role = "compound"
        q.end = toks[last].end
        return last + 1
    if tok.kind == "sym" and tok.text in HYPHENS and s.adjacent(j, j + 1) and s.word(j + 1):
        return _hyphen_suffix(s, q, j)
    return j


def _hyphen_suffix(s: Scan, q: Quantity, j: int) -> int:
    """A word after "<digits>-": a percent (uk "70-vidsotkovyi"), a decade (ru "1990-kh"), a
    unit ("4-month"), or a case ending (ru "8-i", "2-go")."""
    toks = s.toks
    suffix = toks[j + 1].norm
    unit = s.unit_word(suffix, toks[j + 1].text)
    if s.lex.is_percent(suffix) or suffix in ("percent", "per"):
        q.kind = "percent"
    elif suffix in s.shared.hyphen_decade_suffixes and q.value % 10 == 0 and (q.value >= 1000 or 10 <= q.value < 100):
        q.kind = "decade"
    elif unit is not None:
        q.unit = unit
        q.kind = "unit"
    elif s.lang != "en" and len(suffix) <= 3:
        q.ordinal = suffix in s.shared.hyphen_ordinal_suffixes
    else:
        return j
    q.end = toks[j + 1].end
    return j + 2


def _spelled_compound(s: Scan, q: Quantity, j: int) -> int:
    """"four-year-old", "three-dimensional", "five-match": a compound adjective, which uk/ru
    fuse into one word (uk "chotyririchnyi", "tryvymirnyi"); only a unit keeps it."""
    toks = s.toks
    unit = s.unit_word(toks[j + 1].norm, toks[j + 1].text)
    if unit is None and q.ordinal and s.roles.is_label(toks[j + 1].norm):
        q.role = "label"  # "second-wave outbreaks" = ru "vspyshki vtoroi volny"
    elif unit is None and toks[j + 1].norm in s.roles.spelled_heads:
        q.role = "compound"  # "three-dimensional" = uk "tryvymirnyi", kept to match it
    elif unit is None:
        q.kind = "skip"
        return j
    else:
        q.kind, q.unit = "unit", unit
    q.end = toks[j + 1].end
    return j + 2


def _scale_after(s: Scan, q: Quantity, j: int, money_before: str | None) -> int:
    """Scale: "7.66 billion", "$7.66bn", uk "45 mln", "2 tysiachi"."""
    if q.kind != "number" or q.ordinal:
        return j
    toks = s.toks
    w = s.word(j)
    if w in s.lex.scales:
        scale: Decimal | None = Decimal(str(s.lex.scales[w]))
    else:
        scale = scale_abbr(s, j, money=money_before is not None)
    if scale is not None:
        q.value *= scale
        q.scaled = True
        q.extras["scale"] = scale
        q.end = toks[j].end
        j += 1
        if j < len(toks) and toks[j].text == "." and toks[j].start == q.end and s.lang != "en":
            q.end = toks[j].end
            j += 1
    return j


def _multiword_after(s: Scan, q: Quantity, j: int) -> bool:
    """Multi-word tails ("per cent", "pounds sterling", uk "kvadratnykh kilometriv"); True when one
    was read (and q.next_index set)."""
    m = s.lex.multiword_after.match(s.text, q.end) if j < len(s.toks) else None
    if not (m and q.kind in ("number", "unit") and not q.ordinal):
        return False
    meaning = multiword_meaning(s.lex, m.group("w"))
    if meaning is None:
        return False
    kind, canon = meaning
    q.end = m.end()
    # a stem match may stop inside a word: extend to the word end
    while q.end < len(s.text) and (s.text[q.end].isalpha()):
        q.end += 1
    j = s.index_at(q.end, j)
    if kind == "percent":
        q.kind = "percent"
    elif kind == "currency":
        q.kind = "money"
        q.unit = canon
    else:
        q.kind = "unit"
        q.unit = canon
    q.next_index = j
    return True


def _symbol_after(s: Scan, q: Quantity, j: int, money_before: str | None) -> int:
    """A currency sign, "%" or a degree sign right after a plain number."""
    toks = s.toks
    tok = toks[j]
    if tok.text in s.lex.currency_symbols and not money_before:
        q.kind = "money"  # "200 ₴", "5 €": the sign after the number, as uk/ru often write it
        q.unit = s.lex.currency_symbols[tok.text]
        q.end = tok.end
        return j + 1
    if tok.text == "%":
        q.kind = "percent"
        q.end = tok.end
        return j + 1
    shared = s.shared
    if tok.text == "°" and s.adjacent(j, j + 1) and (s.word(j + 1) in shared.celsius or s.word(j + 1) in shared.fahrenheit):
        q.kind = "unit"
        q.unit = "degF" if s.word(j + 1) in shared.fahrenheit else "degC"
        q.end = toks[j + 1].end
        return j + 2
    return j


def _word_after(s: Scan, q: Quantity, j: int) -> int:
    """A currency, percent, year marker or unit word right after a plain number."""
    lex = s.lex
    toks = s.toks
    tok = toks[j]
    w = tok.norm
    code = tok.text if tok.text in lex.currency_codes else None
    qualifier = None
    for stem, cur in lex.dollar_qualifiers:
        if w.startswith(stem) and s.lang != "en" or w == stem:
            qualifier = cur
            break
    if qualifier and s.word(j + 1) and lex.currency_of(s.word(j + 1)) == "USD":
        q.kind = "money"
        q.unit = qualifier
        q.end = toks[j + 1].end
        return j + 2
    if code or lex.currency_of(w):
        q.kind = "money"
        q.unit = code or lex.currency_of(w)
        q.end = tok.end
        j += 1
        if j < len(toks) and toks[j].text == "." and toks[j].start == q.end and w in s.shared.dotted_currencies:
            q.end = toks[j].end
            j += 1
        return j
    if lex.is_percent(w):
        q.kind = "percent"
        q.end = tok.end
        return j + 1
    if w in lex.year_markers and is_year(q):
        q.extras["year"] = True
        q.end = tok.end
        j += 1
        if j < len(toks) and toks[j].text == "." and toks[j].start == q.end:
            q.end = toks[j].end
            j += 1
        return j
    if w in lex.year_markers and len(w) > 2 and not is_year(q):
        q.kind = "unit"
        q.unit = "year"
        q.end = tok.end
        return j + 1
    unit = s.unit_word(w, tok.text)
    if unit is not None and not (len(tok.text) == 1 and not s.adjacent(j - 1, j) and s.lang == "en"):
        q.kind = "unit"
        q.unit = unit
        q.end = tok.end
        return j + 1
    return j
