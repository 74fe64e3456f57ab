"""The name glossary: established en/uk/ru forms that transliteration cannot derive
(Kyiv / Kyiv / Kiev, Türkiye / Turechchyna / Turtsiia, NATO, UN / OON, as the uk and ru
columns write them in Cyrillic).

File format (TSV, UTF-8): a header row naming the columns, `#` comments and blank lines
ignored, one entry per row. Language columns are named `en`, `uk`, `ru`; optional columns
`id` (the language-independent key) and `kind` (person, place, org, demonym, other). A cell
may hold several forms separated by `|`; the first is the preferred one. Demonym rows
(Ukrainian / ukrainskyi / ukrainskii) share the id of their country, so "the Ukrainian
army" agrees with uk "armiia Ukrainy" (the army of Ukraine).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from align.errors import InputError
from align.lang import CYRILLIC_LETTER, get, is_cyrillic
from align.model import LANGS
from align.names.morph import analyse, dictionary_lemmas
from align.names.translit import fold_latin, transliterate, word_key
from align.resources import data_path

KINDS = ("person", "place", "org", "demonym", "other")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’ʼ][^\W\d_]+)*|\d+|&", re.UNICODE)


@dataclass
class GlossaryEntry:
    id: str
    kind: str
    forms: dict[str, list[str]]  # lang -> forms, preferred first
    source: str = ""  # "file:line" it came from, for messages

    def preferred(self, lang: str) -> str:
        forms = self.forms.get(lang) or []
        return forms[0] if forms else ""


@dataclass(frozen=True)
class _Pattern:
    words: tuple[frozenset[str], ...]  # lemmas each text word must share, in order
    caps: tuple[bool, ...]  # the text word must be all capitals (acronyms: US, not "us")
    entry: int  # index into Glossary.entries


@dataclass
class Glossary:
    entries: list[GlossaryEntry] = field(default_factory=list)
    _patterns: dict[str, dict[str, list[_Pattern]]] = field(default_factory=dict)
    _keys: dict[str, set[str]] = field(default_factory=dict)
    _by_form: dict[tuple[str, str], int] = field(default_factory=dict)
    # First three letters of every inflected form of every entry's first word: a text word
    # outside this set cannot open a glossary name, and skips the costly lemmatisation.
    _prefixes: dict[str, set[str]] = field(default_factory=dict)
    _by_id: dict[str, int] = field(default_factory=dict)
    digest: str = ""  # sha1 of every glossary file read, in order, for the signature
    # Counts the calls to add(): caches built from the glossary (name keys, extraction) compare
    # it to know whether they still describe this glossary.
    version: int = 0

    def add(self, entry: GlossaryEntry) -> None:
        """Add an entry; a row sharing a form with an existing entry of the same kind
        family merges into it, so a user's row extends the shipped one instead of competing."""
        self.version += 1
        target_index = None
        for lang, forms in entry.forms.items():
            for form in forms:
                hit = self._by_form.get((lang, form.lower()))
                if hit is not None and (self.entries[hit].kind == "demonym") == (entry.kind == "demonym"):
                    target_index = hit
                    break
            if target_index is not None:
                break
        if target_index is None:
            self.entries.append(entry)
            target_index = len(self.entries) - 1
            if entry.kind != "demonym":
                self._by_id.setdefault(entry.id, target_index)
            new_forms = entry.forms
        else:
            existing = self.entries[target_index]
            new_forms = {}
            for lang, forms in entry.forms.items():
                have = existing.forms.setdefault(lang, [])
                added = [f for f in forms if f not in have]
                have.extend(added)
                new_forms[lang] = added
        self._index(target_index, new_forms)

    def _index(self, index: int, forms_by_lang: dict[str, list[str]]) -> None:
        entry = self.entries[index]
        keys = self._keys.setdefault(entry.id, set())
        for lang, forms in forms_by_lang.items():
            for form in forms:
                self._by_form[(lang, form.lower())] = index
                words = [w for w in _TOKEN.findall(form)]
                if not words:
                    continue
                lemma_sets = tuple(_pattern_lemmas(w, lang) for w in words)
                caps = tuple(len(w) > 1 and w.isupper() for w in words)
                pattern = _Pattern(lemma_sets, caps, index)
                self._prefixes.setdefault(lang, set()).update(_inflected_prefixes(words[0], lang))
                by_first = self._patterns.setdefault(lang, {})
                for lemma in lemma_sets[0]:
                    by_first.setdefault(lemma, []).append(pattern)
                if entry.kind != "demonym":
                    keys.add(" ".join(word_key(w, lang) for w in words if w != "&"))

    def may_start(self, word: str, lang: str) -> bool:
        """Cheap test: can a glossary name in `lang` begin with this written word?"""
        return word[:3].lower() in self._prefixes.get(lang, ())

    def opens_nothing(self, word: str, lang: str) -> bool:
        """Whether a lower-case Cyrillic word that the dictionary knows opens no pattern, read
        from the dictionary's lemmas (morph.dictionary_lemmas): most words that pass may_start
        are such, and skip the costlier analyse. False when unsure (the word must be read)."""
        if lang == "en" or not word[:1].islower() or not CYRILLIC_LETTER.search(word):
            return False
        lemmas = dictionary_lemmas(word.lower(), lang)
        patterns = self._patterns.get(lang, {})
        return lemmas is not None and not any(lemma in patterns for lemma in lemmas)

    def candidates(self, lang: str, lemmas: frozenset[str]) -> list[_Pattern]:
        """Patterns whose first word shares a lemma with a text word, longest first."""
        by_first = self._patterns.get(lang, {})
        found: dict[int, _Pattern] = {}
        for lemma in lemmas:
            for pattern in by_first.get(lemma, ()):
                found[id(pattern)] = pattern
        # Ties go to the earlier glossary row: `lemmas` is a set, and its order changes with the
        # process's hash seed, which made one text read as a name in one run and a demonym in another.
        return sorted(found.values(), key=lambda p: (-len(p.words), p.entry))

    def entry_keys(self, entry_id: str) -> set[str]:
        """Matching keys of every form of the entry in every language (for fuzzy matching)."""
        return self._keys.get(entry_id, set())

    def entry(self, entry_id: str) -> GlossaryEntry | None:
        """The entry (not a demonym row) with this id."""
        index = self._by_id.get(entry_id)
        return None if index is None else self.entries[index]

    def __len__(self) -> int:
        return len(self.entries)


