"""Per-language figure vocabulary, loaded once from data/lang/{lang}/*.toml and cached.

All lookups are by a normalised lower-case word (see `norm_word`): typographic apostrophes
become ', and letters that a language writes optionally are folded as its letters.toml says
(ru: yo as ye), so "p’iat", "pʼiat" and "p'iat" are one key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from align.errors import InputError
from align.model import LANGS
from align.resources import data_path, load_toml

_LETTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]+")
def opens_a_word(regex: re.Pattern[str], text: str, inner: re.Pattern[str]) -> bool:
    """Whether `regex` matches somewhere that no `inner` character precedes: the test a leading
    lookbehind would make, without making the regex try every offset of the text. A match
    inside a word is passed over, so `regex` must match nothing that opens inside its own
    matches."""
    return any(m.start() == 0 or not inner.match(text, m.start() - 1) for m in regex.finditer(text))


_APOSTROPHES = {"’": "'", "ʼ": "'", "`": "'", "ʹ": "'", "‘": "'"}


@cache
def _fold_table() -> dict[int, str]:
    """Apostrophes and every language's folded letters (text mixes languages, so all apply)."""
    table = dict(_APOSTROPHES)
    for lang in LANGS:
        if data_path("lang", lang, "letters.toml").is_file():
            table.update(load_toml("lang", lang, "letters.toml").get("fold", {}))
    if any(len(k) != 1 or len(v) != 1 for k, v in table.items()):
        # norm_text keeps offsets only when every letter folds to exactly one letter
        raise ValueError("letters.toml: [fold] maps one letter to exactly one letter")
    return str.maketrans(table)


def norm_text(text: str) -> str:
    """`norm_word` for a whole text; one character for one, so offsets stay valid."""
    # Most texts hold no letter to fold: a regex finds that faster than translate() maps
    # every character through the table.
    if _foldable().search(text) is None:
        return text.lower()
    return text.translate(_fold_table()).lower()


@cache
def _foldable() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(chr(k) for k in _fold_table())) + "]")


def norm_word(word: str) -> str:
    """Lower-case lookup key of a word: one apostrophe, optional letters folded."""
    return word.translate(_fold_table()).lower()


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
    year_genitive: frozenset[str]  # uk "roku", ru "goda": a date's year word
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
    compound_prefixes: dict[str, tuple[tuple[str, float], ...]]  # uk "chotyrokh" in "chotyrokhmisiachni"
    number_words: frozenset[str]  # cardinals and ordinals, for joining compounds
    triggers: frozenset[str]  # words that can start a figure without digits
    # vague plural forms that are a genitive singular after these words (uk "blyzko sotni" = about 100)
    genitive_singular: frozenset[str]
    genitive_after: frozenset[str]
    # hedge -> starts of the words after which it is no hedge (uk "zroste do" = "rise to")
    hedge_not_after: dict[str, tuple[str, ...]]
    duration_hedges: frozenset[str]  # "over four years" = during: no hedge before these units
    duration_units: frozenset[str]
    scale_needs_count: bool  # en: "million" alone ("several million") is vague
    fraction_ordinals: frozenset[str]  # en "third" in "one-third", "a third of"
    month_adjectives: tuple[tuple[str, int], ...]  # uk "sichnev" -> 1, longest first
    month_adjective_regex: re.Pattern[str] | None  # finds any of them in normalised text (has_month_adjective)
    glued_ordinal_suffixes: frozenset[str]  # en "th" in "4th"
    range_words: frozenset[str]  # "to" in "from 10 to 15"
    range_starts: frozenset[str]  # "from"
    range_open_words: frozenset[str]  # en "to": a range without a start word when typed ("2 to 3 inches")
    until_hedges: tuple[str, ...]  # starts of an up_to hedge that means "by/until" before a year or date

    def month_adjective(self, word: str) -> int | None:
        """Month of a (normalised) month adjective (uk "sichnevykh" -> 1), or None."""
        for stem, month in self.month_adjectives:
            if word.startswith(stem):
                return month
        return None

    def has_month_adjective(self, normed: str) -> bool:
        """Whether a word of the normalised text opens with a month adjective stem (uk "sichnev")."""
        # Stems are letters only, so no stem opens inside another's match (see opens_a_word).
        return self.month_adjective_regex is not None and opens_a_word(self.month_adjective_regex, normed, _LETTER)

    def unit_of(self, word: str, exact: str = "") -> str | None:
        """Canonical unit of a (normalised) word after a number, or None."""
        if exact and exact in self.unit_forms_cased:
            return self.unit_forms_cased[exact]
        return _form_or_stem(word, self.unit_forms, self.unit_stems)

    def currency_of(self, word: str) -> str | None:
        """ISO code of a (normalised) currency word after a number, or None."""
        return _form_or_stem(word, self.currency_words, self.currency_stems)

    def is_percent(self, word: str) -> bool:
        return word in self.percent_words or any(word.startswith(s) for s in self.percent_stems)


