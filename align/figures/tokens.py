"""Tokens of a text for the figure pass: digit runs, words and single symbols, with offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.figures.lexicon import norm_text, norm_word

SPACES = "\u0020\u00a0\u202f\u2009"
# A digit run: grouped thousands (32,000 / 32 000 with any space) or a plain run with . , :
_NUM = (
    rf"\d{{1,3}}(?:(?:[{SPACES}]|,(?=\d{{3}}(?!\d)))\d{{3}}(?!\d))+(?:[.,]\d+)?(?![.,]?\d)"
    r"|\d+(?:[.,:]\d+)*"
)
TOKEN_RE = re.compile(rf"(?P<num>{_NUM})|(?P<word>[^\W\d_]+(?:['’ʼ][^\W\d_]+)*)|(?P<sym>\S)")
WORDS_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
HAS_DIGIT = re.compile(r"\d")
DASHES = {"-", "–", "—", "‒"}
HYPHENS = {"-", "‐", "‑"}


@dataclass(slots=True)
class Tok:
    kind: str  # num | word | sym
    text: str
    start: int
    end: int
    norm: str = ""


def tokenize(text: str) -> tuple[list[Tok], str]:
    """The tokens of `text` and its normalised form (see lexicon.norm_text); a word token
    carries its normalised lookup key."""
    normed = norm_text(text)
    same_length = len(normed) == len(text)
    toks: list[Tok] = []
    for m in TOKEN_RE.finditer(text):
        kind = m.lastgroup or "sym"
        start, end = m.span()
        word = m.group()
        if kind == "word":
            # lower() may change a length ("İ" -> "i̇"); then the slice would be off
            norm = normed[start:end] if same_length else norm_word(word)
        else:
            norm = ""
        toks.append(Tok(kind, word, start, end, norm))
    return toks, normed
