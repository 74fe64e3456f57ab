"""Reading one number: digits in local formats, spelled-out number words with scale words
("two hundred fifty", uk "dvisti p'iatdesiat tysiach"), number words fused into compounds, and Roman
numerals beside a century word or a label noun."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from align.figures.lexicon import Lexicon, opens_a_word
from align.figures.roles import ROMAN_HOMOGLYPHS
from align.figures.scan import Scan
from align.figures.tokens import DASHES, HYPHENS, SPACES

# A lone Cyrillic I (U+0406) is the uk conjunction "and", but the numeral I beside a label noun
# (uk "I hrupa" = group I).
CYRILLIC_I = "\u0406"
_ROMAN_SMALL_RE = re.compile(r"X{0,3}(IX|IV|V?I{0,3})")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# A run of Roman numeral letters (Latin, or Cyrillic look-alikes) that ends a word; roman_hint
# tells whether one is a whole word. (One letter, then a repeat: a regex that opens with a
# repeat tries every offset.)
_ROMAN_RUN = re.compile("[IVXLC\u0425\u0406\u0421][IVXLC\u0425\u0406\u0421]*\\b")
_WORD_CHAR = re.compile(r"\w")
_ROMAN_JOINERS = {",", "-", "–", "—"}


@dataclass
class Quantity:
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


def fmt(value: Decimal) -> str:
    """Canonical text of a number: no exponent, no trailing zeros ("7660000000", "7.66")."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def is_year(q: Quantity) -> bool:
    # a year is written in digits: uk "tysiachu rokiv" is a thousand years, not the year 1000
    return not q.spelled and q.value == q.value.to_integral_value() and 1000 <= q.value <= 2200


# -- digits -----------------------------------------------------------------------------------
def parse_digits(raw: str, lang: str, before_scale: bool) -> Decimal | None:
    """Value of a digit run in the conventions of `lang` (None if it is not one number)."""
    s = raw
    for sp in SPACES:
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
            # English-style grouping in practice unless a scale word follows (uk "1,125 mln").
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


def read_digits(s: Scan, i: int) -> Quantity | None:
    tok = s.toks[i]
    nxt = s.word(i + 1) if s.adjacent(i, i + 1) or (i + 1 < len(s.toks)) else ""
    before_scale = nxt in s.lex.scales or scale_abbr(s, i + 1, money=True) is not None
    value = parse_digits(tok.text, s.lang, before_scale)
    if value is None:
        return None
    return Quantity(value, tok.start, tok.end, i + 1)


def scale_abbr(s: Scan, j: int, money: bool) -> Decimal | None:
    """The factor of a scale abbreviation at token j (uk "mln", "bn"; "m" only by money), or None."""
    if j >= len(s.toks) or s.toks[j].kind != "word":
        return None
    raw = s.toks[j].text
    lex = s.lex
    for form in (raw, raw.lower()):
        if form in lex.scale_abbreviations:
            if form in lex.money_only_abbreviations and not money:
                return None
            return Decimal(int(lex.scale_abbreviations[form]))
    return None


