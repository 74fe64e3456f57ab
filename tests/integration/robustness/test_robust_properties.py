"""Property-based fuzzing (hypothesis) of the stages that see untrusted text: decoding, the
figure and name extractors, the splitter, normalisation and the aligner. Never an exception;
spans inside the text; every sentence of every language in exactly one segment, in order."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from align.errors import InputError
from align.model import Document
from align.textio import decode_bytes, normalized, original_span

# Bounded: the whole module runs in well under a minute on two cores.
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)

WORDS = {
    "en": ["Kyiv", "NATO", "the", "million", "five", "$7.66", "billion", "at least", "Jan. 2,", "2024", "%", "km",
           "Zelenskyy", "said", "U.S.", "Mr.", "3.5", "1,000", "twenty-one", "-", "(", ")", "\"", "..."],
    "uk": ["Київ", "НАТО", "мільйона", "п'ять", "7,66", "млрд", "доларів", "щонайменше", "2 січня", "2024 року",
           "%", "км", "Зеленський", "заявив", "США", "3,5", "1 000", "двадцять один", "—", "«", "»", "…"],
    "ru": ["Киев", "НАТО", "миллиона", "пять", "7,66", "млрд", "долларов", "как минимум", "2 января", "2024 года",
           "%", "км", "Зеленский", "заявил", "США", "3,5", "1 000", "двадцать один", "—", "«", "»", "…"],
}
ODD = ["\u200b", "\u202e", "\u0306", "\x1b[31m", "\ufeff", "\u00ad", "\t", "\n", "\n\n", ". ", "! ", "?", ";",
       "<script>", "]]>", "\x00", "\U0001F600", "\u0301", "Ы", "é", "ß", "٣", "١٢"]


def texts(lang: str, max_words: int = 40) -> st.SearchStrategy[str]:
    token = st.one_of(st.sampled_from(WORDS[lang]), st.sampled_from(ODD), st.integers(0, 10**7).map(str),
                      st.text(max_size=6))
    return st.lists(token, max_size=max_words).map(" ".join)


def mixed(max_words: int = 40) -> st.SearchStrategy[str]:
    return st.one_of(texts("en", max_words), texts("uk", max_words), texts("ru", max_words))


@FUZZ
@given(st.binary(max_size=400))
def test_decoding_random_bytes_is_text_or_one_input_error(data):
    try:
        decoded = decode_bytes(data, "f.uk.txt")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert "\x00" not in decoded.text and decoded.text.strip()


@FUZZ
@given(st.sampled_from(["en", "uk", "ru"]).flatmap(lambda lang: st.tuples(st.just(lang), texts(lang))))
def test_figure_extractor_never_fails_and_spans_fit(case):
    from align.figures import extract_figures

    lang, text = case
    for fig in extract_figures(text, lang):
        assert 0 <= fig.start <= fig.end <= len(text)


@FUZZ
@given(st.sampled_from(["en", "uk", "ru"]).flatmap(lambda lang: st.tuples(st.just(lang), texts(lang))))
def test_name_extractor_never_fails_and_spans_fit(case):
    from align.names import extract_names

    lang, text = case
    for name in extract_names(text, lang):
        assert 0 <= name.start <= name.end <= len(text)


@FUZZ
@given(st.sampled_from(["en", "uk", "ru"]).flatmap(lambda lang: st.tuples(st.just(lang), mixed(60))))
def test_checker_spans_index_the_text_as_written(case):
    from align.checking import default_checker

    lang, text = case
    checker = default_checker()
    for item in [*checker.figures(text, lang), *checker.names(text, lang)]:
        assert 0 <= item.start <= item.end <= len(text)


@FUZZ
@given(st.sampled_from(["en", "uk", "ru"]).flatmap(lambda lang: st.tuples(st.just(lang), mixed(80))))
def test_splitter_never_fails_and_keeps_order(case):
    from align.segmenting import split_sentences

    lang, text = case
    sentences = split_sentences(text, lang, [])
    assert [s.index for s in sentences] == list(range(len(sentences)))
    previous_end = 0
    for sent in sentences:
        assert sent.text.strip()
        assert previous_end <= sent.start <= sent.end <= len(text)
        previous_end = sent.end


@FUZZ
@given(st.text(max_size=80))
def test_normalised_spans_map_back_inside_the_text(text):
    clean, starts, ends = normalized(text)
    if starts is None:
        assert clean == text
        return
    assert len(starts) == len(ends) == len(clean)
    assert "\u200b" not in clean and unicodedata.is_normalized("NFC", clean.replace("\u0306", ""))
    for start in range(len(clean)):
        s, e = original_span(start, start + 1, starts, ends)
        assert 0 <= s < e <= len(text)


def _document(lang: str, sentences: list[str]) -> Document:
    from align.model import Sentence

    return Document(lang=lang, text="\n".join(sentences),
                    sentences=[Sentence(index=i, text=t, line=i + 1) for i, t in enumerate(sentences)])


def sentence_lists(lang: str) -> st.SearchStrategy[list[str]]:
    sentence = texts(lang, 12).map(lambda t: " ".join(t.split()) or "x")
    repeated = st.tuples(sentence, st.integers(1, 60)).map(lambda p: [p[0]] * p[1])
    return st.one_of(st.lists(sentence, max_size=40), repeated)


@FUZZ
@given(sentence_lists("en"), sentence_lists("uk"), sentence_lists("ru"))
def test_aligner_always_covers_every_sentence_once_in_order(en, uk, ru):
    from align.alignment import align_documents

    docs = {"en": _document("en", en), "uk": _document("uk", uk), "ru": _document("ru", ru)}
    result = align_documents(docs, source="en", embedder=None)
    for lang, sentences in (("en", en), ("uk", uk), ("ru", ru)):
        seen = [i for seg in result.segments for i in seg.sentences[lang]]
        assert seen == list(range(len(sentences))), lang


@pytest.mark.parametrize("shape", [(300, 3), (3, 300), (200, 0), (1, 1)])
def test_aligner_extreme_shapes(shape):
    from align.alignment import align_documents

    n, m = shape
    docs = {"en": _document("en", [f"{i}," for i in range(n)]),
            "uk": _document("uk", ["Дуже довгий рядок без жодної коми і так далі ще і ще " * 5] * m)}
    result = align_documents(docs, source="en", embedder=None)
    assert [i for seg in result.segments for i in seg.sentences["en"]] == list(range(n))
    assert [i for seg in result.segments for i in seg.sentences["uk"]] == list(range(m))
