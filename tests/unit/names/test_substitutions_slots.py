"""Substitutions the night session of issue 8 found on even lines (names_real seeds 16-25):
a word of a name run swapped for another name's word, read slot by slot; one lost name
against one unexplained name spelt apart though their skeletons sound alike; lost and
unexplained names paired in text order. Each has a
wrong rendering, which must be an error, and a right one, which must stay clean."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, wrong rendering, right rendering, language)
WRONG_AND_RIGHT = [
    # a given name swapped inside a three-word run whose French middle name the keys do not
    # read (Louis / «Lui»): the slot opens with a steady consonant no h becomes
    ("The lecture was given by Harold Louis Brandt at the university.",
     "Лекцію прочитав Роджер Луї Брандт в університеті.",
     "Лекцію прочитав Гарольд Луї Брандт в університеті.", "uk"),
    # a surname that is also an English word (Hall), the run's slot read though the general
    # pass takes the word for a generic one
    ("Canadian skier Adam Hall finished ninth in the slalom.",
     "Канадец Адам Митчелл финишировал девятым в слаломе.",
     "Канадец Адам Холл финишировал девятым в слаломе.", "ru"),
    # one lost name, one unexplained name the dictionary does not know, keys far apart though
    # the sound measure, opening alike, calls them close (arstl / ernstrl)
    ("Scholars long accepted the views of Aristotle on physics.",
     "Учёные долго принимали взгляды Эрнестраля на физику.",
     "Учёные долго принимали взгляды Аристотеля на физику.", "ru"),
    # two names lost and two unexplained, paired in text order: one pair sounds alike (Goethe /
    # «Gete», past the matcher), the other apart, so that one is the swap
    ("Writers such as Goethe, Fichte and Schlegel shaped the movement.",
     "Такие писатели, как Гёте, Бромли и Шлегель, сформировали движение.",
     "Такие писатели, как Гёте, Фихте и Шлегель, сформировали движение.", "ru"),
    # a place repeated in two runs of English words, both rendered by one adjective, while a
    # place nothing explains stands for the other mention
    ("The Atlantic Hurricane season peaked while the storm crossed the Atlantic Ocean.",
     "Сезон ураганов в Атлантическом океане достиг пика, пока шторм пересекал Африку.",
     "Сезон ураганов в Атлантическом океане достиг пика, пока шторм пересекал Атлантику.", "ru"),
    # two runs of one name (Vinson Massif, Mount Vinson) rendered by one mention, while a
    # capitalised word nothing explains stands for the other
    ("Climbers reach the Vinson Massif first and then the summit of Mount Vinson.",
     "Альпіністи спершу досягають масиву Вінсон, а потім вершини Принстон.",
     "Альпіністи спершу досягають масиву Вінсон, а потім вершини Вінсон.", "uk"),
    # a name paired by a skeleton one edit off (lsfrt / lsft: an r lost inside, no
    # transliteration's edit) whose keys are half apart: another name
    ("The expedition crossed Ellsworth Land in winter.",
     "Экспедиция пересекла Землю Елизаветы зимой.",
     "Экспедиция пересекла Землю Элсуэрта зимой.", "ru"),
    # one lost place, one name the dictionary does not know, keys half apart
    ("The caravan reached Mecca before the rains.",
     "Караван дістався Маскоки до дощів.",
     "Караван дістався Мекки до дощів.", "uk"),
]


@pytest.mark.parametrize("en,wrong,right,lang", WRONG_AND_RIGHT)
def test_substituted_name_is_an_error_and_right_one_is_clean(en, wrong, right, lang):
    assert errors(en, wrong, lang), wrong
    assert not errors(en, right, lang), right


@pytest.mark.parametrize("en,tgt,lang", [
    # a surname or place the dictionary knows is the name's traditional form, spelt by custom
    ("The novel was admired by Goethe.", "Роман захоплював Гёте.", "ru"),
    # a word made from the name shares its opening, however far the keys (Blogging)
    ("Blogging is a tool that inspires collaboration.",
     "Блоггерство является инструментом, стимулирующим сотрудничество.", "ru"),
    # an ordinary word in a run's slot is the name's part translated
    ("They moved to North Dakota in 1990.", "Они переехали в Северную Дакоту в 1990 году.", "ru"),
])
def test_traditional_forms_and_translated_parts_are_no_substitution(en, tgt, lang):
    assert not errors(en, tgt, lang), tgt
