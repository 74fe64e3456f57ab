"""Cheap per-sentence evidence for alignment: numbers, name/cognate skeletons, punctuation,
and the figure/name anchors of align.figures and align.names when those are available.

A feature is a string such as "#1234", "w:zln", "p:?" or "f:70 %"; two sentences that render
each other tend to share features whatever their script. "k:" features (skeleton prefixes of
every word) are not evidence by themselves: they only let anchors find their rendering.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from align.lang.translit import script_table
from align.resources import load_toml_file

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_HAS_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_QUOTES = set("\"“”«»„‟‹›")
_QUOTE = re.compile("[" + re.escape("".join(sorted(_QUOTES))) + "]")
_VOWELS = "aeiouyj"
# Everything but the Latin consonants (a-z without _VOWELS), and a run of one letter.
_NOT_CONSONANT = re.compile("[^" + "".join(ch for ch in map(chr, range(ord("a"), ord("z") + 1)) if ch not in _VOWELS)
                            + "]")
_REPEATED = re.compile(r"(.)\1+")
_DOUBLED = re.compile(r"(.)\1")
PARAMS_PATH = Path(__file__).resolve().with_name("params.toml")


def params() -> dict:
    """The aligner's fitted parameters (align/alignment/params.toml)."""
    return load_toml_file(PARAMS_PATH)


@lru_cache(maxsize=1)
def _translit_table() -> dict[int, str]:
    table = script_table()
    out: dict[int, str] = {}
    for cyr, lat in table.items():
        out[ord(cyr)] = lat
        if cyr.upper() != cyr:
            out[ord(cyr.upper())] = lat
    return out


@lru_cache(maxsize=1)
def _skeleton_rules() -> tuple[tuple[tuple[str, str], ...], dict[int, str]]:
    sk = params()["skeleton"]
    digraphs = tuple(sorted(sk["digraphs"].items(), key=lambda kv: -len(kv[0])))
    classes = {ord(k): v for k, v in sk["classes"].items()}
    return digraphs, classes


def transliterate(text: str) -> str:
    """Lower-case Latin rendering of Cyrillic (and accent-stripped Latin), for comparison only."""
    text = text.lower().translate(_translit_table())
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of a word in either script: the Ukrainian and Russian genitives of
    Zelenskyy (Zelenskoho, Zelenskogo) and Zelenskyy itself -> zlnskh/zlnsk."""
    lat = transliterate(word)
    digraphs, classes = _skeleton_rules()
    for src, dst in digraphs:
        if src in lat:
            lat = lat.replace(src, dst)
    if lat.isascii():
        consonants = lat.translate(_ascii_consonants())  # classes and the filter in one pass
    else:
        consonants = _NOT_CONSONANT.sub("", lat.translate(classes))
    # Doubled letters: Dalhousie/Delkhauzi, Anna/Hanna (few skeletons have any: a search costs
    # a third of a substitution).
    return _REPEATED.sub(r"\1", consonants) if _DOUBLED.search(consonants) else consonants


@lru_cache(maxsize=1)
def _ascii_consonants() -> dict[int, str | None]:
    """An ASCII character's consonant class, or None for a vowel and anything not a letter."""
    classes = _skeleton_rules()[1]
    table: dict[int, str | None] = {}
    for code in range(128):
        mapped = classes.get(code, chr(code))
        table[code] = _NOT_CONSONANT.sub("", mapped) or None
    return table


def normalise_number(token: str) -> str:
    """Digits only, so 1,234 / 1 234 / 1.234 and 1.5 / 1,5 compare equal."""
    return "".join(ch for ch in token if ch.isdigit())


@lru_cache(maxsize=1)
def _word_settings() -> tuple[int, int]:
    cfg = params()["features"]
    return int(cfg["min_word_length"]), int(cfg["prefix_consonants"])


# What one written word contributes: its "k:" key (or None), its "w:" feature (or None), and
# whether that feature counts always (a long word) or only capitalised mid-sentence. A dict,
# not a cache decorator: it is read once per word of every sentence.
_WORD_FEATURES: dict[str, tuple[str | None, str | None, bool, bool]] = {}


