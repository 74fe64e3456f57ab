"""Matching the names of a source sentence to those of its translation, and the issues left over.

Matching runs in passes: shared keys (glossary id, or a shared word key, so "Volodymyr
Zelenskyy" matches a bare "Зеленського"); close spellings of the keys, of every form of a
glossary entry and of the inflected surface (Науседою against Nauseda); a name stem inside an
adjective (New Zealand / новозеландський); and, for names outside the glossary, a consonant
skeleton, because English names reach Cyrillic through sound, not spelling (Lionsgate /
Лайонсгейт, Pryce / Пріс). What remains is judged:

- a source name with a target name of the same sort in its place -> name.mismatch, error
  ("uk has Одеса where en has Kharkiv");
- a source name with nothing in its place -> name.missing: error for a glossary entry (an
  established name a translation must carry), warning for another name (translators may
  fairly render it by a pronoun or a title), info for an acronym outside the glossary (they
  are often translated: GDP / ВВП), warning for a type designation (Kh-101 / Х-101);
- a type designation with another number in its place (S-300 / С-400) -> name.mismatch, error;
- a target name the source lacks -> name.extra: warning for a glossary person, else info.

Demonyms (Ukrainian / український), adjectives and capitalised common words take part in
matching but are never flagged: free translations move between "Ukrainian troops" and
"війська України".
"""

from __future__ import annotations

import re
from functools import lru_cache

from align.model import Issue, NameMention
from align.names.extract import is_designation
from align.names.glossary import Glossary
from align.names.morph import analyse, strip_possessive
from align.names.translit import edit_distance, keys_close, word_key

_NON_DIGIT = re.compile(r"\D")
_SILENT_KINDS = frozenset({"demonym", "common", "adjective"})
_SKELETON_DROP = str.maketrans("", "", "aeiouh")
_SKELETON_MAP = str.maketrans({"d": "t", "z": "s", "b": "p", "v": "f", "g": "k"})


def skeleton(key: str) -> str:
    """Consonants of a key with voicing ignored: Lionsgate and Лайонсгейт both give "lnst"."""
    out = key.translate(_SKELETON_DROP).translate(_SKELETON_MAP)
    return "".join(ch for i, ch in enumerate(out) if i == 0 or ch != out[i - 1])


def _is_glossary(mention: NameMention, glossary: Glossary) -> bool:
    return mention.kind not in _SILENT_KINDS and glossary.entry(mention.key) is not None


@lru_cache(maxsize=100_000)
def _surface_keys(text: str, lang: str) -> frozenset[str]:
    """Keys of each written word (and its hyphen parts, and the whole name run together) and
    of each of its lemmas: the fuzzy pass compares these."""
    out = set()
    words = [w.strip(".,;:!?\"'«»()") for w in text.replace("&", " ").split()]
    words = [w for w in words if w]
    parts = [p for w in words for p in ([w] + w.split("-") if "-" in w else [w])]
    for word in parts:
        latin = not any("\u0400" <= ch <= "\u04ff" for ch in word)
        out.add(word_key(strip_possessive(word) if latin else word, "en" if latin else lang))
        if not latin:
            for lemma in analyse(word, lang).lemmas:
                out.add(word_key(lemma, lang))
    if len(words) > 1 or any("-" in w for w in words):
        out.add("".join(word_key(w, "en" if _is_latin(w) else lang) for w in words))
    out.discard("")
    return frozenset(out)


def _is_latin(word: str) -> bool:
    return not any("\u0400" <= ch <= "\u04ff" for ch in word)


def _fuzzy_keys(mention: NameMention, lang: str, glossary: Glossary) -> frozenset[str]:
    keys = set(mention.key.split())
    if _is_glossary(mention, glossary):
        for form_key in glossary.entry_keys(mention.key):
            keys.add(form_key.replace(" ", ""))
            keys.update(form_key.split())
    else:
        keys.add(mention.key.replace(" ", ""))
    keys |= _surface_keys(mention.text, lang)
    return frozenset(k for k in keys if len(k) >= 3)


def _distinct_entries(a: NameMention, b: NameMention, glossary: Glossary) -> bool:
    """Two different glossary entries never match, however alike they are spelt (Північна /
    Південна Корея, Austria / Australia)."""
    return a.key != b.key and bool(glossary.entry_keys(a.key)) and bool(glossary.entry_keys(b.key))


