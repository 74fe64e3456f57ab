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
_SPACED_TOKEN_RE = re.compile(r"(\s*)(?:" + TOKEN_RE.pattern.replace("?P<num>", "").replace("?P<word>", "")
                              .replace("?P<sym>", "") + ")")
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
    append = toks.append
    end = 0
    # Only spaces stand between tokens (any other character is a token), so each token's offset
    # is a running sum; findall's tuples cost far less than a match object per token.
    for space, num, word, sym in _SPACED_TOKEN_RE.findall(text):
        start = end + len(space)
        if word:
            end = start + len(word)
            # lower() may change a length ("I" with a dot -> two characters); then the slice would be off
            append(Tok("word", word, start, end, normed[start:end] if same_length else norm_word(word)))
        elif num:
            end = start + len(num)
            append(Tok("num", num, start, end))
        else:
            end = start + 1
            append(Tok("sym", sym, start, end))
    return toks, normed
