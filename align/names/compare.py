"""Matching the names of a source sentence to those of its translation, and the issues left over.

Matching runs in passes: shared keys (glossary id, or a shared word key, so "Volodymyr
Zelenskyy" matches a bare "Zelenskogo"); close spellings of the keys, of every form of a
glossary entry and of the inflected surface (Nausedoyu against Nauseda); a name stem inside an
adjective (New Zealand / novozelandskiy); and, for names outside the glossary, a consonant
skeleton, because English names reach Cyrillic through sound, not spelling (Lionsgate /
Layonsgeyt, Pryce / Pris). What remains is judged:

- a source name with a target name of the same sort in its place -> name.mismatch, error
  ("uk has Odesa where en has Kharkiv");
- a source name with nothing in its place -> name.missing: error for a glossary entry (an
  established name a translation must carry), warning for another name (translators may
  fairly render it by a pronoun or a title), info for an acronym outside the glossary (they
  are often translated: GDP / VVP), warning for a type designation (Kh-101 / KH-101);
- a type designation with another number in its place (S-300 / S-400) -> name.mismatch, error;
- a target name the source lacks -> name.extra: warning for a glossary person, else info.

Demonyms (Ukrainian / ukrainskyi), adjectives and capitalised common words take part in
matching but are never flagged: free translations move between "Ukrainian troops" and
"viiska Ukrainy".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import cached_property

from align.lang import get
from align.model import Issue, NameMention
from align.names.added_people import added_person_stand_ins
from align.names.copies import damaged_copies
from align.names.cuts import attested_shortening, cut_of, cut_words, initial_given_names, stumps
from align.names.extract import is_designation, name_stopwords
from align.names.forms import name_forms
from align.names.glossary import Glossary
from align.names.keys import (
    _COMMON_CYRILLIC_ZIPF,
    _LETTER_CODE,
    _LOWER_WORD,
    _SAME_PLACE,
    _SILENT_KINDS,
    _adjective_match,
    _adjective_word,
    _capitalised_word_keys,
    _comparable_kinds,
    _compound_keys,
    _cut_form,
    _dedupe,
    _derived_word,
    _distinct_entries,
    _distinctive,
    _distinctive_words,
    _entry_places,
    _established_place,
    _first_consonants_apart,
    _fuzzy_keys,
    _garble_keys,
    _garbled,
    _generic_word,
    _inflected_keys,
    _institution_words,
    _institution_words_lower,
    _is_glossary,
    _is_latin,
    _keyed_words,
    _keys_match,
    _letters,
    _made_from_name,
    _may_cut,
    _may_garble,
    _may_match,
    _mixed_script,
    _name_parts,
    _name_tagged,
    _names_a_thing,
    _places,
    _places_of,
    _prefix_garble,
    _replacement,
    _said_counts,
    _same_stem,
    _silent_h,
    _skeleton_match,
    _slot_anchors,
    _sound_keys,
    _sound_skeleton,
    _sounds_different,
    _sounds_far_apart,
    _stable_openings_differ,
    _steady_opening_lost,
    _stem,
    _strong_target_name,
    _surface_keys,
    _surnames_apart,
    _velar_swapped,
    _vowel_against_consonant,
    _word_sounds_apart,
    _words_alike,
)
from align.names.literal import literal_errors, ordinary_content_word, rendering
from align.names.lone_pair import (
    lone_pair_swap,
    lost_shared_word_rendering,
    ordered_pair_swap,
    shared_rendering_to_capitalised_word,
)
from align.names.losses import word_loss
from align.names.morph import (
    RARE_ZIPF,
    analyse,
    is_adjective,
    is_adjective_reading,
    is_common_noun,
    is_given_name,
    is_ordinary_english,
    is_peoples_word,
    is_person_word,
    is_place_word,
    peoples_places,
    strip_possessive,
    zipf,
)
from align.names.openings import lost_opening_stand_ins
from align.names.peoples import lost_peoples_stand_ins, swapped_peoples_words
from align.names.romanised import romanised_garbles
from align.names.run_words import loose_sound_pairs, run_word_swaps
from align.names.translated_runs import name_in_meaning_rendering
from align.names.translit import edit_distance, word_key


def _ordinary_not_a_place(word: str) -> bool:
    """An ordinary English word (Sun, Taxi) that is no country, region or big city: Montana and
    Tonga are in Webster's in lower case, but written with a capital they name the place."""
    if not is_ordinary_english(word):
        return False
    from align.names.gazetteer import gazetteer

    places = gazetteer()
    ids = _places_of(word, word.lower(), "en") if places is not None else frozenset()
    return not (ids and places.is_big(ids))


# Keys this far apart (edits per letter of the longer), vowels included, are two names: one
# name's transliterations differ by their consonant clusters (Chhappan / Skhapkhan: 0.29).
_SPELT_APART = 0.4


# Letters by which the keys of two one-word names differ in length, whatever their inflection,
# for the two to be different names though their consonant skeletons are too short to tell.
_LENGTHS_APART = 3


def _spelt_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    return all(edit_distance(x, y, 20) / max(len(x), len(y), 1) >= _SPELT_APART for x in a for y in b)


def _place_for_ordinary_words(s: NameMention, t: NameMention, target_lang: str, glossary: Glossary) -> bool:
    """A source run of ordinary English words (Roman, Costume Design) against a place the
    gazetteer knows (Tasmanii): such a run is translated by meaning, and a place rendering a
    name would have paired by the gazetteer; a likeness of consonants between them is chance,
    and most often a stand-in for another lost name (Persia / «Tasmanii»)."""
    return s.kind == "common" and bool(_places(t, target_lang, glossary))


def compare_names(source: list[NameMention], target: list[NameMention], source_lang: str,
                  target_lang: str, glossary: Glossary | None = None, target_text: str = "",
                  source_text: str = "") -> list[Issue]:
    """Issues (category "name") for names of `source` that `target` lacks or replaces, and
    names `target` adds. `target_text`, when given, lets a name the translation garbled into a
    lower-case word (Johannesburg / «okhannesburg») be found; `source_text`, that a target name
    the source names only where the extractor took no name (a sentence's first word) is no
    substitution. Segment and id are left for the checker to fill."""
    if glossary is None:
        from align.names.extract import default_glossary

        glossary = default_glossary()
    return _Comparison(source, target, source_lang, target_lang, glossary, target_text, source_text).issues()