def _pattern_lemmas(word: str, lang: str) -> frozenset[str]:
    # An acronym matches itself only; other words match through any of their lemmas, so the
    # nominative Kyiv in the glossary finds the locative and genitive (Kyievi, Kyieva) in text.
    if len(word) > 1 and word.isupper():
        return frozenset({word.lower()})
    info = analyse(word, lang)
    return frozenset({info.lemma, word.lower()})


def _inflected_prefixes(word: str, lang: str) -> set[str]:
    out = {word[:3].lower(), analyse(word, lang).lemma[:3]}
    if is_cyrillic(lang) and not word.isupper():
        from align.names.morph import lexeme_forms

        out.update(form[:3] for form in lexeme_forms(word, lang))
    return out


def _slug(form: str, lang: str) -> str:
    latin = fold_latin(transliterate(form, lang))
    return re.sub(r"[^a-z0-9]+", "_", latin).strip("_")


def _read_tsv(path: Path, glossary: Glossary, label: str) -> None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{label}: glossary file not found") from None
    except IsADirectoryError:
        raise InputError(f"{label}: is a directory, expected a glossary TSV file") from None
    except UnicodeDecodeError:
        raise InputError(f"{label}: glossary is not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{label}: cannot read glossary ({exc.strerror})") from None
    header: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        where = f"{label}:{number}"
        if header is None:
            header = [c.lower() for c in cells]
            unknown = [c for c in header if c not in LANGS and c not in ("id", "kind")]
            if unknown:
                raise InputError(f"{where}: unknown glossary column '{unknown[0]}' "
                                 f"(expected a header row of tab-separated en, uk, ru, id, kind)")
            if not any(c in LANGS for c in header):
                raise InputError(f"{where}: the glossary header names no language column "
                                 f"(expected e.g. 'en<TAB>uk<TAB>ru')")
            if len(set(header)) != len(header):
                raise InputError(f"{where}: a glossary column is named twice")
            continue
        if len(cells) > len(header):
            raise InputError(f"{where}: {len(cells)} tab-separated cells but the header has "
                             f"{len(header)} columns")
        row = dict(zip(header, cells, strict=False))
        forms = {lang: [f.strip() for f in row[lang].split("|") if f.strip()]
                 for lang in LANGS if row.get(lang)}
        forms = {lang: cell for lang, cell in forms.items() if cell}
        if "en" in forms:
            forms["en"] = _with_spelling_variants(forms["en"])
        if not forms:
            raise InputError(f"{where}: glossary row has no name in any language column")
        kind = (row.get("kind") or "other").lower()
        if kind not in KINDS:
            raise InputError(f"{where}: unknown kind '{kind}' (use one of {', '.join(KINDS)})")
        entry_id = row.get("id") or ""
        if not entry_id:
            lang = "en" if "en" in forms else next(iter(forms))
            entry_id = _slug(forms[lang][0], lang)
        glossary.add(GlossaryEntry(entry_id, kind, forms, where))


@lru_cache(maxsize=1)
def _spelling_variants() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in get("en").words("spelling_variants"):
        us, uk = line.split()
        pairs[us], pairs[uk] = uk, us
    return pairs


def _with_spelling_variants(forms: list[str]) -> list[str]:
    """English forms plus their other spelling (Organization -> Organisation), first form first."""
    variants = _spelling_variants()
    out = list(forms)
    for form in forms:
        other = " ".join(variants.get(word, word) for word in form.split())
        if other not in out:
            out.append(other)
    return out


def shipped_glossary_path() -> Path:
    return data_path("glossary.tsv")


def load_glossary(extra: list[str | Path] | None = None) -> Glossary:
    """The shipped data/glossary.tsv plus the user's files (`--glossary FILE`), in order."""
    glossary = Glossary()
    hasher = hashlib.sha1()
    paths = [(shipped_glossary_path(), "glossary.tsv")] + [(Path(p), str(p)) for p in extra or []]
    for path, label in paths:
        _read_tsv(path, glossary, label)
        hasher.update(path.read_bytes())
    glossary.digest = hasher.hexdigest()[:8]
    return glossary
