"""A hyphenated name whose last part is the English word with its end lost, as word_loss reads
a word alone (align.names.cuts._cut_compounds): wrong renderings are errors, right ones clean."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import garbled

# (english, wrong rendering, right rendering, language)
WRONG_AND_RIGHT = [
    # an s the language writes for this name (Morris / Morris), lost with the case ending
    ("Pain was scored with the Roland-Morris questionnaire.",
     "Боль оценивали по опроснику Роланда-Морри.",
     "Боль оценивали по опроснику Роланда-Морриса.", "ru"),
]


@pytest.mark.parametrize(("en", "wrong", "right", "lang"), WRONG_AND_RIGHT)
def test_last_part_cut_is_an_error(en, wrong, right, lang):
    assert garbled(en, wrong, lang)
    assert not garbled(en, right, lang)
