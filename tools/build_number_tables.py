"""Regenerate data/lang/{uk,ru}/numbers.toml: every inflected form of the number words.

Run `python -m tools.build_number_tables` after editing the lemma lists below. pymorphy3 is
used only here, at build time: at run time the extractor does plain dictionary lookups, which
are both faster and more precise (pymorphy guesses, e.g. "сорок" as the bird "сорока").
"""

from __future__ import annotations

import sys

from align.resources import lang_path
from align.textio import write_atomic

# lemma -> value; the parse whose POS is in the given set is expanded to its lexeme.
CARDINALS = {
    "uk": {
        "нуль": 0, "два": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7, "вісім": 8,
        "дев'ять": 9, "десять": 10, "одинадцять": 11, "дванадцять": 12, "тринадцять": 13,
        "чотирнадцять": 14, "п'ятнадцять": 15, "шістнадцять": 16, "сімнадцять": 17,
        "вісімнадцять": 18, "дев'ятнадцять": 19, "двадцять": 20, "тридцять": 30, "сорок": 40,
        "п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90,
        "сто": 100, "двісті": 200, "триста": 300, "чотириста": 400, "п'ятсот": 500,
        "шістсот": 600, "сімсот": 700, "вісімсот": 800, "дев'ятсот": 900,
        "двоє": 2, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
        "дев'ятеро": 9, "десятеро": 10, "одинадцятеро": 11,
    },
    "ru": {
        "ноль": 0, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
        "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
        "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
        "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
        "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90,
        "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
        "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
        "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7,
        "восьмеро": 8, "девятеро": 9, "десятеро": 10,
    },
}
# Forms pymorphy's lexemes miss or mis-assign.
EXTRA_CARDINALS = {
    "uk": {"троє": 3, "трьох": 3, "трьома": 3, "трьом": 3, "двоє": 2, "сорока": 40, "ста": 100,
           "стам": 100, "стами": 100, "стах": 100, "дев'яноста": 90, "обидва": 2, "обидві": 2,
           "обох": 2, "трійко": 3},
    "ru": {"сорока": 40, "ста": 100, "стам": 100, "стами": 100, "стах": 100, "девяноста": 90,
           "троих": 3, "троим": 3, "троими": 3, "оба": 2, "обе": 2, "обоих": 2, "обеих": 2},
}
# Not kept: "обидва"/"оба" mean "both", which English rarely spells as a number.
# "семью" is also "family" (accusative), far more common than "by seven".
# uk "сьома" (instrumental of "сім") is far more often the ordinal "seventh" (feminine).
DROP_CARDINALS = {"uk": {"обидва", "обидві", "обох", "трійко", "сьома"},
                  "ru": {"оба", "обе", "обоих", "обеих", "семью"}}