# -- number words -----------------------------------------------------------------------------
def read_words(s: Scan, i: int) -> Quantity | None:
    """A spelled-out number starting at token i ("twenty-five", uk "dvisti p'iatdesiat")."""
    lex = s.lex
    toks = s.toks
    total = Decimal(0)
    current = Decimal(0)
    words = 0
    ordinal = False
    last = i - 1
    first_norm = toks[i].norm
    j = i
    if first_norm in lex.unit_article and first_norm not in lex.cardinals:
        nxt = s.word(i + 1)
        if not (nxt in lex.scales or nxt == "dozen"):
            return None
        current = Decimal(1)
        j = i + 1
        last = i
    while j < len(toks):
        tok = toks[j]
        if tok.kind == "sym" and tok.text in HYPHENS and words and s.adjacent(j - 1, j) \
                and s.adjacent(j, j + 1) and s.word(j + 1) in lex.number_words:
            if s.word(j + 1) in lex.fraction_ordinals and current < 10 and not total:
                # "one-third" (but "twenty-fourth" is an ordinal): a fraction, which uk/ru write as a noun ("tretyna")
                return Quantity(Decimal(0), toks[i].start, toks[j + 1].end, j + 2, spelled=True, kind="skip")
            j += 1
            continue
        if tok.kind != "word":
            break
        w = tok.norm
        if w in lex.joiners and words:
            if s.word(j + 1) in lex.unit_article and s.word(j + 2) in lex.fractions:
                current += Decimal(str(lex.fractions[s.word(j + 2)]))  # "one and a half million"
                last = j + 2
                j += 3
                continue
            if s.word(j + 1) in lex.cardinals:
                j += 1
                continue
        if w in lex.cardinals:
            added = _plus_cardinal(lex, w, current)
            if added is None:
                break  # "five five" or "twenty thirty" are two numbers, not one
            current = added
        elif w in lex.fractions:
            current += Decimal(str(lex.fractions[w]))
        elif w in lex.scales:
            scaled = _times_scale(s, w, j, words, total, current)
            if scaled is None:
                return None
            total, current = scaled
        elif w in lex.ordinals:
            if words == 0 and w in lex.fraction_ordinals and s.word(j - 1) in ("a", "one") \
                    and s.word(j + 1) == "of":
                return None  # "a third of", "one third of": a fraction
            added = _plus_ordinal(lex, w, current)
            if added is None:
                break
            current = added
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
            s.label_after(last + 1) or s.label_at(i - 1) or number_word_joined(s, last + 1)):
        return None  # but "the first group", "Group One", "second-third days" are figures
    value = total + current
    if value < 1 and not total:
        return None  # a bare "half" ("half an hour" = uk "pivhodyny"): no figure in uk/ru either
    return Quantity(value, toks[i].start, toks[last].end, last + 1, spelled=True, ordinal=ordinal,
                    scaled=total > 0 or value >= 100)


def _plus_cardinal(lex: Lexicon, w: str, current: Decimal) -> Decimal | None:
    """`current` with the cardinal word `w` added, or None when `w` starts a new number."""
    v = Decimal(str(lex.cardinals[w]))
    if w == "dozen":
        return (current or Decimal(1)) * 12
    if current and (current % 100 != 0 and (v >= 10 or current % 10 != 0)) and v < 100:
        return None
    if current and v >= 100 and current % 1000 != 0 and lex.lang != "en":
        return None
    return current + v


def _plus_ordinal(lex: Lexicon, w: str, current: Decimal) -> Decimal | None:
    """`current` with the ordinal word `w` added ("twenty-first", "hundredth"), or None when
    `w` cannot continue it."""
    v = Decimal(str(lex.ordinals[w]))
    if v >= 100 and current:
        return current * v
    if current and current % 10 != 0 and v < 100:
        return None
    return current + v


def _times_scale(s: Scan, w: str, j: int, words: int, total: Decimal,
                 current: Decimal) -> tuple[Decimal, Decimal] | None:
    """(total, current) after the scale word `w` at token j, or None when the scale word is a
    vague amount and the words are no number at all."""
    lex = s.lex
    scale = Decimal(str(lex.scales[w]))
    if words == 0 and not current and lex.scale_needs_count:
        return None  # "several million": no count, a vague amount
    if words == 0 and not current and w in lex.vague and not (
            w in lex.genitive_singular and s.word(j - 1) in lex.genitive_after):
        return None  # uk "sotni raket" = hundreds; "blyzko sotni raket" = about 100
    if scale == 100:
        return total, (current or Decimal(1)) * 100
    return total + (current or Decimal(1)) * scale, Decimal(0)


def number_word_joined(s: Scan, j: int) -> bool:
    """A hyphen or dash at j joins the number before it to a number word ("second-third")."""
    return 0 <= j < len(s.toks) and s.toks[j].text in DASHES | HYPHENS \
        and s.word(j + 1) in s.lex.number_words


