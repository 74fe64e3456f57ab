"""Rule-based sentence splitter for en, uk and ru news text.

Three levels, from hard to soft:
1. Paragraphs (blank lines) are always boundaries.
2. Line breaks inside a paragraph are boundaries before list items and after headline or
   dateline lines; a line break inside hard-wrapped running text is only a space.
3. Inside running text a boundary is a terminal mark (. ! ? … ...), optionally followed by
   closing quotes or brackets, then whitespace and a capitalised word. A period after an
   abbreviation, an initial or a dotted acronym is judged by the abbreviation's class
   (data/lang/{lang}/abbreviations.txt). A quotation of several sentences followed by its
   attribution («…. …», – skazav vin, "he said") stays one sentence, as translators render it.

Offsets always point into the caller's text, so figures and names found later map back to
the input file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from align.model import Sentence
from align.segmenting.rules import SplitterRules, load_rules
from align.signature import Signature

SPLITTER_VERSION = "1"

# Letters of the alphabets of align.lang (Latin; Cyrillic A-Ya with Yo, and the Ukrainian
# I, Yi, Ye and Ge), both cases.
_LETTER = r"A-Za-z\u0410-\u042f\u0430-\u044f\u0401\u0451\u0406\u0456\u0407\u0457\u0404\u0454\u0490\u0491"
_CLOSERS = "\"'»”“’)]›"
_OPENERS = "\"'«„“‘([‹"
_DASHES = "-–—"
_CURRENCY_SIGNS = "$€£₴₽"
# A terminal mark run (". ", "?!", "...", "…"), closing quotes/brackets, then whitespace.
_CANDIDATE = re.compile(r"(?P<punct>[.!?…]+)(?P<close>[" + re.escape(_CLOSERS) + r"]*)(?=\s)")
# List markers stripped from the sentence: bullets and "1." / "1)" numbering.
_LIST_MARKER = re.compile(r"[ \t]*(?:[-•*·▪●◦‣]|\d{1,3}[.)]|\(\d{1,3}\))[ \t]+(?=\S)")
# Dash-led lines (lists, dialogue, quoted replies) start a new sentence but keep the dash.
_DASH_LINE = re.compile(r"[ \t]*[–—][ \t]+\S")
_WORD = re.compile(r"[\w’'-]+")
_INITIAL = re.compile(r"[A-Z\u0410-\u042f\u0401\u0406\u0407\u0404\u0490]")
_DOTTED_ACRONYM = re.compile(r"(?:[" + _LETTER + r"]\.){2,}")
_NUMBER = re.compile(r"[\d.,–-]*\d|[IVXLCDM]+(?:[–-][IVXLCDM]+)?")
_TERMINAL_END = re.compile(r"[.!?…][" + re.escape(_CLOSERS) + r"]*$")
# After a closing quote: an optional comma or period-less attribution, then the next word.
_ATTRIBUTION = re.compile(r"(?P<link>,?\s*[–—-]|,)?\s*(?P<word>\w)")
_SOFT_END = re.compile(r"[,;(]$|[" + _LETTER + r"]-$")

# A line at least this long (and near the paragraph's widest) is taken as hard-wrapped text.
_WRAP_MIN_CHARS = 50
_WRAP_RATIO = 0.75
# After an `after_number` or `ambiguous` abbreviation, a sentence of this many words or fewer
# is taken as not finished (ru "V 2024 g. Putin ...", "U.S. President ...").
_SHORT_PREFIX_WORDS = 2
# A quotation kept whole with its attribution is at most this long; longer ones are split
# like running text (this also keeps the quote look-ups linear in the text's length).
_MAX_QUOTATION_CHARS = 1500
# No news sentence is this long: a longer one is a text without sentence ends (a table
# flattened to one line, a paste without punctuation). It is cut at clause marks or spaces
# into pieces of at most _CUT_CHARS so alignment and translation get units they can handle.
MAX_SENTENCE_CHARS = 2000
_CUT_CHARS = 1000
_CUT_AT = re.compile(r"[;:,)»”]\s+|\s+[–—]\s+|\s+")


def splitter_signature(lang: str) -> Signature:
    """Every setting that shapes the split, sacrebleu style: rules version and data digest."""
    return Signature.of(("split", f"rules-v{SPLITTER_VERSION}"), ("lang", lang),
                        ("data", load_rules(lang).fingerprint), ("cut", f"{MAX_SENTENCE_CHARS}/{_CUT_CHARS}"))


def _lines(text: str) -> Iterator[tuple[int, int, int]]:
    """(0-based line number, start, end) of every line, end excluding the newline."""
    pos = 0
    for number, line in enumerate(text.split("\n")):
        yield number, pos, pos + len(line)
        pos += len(line) + 1


def _paragraphs(text: str) -> list[list[tuple[int, int, int]]]:
    """Runs of non-blank lines."""
    paragraphs: list[list[tuple[int, int, int]]] = []
    current: list[tuple[int, int, int]] = []
    for number, start, end in _lines(text):
        if text[start:end].strip():
            current.append((number, start, end))
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def _first_letter(text: str) -> str:
    for ch in text:
        if ch.isalnum():
            return ch
    return ""


def _hard_line_break(prev: str, nxt: str, width: int) -> bool:
    """Whether the newline between two lines of one paragraph ends a sentence by itself."""
    if _LIST_MARKER.match(nxt):
        return True
    prev = prev.rstrip()
    # A short line (headline, dateline, byline) ends where it ends; a long one near the
    # paragraph's width is hard-wrapped running text, and the sentence rules decide.
    wrapped = len(prev) >= max(_WRAP_MIN_CHARS, _WRAP_RATIO * width)
    if _DASH_LINE.match(nxt):
        # a dash-led line is a list item or a reply, unless wrapping broke a sentence before
        # its dash ("January 2, 2024\n– another attack")
        return not wrapped or bool(_TERMINAL_END.search(prev) or prev.endswith(":"))
    if _first_letter(nxt).islower() or _SOFT_END.search(prev):
        return False
    return not wrapped


def _chunks(text: str, paragraph: list[tuple[int, int, int]]) -> Iterator[tuple[int, int]]:
    """Spans of a paragraph between hard line breaks."""
    width = max(end - start for _, start, end in paragraph)
    chunk_start = paragraph[0][1]
    for (_, start, end), (_, next_start, next_end) in zip(paragraph, paragraph[1:], strict=False):
        if _hard_line_break(text[start:end], text[next_start:next_end], width):
            yield chunk_start, end
            chunk_start = next_start
    yield chunk_start, paragraph[-1][2]


def _next_word(chunk: str, pos: int) -> str:
    """The word that starts after `pos`, skipping whitespace, opening quotes and dashes."""
    n = len(chunk)
    while pos < n and (chunk[pos].isspace() or chunk[pos] in _OPENERS or chunk[pos] in _DASHES):
        pos += 1
    m = _WORD.match(chunk, pos)
    return m.group(0) if m else chunk[pos:pos + 1]


def _preceding_tokens(chunk: str, end: int, count: int) -> list[str]:
    """Up to `count` whitespace-separated tokens ending at `end`, nearest last."""
    tokens = chunk[max(0, end - 40):end].split()
    return tokens[-count:]


def _abbreviation(chunk: str, dot: int, rules: SplitterRules) -> tuple[str | None, int]:
    """Class of the abbreviation whose period is at `dot`, and how many tokens it spans."""
    tokens = _preceding_tokens(chunk, dot + 1, rules.longest_parts + 1)
    if not tokens:
        return None, 0
    tokens[0] = tokens[0].lstrip(_OPENERS)
    for parts in range(min(rules.longest_parts, len(tokens)), 0, -1):
        key = "".join(tokens[-parts:]).lstrip(_OPENERS)
        found = rules.abbreviation_class(key)
        if found is not None:
            return found, parts
    word = tokens[-1].lstrip(_OPENERS)
    if _INITIAL.fullmatch(word[:-1]):
        return "initial", 1  # V. Zelenskyi, J. Stoltenberg; rarely "Plan B. The ..."
    if _DOTTED_ACRONYM.fullmatch(word):
        return "ambiguous", 1  # an unlisted dotted acronym behaves like U.S.
    return None, 1


def _is_boundary(chunk: str, m: re.Match[str], sentence_start: int, rules: SplitterRules) -> bool:
    """Whether the terminal mark matched by `m` ends a sentence."""
    word = _next_word(chunk, m.end())
    if not word:
        return False
    first = word[0]
    if first in _CURRENCY_SIGNS:
        first = "0"  # "$61 billion was approved." starts like a number
    if first.islower():
        return False
    if not (first.isupper() or first.isdigit()):
        return False
    punct, close = m.group("punct"), m.group("close")
    if punct != "." or close:
        return True
    kind, parts = _abbreviation(chunk, m.start(), rules)
    if kind is None:
        return True
    if kind == "title":
        return False
    if kind == "initial":
        # a surname never is a common sentence starter; a one-letter word may be the next
        # initial (V. O. Zelenskyi), so only longer starters end the sentence
        return len(word) > 1 and word in rules.starters
    if kind == "number":
        return not first.isdigit() and first.isupper()
    before = _preceding_tokens(chunk, m.start() + 1, parts + 1)
    prefix_words = len(chunk[sentence_start:m.start() + 1].split()) - parts
    if kind == "after_number":
        if len(before) <= parts or not _NUMBER.fullmatch(before[0].lstrip(_OPENERS)):
            return False  # ru g. Kiev, uk m. Kyiv, r. Dnipro (city, river)
        return first.isupper() and prefix_words > _SHORT_PREFIX_WORDS
    if kind == "end":
        # uk "1,5 mlrd dol. SShA" (1.5 bn US dollars): an acronym after a unit or currency
        # usually qualifies it
        return first.isupper() and not (len(word) > 1 and word.isupper())
    # ambiguous: U.S., a.m., Inc. are mostly followed by a name, rarely by a new sentence
    return word in rules.starters and prefix_words > _SHORT_PREFIX_WORDS


def _open_quote(chunk: str, start: int, end: int, quote_pairs: tuple[tuple[str, str], ...]) -> str | None:
    """The closing quote still awaited at `end` for a quote opened since `start`, if any;
    straight double quotes are paired by parity."""
    span = chunk[start:end]
    if span.count('"') % 2:
        return '"'
    for opener, closer in quote_pairs:
        if span.count(opener) > span.count(closer):
            return closer
    return None


def _quote_goes_on(chunk: str, pos: int, closer: str) -> bool:
    """Whether the quote open at `pos` closes into the same sentence: «..., – skazav vin."""
    at = chunk.find(closer, pos, pos + _MAX_QUOTATION_CHARS)
    if at < 0:
        return False
    after = _ATTRIBUTION.match(chunk, at + 1)
    if not after:
        return False
    # a comma or dash at the quote's end ("...everyone," Zelenskyy said; «...», – skazav)
    # or a lower-case word after it carries the sentence on
    return chunk[at - 1] == "," or bool(after.group("link")) or after.group("word").islower()


def _split_chunk(chunk: str, rules: SplitterRules) -> Iterator[tuple[int, int]]:
    """(start, end) spans of sentences in a chunk of running text, untrimmed."""
    start = 0
    marker = _LIST_MARKER.match(chunk)
    if marker:
        start = marker.end()
    for m in _CANDIDATE.finditer(chunk, start):
        if not _is_boundary(chunk, m, start, rules):
            continue
        # A quotation of several sentences followed by its attribution is one sentence, as
        # translators render it: «My peremozhemo. Usi razom», – skazav vin.
        closer = None
        if not m.group("close") and m.start() - start < _MAX_QUOTATION_CHARS:
            closer = _open_quote(chunk, start, m.start(), rules.quote_pairs)
        if closer is None or not _quote_goes_on(chunk, m.end(), closer):
            yield start, m.end()
            start = m.end()
    yield start, len(chunk)


def _cut(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of an over-long sentence, each at most _CUT_CHARS long, cut in the
    second half of the window at the last clause mark, else the last space, else hard."""
    while end - start > _CUT_CHARS:
        marks = spaces = None
        for m in _CUT_AT.finditer(text, start + _CUT_CHARS // 2, start + _CUT_CHARS):
            if m.group().strip():
                marks = m
            else:
                spaces = m
        chosen = marks or spaces
        if chosen is None:
            cut_end = next_start = start + _CUT_CHARS
        else:
            cut_end, next_start = chosen.start() + len(chosen.group().rstrip()), chosen.end()
        yield start, cut_end
        start = next_start
    if end > start:
        yield start, end


def split_sentences(text: str, lang: str, notes: list[str] | None = None) -> list[Sentence]:
    """Sentences of `text` in order; blank lines are hard boundaries.

    A "sentence" longer than MAX_SENTENCE_CHARS is cut into pieces, and a one-line note on it
    is appended to `notes` when given. Raises InputError for a language without splitter data.
    """
    rules = load_rules(lang)
    line_starts = [start for _, start, _ in _lines(text)]
    sentences: list[Sentence] = []
    for paragraph_number, paragraph in enumerate(_paragraphs(text)):
        for chunk_start, chunk_end in _chunks(text, paragraph):
            chunk = text[chunk_start:chunk_end]
            for start, end in _split_chunk(chunk, rules):
                piece = chunk[start:end]
                stripped = piece.strip()
                if not stripped:
                    continue
                begin = chunk_start + start + (len(piece) - len(piece.lstrip()))
                pieces = [(begin, begin + len(stripped))]
                if len(stripped) > MAX_SENTENCE_CHARS:
                    pieces = list(_cut(text, begin, begin + len(stripped)))
                    if notes is not None:
                        notes.append(f"{lang}: line {bisect_right(line_starts, begin)} has a sentence of "
                                     f"{len(stripped):,} characters with no sentence end; cut into "
                                     f"{len(pieces):,} pieces of at most {_CUT_CHARS:,} characters")
                for piece_start, piece_end in pieces:
                    sentences.append(Sentence(
                        index=len(sentences),
                        text=text[piece_start:piece_end],
                        start=piece_start,
                        end=piece_end,
                        line=bisect_right(line_starts, piece_start),
                        paragraph=paragraph_number,
                    ))
    return sentences


def split_lines(text: str) -> list[Sentence]:
    """`--segmented` input: line i (0-based) is sentence i; blank lines give no Sentence."""
    sentences: list[Sentence] = []
    paragraph = 0
    previous_blank = False
    seen_text = False
    for number, start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if previous_blank and seen_text:
            paragraph += 1
        previous_blank = False
        seen_text = True
        begin = start + (len(line) - len(line.lstrip()))
        sentences.append(Sentence(index=number, text=stripped, start=begin, end=begin + len(stripped),
                                  line=number + 1, paragraph=paragraph))
    return sentences
