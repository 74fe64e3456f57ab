"""Cheap per-sentence evidence for alignment: numbers, name/cognate skeletons, punctuation,
and the figure/name anchors of align.figures and align.names when those are available.

A feature is a string such as "#1234", "w:zln", "p:?" or "f:70 %"; two sentences that render
each other tend to share features whatever their script. "k:" features (skeleton prefixes of
every word) are not evidence by themselves: they only let anchors find their rendering.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from align.resources import load_toml

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_QUOTES = set("\"“”«»„‟‹›")
_QUOTE = re.compile("[" + re.escape("".join(sorted(_QUOTES))) + "]")
_VOWELS = set("aeiouyj")


def params() -> dict:
    """The aligner's data file (data/lang/alignment.toml)."""
    return load_toml("lang", "alignment.toml")


@lru_cache(maxsize=1)
def _translit_table() -> dict[int, str]:
    table = params()["transliteration"]
    out: dict[int, str] = {}
    for cyr, lat in table.items():
        out[ord(cyr)] = lat
        if cyr.upper() != cyr:
            out[ord(cyr.upper())] = lat
    return out


@lru_cache(maxsize=1)
def _skeleton_rules() -> tuple[tuple[tuple[str, str], ...], dict[int, str]]:
    sk = params()["skeleton"]
    digraphs = tuple(sorted(sk["digraphs"].items(), key=lambda kv: -len(kv[0])))
    classes = {ord(k): v for k, v in sk["classes"].items()}
    return digraphs, classes


def transliterate(text: str) -> str:
    """Lower-case Latin rendering of Cyrillic (and accent-stripped Latin), for comparison only."""
    text = text.lower().translate(_translit_table())
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of a word in either script: Zelenskyy and its Ukrainian and Russian
    genitives -> zlnsk / zlnskh."""
    lat = transliterate(word)
    digraphs, classes = _skeleton_rules()
    for src, dst in digraphs:
        if src in lat:
            lat = lat.replace(src, dst)
    lat = lat.translate(classes)
    out: list[str] = []
    for ch in lat:
        if ch in _VOWELS or not ("a" <= ch <= "z"):
            continue
        if out and out[-1] == ch:  # doubled letters: Dalhousie/Делхаузі, Anna/Ганна
            continue
        out.append(ch)
    return "".join(out)


def normalise_number(token: str) -> str:
    """Digits only, so 1,234 / 1 234 / 1.234 and 1.5 / 1,5 compare equal."""
    return "".join(ch for ch in token if ch.isdigit())


def lexical_features(text: str) -> Counter[str]:
    """Script-independent features of one sentence (numbers, skeleton prefixes, punctuation)."""
    cfg = params()["features"]
    min_len = int(cfg["min_word_length"])
    k = int(cfg["prefix_consonants"])
    feats: Counter[str] = Counter()
    # Cap the scan so that one enormous line costs linear time in a bounded prefix.
    sample = text if len(text) <= 20000 else text[:20000]
    for m in _NUMBER.finditer(sample):
        digits = normalise_number(m.group())
        if digits:
            feats["#" + (digits.lstrip("0")[:12] or "0")] += 1
    first = True
    for m in _WORD.finditer(sample):
        word = m.group()
        capitalised = word[0].isupper() and not first
        first = False
        sk = skeleton(word)
        if len(sk) >= 2:
            # Match keys only (not weighted evidence): lets a name anchor find its rendering
            # among the other side's ordinary words (Sámi / народа саами).
            feats["k:" + sk[:k]] = 1
        if len(word) < min_len and not (capitalised and len(word) >= 3):
            continue
        if len(sk) >= k:
            feats["w:" + sk[:k]] += 1
    if "?" in sample:
        feats["p:?"] += 1
    if "!" in sample:
        feats["p:!"] += 1
    if _QUOTE.search(sample):
        feats["p:q"] += 1
    if "(" in sample:
        feats["p:("] += 1
    return feats


def feature_weight(feature: str) -> float:
    """Base weight of a feature by its kind (before document-frequency damping)."""
    cfg = params()["features"]
    kind = feature[0]
    if kind == "#":
        return float(cfg["number"])
    if kind == "w":
        return float(cfg["word"])
    if kind == "p":
        return float(cfg["punctuation"])
    if kind == "f":
        return float(cfg["figure"])
    return float(cfg["name"])


@dataclass
class AnchorExtractors:
    """The figure and name extractors shared with `align check`, or None where switched off."""

    figures: Callable[[str, str], list] | None = None
    names: Callable[[str, str], list] | None = None
    notes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, use_figures: bool = True, use_names: bool = True) -> AnchorExtractors:
        from align.figures import extract_figures
        from align.names import extract_names

        return cls(figures=extract_figures if use_figures else None, names=extract_names if use_names else None,
                   notes={"figures": "yes" if use_figures else "off", "names": "yes" if use_names else "off"})

    def preload(self, langs: tuple[str, ...] = ("en", "uk", "ru")) -> None:
        """Load what the extractors read lazily (figure tables, pymorphy3 dictionaries, the
        gazetteer, word lists), so that a timed run measures alignment and not start-up."""
        if self.names is not None:
            from align.names import preload

            preload()
        for lang in langs:
            # One short sentence per language reaches the tables the first real one would.
            self.features("Warm up: 1,000 people in Kyiv on 5 May, 12% more.", lang)
        lexical_features("Warm up.")

    def features(self, text: str, lang: str) -> Counter[str]:
        """Figure and name keys of one sentence as features ("f:<key>", "n:<key>")."""
        feats: Counter[str] = Counter()
        sample = text if len(text) <= 20000 else text[:20000]  # a direct caller's huge "sentence"
        if self.figures is not None:
            for fig in self.figures(sample, lang):
                feats["f:" + fig.key] += 1
        if self.names is not None:
            for name in self.names(sample, lang):
                feats["n:" + name.key] += 1
        return feats