# -- number words fused into one word -----------------------------------------------------------
def fused_compound(s: Scan, i: int) -> bool:
    """ru "trekhmernyi", "piatikratnyi": a number word fused with a word the roles data lists,
    kept as a compound figure that can match "3-D" or "5-fold" (and is not reported alone)."""
    if not s.roles.fused_stems:
        return False
    tok = s.toks[i]
    word = tok.norm
    for form, value in s.lex.compound_prefixes[word[:3]]:
        if word.startswith(form) and word[len(form):].startswith(s.roles.fused_stems):
            s.add("number", fmt(Decimal(str(value))), tok.start, tok.end, (float(value),),
                  next_index=i + 1, hedge=False, role="compound")
            return True
    return False


def compound_adjective(s: Scan, i: int) -> bool:
    """uk "chotyrokhmisiachni", ru "piatiletnii": a number word fused with a unit."""
    tok = s.toks[i]
    word = tok.norm
    for form, value in s.lex.compound_prefixes[word[:3]]:
        if word.startswith(form) and len(word) > len(form) + 2:
            rest = word[len(form):]
            unit = next((u for stem, u in s.lex.unit_stems if len(stem) >= 3 and rest.startswith(stem)), None)
            if unit is None:
                continue
            key_value = Decimal(str(value))
            s.add("unit", f"{fmt(key_value)} {unit}", tok.start, tok.end, (float(value),), unit,
                  next_index=i + 1)
            return True
    return False


# -- Roman numerals -------------------------------------------------------------------------------
def roman_hint(text: str) -> bool:
    """Whether a word of `text` is written in Roman numeral letters only ("XVI", "I"): a cheap
    test before the token pass. Without a leading word boundary the regex jumps to the letters;
    a run that opens inside a word is passed over, and none opens inside it."""
    return opens_a_word(_ROMAN_RUN, text, _WORD_CHAR)


def roman_text(text: str) -> str:
    """`text` as a Latin Roman numeral ("XVI", "XX" typed with Cyrillic Kha -> "XX"), or "" if it is none.
    A lone Cyrillic letter other than Kha is a word (Es = ru "with", I = uk "and")."""
    folded = text.translate(ROMAN_HOMOGLYPHS)
    if folded != text and len(text) == 1 and folded != "X":
        return ""
    # Only I, V and X: a lone C, D, L or M is a letter ("group D"), and no century or stage needs them.
    return folded if _ROMAN_SMALL_RE.fullmatch(folded) else ""


def roman_value(text: str) -> int:
    total = 0
    for a, b in zip(text, text[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def roman_century(s: Scan, i: int) -> bool:
    """A Roman numeral counts when a century word follows it, maybe after more numerals
    (ru "XI, XII i XIII vekov", "X–XI vv.")."""
    j = i + 1
    lex = s.lex
    while j < len(s.toks) and j <= i + 8:
        tok = s.toks[j]
        if tok.kind == "word" and tok.norm in lex.century_words:
            return True
        if tok.kind == "word" and (tok.text in lex.roman_between or (tok.text.isupper() and roman_text(tok.text))):
            j += 1
            continue
        if tok.kind == "sym" and tok.text in _ROMAN_JOINERS:
            j += 1
            continue
        return False
    return False


def roman_label(s: Scan, i: int) -> bool:
    """A Roman numeral that names a group, stage or grade: right after the noun ("group I",
    "grade III-IV", "groups I and II") or, in uk/ru, before it (ru "III-IV stepeni")."""
    # en "I" right before a noun is the pronoun ("I group them"); "I-III stages" is a label
    pronoun = s.lang == "en" and s.toks[i].text == "I" and s.word(i + 1) != ""
    directions = (-1,) if pronoun else (-1, 1)
    for step in directions:
        j = i + step
        while 0 <= j < len(s.toks) and abs(j - i) <= 8:
            tok = s.toks[j]
            if tok.kind == "sym" and tok.text in _ROMAN_JOINERS:
                j += step
                continue
            if tok.kind == "word" and (tok.text in s.lex.roman_between or
                                       (tok.text.isupper() and roman_text(tok.text))):
                j += step
                continue
            break
        if s.label_at(j):
            return True
    return False