ORDINALS = {
    "uk": {
        "третій": 3, "четвертий": 4, "п'ятий": 5, "шостий": 6, "сьомий": 7, "восьмий": 8,
        "дев'ятий": 9, "десятий": 10, "одинадцятий": 11, "дванадцятий": 12, "тринадцятий": 13,
        "чотирнадцятий": 14, "п'ятнадцятий": 15, "шістнадцятий": 16, "сімнадцятий": 17,
        "вісімнадцятий": 18, "дев'ятнадцятий": 19, "двадцятий": 20, "тридцятий": 30,
        "сороковий": 40, "п'ятдесятий": 50, "шістдесятий": 60, "сімдесятий": 70,
        "вісімдесятий": 80, "дев'яностий": 90, "сотий": 100, "тисячний": 1000,
        "мільйонний": 1000000,
    },
    "ru": {
        "третий": 3, "четвёртый": 4, "пятый": 5, "шестой": 6, "седьмой": 7, "восьмой": 8,
        "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12, "тринадцатый": 13,
        "четырнадцатый": 14, "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17,
        "восемнадцатый": 18, "девятнадцатый": 19, "двадцатый": 20, "тридцатый": 30,
        "сороковой": 40, "пятидесятый": 50, "шестидесятый": 60, "семидесятый": 70,
        "восьмидесятый": 80, "девяностый": 90, "сотый": 100, "тысячный": 1000,
        "миллионный": 1000000,
    },
}
# "п'ята" is also "heel", "сота" "honeycomb": rare in news, kept.
# Counting nouns are scales too: "сотню ракет" = 100, "дві сотні" = 200, "дюжину" = 12,
# "два десятки" = 20. Their plurals alone are vague amounts (number_words.toml).
SCALES = {
    "uk": {"тисяча": 1e3, "мільйон": 1e6, "мільярд": 1e9, "трильйон": 1e12,
           "сотня": 100, "дюжина": 12, "десяток": 10},
    "ru": {"тысяча": 1e3, "миллион": 1e6, "миллиард": 1e9, "триллион": 1e12,
           "сотня": 100, "дюжина": 12, "десяток": 10},
}
EXTRA_SCALES = {"uk": {"тисячі": 1e3}, "ru": {"тыщ": 1e3}}

POS = {"cardinal": {"NUMR", "NOUN"}, "ordinal": {"ADJF"}, "scale": {"NOUN"}}


def _forms(morph, lemma: str, pos: set[str]) -> set[str]:
    forms = {lemma}
    for parse in morph.parse(lemma):
        if parse.tag.POS in pos and parse.normal_form.replace("ё", "е") == lemma.replace("ё", "е"):
            forms |= {p.word for p in parse.lexeme}
            break
    else:
        parse = next((p for p in morph.parse(lemma) if p.tag.POS in pos), None)
        if parse is not None:
            forms |= {p.word for p in parse.lexeme}
    return {f.replace("ё", "е") for f in forms}


def _toml_table(name: str, table: dict[str, float]) -> str:
    lines = [f"[{name}]"]
    for word in sorted(table, key=lambda w: (table[w], w)):
        value = table[word]
        text = str(int(value)) if float(value).is_integer() else repr(value)
        lines.append(f'"{word}" = {text}')
    return "\n".join(lines)


def build(lang: str) -> str:
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer(lang=lang)
    cardinals: dict[str, float] = {}
    for lemma, value in CARDINALS[lang].items():
        for form in _forms(morph, lemma, POS["cardinal"]):
            cardinals.setdefault(form, value)
    cardinals.update(EXTRA_CARDINALS[lang])
    for word in DROP_CARDINALS[lang]:
        cardinals.pop(word, None)
    ordinals: dict[str, float] = {}
    for lemma, value in ORDINALS[lang].items():
        for form in _forms(morph, lemma, POS["ordinal"]):
            ordinals.setdefault(form, value)
    scales: dict[str, float] = {}
    for lemma, value in SCALES[lang].items():
        for form in _forms(morph, lemma, POS["scale"]):
            scales.setdefault(form, value)
    scales.update(EXTRA_SCALES[lang])
    # A scale word must never be read as a cardinal (pymorphy lexemes overlap: "сорока").
    for word in scales:
        cardinals.pop(word, None)
    header = (
        f"# {lang} number words, every inflected form (apostrophes as ', ё as е).\n"
        "# Generated by `python -m tools.build_number_tables` from the lemma lists there;\n"
        "# edit those lists, not this file. Hand-kept data is in number_words.toml.\n"
    )
    return header + "\n\n".join(
        [_toml_table("cardinals", cardinals), _toml_table("ordinals", ordinals),
         _toml_table("scales", scales)]
    ) + "\n"


def main() -> None:
    for lang in sys.argv[1:] or ["uk", "ru"]:
        write_atomic(lang_path(lang, "numbers.toml"), build(lang))
        print(f"wrote {lang_path(lang, 'numbers.toml')}")


if __name__ == "__main__":
    main()
