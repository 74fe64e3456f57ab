"""Sentence alignment of two or three versions of a document.

Public interface:
    align_documents(docs: dict[str, Document], source: str = "en", embedder: str | None = "auto")
        -> Alignment
    Alignment: dataclass with `segments: list[Segment]` (text, sentences, confidence filled;
        every sentence of every language exactly once, in order), `signature: str`,
        `warnings: list[str]`.
"""

from align.alignment.aligner import (
    CONFIDENCE_THRESHOLD,
    DOUBT_THRESHOLD,
    Alignment,
    align_documents,
    align_pair,
    merge_pairs,
)
from align.alignment.pairwise import Bead

__all__ = [
    "CONFIDENCE_THRESHOLD",
    "DOUBT_THRESHOLD",
    "Alignment",
    "Bead",
    "align_documents",
    "align_pair",
    "merge_pairs",
]