def _form_or_stem(word: str, forms: dict[str, str], stems: tuple[tuple[str, str], ...]) -> str | None:
    """The value of `word` as a whole form, else of the first (longest) stem it starts with."""
    found = forms.get(word)
    if found is not None:
        return found
    for stem, value in stems:
        if word.startswith(stem):
            return value
    return None


def _by_length(table: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


@dataclass(frozen=True)
class SharedWords:
    """Words matched in a text whatever its language, gathered from the data of every language:
    the extractor reads these (signs, clock words, suffixes after digits, context words) the
    same way in en, uk and ru text, since a text may carry another language's forms."""

    minus: frozenset[str]  # "minus 3"
    context_skip: frozenset[str]  # passed over on the way to the noun a figure counts
    context_stop: frozenset[str]  # a preposition after a figure: no counted noun to show
    hyphen_ordinal_suffixes: frozenset[str]  # case endings after "8-"
    hyphen_decade_suffixes: frozenset[str]  # endings after "1990-"
    decade_years: frozenset[str]  # the word for years after a decade
    celsius: frozenset[str]  # letters after a degree sign
    fahrenheit: frozenset[str]
    dotted_currencies: frozenset[str]  # currency abbreviations whose dot belongs to the figure
    hour_marks: tuple[str, ...]  # an hour abbreviation that makes "10.30" a clock time
    pm_after: tuple[str, ...]  # words after a clock time that move it past noon
    pm_joiners: tuple[str, ...]  # between two clock times that share the word after the second
    ampm_joiners: tuple[str, ...]  # between two clock times that share an a.m./p.m.


@cache
def shared_words() -> SharedWords:
    """The cached words of every language that the extractor matches in any text."""
    def union(name: str, *keys: str) -> list[str]:
        words: set[str] = set()
        for lang in LANGS:
            table = load_toml("lang", lang, name) if data_path("lang", lang, name).is_file() else {}
            for key in keys[:-1]:
                table = table.get(key, {})
            words.update(table.get(keys[-1], []))
        return sorted(words, key=lambda w: (-len(w), w))

    return SharedWords(
        minus=frozenset(union("number_words.toml", "signs", "minus")),
        context_skip=frozenset(union("context.toml", "skip")),
        context_stop=frozenset(union("context.toml", "stop")),
        hyphen_ordinal_suffixes=frozenset(union("number_words.toml", "digit_suffixes", "hyphen_ordinal")),
        hyphen_decade_suffixes=frozenset(union("number_words.toml", "digit_suffixes", "hyphen_decade")),
        decade_years=frozenset(union("number_words.toml", "digit_suffixes", "decade_years")),
        celsius=frozenset(union("units.toml", "degrees", "celsius")),
        fahrenheit=frozenset(union("units.toml", "degrees", "fahrenheit")),
        dotted_currencies=frozenset(union("currencies.toml", "abbreviations", "dotted")),
        hour_marks=tuple(union("clock.toml", "hour_marks")),
        pm_after=tuple(union("clock.toml", "pm_after")),
        pm_joiners=tuple(union("clock.toml", "pm_joiners")),
        ampm_joiners=tuple(union("clock.toml", "ampm_joiners")),
    )


def alternatives(phrases: list[str] | tuple[str, ...], gap: str = r"\s+") -> str:
    """A regex alternation of `phrases`, longest first, their words joined by `gap`."""
    return "|".join(gap.join(re.escape(part) for part in ph.split())
                    for ph in sorted(phrases, key=len, reverse=True))


@cache
def lexicon(lang: str) -> Lexicon:
    """The cached figure vocabulary of `lang` (en, uk or ru)."""
    if lang not in LANGS:
        raise InputError(f"figures: unsupported language '{lang}' (expected one of {', '.join(LANGS)})")
    base = ("lang", lang)
    numbers = load_toml(*base, "numbers.toml")
    words = load_toml(*base, "number_words.toml")
    months = load_toml(*base, "months.toml")
    cardinals, ordinals = _counting_words(numbers, words)
    return Lexicon(
        lang=lang,
        **_number_fields(numbers, words, cardinals, ordinals, months),
        **_month_fields(months),
        **_unit_fields(load_toml(*base, "units.toml"), load_toml(*base, "currencies.toml"),
                       load_toml(*base, "percent.toml")),
        **_hedge_fields(load_toml(*base, "hedges.toml")),
    )


def _counting_words(numbers: dict, words: dict) -> tuple[dict[str, float], dict[str, float]]:
    """Cardinal and ordinal words -> value, with the forms of one, first and second."""
    cardinals = {norm_word(k): float(v) for k, v in numbers["cardinals"].items()}
    ordinals = {norm_word(k): float(v) for k, v in numbers["ordinals"].items()}
    # uk/ru list "one", "first" and "second" only in number_words.toml; they still count inside
    # compounds (uk "dvadtsiat pershyi" = 21st, "odyn milion").
    for word in words.get("ordinal_one", []):
        ordinals.setdefault(norm_word(word), 1.0)
    for word in words.get("ordinal_two", []):
        ordinals.setdefault(norm_word(word), 2.0)
    for word in words.get("not_alone", []):
        w = norm_word(word)
        if w not in ordinals:
            cardinals.setdefault(w, 1.0)
    return cardinals, ordinals


def _number_fields(numbers: dict, words: dict, cardinals: dict[str, float], ordinals: dict[str, float],
                   months: dict) -> dict:
    genitive = words.get("genitive_singular", {})
    suffixes = words.get("digit_suffixes", {})
    ranges = words.get("ranges", {})
    endings = tuple(words.get("compound_prefixes", {}).get("endings", []))
    return dict(
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
        century_words=frozenset(norm_word(w) for w in words.get("roman", {}).get("century_words", [])),
        roman_between=frozenset(words.get("roman", {}).get("between", [])),
        name_before_regex=_name_before(words.get("names", {}).get("before", [])),
        compound_prefixes=_compound_prefixes(cardinals, endings) if endings else {},
        number_words=frozenset(cardinals) | frozenset(ordinals),
        triggers=frozenset(cardinals) | frozenset(ordinals) | frozenset(norm_word(k) for k in numbers["scales"])
        | frozenset(norm_word(k) for k in words.get("fractions", {})) | frozenset(norm_word(k) for k in months["months"])
        | frozenset(words.get("unit_article", [])),
        genitive_singular=frozenset(norm_word(w) for w in genitive.get("forms", [])),
        genitive_after=frozenset(norm_word(w) for w in genitive.get("after", [])),
        scale_needs_count=bool(words.get("scale_needs_count", False)),
        fraction_ordinals=frozenset(words.get("fraction_ordinals", [])),
        glued_ordinal_suffixes=frozenset(suffixes.get("glued_ordinal", [])),
        range_words=frozenset(ranges.get("words", [])),
        range_starts=frozenset(ranges.get("starts", [])),
        range_open_words=frozenset(ranges.get("open", [])),
    )


def _month_fields(months: dict) -> dict:
    month_adjectives = tuple(sorted(((norm_word(k), int(v)) for k, v in months.get("adjective_stems", {}).items()),
                                    key=lambda sv: -len(sv[0])))
    if any(not _LETTERS.fullmatch(stem) for stem, _ in month_adjectives):
        raise ValueError("months.toml: [adjective_stems] are letters only (see Lexicon.has_month_adjective)")
    month_adjective_regex = re.compile(
        "|".join(re.escape(s) for s, _ in month_adjectives)
    ) if month_adjectives else None
    return dict(
        months={norm_word(k): int(v) for k, v in months["months"].items()},
        ambiguous_months=frozenset(months.get("ambiguous", [])),
        month_alone_after=frozenset(months.get("month_alone_after", [])),
        month_adjectives=month_adjectives,
        month_adjective_regex=month_adjective_regex,
    )


def _unit_fields(units: dict, currencies: dict, percent: dict) -> dict:
    unit_forms = {norm_word(k): v for k, v in units.get("forms", {}).items()}
    currency_words = {norm_word(k): v for k, v in currencies.get("words", {}).items()}
    currency_stems = {norm_word(k): v for k, v in currencies.get("stems", {}).items()}
    unit_stems = {norm_word(k): v for k, v in units.get("stems", {}).items()}
    percent_words = [norm_word(w) for w in percent["words"]]
    # Entries of more than one word are matched on the raw text right after the number.
    multi = [w for w in list(unit_forms) + list(currency_words) + list(currency_stems)
             + list(unit_stems) + percent_words if " " in w or "/" in w]
    multiword_after = re.compile(rf"\s*(?P<w>{alternatives(multi) or r'(?!x)x'})", re.IGNORECASE)
    return dict(
        unit_forms={k: v for k, v in unit_forms.items() if " " not in k and "/" not in k},
        unit_forms_cased=dict(units.get("case_sensitive", {})),
        unit_stems=_by_length({k: v for k, v in unit_stems.items() if " " not in k}),
        currency_symbols=dict(currencies.get("symbols", {})),
        currency_codes=frozenset(currencies.get("codes", [])),
        currency_words={k: v for k, v in currency_words.items() if " " not in k},
        currency_stems=_by_length({k: v for k, v in currency_stems.items() if " " not in k}),
        dollar_qualifiers=_by_length({norm_word(k): v for k, v in currencies.get("dollar_qualifiers", {}).items()}),
        percent_words=frozenset(w for w in percent_words if " " not in w),
        percent_stems=tuple(norm_word(s) for s in percent.get("stems", []) if " " not in s),
        multiword_after=multiword_after,
    )


def _hedge_fields(hedges: dict) -> dict:
    hedge_table = {norm_word(k): v for k, v in hedges["hedges"].items()}
    # A short preposition may stand between hedge and number: uk "pryblyzno za 15 myl",
    # ru "primerno v 12:00", "about at 10".
    preps = "|".join(re.escape(p) for p in hedges.get("prepositions", []))
    gap = rf"(?:\s+(?:{preps}))?" if preps else ""
    hedge_regex = re.compile(rf"(?:^|[^\w'])(?P<hedge>{alternatives(list(hedge_table))}){gap}\s*$", re.IGNORECASE)
    duration = hedges.get("duration", {})
    return dict(
        hedge_regex=hedge_regex,
        hedges=hedge_table,
        hedge_not_after={norm_word(k): tuple(norm_word(s) for s in v)
                         for k, v in hedges.get("not_after", {}).items()},
        duration_hedges=frozenset(norm_word(w) for w in duration.get("hedges", [])),
        duration_units=frozenset(duration.get("units", [])),
        until_hedges=tuple(norm_word(w) for w in hedges.get("until", {}).get("starts", [])),
    )


def _name_before(phrases: list[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alt = "|".join(r"\s+".join(re.escape(p) for p in ph.split()) for ph in phrases)
    return re.compile(rf"(?:{alt})\s*$", re.IGNORECASE)


def _compound_prefixes(cardinals: dict[str, float],
                       endings: tuple[str, ...]) -> dict[str, tuple[tuple[str, float], ...]]:
    """Genitive-like cardinal forms (ending in one of `endings`) that start compound adjectives
    (uk "chotyrokhmisiachni", ru "piatiletnii"), grouped by their first three letters for a
    quick lookup."""
    groups: dict[str, list[tuple[str, float]]] = {}
    for form, value in cardinals.items():
        if len(form) >= 3 and value >= 2 and form.endswith(endings):
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
