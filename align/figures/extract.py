"""Find figures in en/uk/ru text and normalise them to language-independent keys.

One left-to-right pass over tokens. A number (digits in any local format, or spelled-out words
in any inflected form) is read first; then what follows it decides what it is: a scale word or
abbreviation multiplies it, a currency/percent/unit word types it, a month makes it a date.
What precedes it adds a currency sign, a sign or a hedge ("at least", "понад").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from align.figures.lexicon import Lexicon, lexicon, multiword_meaning, norm_text, norm_word
from align.figures.roles import ROMAN_HOMOGLYPHS, Roles, roles
from align.figures.units import SPEED_OF
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
# An English month/day without a year ("9/11"): a date, or a fraction ("3/4"); see Figure.role "slash".
SLASH_DATE_RE = re.compile(r"(?<![\w/.,])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\w/]|[.,]\d)")
HOUR_AMPM_RE = re.compile(r"(?<![\d.:])(1[0-2]|0?[1-9])\s*(?P<ampm>[ap])\.?\s?m\b\.?", re.IGNORECASE)
OCLOCK_RE = re.compile(r"(?<![\d.:])(1[0-2]|0?[1-9])\s+o[’']clock\b", re.IGNORECASE)

_CURRENCY_BEFORE_RE = re.compile(r"(?P<pre>[A-Z]{1,3})?(?P<sym>[$€£₴₽¥₹])\s?$")
_CODE_BEFORE_RE = re.compile(r"\b(?P<code>[A-Z]{3})\s?$")
_SIGN_BEFORE_RE = re.compile(r"(?:^|[\s(\[])(?P<sign>[+\-−–]|minus\s|мінус\s|минус\s)$", re.IGNORECASE)
# A lone Cyrillic І is the conjunction "and", but the numeral I beside a label noun ("І група").
_CYRILLIC_I = "\u0406"
_ROMAN_SMALL_RE = re.compile(r"X{0,3}(IX|IV|V?I{0,3})")
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
    role: str = ""
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
        self.roles: Roles = roles(lang)
        self.starts = [t.start for t in self.toks]
        self.quotes = _title_spans(text) if _QUOTE_HINT.search(text) else []
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
        return bisect_left(self.starts, pos, lo=min(start, len(self.starts)))

    def _label_at(self, j: int) -> bool:
        return 0 <= j < len(self.toks) and self.toks[j].kind == "word" and self.roles.is_label(self.toks[j].norm)

    def _label_after(self, j: int) -> bool:
        """A label noun at j, after a hyphen ("second-wave") or after one more word ("the first
        study group")."""
        if self._label_at(j):
            return True
        if j < len(self.toks) and (self.toks[j].kind == "word" or self.toks[j].text in _HYPHENS):
            return self._label_at(j + 1)
        return False

    def _role_around(self, kind: str, start: int, end: int, next_index: int, value: tuple[float, ...]) -> str:
        """The role a plain number takes from its neighbours: "title" inside quotes or before a
        capitalised unit ("60 Minutes"), "label" next to a noun it names ("group I",
        "1-я группа", "the first group")."""
        if any(qs < start and end < qe for qs, qe in self.quotes):
            return "title"
        if kind not in ("number", "ordinal", "unit") or not value:
            return ""
        last = self._index_at(end, 0) - 1
        if self.lang == "en" and kind == "unit" and 0 <= last < len(self.toks) and start > 0:
            word = self.toks[last].text
            if len(word) >= 4 and word.isalpha() and word[0].isupper() and word[1:].islower() \
                    and word not in self.lex.unit_forms_cased:
                return "title"  # "60 Minutes", "24 Hours": a unit written as a title word
        if kind == "unit":
            return ""
        small = value[0] == int(value[0]) and 0 < value[0] <= 12
        if small and self._label_at(self._index_at(start, 0) - 1):
            return "label"  # "group 1", "Group One", "группа II"
        if (self._label_after(next_index) if kind == "ordinal" else self._label_at(next_index)) and (
                kind == "ordinal" or (small and self.lang != "en")):
            return "label"  # "the first group", "1-я группа", "2 группы"
        return ""

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
             unit: str | None = None, next_index: int = -1, hedge: bool = True, role: str = "") -> None:
        if self._covered(start, end):
            return
        if not role:
            role = self._role_around(kind, start, end, next_index, value)
        hedge_name, hedge_text = self._hedge(start, unit) if hedge else (None, "")
        if hedge_name == "up_to" and norm_word(hedge_text).startswith("до") and (
                kind in ("date", "time", "decade")
                or (kind in ("number", "ordinal") and value and 1000 <= value[0] <= 2100 and value[0] == int(value[0]))):
            hedge_name, hedge_text = None, ""  # "до 2020 року" is "by/until 2020", not "up to"
        context = self._context(next_index) if next_index >= 0 else ""
        self.figures.append(Figure(kind=kind, key=key, text=self.text[start:end], start=start, end=end,
                                   value=value, unit=unit, hedge=hedge_name, hedge_text=hedge_text,
                                   context=context, role=role))
        self.taken.append((start, end))

    # -- whole patterns ---------------------------------------------------------------------
    def _patterns(self) -> None:
        text = self.text
        if not _HAS_DIGIT.search(text):
            return
        standards = self.roles.standards_regex
        if standards is not None:
            for m in standards.finditer(text):
                digits = "".join(ch for ch in m.group("num") if ch.isdigit())
                self._add("number", f"code {digits}", m.start(), m.end(), _code_value(digits),
                          next_index=self._index_at(m.end(), 0), hedge=False, role="code")
        if self.lang == "en":
            for m in SLASH_DATE_RE.finditer(text):
                month, day = int(m.group(1)), int(m.group(2))
                self._add("date", f"--{month:02d}-{day:02d}", m.start(), m.end(), (0, month, day),
                          next_index=self._index_at(m.end(), 0), hedge=False, role="slash")
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
        if words == 1 and first_norm in lex.not_alone and not (
                self._label_after(last + 1) or self._label_at(i - 1) or self._number_word_joined(last + 1)):
            return None  # but "the first group", "Group One", "second-third days" are figures
        value = total + current
        if value < 1 and not total:
            return None  # a bare "half" ("half an hour" = "півгодини"): no figure in uk/ru either
        return _Quantity(value, toks[i].start, toks[last].end, last + 1, spelled=True, ordinal=ordinal,
                         scaled=total > 0 or value >= 100)

    def _number_word_joined(self, j: int) -> bool:
        """A hyphen or dash at j joins the number before it to a number word ("second-third")."""
        return 0 <= j < len(self.toks) and self.toks[j].text in _DASHES | _HYPHENS \
            and self._word(j + 1) in self.lex.number_words

    def _fused_compound(self, i: int) -> bool:
        """"трехмерный", "пятикратный": a number word fused with a word the roles data lists,
        kept as a compound figure that can match "3-D" or "5-fold" (and is not reported alone)."""
        if not self.roles.fused_stems:
            return False
        tok = self.toks[i]
        word = tok.norm
        for form, value in self.lex.compound_prefixes[word[:3]]:
            if word.startswith(form) and word[len(form):].startswith(self.roles.fused_stems):
                self._add("number", _fmt(Decimal(str(value))), tok.start, tok.end, (float(value),),
                          next_index=i + 1, hedge=False, role="compound")
                return True
        return False

    def _day_at(self, j: int) -> _Quantity | None:
        """A day of the month written in digits at token j ("25", "25-го"), else None."""
        if j >= len(self.toks) or self.toks[j].kind != "num" or not re.fullmatch(r"\d{1,2}", self.toks[j].text):
            return None
        day = int(self.toks[j].text)
        if not 1 <= day <= 31:
            return None
        return _Quantity(Decimal(day), self.toks[j].start, self.toks[j].end, j + 1)

    def _day_joiner_after(self, j: int) -> int:
        """Index after a joiner of days at j ("-", ",", "and", "по", "і"), or -1."""
        if j >= len(self.toks):
            return -1
        tok = self.toks[j]
        if tok.kind == "sym" and (tok.text in _DASHES or tok.text == ","):
            return j + 1
        if tok.kind == "word" and tok.norm in self.roles.day_joiners:
            return j + 1
        return -1

    def _days_sharing_month(self, i: int, q: _Quantity) -> int:
        """"з 25 по 31 липня", "9 і 10 серпня", "9-10 августа", "9, 10 and 11 August": every day
        before the month is a date of that month (and year). Returns the index after the last
        date, or 0 when the number at i starts no such run."""
        if q.spelled or q.value != q.value.to_integral_value() or not 1 <= q.value <= 31:
            return 0
        days = [q]
        j = q.next_index
        while len(days) <= 6:
            k = self._day_joiner_after(j)
            nxt = self._day_at(k) if k > 0 else None
            if nxt is None:
                return 0
            if self._date_from_day(k, nxt):
                last = self.figures[-1]
                year, month = int(last.value[0]), int(last.value[1])
                after = self._index_at(last.end, k)
                for day in days:
                    d = int(day.value)
                    key = f"{year:04d}-{month:02d}-{d:02d}" if year else f"--{month:02d}-{d:02d}"
                    self._add("date", key, day.start, day.end, (year, month, d), next_index=day.next_index,
                              hedge=day is q)
                return after
            days.append(nxt)
            j = nxt.next_index
        return 0

    def _tail(self, q: _Quantity, money_before: str | None) -> None:
        """Read what follows a number (see _tail_inner), then a per-hour phrase after a distance."""
        if q.extras.get("tailed"):
            return
        self._tail_inner(q, money_before)
        q.extras["tailed"] = True
        if q.kind == "unit" and q.unit in SPEED_OF and self.roles.per_hour_regex is not None:
            m = self.roles.per_hour_regex.match(self.text, q.end)
            if m:
                # "60 миль на час", "96 км за годину", "60 miles an hour": a speed
                q.unit = SPEED_OF[q.unit]
                q.end = m.end()
                q.next_index = self._index_at(q.end, q.next_index)

    def _tail_inner(self, q: _Quantity, money_before: str | None) -> None:
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
            elif tok.text in self.roles.compound_after_digits or (
                    tok.kind == "sym" and tok.text in _HYPHENS and self._adjacent(j, j + 1)
                    and j + 1 < len(toks) and toks[j + 1].text in self.roles.compound_after_digits):
                # "3-D", "3D": uk/ru write "тривимірний", "трехмерный"
                last = j if tok.kind == "word" else j + 1
                q.role = "compound"
                q.end = toks[last].end
                j = last + 1
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
            if unit is None and q.ordinal and self.roles.is_label(toks[j + 1].norm):
                q.role = "label"  # "second-wave outbreaks" = "вспышки второй волны"
                q.end = toks[j + 1].end
                j += 2
            elif unit is None and toks[j + 1].norm in self.roles.spelled_heads:
                q.role = "compound"  # "three-dimensional" = "тривимірний", kept to match it
                q.end = toks[j + 1].end
                j += 2
            elif unit is None:
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
            month = self.roles.month_abbreviations.get(w) if w else None
            if month is None:
                return None
            # "5 серп.", "вер. 2024": the dot, and a day before or a year after
            toks = self.toks
            dotted = j + 1 < len(toks) and toks[j + 1].text == "." and self._adjacent(j, j + 1)
            day_before = j > 0 and toks[j - 1].kind == "num"
            year_after = j + 2 < len(toks) and re.fullmatch(r"\d{4}", toks[j + 2].text) is not None
            return month if dotted and (day_before or year_after) else None
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
        if (self.lang == "en" or self._word(j) in self.roles.month_abbreviations) and k < len(self.toks) \
                and self.toks[k].text == "." and self.toks[k].start == end:
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

    def _more_days(self, k: int) -> list[_Quantity]:
        """Days after an English "Month D" that share its month: "and 10", "-31", ", 10 and 11"
        (not when the next day has a month of its own, a unit or a percent after it)."""
        toks = self.toks
        days: list[_Quantity] = []
        while len(days) < 6:
            j = self._day_joiner_after(k)
            day = self._day_at(j) if j > 0 else None
            if day is None:
                break
            nxt = day.next_index
            if self._word(nxt) in ("st", "nd", "rd", "th") and self._adjacent(nxt - 1, nxt):
                day.end = toks[nxt].end
                nxt += 1
                day.next_index = nxt
            w = self._word(nxt)
            if self._month_at(nxt) is not None or w == "of" or w in self.lex.scales or \
                    (nxt < len(toks) and toks[nxt].text in ("%", ".", ":") and self._adjacent(nxt - 1, nxt)
                     and nxt + 1 < len(toks) and toks[nxt + 1].kind == "num") or \
                    (w and self._unit_word(w, toks[nxt].text) is not None):
                break
            days.append(day)
            k = nxt
        return days

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
                more = self._more_days(k)  # "August 9 and 10", "July 25-31, 2024": one month for all
                after_days = more[-1].next_index if more else k
                year, yend, k2 = self._year_after(after_days)
                if year is not None and not more:
                    self._add("date", f"{year:04d}-{month:02d}-{day:02d}", start, yend, (year, month, day),
                              next_index=k2)
                    return k2
                y = year or 0
                self._add("date", f"{y:04d}-{month:02d}-{day:02d}" if y else f"--{month:02d}-{day:02d}",
                          start, end, (y, month, day), next_index=k)
                for n, extra in enumerate(more):
                    d = int(extra.value)
                    last_end = yend if year is not None and n == len(more) - 1 else extra.end
                    self._add("date", f"{y:04d}-{month:02d}-{d:02d}" if y else f"--{month:02d}-{d:02d}",
                              extra.start, last_end, (y, month, d), next_index=extra.next_index, hedge=False)
                return k2 if year is not None else after_days
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
                        toks[i - 1].text not in lex.currency_codes and (
                            any(ch.isupper() for ch in toks[i - 1].text) or not (i > 1 and toks[i - 2].kind == "num")):
                    # a code such as A320, G7, F1, t25fw, Ki67: not a quantity (but "50 km2" is 50 km2)
                    i = self._skip_code(i)
                    continue
                if i > 1 and toks[i - 1].text in _HYPHENS and self._adjacent(i - 2, i - 1) and \
                        self._adjacent(i - 1, i) and toks[i - 2].kind == "word" and toks[i - 2].text[:1].isupper():
                    i = self._skip_code(i)  # F-16, COVID-19, Формула-1, Ту-154: names of things
                    continue
                if lex.name_before_regex is not None and lex.name_before_regex.search(self.text, 0, tok.start):
                    i += 1  # "World War 2": part of a name
                    continue
                q = self._read_digits(i)
            elif tok.kind == "word" and tok.text.isupper() and (
                    roman := _roman_text(tok.text) or (_CYRILLIC_I == tok.text and self._roman_label(i) and "I")) and (
                    self._roman_century(i) or self._roman_label(i)):
                # "XVI century", "ХХ века", "group II", "II степени": an ordinal; a label unless a century
                value = self._roman_value(roman)
                label = not self._roman_century(i)
                self._add("ordinal", _fmt(Decimal(value)), tok.start, tok.end, (float(value),),
                          next_index=i + 1, hedge=False, role="label" if label else "")
                i += 1
                continue
            elif tok.kind == "word" and len(tok.norm) > 6 and tok.norm[:3] in lex.compound_prefixes:
                if self._compound_adjective(i) or self._fused_compound(i):
                    i += 1
                    continue
                q = self._read_words(i) if tok.norm in lex.cardinals or tok.norm in lex.ordinals \
                    or tok.norm in lex.scales else None
            elif tok.kind == "word" and (tok.norm in lex.cardinals or tok.norm in lex.ordinals or tok.norm in lex.scales
                                         or tok.norm in lex.fractions or tok.norm in lex.unit_article):
                q = self._read_words(i)
            if q is None:
                idiom = self.roles.idioms.get(tok.norm) if tok.kind == "word" else None
                if idiom is not None and self._word(i + 1) not in lex.unit_article:  # not "half an hour"
                    # "half", "centenary", "половина": a number only to match a figure the other side gives
                    self._add("number", _fmt(Decimal(str(idiom))), tok.start, tok.end, (idiom,), hedge=False,
                              role="idiom")
                i += 1
                continue
            after_days = self._days_sharing_month(i, q)
            if after_days:
                i = after_days
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
        letters = self.toks[i - 1].text if self.toks[i - 1].kind == "word" else ""
        if letters in self.roles.seasons and len(self.toks[i].text) == 2 and j == i + 1:
            # "SS19" is the spring-summer 2019 collection, which uk/ru write out with the year
            year = 2000 + int(self.toks[i].text)
            self._add("number", str(year), start, end, (float(year),), next_index=j, hedge=False, role="code")
        elif digits:
            # glued codes are copied verbatim (A320, T25FW); a hyphenated name of a thing may be
            # rendered by a word ("Covid-19" -> "ковид")
            role = "name" if self.toks[i - 1].kind == "sym" else "code"
            self._add("number", f"code {digits}", start, end, _code_value(digits), next_index=j, hedge=False,
                      role=role)
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
            if tok.kind == "word" and (tok.text in lex.roman_between or (tok.text.isupper() and _roman_text(tok.text))):
                j += 1
                continue
            if tok.kind == "sym" and tok.text in {",", "-", "–", "—"}:
                j += 1
                continue
            return False
        return False

    def _roman_label(self, i: int) -> bool:
        """A Roman numeral that names a group, stage or grade: right after the noun ("group I",
        "grade III-IV", "groups I and II") or, in uk/ru, before it ("III-IV степени")."""
        # en "I" right before a noun is the pronoun ("I group them"); "I-III stages" is a label
        pronoun = self.lang == "en" and self.toks[i].text == "I" and self._word(i + 1) != ""
        directions = (-1,) if pronoun else (-1, 1)
        for step in directions:
            j = i + step
            while 0 <= j < len(self.toks) and abs(j - i) <= 8:
                tok = self.toks[j]
                if tok.kind == "sym" and tok.text in {",", "-", "–", "—"}:
                    j += step
                    continue
                if tok.kind == "word" and (tok.text in self.lex.roman_between or
                                           (tok.text.isupper() and _roman_text(tok.text))):
                    j += step
                    continue
                break
            if self._label_at(j):
                return True
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
            needs_typed_end = self.lang == "en" and tok.norm == "to" and prev not in _RANGE_STARTS["en"] \
                and q.kind == "number" and not q.scaled
        else:
            needs_typed_end = False
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
        if needs_typed_end:
            # "2 to 3 inches" is a range; a bare "21 to 20" is a score or two figures
            self._tail(second, None)
            if second.kind not in ("unit", "percent", "money"):
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
        self._add(kind, key, start, q.end, (float(value),), unit, next_index=q.next_index, hedge=hedge, role=q.role)


