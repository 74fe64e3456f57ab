"""The state of one extraction: a text's tokens, the figures found so far, and how a figure is
recorded with what surrounds it (its hedge, its role, the word it counts)."""

from __future__ import annotations

import re
from bisect import bisect_left

from align.figures.lexicon import Lexicon, SharedWords, lexicon, norm_word, shared_words
from align.figures.roles import Roles, roles
from align.figures.tokens import HYPHENS, WORDS_RE, Tok, tokenize
from align.model import Figure

# A quoted title ("«60 Minutes»", "“Catch-22”"): a number inside is part of a name.
_QUOTED_RE = re.compile(r"«([^«»]{1,40})»|“([^“”]{1,40})[”\"]|„([^„“”]{1,40})[“”]|\"([^\"]{1,40})\"")
_QUOTE_HINT = re.compile(r"[«“„\"]")
_LAST_WORD_RE = re.compile(r"([^\W\d_]+)[^\w]*$")


def _title_spans(text: str) -> list[tuple[int, int]]:
    """Quoted spans that read as a title: a few words, the first of them capitalised, no closing
    punctuation. A quoted "18" or a quoted sentence is no title."""
    spans = []
    for m in _QUOTED_RE.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        words = WORDS_RE.findall(inner)
        if words and len(inner.split()) <= 5 and words[0][0].isupper() and not inner.rstrip().endswith(
                (",", ".", "!", "?", "…")):  # quoted speech ends with its punctuation
            spans.append(m.span())
    return spans


class Scan:
    """One text in one language, its tokens, and the figures recorded so far (each span once)."""

    def __init__(self, text: str, lang: str, details: bool = True) -> None:
        self.text = text
        self.lang = lang
        self.details = details  # False: keys only, no hedge, role or context (see add)
        self.lex: Lexicon = lexicon(lang)
        self.shared: SharedWords = shared_words()
        self.toks: list[Tok]
        self.toks, normed = tokenize(text)
        self.figures: list[Figure] = []
        self.taken: list[tuple[int, int]] = []
        self.roles: Roles = roles(lang)
        self.starts = [t.start for t in self.toks]
        # Quoted titles only give a figure its role (see add).
        self.quotes = _title_spans(text) if details and _QUOTE_HINT.search(text) else []
        self.month_adjectives = self.lex.has_month_adjective(normed)

    # -- tokens -------------------------------------------------------------------------------
    def covered(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.taken)

    def word(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) and self.toks[i].kind == "word" else ""

    def adjacent(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.toks) and 0 <= j < len(self.toks) and self.toks[i].end == self.toks[j].start

    def index_at(self, pos: int, start: int) -> int:
        """Index of the first token starting at or after `pos`, searching from `start`."""
        return bisect_left(self.starts, pos, lo=min(start, len(self.starts)))

    def unit_word(self, norm: str, raw: str) -> str | None:
        lex = self.lex
        if lex.lang == "en" and norm in ("m", "g", "t", "h") and raw not in lex.unit_forms_cased:
            return None
        return lex.unit_of(norm, raw)

    def label_at(self, j: int) -> bool:
        return 0 <= j < len(self.toks) and self.toks[j].kind == "word" and self.roles.is_label(self.toks[j].norm)

    def label_after(self, j: int) -> bool:
        """A label noun at j, after a hyphen ("second-wave") or after one more word ("the first
        study group")."""
        if self.label_at(j):
            return True
        if j < len(self.toks) and (self.toks[j].kind == "word" or self.toks[j].text in HYPHENS):
            return self.label_at(j + 1)
        return False

    # -- what surrounds a figure --------------------------------------------------------------
    def _role_around(self, kind: str, start: int, end: int, next_index: int, value: tuple[float, ...]) -> str:
        """The role a plain number takes from its neighbours: "title" inside quotes or before a
        capitalised unit ("60 Minutes"), "label" next to a noun it names ("group I",
        ru "1-ya gruppa", "the first group")."""
        if any(qs < start and end < qe for qs, qe in self.quotes):
            return "title"
        if kind not in ("number", "ordinal", "unit") or not value:
            return ""
        last = self.index_at(end, 0) - 1
        if self.lang == "en" and kind == "unit" and 0 <= last < len(self.toks) and start > 0:
            word = self.toks[last].text
            if len(word) >= 4 and word.isalpha() and word[0].isupper() and word[1:].islower() \
                    and word not in self.lex.unit_forms_cased:
                return "title"  # "60 Minutes", "24 Hours": a unit written as a title word
        if kind == "unit":
            return ""
        small = value[0] == int(value[0]) and 0 < value[0] <= 12
        if small and self.label_at(self.index_at(start, 0) - 1):
            return "label"  # "group 1", "Group One", ru "gruppa II"
        if (self.label_after(next_index) if kind == "ordinal" else self.label_at(next_index)) and (
                kind == "ordinal" or (small and self.lang != "en")):
            return "label"  # "the first group", ru "1-ya gruppa", "2 gruppy"
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
                return None, ""  # uk "zroste do 2,5 mlrd" = "will rise to", not "up to"
        return self.lex.hedges[key], written

    def _context(self, i: int) -> str:
        """The noun a figure counts, shown in messages: the first word after it, past a few
        function words ("20 miles", "20 of the miles"); none after a preposition ("20 from")."""
        skip, stop = self.shared.context_skip, self.shared.context_stop
        seen = 0
        while i < len(self.toks) and seen < 3:
            tok = self.toks[i]
            if tok.kind == "word":
                if tok.norm in skip:
                    seen += 1
                    i += 1
                    continue
                if tok.norm in stop:
                    return ""
                return tok.text if len(tok.text) > 2 else ""
            if tok.kind == "num" or tok.text in ".,;:!?()\"«»":
                return ""
            i += 1
        return ""

    def add(self, kind: str, key: str, start: int, end: int, value: tuple[float, ...] = (),
            unit: str | None = None, next_index: int = -1, hedge: bool = True, role: str = "") -> None:
        """Record a figure over text[start:end] unless a figure already covers part of it."""
        if self.covered(start, end):
            return
        if not self.details:
            # What the aligner reads: the key (and where it stands); hedge, role and context
            # take a third of the time of a figure and change no key.
            self.figures.append(Figure(kind=kind, key=key, text=self.text[start:end], start=start, end=end,
                                       value=value, unit=unit, role=role))
            self.taken.append((start, end))
            return
        if not role:
            role = self._role_around(kind, start, end, next_index, value)
        hedge_name, hedge_text = self._hedge(start, unit) if hedge else (None, "")
        if hedge_name == "up_to" and norm_word(hedge_text).startswith(self.lex.until_hedges) and (
                kind in ("date", "time", "decade")
                or (kind in ("number", "ordinal") and value and 1000 <= value[0] <= 2100 and value[0] == int(value[0]))):
            hedge_name, hedge_text = None, ""  # uk "do 2020 roku" is "by/until 2020", not "up to"
        context = self._context(next_index) if next_index >= 0 else ""
        self.figures.append(Figure(kind=kind, key=key, text=self.text[start:end], start=start, end=end,
                                   value=value, unit=unit, hedge=hedge_name, hedge_text=hedge_text,
                                   context=context, role=role))
        self.taken.append((start, end))