def _stem_match(a: str, b: str) -> bool:
    """An inflected form against a base form: Nauseda / Науседою share "nause"."""
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < 5:
        return False
    common = 0
    for x, y in zip(shorter, longer, strict=False):
        if x != y:
            break
        common += 1
    return common >= max(5, len(shorter) - 2)


@lru_cache(maxsize=65536)
def _digits(key: str) -> str:
    return _NON_DIGIT.sub("", key)


def _same_digits(x: str, y: str) -> bool:
    """Close spellings may differ in letters, never in numbers: S-300 is not S-400."""
    return _digits(x) == _digits(y)


def _keys_match(a: frozenset[str], b: frozenset[str]) -> bool:
    if a & b:
        return True
    return any(_same_digits(x, y) and (keys_close(x, y) or _stem_match(x, y)) for x in a for y in b)


def _adjective_match(source_keys: frozenset[str], derived_keys: frozenset[str]) -> bool:
    """A name's stem opening (or inside a compound of) a word made from it: avstralia ->
    avstraliets, tokio -> tokiskoi, zelandia -> novozelandskii."""
    for key in source_keys:
        if len(key) < 4:
            continue
        # A four-letter name must open the word whole (irak -> irakskii), a longer one may
        # lose its last letters to the suffix (avstralia -> avstraliets).
        stem = key if len(key) == 4 else key[: max(4, len(key) - 3)]
        for derived in derived_keys:
            if not _same_digits(key, derived):
                continue
            if derived.startswith(stem) or (len(stem) >= 5 and stem in derived):
                return True
    return False


def _skeleton_match(a: frozenset[str], b: frozenset[str]) -> bool:
    for x in a:
        sx = skeleton(x)
        for y in b:
            if not _same_digits(x, y):
                continue
            sy = skeleton(y)
            if len(sx) >= 2 and sx == sy:
                return True
            if min(len(sx), len(sy)) >= 3 and edit_distance(sx, sy, 1) <= 1:
                return True
    return False