_HAS_DIGIT = re.compile(r"\d")
# A quoted title ("«60 минут»", "“Catch-22”"): a number inside is part of a name.
_QUOTED_RE = re.compile(r"«([^«»]{1,40})»|“([^“”]{1,40})[”\"]|„([^„“”]{1,40})[“”]|\"([^\"]{1,40})\"")


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Quoted spans that read as a title: a few words, the first of them capitalised, no closing
    punctuation. A quoted "18" or a quoted sentence is no title."""
    spans = []
    for m in _QUOTED_RE.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        words = _WORDS.findall(inner)
        if words and len(inner.split()) <= 5 and words[0][0].isupper() and not inner.rstrip().endswith(
                (",", ".", "!", "?", "…")):  # quoted speech ends with its punctuation
            spans.append(m.span())
    return spans


_QUOTE_HINT = re.compile(r"[«“„\"]")
_LAST_WORD_RE = re.compile(r"([^\W\d_]+)[^\w]*$")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_ROMAN_HINT = re.compile("\\b[IVXLC\u0425\u0406\u0421]+\\b")


def _roman_text(text: str) -> str:
    """`text` as a Latin Roman numeral ("XVI", Cyrillic-typed "ХХ" -> "XX"), or "" if it is none.
    A lone Cyrillic letter other than Х is a word ("С", "І" = with, and)."""
    folded = text.translate(ROMAN_HOMOGLYPHS)
    if folded != text and len(text) == 1 and folded != "X":
        return ""
    # Only I, V and X: a lone C, D, L or M is a letter ("group D"), and no century or stage needs them.
    return folded if _ROMAN_SMALL_RE.fullmatch(folded) else ""


def _code_value(digits: str) -> tuple[float, ...]:
    """The digits of a code as one number, so that "T25FW" matches a bare "25" (and "ISO 4049"
    a bare "4049"); no value for an empty or absurdly long run."""
    return (float(digits),) if digits and len(digits) <= 15 else ()


def _may_hold_figures(text: str, lex: Lexicon) -> bool:
    """Cheap test that lets most sentences without digits skip the full pass."""
    if _HAS_DIGIT.search(text) or (lex.century_words and _ROMAN_HINT.search(text)):
        return True
    normed = norm_text(text)
    if lex.month_adjective_regex is not None and lex.month_adjective_regex.search(normed):
        return True
    idioms = roles(lex.lang).idioms
    for word in _WORDS.findall(normed):
        if word in lex.triggers or word in idioms or (len(word) > 6 and word[:3] in lex.compound_prefixes):
            return True
    return False


def extract(text: str, lang: str) -> list[Figure]:
    """Figures of `text` in `lang`, in text order."""
    if not text or not _may_hold_figures(text, lexicon(lang)):
        return []
    return _Extractor(text, lang).run()
