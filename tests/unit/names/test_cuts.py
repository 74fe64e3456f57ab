"""Names cut short or headless wherever the matching left them (align.names.cuts): each wrong
rendering is an error, its right counterpart (a real spelling variant, an inflection, an
established form) stays clean."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors, name_issues

# (english, wrong rendering, right rendering, language)
WRONG_AND_RIGHT = [
    # a surname cut inside a run the extractor merged with a place before it
    ("California Governor Arnold Schwarzenegger signed the bill.",
     "Губернатор Калифорнии Арнольд Варценеггер подписал закон.",
     "Губернатор Калифорнии Арнольд Шварценеггер подписал закон.", "ru"),
    # a glossary person's surname headless in lower case after the given names
    ("The call came after Trump spoke with Turkish President Recep Tayyip Erdoğan.",
     "Звонок последовал после разговора Трампа с президентом Турции Реджепом Тайипом рдоганом.",
     "Звонок последовал после разговора Трампа с президентом Турции Реджепом Тайипом Эрдоганом.", "ru"),
    # a short name headless in lower case: no key folds the first letter back
    ("Some patients were infected in the hospital, Dr. Moll thinks.",
     "Некоторые пациенты заразились в больнице, думает доктор олл.",
     "Некоторые пациенты заразились в больнице, думает доктор Молл.", "ru"),
    ("Shika nuclear plant was shut down, the company said.",
     "Компанія повідомила, що АЕС ика було зупинено.",
     "Компанія повідомила, що АЕС Шика було зупинено.", "uk"),
    # an initial h or hard g lost, which the keys fold away (not a Romance silent h)
    ("The incumbent president, Hifikepunye Pohamba, has been reelected.",
     "Действующий президент Ификепунье Похамба был переизбран.",
     "Действующий президент Хификепунье Похамба был переизбран.", "ru"),
    ("It is listed in the Guinness Book of World Records.",
     "Она внесена в книгу мировых рекордов Иннеса.",
     "Она внесена в книгу мировых рекордов Гиннесса.", "ru"),
    # a word of an established name headless beside an adjective made from it, which renders
    # the adjective, not the name
    ("It is one of the main attractions of South Africa, a flagship of South African National Parks.",
     "Це одна з основних пам'яток Південної Фрики, флагман Національних парків Південно-Африканської республіки.",
     "Це одна з основних пам'яток Південної Африки, флагман Національних парків Південно-Африканської республіки.",
     "uk"),
    ("In 1884, Tesla moved to the United States of America.", "В 1884 году Тесла перебрался в Соединенные Штаты мерики.",
     "В 1884 году Тесла перебрался в Соединенные Штаты Америки.", "ru"),
    # a run of several words written as one hyphenated word whose last part stops short
    ("By 1976, thirty percent of Machu Picchu had been restored.",
     "До 1976 року було відновлено тридцять відсотків Мачу-Пік.",
     "До 1976 року було відновлено тридцять відсотків Мачу-Пікчу.", "uk"),
    ("There was tsunami activity recorded near Pago Pago and Niue.",
     "Активность цунами была зарегистрирована возле Паго-Па и Ниуэ.",
     "Активность цунами была зарегистрирована возле Паго-Паго и Ниуэ.", "ru"),
    # a capitalised stump keeping under half the name's consonants, a dictionary word or not
    ("Tourism is an important income in Sápmi, the Sámi area.",
     "Туризм у Сап, де живуть саами, приносить істотний дохід.",
     "Туризм у Сапмі, де живуть саами, приносить істотний дохід.", "uk"),
    ('Dustin "Goldust" Runnels commented on it.', 'Дастин "Гол" Раннелс это прокомментировал.',
     'Дастин "Голдаст" Раннелс это прокомментировал.', "ru"),
    # a name opening with j, whose key folds dzh away, cut short
    ("The hurricane center says that at this point Jerry poses no threat to land.",
     "Ураганний центр повідомляє, що на цей час Джер не становить загрози для суші.",
     "Ураганний центр повідомляє, що на цей час Джеррі не становить загрози для суші.", "uk"),
    # the final vowel lost, leaving a word the dictionary does not read as a name
    ("The cave is north of Mecca.", "Пещера находится к северу от Мек.", "Пещера находится к северу от Мекки.", "ru"),
    ("The survivors of Larry Nassar spoke.", "Потерпілі від Лар Нассара заговорили.",
     "Потерпілі від Ларрі Нассара заговорили.", "uk"),
    ("Robin Uthappa made the highest score.", "Робин Утхап набрал больше всех очков.",
     "Робин Утхаппа набрал больше всех очков.", "ru"),
    # a surname that only looks made from a name by its ending (-ian, -ese), cut
    ("The report was written by Dr. Ravi Subramanian last year.",
     "Звіт написав доктор Раві Субрама минулого року.",
     "Звіт написав доктор Раві Субраманіан минулого року.", "uk"),
    ("The talks were led by Prime Minister Fiame Tamasese.",
     "Переговоры вёл премьер-министр Фиаме Тама.",
     "Переговоры вёл премьер-министр Фиаме Тамасесе.", "ru"),
    # a cut close enough to the name for the keys, its last consonant repeated in English only
    ("The report was written by Dr. Ravi Subramanian last year.",
     "Звіт написав доктор Раві Субраманя минулого року.",
     "Звіт написав доктор Раві Субраманіана минулого року.", "uk"),
    # an English j rendered zh where the language writes dzh: the d lost
    ("Talks were held in Jakarta on Monday.", "Переговоры прошли в Жакарте в понедельник.",
     "Переговоры прошли в Джакарте в понедельник.", "ru"),
    ("The award went to John Smith.", "Награду получил жон Смит.", "Награду получил Джон Смит.", "ru"),
    # a stump that spells the opening with other vowels (a said ei, i said ai), a syllable short
    ("The coach, Layton, resigned on Friday.", "Тренер Лей подал в отставку в пятницу.",
     "Тренер Лейтон подал в отставку в пятницу.", "ru"),
    ("Mr Simon resigned on Friday.", "Пан Сай пішов у відставку в п'ятницю.",
     "Пан Саймон пішов у відставку в п'ятницю.", "uk"),
    # a stump that is an ordinary word, after a given name: a person's surname cut
    ("Texas governor Rick Perry spoke on Monday.", "Губернатор Техаса Рик Пер выступил в понедельник.",
     "Губернатор Техаса Рик Перри выступил в понедельник.", "ru"),
    # headless in lower case, a rare word of the dictionary (frika, liver)
    ("He travelled across Africa last year.", "Он путешествовал по фрике в прошлом году.",
     "Он путешествовал по Африке в прошлом году.", "ru"),
    ("The book by Oliver Sacks sold well.", "Книга ливера Сакса хорошо продавалась.",
     "Книга Оливера Сакса хорошо продавалась.", "ru"),
    # a hyphenated run whose last part the keys call alike, though it lost a consonant sound
    ("The Uttar Pradesh Police arrested him on Monday.", "Поліція Уттар-Праде заарештувала його в понеділок.",
     "Поліція Уттар-Прадешу заарештувала його в понеділок.", "uk"),
    ("Texas governor Rick Perry spoke on Monday.", "Губернатор Техасу Рік Пер виступив у понеділок.",
     "Губернатор Техасу Рік Перрі виступив у понеділок.", "uk"),
    # a stump that inflects an ordinary word (mera), not the name in another case
    ("The ferry crosses the Mersey every hour.", "Паром пересекает Мер каждый час.",
     "Паром пересекает Мерси каждый час.", "ru"),
    # a given name cut to a word of the language, right before the run's next word rendered
    # whole: the run says whose it is, however common a word the stump makes
    ("The award went to Henry Kissinger in 1973.", "Нагороду отримав Ген Кіссінджер у 1973 році.",
     "Нагороду отримав Генрі Кіссінджер у 1973 році.", "uk"),
    ("The song was written by Tony Banks and Mike Rutherford.", "Песню написали Тон Бэнкс и Майк Резерфорд.",
     "Песню написали Тони Бэнкс и Майк Резерфорд.", "ru"),
    # a people's word rendered by its country's name, cut short
    ("The Belgian government resigned on Monday.", "Правительство Бел ушло в отставку в понедельник.",
     "Правительство Бельгии ушло в отставку в понедельник.", "ru"),
    ("French wines are famous all over the world.", "Вина Фран відомі в усьому світі.",
     "Вина Франції відомі в усьому світі.", "uk"),
    # ... also where the country's own mention is rendered whole, the people's word cut
    ("No damage was reported in Tonga, but Tongan authorities lost power.",
     "Про пошкодження на Тонзі не повідомляли, але влада Тон залишилася без світла.",
     "Про пошкодження на Тонзі не повідомляли, але влада Тонги залишилася без світла.", "uk"),
    # a name cut at its j or soft g, which the keys fold into a vowel (the stump may keep the d of dzh)
    ("Singer Raju Sharma opened the evening.", "Вечер открыл певец Рад Шарма.", "Вечер открыл певец Раджу Шарма.", "ru"),
    ("Singer Raju Sharma opened the evening.", "Вечір відкрив співак Рад Шарма.", "Вечір відкрив співак Райю Шарма.", "uk"),
    ("They found the body of Saroja Balasubramanian.", "Там вони знайшли тіло Саро Баласубраманян.",
     "Там вони знайшли тіло Сарожі Баласубраманян.", "uk"),
    # a j name cut after its first vowel sound, dzh kept (the stump may be another given name)
    ("The ceremony was attended by James Carter and his wife.", "На церемонии присутствовали Джей Картер и его жена.",
     "На церемонии присутствовали Джеймс Картер и его жена.", "ru"),
    ("The letter was signed by John Hancock.", "Лист підписав Джо Генкок.", "Лист підписав Джон Генкок.", "uk"),
    # a cut the keys miss as they keep th, ch, soft c or qu as written where the rendering writes the sound
    ("He flew to Ethiopia last year.", "Минулого року він полетів до Ефіо.", "Минулого року він полетів до Ефіопії.", "uk"),
    ("The doctor was found 15 miles north of Cincinnati.", "Врача нашли в 15 милях к северу от Цинцин.",
     "Врача нашли в 15 милях к северу от Цинциннати.", "ru"),
]


@pytest.mark.parametrize("en,wrong,right,lang", WRONG_AND_RIGHT)
def test_a_cut_or_headless_word_is_an_error_and_its_whole_rendering_is_clean(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    ("Giancarlo Fisichella lost control of his car.", "Джанкарло Фізікелла втратив контроль над автомобілем.", "uk"),
    ("Hernández scored twice.", "Эрнандес забил дважды.", "ru"),
    ("Hydrogen ions are protons.", "Іони водню – це протони.", "uk"),
    ("Christmas is a holiday of Christianity.", "Різдво — це свято християнства.", "uk"),
    ("The Giant Slalom was won by Gyöngyi Dani.", "Гігантський слалом виграла Джійонджі Дані.", "uk"),
    ("Cities on the islands of Crete and Santorini.", "Города на островах Крит и Санторин.", "ru"),
    # a cognate translated: no stump, however its respelt key opens the name's
    ("For news, check Asociacion Argentina de Polo.", "За новинами звертайтеся до Асоціації поло Аргентини.", "uk"),
    # a people's word rendered by its country: the short name is no cut of the long one
    ("The test considers the diversity of the Russian population.",
     "Тест учитывает разнообразие населения России.", "ru"),
    # a sentence's first word, a term translated in a form of its own
    ("Immunohistochemistry (IHC) using rabbit antibodies was employed.",
     "Иммуногистохимия (ИГХ) с использованием кроличьих антител использовалась.", "ru"),
    ("In 1884, Tesla moved to the United States of America.", "В 1884 году Тесла перебрался в США.", "ru"),
    ("Bonds were floated through the Wall Street banking houses.",
     "Облігації розміщували через банки Уолл-Стріт.", "uk"),
    ("Scotturb Bus 403 stops at Cabo da Roca.", "Автобус Scotturb 403 зупиняється біля Кабо-да-Рока.", "uk"),
    # French names write zh; a rendering with the English word's syllables says them otherwise
    ("Jean Reno starred in the film.", "В фильме снялся Жан Рено.", "ru"),
    ("The talks in Geneva ended on Monday.", "Переговоры в Женеве завершились в понедельник.", "ru"),
    ("A cruise on the Danube was the highlight.", "Круїз Дунаєм став головною подією.", "uk"),
    # a common lower-case word is the language's own, whatever name it may look cut from
    ("Some roads near Noto are closed.", "Деякі дороги біля Ното закрито, ото й усе.", "uk"),
    # a Latin word after a name kept in Latin is that name's own spelling
    ("In late 2015, TogiNet established AstroNet Radio as a subsidiary station.",
     "В конце 2015 года TogiNet создала AstroNet Radio в качестве дочерней радиостанции.", "ru"),
    # a word the matching paired with another name is its rendering, not a stump
    ("The Director of Public Prosecutions charged both Huhne and Pryce.",
     "Генеральный прокурор предъявил обвинения Хьюну и Прайсу.", "ru"),
])
def test_variants_that_look_cut_are_no_error(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A word that is no word of the language, while a letter before it or a syllable after it
# makes one: a name cut in the translation, whatever the source calls it.
STUMPS = [
    ("In the warm climate of the Middle East, the house was not so important.",
     "В тёплом климате Ближнего Остока дом не имел особого значения.",
     "В тёплом климате Ближнего Востока дом не имел особого значения.", "ru"),
    ("The bridge links Oiapoque in Brazil and Saint-Georges in French Guiana.",
     "Мост соединяет Ояпоки в Бразилии и Сен-Жорж во Французской Гвиа.",
     "Мост соединяет Ояпоки в Бразилии и Сен-Жорж во Французской Гвиане.", "ru"),
    # a stump no text has ever used: any attested completion tells it
    ("Their predecessors, the Australopithecus, did not walk upright.",
     "Їх попередники, встралопітеки, не ходили у вертикальному положенні.",
     "Їх попередники, австралопітеки, не ходили у вертикальному положенні.", "uk"),
    ("Storms hit the Midwest on Sunday.",
     "Шторми вдарили по Середньому Захо в неділю.",
     "Шторми вдарили по Середньому Заходу в неділю.", "uk"),
    ("He swam in three relays at the Commonwealth Games.",
     "Він проплив у трьох естафетах на Іграх Співдружнос.",
     "Він проплив у трьох естафетах на Іграх Співдружності.", "uk"),
]


@pytest.mark.parametrize("en,wrong,right,lang", STUMPS)
def test_a_stump_no_dictionary_knows_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [(i.rule, i.evidence) for i in found] == [("name.garbled", "dictionary")], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # rare transliterations the dictionary does not know, which the source spells
    ("It was the final match for the All Blacks.", 'Этот матч стал последним для "Олл Блэкс".', "ru"),
    ("The village of Haldarsvík offers views of Eysturoy.", "Із села Галдорсвік видно острів Естурой.", "uk"),
    # a transliteration whose consonants the source spells, though its keys are further apart
    ("Last week, METI announced that Apple had informed it of 34 incidents.",
     "Минулого тижня МЕТП оголосило, що Еппл повідомив його про 34 інциденти.", "uk"),
    ("Newt Gingrich finished fourth.", "Ньют Гингрич финишировал четвёртым.", "ru"),
    ("He will be replaced by Ed Davey MP.", "Его заменит член парламента Эд Дейви.", "ru"),
    ("The reactors at its Shika plant were shut down.", 'Реакторы на её электростанции "Сика" были остановлены.', "ru"),
    ("He scored 70 runs in 41 balls.", "Он набрал 70 ранов за 41 подачу.", "ru"),
    # lower-case words the language's texts use, though its dictionary lacks them
    ("The findings were morphologically confirmed.", "Результаты были морфологически подтверждены.", "ru"),
    ("Avoid cooking odorous foods.", "Не готуйте іжу із запахом.", "uk"),
    # a lower-case typo while every name of the source is rendered (AI / ShI)
    ("Although AI has a strong connotation of science fiction, AI is a branch of computer science.",
     "Хоча ШІ має сильні конотації з наковою фантастикою, ШІ є підрозділом комп'ютерних наук.", "uk"),
])
def test_words_the_dictionary_lacks_are_no_stumps(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A stump the source seems to spell only because the keys fold away what it lost: a completion
# of it in the dictionary is spelt closer by a source word the translation renders nowhere whole.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("Many want Queen Elizabeth II to be the last monarch.", "Многие хотят, чтобы королева Елизаве II стала последней.",
     "Многие хотят, чтобы королева Елизавета II стала последней.", "ru"),
    # headless, in lower case, beside a surname the matching found
    ("In the match, Sachin Tendulkar and Rahul Dravid performed well.",
     "У матчі Сачин Тендулкар та ауль Дравід зіграли добре.",
     "У матчі Сачин Тендулкар та Рауль Дравід зіграли добре.", "uk"),
])
def test_a_stump_whose_completion_the_source_spells_closer_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [(i.rule, i.evidence) for i in found] == [("name.garbled", "dictionary")], found
    assert errors(en, right, lang) == []


def test_a_stump_the_language_completes_to_the_name_is_read_against_the_name():
    # The language writes Jesus with its s (Iisus): Iisu is that name cut, which the cut pass
    # now reads against the English word itself, before any dictionary completion.
    en = "Christmas is celebrated as the birthday of Jesus."
    found = errors(en, "Рождество отмечается как день рождения Иису.", "ru")
    assert [(i.rule, i.expected) for i in found] == [("name.garbled", "Jesus")], found
    assert errors(en, "Рождество отмечается как день рождения Иисуса.", "ru") == []


@pytest.mark.parametrize("en,tgt,lang", [
    # a completion spelt by a source word the translation renders whole elsewhere (Royal / Roll)
    ("The All Blacks won at the Royal Bafokeng Stadium.", 'Команда "Олл Блэкс" победила на стадионе "Роял Бафокенг".',
     "ru"),
])
def test_a_completion_of_a_word_rendered_whole_elsewhere_is_no_stump(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A headless word the keys call alike, as they fold vowels: it opens with a vowel where the
# name opens with a consonant, or the other way round.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("Danielle Lantagne, a UN expert, stated the outbreak was likely caused by the peacekeepers.",
     "Даниэль Антань, эксперт ООН, заявила, что вспышку вызвали миротворцы.",
     "Даниэль Лантань, эксперт ООН, заявила, что вспышку вызвали миротворцы.", "ru"),
    ("They want Queen Elizabeth II to be the last monarch.",
     "Они хотят, чтобы королева лизавета II стала последним монархом.",
     "Они хотят, чтобы королева Елизавета II стала последним монархом.", "ru"),
])
def test_a_headless_word_that_lost_the_opening_sound_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # an opening English leaves unsaid or renders as a vowel
    ("Banks on Wall Street fell.", "Банки на Уолл-стрит упали.", "ru"),
    ("Hernández scored twice.", "Эрнандес забил дважды.", "ru"),
    ("The Ypres salient was held.", "Выступ у Ипра удерживался.", "ru"),
])
def test_an_opening_english_leaves_unsaid_is_no_lost_sound(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A short name headless is often a word of the language: read as the name's stump while no
# pass found the name any rendering, unless it is an everyday word.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("He used to frequent a cave that became known as Hira for contemplation.",
     "Он часто посещал пещеру, которая стала известна как ира, для размышлений.",
     "Он часто посещал пещеру, которая стала известна как Хира, для размышлений.", "ru"),
    ("The bus stops at Cabo da Roca.", "Автобус останавливается на мысе ока.",
     "Автобус останавливается на мысе Рока.", "ru"),
])
def test_a_lost_name_headless_into_a_rare_word_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # an everyday word (oto) is no stump even of a name left without rendering
    ("Noto was quiet that year.", "Того року ото було тихо.", "uk"),
])
def test_an_everyday_word_is_no_headless_name(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A stump whose consonants are the name's read by the sounds they may stand for (z for s, k for
# an Italian ch), its final vowel or a syllable lost: the keys keep the letters apart.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("The driver Giancarlo Fisichella lost control of his car.",
     "Гонщик Джанкарло Физикел потерял управление автомобилем.",
     "Гонщик Джанкарло Физикелла потерял управление автомобилем.", "ru"),
    ("The road climbs from Paro to Punakha.", "Дорога піднімається від Паро до Пунак.",
     "Дорога піднімається від Паро до Пунакхи.", "uk"),
])
def test_a_stump_that_spells_the_name_by_its_sounds_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # a rendering of another source name, keeping under half the consonants of this one
    ("The Director of Public Prosecutions announced the prosecution of Huhne and Pryce.",
     "Генеральный прокурор объявил о преследовании Хьюна и Прайса.", "ru"),
])
def test_a_rendering_of_another_name_is_no_sound_stump(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A run of names rendered as one hyphenated word whose first part lost its first letter: the
# parts after it anchor even a one-letter stump.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("They rebuilt it under the name Casa Branca.", "Они отстроили его под названием Аза-Бранка.",
     "Они отстроили его под названием Каза-Бранка.", "ru"),
    ("She announced her candidacy in La Plata yesterday.", "Вона оголосила про свою кандидатуру вчора в а-платі.",
     "Вона оголосила про свою кандидатуру вчора в Ла-Платі.", "uk"),
    ("A popular dinner is the Pa amb Oli: bread with olive oil.",
     "Популярное блюдо на обед — А-амб-оли: хлеб с оливковым маслом.",
     "Популярное блюдо на обед — Па-амб-оли: хлеб с оливковым маслом.", "ru"),
])
def test_a_hyphenated_run_whose_first_part_lost_its_head_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    ("The bridge links Oiapoque and Saint-Georges.", "Мост соединяет Ояпоки и Сен-Жорж.", "ru"),
    ("The photographer was taken to a hospital in Los Angeles.", "Фотографа доставили в больницу в Лос-Анджелесе.",
     "ru"),
])
def test_a_hyphenated_run_spelt_whole_is_no_headless_compound(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A sentence's first word that English also writes in lower case is no name to the extractor;
# right before the rendering of the name after it, it is a given name, and may be cut.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("Oliver Sacks, in his paper, described how people assess sincerity.",
     "В своей статье Оли Сакс описал, как люди оценивают искренность.",
     "В своей статье Оливер Сакс описал, как люди оценивают искренность.", "ru"),
    ("Oliver Sacks, in his paper, described how people assess sincerity.",
     "В своей статье ливер Сакс описал, как люди оценивают искренность.",
     "В своей статье Оливер Сакс описал, как люди оценивают искренность.", "ru"),
])
def test_a_cut_given_name_opening_the_sentence_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # an ordinary word opening the sentence, translated
    ("Although Winfrey was reluctant, she agreed.", "Хотя Уинфри сомневалась, она согласилась.", "ru"),
    # a given name kept in its own spelling
    ("Dr. Tony Moll discovered the strain.", "Доктор Тони Молл (Tony Moll) обнаружил этот штамм.", "ru"),
])
def test_a_sentence_opening_word_rendered_or_translated_is_no_cut_given_name(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A stump whose completion lies past the hundreds of dictionary words opening as it does
# (vizantyn- before vizantiia): read letter by letter along the dictionary's prefixes.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("Silks were valued more than what Byzantine markets offered.",
     "Шовк цінувався дорожче, ніж на ринках Візан.",
     "Шовк цінувався дорожче, ніж на ринках Візантії.", "uk"),
])
def test_a_stump_of_a_word_many_words_open_as_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [(i.rule, i.evidence) for i in found] == [("name.garbled", "dictionary")], found
    assert errors(en, right, lang) == []


# An English j whose dzh lost its d in a lower-case word: no French zh, a name without its head.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("Jakar is the administrative centre of the district.", "Административный центр округа — жакар.",
     "Административный центр округа — Джакар.", "ru"),
])
def test_a_lower_case_zh_for_dzh_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # a French zh, capitalised
    ("Jean Reno starred in the film.", "Жан Рено сыграл в фильме.", "ru"),
])
def test_a_capitalised_zh_is_no_headless_dzh(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# A rendering that lost the first consonant before a vowel English says as two (a as ei).
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("He will be replaced by Ed Davey MP. Lamb is to take the job Davey is vacating.",
     "Его заменит член парламента Эд ейви. Ламб займет пост, который освобождает Дейви.",
     "Его заменит член парламента Эд Дейви. Ламб займет пост, который освобождает Дейви.", "ru"),
])
def test_a_headless_word_opening_with_a_said_diphthong_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert "name.garbled" in [i.rule for i in found], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,wrong,right,lang", [
    # the stump with a letter before it is a name the dictionary knows, which the source spells
    ("Christmas is celebrated as the birthday of Jesus.", "Рождество отмечается как день рождения Исуса.",
     "Рождество отмечается как день рождения Иисуса.", "ru"),
    # headless, its rest spelt with a voiced consonant and k for an Italian ch
    ("The driver Giancarlo Fisichella lost control of his car.",
     "Гонщик Джанкарло изикелла потерял управление автомобилем.",
     "Гонщик Джанкарло Физикелла потерял управление автомобилем.", "ru"),
])
def test_a_headless_name_the_keys_read_as_another_opening_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert "name.garbled" in [i.rule for i in found], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # an initial h Romance names leave unsaid
    ("Hernández scored twice against Fiorentina.", "Эрнандес дважды забил в ворота Фиорентины.", "ru"),
])
def test_a_romance_h_left_unsaid_is_no_sound_headless(en, tgt, lang):
    assert errors(en, tgt, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # a name the dictionary knows one letter longer (Grishi), where English says the opening
    ("On Friday, Prime Minister Rishi Sunak announced it in Kyiv.", "В пятницу премьер-министр Риши Сунак объявил об этом в Киеве.",
     "ru"),
])
def test_a_spelt_opening_is_no_head_of_a_longer_dictionary_name(en, tgt, lang):
    assert errors(en, tgt, lang) == []


# The later parts of a capitalised hyphenated name are the name's, in lower case too.
@pytest.mark.parametrize("en,wrong,right,lang", [
    ("The cities of Harappa and Mohenjo-daro had a flush toilet in almost every house.",
     "Почти в каждом доме городов Хараппа и Мохенджо-Да был туалет со смывом.",
     "Почти в каждом доме городов Хараппа и Мохенджо-Даро был туалет со смывом.", "ru"),
])
def test_a_hyphenated_name_cut_in_its_lower_case_part_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,wrong,right,lang", [
    # a name cut to a word of the language in a case the preposition before it cannot take
    ("Hershey and Chase used phages, or viruses, to implant their own DNA into a bacterium.",
     "Херши с Чей имплантировали свою ДНК в бактерию.",
     "Херши с Чейзом имплантировали свою ДНК в бактерию.", "ru"),
    ("The program simulates observations made of the Sagittarius galaxy.",
     "Программа имитирует наблюдения галактики в Стрел.",
     "Программа имитирует наблюдения галактики в Стрельце.", "ru"),
])
def test_a_capitalised_word_in_no_case_its_preposition_takes_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.garbled"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    ("He flew from Tbilisi to Paris.", "Он прилетел в Париж из Тбилиси.", "ru"),   # indeclinable: every case
    ("The talks were held in Chase Tower.", "Переговоры прошли в Чейз-Тауэр.", "ru"),  # hyphenated: read whole
    ("She spoke with Hope Solo.", "Она говорила с Надежда Соло.", "ru"),  # a dictionary name, in the wrong case
])
def test_a_word_a_preposition_may_take_or_a_name_is_no_cut(en, tgt, lang):
    assert [i for i in errors(en, tgt, lang) if "in no case" in i.message] == []


@pytest.mark.parametrize("en,wrong,right,lang", [
    # a name cut to a conjunction, capitalised inside the sentence
    ("Chambers, an agnostic, argues that his lawsuit is frivolous.",
     "Агностик Чем утверждает, что его иск несерьезный.",
     "Агностик Чемберс утверждает, что его иск несерьезный.", "ru"),
])
def test_a_function_word_capitalised_inside_a_sentence_is_a_cut_name(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [(i.rule, i.expected) for i in found] == [("name.garbled", "Chambers")], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # a title in title case capitalises its ordinary words
    ("Two songs, Audition (The Fools Who Dream) and City of Stars, were nominated.",
     "Дві пісні, Прослуховування (Дурні, Які Мріють) та Місто Зірок, були номіновані.", "uk"),
    # an abbreviation translated as a word: no source word opens as the word does
    ("30 and No.", "30 и Нет.", "ru"),
    # a quotation opens with a capital
    ('He said: "We will win."', 'Он сказал: "Мы победим".', "ru"),
])
def test_a_capitalised_function_word_where_capitals_are_due_is_no_cut(en, tgt, lang):
    assert [i for i in errors(en, tgt, lang) if "inside a sentence" in i.message] == []


def test_garbled_or_truncated_does_not_follow_string_hashing():
    # Jerusalem's keys read against Єрусали as a lost syllable and, by another key pair, as a
    # lost first sound; the keys are read in sorted order, so every process says the same.
    issues = name_issues("Pilgrims travelled to Jerusalem last year.",
                         "Паломники подорожували до Єрусали минулого року.", "uk")
    assert [(i.severity, i.rule) for i in issues] == [("error", "name.garbled")]
    assert "truncated" in issues[0].message
