"""Sentence splitting for en, uk and ru news text.

Public interface:
    split_sentences(text: str, lang: str) -> list[Sentence]
        Paragraph breaks (blank lines) are hard boundaries; Sentence.index is 0-based in
        document order; start/end are offsets into `text`; line is the 1-based line where the
        sentence starts; paragraph is the 0-based paragraph number.
    split_lines(text: str) -> list[Sentence]
        `--segmented` input: line i (0-based) is sentence i; blank lines keep their number but
        produce no Sentence.
    splitter_signature(lang: str) -> Signature
        What shaped the split, for the report signature: "split:rules-v1|lang:uk|data:<digest>".

The splitter is plain Python rules over per-language data (data/lang/*/abbreviations.txt,
sentence_starters.txt); docs/bench/split.md has the measurements that chose it.
"""

from align.segmenting.splitter import split_lines, split_sentences, splitter_signature

__all__ = ["split_lines", "split_sentences", "splitter_signature"]
