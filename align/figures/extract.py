"""Find figures in en/uk/ru text and normalise them to language-independent keys.

One left-to-right pass over tokens. A number (digits in any local format, or spelled-out words
in any inflected form) is read first; then what follows it decides what it is: a scale word or
abbreviation multiplies it, a currency/percent/unit word types it, a month makes it a date.
What precedes it adds a currency sign, a sign or a hedge ("at least", "понад").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from align.figures.lexicon import Lexicon, lexicon, multiword_meaning, norm_text, norm_word
from align.model import Figure

_SPACES = "\u0020\u00a0\u202f\u2009"
# A digit run: grouped thousands (32,000 / 32 000 with any space) or a plain run with . , :
_NUM = (
    rf"\d{{1,3}}(?:(?:[{_SPACES}]|,(?=\d{{3}}(?!\d)))\d{{3}}(?!\d))+(?:[.,]\d+)?(?![.,]?\d)"
    r"|\d+(?:[.,:]\d+)*"
)
TOKEN_RE = re.compile(rf"(?P<num>{_NUM})|(?P<word>[^\W\d_]+(?:['’ʼ][^\W\d_]+)*)|(?P<sym>\S)")

# Whole-figure patterns found before the token pass.
ISO_DATE_RE = re.compile(r"(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?![\d])")
DOTTED_DATE_RE = re.compile(r"(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d.]\d)")
CLOCK_RE = re.compile(
    r"(?<![\d.:])([01]?\d|2[0-3])(?:[:]([0-5]\d)|\.([0-5]\d)(?=\s*(?:GMT|UTC|a\.?m\b|p\.?m\b|год\b|ч\b)))"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?(?![\d:])",
    re.IGNORECASE,
)
# A ratio or a score that cannot be a clock time: 3:2, 16:9, 2:0 (a clock has two-digit minutes).
RATIO_RE = re.compile(r"(?<![\d.,:])(\d{1,3}):(\d{1,3})(?![\d:])")
HOUR_AMPM_RE = re.compile(r"(?<![\d.:])(1[0-2]|0?[1-9])\s*(?P<ampm>[ap])\.?\s?m\b\.?", re.IGNORECASE)
OCLOCK_RE = re.compile(r"(?<![\d.:])(1[0-2]|0?[1-9])\s+o[’']clock\b", re.IGNORECASE)

_CURRENCY_BEFORE_RE = re.compile(r"(?P<pre>[A-Z]{1,3})?(?P<sym>[$€£₴₽¥₹])\s?$")
_CODE_BEFORE_RE = re.compile(r"\b(?P<code>[A-Z]{3})\s?$")
_SIGN_BEFORE_RE = re.compile(r"(?:^|[\s(\[])(?P<sign>[+\-−–]|minus\s|мінус\s|минус\s)$", re.IGNORECASE)
_ROMAN_RE = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# "о 10 вечора", "в 8:30 вечера": the clock words that move an hour past noon (or keep it before).
_PM_AFTER_RE = re.compile(r"\s*(?:вечора|вечера|ночі|ночи|дня|пополудні|пополудни)\b", re.IGNORECASE)
_MILITARY_RE = re.compile(r"(?<![\d.:,])([01]\d|2[0-3])([0-5]\d)(?=\s*(?:GMT|UTC|MSK|EST|CET))")
_DASHES = {"-", "–", "—", "‒"}
_HYPHENS = {"-", "‐", "‑"}
_RANGE_WORDS = {"en": {"to", "and"}, "uk": {"до", "по", "і", "та"}, "ru": {"до", "по", "и"}}
_RANGE_STARTS = {"en": {"from", "between"}, "uk": {"від", "з", "із", "між"}, "ru": {"от", "с", "со", "между"}}
# Suffixes after "1990-" that make a decade, after "8-" that make an ordinal-like case form.
_DECADE_SUFFIXES = {"х", "ті", "тих", "тими", "е", "ые", "ых", "ими", "ми"}
_CONTEXT_SKIP = {"of", "the", "a", "an", "з", "із", "зі", "з-поміж", "из", "от", "від", "and", "та", "і",
                 "и", "per", "in", "у", "в", "на", "on", "at"}
# A preposition after a figure starts a new phrase ("20 miles from the border"): the figure has
# no counted noun to show, and "(from)" would only confuse the message.
_CONTEXT_STOP = {"from", "to", "by", "for", "with", "than", "into", "over", "under", "after", "before",
                 "during", "since", "until", "about", "near", "across", "against", "between", "within",
                 "до", "для", "за", "після", "перед", "під", "над", "через", "про", "по", "при", "між",
                 "без", "біля", "понад", "к", "ко", "с", "со", "после", "около", "между", "под",
                 "против", "проти", "чем", "ніж", "towards", "toward"}


@dataclass(slots=True)
class _Tok:
    kind: str  # num | word | sym
    text: str
    start: int
    end: int
    norm: str = ""


@dataclass
class _Quantity:
    """A number read from tokens, before it becomes a Figure."""

    value: Decimal
    start: int
    end: int
    next_index: int  # token index after the quantity
    spelled: bool = False
    ordinal: bool = False
    kind: str = "number"
    unit: str | None = None
    scaled: bool = False
    extras: dict = field(default_factory=dict)


def _fmt(value: Decimal) -> str:
    """Canonical text of a number: no exponent, no trailing zeros ("7660000000", "7.66")."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _parse_digits(raw: str, lang: str, before_scale: bool) -> Decimal | None:
    """Value of a digit run in the conventions of `lang` (None if it is not one number)."""
    s = raw
    for sp in _SPACES:
        s = s.replace(sp, "")
    if ":" in s:
        return None
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        # 1,234.5 (en) or 1.234,5 (continental): the last separator is the decimal one.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif commas:
        groups = s.split(",")
        thousands = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        if commas > 1:
            if not thousands:
                return None
            s = s.replace(",", "")
        elif thousands and (lang == "en" or not before_scale):
            # uk/ru write decimals with a comma, but "1,000" with three digits after the comma is
            # English-style grouping in practice unless a scale word follows ("1,125 млн").
            s = s.replace(",", "")
        else:
            s = s.replace(",", ".")
    elif dots > 1:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            s = s.replace(".", "")
        else:
            return None  # a version number or an IP address, not a figure
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


