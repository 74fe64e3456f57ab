"""Per-language figure vocabulary, loaded once from data/lang/{lang}/*.toml and cached.

All lookups are by a normalised lower-case word (see `norm_word`): typographic apostrophes
become ', ё becomes е, so "п’ять", "пʼять" and "п'ять" are one key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from align.errors import InputError
from align.model import LANGS
from align.resources import load_toml

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ʹ": "'", "‘": "'", "ё": "е", "Ё": "Е"})


def norm_text(text: str) -> str:
    """`norm_word` for a whole text; one character for one, so offsets stay valid."""
    return text.translate(_APOSTROPHES).lower()


def norm_word(word: str) -> str:
    """Lower-case lookup key of a word: one apostrophe, ё as е."""
    return word.translate(_APOSTROPHES).lower()


@dataclass(frozen=True)
class Lexicon:
    lang: str
    cardinals: dict[str, float]
    ordinals: dict[str, float]
    scales: dict[str, float]
    scale_abbreviations: dict[str, float]
    money_only_abbreviations: frozenset[str]
    fractions: dict[str, float]
    not_alone: frozenset[str]
    vague: frozenset[str]
    unit_article: frozenset[str]
    joiners: frozenset[str]
    year_markers: frozenset[str]
    year_genitive: frozenset[str]  # "року", "года": a date's year word
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    month_alone_after: frozenset[str]
    unit_forms: dict[str, str]
    unit_forms_cased: dict[str, str]
    unit_stems: tuple[tuple[str, str], ...]  # longest first
    currency_symbols: dict[str, str]
    currency_codes: frozenset[str]
    currency_words: dict[str, str]
    currency_stems: tuple[tuple[str, str], ...]
    dollar_qualifiers: tuple[tuple[str, str], ...]
    hedge_regex: re.Pattern[str]  # matches a hedge at the end of the text before a figure
    hedges: dict[str, str]
    percent_words: frozenset[str]
    percent_stems: tuple[str, ...]
    multiword_after: re.Pattern[str]  # multi-word units/currencies/percent right after a number
    century_words: frozenset[str]
    roman_between: frozenset[str]
    name_before_regex: re.Pattern[str] | None  # "World War" before a number: part of a name
    compound_prefixes: dict[str, tuple[tuple[str, float], ...]]  # "чотирьох" in "чотирьохмісячні"
    number_words: frozenset[str]  # cardinals and ordinals, for joining compounds
    triggers: frozenset[str]  # words that can start a figure without digits
    # vague plural forms that are a genitive singular after these words ("близько сотні")
    genitive_singular: frozenset[str]
    genitive_after: frozenset[str]
    # hedge -> starts of the words after which it is no hedge ("зросте до" = "rise to")
    hedge_not_after: dict[str, tuple[str, ...]]
    duration_hedges: frozenset[str]  # "over four years" = during: no hedge before these units
    duration_units: frozenset[str]
    scale_needs_count: bool  # en: "million" alone ("several million") is vague
    fraction_ordinals: frozenset[str]  # en "third" in "one-third", "a third of"
    month_adjectives: tuple[tuple[str, int], ...]  # "січнев" -> 1, longest first
    month_adjective_regex: re.Pattern[str] | None  # finds any of them in normalised text

    def month_adjective(self, word: str) -> int | None:
        """Month of a (normalised) month adjective ("січневих" -> 1), or None."""
        for stem, month in self.month_adjectives:
            if word.startswith(stem):
                return month
        return None

    def unit_of(self, word: str, exact: str = "") -> str | None:
        """Canonical unit of a (normalised) word after a number, or None."""
        if exact and exact in self.unit_forms_cased:
            return self.unit_forms_cased[exact]
        unit = self.unit_forms.get(word)
        if unit is not None:
            return unit
        for stem, unit in self.unit_stems:
            if word.startswith(stem):
                return unit
        return None

    def currency_of(self, word: str) -> str | None:
        """ISO code of a (normalised) currency word after a number, or None."""
        code = self.currency_words.get(word)
        if code is not None:
            return code
        for stem, code in self.currency_stems:
            if word.startswith(stem):
                return code
        return None

    def is_percent(self, word: str) -> bool:
        return word in self.percent_words or any(word.startswith(s) for s in self.percent_stems)


def _by_length(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


@cache
def lexicon(lang: str) -> Lexicon:
    """The cached figure vocabulary of `lang` (en, uk or ru)."""
    if lang not in LANGS:
        raise InputError(f"figures: unsupported language '{lang}' (expected one of {', '.join(LANGS)})")
    base = ("lang", lang)
    numbers = load_toml(*base, "numbers.toml")
    words = load_toml(*base, "number_words.toml")
    months = load_toml(*base, "months.toml")
    units = load_toml(*base, "units.toml")
    currencies = load_toml(*base, "currencies.toml")
    hedges = load_toml(*base, "hedges.toml")
    percent = load_toml(*base, "percent.toml")

    cardinals = {norm_word(k): float(v) for k, v in numbers["cardinals"].items()}
    ordinals = {norm_word(k): float(v) for k, v in numbers["ordinals"].items()}
    # uk/ru list "one", "first" and "second" only in number_words.toml; they still count inside
    # compounds ("двадцять перший", "один мільйон").
    for word in words.get("ordinal_one", []):
        ordinals.setdefault(norm_word(word), 1.0)
    for word in words.get("ordinal_two", []):
        ordinals.setdefault(norm_word(word), 2.0)
    for word in words.get("not_alone", []):
        w = norm_word(word)
        if w not in ordinals:
            cardinals.setdefault(w, 1.0)

    hedge_table = {norm_word(k): v for k, v in hedges["hedges"].items()}
    alternatives = "|".join(
        r"\s+".join(re.escape(part) for part in h.split()) for h in sorted(hedge_table, key=len, reverse=True)
    )
    # A short preposition may stand between hedge and number: "приблизно за 15 миль",
    # "примерно в 12:00", "about at 10".
    preps = "|".join(re.escape(p) for p in hedges.get("prepositions", []))
    gap = rf"(?:\s+(?:{preps}))?" if preps else ""
    hedge_regex = re.compile(rf"(?:^|[^\w'])(?P<hedge>{alternatives}){gap}\s*$", re.IGNORECASE)

    unit_forms = {norm_word(k): v for k, v in units.get("forms", {}).items()}
    currency_words = {norm_word(k): v for k, v in currencies.get("words", {}).items()}
    currency_stems = {norm_word(k): v for k, v in currencies.get("stems", {}).items()}
    unit_stems = {norm_word(k): v for k, v in units.get("stems", {}).items()}
    percent_words = [norm_word(w) for w in percent["words"]]
    # Entries of more than one word are matched on the raw text right after the number.
    multi = [w for w in list(unit_forms) + list(currency_words) + list(currency_stems)
             + list(unit_stems) + percent_words if " " in w or "/" in w]
    multi_alt = "|".join(
        r"\s+".join(re.escape(p) for p in w.split()) for w in sorted(multi, key=len, reverse=True)
    ) or r"(?!x)x"
    multiword_after = re.compile(rf"\s*(?P<w>{multi_alt})", re.IGNORECASE)

    genitive = words.get("genitive_singular", {})
    duration = hedges.get("duration", {})
    month_adjectives = tuple(sorted(((norm_word(k), int(v)) for k, v in months.get("adjective_stems", {}).items()),
                                    key=lambda sv: -len(sv[0])))
    month_adjective_regex = re.compile(
        r"(?<![^\W\d_])(?:" + "|".join(re.escape(s) for s, _ in month_adjectives) + ")"
    ) if month_adjectives else None

    return Lexicon(
        lang=lang,
        cardinals=cardinals,
        ordinals=ordinals,
        scales={norm_word(k): float(v) for k, v in numbers["scales"].items()},
        scale_abbreviations={k: float(v) for k, v in words.get("scale_abbreviations", {}).items()},
        money_only_abbreviations=frozenset(words.get("scale_abbreviation_rules", {}).get("money_only", [])),
        fractions={norm_word(k): float(v) for k, v in words.get("fractions", {}).items()},
        not_alone=frozenset(norm_word(w) for w in words.get("not_alone", [])),
        vague=frozenset(norm_word(w) for w in words.get("vague", [])),
        unit_article=frozenset(words.get("unit_article", [])),
        joiners=frozenset(words.get("joiners", [])),
        year_markers=frozenset(words.get("years", {}).get("markers", [])),
        year_genitive=frozenset(words.get("years", {}).get("genitive", [])),
        months={norm_word(k): int(v) for k, v in months["months"].items()},
        ambiguous_months=frozenset(months.get("ambiguous", [])),
        month_alone_after=frozenset(months.get("month_alone_after", [])),
        unit_forms={k: v for k, v in unit_forms.items() if " " not in k and "/" not in k},
        unit_forms_cased=dict(units.get("case_sensitive", {})),
        unit_stems=_by_length({k: v for k, v in unit_stems.items() if " " not in k}),
        currency_symbols=dict(currencies.get("symbols", {})),
        currency_codes=frozenset(currencies.get("codes", [])),
        currency_words={k: v for k, v in currency_words.items() if " " not in k},
        currency_stems=_by_length({k: v for k, v in currency_stems.items() if " " not in k}),
        dollar_qualifiers=_by_length({norm_word(k): v for k, v in currencies.get("dollar_qualifiers", {}).items()}),
        hedge_regex=hedge_regex,
        hedges=hedge_table,
        percent_words=frozenset(w for w in percent_words if " " not in w),
        percent_stems=tuple(norm_word(s) for s in percent.get("stems", []) if " " not in s),
        multiword_after=multiword_after,
        century_words=frozenset(norm_word(w) for w in words.get("roman", {}).get("century_words", [])),
        roman_between=frozenset(words.get("roman", {}).get("between", [])),
        name_before_regex=_name_before(words.get("names", {}).get("before", [])),
        compound_prefixes=_compound_prefixes(cardinals) if lang != "en" else {},
        number_words=frozenset(cardinals) | frozenset(ordinals),
        triggers=frozenset(cardinals) | frozenset(ordinals) | frozenset(norm_word(k) for k in numbers["scales"])
        | frozenset(norm_word(k) for k in words.get("fractions", {})) | frozenset(norm_word(k) for k in months["months"])
        | frozenset(words.get("unit_article", [])),
        genitive_singular=frozenset(norm_word(w) for w in genitive.get("forms", [])),
        genitive_after=frozenset(norm_word(w) for w in genitive.get("after", [])),
        hedge_not_after={norm_word(k): tuple(norm_word(s) for s in v)
                         for k, v in hedges.get("not_after", {}).items()},
        duration_hedges=frozenset(norm_word(w) for w in duration.get("hedges", [])),
        duration_units=frozenset(duration.get("units", [])),
        scale_needs_count=bool(words.get("scale_needs_count", False)),
        fraction_ordinals=frozenset(words.get("fraction_ordinals", [])),
        month_adjectives=month_adjectives,
        month_adjective_regex=month_adjective_regex,
    )


def _name_before(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alt = "|".join(r"\s+".join(re.escape(p) for p in ph.split()) for ph in phrases)
    return re.compile(rf"(?:{alt})\s*$", re.IGNORECASE)


def _compound_prefixes(cardinals: dict[str, float]) -> dict[str, tuple[tuple[str, float], ...]]:
    """Genitive-like cardinal forms that start compound adjectives ("чотирьохмісячні",
    "пятилетний"), grouped by their first three letters for a quick lookup."""
    groups: dict[str, list[tuple[str, float]]] = {}
    for form, value in cardinals.items():
        if len(form) >= 3 and value >= 2 and form.endswith(("х", "и", "а", "о")):
            groups.setdefault(form[:3], []).append((form, value))
    return {k: tuple(sorted(v, key=lambda fv: -len(fv[0]))) for k, v in groups.items()}


def multiword_meaning(lex: Lexicon, phrase: str) -> tuple[str, str] | None:
    """("unit"|"currency"|"percent", canonical) for a multi-word phrase matched after a number."""
    return _multiword_meaning(lex.lang, " ".join(norm_word(phrase).split()))


@cache
def _multiword_meaning(lang: str, key: str) -> tuple[str, str] | None:
    lex = lexicon(lang)
    units = load_toml("lang", lex.lang, "units.toml")
    currencies = load_toml("lang", lex.lang, "currencies.toml")
    percent = load_toml("lang", lex.lang, "percent.toml")
    for table, kind in ((units.get("forms", {}), "unit"), (units.get("stems", {}), "unit"),
                        (currencies.get("words", {}), "currency"), (currencies.get("stems", {}), "currency")):
        for k, v in table.items():
            if " ".join(norm_word(k).split()) == key:
                return kind, v
    if key in (" ".join(norm_word(w).split()) for w in percent["words"] + percent.get("stems", [])):
        return "percent", "%"
    return None
