"""An added person standing in for a lost name (Westerners / zhiteli Mukhammeda, Articles / Tommi).

Translators add countries and organisations to make a sentence clear, rarely a person: a word
that the dictionary knows only as a given name or a surname, which no source name explains,
in a segment where a source name or capitalised phrase found no counterpart, is that name
replaced by someone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from align.model import NameMention
from align.names.keys import _surface_keys, _surnames_apart, _words_alike
from align.names.morph import is_person_word

if TYPE_CHECKING:
    from align.names.compare import _Comparison


def added_person_stand_ins(c: _Comparison, missing: list[NameMention], extra: list[NameMention]) -> None:
    # Without both texts the source words that might explain the person cannot be read.
    if c.source_lang != "en" or c.target_lang == "en" or not c.source_text or not c.target_text:
        return
    # An acronym without its counterpart was translated (MP / chlen parlamenta), not replaced.
    lost = [s for i, s in enumerate(c.source) if not c.src_matched[i] and not s.initial and s.kind != "acronym"]
    # A name opening a source sentence, unpaired, may be what the person renders (Huhne / Hiun).
    if not lost or any(s.initial and not c.src_matched[i] for i, s in enumerate(c.source)):
        return
    judged = {i.found for i in c.found} | {i.expected for i in c.found}
    lost = [s for s in lost if s.text not in judged]
    for t in [t for t in extra if t.text not in judged and " " not in t.text and not t.text.isupper()]:
        if not lost or not is_person_word(t.text, c.target_lang):
            continue
        keys = _surface_keys(t.text, c.target_lang)
        if any(_words_alike(_surface_keys(w, "en"), keys) for w in c.source_text.split() if w[:1].isupper()):
            continue  # a rendering of a source word the other passes left unpaired (Huhne / Kh'iuna)
        s = c._nearest(t, lost)
        if not _surnames_apart(_surface_keys(s.text, "en"), keys):
            continue  # a spelling of the lost name itself (Goethe / Gete)
        c._swap_issue(s, t.text, t.text, s.text, "added person")
        lost.remove(s)
        extra.remove(t)
        if s in missing:
            missing.remove(s)