def compare_names(source: list[NameMention], target: list[NameMention], source_lang: str,
                  target_lang: str, glossary: Glossary | None = None) -> list[Issue]:
    """Issues (category "name") for names of `source` that `target` lacks or replaces, and
    names `target` adds. Segment and id are left for the checker to fill."""
    if glossary is None:
        from align.names.extract import default_glossary

        glossary = default_glossary()
    src_matched = [False] * len(source)
    tgt_matched = [False] * len(target)

    # Pass 1: shared keys.
    tgt_words = [set(t.key.split()) for t in target]
    for i, s in enumerate(source):
        words = set(s.key.split())
        for j, t_words in enumerate(tgt_words):
            if words & t_words:
                src_matched[i] = True
                tgt_matched[j] = True

    # Pass 2: close spellings and name stems in adjectives, for what pass 1 left.
    if not all(src_matched) or not all(tgt_matched):
        src_keys = [_fuzzy_keys(s, source_lang, glossary) for s in source]
        tgt_keys = [_fuzzy_keys(t, target_lang, glossary) for t in target]
        distinct = [[_distinct_entries(s, t, glossary) for t in target] for s in source]
        for i in range(len(source)):
            for j in range(len(target)):
                if (src_matched[i] and tgt_matched[j]) or distinct[i][j]:
                    continue
                if _keys_match(src_keys[i], tgt_keys[j]):
                    src_matched[i] = tgt_matched[j] = True
        # Pass 3: a name against a word made from it (Australia's / Австралієць, Tokyo /
        # Токийской), whatever the target word was taken for.
        for i, s in enumerate(source):
            for j, t in enumerate(target):
                if src_matched[i] or (tgt_matched[j] and t.kind != "adjective") or distinct[i][j]:
                    continue
                if _adjective_match(src_keys[i], tgt_keys[j]) or (
                        s.kind == "adjective" and _adjective_match(tgt_keys[j], src_keys[i])):
                    src_matched[i] = tgt_matched[j] = True
        # Pass 4: names outside the glossary that sound alike on both sides.
        for i, s in enumerate(source):
            if src_matched[i] or _is_glossary(s, glossary):
                continue
            for j, t in enumerate(target):
                if not tgt_matched[j] and not _is_glossary(t, glossary) and t.kind != "adjective" \
                        and _skeleton_match(src_keys[i], tgt_keys[j]):
                    src_matched[i] = tgt_matched[j] = True
                    break

    lost_demonyms = [s for i, s in enumerate(source) if not src_matched[i] and s.kind == "demonym"]
    missing = _dedupe([s for i, s in enumerate(source)
                       if not src_matched[i] and s.kind not in _SILENT_KINDS])
    extra = _dedupe([t for j, t in enumerate(target)
                     if not tgt_matched[j] and t.kind not in _SILENT_KINDS])

    issues: list[Issue] = []
    for s in list(missing):
        replacement = _replacement(s, extra, glossary)
        if replacement is None:
            continue
        missing.remove(s)
        extra.remove(replacement)
        issues.append(Issue("name", "error", target_lang, s.text, replacement.text,
                            f"{target_lang} has {replacement.text} where {source_lang} has {s.text}",
                            rule="name.mismatch"))
    # A glossary name added while a repeated one lost a mention: the added name stands in
    # for that mention ("Kyiv ... Kyiv" against "Київ ... Одеса").
    for t in list(extra):
        t_entry = glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
        if t_entry is None:
            continue
        for s in source:
            s_entry = glossary.entry(s.key) if s.kind not in _SILENT_KINDS else None
            if s_entry is None or s_entry.kind != t_entry.kind or s_entry.id == t_entry.id:
                continue
            if sum(m.key == s.key for m in source) > sum(m.key == s.key for m in target):
                extra.remove(t)
                issues.append(Issue("name", "error", target_lang, s.text, t.text,
                                    f"{target_lang} has {t.text} where {source_lang} has {s.text}",
                                    rule="name.mismatch"))
                break
    # A people or country adjective the translation lost while a place it never mentioned
    # appears: the place was swapped ("French law" / "право Каїра").
    for s in lost_demonyms:
        for t in extra:
            entry = glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
            if entry is not None and entry.kind == "place" and entry.id != s.key:
                extra.remove(t)
                issues.append(Issue("name", "error", target_lang, s.text, t.text,
                                    f"{target_lang} has {t.text} where {source_lang} has {s.text}",
                                    rule="name.mismatch"))
                break
    # A type designation with another number is a different weapon or aircraft (S-300 / С-400).
    for s in [m for m in missing if is_designation(m.text)]:
        for t in extra:
            if is_designation(t.text) and _letters(t.key) == _letters(s.key):
                missing.remove(s)
                extra.remove(t)
                issues.append(Issue("name", "error", target_lang, s.text, t.text,
                                    f"{target_lang} has {t.text} where {source_lang} has {s.text}",
                                    rule="name.mismatch"))
                break
    for s in missing:
        if _is_glossary(s, glossary):
            severity = "error"
        elif is_designation(s.text):
            severity = "warning"  # a named weapon or aircraft, not a translatable abbreviation
        elif s.kind == "acronym":
            severity = "info"
        else:
            severity = "warning"
        issues.append(Issue("name", severity, target_lang, s.text, "",
                            f"{target_lang} is missing {s.text}", rule="name.missing"))
    for t in extra:
        # Translators add a country or an organisation to make a sentence clear ("США"), so
        # an added name is information, except a known person, who is rarely added for clarity.
        entry = glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
        severity = "warning" if entry is not None and entry.kind == "person" else "info"
        issues.append(Issue("name", severity, target_lang,
                            "", t.text, f"{target_lang} has {t.text}, which {source_lang} does not mention",
                            rule="name.extra"))
    return issues


def _letters(key: str) -> str:
    return re.match(r"[a-z]*", key).group()


def _dedupe(mentions: list[NameMention]) -> list[NameMention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out


def _replacement(source: NameMention, extra: list[NameMention], glossary: Glossary) -> NameMention | None:
    """The target name that stands where `source` should. Only a glossary name is sure
    enough to call a replacement: a glossary name for a glossary name of the same sort
    (a place for a place), or an unknown name of the target for a glossary person or place.
    Two unknown names are too often one name spelt two ways."""
    source_entry = glossary.entry(source.key) if source.kind not in _SILENT_KINDS else None
    for t in extra:
        target_entry = glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
        if source_entry is not None and target_entry is not None:
            if source_entry.kind == target_entry.kind:
                return t
        elif source_entry is not None and source_entry.kind in ("person", "place") and t.kind == "name":
            return t
        elif target_entry is not None and target_entry.kind in ("person", "place") and source.kind == "name":
            return t
    return None