def _word_features(word: str) -> tuple[str | None, str | None, bool, bool]:
    min_len, k = _word_settings()
    sk = skeleton(word)
    key = "k:" + sk[:k] if len(sk) >= 2 else None
    feature = "w:" + sk[:k] if len(sk) >= k else None
    info = (key, feature, len(word) >= min_len, word[0].isupper() and len(word) >= 3)
    if len(_WORD_FEATURES) > 200_000:
        _WORD_FEATURES.clear()
    _WORD_FEATURES[word] = info
    return info


def lexical_features(text: str) -> Counter[str]:
    """Script-independent features of one sentence (numbers, skeleton prefixes, punctuation)."""
    return Counter(_lexical(text))


def _lexical(text: str) -> dict[str, int]:
    feats: dict[str, int] = {}
    # Cap the scan so that one enormous line costs linear time in a bounded prefix.
    sample = text if len(text) <= 20000 else text[:20000]
    if _HAS_DIGIT.search(sample):
        for m in _NUMBER.finditer(sample):
            digits = normalise_number(m.group())
            if digits:
                key = "#" + (digits.lstrip("0")[:12] or "0")
                feats[key] = feats.get(key, 0) + 1
    first = True
    known = _WORD_FEATURES
    for word in _WORD.findall(sample):
        key, feature, long_word, capital = known.get(word) or _word_features(word)
        if key is not None:
            # Match keys only (not weighted evidence): lets a name anchor find its rendering
            # among the other side's ordinary words (Sámi / naroda saami, "the Saami people").
            feats[key] = 1
        if feature is not None and (long_word or (capital and not first)):
            feats[feature] = feats.get(feature, 0) + 1
        first = False
    if "?" in sample:
        feats["p:?"] = feats.get("p:?", 0) + 1
    if "!" in sample:
        feats["p:!"] = feats.get("p:!", 0) + 1
    if _QUOTE.search(sample):
        feats["p:q"] = feats.get("p:q", 0) + 1
    if "(" in sample:
        feats["p:("] = feats.get("p:(", 0) + 1
    return feats


def feature_weight(feature: str) -> float:
    """Base weight of a feature by its kind (before document-frequency damping)."""
    by_kind, other = _kind_weights()
    weight = by_kind.get(feature[0])
    return other if weight is None else weight


@lru_cache(maxsize=1)
def _kind_weights() -> tuple[dict[str, float], float]:
    """({kind: weight} for numbers, words, punctuation and figures; the weight of the rest, names):
    read once, as the aligner asks for some thousands of weights per document."""
    cfg = params()["features"]
    return ({"#": float(cfg["number"]), "w": float(cfg["word"]), "p": float(cfg["punctuation"]),
             "f": float(cfg["figure"])}, float(cfg["name"]))


