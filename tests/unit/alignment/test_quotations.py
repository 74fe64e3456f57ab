"""Quotations with their attribution, split differently across the languages (issue 11).

English writes `"A," she said. "B."`, Ukrainian and Russian often `«A. B», — сказала вона.` or
`«A, — сказала вона. — B».`: the splitter cuts each where its own punctuation says, and the
aligner must group the pieces so that a quotation and its attribution stay in one segment in
every language, with the three pairwise alignments agreeing (each text runs through the
project's own splitter, as `align check` reads plain text).
"""

from __future__ import annotations

from align.alignment import align_documents
from align.model import Document
from align.segmenting import split_sentences

OPEN = {
    "en": "The mayor visited Kharkiv on Monday.",
    "uk": "У понеділок мерка відвідала Харків.",
    "ru": "В понедельник мэр посетила Харьков.",
}
CLOSE = {
    "en": "Repairs will cost 40 million hryvnias. The council approved the plan on 3 May.",
    "uk": "Ремонт коштуватиме 40 мільйонів гривень. Рада схвалила план 3 травня.",
    "ru": "Ремонт обойдется в 40 миллионов гривен. Совет одобрил план 3 мая.",
}


def segments(quotes: dict[str, str]) -> tuple[list[dict[str, list[str]]], dict[str, int]]:
    docs = {}
    for lang, quote in quotes.items():
        text = f"{OPEN[lang]} {quote} {CLOSE[lang]}"
        docs[lang] = Document(lang, text, split_sentences(text, lang))
    result = align_documents(docs, "en", embedder=None)
    table = [{lang: [docs[lang].sentences[i].text for i in idx] for lang, idx in seg.sentences.items()}
             for seg in result.segments]
    return table, {lang: len(doc.sentences) for lang, doc in docs.items()}


def quote_segment(table: list[dict[str, list[str]]]) -> dict[str, str]:
    """The one segment after the opening sentence, which must also precede the closing ones."""
    assert [seg["en"][:1] for seg in table[:1]] == [[OPEN["en"]]]
    assert table[2]["en"] == ["Repairs will cost 40 million hryvnias."]
    return {lang: " ".join(sentences) for lang, sentences in table[1].items()}


def test_english_two_sentences_against_one_quoted_block() -> None:
    table, sizes = segments({
        "en": '"We will rebuild every school," she said. "It will take three years."',
        "uk": "«Ми відбудуємо кожну школу. Це займе три роки», — сказала вона.",
        "ru": "«Мы восстановим каждую школу. Это займет три года», — сказала она.",
    })
    assert sizes == {"en": 5, "uk": 4, "ru": 4}  # the splitter keeps «…. …», — сказала whole
    quote = quote_segment(table)
    assert quote["en"].endswith("three years.\"") and "she said" in quote["en"]
    assert quote["uk"].startswith("«Ми") and quote["ru"].startswith("«Мы")


def test_attribution_inside_the_quotation() -> None:
    table, _ = segments({
        "en": '"We will rebuild every school," she said. "It will take three years."',
        "uk": "«Ми відбудуємо кожну школу, — сказала вона. — Це займе три роки».",
        "ru": "«Мы восстановим каждую школу», — сказала она. «Это займет три года».",
    })
    assert [len(seg["en"]) for seg in table] == [1, 1, 1, 1, 1]
    assert table[1]["uk"] == ["«Ми відбудуємо кожну школу, — сказала вона."]
    assert table[2]["ru"] == ["«Это займет три года»."]


def test_colon_introduced_quotation_against_trailing_attribution() -> None:
    table, sizes = segments({
        "en": 'The minister said: "Exports grew by 12%. Imports fell."',
        "uk": "«Експорт зріс на 12 %. Імпорт упав», — заявив міністр.",
        "ru": "«Экспорт вырос на 12 %. Импорт упал», — заявил министр.",
    })
    quote = quote_segment(table)
    assert "12%" in quote["en"] and "Imports fell" in quote["en"]
    assert quote["uk"].startswith("«Експорт") and quote["uk"].endswith("міністр.")
    assert quote["ru"].startswith("«Экспорт") and quote["ru"].endswith("министр.")
    assert sum(len(seg["en"]) for seg in table) == sizes["en"]
