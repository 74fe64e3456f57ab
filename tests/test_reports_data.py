"""A realistic three-language Report built by hand, shared by the report tests (no tests here).

Figures and facts follow the sample releases (99 missiles on January 2, 2024, $7.66 billion);
the sentences are our own. Segment 0 is a 1-2 alignment (ru splits the sentence), segment 2 an
omission (no uk), segment 4 an addition (ru only), segment 5 untranslated uk with low alignment
confidence; segments 1 and 6 are clean. Texts carry <, &, " and ' to test escaping.
"""

from __future__ import annotations

from align.model import Document, Figure, Issue, NameMention, Report, Segment, Sentence

SEGMENTS: list[dict[str, list[str]]] = [
    {"en": ["On January 2, 2024, Russia launched 99 missiles & drones at Kyiv and Kharkiv."],
     "uk": ["2 січня 2024 року Росія випустила 98 ракет і дронів по Києву та Харкову."],
     "ru": ["2 января 2024 года Россия выпустила 99 ракет и дронов.",
            "Удары пришлись по Киеву и Харькову."]},
    {"en": ["President Zelenskyy thanked the partners."],
     "uk": ["Президент Зеленський подякував партнерам."],
     "ru": ["Президент Зеленский поблагодарил партнеров."]},
    {"en": ['The package is worth $7.66 billion <including "ammunition">.'],
     "uk": [],
     "ru": ['Пакет стоит 7,66 млрд долларов <включая "боеприпасы">.']},
    {"en": ["Olena Zelenska met Ursula von der Leyen in Brussels."],
     "uk": ["Олена Зеленська зустрілася з Урсулою фон дер Ляєн у Брюсселі."],
     "ru": ["Елена Зеленская встретилась с Урсулой фон дер Ляйен в Брюсселе."]},
    {"en": [], "uk": [], "ru": ["Подробности — позже."]},
    {"en": ["The feeling of impunity among Russia's rulers has caused many deaths."],
     "uk": ["The feeling of impunity among Russia's rulers has caused many deaths."],
     "ru": ["Ощущение безнаказанности у правителей России привело к многим смертям."]},
    {"en": ["Air defence destroyed 87 of 99 targets, or 88%."],
     "uk": ["ППО знищила 87 із 99 цілей, або 88%."],
     "ru": ["ПВО уничтожила 87 из 99 целей, или 88%."]},
]

# (lang, surface, kind, key) per segment; offsets are found in the text.
FIGURES = {
    0: [("en", "January 2, 2024", "date", "2024-01-02"), ("en", "99", "number", "99"),
        ("uk", "2 січня 2024 року", "date", "2024-01-02"), ("uk", "98", "number", "98"),
        ("ru", "2 января 2024 года", "date", "2024-01-02"), ("ru", "99", "number", "99")],
    2: [("en", "$7.66 billion", "money", "7660000000 USD"),
        ("ru", "7,66 млрд долларов", "money", "7660000000 USD")],
    6: [("en", "87", "number", "87"), ("en", "99", "number", "99"), ("en", "88%", "percent", "88 %"),
        ("uk", "87", "number", "87"), ("uk", "99", "number", "99"), ("uk", "88%", "percent", "88 %"),
        ("ru", "87", "number", "87"), ("ru", "99", "number", "99"), ("ru", "88%", "percent", "88 %")],
}
NAMES = {
    0: [("en", "Russia", "russia"), ("en", "Kyiv", "kyiv"), ("en", "Kharkiv", "kharkiv"),
        ("uk", "Росія", "russia"), ("uk", "Києву", "kyiv"), ("uk", "Харкову", "kharkiv"),
        ("ru", "Россия", "russia"), ("ru", "Киеву", "kyiv"), ("ru", "Харькову", "kharkiv")],
    1: [("en", "Zelenskyy", "zelenskyy"), ("uk", "Зеленський", "zelenskyy"), ("ru", "Зеленский", "zelenskyy")],
    3: [("en", "Olena Zelenska", "olena_zelenska"), ("en", "Ursula von der Leyen", "von_der_leyen"),
        ("en", "Brussels", "brussels"),
        ("uk", "Олена Зеленська", "olena_zelenska"), ("uk", "Урсулою фон дер Ляєн", "von_der_leyen"),
        ("uk", "Брюсселі", "brussels"),
        ("ru", "Елена Зеленская", "elena_zelenskaya"), ("ru", "Урсулой фон дер Ляйен", "von_der_leyen"),
        ("ru", "Брюсселе", "brussels")],
}
ISSUES = {
    0: [Issue("figure", "error", "uk", "99", "98", "uk has 98 where en has 99 (missiles)",
              rule="figure.mismatch")],
    2: [Issue("omission", "error", "uk", 'The package is worth $7.66 billion <including "ammunition">.', "",
              'uk has no translation of: The package is worth $7.66 billion <including "ammunition">.',
              rule="omission")],
    3: [Issue("name", "warning", "ru", "Olena Zelenska", "Елена Зеленская",
              "ru spells Olena Zelenska as Елена Зеленская; the glossary has Олена Зеленская",
              rule="name.mismatch"),
        Issue("figure", "info", "uk", "", "", "uk: no figures to compare in this sentence & that is fine",
              rule="figure.none")],
    4: [Issue("addition", "warning", "ru", "", "Подробности — позже.",
              "ru has text that is not in en: Подробности — позже.", rule="addition")],
    5: [Issue("untranslated", "error", "uk", "", "The feeling of impunity among Russia's rulers…",
              "uk sentence is still the source text: The feeling of impunity among Russia's rulers…",
              rule="untranslated"),
        Issue("alignment", "warning", "uk", "", "",
              "alignment of this segment is uncertain (confidence 0.42); check that the uk/ru text "
              "renders the en text", rule="alignment.low_confidence")],
}
SCORES = {0: {"uk": 0.5, "ru": 1.0}, 1: {"uk": 1.0, "ru": 1.0}, 2: {"uk": 0.0, "ru": 1.0},
          3: {"uk": 1.0, "ru": 0.75}, 4: {"uk": 1.0, "ru": 0.0}, 5: {"uk": 0.0, "ru": 1.0},
          6: {"uk": 1.0, "ru": 1.0}}