@dataclass
class AnchorExtractors:
    """The figure and name extractors shared with `align check`, or None where switched off."""

    figures: Callable[[str, str], list] | None = None
    names: Callable[[str, str], list[str]] | None = None  # name keys
    notes: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, use_figures: bool = True, use_names: bool = True) -> AnchorExtractors:
        from align.figures import figure_keys
        from align.names.extract import name_keys

        return cls(figures=figure_keys if use_figures else None, names=name_keys if use_names else None,
                   notes={"figures": "yes" if use_figures else "off", "names": "yes" if use_names else "off"})

    def preload(self, langs: tuple[str, ...] = ("en", "uk", "ru")) -> None:
        """Load what the extractors read lazily (figure tables, pymorphy3 dictionaries, the
        gazetteer, word lists), so that a timed run measures alignment and not start-up."""
        if self.names is not None:
            from align.names import preload

            preload()
        for lang in langs:
            # One short sentence per language reaches the tables the first real one would.
            self.features("Warm up: 1,000 people in Kyiv on 5 May, 12% more.", lang)
        lexical_features("Warm up.")
        fork_context()  # the analysis forks helpers: importing multiprocessing costs some 5 ms

    def features(self, text: str, lang: str) -> Counter[str]:
        """Figure and name keys of one sentence as features ("f:<key>", "n:<key>")."""
        return Counter(self._add_names(self._add_figures({}, text, lang), text, lang))

    def sentence(self, text: str, lang: str) -> dict[str, int]:
        """Every feature of one sentence with its count: lexical_features(text) +
        features(text, lang), as a plain dict (making a Counter, or unpickling one from a
        helper process, costs more than the rest of a short sentence's features)."""
        return self._add_names(self._add_figures(_lexical(text), text, lang), text, lang)

    def parts(self) -> list[Callable[[str, str], dict[str, int]]]:
        """sentence() in parts that share no per-word cache: lexical features, figure features,
        name features (those switched on). Merged in this order (merge_parts) they give sentence()."""
        out: list[Callable[[str, str], dict[str, int]]] = [_lexical_only]
        if self.figures is not None:
            out.append(partial(_figures_only, self))
        if self.names is not None:
            out.append(partial(_names_only, self))
        return out

    def _add_figures(self, feats: dict[str, int], text: str, lang: str) -> dict[str, int]:
        if self.figures is not None:
            for fig in self.figures(text if len(text) <= 20000 else text[:20000], lang):  # a caller's huge "sentence"
                key = "f:" + fig.key
                feats[key] = feats.get(key, 0) + 1
        return feats

    def _add_names(self, feats: dict[str, int], text: str, lang: str) -> dict[str, int]:
        if self.names is not None:
            for name in self.names(text if len(text) <= 20000 else text[:20000], lang):
                key = "n:" + name
                feats[key] = feats.get(key, 0) + 1
        return feats


def _lexical_only(text: str, lang: str) -> dict[str, int]:
    return _lexical(text)


def _figures_only(anchors: AnchorExtractors, text: str, lang: str) -> dict[str, int]:
    return anchors._add_figures({}, text, lang)


def _names_only(anchors: AnchorExtractors, text: str, lang: str) -> dict[str, int]:
    return anchors._add_names({}, text, lang)


def merge_parts(first: dict[str, int], *rest: dict[str, int]) -> dict[str, int]:
    """The parts of one sentence's features (AnchorExtractors.parts) as sentence() gives them:
    their keys never overlap, so the counts of each part follow the previous part's keys."""
    for part in rest:
        first.update(part)
    return first


def analyse_alone(anchors: AnchorExtractors, items: list[tuple[str, str]]) -> list[dict[str, int]]:
    """anchors.sentence() of every (text, lang) item in this process, one part of the features
    (AnchorExtractors.parts) over all items after the other: each part's code and tables stay
    in the processor's caches (0.65 s instead of 0.74 s of CPU on the 2,000-sentence timing pair
    read sentence by sentence)."""
    by_part = [[part(text, lang) for text, lang in items] for part in anchors.parts()]
    return [merge_parts(*feats) for feats in zip(*by_part, strict=True)]


CHUNK_SENTENCES = 40
"""Sentences a process claims at a time from the shared list (see analyse_shared)."""