class _Comparison:
    """One source/target pair of mention lists: matching passes, then judging what is left."""

    def __init__(self, source: list[NameMention], target: list[NameMention], source_lang: str,
                 target_lang: str, glossary: Glossary, target_text: str, source_text: str = "") -> None:
        self.source, self.target = source, target
        self.source_lang, self.target_lang = source_lang, target_lang
        self.glossary = glossary
        self.target_text = target_text
        self.source_text = source_text
        self.src_matched = [False] * len(source)
        self.tgt_matched = [False] * len(target)
        self.found: list[Issue] = []
        self.pairs: list[tuple[int, int]] = []
        self._source_words: frozenset[str] | None = None
        self.garbled_common: set[str] = set()
        self.taken_words: list[NameMention] = []
        self._target_words: frozenset[str] | None = None

    # -- matching ---------------------------------------------------------------------------
    def _pair(self, i: int, j: int) -> None:
        self.src_matched[i] = self.tgt_matched[j] = True
        self.pairs.append((i, j))

    def _shared_keys(self) -> None:
        src_distinct = [_distinctive(s, self.glossary) for s in self.source]
        tgt_words = [set(t.key.split()) for t in self.target]
        tgt_distinct = [_distinctive(t, self.glossary) for t in self.target]
        for i in range(len(self.source)):
            for j in range(len(self.target)):
                # The source name's own part must be there: a target that shares only a given
                # name (Adam Cuerden / Adam) is not the same name.
                if (src_distinct[i] & tgt_words[j]) or (tgt_distinct[j] & src_distinct[i]):
                    self._pair(i, j)

    def _places(self) -> None:
        """GeoNames/CLDR: Johannesburg / Yokhannesburge, Mexico City / Mekhiko."""
        src_places = [_places(s, self.source_lang, self.glossary) for s in self.source]
        tgt_places = [_places(t, self.target_lang, self.glossary) for t in self.target]
        for i, sp in enumerate(src_places):
            for j, tp in enumerate(tgt_places):
                if sp and tp and sp & tp and not (self.src_matched[i] and self.tgt_matched[j]):
                    self._pair(i, j)

    def _fuzzy(self) -> None:
        source, target, glossary = self.source, self.target, self.glossary
        self.src_keys = [_fuzzy_keys(s, self.source_lang, glossary) for s in source]
        self.tgt_keys = [_fuzzy_keys(t, self.target_lang, glossary) for t in target]
        distinct = [[_distinct_entries(s, t, glossary) for t in target] for s in source]
        # Close spellings (Nausedoyu / Nauseda); a rendering that lost the name's first sound or
        # its last syllable is a garbled name, not a spelling variant.
        for i in range(len(source)):
            for j in range(len(target)):
                if (self.src_matched[i] and self.tgt_matched[j]) or distinct[i][j]:
                    continue
                if _keys_match(self.src_keys[i], self.tgt_keys[j]) and not self._given_name_alone(i, j):
                    # The target unmatched so far: a garbled second mention of a name the
                    # translation renders well elsewhere is garbled all the same.
                    if not self.tgt_matched[j] and _may_garble(source[i]):
                        garbled = self._garbled_rendering(i, self.tgt_keys[j])
                        if garbled:
                            self._garble_issue(source[i], target[j].text, garbled)
                    self._pair(i, j)
        # A name against a word made from it (Australia's / Avstraliiets, Tokyo / Tokiyskoy),
        # whatever the target word was taken for.
        for i, s in enumerate(source):
            for j, t in enumerate(target):
                if self.src_matched[i] or (self.tgt_matched[j] and t.kind != "adjective") or distinct[i][j]:
                    continue
                if _adjective_match(self.src_keys[i] | _compound_keys(s, glossary), self.tgt_keys[j]) or (
                        s.kind == "adjective" and _adjective_match(self.tgt_keys[j], self.src_keys[i])):
                    self._pair(i, j)
        # Names outside the glossary that sound alike on both sides.
        for i, s in enumerate(source):
            if self.src_matched[i] or _is_glossary(s, glossary):
                continue
            for j, t in enumerate(target):
                if not self.tgt_matched[j] and not _is_glossary(t, glossary) and t.kind != "adjective" \
                        and _skeleton_match(self.src_keys[i], self.tgt_keys[j]) \
                        and not _place_for_ordinary_words(s, t, self.target_lang, glossary):
                    garbled = _may_garble(s) and self._garbled_rendering(i, self.tgt_keys[j])
                    if garbled:
                        self._garble_issue(s, t.text, garbled)
                    elif "acronym" not in (s.kind, t.kind) and _velar_swapped(self.src_keys[i], self.tgt_keys[j]):
                        self._mismatch(s, t, "sound")
                    self._pair(i, j)
                    break

    def _given_name_alone(self, i: int, j: int) -> bool:
        """Target `j` is a lone given name that spells only the first word of the person run
        `i` (Donald Kowalczyk / Donal'd): the run written together opens with it, so the keys
        meet, but a given name alone does not carry a person. A place's or a company's first
        word (Minnesota Glacier / Minnesoty) is no given name and still carries its run. Where
        another target word renders the surname, the given name is that person's (Michele
        Bachmann / Mishel' | Bakhmann)."""
        s, t = self.source[i], self.target[j]
        words = s.text.split()
        if self.src_matched[i] or s.kind != "name" or len(words) < 2 or " " in t.text or not is_given_name(t.text, self.target_lang) \
                or not analyse(t.text, self.target_lang).known:
            return False
        lang = "en" if _is_latin(s.text) else self.source_lang
        first = frozenset({word_key(strip_possessive(words[0]), lang)})
        own = frozenset(word_key(strip_possessive(w), lang) for w in words[1:])
        if not _is_glossary(s, self.glossary):
            own |= frozenset(_distinctive_words(s, self.glossary))
        # The surname rendered by another target word makes this one the person's given name.
        return _keys_match(first, self.tgt_keys[j]) and not any(_keys_match(own, keys) for keys in self.tgt_keys)

    def _garbled_rendering(self, i: int, tgt_keys: frozenset[str]) -> str:
        """How target keys garble source name `i` ("garbled", "truncated" or ""), read with
        what its spelling allows: a silent h, a word made from a name, an English name."""
        s = self.source[i]
        return _garbled(_garble_keys(s, self.src_keys[i], self.glossary), tgt_keys, _silent_h(s),
                        _derived_word(s) and not _is_glossary(s, self.glossary), _is_latin(s.text))

    def _given_names(self) -> None:
        """Two people matched by their surname whose given names differ (Larry Nassar /
        Zekeri Nassara) are two people; a given name that lost its first sound is garbled."""
        for s in self.source:
            s_words = s.text.split()
            if s.kind != "name" or len(s_words) != 2 or not _is_latin(s.text) or s.initial:
                continue
            s_first = s.key.split()[0] if len(s.key.split()) == 2 else ""
            if not s_first or strip_possessive(s_words[0]) in _institution_words() \
                    or _distinctive_words(s, self.glossary) != [s.key.split()[1]]:
                continue  # not a given name and a surname (Giza Plateau)
            s_keys = frozenset({s_first}) | _surface_keys(s_words[0], self.source_lang)
            # Every target person with this surname; with several (a family), pairing given
            # names is a guess unless one of them matches.
            same_surname = []
            for t in self.target:
                t_words = t.text.split()
                if t.kind != "name" or len(t_words) != 2 or len(t.key.split()) != 2 or _is_latin(t.text):
                    continue
                if t.key.split()[1] in _distinctive(s, self.glossary) or _keys_match(
                        frozenset({s.key.split()[1]}), _surface_keys(t_words[1], self.target_lang)):
                    same_surname.append(t)
            if len(same_surname) != 1:
                continue
            t = same_surname[0]
            t_keys = _surface_keys(t.text.split()[0], self.target_lang) | {t.key.split()[0]}
            if _keys_match(s_keys, t_keys) and not _garbled(s_keys, t_keys):
                continue
            how = _garbled(s_keys, t_keys) or ("garbled" if _prefix_garble(s_keys, t_keys) else "")
            if how:
                self._garble_issue(s, t.text, how)
            elif _sounds_far_apart(s_keys, t_keys) or ((_stable_openings_differ(s_keys, t_keys)
                                                         or _steady_opening_lost(s_keys, t_keys))
                                                        and _sounds_different(s_keys, t_keys)):
                self._mismatch(s, t, "sound")

    def _given_name_before_surname(self) -> None:
        """A person whose surname the translation renders, preceded by a name that neither
        spells nor sounds like the given name: another given name, a place, a rare word
        (Donald Trump / Arnold Tramp, Adam Cuerden / Amsterdam Kuerden) names someone else.
        The given name may stand before the mention (Dr. Tony Moll). Exonyms of kings and
        saints (Nicholas / Mykola) have no surname here."""
        if self.source_lang != "en" or self.target_lang == "en" or not self.target_text or not self.source_text:
            return
        flagged = {i.expected for i in self.found if i.category == "name"}
        for i, j in sorted(set(self.pairs)):
            s = self.source[i]
            if s.kind not in ("name", "common") or s.text in flagged or not _is_latin(s.text) \
                    or _is_latin(self.target[j].text):
                continue
            found = ""
            for given, surname in self._given_and_surname(s):
                if not (given[:1].isupper() and len(given) > 2 and given.isalpha()) or given in _institution_words() \
                        or given.lower() in name_stopwords("en") or is_peoples_word(given):
                    continue
                found = self._other_given_name(given, surname, self.target[j])
                if found:
                    break
            if found:
                self._swap_issue(s, found, found, f"{given} {surname}", "given name")
                flagged.add(s.text)

    def _given_and_surname(self, s: NameMention) -> list[tuple[str, str]]:
        """Each word of a person's mention with the word after it, last pair first, a generic
        last word of a longer run aside (James Paget Hospital; Chandra Shekhar Solanki gives
        Shekhar Solanki, then Chandra Shekhar), or its one word and the word written just before
        it (Tony Moll)."""
        words = [strip_possessive(w) for w in s.text.split()]
        while len(words) > 2 and words[-1] in _institution_words():
            words.pop()
        if len(words) >= 2:
            return [(words[k - 1], words[k]) for k in range(len(words) - 1, 0, -1)]
        before = re.search(r"([^\W\d_]+) $", self.source_text[:s.start])
        return [((before.group(1) if before else ""), words[-1])]

    def _other_given_name(self, given: str, surname: str, t: NameMention) -> str:
        """"W S" when the word W before S, the rendering of `surname` in target mention `t`, is
        another person's given name or a place, neither spelling nor sounding like `given`."""
        surname_keys = _surface_keys(surname, "en")
        given_keys = _surface_keys(given, "en")
        parts = t.text.split()
        at = next((k for k, w in enumerate(parts) if _keys_match(surname_keys, _surface_keys(w, self.target_lang))),
                  None)
        if at is None:
            at = next((k for k, w in enumerate(parts) if _words_alike(surname_keys, _surface_keys(w, self.target_lang))),
                      None)
        if at is None:
            return ""
        if at > 0:
            before = parts[at - 1]
        else:
            found = re.search(r"([^\W\d_]+(?:-[^\W\d_]+)*) $", self.target_text[:t.start])
            before = found.group(1) if found else ""
        if not before[:1].isupper():
            return ""
        keys = _surface_keys(before, self.target_lang)
        if _words_alike(given_keys, keys) or _garbled(given_keys, keys) or _prefix_garble(given_keys, keys) \
                or _keys_match(keys, self._source_word_keys()):
            return ""
        # A place that is no given name too is none; a name by the dictionary's tag is another one once it
        # sounds different; a word merely rare (a title opening the sentence, Prezydent, is no
        # name at all) must sound far apart, as transliterations of given names vary
        # (Chhappan / Skhapkhan).
        info = analyse(before, self.target_lang)
        found_text = f"{before} {parts[at]}"
        if _places_of(before, info.lemma, self.target_lang) and not is_given_name(before, self.target_lang):
            return found_text  # (a town named George is no evidence against Dzhordzh)
        if not _sounds_different(given_keys, keys):
            return ""
        if info.known and info.name_tagged:
            return found_text
        rare = not info.known or zipf(info.lemma, self.target_lang) < _COMMON_CYRILLIC_ZIPF
        apart = _sounds_far_apart(given_keys, keys) or _steady_opening_lost(given_keys, keys)
        return found_text if rare and apart else ""

    def _people_of_ordinary_words(self) -> None:
        """A person whose names are ordinary English words (Emma Stone, Rick Perry) is taken
        for a capitalised phrase, or a person's name is left unmatched; the translation shows the person: its given name, tagged as
        one by the dictionary. The word after it must then render the surname: a lower-case
        word there is the surname translated (Emmi kamin), another name a swap (Rik Materi)."""
        if self.source_lang != "en" or self.target_lang == "en" or not self.target_text:
            return
        words = self.target_words
        for i, s in enumerate(self.source):
            parts = s.text.split()
            # A name run the other passes left unmatched is read the same way (Jeffrey Sacks /
            # Dzheffri mishky): its given name alone did not match it.
            # A run opening the sentence counts too: its second word's capital is still a name's,
            # and the target's given name must be one by the dictionary's tag (Julie Bishop).
            if s.kind not in ("common", "name") or (s.kind == "name" and self.src_matched[i]) \
                    or len(parts) != 2 or not all(p[:1].isupper() and _is_latin(p) for p in parts):
                continue
            given, surname = (strip_possessive(p) for p in parts)
            given_keys = _surface_keys(given, "en")
            surname_keys = _surface_keys(surname, "en")
            for k, word in enumerate(words[:-1]):
                if not word[:1].isupper() or not _words_alike(given_keys, _surface_keys(word, self.target_lang)):
                    continue
                following = words[k + 1]
                if not is_given_name(word, self.target_lang) and not self._surname_by_meaning(given, surname, following):
                    continue  # the given name must be one by the dictionary's own tag, or e5 must read the surname
                if _words_alike(surname_keys, _surface_keys(following, self.target_lang)):
                    break
                if following[:1].islower() and ordinary_content_word(following, self.target_lang):
                    self.found.append(Issue("name", "error", self.target_lang, s.text, f"{word} {following}",
                                            f"{self.target_lang} has {word} {following}, the surname of {s.text} "
                                            f"translated as an ordinary word", rule="name.literal",
                                            evidence="given name"))
                    self.src_matched[i] = True
                elif s.kind == "common" and following[:1].isupper() \
                        and _surnames_apart(surname_keys, _surface_keys(following, self.target_lang)):
                    # (a name run's capitalised stand-in is the later passes' to judge: garbled
                    # or another name, Arnold Schwarzenegger / Arnol'd Vartsenegger)
                    self._swap_issue(s, f"{word} {following}", f"{word} {following}", s.text, "given name")
                    self.src_matched[i] = True
                break

    def _words_within_pairs(self) -> None:
        """A matched run with one word of its own that no source word explains, while one word
        of the source name is rendered nowhere (James Paget / Dzheimsa Niigata, Saroja
        Balasubramanian / Dyendzhi Balasubramaniana): that word names someone or somewhere
        else. Sound decides, strictly as for given names; ordinary words are translations."""
        if self.target_lang == "en" or self.source_lang != "en":
            return
        flagged = {i.found for i in self.found}
        done: set[int] = set()
        # A run paired with several (a family: Baba Kanjar, Rampro Kanjar) says nothing of
        # which given name belongs to which. A source run of ordinary English words (Grace Rose
        # Brown, the extractor's common kind) is read too when the translation renders it as
        # a name run: a phrase translated by meaning is no name run.
        per_source = Counter(i for i, _ in set(self.pairs))
        per_target = Counter(j for _, j in set(self.pairs))
        for i, j in self.pairs:
            s, t = self.source[i], self.target[j]
            if per_source[i] > 1 or per_target[j] > 1:
                continue
            if j in done or t.text in flagged or s.kind not in ("name", "common") or t.kind != "name" or _is_latin(t.text) \
                    or _is_glossary(s, self.glossary) or max(len(s.text.split()), len(t.text.split())) < 2:
                continue
            done.add(j)
            s_words = [w for w in (strip_possessive(x) for x in s.text.split())
                       if w not in _institution_words() and w[:1].isupper()]
            s_keys = {w: _surface_keys(w, self.source_lang) for w in s_words}
            t_keys = {w: _surface_keys(w, self.target_lang) for w in t.text.split()}
            lost = [w for w in s_words if not any(_words_alike(s_keys[w], k) for k in t_keys.values())
                    and not _keys_match(s_keys[w], self._target_word_keys())
                    and not self._in_lower_case(s_keys[w])]
            new = [w for w, k in t_keys.items() if not any(_words_alike(k, sk) for sk in s_keys.values())
                   and not _keys_match(k, self._source_word_keys()) and self._name_word(w)]
            # An English w is a vowel in Cyrillic (Wilds / Uaylds): its opening proves nothing.
            if len(lost) != 1 or len(new) != 1 or lost[0][:1] in "Ww":
                continue
            # A cut of the lost word is that word garbled, not a word of another name.
            how = cut_of(lost[0], new[0], self.target_lang)
            if how:
                self._garble_issue(s, new[0], how)
                continue
            a, b = s_keys[lost[0]], t_keys[new[0]]
            # Far apart, or opening with other steady consonants and no spelling of one another.
            if _word_sounds_apart(a, b) or self._surname_swapped(s, t, lost[0], new[0], a, b):
                self._swap_issue(s, t.text, new[0], f"{lost[0]} ({s.text})", "sound")

    def _known_names_within_pairs(self) -> None:
        """As _words_within_pairs, with the surname's test of sound (apart, or opening
        otherwise) wherever the word stands, not the given name's stricter one, for a word that
        is a name of its own: one the dictionary or the gazetteer knows as a name or place
        (Charles Batchelor / Giza Betchelora), or a name-like word spelt apart from the lost one,
        vowels and all (Homo Erectus / Kochamo Erektus), which no transliteration is."""
        # Only a run of names is read (a given name and a surname): most pairs are one word.
        if self.target_lang == "en" or self.source_lang != "en" \
                or not any(len(self.source[i].text.split()) >= 2 for i, _ in self.pairs):
            return
        flagged = {i.expected for i in self.found if i.category == "name"}
        per_source = Counter(i for i, _ in set(self.pairs))
        per_target = Counter(j for _, j in set(self.pairs))
        for i, j in sorted(set(self.pairs)):
            s, t = self.source[i], self.target[j]
            if per_source[i] > 1 or per_target[j] > 1 or s.text in flagged or s.kind not in ("name", "common") or t.kind != "name" \
                    or _is_latin(t.text) or _is_glossary(s, self.glossary) or len(s.text.split()) < 2:
                continue
            swap = self._known_name_swap(s, t)
            if swap:
                self._swap_issue(s, t.text, swap[1], f"{swap[0]} ({s.text})", "sound")
                flagged.add(s.text)

    def _known_name_swap(self, s: NameMention, t: NameMention) -> tuple[str, str] | None:
        """(the source word rendered nowhere, the known name in its place), or None."""
        s_words = [w for w in (strip_possessive(x) for x in s.text.split())
                   if w not in _institution_words() and w[:1].isupper()]
        s_keys = {w: _surface_keys(w, self.source_lang) for w in s_words}
        t_keys = {w: _surface_keys(w, self.target_lang) for w in t.text.split()}
        new = [w for w, k in t_keys.items() if not any(_words_alike(k, sk) for sk in s_keys.values())
               and not _keys_match(k, self._source_word_keys())]
        # The new word first: the lost one's test reads the whole source text in lower case.
        if len(new) != 1:
            return None
        lost = [w for w in s_words if not any(_words_alike(s_keys[w], k) for k in t_keys.values())
                and not _keys_match(s_keys[w], self._target_word_keys()) and not self._in_lower_case(s_keys[w])]
        if len(lost) != 1 or lost[0][:1] in "Ww" or not self._name_word(new[0]):
            return None
        if cut_of(lost[0], new[0], self.target_lang):
            return None  # a cut is the word garbled, which _words_within_pairs reports
        a, b = s_keys[lost[0]], t_keys[new[0]]
        # An unknown word may be the lost one transliterated otherwise (Chhappan / Skhapkhan):
        # its letters, vowels and all, must differ as much as a name's from another's.
        if not _surnames_apart(a, b) or not (self._known_name_word(new[0]) or _spelt_apart(a, b)):
            return None
        return lost[0], new[0]

    def _known_name_word(self, word: str) -> bool:
        """A word the dictionary knows and tags as a name or place only (Santorin, Giza), or a
        place the gazetteer holds: a name of its own, not a spelling of another."""
        info = analyse(word.strip(".,;:!?\"'«»()"), self.target_lang)
        return (info.known and info.name_tagged and not info.common_reading) \
            or _established_place(_places_of(word, info.lemma, self.target_lang))

    def _surnames_as_words(self) -> None:
        """A matched person run (Kristoffer Schneider / Kristoferu Tsentru) whose surname's place,
        its last word or the word after it (past a particle the source writes: Fernandez de),
        holds a capitalised ordinary word that no source word explains and that is no spelling
        of the surname: no surname is translated by meaning beside a transliterated given name,
        so another word took its place. The other passes read only name words there (an
        ordinary word is a translated part of a place's name)."""
        if self.target_lang == "en" or self.source_lang != "en":
            return
        flagged = {i.expected for i in self.found if i.category == "name"}
        for i, j in sorted(set(self.pairs)):
            s, t = self.source[i], self.target[j]
            s_words = s.text.split()
            if s.kind != "name" or s.text in flagged or len(s_words) < 2 \
                    or _is_latin(t.text) or (_is_glossary(s, self.glossary) and not self._glossary_person(s)):
                continue
            if any(strip_possessive(w) in _institution_words() for w in s_words):
                continue  # a body's name (Edinburgh Sheriff Court / Sudu) is translated by meaning
            before, last = self._surname_slot(s, t)
            if not last or not last[:1].isupper() or not is_common_noun(last, self.target_lang) \
                    or self._name_word(last):
                continue
            keys = _surface_keys(before, self.target_lang)
            given = is_given_name(before, self.target_lang)
            if not given and not any(
                    _words_alike(_surface_keys(w, self.source_lang), keys) for w in s_words[:-1]):
                continue  # the word before must render the given name
            if not given and _places_of(s_words[0], s_words[0].lower(), self.source_lang):
                continue  # a place and a common word name a thing (Florida Sleeve), not a person
            surname = strip_possessive(s_words[-1])
            a, b = _surface_keys(surname, self.source_lang), _surface_keys(last, self.target_lang)
            if _keys_match(a, b) or _keys_match(b, self._source_word_keys()) \
                    or not (_surnames_apart(a, b) or _sounds_different(a, b)):
                continue
            self._swap_issue(s, t.text, last, f"{surname} ({s.text})", "sound")
            flagged.add(s.text)

    def _surname_slot(self, s: NameMention, t: NameMention) -> tuple[str, str]:
        """The target word that renders the word before the source's surname, and the word in
        the surname's place: the run's last word, or, when the run stops short of the source's
        word count, the word after it (past a lower-case particle the source also writes)."""
        t_words = [w.strip(".,;:!?\"'«»()") for w in t.text.split()]
        s_words = s.text.split()
        if len(t_words) >= len(s_words) or not self.target_text:
            return (t_words[-2], t_words[-1]) if len(t_words) >= 2 else ("", "")
        after = [w.strip(".,;:!?\"'«»()") for w in self.target_text[t.end:].split()[:2]]
        if after and after[0].islower() and any(w.islower() for w in s_words):
            after = after[1:]
        return (t_words[-1], after[0]) if after else ("", "")

    def _in_lower_case(self, keys: frozenset[str]) -> bool:
        """A word of the translation written in lower case spells these keys (Tupua / tupu):
        the word is rendered, if not as a name."""
        return any(w[:1].islower() and _keys_match(keys, _surface_keys(w, self.target_lang))
                   for w in self.target_words if len(w) >= 3)

    def _words_beside_pairs(self) -> None:
        """As _words_within_pairs, for a target run that another source name shares (California
        Arnold Shtarmer) or that an unexplained name written against it completes (Khorvatii
        Uailds for Pennsylvania Wilds): one source word rendered nowhere, one target word that
        no source word explains, sounding apart, is a word of another name."""
        if self.target_lang == "en" or self.source_lang != "en" or not self.target_text:
            return
        flagged = {i.expected for i in self.found if i.category == "name"}
        for i, j in sorted(set(self.pairs)):
            s, t = self.source[i], self.target[j]
            person = self._glossary_person(s)
            if s.text in flagged or s.kind != "name" or _is_latin(t.text) \
                    or (_is_glossary(s, self.glossary) and not person) \
                    or len(s.text.split() if person else _keyed_words(s)) < 2 or self._family_run(i, j):
                continue
            beside = self._unmatched_beside(t)
            if not beside and not person and len({k for k, jj in self.pairs if jj == j}) < 2:
                continue  # a run of its own alone is _words_within_pairs' to judge
            words = t.text.split() + [w for m in beside for w in m.text.split()]
            s_words = [w for w in (strip_possessive(x) for x in (s.text.split() if person else _keyed_words(s)))
                       if w not in _institution_words() and w[:1].isupper()]
            s_keys = {w: _surface_keys(w, self.source_lang) for w in s_words}
            t_keys = {w: _surface_keys(w, self.target_lang) for w in words}
            lost = [w for w in s_words if not any(_words_alike(s_keys[w], k) for k in t_keys.values())
                    and not _keys_match(s_keys[w], self._target_word_keys())]
            glossary_words = {w for m in beside if _is_glossary(m, self.glossary) for w in m.text.split()}
            new = [w for w, k in t_keys.items() if not _keys_match(k, self._source_word_keys())
                   and not any(_words_alike(k, sk) for sk in s_keys.values())
                   and (self._name_word(w) or w in glossary_words)]
            if len(lost) != 1 or len(new) != 1 or lost[0][:1] in "Ww":
                continue
            # A cut of the lost word is that word garbled, not a word of another name.
            how = cut_of(lost[0], new[0], self.target_lang)
            if how:
                self._garble_issue(s, new[0], how)
                flagged.add(s.text)
                continue
            a, b = s_keys[lost[0]], t_keys[new[0]]
            if _word_sounds_apart(a, b) or (lost[0] == s_words[-1] and new[0] == words[-1] and _surnames_apart(a, b)):
                for m in beside:
                    self.tgt_matched[self.target.index(m)] = True
                self._swap_issue(s, new[0], new[0], f"{lost[0]} ({s.text})", "sound")
                flagged.add(s.text)

    def _glossary_person(self, s: NameMention) -> bool:
        """A person of the glossary, named by more than the surname (Recep Tayyip Erdogan):
        _words_within_pairs leaves glossary names alone."""
        entry = self.glossary.entry(s.key) if _is_glossary(s, self.glossary) else None
        return entry is not None and entry.kind == "person"

    def _family_run(self, i: int, j: int) -> bool:
        """Another source name paired with target run `j` shares a word with source `i` (Baba
        Kanjar, Rampro Kanjar): which given name is whose is a guess."""
        own = set(self.source[i].key.split())
        return any(k != i and own & set(self.source[k].key.split()) for k, jj in self.pairs if jj == j)

    def _unmatched_beside(self, t: NameMention) -> list[NameMention]:
        """Unmatched target names written right against `t`, only a space or hyphen between."""
        out = []
        for j, m in enumerate(self.target):
            if self.tgt_matched[j] or m.kind not in ("name", "latin", "common"):
                continue
            gap = self.target_text[m.end:t.start] if m.end <= t.start else self.target_text[t.end:m.start]
            if gap and len(gap) <= 2 and not gap.strip(" -\u2010\u2011"):
                out.append(m)
        return out

    def _surname_swapped(self, s: NameMention, t: NameMention, lost: str, new: str,
                         a: frozenset[str], b: frozenset[str]) -> bool:
        """The lost word is the source name's last (its surname) and the new one the target's
        last: a surname varies less in transliteration than a given name, so sounds apart by
        the ordinary measure are two people (Mick O'Flynn / Mika Dillona)."""
        return strip_possessive(s.text.split()[-1]) == lost and t.text.split()[-1] == new \
            and _surnames_apart(a, b)

    def _surname_by_meaning(self, given: str, surname: str, following: str) -> bool:
        """The lower-case word after a rendered first name is, by the e5 reading, the surname
        translated (Teilor shvydka): where the dictionary does not tag the first name as a
        given name (Taylor, Anderson), the reading is the evidence that a person is named. A
        first word that is an ordinary word itself (Original Screenplay), or rendered as an
        adjective (Baltic Cruises / kruiziv Baltiis'kym), opens a phrase."""
        if not following[:1].islower() or is_ordinary_english(given) or self._rendered_as_adjective(given):
            return False
        # e5 last: the other tests are dictionary look-ups.
        return ordinary_content_word(following, self.target_lang) and self._translatable_name_word(surname) \
            and rendering(surname, self.source_text, self.target_text, self.target_lang) == following

    def _rendered_as_adjective(self, word: str) -> bool:
        """Some capitalised translation word spelling the English `word` is an adjective."""
        keys, lang = _surface_keys(word, "en"), self.target_lang
        return any(is_adjective(w, lang) or is_adjective_reading(w, lang) for w in self.target_words
                   if w[:1].isupper() and _words_alike(keys, _surface_keys(w, lang)))

    def _literal_slots(self) -> None:
        """A name that is an ordinary English word, translated by meaning where the name
        stood: after its given name (Anne Frank / Anny vidvertyi) or joined to a rendered name
        (Hershey and Chase / Khershi i pogonia, Brooks and Groening / z strumky i Greininhom).
        The slot is read from the rendered neighbour; the word in it must be an ordinary noun
        or adjective the dictionary knows."""
        if self.source_lang != "en" or self.target_lang == "en" or not self.target_text or not self.source_text:
            return
        # A word of a source name (matched or not: the skeleton may pair Stone with Gosling).
        words = {(i, w) for i, m in enumerate(self.source) for w in _name_parts(m.text)}
        source = _LOWER_WORD.findall(self.source_text)
        mentions: dict[str, list[int]] = {}
        for i, w in sorted(words):
            mentions.setdefault(w, []).append(i)
        # Only a word with a neighbour to read its slot from can be judged.
        candidates = [(k, i) for k, word in enumerate(source) if k > 0 and word in mentions
                      and _slot_anchors(source, k) and self._translatable_name_word(word)
                      for i in mentions[word]]
        if not candidates:
            return
        target = self.target_words
        rendered = self.rendered_keys
        flagged = {i.expected for i in self.found if i.category == "name"}
        for k, mention in candidates:
            s = self.source[mention]
            if s.text in flagged or self._spelt_in(source[k], rendered):
                continue
            found = self._literal_slot(k, source, target, rendered)
            if found is None:
                continue
            self.found.append(Issue("name", "error", self.target_lang, s.text, found,
                                    f"{self.target_lang} has {found} where {self.source_lang} has the name "
                                    f"{strip_possessive(source[k])}, translated as an ordinary word",
                                    rule="name.literal", evidence="position"))
            flagged.add(s.text)
            self.src_matched[mention] = True

    @staticmethod
    def _translatable_name_word(word: str) -> bool:
        """A capitalised ordinary English word, no title, generic part or people's word."""
        bare = strip_possessive(word)
        return len(bare) >= 3 and bare[:1].isupper() and bare not in _institution_words() \
            and bare.lower() not in _institution_words_lower() and not is_peoples_word(bare) \
            and not _made_from_name(bare) and bare.lower() not in name_stopwords("en") and is_ordinary_english(bare)

    @staticmethod
    def _spelt_in(word: str, rendered: list[frozenset[str]]) -> bool:
        keys = _surface_keys(strip_possessive(word), "en")
        return any(_may_match(keys, k) and _keys_match(keys, k) for k in rendered)

    def _literal_slot(self, k: int, source: list[str], target: list[str],
                      rendered: list[frozenset[str]]) -> str | None:
        """The target word standing where source word `k` should be rendered, if it is an
        ordinary word: after the rendering of the given name before it, or across a link
        (and / i, ta, z) from the rendering of the name it is joined to."""
        for a, offset, linked, adjective in _slot_anchors(source, k):
            found = self._slot_word(a, offset, linked, source, target, rendered, adjective)
            if found is not None:
                return found
        return None

    def _slot_word(self, a: int, offset: int, linked: bool, source: list[str], target: list[str],
                   rendered: list[frozenset[str]], adjective: bool = False) -> str | None:
        """The ordinary word `offset` words from where the target renders source word `a`."""
        anchor = strip_possessive(source[a])
        if is_peoples_word(anchor) or _made_from_name(anchor):
            return None  # Americans and Free French: peoples, not names
        links = get(self.target_lang).name_links
        keys = _surface_keys(anchor, "en")
        for p, word_keys in enumerate(rendered):
            slot = p + offset
            if not 0 <= slot < len(target) or not _may_match(keys, word_keys) or not _words_alike(keys, word_keys) \
                    or not self._name_word(target[p]):
                continue  # the neighbour must be rendered as a name, not a cognate (Original)
            if linked and target[p + offset // 2].lower() not in links:
                continue
            if not linked and offset > 0 and not (is_given_name(target[p], self.target_lang)
                                                  and analyse(target[p], self.target_lang).known):
                continue  # only a given name says a surname follows
            if self._ordinary_slot_word(target[slot], links, adjective):
                return target[slot]
        return None

    def _ordinary_slot_word(self, word: str, links: frozenset[str], adjective: bool = False) -> bool:
        if not word[:1].islower() or word in links:
            return False
        info = analyse(word, self.target_lang)
        # Written in lower case, a word the dictionary also reads as a surname is the ordinary
        # word (chervonyi, red; Chervonyi, a surname).
        if not info.known or (info.name_tagged and not info.common_reading):
            return False
        return is_adjective(word, self.target_lang) or is_adjective_reading(word, self.target_lang) \
            or (not adjective and is_common_noun(word, self.target_lang))

    def _word_losses(self) -> None:
        """Every word of an English name against the words of the rendering it was paired
        with: a close spelling may be a cut one (Martelly / Martel, Mecca / Mek), and a run
        whose surname matched may carry a cut or headless given name (Larry Nassar / Lar
        Nassara). Established names are read against their own Cyrillic forms instead."""
        if self.source_lang != "en" or self.target_lang == "en":
            return
        flagged = {i.expected for i in self.found if i.category == "name" and i.severity == "error"}
        written = _name_parts(self.target_text or " ".join(t.text for t in self.target))
        said = _said_counts(self.source_text or " ".join(m.text for m in self.source))
        for i, j in dict.fromkeys(self.pairs):
            s, t = self.source[i], self.target[j]
            if s.text in flagged or s.kind in _SILENT_KINDS or _is_latin(t.text) or not _may_garble(s):
                continue
            own = [strip_possessive(w) for w in _name_parts(s.text) if w[:1].isupper()]
            words = _name_parts(t.text)
            if len(own) > len(words):
                # A word of the run the rendering lacks may stand next to it, cut to lower case
                # (Armand Versace / rman Versache, University of Dundee / Universytetu andi).
                words = words + self._next_to(t)
            # Cheap first: a word that loses part of a source word, a source word said twice, or
            # a form that may be cut token for token; the gazetteer is read only then.
            if not (any(word_loss(w, c, self.target_lang) for w in own for c in words)
                    or any(said[w] > 1 for w in own) or "-" in t.text or _is_glossary(s, self.glossary)):
                continue
            # An established name's renderings are its own forms (Istanbul / Stambul); a word
            # that is one of them cut short is a loss all the same (Sankt-Peter).
            forms = self._established_forms(s)
            rendering = [w for w in words if not self._is_form(w, forms)]
            loss = self._cut_established(t.text, forms) or self._lost_part(s, rendering, written, forms, said)
            if loss and not any(self._renders_other(s, w) for w in words):
                # (unless the matching paired it with a word of another name: Mykolai / Mykolaiv)
                self._garble_issue(s, t.text, loss)
                flagged.add(s.text)

    def _next_to(self, t: NameMention) -> list[str]:
        """The words right before and after a target mention, with nothing but a space between."""
        text = self.target_text
        if not text or text[t.start:t.end] != t.text:
            return []
        before = re.search(r"([^\W\d_]+)\s+$", text[: t.start])
        after = re.match(r"\s+([^\W\d_]+)", text[t.end:])
        return [m.group(1) for m in (before, after) if m]

    def _established_forms(self, s: NameMention) -> frozenset[str]:
        """Lower-case Cyrillic words of a glossary name's or a gazetteer place's own forms."""
        forms = set(self._place_forms(s))
        entry = self.glossary.entry(s.key) if _is_glossary(s, self.glossary) else None
        if entry is not None:
            for form in entry.forms.get(self.target_lang, []):
                forms.add(form)
                forms.update(_name_parts(form))
        return frozenset(f.lower() for f in forms if f)

    def _cut_established(self, rendering: str, forms: frozenset[str]) -> str:
        """A rendering that is an established form cut short, token for token (Sankt-Peter /
        Sankt-Peterburg; not Kasa Branka against one-word Kasablanka)."""
        tokens = rendering.lower().split()
        return next((h for f in forms if len(f.split()) == len(tokens) for w in tokens
                     if not self._is_form(w, forms) and (h := _cut_form(w, f))), "")

    @staticmethod
    def _is_form(word: str, forms: frozenset[str]) -> bool:
        lower = word.lower()
        return lower in forms or any(_same_stem(lower, f) for f in forms)

    def _lost_part(self, s: NameMention, rendering: list[str], written: list[str], forms: frozenset[str],
                   said: Counter) -> str:
        """How the words of `rendering` lose part of a word of `s`, unless the translation
        renders that word whole as often as the source says it; a name said more often than
        rendered whole may have lost part of it in a mention of its own (Berlin ... Ber)."""
        source_words = [strip_possessive(w) for w in _name_parts(s.text)]
        for word in source_words:
            # Words for peoples are translated (Sino-Japanese War / yapono-kitaiskoi voiny).
            if not word[:1].isupper() or word in _institution_words() or is_peoples_word(word) \
                    or _made_from_name(word):
                continue
            given = len(source_words) > 1 and word != source_words[-1]
            lossy = [c for c in rendering if word_loss(word, c, self.target_lang)]
            if not lossy and said[word] <= 1:
                continue
            keys = _surface_keys(word, "en")
            # A form of the name renders this word only if it spells it (not Shtaty for America).
            whole = sum(1 for c in written if c[:1].isupper() and _words_alike(keys, _surface_keys(c, self.target_lang))
                        and (self._is_form(c, forms) or not word_loss(word, c, self.target_lang)))
            if whole >= max(said[word], 1):
                continue
            if whole == 0:
                candidates = lossy
            else:
                # Another word of the text: one that opens as the name does, or lost its opening.
                candidates = [c for c in written if not self._is_form(c, forms) and (
                    word_key(c, self.target_lang)[:3] == word_key(word, "en")[:3] or word_loss(word, c, self.target_lang) == "garbled")]
            how = next((h for c in candidates if (c[:1].isupper() or c in rendering) and not (given and self._own_given_name(word, c))
                        and (h := word_loss(word, c, self.target_lang)) and not self._renders_other(s, c)), "")
            if how:
                return how
        return ""

    def _renders_other(self, s: NameMention, rendering: str) -> bool:
        """The word renders a word of another source name whole (Mykolai and Mykolaiv: Mykolai
        is no cut-off city, whichever the matching paired it with)."""
        keys = _surface_keys(rendering, self.target_lang)
        return any(_words_alike(_surface_keys(w, "en"), keys) and not word_loss(w, rendering, self.target_lang)
                   for m in self.source if m.key != s.key for w in _name_parts(m.text)
                   if w[:1].isupper())

    def _own_given_name(self, word: str, rendering: str) -> bool:
        """A given name the dictionary knows, spelt otherwise than the English one's start:
        the language's own form of it (Steven / Stiv), not a cut-off copy (Larry / Lar)."""
        return analyse(rendering, self.target_lang).known and is_given_name(rendering, self.target_lang) \
            and not word_key(word, "en").startswith(word_key(rendering, self.target_lang))

    def _name_word(self, word: str) -> bool:
        """A target word that is a name by its own evidence: tagged as one, a place, or unknown
        to the dictionary; a word it knows as an ordinary one is a translated part."""
        info = analyse(word.strip(".,;:!?\"'«»()"), self.target_lang)
        return not info.known or info.name_tagged or bool(_places_of(word, info.lemma, self.target_lang))

    def _target_word_keys(self) -> frozenset[str]:
        """Keys of every capitalised word of the target text, read once per comparison."""
        if self._target_words is None:
            self._target_words = _capitalised_word_keys(self.target_text, self.target_lang)
        return self._target_words

    # -- judging ----------------------------------------------------------------------------
    def _garble_issue(self, s: NameMention, found: str, how: str) -> None:
        severity = "error"
        if how == "shortened":
            how = "truncated"
            # Without its final vowel, a word the language's texts use may be an established
            # rendering (Santorini / Santorin): a warning, not an error.
            if attested_shortening(s.text, found, self.target_lang):
                severity = "warning"
        self.found.append(Issue("name", severity, self.target_lang, s.text, found,
                                f"{self.target_lang} has {found}, a {how} form of {s.text}",
                                rule="name.garbled"))

    @cached_property
    def rendered_keys(self) -> list[frozenset[str]]:
        """Keys of each target word: written, and for a capitalised word also without a case
        ending of one or two letters (Greininhom / Groening): a dictionary parse would cost more."""
        return [_inflected_keys(word_key(w, self.target_lang)) if w[:1].isupper()
                else frozenset({word_key(w, self.target_lang)}) for w in self.target_words]

    @cached_property
    def target_words(self) -> list[str]:
        """The translation's words (_LOWER_WORD), read once per comparison: most passes read them.
        Read in composed form: a decomposed letter (i + combining breve) would end a word."""
        return _LOWER_WORD.findall(unicodedata.normalize("NFC", self.target_text))

    def _claim_swap(self, s: NameMention, t: NameMention, j: int, word: str, missing: list[NameMention],
                    extra: list[NameMention]) -> None:
        """Report target mention j (`t`, whose `word` took the name's place) as a swap for `s`,
        and take both out of what later passes read as lost and unexplained."""
        if s in missing:
            missing.remove(s)
        if t in extra:
            extra.remove(t)
        self.tgt_matched[j] = True
        self._swap_issue(s, t.text, word, s.text, "position")

    def _swap_issue(self, s: NameMention, found: str, said: str, source_said: str, evidence: str) -> None:
        """An error: the translation has `said` (the issue's `found`) where the source has
        `source_said`, a name or a word of the name `s`."""
        self.found.append(Issue("name", "error", self.target_lang, s.text, found,
                                f"{self.target_lang} has {said} where {self.source_lang} has {source_said}",
                                rule="name.mismatch", evidence=evidence))

    def _mismatch(self, s: NameMention, t: NameMention, why: str) -> None:
        # Between two translations (uk and ru) names may follow different conventions
        # (Kouluna / Tszyulun, Sapmi / Laplandiya): sound alone is a warning there.
        severity = "warning" if why == "sound" and self.source_lang != "en" else "error"
        self.found.append(Issue("name", severity, self.target_lang, s.text, t.text,
                                f"{self.target_lang} has {t.text} where {self.source_lang} has {s.text}",
                                rule="name.mismatch", evidence=why))

    def issues(self) -> list[Issue]:
        if self.source or self.target:
            self._shared_keys()
            if not all(self.src_matched) or not all(self.tgt_matched):
                self._places()
                self._fuzzy()
            elif self._keys_one_for_one():
                return self._settled_issues()
        else:
            return self._settled_issues()
        self._given_names()
        self._given_name_before_surname()
        self._people_of_ordinary_words()
        self._words_within_pairs()
        self._known_names_within_pairs()
        run_word_swaps(self)
        loose_sound_pairs(self)
        self._words_beside_pairs()
        self._surnames_as_words()
        self._word_losses()
        self._literal_slots()
        literal_errors(self)
        self._explained_by_source_text()
        source, target, glossary = self.source, self.target, self.glossary
        # Peoples' words the translation lost: glossary demonyms, and English -an/-ian words made
        # from a gazetteer place (Asian, Moroccan) that no adjective of the target answers.
        lost_demonyms = [s for i, s in enumerate(source) if not self.src_matched[i]
                         and (s.kind == "demonym" or (s.kind in ("common", "name") and self.source_lang == "en"
                                                      and bool(peoples_places(s.text))))]
        missing = _dedupe([s for i, s in enumerate(source)
                           if not self.src_matched[i] and s.kind not in _SILENT_KINDS])
        extra = _dedupe([t for j, t in enumerate(target)
                         if not self.tgt_matched[j] and t.kind not in _SILENT_KINDS])
        self._substitutions(missing, extra, lost_demonyms)
        name_in_meaning_rendering(self, missing, extra)
        lost_peoples_stand_ins(self, lost_demonyms, extra)
        swapped_peoples_words(self, lost_demonyms)
        self._garbled_extras(extra)
        self._lowercase_renderings(missing)
        self._cut_capitalised(missing)
        self._garbled_places(missing)
        cut_words(self, missing)
        stumps(self)
        damaged_copies(self)
        romanised_garbles(self)
        lone_pair_swap(self, missing, extra)
        ordered_pair_swap(self, missing, extra)
        lost_shared_word_rendering(self, missing, extra)
        shared_rendering_to_capitalised_word(self, missing)
        added_person_stand_ins(self, missing, extra)
        lost_opening_stand_ins(self, missing, extra)
        for s in missing:
            self._missing(s)
        for s in self._literal_candidates():
            self.found.append(Issue("name", "warning", self.target_lang, s.text, "",
                                    f"{self.target_lang} has no name for {s.text}: rendered as ordinary "
                                    f"words, or dropped", rule="name.literal"))
        for t in extra:
            # Translators add a country or an organisation to make a sentence clear ("SSHA"), so
            # an added name is information, except a known person, who is rarely added for clarity.
            entry = glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
            severity = "warning" if entry is not None and entry.kind == "person" else "info"
            self.found.append(Issue("name", severity, self.target_lang, "", t.text,
                                    f"{self.target_lang} has {t.text}, which {self.source_lang} does not mention",
                                    rule="name.extra"))
        return self.found

    def _keys_one_for_one(self) -> bool:
        """Each mention's key, on either side, as often as on the other: with every mention
        paired by shared keys, each name has a rendering keyed as it is."""
        return Counter(m.key for m in self.source) == Counter(m.key for m in self.target)

    def _settled_issues(self) -> list[Issue]:
        """The issues of a pair whose names all have their counterparts of the same key, one for
        one (or that names none): no name is lost, added, swapped or cut, which is what the other
        passes look for (a cut or swapped word changes a key, a lost or added one the count), so
        only the passes that read words the extractor took for no name run: a given name opening
        the sentence cut (Oliver Sacks / liver Saks), a word cut to a stump, a Latin code copied
        with a letter lost, a Slavic surname misspelt. Close to half of a release's pairs are such
        (FLORES: 918 of its 2,024 en-uk and en-ru pairs)."""
        initial_given_names(self)
        stumps(self)
        damaged_copies(self)
        romanised_garbles(self)
        return self.found

    def _report_stand_in(self, s: NameMention, t: NameMention, why: str) -> None:
        """A lost name and what stands in its place: garbled when the stand-in renders one of
        its words cut, another name otherwise."""
        how = self._word_cut_within(s, t)
        if how:
            self._garble_issue(s, t.text, how)
        else:
            self._mismatch(s, t, why)

    def _word_cut_within(self, s: NameMention, t: NameMention) -> str:
        """How a stand-in of as many words as the lost name renders one of its words cut
        (Arnold Schwarzenegger / Arnol'd Vartsenegger: "garbled", Ethiopia / Efio:
        "truncated"), or "": a cut name, not another name in its place."""
        s_words, t_words = s.text.split(), t.text.split()
        if len(s_words) != len(t_words) or self.source_lang != "en":
            return ""
        for s_word, t_word in zip(s_words, t_words, strict=True):
            how = cut_of(strip_possessive(s_word), t_word, self.target_lang)
            if how:
                return how
        return ""

    def _substitutions(self, missing: list[NameMention], extra: list[NameMention],
                       lost_demonyms: list[NameMention]) -> None:
        """Pairs a source name left without counterpart with a target name left unexplained."""
        glossary = self.glossary
        self.missing_names = missing
        for s in list(missing):
            found = _replacement(s, extra, glossary)
            why = "glossary"
            if found is None:
                found, why = self._unexplained_replacement(s, extra)
            if found is None:
                continue
            missing.remove(s)
            if found in extra:
                extra.remove(found)
            self._report_stand_in(s, found, why)
        self._common_word_names(extra)
        # A glossary name added while a repeated one lost a mention: the added name stands in
        # for that mention ("Kyiv ... Kyiv" against "Kyiv ... Odesa").
        for t in list(extra):
            t_entry = glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
            if t_entry is None:
                continue
            for s in self.source:
                s_entry = glossary.entry(s.key) if s.kind not in _SILENT_KINDS else None
                if s_entry is None:
                    # A place the gazetteer knows, lost while a glossary place appears.
                    if self._repeat_lost_to_place(s, t_entry):
                        extra.remove(t)
                        self._mismatch(s, t, "gazetteer")
                        break
                    continue
                if s_entry.kind != t_entry.kind or s_entry.id == t_entry.id:
                    continue
                if sum(m.key == s.key for m in self.source) > sum(m.key == s.key for m in self.target):
                    extra.remove(t)
                    self._mismatch(s, t, "glossary")
                    break
        self._lost_name_to_known_place(missing, extra)
        self._partly_rendered_runs(missing, extra)
        self._partly_rendered_explained_runs(missing)
        self._gloss_disagrees(extra)
        self._lost_repeats(extra)
        self._lost_repeat_to_capitalised_word()
        self._lost_shared_rendering(extra)
        self._swapped_form_word(missing, extra)
        self._lost_to_derived(extra)
        self._lost_to_person(missing, extra, lost_demonyms)
        self._lost_to_glossary_body(missing, extra)
        self._lost_to_place_adjective(missing)
        self._lost_phrases(extra)
        self._lost_derived_phrase(extra)
        self._one_lost_phrase_one_name(extra)
        self._lost_phrases_to_established_place(extra)
        self._name_among_translated_words(missing, extra)
        self._run_word_replaced(extra)
        # A people or country adjective the translation lost while a place it never mentioned
        # appears: the place was swapped ("French law" / "pravo Kaira").
        for s in lost_demonyms:
            for t in extra:
                entry = glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
                places = _places(t, self.target_lang, self.glossary)
                own = glossary.entry(s.key) is not None or bool(peoples_places(s.text))
                if (entry is not None and entry.kind == "place" and entry.id != s.key
                        and not (peoples_places(s.text) & _entry_places(entry))) or (
                        entry is None and places and own and _established_place(places)
                        and not (peoples_places(s.text) & places)):
                    extra.remove(t)
                    self._mismatch(s, t, "glossary" if entry is not None else "gazetteer")
                    break
        self._lost_demonym_to_dictionary_place(lost_demonyms, extra)
        self._lost_peoples_word_to_place(missing, extra)
        # A type designation with another number is a different weapon or aircraft (S-300 / S-400).
        for s in [m for m in missing if is_designation(m.text)]:
            for t in extra:
                if is_designation(t.text) and _letters(t.key) == _letters(s.key):
                    missing.remove(s)
                    extra.remove(t)
                    self._mismatch(s, t, "designation")
                    break

    def _lost_demonym_to_dictionary_place(self, lost_demonyms: list[NameMention], extra: list[NameMention]) -> None:
        """A people's word the translation lost while a place appears that the gazetteer does
        not hold but the dictionary tags as one (French law / pravo Persii), spelling neither
        the people's word nor its country: the place was swapped in."""
        if self.target_lang == "en":
            return
        for s in lost_demonyms:
            homes = self._demonym_homes(s)
            if not homes:
                continue
            for t in extra:
                if not self._dictionary_place(t):
                    continue
                t_keys = _fuzzy_keys(t, self.target_lang, self.glossary)
                if any(_words_alike(home, t_keys) for home in homes):
                    continue
                extra.remove(t)
                self._mismatch(s, t, "dictionary")
                break

    def _lost_peoples_word_to_place(self, missing: list[NameMention], extra: list[NameMention]) -> None:
        """A people's word left as a lost name whose place neither the glossary nor the gazetteer
        holds (Tasmanian), the only name lost, and one place by the dictionary or the gazetteer
        that nothing explains and that is no place the word is made from (its stem does not open
        the word): the place was swapped in (Tasmanian dollars / dolary Bavarii)."""
        lost = [m for m in missing if m.kind == "name"]
        if self.target_lang == "en" or len(lost) != 1 or not is_peoples_word(lost[0].text):
            return
        s = lost[0]
        # A place word that is an ordinary word too (ru Zapad: the West, a people's home) is no
        # stand-in.
        places = [t for t in extra if self._substitute_candidate(t) and (self._established_target_place(t) or (
            self._dictionary_place(t) and not analyse(t.text, self.target_lang).common_reading))]
        if len(places) != 1:
            return
        t = places[0]
        s_keys = _fuzzy_keys(s, self.source_lang, self.glossary)
        t_keys = _fuzzy_keys(t, self.target_lang, self.glossary)
        if _words_alike(s_keys, t_keys) or _adjective_match(t_keys, s_keys) or not self._sound_apart(s, t):
            return
        missing.remove(s)
        extra.remove(t)
        self._mismatch(s, t, "dictionary")

    def _demonym_homes(self, s: NameMention) -> list[frozenset[str]]:
        """Keys of a people's word and of the English names of the places it is made from
        (French: France; Asian: Asia); none when no place is known."""
        entry = self.glossary.entry(s.key)
        names = list(entry.forms.get(self.source_lang, [])) if entry is not None else []
        ids = peoples_places(s.text)
        if ids:
            from align.names.gazetteer import gazetteer

            names.append(gazetteer().name(ids))
        if not names:
            return []
        return [_fuzzy_keys(s, self.source_lang, self.glossary)] + [_surface_keys(n, self.source_lang) for n in names]

    def _dictionary_place(self, t: NameMention) -> bool:
        """One word the dictionary tags as a place, neither a glossary name nor a place the
        gazetteer holds (those are judged by their ids), that no source word spells."""
        return t.kind == "name" and len(t.text.split()) == 1 and self.glossary.entry(t.key) is None \
            and not _places(t, self.target_lang, self.glossary) and is_place_word(t.text, self.target_lang) \
            and not self._named_in_source_text(t)

    def _lost_name_to_known_place(self, missing: list[NameMention], extra: list[NameMention]) -> None:
        """One name of one word of its own left without counterpart, one established place of
        the gazetteer that nothing explains: when the lost name is no place the gazetteer
        knows and spells neither the place's English name nor its rendering (Majorcan /
        Mekki, whose English name is Mecca), the place stands in for it, however alike the two
        sound. Sound alone leaves such pairs alone as one name spelt two ways; the gazetteer's
        English name says which name the target word is."""
        if self.target_lang == "en":
            return
        lost = [m for m in missing if m.kind == "name" and self._one_own_word(m)
                and not _places(m, self.source_lang, self.glossary) and not _is_glossary(m, self.glossary)]
        places = [t for t in extra if self._substitute_candidate(t) and self.glossary.entry(t.key) is None
                  and _established_place(_places(t, self.target_lang, self.glossary))]
        if len(lost) != 1 or len(places) != 1 or len([m for m in missing if m.kind == "name"]) != 1:
            return
        s, t = lost[0], places[0]
        if len([m for m in extra if self._substitute_candidate(m)]) > 1 and self._same_place(s, [t]) is None:
            return  # another unexplained name may be the lost one's rendering (Huhne / Khiun ... Maiotte)
        from align.names.gazetteer import gazetteer

        english = gazetteer().name(_places(t, self.target_lang, self.glossary))
        s_keys = _fuzzy_keys(s, self.source_lang, self.glossary)
        if _keys_match(s_keys, _surface_keys(english, "en")) or _words_alike(s_keys, _surface_keys(english, "en")) \
                or _keys_match(s_keys, _fuzzy_keys(t, self.target_lang, self.glossary)):
            return
        missing.remove(s)
        extra.remove(t)
        self._mismatch(s, t, "gazetteer")

    def _repeat_lost_to_place(self, s: NameMention, t_entry) -> bool:
        """A gazetteer place the source repeats, rendered fewer times, while a glossary place
        of other places appears (Angola ... Angola / Stambula ... Angoli)."""
        if t_entry.kind != "place" or s.kind != "name":
            return False
        places = _places(s, self.source_lang, self.glossary)
        if not _established_place(places) or places & _entry_places(t_entry):
            return False
        said = sum(m.key == s.key for m in self.source)
        rendered = len({j for k, j in self.pairs if self.source[k].key == s.key})
        return said > rendered

    def _nearest(self, t: NameMention, lost: list[NameMention]) -> NameMention:
        """The source mention of `lost` nearest to where target mention `t` stands, each place
        a share of its sentence's length."""
        where = t.start / max(1, len(self.target_text))
        return min(lost, key=lambda m: abs(m.start / max(1, len(self.source_text)) - where))

    def _same_place(self, s: NameMention, candidates: list[NameMention]) -> NameMention | None:
        """The one candidate standing where `s` stands, as a share of its sentence's length
        (word order moves a name less than a fifth of the sentence in a translation)."""
        if not self.source_text or not self.target_text:
            return None
        where = s.start / max(1, len(self.source_text))
        near = [t for t in candidates if abs(t.start / max(1, len(self.target_text)) - where) <= _SAME_PLACE]
        return near[0] if len(near) == 1 else None

    def _common_word_names(self, extra: list[NameMention]) -> None:
        """A name that is also an ordinary word (Miller, Jerry), left without counterpart, with
        an unexplained proper name standing in its place of the sentence that sounds nothing
        like it: a substitution. The place is what tells it from a word rendered by meaning
        (the Sun / Sontse) beside a name the translator added."""
        if not self.source_text:
            return
        # The lost ordinary-word names first: most comparisons have none, and the candidates cost more.
        lost = [s for i, s in enumerate(self.source)
                if not (self.src_matched[i] or s.kind != "common" or s.initial or len(s.text.split()) != 1
                        or is_peoples_word(s.text) or strip_possessive(s.text) in _institution_words())]
        if not lost:
            return
        candidates = [t for t in extra if self._substitute_candidate(t)] + self._rare_capitalised_words()
        if not candidates:
            return
        for s in lost:
            t = self._same_place(s, candidates)
            if t is None or (t not in extra and t.kind != "common"):
                continue
            if self._skeletons_apart(s, t):
                if t in extra:
                    extra.remove(t)
                self.tgt_matched[self.target.index(t)] = True
                candidates.remove(t)
                self.garbled_common.add(s.key)
                self._mismatch(s, t, "sound")

    def _rare_capitalised_words(self) -> list[NameMention]:
        """Unmatched capitalised words inside the translation that the dictionary knows without
        a name tag but that are too rare to be ordinary words capitalised (Bishkeku): names the
        Ukrainian dictionary does not tag, standing where a name may have been."""
        if self.target_lang == "en":
            return []
        return [t for j, t in enumerate(self.target) if not self.tgt_matched[j] and t.text[:1].isupper()
                and self._capitalised_word_candidate(t) and _strong_target_name(t, self.target_lang)]

    def _lost_repeats(self, extra: list[NameMention]) -> None:
        """A name the source repeats that the translation names fewer times, while a name
        nothing explains appears: the other name stands in for one mention ("Taiwan ...
        Taiwan" against "Tayvanya ... Slanya"). Only a name of its own counts on the target
        side, not an adjective made from it; and only where it is unambiguous: one such
        target name, and no source name left without a counterpart to pair it with."""
        candidates = [t for t in extra if self._substitute_candidate(t)]
        if len(candidates) != 1:
            return
        # With a source name left over, the added name may stand for that one instead, unless
        # both are places the gazetteer knows apart (Angola ... Angola / Angola ... Stambula).
        places_only = any(m.kind == "name" for m in self.missing_names)
        for t in candidates:
            t_places = _places(t, self.target_lang, self.glossary)
            if places_only and not _established_place(t_places):
                return
            for i, s in enumerate(self.source):
                if s.kind != "name" or not self.src_matched[i] or is_peoples_word(s.text):
                    continue
                if places_only:
                    s_places = _places(s, self.source_lang, self.glossary)
                    if not _established_place(s_places) or s_places & t_places:
                        continue
                said = sum(m.key == s.key and m.kind == "name" for m in self.source)
                rendered = len({j for k, j in self.pairs if self.source[k].key == s.key
                                and self.target[j].kind not in ("adjective", "demonym")})
                if said > rendered and self._skeletons_apart(s, t):
                    extra.remove(t)
                    self._mismatch(s, t, "sound")
                    break

    def _lost_repeat_to_capitalised_word(self) -> None:
        """A name the source repeats that the translation names fewer times, every other name
        rendered, while one capitalised ordinary word stands inside the translation that no
        source word explains and that sounds unlike the name (Canada's ... Canada's / Kanady
        ... Buddy): a name's mention was swapped for a word that is also a name. Ukrainian and
        Russian capitalise an ordinary word inside a sentence only in a name."""
        t = None if self.target_lang == "en" or self.missing_names else self._lone_capitalised_word()
        if t is None:
            return
        for i, s in enumerate(self.source):
            if s.kind != "name" or not self.src_matched[i] or is_peoples_word(s.text):
                continue
            said = sum(m.key == s.key and m.kind == "name" for m in self.source)
            rendered = len({j for k, j in self.pairs if self.source[k].key == s.key
                            and self.target[j].kind not in ("adjective", "demonym")})
            # Rendered as a name once at least: a name rendered only by an adjective (Italy's /
            # Italiiska) leaves no mention for the word to stand in for.
            if said > rendered >= 1 and self._sound_apart(s, t):
                self.tgt_matched[self.target.index(t)] = True
                self._mismatch(s, t, "position")
                return

    def _lost_shared_rendering(self, extra: list[NameMention]) -> None:
        """Source mentions of one name written differently (Qing ... Qing Empire, Japans ...
        Japan, Vinson Massif ... Mount Vinson) all matched to fewer target mentions, while one
        name nothing explains appears, sounding unlike them: it stands in for one mention."""
        candidates = [t for t in extra if self._substitute_candidate(t)]
        if len(candidates) != 1 or any(m.kind == "name" for m in self.missing_names):
            return
        # A lost acronym is often rendered by what it stands for (UCLA / Universytetu
        # Kalifornii), and that may name a place: the added name has an explanation.
        if any(m.text.isupper() and len(m.text) >= 2 for m in self.missing_names):
            return
        t = candidates[0]
        rendered = self._renderings()
        for i, s in enumerate(self.source):
            own = rendered.get(i)
            if s.kind != "name" or not own or is_peoples_word(s.text):
                continue
            sharers = [k for k, theirs in rendered.items() if theirs <= own]
            if len(sharers) > len(own) and all(self._sound_apart(self.source[k], t) for k in sharers):
                extra.remove(t)
                self._mismatch(s, t, "sound")
                return

    def _partly_rendered_runs(self, missing: list[NameMention], extra: list[NameMention]) -> None:
        """A source run left without counterpart and a target run nothing explains as a whole,
        whose words render all of the source run's words but one, and hold one word of their
        own that sounds apart from it (Democratic Republic of Congo / Demokratychnoi Respubliky
        Tykhoho, Raju Khandelwal / Raiu Oryhinal): that word stands for the lost one."""
        if self.source_lang != "en" or self.target_lang == "en":
            return
        for s in [m for m in missing if m.kind == "name" and len(_keyed_words(m)) > 1]:
            s_words = [strip_possessive(w) for w in _keyed_words(s)]
            s_keys = {w: _surface_keys(w, self.source_lang) for w in s_words}
            # Unmatched runs the extractor took for common words too (Pivnichnii Santorini).
            runs = extra + [t for j, t in enumerate(self.target) if not self.tgt_matched[j] and t.kind == "common"]
            for t in [t for t in runs if len(t.text.split()) > 1 and not _is_latin(t.text)]:
                t_keys = {w: _surface_keys(w, self.target_lang) for w in t.text.split()}
                # Generic words (North, Show) are translated: neither lost nor new.
                lost = [w for w in s_words if not any(_words_alike(s_keys[w], k) for k in t_keys.values())
                        and w not in _institution_words()]
                unexplained = [w for w, k in t_keys.items() if not any(_words_alike(k, sk) for sk in s_keys.values())
                               and not _keys_match(k, self._source_word_keys())]
                new = [w for w in unexplained if not self._translated_generic(w, s_words)]
                if len(lost) != 1 or len(new) != 1 or len(new) == len(t_keys):
                    continue
                if len(unexplained) == len(t_keys) and self._same_place(s, [t]) is None:
                    continue  # only translated words beside the new one: the place must tell
                if t.kind == "common" and not self._rare_word(new[0]):
                    continue  # a run of ordinary words is the source run translated
                if is_ordinary_english(lost[0]) and not self._name_word(new[0]):
                    continue  # an ordinary word translated (Florida Sleeve / Florida Vtulka)
                a, b = s_keys[lost[0]], t_keys[new[0]]
                if _word_sounds_apart(a, b) or self._surname_swapped(s, t, lost[0], new[0], a, b):
                    missing.remove(s)
                    if t in extra:
                        extra.remove(t)
                    self.tgt_matched[self.target.index(t)] = True
                    self._mismatch(s, t, "sound")
                    break

    def _partly_rendered_explained_runs(self, missing: list[NameMention]) -> None:
        """As _partly_rendered_runs, for a target run that a source word explains, so that it
        was never taken for an added name, though no source name is paired with it (Tracy
        Ullman Show / Shou Treisi Balasubramanian: Tracy and Show explain it)."""
        if self.source_lang != "en" or self.target_lang == "en":
            return
        runs = [t for j, t in enumerate(self.target) if self.tgt_matched[j]
                and t.kind == "name" and len(t.text.split()) > 1 and not _is_latin(t.text)]
        for s in [m for m in missing if m.kind == "name" and len(m.text.split()) > 1]:
            i = self.source.index(s)
            for t in runs:
                if self._same_place(s, [t]) is None or (i, self.target.index(t)) in self.pairs:
                    continue
                swap = self._one_word_swapped(s, t)
                if swap:
                    missing.remove(s)
                    runs.remove(t)
                    self._swap_issue(s, t.text, swap[1], f"{swap[0]} ({s.text})", "sound")
                    break

    def _gloss_disagrees(self, extra: list[NameMention]) -> None:
        """A target run followed by the source's name in Latin letters in brackets (Toni Upolu
        (Tony Moll)): the bracket glosses the run, so a word of the run that renders no word of
        the glossed name, sounding apart from the one it leaves out, belongs to another name."""
        if self.source_lang != "en" or self.target_lang == "en" or not self.target_text:
            return
        for t in [m for m in extra if m.kind == "name" and not _is_latin(m.text)]:
            glossed = self._glossed_by(t)
            if glossed is None:
                continue
            swap = self._one_word_swapped(glossed, t)
            if swap:
                extra.remove(t)
                self.tgt_matched[self.target.index(t)] = True
                said = glossed.text if swap[0] == glossed.text else f"{swap[0]} ({glossed.text})"
                self._swap_issue(glossed, t.text, swap[1], said, "gloss")

    def _glossed_by(self, t: NameMention) -> NameMention | None:
        """The source name that a Latin mention in brackets right after `t` is paired with."""
        after = self.target_text[t.end:t.end + 3]
        if not after.lstrip().startswith("("):
            return None
        for i, j in self.pairs:
            m = self.target[j]
            # A person's or place's name, not an acronym glossing a term (MR-perfuziiu (ASL)).
            if _is_latin(m.text) and 0 < m.start - t.end <= 3 and self.source[i].kind == "name" \
                    and not m.text.isupper():
                return self.source[i]
        return None

    def _one_word_swapped(self, s: NameMention, t: NameMention) -> tuple[str, str] | None:
        """(the one word of `s` that `t` renders nowhere, the one name word of `t` that no
        source word explains and that sounds apart from it), or None."""
        s_words = [strip_possessive(w) for w in s.text.split() if w[:1].isupper()]
        s_keys = {w: _surface_keys(w, self.source_lang) for w in s_words}
        t_keys = {w: _surface_keys(w, self.target_lang) for w in t.text.split()}
        # Ordinary words on either side (Show / Shou) are translated, not lost or new.
        lost = [w for w in s_words if not any(_words_alike(s_keys[w], k) for k in t_keys.values())
                and w not in _institution_words() and not is_ordinary_english(w)]
        new = [w for w, k in t_keys.items() if not any(_words_alike(k, sk) for sk in s_keys.values())
               and not _keys_match(k, self._source_word_keys()) and not self._translated_generic(w, s_words)
               and self._name_word(w) and not analyse(w.strip(".,;:!?\"'«»()"), self.target_lang).common_reading]
        if len(lost) != 1 or len(new) != 1:
            return None
        a, b = s_keys[lost[0]], t_keys[new[0]]
        if _word_sounds_apart(a, b) or (_surnames_apart(a, b) and _spelt_apart(a, b)):
            return lost[0], new[0]
        return None

    def _rare_word(self, word: str) -> bool:
        """Unknown to the dictionary, or each of its dictionary forms too rare to be an ordinary
        word (Skhodi is skhid, the east, whatever lemma comes first)."""
        info = analyse(word.strip(".,;:!?\"'«»()"), self.target_lang)
        return not info.known or max(zipf(lemma, self.target_lang) for lemma in info.lemmas) < _COMMON_CYRILLIC_ZIPF

    def _translated_generic(self, word: str, source_words: list[str]) -> bool:
        """A target word that may translate a generic word of the source run (Pivnichnii for
        North, Shou for Show): the run has one, and the word is an ordinary word, by an
        adjective's reading or by being common in the language."""
        if not any(w in _institution_words() for w in source_words):
            return False
        info = analyse(word.strip(".,;:!?\"'«»()"), self.target_lang)
        return info.known and (is_adjective_reading(word, self.target_lang)
                               or zipf(info.lemma, self.target_lang) >= _COMMON_CYRILLIC_ZIPF)

    def _swapped_form_word(self, missing: list[NameMention], extra: list[NameMention]) -> None:
        """A glossary name of two words whose describing word the translation keeps before
        another name (South Africa / Pivdennoi Amazonky, Yuzhnoi Kasivazaki), rendering the
        name itself nowhere but in a word made from it: the other name took its place."""
        if not self.target_text or self.target_lang == "en":
            return
        words = self.target_words
        flagged = {i.expected for i in self.found if i.category == "name"}
        for i, s in enumerate(self.source):
            entry = self.glossary.entry(s.key) if _is_glossary(s, self.glossary) else None
            # (A name rendered otherwise than by a derived word may still lose the end of its
            # long form: United States of America / Spolucheni Shtaty Meksyky.)
            if entry is None or s.text in flagged or (len(s.text.split()) < 3 and any(
                    not self._derived_target(self.target[j]) for k, j in self.pairs if k == i)):
                continue
            found = self._form_word_swap(entry.forms.get(self.target_lang, []), words)
            if not found and len(s.text.split()) >= 3:
                found = self._form_end_swap(entry.forms.get(self.target_lang, []), words)
            if found:
                if s in missing:
                    missing.remove(s)
                for t in [t for t in extra if found.endswith(t.text) or t.text.endswith(found.split()[-1])]:
                    extra.remove(t)
                self._swap_issue(s, found, found, s.text, "glossary")
                flagged.add(s.text)

    def _form_word_swap(self, forms: list[str], words: list[str]) -> str:
        """"G W" when a text word shares a lemma with the describing first word G of a two-word
        form and the capitalised word W after it is no form of the form's own word."""
        for form in forms:
            parts = form.split()
            if len(parts) != 2 or not _generic_word(parts[0], self.target_lang):
                continue
            describing = analyse(parts[0], self.target_lang).lemmas
            own = _surface_keys(parts[1], self.target_lang)
            for k, word in enumerate(words[:-1]):
                after = words[k + 1]
                # Both capitalised: a name's describing word (Pivdennoi Amazonky), not an
                # adjective of the sentence before another name (rossiiskom Sankt-Peterburge).
                if not (word[:1].isupper() and after[:1].isupper()) \
                        or not (analyse(word, self.target_lang).lemmas & describing):
                    continue
                after_keys = _surface_keys(after, self.target_lang)
                if not _words_alike(own, after_keys) and not _keys_match(after_keys, self._source_word_keys()):
                    return f"{word} {after}"
        return ""

    def _lost_to_person(self, missing: list[NameMention], extra: list[NameMention],
                        lost_demonyms: list[NameMention]) -> None:
        """A lost Latin acronym or people's word, which a translation renders as an acronym,
        words or an adjective but never as a person, while a person's name nothing explains
        stands in its place of the sentence (APS / Fernandes, Canadian / Ronalda): a swap."""
        people = [t for t in extra if self._substitute_candidate(t) and self._person_name(t)]
        if not people or self.target_lang == "en":
            return
        lost = [m for m in missing if m.kind == "acronym" and _is_latin(m.text)] + list(lost_demonyms)
        for s in lost:
            # One of each, no source name left that the person could render: the person is
            # where the lost word was, wherever word order put it.
            # (Only with the source text, whose every word may explain the person: Schneider
            # opening its sentence is no extracted name.)
            alone = bool(self.source_text) and len(people) == 1 and len(lost) == 1 \
                and not any(m.kind == "name" for m in missing)
            t = self._same_place(s, people) or (people[0] if alone else None)
            if t is None or t not in extra or not self._sound_apart(s, t):
                continue
            extra.remove(t)
            people.remove(t)
            if s in missing:
                missing.remove(s)
            if s in lost_demonyms:
                lost_demonyms.remove(s)
            self._mismatch(s, t, "position")

    def _lost_to_glossary_body(self, missing: list[NameMention], extra: list[NameMention]) -> None:
        """A lost name with a glossary organisation nothing explains standing in its place of the
        sentence, sounding apart (East Texas / Skhidnoho Konhresu): the body took the name's place.
        Translators add a body to explain an acronym, not in place of a name."""
        bodies = [t for t in extra if _is_glossary(t, self.glossary)
                  and self.glossary.entry(t.key).kind in ("org", "other") and not self._named_in_source_text(t)]
        for s in [m for m in missing if m.kind == "name" and not _is_glossary(m, self.glossary)]:
            t = self._same_place(s, bodies)
            if t is None or t not in extra or not self._sound_apart(s, t):
                continue
            extra.remove(t)
            bodies.remove(t)
            missing.remove(s)
            self._mismatch(s, t, "position")

    def _lost_to_place_adjective(self, missing: list[NameMention]) -> None:
        """A lost place with, in its place of the sentence, an adjective made from another
        established place that no source word names (Treaty of Shimonoseki / Ukrainskii
        dogovor): the adjective names a place the source does not."""
        if self.target_lang == "en" or not self.source_text:
            return
        # Cheap first: most comparisons lose no name, or have no adjective left to stand for one.
        lost = [m for m in missing if m.kind == "name"]
        adjectives = [t for j, t in enumerate(self.target) if lost and not self.tgt_matched[j]
                      and t.kind in ("adjective", "demonym") and not self._named_in_source_text(t)]
        if not adjectives:
            return
        source_places = frozenset().union(*(_places(m, self.source_lang, self.glossary) for m in self.source)) \
            if self.source else frozenset()
        for s in lost:
            # The place the name is, or is named after (Treaty of Shimonoseki: Shimonoseki).
            s_places = _places(s, self.source_lang, self.glossary).union(
                *(_places_of(w, w, self.source_lang) for w in _keyed_words(s) if w not in _institution_words()))
            t = self._same_place(s, adjectives) if s_places else None
            if t is None:
                continue
            entry = self.glossary.entry(t.key)
            t_places = _entry_places(entry) if entry is not None else _places(t, self.target_lang, self.glossary)
            if not _established_place(t_places) or t_places & source_places:
                continue
            missing.remove(s)
            adjectives.remove(t)
            self.tgt_matched[self.target.index(t)] = True
            self._mismatch(s, t, "gazetteer")

    def _person_name(self, t: NameMention) -> bool:
        """Every word of the mention a given name or surname by the dictionary, and no place."""
        return all(is_person_word(w.strip(".,;:!?\"'«»()"), self.target_lang) for w in t.text.split()) \
            and not _places(t, self.target_lang, self.glossary)

    def _form_end_swap(self, forms: list[str], words: list[str]) -> str:
        """"W1 ... Wn" when the text holds all words of a form of three or more but the last,
        in order, and a capitalised word there that is no form of the last one and that no
        source word explains (Spoluchenykh Shtativ Meksyky for United States of America)."""
        for form in forms:
            parts = form.split()
            if len(parts) < 3:
                continue
            lemmas = [analyse(p, self.target_lang).lemmas for p in parts[:-1]]
            last = _surface_keys(parts[-1], self.target_lang)
            for k in range(len(words) - len(parts) + 1):
                window = words[k:k + len(parts)]
                if not all(analyse(w, self.target_lang).lemmas & ls for w, ls in zip(window, lemmas, strict=False)):
                    continue
                end = window[-1]
                end_keys = _surface_keys(end, self.target_lang)
                if end[:1].isupper() and not _words_alike(last, end_keys) \
                        and not _keys_match(end_keys, self._source_word_keys()):
                    return " ".join(window)
        return ""

    def _renderings(self) -> dict[int, frozenset[int]]:
        """Each matched source mention's target mentions that render it as a name (not an
        adjective or a people's word made from it)."""
        out: dict[int, set[int]] = {}
        for i, j in self.pairs:
            if self.target[j].kind not in ("adjective", "demonym") \
                    and self.source[i].kind not in ("adjective", "demonym"):
                out.setdefault(i, set()).add(j)
        return {i: frozenset(js) for i, js in out.items()}

    def _lost_to_derived(self, extra: list[NameMention]) -> None:
        """A name matched only to a word made from it that another source mention also claims
        (East African Islands ... Africa / Vostochno-afrikanskie ... Amazonki): the translation
        rendered the derived word, not the name; one unexplained name standing apart from it in
        sound stands in for it."""
        candidates = [t for t in extra if self._substitute_candidate(t)]
        if len(candidates) != 1:
            return
        claims = Counter(j for _, j in set(self.pairs))
        for i, s in enumerate(self.source):
            if s.kind != "name" or len(s.text.split()) != 1 or is_peoples_word(s.text) or _made_from_name(s.text):
                continue
            targets = {j for k, j in self.pairs if k == i}
            if not targets or any(claims[j] < 2 or not self._derived_target(self.target[j]) for j in targets):
                continue
            t = candidates[0]
            if self._sound_apart(s, t):
                extra.remove(t)
                self._mismatch(s, t, "sound")
                return

    def _derived_target(self, t: NameMention) -> bool:
        """A target word made from a name: an adjective or a people's word, by its kind or its
        written ending."""
        last = t.text.split()[-1] if t.text.split() else ""
        return t.kind in ("adjective", "demonym") or bool(_adjective_word(last)) \
            or bool(name_forms(self.target_lang).derived_surface.search(last.lower()))

    def _lost_phrases(self, extra: list[NameMention]) -> None:
        """A capitalised phrase of the source (Middle East, Blue Ash) that the translation
        renders nowhere, while one proper name that no source word explains and that sounds
        unlike the phrase stands in its place of the sentence: the phrase's place was taken by
        another name ("the Middle East" / «Iraka»)."""
        t = self._lone_substitute(extra)
        if t is None or not self._tagged_name(t):
            return
        # Generic words and words made from a place (Mediterranean) are translated.
        self._phrase_replaced(extra, t, lambda s: s.key not in self.garbled_common and not _derived_word(s)
                              and not all(strip_possessive(w) in _institution_words() for w in s.text.split()))

    def _lost_derived_phrase(self, extra: list[NameMention]) -> None:
        """A word made from a place (Arctic, Byzantine) that the translation renders nowhere,
        while one established place that no source word explains, sounding unlike it, stands in
        its place of the sentence ("the Arctic" / «Niu-Yorku»). _lost_phrases leaves such words
        alone because a translation renders them by meaning (Mediterranean / Seredzemnomoria);
        a place the gazetteer holds is no such rendering."""
        t = self._lone_substitute(extra)
        if t is None or not self._established_target_place(t):
            return
        self._phrase_replaced(extra, t, lambda s: _derived_word(s) and not peoples_places(s.text))

    def _lone_substitute(self, extra: list[NameMention]) -> NameMention | None:
        """The one unexplained target name that may stand for another, while every source name
        has a rendering; None otherwise."""
        candidates = [t for t in extra if self._substitute_candidate(t)]
        return candidates[0] if len(candidates) == 1 and not self.missing_names else None

    def _phrase_replaced(self, extra: list[NameMention], t: NameMention, reads: Callable[[NameMention], bool]) -> None:
        """`t` as a substitution for the first capitalised phrase rendered nowhere that `reads`
        accepts, stands in its place of the sentence and sounds unlike it."""
        for i, s in enumerate(self.source):
            if self.src_matched[i] or s.kind != "common" or s.initial or not reads(s) \
                    or self._same_place(s, [t]) is None:
                continue
            if self._skeletons_apart(s, t):
                extra.remove(t)
                self._mismatch(s, t, "position")
                return

    def _established_target_place(self, t: NameMention) -> bool:
        entry = self.glossary.entry(t.key) if t.kind not in _SILENT_KINDS else None
        if entry is not None:
            return entry.kind == "place"
        return _established_place(_places(t, self.target_lang, self.glossary))

    def _one_lost_phrase_one_name(self, extra: list[NameMention]) -> None:
        """One capitalised phrase of the source (Luna, Coaster Buses) that the translation
        renders nowhere, every source name rendered, and one proper name by the dictionary's
        tags that no source word explains and that sounds unlike it: the name took the phrase's
        place, wherever word order put it. With two of either side which stands for which is
        a guess, and an added name beside a phrase rendered by meaning leaves some other source
        phrase lost as well, so this is left to the place test (_lost_phrases)."""
        candidates = [t for t in extra if self._substitute_candidate(t)] + self._rare_words_as_names()
        if len(candidates) != 1 or self.missing_names or not self.source_text or candidates[0].text.isupper() \
                or any(not self.src_matched[i] and s.kind not in _SILENT_KINDS for i, s in enumerate(self.source)):
            return  # an acronym renders one (HCC / GTsK), whatever the passes before made of it
        lost = [s for i, s in enumerate(self.source) if not self.src_matched[i] and s.kind == "common"
                and not s.initial and s.key not in self.garbled_common and not _derived_word(s)
                and not all(strip_possessive(w) in _institution_words() for w in s.text.split())]
        t = candidates[0]
        if len(lost) != 1 or not (t.kind == "common" or self._tagged_name(t)):
            return
        s = lost[0]
        if t.kind == "common" and self._same_place(s, [t]) is None:
            return  # a word the dictionary knows is a name only where the phrase stood (the Sun / Sontse ... Neapolia)
        if self._same_place(s, [t]) is None and self._rendered_at_opening(s):
            return  # the Sun / Sontse opening the translation ... Neapolia, a place the translator added
        if self._skeletons_apart(s, t):
            if t in extra:
                extra.remove(t)
            self.tgt_matched[self.target.index(t)] = True
            self._mismatch(s, t, "position")

    def _name_among_translated_words(self, missing: list[NameMention], extra: list[NameMention]) -> None:
        """A target run nothing explains, of ordinary words the dictionary knows but for one
        word that is a name only (tagged as one with no ordinary reading, or an established
        place) and that no source word spells (Blizhnego Isaaka, Sviatogo Millera): a phrase
        translated by meaning (Blizhnego Vostoka, Sviatogo Petra) holds no such word, so the
        name took the place of one of its words. It stands for the source name or phrase left
        without counterpart nearest in its sentence, if that sounds unlike it."""
        if self.source_lang != "en" or self.target_lang == "en" or not self.source_text or not self.target_text:
            return
        flagged = {i.expected for i in self.found if i.category == "name"}
        lost = [s for i, s in enumerate(self.source) if not self.src_matched[i] and s.kind in ("name", "common")
                and not s.initial and s.text not in flagged]
        if not lost:
            return
        for j, t in enumerate(self.target):
            if self.tgt_matched[j] or t.kind not in ("name", "common") or len(t.text.split()) < 2:
                continue
            word = self._lone_name_word(t)
            if not word:
                continue
            s = self._nearest(t, lost)
            if not _sounds_different(_sound_keys(s, self.source_lang, self.glossary), _surface_keys(word, self.target_lang)):
                continue
            self._claim_swap(s, t, j, word, missing, extra)
            return

    def _run_word_replaced(self, extra: list[NameMention]) -> None:
        """A source run matched by some of its words (Westminster Magistrates Court /
        Magistratskom sude, The Simpsons Simon / Simpsonov) with one word of its own that no
        word of the translation spells, in any case, while one name that no source word
        explains stands where that word stands and sounds unlike it: the name took the word's
        place. Generic and ordinary English words (Court, Straw Poll) are translated, and
        people's words rendered by adjectives, so only a name's own word is read."""
        if self.source_lang != "en" or self.target_lang == "en" or not extra or not self.target_text:
            return
        candidates = [t for t in extra if self._substitute_candidate(t)]
        if not candidates:
            return
        flagged = {i.expected for i in self.found if i.category == "name"}
        for i in sorted({i for i, _ in self.pairs}):
            s = self.source[i]
            if s.kind != "name" or len(s.text.split()) < 2 or s.text in flagged:
                continue
            lost = self._unrendered_run_words(s)
            if len(lost) != 1:
                continue
            word = lost[0]
            # Word order moves a word within its run (sud Kissindzhera): anywhere inside the
            # run's stretch of the sentence is its place.
            low, high = s.start / max(1, len(self.source_text)), s.end / max(1, len(self.source_text))
            near = [t for t in candidates
                    if low - _SAME_PLACE <= t.start / max(1, len(self.target_text)) <= high + _SAME_PLACE]
            if len(near) != 1:
                continue
            a, b = _surface_keys(word, self.source_lang), _fuzzy_keys(near[0], self.target_lang, self.glossary)
            if _sounds_different(a, b) or _stable_openings_differ(a, b) or _first_consonants_apart(a, b):
                extra.remove(near[0])
                self.tgt_matched[self.target.index(near[0])] = True
                self._swap_issue(s, near[0].text, near[0].text, f"{word} ({s.text})", "position")
                return

    def _unrendered_run_words(self, s: NameMention) -> list[str]:
        """The capitalised words of run `s` that are the name's own, no generic, ordinary
        English or people's word, and that no word of the translation spells."""
        out = []
        for raw in s.text.split():
            word = strip_possessive(raw.strip(".,;:!?\"'«»()"))
            if len(word) < 3 or not word[:1].isupper() or word in _institution_words() \
                    or is_ordinary_english(word) or is_peoples_word(word) or _made_from_name(word):
                continue
            keys = _surface_keys(word, self.source_lang)
            if not any(_words_alike(keys, k) for k in self._target_text_keys):
                out.append(word)
        return out

    @cached_property
    def _target_text_keys(self) -> list[frozenset[str]]:
        """Keys of every word of the translation of three letters or more, whatever its case."""
        return [_surface_keys(w, self.target_lang) for w in self.target_words if len(w) >= 3]

    def _lone_name_word(self, t: NameMention) -> str:
        """The one word of run `t` that is a name only and that no source word spells, every
        other word one the dictionary knows as an ordinary word; "" otherwise."""
        words = [w.strip(".,;:!?\"'«»()") for w in t.text.split()]
        names = [w for w in words if self._known_name_word(w)]
        if len(names) != 1 or _keys_match(_surface_keys(names[0], self.target_lang), self._source_word_keys()):
            return ""
        for w in words:
            info = analyse(w, self.target_lang)
            if w != names[0] and (not info.known or info.name_tagged):
                return ""
        return names[0]

    def _lost_phrases_to_established_place(self, extra: list[NameMention]) -> None:
        """Several capitalised phrases of the source that the translation renders nowhere
        (National Treasure ... Declaration of Independence), every source name rendered, and
        one place the gazetteer or the glossary holds that no source word explains and that
        sounds unlike each of them: an established place is no phrase rendered by meaning, so
        it took one phrase's place; the nearest in the sentence is named."""
        candidates = [t for t in extra if self._substitute_candidate(t)]
        if len(candidates) != 1 or self.missing_names or not self.source_text or not self.target_text \
                or any(not self.src_matched[i] and s.kind not in _SILENT_KINDS for i, s in enumerate(self.source)):
            return
        t = candidates[0]
        lost = [s for i, s in enumerate(self.source) if not self.src_matched[i] and s.kind == "common"
                and not s.initial and s.key not in self.garbled_common and not _derived_word(s)
                and not is_peoples_word(s.text)
                and not all(strip_possessive(w) in _institution_words() for w in s.text.split())]
        if len(lost) < 2 or not self._established_target_place(t):
            return
        t_keys = _sound_keys(t, self.target_lang, self.glossary)
        if not all(_sounds_different(_sound_keys(s, self.source_lang, self.glossary), t_keys) for s in lost):
            return
        s = self._nearest(t, lost)
        extra.remove(t)
        self.tgt_matched[self.target.index(t)] = True
        self._mismatch(s, t, "position")

    def _rendered_at_opening(self, s: NameMention) -> bool:
        """A source phrase opening its sentence while the translation opens with a
        capitalised word the extractor took for no name: an ordinary word rendering the phrase
        by meaning there (The Sun rises / Sontse skhodyt)."""
        if not self.source_text or not self.target_text or len(self.source_text[:s.start].split()) > 1:
            return False  # only an article may come before it
        opening = self.target_text.lstrip(" \"'«„(")
        return opening[:1].isupper() and not any(t.start <= len(self.target_text) - len(opening) for t in self.target)

    def _rare_words_as_names(self) -> list[NameMention]:
        """Unmatched capitalised words inside the translation that the dictionary reads as
        ordinary words too rare to be ordinary words capitalised (uk La-Plati, Mbit: the
        Ukrainian dictionary tags few names), which no source word explains. A common word
        capitalised (Premiei, Igrakh, Mys) is a phrase's meaning rendered, not a name."""
        if self.target_lang == "en":
            return []
        return [t for j, t in enumerate(self.target) if not self.tgt_matched[j] and t.kind == "common"
                and self._capitalised_word_candidate(t) and _strong_target_name(t, self.target_lang)
                and zipf(analyse(t.text, self.target_lang).lemma, self.target_lang) < RARE_ZIPF]

    def _tagged_name(self, t: NameMention) -> bool:
        """Every word a name by the dictionary's own tags or the gazetteer (Iraka, Polshe), none
        an ordinary word: a phrase translated by meaning (Kholodnoi, Tikhogo) is no stand-in."""
        for word in t.text.split():
            info = analyse(word.strip(".,;:!?\"'«»()"), self.target_lang)
            places = _places_of(word, info.lemma, self.target_lang)
            # A place counts when it is an established one: a village called Kholodna does
            # not make the Cold War's adjective a name.
            if not ((info.name_tagged and not info.common_reading) or (places and _established_place(places))):
                return False
        return True

    def _substitute_candidate(self, t: NameMention) -> bool:
        """A target name that may stand in for another: a proper name by its own evidence, not
        an adjective, a letter code or a word in two scripts."""
        return (t.kind in ("name", "latin") and not _mixed_script(t.text) and not _LETTER_CODE.match(t.text)
                and (not t.initial or _name_tagged(t, self.target_lang)
                     or _established_place(_places(t, self.target_lang, self.glossary)))
                and _strong_target_name(t, self.target_lang)
                and self._unexplained_part_is_a_name(t)
                and (self._surname_shaped(t) or (not _adjective_word(t.text.split()[-1])
                     and (_is_latin(t.text) or not is_adjective(t.text.split()[0], self.target_lang))))
                and not self._named_in_source_text(t))

    def _surname_shaped(self, t: NameMention) -> bool:
        """One word with an adjective's ending that the dictionary does not know and no source
        name is the stem of (Brzezinski's Bzhezinskyi, Kemp-Devidskykh): a name of its own,
        as many Slavic surnames are, not an adjective made from a name the source gives."""
        words = t.text.split()
        if len(words) != 1 or _is_latin(t.text) or analyse(words[0].strip(".,;:!?\"'«»()"), self.target_lang).known:
            return False
        t_keys = _fuzzy_keys(t, self.target_lang, self.glossary)
        ending = _adjective_word(words[0])
        stem_keys = _surface_keys(words[0][:ending.start()], self.target_lang) if ending else frozenset()
        for s in self.source:
            s_keys = _fuzzy_keys(s, self.source_lang, self.glossary)
            # Made from a source name: its stem opens the word, or the word without its ending
            # spells the name (Camp David / Kemp-Devidskikh).
            if _adjective_match(s_keys, t_keys) or (stem_keys and _words_alike(s_keys, stem_keys)):
                return False
        return True

    def _unexplained_part_is_a_name(self, t: NameMention) -> bool:
        """In a run part of which the source names (Florida Vtulka for Florida Sleeve), the
        rest must be a name of its own to stand for another name: an ordinary word there is
        the name's meaning translated, not a swap."""
        words = t.text.split()
        if len(words) < 2 or _is_latin(t.text):
            return True
        source = self._source_word_keys()
        rest = [w for w in words if not _keys_match(source, _surface_keys(w, self.target_lang))]
        # A word the dictionary knows and tags as no name, however rare (Vtulka), is the
        # translated part.
        return not rest or len(rest) == len(words) or any(self._name_word(w) for w in rest)

    def _lone_capitalised_word(self) -> NameMention | None:
        """The one capitalised-word candidate left unmatched, when every target name and Latin
        word is matched: what may stand in for a mention the translation names fewer times."""
        if any(not self.tgt_matched[j] and t.kind in ("name", "latin") for j, t in enumerate(self.target)):
            return None
        words = self._free_capitalised_words()
        return words[0] if len(words) == 1 else None

    def _free_capitalised_words(self) -> list[NameMention]:
        """Capitalised-word candidates no pass has matched or taken yet."""
        return [t for j, t in enumerate(self.target) if not self.tgt_matched[j] and t not in self.taken_words
                and self._capitalised_word_candidate(t)]

    def _capitalised_word_candidate(self, t: NameMention) -> bool:
        """A capitalised ordinary word inside a sentence, one word, not made from a name and
        not explained by any word of the source."""
        return (t.kind == "common" and not t.initial and len(t.text.split()) == 1 and not _is_latin(t.text)
                and not _adjective_word(t.text) and not is_adjective(t.text, self.target_lang)
                and not self._named_in_source_text(t))

    def _unexplained_replacement(self, s: NameMention, extra: list[NameMention]) -> tuple[NameMention | None, str]:
        """A target name that no source name explains standing where `s` should: another
        place (both in the gazetteer, disjoint), another Latin acronym, or a proper name that
        sounds nothing like it. Names that sound alike are left alone: one name spelt two ways."""
        s_places = _places(s, self.source_lang, self.glossary)
        for t in extra:
            if not _comparable_kinds(s, t, self.target_lang):
                continue
            t_places = _places(t, self.target_lang, self.glossary)
            if s_places and t_places:
                # Two places apart in the gazetteer, both established, and not one name spelt
                # two ways (Hong Kong Island / Gonkong is the island of the city it names).
                if not s_places & t_places and _established_place(s_places) and _established_place(t_places) \
                        and not _keys_match(_fuzzy_keys(s, self.source_lang, self.glossary),
                                            _fuzzy_keys(t, self.target_lang, self.glossary)):
                    return t, "gazetteer"
                if s_places & t_places or (_established_place(s_places) and _established_place(t_places)):
                    continue
                # A smaller place the gazetteer knows apart from the one standing in for it
                # (Goma / Ruandoiu) is left to sound, as any other name.
            s_keys = _fuzzy_keys(s, self.source_lang, self.glossary)
            if _garbled(_garble_keys(s, s_keys, self.glossary), _fuzzy_keys(t, self.target_lang, self.glossary) | set(t.key.split())):
                return t, "garbled"
            if s.kind == "acronym" or t.kind == "acronym":
                return t, "acronym"
        # By sound alone, only one name left on each side is paired: with more, which stands
        # for which is a guess. A people's word (Portuguese, Byzantine) and a name's adjective
        # (Tsinskyi) are renderings, not substitutes.
        candidates = [t for t in extra if self._substitute_candidate(t)]
        # A lost run opening with a people's word is rendered by an adjective (Congolese Francs /
        # kongolezkykh frankiv), not a name left to pair.
        lost = [m for m in self.missing_names if m.kind == "name"
                and not (len(m.text.split()) > 1 and is_peoples_word(m.text.split()[0]))]
        if len(lost) > 1:
            lost = [m for m in lost if m is s or not self._written_in_lower_case(m)]
        if not candidates and s in lost and self._one_own_word(s):
            # No proper name left, but a capitalised ordinary word inside the sentence standing
            # where the lost name stood (Goma / «Ekstrima», Upolu / «Zalu»): a name, swapped.
            words = self._free_capitalised_words()
            t = self._same_place(s, words) or self._only_capitalised_word(words, lost)
            if t is not None:
                self.taken_words.append(t)
            if t is not None and self._sound_apart(s, t):
                return t, "position"
            return None, ""
        if len(candidates) != 1 or len(lost) != 1:
            # Several on a side: the one in the same place of its sentence, if only one is.
            t = self._same_place(s, candidates) if s in lost else None
            if t is None or len([m for m in lost if self._same_place(m, [t]) is not None]) != 1:
                return None, ""
        else:
            t = candidates[0]
        own = _distinctive_words(s, self.glossary)
        if s.kind not in ("name", "common") or not _comparable_kinds(s, t, self.target_lang) \
                or is_peoples_word(s.text) or (len(own) == 1 and is_peoples_word(s.text.split()[0])):
            return None, ""
        if self._sound_apart(s, t) or self._lengths_apart(s, t):
            return t, "sound"
        return None, ""

    def _lengths_apart(self, s: NameMention, t: NameMention) -> bool:
        """Two one-word names whose keys differ by three letters or more however they are
        inflected (Java / Isikava, Mecca / Maskoki): a transliteration keeps a name's length
        within a letter or two, while a short consonant skeleton (jv, mk) makes sound alone
        too little evidence that they differ."""
        if len(s.text.split()) != 1 or len(t.text.split()) != 1:
            return False
        a = _fuzzy_keys(s, self.source_lang, self.glossary)
        b = _fuzzy_keys(t, self.target_lang, self.glossary)
        # Long skeletons are sound's to judge: a long word's ending varies by more letters
        # (Immunohistochemistry / Immunogistokhimiia).
        short = any(len(_sound_skeleton(k)) < 3 for k in a | b)
        return short and all(abs(len(x) - len(y)) >= _LENGTHS_APART for x in a for y in b)

    def _written_in_lower_case(self, m: NameMention) -> bool:
        """A one-word name the translation writes as a lower-case word spelling it (Sami /
        saamiv, a people's name): rendered, so it leaves no place for another name to take."""
        if len(m.text.split()) != 1 or not self.target_text:
            return False
        keys = _fuzzy_keys(m, self.source_lang, self.glossary)
        return any(w[:1].islower() and _words_alike(keys, _surface_keys(w, self.target_lang))
                   for w in self.target_words if len(w) >= 3)

    @staticmethod
    def _one_own_word(s: NameMention) -> bool:
        """One word of its own beside its generic ones (Pittsburgh of Hospital of Pittsburgh),
        not an ordinary English word, which a translation may render by meaning."""
        own = [w for w in (strip_possessive(x) for x in _keyed_words(s)) if w not in _institution_words()]
        return len(own) == 1 and len(_keyed_words(s)) == len(s.key.split()) and not _ordinary_not_a_place(own[0])

    def _only_capitalised_word(self, words: list[NameMention], lost: list[NameMention]) -> NameMention | None:
        """With one name lost and one capitalised word inside the translation left unexplained,
        its dictionary form rare enough to be no ordinary word capitalised (Asotsiatsiieiu), that word
        is the name's place, wherever word order moved it (Wikinews / «Sharmy»)."""
        capitalised = [t for t in words if t.text[:1].isupper()
                       and zipf(analyse(t.text, self.target_lang).lemma, self.target_lang) < _COMMON_CYRILLIC_ZIPF]
        return capitalised[0] if len(capitalised) == 1 and len(lost) == 1 else None

    def _skeletons_apart(self, s: NameMention, t: NameMention) -> bool:
        """The sound skeletons of a source and a target name are apart (_sounds_different)."""
        return _sounds_different(_sound_keys(s, self.source_lang, self.glossary),
                                 _sound_keys(t, self.target_lang, self.glossary))

    def _sound_apart(self, s: NameMention, t: NameMention) -> bool:
        """Two names that do not sound alike: skeletons apart, or opening with other steady
        consonants (Wembley / Pa-amb-oli), which no transliteration swaps."""
        a = _sound_keys(s, self.source_lang, self.glossary)
        b = _sound_keys(t, self.target_lang, self.glossary)
        return _sounds_different(a, b) or _stable_openings_differ(a, b) or _first_consonants_apart(a, b) \
            or _vowel_against_consonant(s.text, t.text)

    def _explained_by_source_text(self) -> None:
        """Target names that a source word explains though the extractor took it for no name
        (Disney's, opening its sentence / Disneya) are matched, not added."""
        for j, t in enumerate(self.target):
            if not self.tgt_matched[j] and t.kind in ("name", "latin") and self._named_in_source_text(t):
                self.tgt_matched[j] = True

    def _named_in_source_text(self, t: NameMention) -> bool:
        """Some word of the source text, name or not, sounds like the target name (Perry, which
        opens its sentence and so was not taken for a name, explains Perri)."""
        words = self._source_word_keys()
        if not words:
            return False
        t_keys = _fuzzy_keys(t, self.target_lang, self.glossary)
        if len(t.key.split()) > 1:
            # The run written together opens with its given name (Charlza Vestminstera): a
            # source Charles would explain a surname it never named.
            t_keys = t_keys - {t.key.replace(" ", "")}
        return _keys_match(words, t_keys) and not _garbled(words, t_keys)

    def _source_word_keys(self) -> frozenset[str]:
        """Keys of every capitalised word of the source text, read once per comparison."""
        if self._source_words is None:
            self._source_words = _capitalised_word_keys(self.source_text, self.source_lang)
        return self._source_words

    def _garbled_extras(self, extra: list[NameMention]) -> None:
        """A target name nothing explains that is a cut-off form of some source word, a given
        name included (Donald / Onald, Cuomo / Uomo): the name, garbled."""
        if not extra:
            return
        words: dict[str, NameMention] = {}
        for s in self.source:
            if not _may_garble(s):
                continue
            if s.kind in ("name", "common", "latin") or _is_glossary(s, self.glossary):
                for word in s.text.split():
                    if strip_possessive(word) in _institution_words():
                        continue  # Central, River: the generic part, rendered by meaning
                    for key in _surface_keys(word, self.source_lang):
                        words.setdefault(key, s)
                for key in _garble_keys(s, _fuzzy_keys(s, self.source_lang, self.glossary), self.glossary):
                    words.setdefault(key, s)
        keys = frozenset(k for k in words if len(k) >= 4)
        for t in list(extra):
            if t.kind not in ("name", "latin"):
                continue
            t_keys = _fuzzy_keys(t, self.target_lang, self.glossary) | _surface_keys(t.text, self.target_lang)
            if keys & t_keys:
                continue
            for key in keys:
                single = frozenset({key})
                how = _garbled(single, t_keys) or ("garbled" if _prefix_garble(single, t_keys) else "")
                if how:
                    extra.remove(t)
                    self._garble_issue(words[key], t.text, how)
                    break

    def _lowercase_renderings(self, missing: list[NameMention]) -> None:
        """A name the translation wrote as a lower-case word that lost its first letter or
        its end (Yorkshire / «orkshira»): the extractor saw no name there, the words show one."""
        if not self.target_text or self.target_lang == "en":
            return
        words = [w for w in self.target_words if len(w) >= 4 and w[0].islower()]
        if not words:
            return
        keyed: list[tuple[str, str]] | None = None  # each word with its key's opening, once a name asks
        left = list(missing) + self._unmatched_common()
        # A name the translation also renders elsewhere may still be garbled in one of its
        # mentions (Taiwan ... Taiwan / Tayvanya ... ayvanyu): matched names are searched too, for
        # a garbled form only, among words too rare to be ordinary ones (kraina is not Ukraina).
        matched = [s for i, s in enumerate(self.source) if self.src_matched[i] and s.kind == "name"]
        for s in left + matched:
            if s.kind not in ("name", "common") or _is_glossary(s, self.glossary) or not _may_garble(s):
                continue
            src_keys = _garble_keys(s, _fuzzy_keys(s, self.source_lang, self.glossary), self.glossary)
            # Only words whose plain key opens like a source key, or like it without its first
            # letter, can be its rendering: the rest skip the costly lemmatisation.
            openings = {k[:2] for k in src_keys if len(k) >= 3} | {k[1:3] for k in src_keys if len(k) >= 4}
            # Read by its written words only for a name inside the sentence: a sentence's first
            # word may be an ordinary one, translated (Immunohistochemistry / immunogistokhimiya).
            by_words = self.source_lang == "en" and s.kind == "name" and not s.initial
            own = [strip_possessive(w) for w in _name_parts(s.text) if w[:1].isupper()] \
                if s in left and by_words else []
            generic = frozenset(k for w in _name_parts(s.text) if w in _institution_words()
                                for k in _surface_keys(w, self.source_lang))
            if keyed is None:
                keyed = [(w, word_key(w, self.target_lang)[:2]) for w in words]
            for word, opening in keyed:
                # A lost name's word read by its letters, part by part in a hyphenated rendering
                # (Dundee / andi, Machu Picchu / achu-pikchu), where it is no dictionary word.
                own_how = self._word_loss_in(own, word) if own and not analyse(word, self.target_lang).known else ""
                if opening not in openings and not own_how:
                    continue
                if s not in left and zipf(word, self.target_lang) >= _COMMON_CYRILLIC_ZIPF:
                    continue
                keys = _surface_keys(word, self.target_lang)
                if generic and _keys_match(generic, keys) and not _garbled(generic, keys):
                    continue  # the generic part rendered whole (University of Dundee / universytetu)
                alike = _keys_match(src_keys, keys)
                common = _silent_h(s)
                how = _garbled(src_keys, keys, common) if alike or _prefix_garble(src_keys, keys, common) else ""
                if not how:
                    # The written words tell what keys fold (Gibson / ibson: a hard g lost).
                    how = own_how or (self._word_loss_in(
                        [strip_possessive(w) for w in _name_parts(s.text) if w[:1].isupper()], word)
                        if alike and by_words else "")
                if s not in left and not how:
                    continue
                if how or alike:
                    # The name written in lower case (Cholecalciferol / kholekaltsiferol) is the
                    # name; with its first sound or last syllable lost it is garbled.
                    if s in missing:
                        missing.remove(s)
                    self.garbled_common.add(s.key)
                    if how:
                        self._garble_issue(s, word, how)
                    break

    def _word_loss_in(self, own: list[str], word: str) -> str:
        """How `word` (its hyphenated parts one by one) loses part of one of the English words."""
        return next((h for w in own for part in word.split("-") if (h := word_loss(w, part, self.target_lang))), "")

    def _cut_capitalised(self, missing: list[NameMention]) -> None:
        """A lost name whose word the translation cut to a capitalised stump the dictionary
        takes for an ordinary word, so no name was extracted there (Gibson / Gib, Perry /
        Per): a capitalised word no matched name explains, read word by word."""
        if not self.target_text or self.source_lang != "en" or self.target_lang == "en":
            return
        taken = {w for j, t in enumerate(self.target) if self.tgt_matched[j] for w in _name_parts(t.text)}
        words = [w for w in self.target_words
                 if w[:1].isupper() and w not in taken]
        for s in list(missing):
            if s.kind != "name" or s.initial or _is_glossary(s, self.glossary) or not _may_garble(s):
                continue
            own = [strip_possessive(w) for w in _name_parts(s.text)
                   if w[:1].isupper() and w not in _institution_words() and not _made_from_name(w)]
            found = next(((c, h) for w in own for c in words if (h := word_loss(w, c, self.target_lang))
                          and not self._renders_other(s, c)), None)
            if found is not None:
                missing.remove(s)
                self._garble_issue(s, *found)

    def _garbled_places(self, missing: list[NameMention]) -> None:
        """A word of the translation that is a place the source names (or makes a word from:
        Canadian, Moroccan) with its first letter or its last syllable lost (Kanady / anady,
        Tayvan / Tayva), read against the place's own Ukrainian and Russian names."""
        if not self.target_text or self.target_lang == "en":
            return
        flagged = {i.expected for i in self.found if i.rule == "name.garbled"}
        forms = {s: self._place_forms(s) for s in self.source if s.text not in flagged}
        forms = {s: f for s, f in forms.items() if f}
        if not forms:
            return
        known = {f for fs in forms.values() for f in fs}
        # Words of target names already matched are renderings (Kasa of Kasa Branka).
        matched = {w.lower() for j, t in enumerate(self.target) if self.tgt_matched[j] and len(t.text.split()) > 1
                   for w in t.text.split()}
        written: dict[str, str] = {}
        for w in self.target_words:
            written.setdefault(w.lower(), w)
        # A word paired with another source name (Mykolai / Mykolai beside the city Mykolaiv)
        # is that name, not a cut of the place. By the pairs, not by sound as _renders_other
        # reads it: sound also excuses a cut that merely sounds like another name's word (one
        # catch fewer on names_real seeds 7, 8, 11).
        renders: dict[str, set[int]] = {}
        for i, j in self.pairs:
            for w in unicodedata.normalize("NFC", self.target[j].text).split():
                renders.setdefault(w.lower().strip(".,;:!?\"'«»()"), set()).add(i)
        # Stems read once per form, not once per form and word (_same_stem of each pair).
        known_stems = {_stem(f) for f in known}
        for word in {w for w in written if len(w) >= 3} - matched:
            stem = _stem(word)
            if word in known or (len(stem) >= 3 and stem in known_stems):
                continue  # a form of a place the source names
            for s, fs in forms.items():
                if renders.get(word, set()) - {self.source.index(s)}:
                    continue
                how = next((h for h in (_cut_form(word, f) for f in fs if _may_cut(word, stem, f)) if h), "")
                if how:
                    if s in missing:
                        missing.remove(s)
                    self._garble_issue(s, written[word], how)
                    flagged.add(s.text)
                    break

    def _place_forms(self, s: NameMention) -> frozenset[str]:
        """One-word Cyrillic names of the places a source mention names or is made from."""
        from align.names.gazetteer import gazetteer

        places = gazetteer()
        if places is None:
            return frozenset()
        ids = _places(s, self.source_lang, self.glossary)
        if self.source_lang == "en" and s.kind in ("demonym", "common", "name") and len(s.text.split()) == 1:
            ids = ids | peoples_places(s.text)
        if _is_glossary(s, self.glossary):
            entry = self.glossary.entry(s.key)
            if entry is not None and entry.kind == "place":
                ids = ids | places.lookup_any(entry.forms.get(self.target_lang, []))
        if not places.established(ids):
            return frozenset()
        return frozenset(f for f in places.cyrillic_forms(ids) if " " not in f and len(f) >= 4)

    def _unmatched_common(self) -> list[NameMention]:
        return [s for i, s in enumerate(self.source) if not self.src_matched[i] and s.kind == "common"]

    def _missing(self, s: NameMention) -> None:
        places = _places(s, self.source_lang, self.glossary)
        if _is_glossary(s, self.glossary):
            severity, evidence = "error", "glossary"
        elif places and self.glossary is not None and _established_place(places):
            severity, evidence = "error", "gazetteer"
        elif is_designation(s.text):
            severity, evidence = "warning", ""  # a named weapon or aircraft, not a translatable abbreviation
        elif s.kind == "acronym":
            severity, evidence = "info", ""
        else:
            severity, evidence = "warning", ""
        self.found.append(Issue("name", severity, self.target_lang, s.text, "",
                                f"{self.target_lang} is missing {s.text}", rule="name.missing",
                                evidence=evidence))

    def _literal_candidates(self) -> list[NameMention]:
        """Capitalised ordinary words inside an English sentence that name something of their
        own (the Gold fire, the Recovery trial) and that the translation left without a name."""
        if self.source_lang != "en":
            return []
        # A capitalised target word left over is the name rendered by meaning, as a name
        # (Sun / Sontse, Milky Way / Chumatskiy Shlyakh): only a target without one has lost it.
        if any(not self.tgt_matched[j] and t.kind in ("common", "name") and not t.initial
               for j, t in enumerate(self.target)):
            return []
        out = []
        for i, s in enumerate(self.source):
            if self.src_matched[i] or s.kind != "common" or s.initial or s.key in self.garbled_common:
                continue
            words = [strip_possessive(w) for w in s.text.split()]
            if any(w in _institution_words() or w.lower() in _institution_words_lower() for w in words):
                continue
            # Every word an ordinary English word in lower case (gold, recovery, frozen), not a
            # name that wordfreq merely counts often (Yorkshire, Pradesh).
            if not all(w[:1].isupper() and is_ordinary_english(w) for w in words):
                continue
            if self.source_text and not _names_a_thing(self.source_text, s):
                continue
            out.append(s)
        return _dedupe(out)