class _Extractor:
    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.lex: Lexicon = lexicon(lang)
        normed = norm_text(text)
        same_length = len(normed) == len(text)
        self.toks: list[_Tok] = []
        for m in TOKEN_RE.finditer(text):
            kind = m.lastgroup or "sym"
            start, end = m.span()
            word = m.group()
            if kind == "word":
                # lower() may change a length ("İ" -> "i̇"); then the slice would be off
                norm = normed[start:end] if same_length else norm_word(word)
            else:
                norm = ""
            self.toks.append(_Tok(kind, word, start, end, norm))
        self.figures: list[Figure] = []
        self.taken: list[tuple[int, int]] = []
        regex = self.lex.month_adjective_regex
        self.month_adjectives = regex is not None and regex.search(normed) is not None

    # -- helpers ----------------------------------------------------------------------------
    def _covered(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken)

    def _word(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) and self.toks[i].kind == "word" else ""

    def _adjacent(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.toks) and 0 <= j < len(self.toks) and self.toks[i].end == self.toks[j].start

    def _index_at(self, pos: int, start: int) -> int:
        """Index of the first token starting at or after `pos`, searching from `start`."""
        j = start
        while j < len(self.toks) and self.toks[j].start < pos:
            j += 1
        return j

    def _hedge(self, start: int, unit: str | None) -> tuple[str | None, str]:
        """(canonical hedge, hedge as written) right before `start`, or (None, "")."""
        offset = max(0, start - 32)
        m = self.lex.hedge_regex.search(self.text[offset:start])
        if not m:
            return None, ""
        written = m.group("hedge")
        key = " ".join(norm_word(written).split())
        if unit is not None and unit in self.lex.duration_units and key in self.lex.duration_hedges:
            return None, ""  # "over four years" = during four years
        stems = self.lex.hedge_not_after.get(key)
        if stems:
            before = _LAST_WORD_RE.search(self.text, max(0, offset + m.start("hedge") - 40), offset + m.start("hedge"))
            if before and norm_word(before.group(1)).startswith(stems):
                return None, ""  # "зросте до 2,5 млрд" = "will rise to", not "up to"
        return self.lex.hedges[key], written

    def _context(self, i: int) -> str:
        seen = 0
        while i < len(self.toks) and seen < 3:
            tok = self.toks[i]
            if tok.kind == "word":
                if tok.norm in _CONTEXT_SKIP:
                    seen += 1
                    i += 1
                    continue
                if tok.norm in _CONTEXT_STOP:
                    return ""
                return tok.text if len(tok.text) > 2 else ""
            if tok.kind == "num" or tok.text in ".,;:!?()\"«»":
                return ""
            i += 1
        return ""

    def _add(self, kind: str, key: str, start: int, end: int, value: tuple[float, ...] = (),
             unit: str | None = None, next_index: int = -1, hedge: bool = True) -> None:
        if self._covered(start, end):
            return
        hedge_name, hedge_text = self._hedge(start, unit) if hedge else (None, "")
        if hedge_name == "up_to" and norm_word(hedge_text).startswith("до") and (
                kind in ("date", "time", "decade")
                or (kind in ("number", "ordinal") and value and 1000 <= value[0] <= 2100 and value[0] == int(value[0]))):
            hedge_name, hedge_text = None, ""  # "до 2020 року" is "by/until 2020", not "up to"
        context = self._context(next_index) if next_index >= 0 else ""
        self.figures.append(Figure(kind=kind, key=key, text=self.text[start:end], start=start, end=end,
                                   value=value, unit=unit, hedge=hedge_name, hedge_text=hedge_text,
                                   context=context))
        self.taken.append((start, end))

    # -- whole patterns ---------------------------------------------------------------------
    def _patterns(self) -> None:
        text = self.text
        if not _HAS_DIGIT.search(text):
            return
        for m in ISO_DATE_RE.finditer(text):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                self._add("date", f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end(), (y, mo, d),
                          next_index=self._index_at(m.end(), 0))
        for m in DOTTED_DATE_RE.finditer(text):
            a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
            # US month/day/year with slashes in English; day.month.year everywhere else.
            day, month = (b, a) if (self.lang == "en" and sep == "/") else (a, b)
            year = int(y) if len(y) == 4 else 2000 + int(y)
            if 1 <= month <= 12 and 1 <= day <= 31 and (len(y) == 4 or sep == "/"):
                self._add("date", f"{year:04d}-{month:02d}-{day:02d}", m.start(), m.end(), (year, month, day),
                          next_index=self._index_at(m.end(), 0))
        clocks = list(CLOCK_RE.finditer(text))
        for n, m in enumerate(clocks):
            hour = int(m.group(1))
            minute = int(m.group(2) or m.group(3) or 0)
            ampm = m.group("ampm")
            if ampm is None and n + 1 < len(clocks) and clocks[n + 1].group("ampm") \
                    and re.fullmatch(r"\s*(?:[-–—]|to|and|till|until)\s*", text[m.end():clocks[n + 1].start()]):
                ampm = clocks[n + 1].group("ampm")  # "10:00-11:00 pm": the pm is for both
            if ampm is None and hour < 12:
                after = text[m.end():]
                if n + 1 < len(clocks) and re.fullmatch(r"\s*(?:[-–—]|і|та|до|и)\s*", text[m.end():clocks[n + 1].start()]):
                    after = text[clocks[n + 1].end():]
                if _PM_AFTER_RE.match(after):
                    ampm = "p"
            hour = self._ampm(hour, ampm)
            self._add("time", f"{hour:02d}:{minute:02d}", m.start(), m.end(), (hour, minute),
                      next_index=self._index_at(m.end(), 0))
        for m in RATIO_RE.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            if len(m.group(2)) == 2 and a < 24 and b < 60:
                continue  # 10:30 is a clock time, found above
            self._add("ratio", f"{a}:{b}", m.start(), m.end(), (float(a), float(b)),
                      next_index=self._index_at(m.end(), 0))
        for m in _MILITARY_RE.finditer(text):
            hour, minute = int(m.group(1)), int(m.group(2))
            self._add("time", f"{hour:02d}:{minute:02d}", m.start(), m.end(), (hour, minute),
                      next_index=self._index_at(m.end(), 0))
        if self.lang == "en":
            for m in HOUR_AMPM_RE.finditer(text):
                hour = self._ampm(int(m.group(1)), m.group("ampm"))
                self._add("time", f"{hour:02d}:00", m.start(), m.end(), (hour, 0),
                          next_index=self._index_at(m.end(), 0))
            for m in OCLOCK_RE.finditer(text):
                hour = int(m.group(1))
                self._add("time", f"{hour:02d}:00", m.start(), m.end(), (hour, 0),
                          next_index=self._index_at(m.end(), 0))

    @staticmethod
    def _ampm(hour: int, ampm: str | None) -> int:
        if not ampm:
            return hour
        if ampm.lower() == "p" and hour < 12:
            return hour + 12
        if ampm.lower() == "a" and hour == 12:
            return 0
        return hour

    # -- numbers ----------------------------------------------------------------------------
    def _read_digits(self, i: int) -> _Quantity | None:
        tok = self.toks[i]
        nxt = self._word(i + 1) if self._adjacent(i, i + 1) or (i + 1 < len(self.toks)) else ""
        before_scale = nxt in self.lex.scales or self._scale_abbr(i + 1, money=True) is not None
        value = _parse_digits(tok.text, self.lang, before_scale)
        if value is None:
            return None
        return _Quantity(value, tok.start, tok.end, i + 1)

    def _scale_abbr(self, j: int, money: bool) -> Decimal | None:
        if j >= len(self.toks) or self.toks[j].kind != "word":
            return None
        raw = self.toks[j].text
        lex = self.lex
        for form in (raw, raw.lower()):
            if form in lex.scale_abbreviations:
                if form in lex.money_only_abbreviations and not money:
                    return None
                return Decimal(int(lex.scale_abbreviations[form]))
        return None

    def _read_words(self, i: int) -> _Quantity | None:
        """A spelled-out number starting at token i ("twenty-five", "двісті п'ятдесят")."""
        lex = self.lex
        toks = self.toks
        total = Decimal(0)
        current = Decimal(0)
        words = 0
        ordinal = False
        last = i - 1
        first_norm = toks[i].norm
        j = i
        if first_norm in lex.unit_article and first_norm not in lex.cardinals:
            nxt = self._word(i + 1)
            if not (nxt in lex.scales or nxt == "dozen"):
                return None
            current = Decimal(1)
            j = i + 1
            last = i
        while j < len(toks):
            tok = toks[j]
            if tok.kind == "sym" and tok.text in _HYPHENS and words and self._adjacent(j - 1, j) \
                    and self._adjacent(j, j + 1) and self._word(j + 1) in lex.number_words:
                if self._word(j + 1) in lex.fraction_ordinals and current < 10 and not total:
                    # "one-third" (but "twenty-fourth" is an ordinal): a fraction, which uk/ru write as a noun ("третина")
                    return _Quantity(Decimal(0), toks[i].start, toks[j + 1].end, j + 2, spelled=True, kind="skip")
                j += 1
                continue
            if tok.kind != "word":
                break
            w = tok.norm
            if w in lex.joiners and words and self._word(j + 1) in lex.unit_article \
                    and self._word(j + 2) in lex.fractions:
                current += Decimal(str(lex.fractions[self._word(j + 2)]))  # "one and a half million"
                last = j + 2
                j += 3
                continue
            if w in lex.joiners and words and self._word(j + 1) in lex.cardinals:
                j += 1
                continue
            if w in lex.cardinals:
                v = Decimal(str(lex.cardinals[w]))
                if w == "dozen":
                    current = (current or Decimal(1)) * 12
                elif current and (current % 100 != 0 and (v >= 10 or current % 10 != 0)) and v < 100:
                    break  # "five five" or "twenty thirty" are two numbers, not one
                elif current and v >= 100 and current % 1000 != 0 and lex.lang != "en":
                    break
                else:
                    current += v
            elif w in lex.fractions:
                current += Decimal(str(lex.fractions[w]))
            elif w in lex.scales:
                scale = Decimal(str(lex.scales[w]))
                if words == 0 and not current and lex.scale_needs_count:
                    return None  # "several million": no count, a vague amount
                if words == 0 and not current and w in lex.vague and not (
                        w in lex.genitive_singular and self._word(j - 1) in lex.genitive_after):
                    return None  # "сотні ракет" = hundreds; "близько сотні ракет" = about 100
                if scale == 100:
                    current = (current or Decimal(1)) * 100
                else:
                    total += (current or Decimal(1)) * scale
                    current = Decimal(0)
            elif w in lex.ordinals:
                if words == 0 and w in lex.fraction_ordinals and self._word(j - 1) in ("a", "one") \
                        and self._word(j + 1) == "of":
                    return None  # "a third of", "one third of": a fraction
                v = Decimal(str(lex.ordinals[w]))
                if v >= 100 and current:
                    current *= v
                else:
                    if current and current % 10 != 0 and v < 100:
                        break
                    current += v
                ordinal = True
                words += 1
                last = j
                j += 1
                break
            else:
                break
            words += 1
            last = j
            j += 1
        if words == 0:
            return None
        if words == 1 and first_norm in lex.not_alone:
            return None
        value = total + current
        if value < 1 and not total:
            return None  # a bare "half" ("half an hour" = "півгодини"): no figure in uk/ru either
        return _Quantity(value, toks[i].start, toks[last].end, last + 1, spelled=True, ordinal=ordinal,
                         scaled=total > 0 or value >= 100)

    def _tail(self, q: _Quantity, money_before: str | None) -> None:
        """Read what follows a number: scale, currency, percent, unit, year marker, suffixes."""
        lex = self.lex
        toks = self.toks
        j = q.next_index
        # Glued or hyphenated suffixes: 4th, 1990s, 1960-х, 8-й, 25-хвилинну, 4-month-old.
        if not q.spelled and j < len(toks) and self._adjacent(j - 1, j):
            tok = toks[j]
            if tok.kind == "word" and self.lang == "en" and tok.norm in ("st", "nd", "rd", "th"):
                q.ordinal = True
                q.end = tok.end
                j += 1
            elif tok.kind == "word" and tok.norm == "s" and q.value % 10 == 0:
                q.kind = "decade"
                q.end = tok.end
                j += 1
            elif tok.kind == "sym" and tok.text in ("'", "’") and self._word(j + 1) == "s" \
                    and self._adjacent(j, j + 1) and q.value % 10 == 0:
                q.kind = "decade"
                q.end = toks[j + 1].end
                j += 2
            elif tok.kind == "sym" and tok.text in _HYPHENS and self._adjacent(j, j + 1) and self._word(j + 1):
                suffix = toks[j + 1].norm
                unit = self._unit_word(suffix, toks[j + 1].text)
                if lex.is_percent(suffix) or suffix in ("percent", "per"):
                    q.kind = "percent"
                    q.end = toks[j + 1].end
                    j += 2
                elif suffix in _DECADE_SUFFIXES and q.value % 10 == 0 and (q.value >= 1000 or 10 <= q.value < 100):
                    q.kind = "decade"
                    q.end = toks[j + 1].end
                    j += 2
                elif unit is not None:
                    q.unit = unit
                    q.kind = "unit"
                    q.end = toks[j + 1].end
                    j += 2
                elif self.lang != "en" and len(suffix) <= 3:
                    q.ordinal = suffix in ("й", "ий", "ій", "го", "му", "ого", "ому", "ої", "а", "я", "е", "є", "ю", "у", "ій")
                    q.end = toks[j + 1].end
                    j += 2
        elif q.spelled and j + 1 < len(toks) and toks[j].text in _HYPHENS and self._adjacent(j - 1, j) \
                and self._adjacent(j, j + 1) and self._word(j + 1) and self._word(j + 1) not in lex.number_words:
            # "four-year-old", "three-dimensional", "five-match": a compound adjective, which
            # uk/ru fuse into one word ("чотирирічний", "тривимірний"); only a unit keeps it.
            unit = self._unit_word(toks[j + 1].norm, toks[j + 1].text)
            if unit is None:
                q.kind = "skip"
            else:
                q.kind, q.unit, q.end = "unit", unit, toks[j + 1].end
                j += 2
        if q.kind == "decade":
            if self.lang != "en" and self._word(j) in lex.year_markers | {"років", "годов", "роках", "годах"}:
                j += 1
            q.next_index = j
            return
        # Scale: "7.66 billion", "45 млн", "$7.66bn", "2 тисячі".
        if q.kind == "number" and not q.ordinal:
            w = self._word(j)
            if w in lex.scales:
                scale: Decimal | None = Decimal(str(lex.scales[w]))
            else:
                scale = self._scale_abbr(j, money=money_before is not None)
            if scale is not None:
                q.value *= scale
                q.scaled = True
                q.extras["scale"] = scale
                q.end = toks[j].end
                j += 1
                if j < len(toks) and toks[j].text == "." and toks[j].start == q.end and self.lang != "en":
                    q.end = toks[j].end
                    j += 1
        # Multi-word tails first ("per cent", "pounds sterling", "квадратних кілометрів").
        m = lex.multiword_after.match(self.text, q.end) if j < len(toks) else None
        if m and q.kind in ("number", "unit") and not q.ordinal:
            meaning = multiword_meaning(lex, m.group("w"))
            if meaning is not None:
                kind, canon = meaning
                q.end = m.end()
                # a stem match may stop inside a word: extend to the word end
                while q.end < len(self.text) and (self.text[q.end].isalpha()):
                    q.end += 1
                j = self._index_at(q.end, j)
                if kind == "percent":
                    q.kind = "percent"
                elif kind == "currency":
                    q.kind = "money"
                    q.unit = canon
                else:
                    q.kind = "unit"
                    q.unit = canon
                q.next_index = j
                return
        if j >= len(toks) or q.kind not in ("number",) or q.ordinal:
            q.next_index = j
            return
        tok = toks[j]
        if tok.kind == "sym" and tok.text in lex.currency_symbols and not money_before:
            q.kind = "money"  # "200 ₴", "5 €": the sign after the number, as uk/ru often write it
            q.unit = lex.currency_symbols[tok.text]
            q.end = tok.end
            j += 1
        elif tok.kind == "sym" and tok.text == "%":
            q.kind = "percent"
            q.end = tok.end
            j += 1
        elif tok.kind == "sym" and tok.text == "°" and self._adjacent(j, j + 1) and self._word(j + 1) in ("c", "с", "f"):
            q.kind = "unit"
            q.unit = "degF" if self._word(j + 1) == "f" else "degC"
            q.end = toks[j + 1].end
            j += 2
        elif tok.kind == "word":
            w = tok.norm
            code = tok.text if tok.text in lex.currency_codes else None
            qualifier = None
            for stem, cur in lex.dollar_qualifiers:
                if w.startswith(stem) and self.lang != "en" or w == stem:
                    qualifier = cur
                    break
            if qualifier and self._word(j + 1) and lex.currency_of(self._word(j + 1)) == "USD":
                q.kind = "money"
                q.unit = qualifier
                q.end = toks[j + 1].end
                j += 2
            elif code or lex.currency_of(w):
                q.kind = "money"
                q.unit = code or lex.currency_of(w)
                q.end = tok.end
                j += 1
                if j < len(toks) and toks[j].text == "." and toks[j].start == q.end and w in ("грн", "руб", "дол", "долл"):
                    q.end = toks[j].end
                    j += 1
            elif lex.is_percent(w):
                q.kind = "percent"
                q.end = tok.end
                j += 1
            elif w in lex.year_markers and self._is_year(q):
                q.extras["year"] = True
                q.end = tok.end
                j += 1
                if j < len(toks) and toks[j].text == "." and toks[j].start == q.end:
                    q.end = toks[j].end
                    j += 1
            elif w in lex.year_markers and len(w) > 2 and not self._is_year(q):
                q.kind = "unit"
                q.unit = "year"
                q.end = tok.end
                j += 1
            else:
                unit = self._unit_word(w, tok.text)
                if unit is not None and not (len(tok.text) == 1 and not self._adjacent(j - 1, j) and self.lang == "en"):
                    q.kind = "unit"
                    q.unit = unit
                    q.end = tok.end
                    j += 1
        q.next_index = j

    def _unit_word(self, norm: str, raw: str) -> str | None:
        lex = self.lex
        if lex.lang == "en" and norm in ("m", "g", "t", "h") and raw not in lex.unit_forms_cased:
            return None
        return lex.unit_of(norm, raw)

    @staticmethod
    def _is_year(q: _Quantity) -> bool:
        # a year is written in digits: "тисячу років" is a thousand years, not the year 1000
        return not q.spelled and q.value == q.value.to_integral_value() and 1000 <= q.value <= 2200

    # -- dates with month names ---------------------------------------------------------------
    def _month_at(self, j: int) -> int | None:
        w = self._word(j)
        month = self.lex.months.get(w)
        if month is None:
            return None
        if self.lang == "en":
            tok = self.toks[j]
            if not tok.text[0].isupper():
                return None
            # "Jan." needs its dot or a number next to it; "May"/"March" need a number or a preposition.
            if w in self.lex.ambiguous_months or len(w) <= 4:
                nxt_num = j + 1 < len(self.toks) and (self.toks[j + 1].kind == "num" or
                                                      (self.toks[j + 1].text == "." and j + 2 < len(self.toks)
                                                       and self.toks[j + 2].kind == "num"))
                prev_num = j > 0 and self.toks[j - 1].kind == "num"
                prev_word = self._word(j - 1)
                prev_of = prev_word == "of" and j > 1 and self.toks[j - 2].kind in ("num", "word")
                if not (nxt_num or prev_num or prev_of or ((w in self.lex.ambiguous_months or len(w) > 3)
                                                          and prev_word in self.lex.month_alone_after)):
                    if w in self.lex.ambiguous_months:
                        return None
        return month

    def _year_after(self, j: int) -> tuple[int | None, int, int]:
        """(year, end offset, next index) of a year right after token j-1, else (None, -1, j)."""
        toks = self.toks
        k = j
        if k < len(toks) and toks[k].text == ",":
            k += 1
        if k < len(toks) and toks[k].kind == "num" and re.fullmatch(r"\d{4}", toks[k].text):
            year = int(toks[k].text)
            end = toks[k].end
            k += 1
            w = self._word(k)
            if w in self.lex.year_markers:
                end = toks[k].end
                k += 1
                if k < len(toks) and toks[k].text == "." and toks[k].start == end:
                    end = toks[k].end
                    k += 1
            return year, end, k
        if self._word(k) in self.lex.year_genitive:
            # "2 січня року", "в июле года": the year word stays, its digits are gone. The date
            # gets year -1, which no source year equals, so the lost year is reported.
            return -1, toks[k].end, k + 1
        return None, -1, j

    def _date_from_day(self, i: int, q: _Quantity) -> bool:
        """"2 January 2024", "2nd of January", "2 січня 2024 року", "2-го января"."""
        j = q.next_index
        toks = self.toks
        if not q.spelled and j < len(toks) and self._adjacent(j - 1, j):
            if self.lang == "en" and self._word(j) in ("st", "nd", "rd", "th"):
                j += 1
            elif self.lang != "en" and toks[j].text in _HYPHENS and self._adjacent(j, j + 1) \
                    and 0 < len(self._word(j + 1)) <= 3:
                j += 2
        if self._word(j) == "of" and self.lang == "en":
            j += 1
        month = self._month_at(j)
        if month is None or not (1 <= q.value <= 31) or q.value != q.value.to_integral_value():
            return False
        day = int(q.value)
        end = self.toks[j].end
        k = j + 1
        if self.lang == "en" and k < len(self.toks) and self.toks[k].text == "." and self.toks[k].start == end:
            end = self.toks[k].end
            k += 1
        year, yend, k2 = self._year_after(k)
        if year is not None:
            end, k = yend, k2
            key = f"{year:04d}-{month:02d}-{day:02d}"
            value: tuple[float, ...] = (year, month, day)
        else:
            key = f"--{month:02d}-{day:02d}"
            value = (0, month, day)
        self._add("date", key, q.start, end, value, next_index=k)
        return True

    def _date_from_month(self, i: int) -> int:
        """"January 2, 2024", "Jan. 2", "January 2024", "у січні 2024 року", "в марте"."""
        month = self._month_at(i)
        if month is None:
            return i + 1
        toks = self.toks
        start = toks[i].start
        end = toks[i].end
        k = i + 1
        if k < len(toks) and toks[k].text == "." and toks[k].start == end:
            end = toks[k].end
            k += 1
        if self.lang == "en" and k < len(toks) and toks[k].kind == "num" and re.fullmatch(r"\d{1,2}", toks[k].text):
            day = int(toks[k].text)
            if 1 <= day <= 31:
                end = toks[k].end
                k += 1
                if self._word(k) in ("st", "nd", "rd", "th") and self._adjacent(k - 1, k):
                    end = toks[k].end
                    k += 1
                year, yend, k2 = self._year_after(k)
                if year is not None:
                    self._add("date", f"{year:04d}-{month:02d}-{day:02d}", start, yend, (year, month, day),
                              next_index=k2)
                    return k2
                self._add("date", f"--{month:02d}-{day:02d}", start, end, (0, month, day), next_index=k)
                return k
        year, yend, k2 = self._year_after(k)
        if year is not None and not (k < len(toks) and toks[k].text == ","):
            self._add("date", f"{year:04d}-{month:02d}", start, yend, (year, month, 0), next_index=k2)
            return k2
        self._add("date", f"--{month:02d}", start, end, (0, month, 0), next_index=k)
        return k

    # -- the pass -----------------------------------------------------------------------------
    def run(self) -> list[Figure]:
        self._patterns()
        toks = self.toks
        lex = self.lex
        i = 0
        while i < len(toks):
            tok = toks[i]
            if self._covered(tok.start, tok.end):
                i += 1
                continue
            if tok.kind == "word" and tok.norm in lex.months:
                i = self._date_from_month(i)
                continue
            if self.month_adjectives and tok.kind == "word":
                month = lex.month_adjective(tok.norm)
                if month is not None:
                    # "січневих атак": the month as a modifier, like English "the January attacks"
                    self._add("date", f"--{month:02d}", tok.start, tok.end, (0, month, 0), hedge=False)
                    i += 1
                    continue
            q: _Quantity | None = None
            if tok.kind == "num":
                if i > 0 and toks[i - 1].kind == "word" and self._adjacent(i - 1, i) and \
                        any(ch.isupper() for ch in toks[i - 1].text) and toks[i - 1].text not in lex.currency_codes:
                    i = self._skip_code(i)  # a code such as A320, G7, F1: not a figure
                    continue
                if i > 1 and toks[i - 1].text in _HYPHENS and self._adjacent(i - 2, i - 1) and \
                        self._adjacent(i - 1, i) and toks[i - 2].kind == "word" and toks[i - 2].text[:1].isupper():
                    i = self._skip_code(i)  # F-16, COVID-19, Формула-1, Ту-154: names of things
                    continue
                if lex.name_before_regex is not None and lex.name_before_regex.search(self.text, 0, tok.start):
                    i += 1  # "World War 2": part of a name
                    continue
                q = self._read_digits(i)
            elif tok.kind == "word" and tok.text.isupper() and _ROMAN_RE.fullmatch(tok.text) and \
                    self._roman_century(i):
                value = self._roman_value(tok.text)
                self._add("ordinal", _fmt(Decimal(value)), tok.start, tok.end, (float(value),),
                          next_index=i + 1, hedge=False)
                i += 1
                continue
            elif tok.kind == "word" and len(tok.norm) > 6 and tok.norm[:3] in lex.compound_prefixes:
                if self._compound_adjective(i):
                    i += 1
                    continue
                q = self._read_words(i) if tok.norm in lex.cardinals or tok.norm in lex.ordinals \
                    or tok.norm in lex.scales else None
            elif tok.kind == "word" and (tok.norm in lex.cardinals or tok.norm in lex.ordinals or tok.norm in lex.scales
                                         or tok.norm in lex.fractions or tok.norm in lex.unit_article):
                q = self._read_words(i)
            if q is None:
                i += 1
                continue
            if self._date_from_day(i, q):
                i = self._index_at(self.taken[-1][1], i)
                continue
            money_before = self._currency_before(q.start)
            sign, sign_start = self._sign_before(q.start)
            self._tail(q, money_before)
            if money_before and q.kind in ("number",):
                q.kind = "money"
                q.unit = money_before
            start = q.start
            if money_before:
                m = _CURRENCY_BEFORE_RE.search(self.text, 0, q.start) or _CODE_BEFORE_RE.search(self.text, 0, q.start)
                if m:
                    start = m.start()
            if sign == "-" and not money_before:
                q.value = -q.value
                start = sign_start
            # Ranges: "10-15 million", "from 10 to 15 %", "від 10 до 15 км".
            nxt = self._range_next(q)
            if nxt is not None:
                second = nxt
                self._tail(second, money_before)
                if money_before and second.kind == "number":
                    second.kind, second.unit = "money", money_before
                if q.kind == "number" and not q.scaled and second.scaled and "scale" in second.extras:
                    q.value *= second.extras["scale"]
                if q.kind == "number" and second.kind != "number" and not q.ordinal:
                    q.kind, q.unit = second.kind, second.unit
            self._emit(q, start, hedge=True)
            if nxt is not None:
                self._emit(nxt, nxt.start, hedge=False)
                i = nxt.next_index
            else:
                i = max(q.next_index, i + 1)
        self.figures.sort(key=lambda f: f.start)
        return self.figures

    def _skip_code(self, i: int) -> int:
        """Record a code ("A320", "H5N1", "М16", "Формула-1") by its digits, which every
        language copies, and return the index after it."""
        j = i + 1
        while j < len(self.toks) and self._adjacent(j - 1, j) and self.toks[j].kind != "sym":
            j += 1
        start = self.toks[i - 1].start if self.toks[i - 1].kind == "word" else self.toks[i - 2].start
        end = self.toks[j - 1].end
        digits = "".join(ch for ch in self.text[start:end] if ch.isdigit())
        if digits:
            self._add("number", f"code {digits}", start, end, (), next_index=j, hedge=False)
        return j

    @staticmethod
    def _roman_value(text: str) -> int:
        total = 0
        for a, b in zip(text, text[1:] + " ", strict=True):
            v = _ROMAN[a]
            total += -v if b != " " and _ROMAN[b] > v else v
        return total

    def _roman_century(self, i: int) -> bool:
        """A Roman numeral counts when a century word follows it, maybe after more numerals
        ("XI, XII и XIII веков", "X–XI вв.")."""
        j = i + 1
        lex = self.lex
        while j < len(self.toks) and j <= i + 8:
            tok = self.toks[j]
            if tok.kind == "word" and tok.norm in lex.century_words:
                return True
            if tok.kind == "word" and (tok.text in lex.roman_between or
                                       (tok.text.isupper() and _ROMAN_RE.fullmatch(tok.text))):
                j += 1
                continue
            if tok.kind == "sym" and tok.text in {",", "-", "–", "—"}:
                j += 1
                continue
            return False
        return False

    def _compound_adjective(self, i: int) -> bool:
        """"чотирьохмісячні", "пятилетний": a number word fused with a unit."""
        tok = self.toks[i]
        word = tok.norm
        for form, value in self.lex.compound_prefixes[word[:3]]:
            if word.startswith(form) and len(word) > len(form) + 2:
                rest = word[len(form):]
                unit = next((u for stem, u in self.lex.unit_stems if len(stem) >= 3 and rest.startswith(stem)), None)
                if unit is None:
                    continue
                key_value = Decimal(str(value))
                self._add("unit", f"{_fmt(key_value)} {unit}", tok.start, tok.end, (float(value),), unit,
                          next_index=i + 1)
                return True
        return False

    def _currency_before(self, start: int) -> str | None:
        window = self.text[max(0, start - 6):start]
        m = _CURRENCY_BEFORE_RE.search(window)
        if m:
            pre, sym = m.group("pre") or "", m.group("sym")
            return self.lex.currency_symbols.get(pre + sym) or self.lex.currency_symbols.get(sym)
        m = _CODE_BEFORE_RE.search(window)
        if m and m.group("code") in self.lex.currency_codes:
            return m.group("code")
        return None

    def _sign_before(self, start: int) -> tuple[str | None, int]:
        """("-" or None, where the sign starts): "-3", "−3", "minus 3"; "+5" is just 5."""
        offset = max(0, start - 8)
        m = _SIGN_BEFORE_RE.search(self.text[offset:start])
        if not m:
            return None, start
        sign = m.group("sign").strip().lower()
        sign_start = offset + m.start("sign")
        # "10-15" and "10 - 15" are ranges, not minus 15: a sign only when no number precedes it
        before = self.text[:sign_start].rstrip()
        if before and before[-1].isdigit():
            return None, start
        if sign in ("-", "−", "minus", "мінус", "минус"):
            return "-", sign_start
        return None, sign_start

    def _range_next(self, q: _Quantity) -> _Quantity | None:
        toks = self.toks
        j = q.next_index
        if j >= len(toks) or q.kind in ("date", "time"):
            return None
        tok = toks[j]
        is_dash = tok.kind == "sym" and tok.text in _DASHES
        is_word = tok.kind == "word" and tok.norm in _RANGE_WORDS[self.lang]
        if not (is_dash or is_word):
            return None
        if is_word:
            prev = self._word(self._index_at(q.start, 0) - 1)
            if prev not in _RANGE_STARTS[self.lang] and not (self.lang == "en" and tok.norm == "to"):
                return None
            if self.lang == "en" and tok.norm == "to" and prev not in _RANGE_STARTS["en"] and q.kind == "number" \
                    and not q.scaled:
                return None
        if j + 1 >= len(toks):
            return None
        nt = toks[j + 1]
        if nt.kind == "num":
            second = self._read_digits(j + 1)
        elif nt.kind == "word" and (nt.norm in self.lex.cardinals or nt.norm in self.lex.ordinals):
            second = self._read_words(j + 1)
        else:
            return None
        if second is None or (is_dash and not (self._adjacent(j - 1, j) or tok.text != "-")):
            return None
        if is_dash and self._month_at(second.next_index) is not None:
            return None
        return second

    def _emit(self, q: _Quantity, start: int, hedge: bool) -> None:
        if q.kind == "skip":
            return
        value = q.value
        text_value = _fmt(value)
        kind = q.kind
        if kind == "number" and q.ordinal:
            kind = "ordinal"
        if kind == "percent":
            key = f"{text_value} %"
            unit = "%"
        elif kind == "money":
            key = f"{text_value} {q.unit}"
            unit = q.unit
        elif kind == "unit":
            key = f"{text_value} {q.unit}"
            unit = q.unit
        elif kind == "decade":
            key = f"{text_value}s"
            unit = None
        else:
            key = text_value
            unit = None
        self._add(kind, key, start, q.end, (float(value),), unit, next_index=q.next_index, hedge=hedge)


_HAS_DIGIT = re.compile(r"\d")
_LAST_WORD_RE = re.compile(r"([^\W\d_]+)[^\w]*$")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_ROMAN_HINT = re.compile(r"\b[IVXLC]+\b")


def _may_hold_figures(text: str, lex: Lexicon) -> bool:
    """Cheap test that lets most sentences without digits skip the full pass."""
    if _HAS_DIGIT.search(text) or (lex.century_words and _ROMAN_HINT.search(text)):
        return True
    normed = norm_text(text)
    if lex.month_adjective_regex is not None and lex.month_adjective_regex.search(normed):
        return True
    for word in _WORDS.findall(normed):
        if word in lex.triggers or (len(word) > 6 and word[:3] in lex.compound_prefixes):
            return True
    return False


def extract(text: str, lang: str) -> list[Figure]:
    """Figures of `text` in `lang`, in text order."""
    if not text or not _may_hold_figures(text, lexicon(lang)):
        return []
    return _Extractor(text, lang).run()