def analyse_shared(anchors: AnchorExtractors, items: list[tuple[str, str]], workers: int) -> list[dict[str, int]]:
    """anchors.sentence() of every (text, lang) item, shared with up to workers - 1 forked
    helpers, one per idle core (a helper on a core another program keeps busy only adds its
    start and the pages it copies: on this 2-core machine beside one busy process, 1.3-2.0 s
    where one process took 1.2 s).

    The work is a list of tasks, each one part of the features (AnchorExtractors.parts:
    lexical, figures, names) of a run of CHUNK_SENTENCES sentences (see _task_order).
    This process claims tasks from the front and the helpers from the back until they meet, so
    the work balances itself whatever a task costs and however busy the cores are, and the
    processes look up few words in common: the per-word caches (morphology above all) are per
    process, and splitting by sentence made both processes look up the same words (0.2-0.4 s
    more CPU in all). Only a fork inherits the loaded language data; should a helper fail to
    start or die, this process does what it left."""
    import gc

    idle = idle_cores()
    helpers_wanted = workers - 1 if idle is None else min(workers - 1, idle)
    if helpers_wanted < 1:
        return analyse_alone(anchors, items)
    parts = anchors.parts()
    runs = [items[k:k + CHUNK_SENTENCES] for k in range(0, len(items), CHUNK_SENTENCES)]
    first_lang = sum(1 for _, lang in items if lang == items[0][1]) if items else 0
    order = _task_order(len(parts), len(runs), -(-first_lang // CHUNK_SENTENCES))
    tasks = [(parts[p], runs[k]) for p, k in order]
    merged = _MergedRuns(order, len(runs))
    # The loaded language data is some hundreds of MB of Python objects: a collection in a
    # helper would touch (and so copy) all of it; frozen, the collector leaves them alone.
    gc.freeze()
    try:
        _share(tasks, merged, helpers_wanted)
    finally:
        gc.unfreeze()
    for t, (part, run) in enumerate(tasks):
        if not merged.landed(t):
            merged.land(t, [part(text, lang) for text, lang in run])
    return [feats for run in merged.runs for feats in run]


class _MergedRuns:
    """The features of each run of sentences, merged part after part (merge_parts) as its
    tasks land, whichever process did them: merged at the end, the 4,000 sentences of the
    timing pair were some 10 ms of this process's time after the helpers had finished. A
    part that lands before the parts ahead of it waits for them (keys in sentence() order)."""

    def __init__(self, order: list[tuple[int, int]], runs: int) -> None:
        self.order = order
        self.runs: list[list[dict[str, int]]] = [[] for _ in range(runs)]
        self._next = [0] * runs  # the part each run merges next
        self._waiting: dict[tuple[int, int], list[dict[str, int]]] = {}
        self._landed = [False] * len(order)

    def landed(self, t: int) -> bool:
        return self._landed[t]

    def land(self, t: int, feats: list[dict[str, int]]) -> None:
        """Task t's features (one dict a sentence of its run)."""
        self._landed[t] = True
        p, k = self.order[t]
        if p != self._next[k]:
            self._waiting[(p, k)] = feats
            return
        while feats is not None:
            if p == 0:
                self.runs[k] = feats
            else:
                for first, part in zip(self.runs[k], feats, strict=True):
                    merge_parts(first, part)
            p += 1
            self._next[k] = p
            feats = self._waiting.pop((p, k), None)


def _task_order(parts: int, runs: int, first_runs: int | None = None) -> list[tuple[int, int]]:
    """(part, run) of each task in the order they are claimed, this process from the front and
    the helpers from the back. The lexical features come first: some thirty a sentence, whose
    pickling and unpickling cost 0.03-0.05 s of this process's time on 2,000 sentence pairs
    were a helper to send them; the names last, a few a sentence: the helpers start there.

    With all three parts and runs of more than one language (the first language's end in the
    first `first_runs` runs), the names of that first language come right after the lexical
    features and the figures between the two languages' names. The processes so meet in the
    figures, and each language's names are read by one process: the per-word caches (morphology
    above all) are per process, and names read by two processes look up the same words twice
    (en names of the timing pair: 0.19 s split in halves, 0.13 s in one process; figures cost
    the same either way)."""
    if parts < 3 or first_runs is None or not 0 < first_runs < runs:
        return [(p, k) for p in range(parts) for k in range(runs)]
    lexical, figures, names = range(3)
    return ([(lexical, k) for k in range(runs)] + [(names, k) for k in range(first_runs)]
            + [(figures, k) for k in range(runs)] + [(names, k) for k in range(first_runs, runs)])


def _share(tasks: list[tuple[Callable[[str, str], dict[str, int]], list[tuple[str, str]]]],
           merged: _MergedRuns, helpers_wanted: int) -> None:
    """Land in `merged` the tasks this process and its helpers claim (see analyse_shared)."""
    ctx = fork_context()
    lock, bounds = _NoLock(), [0, len(tasks)]  # the next task from the front; the end of the back
    try:
        if ctx is not None:
            lock, bounds = ctx.Lock(), ctx.RawArray("i", bounds)
    except OSError:
        pass  # no shared memory (both still the plain ones): this process does it all
    if isinstance(lock, _NoLock):
        helpers_wanted = 0
    helpers = []
    for _ in range(helpers_wanted):
        try:
            receive, send = ctx.Pipe(duplex=False)
            helper = ctx.Process(target=_helper, args=(tasks, lock, bounds, send), daemon=True)
            helper.start()
        except (OSError, ValueError, AssertionError):  # AssertionError: a daemon process may not fork
            break
        send.close()
        helpers.append((helper, receive, _readable(receive)))
    while (t := _claim(lock, bounds, front=True)) is not None:
        part, run = tasks[t]
        merged.land(t, [part(text, lang) for text, lang in run])
        # What the helpers have done is read between tasks, beside their work: read at the end,
        # unpickling and merging it would follow all the analysis.
        helpers = [h for h in helpers if not _receive(*h, merged, wait=False)]
    for helper, receive, ready in helpers:
        _receive(helper, receive, ready, merged, wait=True)


def _readable(receive) -> Callable[[], bool]:
    """A test of whether a helper's pipe has something to read (a message or its end). Between
    every two tasks Connection.poll() cost ~12 us of this process's time (20-35 under load: a
    selector built per call; 5-13 ms over the timing pair's analysis); a poll object made once ~2 us."""
    import select

    if not hasattr(select, "poll"):
        return receive.poll
    poller = select.poll()
    poller.register(receive.fileno(), select.POLLIN)
    return lambda: bool(poller.poll(0))


def _receive(helper, receive, ready: Callable[[], bool], merged: _MergedRuns, wait: bool) -> bool:
    """Land the task results a helper has sent (with `wait`, all it will send); True once it
    has sent its last one, or has died (this process then does what it left)."""
    try:
        while wait or ready():
            message = receive.recv()
            if message is None:
                # Its exit (unmapping its copy of the loaded data) takes some 5 ms: it runs
                # beside what the caller does next, and reap_helpers() waits for it.
                _EXITING.append(helper)
                return True
            merged.land(*message)
    except (EOFError, OSError):
        helper.join()
        return True
    return False


_EXITING: list = []
"""Analysis helpers that have sent their results and may still be exiting."""


def reap_helpers() -> None:
    """Wait until every analysis helper that has answered has exited (see _share)."""
    while _EXITING:
        _EXITING.pop().join()


@lru_cache(maxsize=1)
def fork_context():
    """multiprocessing's fork context, or None where processes cannot be forked; with the
    modules _share reads on its first call (its lock, shared array, pipes and fork), so that
    AnchorExtractors.preload() loads them too: imported inside the first analysis, they were
    some 15-20 ms of one process's time before a helper started."""
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return None
    import multiprocessing.connection
    import multiprocessing.popen_fork
    import multiprocessing.sharedctypes
    import multiprocessing.synchronize  # noqa: F401  (imported for their load time, see above)

    return context


def idle_cores() -> int | None:
    """Cores of this process's set that no other runnable task wants right now (the running
    count of /proc/loadavg, which includes this process), or None where that is not known."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            running = int(fh.read().split()[3].split("/")[0])
        cores = len(os.sched_getaffinity(0))
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return max(0, cores - running)


def _claim(lock, bounds, front: bool) -> int | None:
    """The next unclaimed run, from the front or the back of the list, or None when none is left."""
    with lock:
        if bounds[0] >= bounds[1]:
            return None
        if front:
            bounds[0] += 1
            return bounds[0] - 1
        bounds[1] -= 1
        return bounds[1]


def _helper(tasks: list[tuple[Callable[[str, str], dict[str, int]], list[tuple[str, str]]]], lock, bounds,
            send) -> None:
    while (t := _claim(lock, bounds, front=False)) is not None:
        part, run = tasks[t]
        send.send((t, [part(text, lang) for text, lang in run]))
    send.send(None)  # the last one
    send.close()


class _NoLock:
    """A lock for one process."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