CONFIDENCE = {0: 0.88, 5: 0.42}
LANGS = ["en", "uk", "ru"]


def build_report(with_documents: bool = True) -> Report:
    """The report a check of the three sample files would give (see the module docstring)."""
    sentences: dict[str, list[Sentence]] = {lang: [] for lang in LANGS}
    lines: dict[str, list[str]] = {lang: [] for lang in LANGS}
    segments: list[Segment] = []
    for seg_id, parts in enumerate(SEGMENTS):
        idx: dict[str, list[int]] = {}
        for lang in LANGS:
            idx[lang] = []
            if not parts[lang]:
                continue
            # Sentences of one segment share a line, as a paragraph would.
            line_text = " ".join(parts[lang])
            offset = sum(len(line) + 1 for line in lines[lang])
            for sent in parts[lang]:
                start = offset + line_text.index(sent)
                idx[lang].append(len(sentences[lang]))
                sentences[lang].append(Sentence(len(sentences[lang]), sent, start, start + len(sent),
                                                line=len(lines[lang]) + 1))
            lines[lang].append(line_text)
        text = {lang: " ".join(parts[lang]) for lang in LANGS}
        figures: dict[str, list[Figure]] = {lang: [] for lang in LANGS}
        seen: dict[tuple[str, str], int] = {}
        for lang, surface, kind, key in FIGURES.get(seg_id, []):
            start = text[lang].index(surface, seen.get((lang, surface), 0))
            seen[(lang, surface)] = start + len(surface)
            figures[lang].append(Figure(kind, key, surface, start, start + len(surface)))
        names: dict[str, list[NameMention]] = {lang: [] for lang in LANGS}
        for lang, surface, key in NAMES.get(seg_id, []):
            start = text[lang].index(surface)
            names[lang].append(NameMention(surface, start, start + len(surface), key))
        issues = [Issue(**vars(i)) for i in ISSUES.get(seg_id, [])]
        for issue in issues:
            issue.segment = seg_id
            issue.assign_id(text["en"], text[issue.lang])
        scores = SCORES[seg_id]
        segments.append(Segment(seg_id, idx, text, confidence=CONFIDENCE.get(seg_id, 0.97),
                                score=min(scores.values()), scores=dict(scores), issues=issues,
                                figures=figures, names=names))
    files = {lang: f"releases/2024-01-02 strike.{lang}.txt" for lang in LANGS}
    documents = {}
    if with_documents:
        documents = {lang: Document(lang, "\n".join(lines[lang]) + "\n", sentences[lang], files[lang])
                     for lang in LANGS}
    all_issues = [i for seg in segments for i in seg.issues]
    summary = {
        "segments": len(segments),
        "errors": sum(i.severity == "error" for i in all_issues),
        "warnings": sum(i.severity == "warning" for i in all_issues),
        "infos": sum(i.severity == "info" for i in all_issues),
        "score": {"uk": 0.6429, "ru": 0.8214},
    }
    return Report(languages=list(LANGS), source="en", files=files, segments=segments, summary=summary,
                  signature="check:0.1.0|figures|names|untranslated|minconf:0.5|glossary:1a2b3c4d|score:v1",
                  warnings=['ru: not UTF-8, decoded as cp1251 & checked "as is"'], documents=documents)
