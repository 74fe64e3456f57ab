"""A source name left without counterpart while an unexplained target name appears: a
substitution (issue 8). Each class has a wrong rendering, which must be an error, and a right
one, which must stay clean."""

from __future__ import annotations

import pytest

from tests.unit.names.helpers import errors

# (english, wrong rendering, right rendering, language)
WRONG_AND_RIGHT = [
    # the surname after a matched given name swapped for another surname
    ("According to Mick O'Flynn, the director of the park, the shooters were trained.",
     "За словами Міка Діллона, директора парку, стрільці пройшли навчання.",
     "За словами Міка О'Флінна, директора парку, стрільці пройшли навчання.", "uk"),
    # one name written two ways in the source (Qing, Qing Empire), one of them swapped
    ("In 1683, Qing dynasty forces took Taiwan, and in 1885 it became a province of the Qing Empire.",
     "У 1683 році сили династії Берлін захопили Тайвань, а в 1885 році він став провінцією імперії Цін.",
     "У 1683 році сили династії Цін захопили Тайвань, а в 1885 році він став провінцією імперії Цін.", "uk"),
    ("The Vinson Massif peaks at 4892 m on Mount Vinson.",
     "Массив Винсон достигает 4892 м на пике Хеброн.",
     "Массив Винсон достигает 4892 м на пике Винсон.", "ru"),
    # a surname with an adjective's ending, unknown to the dictionary, for another name
    ("Throughout the 1960s, Brzezinski worked for John F. Kennedy.",
     "Протягом 1960-х років Сімоносекський працював на Джона Ф. Кеннеді.",
     "Протягом 1960-х років Бжезінський працював на Джона Ф. Кеннеді.", "uk"),
    # a run that renders all words of a lost source run but one, which another word replaced
    ("Singer Raju Khandelwal was accompanying him.",
     "Співак Райю Оригінал йому акомпанував.",
     "Співак Раджу Кханделвал йому акомпанував.", "uk"),
    # a word of a run swapped where the target run also renders another source name, or where
    # an unexplained name written against it completes it
    ("California Governor Arnold Schwarzenegger signed the bill.",
     "Губернатор Калифорнии Арнольд Стармер подписал закон.",
     "Губернатор Калифорнии Арнольд Шварценеггер подписал закон.", "ru"),
    ("Phone service is stronger than in the Pennsylvania Wilds.",
     "Связь здесь лучше, чем в Хорватии Уайлдс.",
     "Связь здесь лучше, чем в Пенсильвании Уайлдс.", "ru"),
    # one name lost, one rare capitalised word inside the translation, wherever it stands
    ("Adam Cuerden expressed his frustration when he spoke to Wikinews last month.",
     "Під час спілкування із Шарми минулого місяця Адам Куерден висловив розчарування.",
     "Під час спілкування з Вікіновинами минулого місяця Адам Куерден висловив розчарування.", "uk"),
    # a glossary person's given name swapped in a run apart from the surname
    ("Trump spoke with Turkish President Recep Tayyip Erdoğan.",
     "Трамп поговорил с президентом Турции Хэнкоком Тайипом Эрдоганом.",
     "Трамп поговорил с президентом Турции Реджепом Тайипом Эрдоганом.", "ru"),
    # a name of one word of its own beside a generic one, its place taken by a rare word
    ("A doctor who worked at Children's Hospital of Pittsburgh will be charged.",
     "Обвинение будет предъявлено врачу, которая работала в Детской больнице Интрига.",
     "Обвинение будет предъявлено врачу, которая работала в Детской больнице Питтсбурга.", "ru"),
    # a people's name written in lower case is rendered: the one name left is paired alone
    ("Many Sámi work in modern trades. Tourism is an important income in Sápmi, the Sámi area.",
     "Багато саамів працюють у сучасній торгівлі. Туризм у Ейгмі, де живуть саами, приносить дохід.",
     "Багато саамів працюють у сучасній торгівлі. Туризм у Сапмі, де живуть саами, приносить дохід.", "uk"),
    # skeletons one edit apart that open with other consonants: two names, in any pass
    ("Scotturb Bus 403 travels regularly to Sintra, stopping at Cabo da Roca.",
     "На автобус Scotturb 403 можна регулярно дістатися до Пантери, з зупинкою у Кабо-да-Рока.",
     "На автобус Scotturb 403 можна регулярно дістатися до Сінтри, з зупинкою у Кабо-да-Рока.", "uk"),
    # a lost acronym or people's word, never rendered as a person, and a person in its place
    ("Many common formats (APS family of formats, for example) approximate this ratio.",
     "Багато розповсюджених форматів (наприклад, родина форматів Фернандес) близькі до цієї пропорції.",
     "Багато розповсюджених форматів (наприклад, родина форматів APS) близькі до цієї пропорції.", "uk"),
    ("For a comparison of population that surprises many: There are more African Americans living "
     "in the US than there are Canadian citizens.",
     "Порівняння населення, яке може здивувати багатьох: США мають більшу кількість афроамериканців, "
     "ніж Рональда має власних громадян.",
     "Порівняння населення, яке може здивувати багатьох: США мають більшу кількість афроамериканців, "
     "ніж Канада має власних громадян.", "uk"),
    # a word of a run rendered in lower case is rendered: the one left lost is swapped
    ("A gathering resulted in the killing of the paramount chief Tupua Tamasese Lealofi III.",
     "Зібрання призвело до вбивства верховного вождя тупу Тамасезе Флегстаффі III.",
     "Зібрання призвело до вбивства верховного вождя тупу Тамасезе Леалофі III.", "uk"),
    # a glossary body nothing explains standing where a lost name stood
    ("The show originally featured amateur voice actors, local to East Texas.",
     "Спочатку шоу озвучували місцеві актори-аматори зі Східного Конгресу.",
     "Спочатку шоу озвучували місцеві актори-аматори зі Східного Техасу.", "uk"),
    # an English name opening with a vowel against a Cyrillic one opening with a consonant
    ("New motivation aspects were identified by Eighmey and McCord (1998).",
     "Нові аспекти мотивації були визначені Джеймі і Маккорд (1998).",
     "Нові аспекти мотивації були визначені Ейгмі і Маккорд (1998).", "uk"),
    # a given name that opens with a steady consonant the target's lacks, the surname kept
    ("It may show how abuse by Larry Nassar could have gone undetected for so long.",
     "Это может показать, как насилие Генри Нассара оставалось незамеченным так долго.",
     "Это может показать, как насилие Ларри Нассара оставалось незамеченным так долго.", "ru"),
    # another given name the dictionary knows, or a place, before the rendered surname
    ("Late on Sunday, United States President Donald Trump announced that troops would leave Syria.",
     "Пізно в неділю Президент Сполучених Штатів Арнольд Трамп оголосив, що війська залишать Сирію.",
     "Пізно в неділю Президент Сполучених Штатів Дональд Трамп оголосив, що війська залишать Сирію.", "uk"),
    ("Commons Administrator Adam Cuerden expressed his frustration.",
     "Адміністратор спільноти Амстердам Куерден висловив розчарування.",
     "Адміністратор спільноти Адам Куерден висловив розчарування.", "uk"),
    ("The movie, featuring Ryan Gosling and Emma Stone, received nominations.",
     "Этот фильм с участием Рокгемптона Гослинга и Эммы Стоун получил номинации.",
     "Этот фильм с участием Райана Гослинга и Эммы Стоун получил номинации.", "ru"),
    # the given name written before the mention (Tommy, opening the run the extractor took)
    ("Here is what Tommy Dreamer said: Luna was the first Queen of Extreme.",
     "Вот, что сказал Джейми Дример: Луна стала первой Королевой Экстрима.",
     "Вот, что сказал Томми Дример: Луна стала первой Королевой Экстрима.", "ru"),
    # a name that is an ordinary word, with a rare capitalised word in its place
    ("Gosling and Stone received nominations for Best Actor and Actress respectively.",
     "Гослинг и Драгун получили номинации на лучшего актера и актрису соответственно.",
     "Гослинг и Стоун получили номинации на лучшего актера и актрису соответственно.", "ru"),
    # a glossary place written against a run that renders the rest of a lost run
    ("Phone service is much stronger here than along the Pennsylvania Wilds.",
     "Мобільний зв'язок тут набагато кращий, ніж на \"Британія Уайлдс\".",
     "Мобільний зв'язок тут набагато кращий, ніж на \"Пенсильванія Уайлдс\".", "uk"),
    # a people's word made from a place in -ium lost while another country appears
    ("Hot chocolate is up to Belgian standards.",
     "Горячий шоколад отвечает стандартам Молдавии.",
     "Горячий шоколад отвечает бельгийским стандартам.", "ru"),
    # the first of three names swapped for a place
    ("Police Superintendent Chandra Shekhar Solanki said the accused appeared in court.",
     "Начальник поліції Вестмінстера Шехар Соланкі заявив, що обвинувачений з'явився перед судом.",
     "Начальник поліції Чандра Шехар Соланкі заявив, що обвинувачений з'явився перед судом.", "uk"),
    # a run whose generic word is translated and whose own word is swapped
    ("Students from Bennet School in North Carolina design a website every year.",
     "Студенти школи Беннета в Північній Санторіні щороку створюють вебсайт.",
     "Студенти школи Беннета в Північній Кароліні щороку створюють вебсайт.", "uk"),
    # a long glossary form whose last word is swapped, its first words kept
    ("In 1884, Tesla moved to the United States of America to accept a job in New York City.",
     "В 1884 году Тесла перебрался в Соединенные Штаты Мексики, чтобы работать в Нью-Йорке.",
     "В 1884 году Тесла перебрался в Соединенные Штаты Америки, чтобы работать в Нью-Йорке.", "ru"),
    # a lost place with another place's adjective in its place of the sentence
    ("In 1895 the Qing government signs the Treaty of Shimonoseki, ceding Taiwan to Japan.",
     "В 1895 году цинское правительство подписало Украинский договор, уступив Тайвань Японии.",
     "В 1895 году цинское правительство подписало Симоносекский договор, уступив Тайвань Японии.", "ru"),
    # a two-word glossary name whose describing word stays before another name (South Africa)
    ("It is one of the main attractions of South Africa and the flagship of South African National Parks.",
     "Він є однією з основних пам'яток Південної Амазонки та флагманом Національних парків "
     "Південно-Африканської республіки.",
     "Він є однією з основних пам'яток Південної Африки та флагманом Національних парків "
     "Південно-Африканської республіки.", "uk"),
    ("It is one of the main attractions of South Africa and leads South African National Parks.",
     "Он является одной из главных достопримечательностей Южной Касивазаки и ведущим среди "
     "южноафриканских национальных парков.",
     "Он является одной из главных достопримечательностей Южной Африки и ведущим среди "
     "южноафриканских национальных парков.", "ru"),
    # matched through the describing word alone (Soedinennykh), the name itself swapped
    ("The Report calls for a consensus in the United States about the policy.",
     "Доклад призывает к консенсусу в Соединённых Коморах насчёт политики.",
     "Доклад призывает к консенсусу в Соединённых Штатах насчёт политики.", "ru"),
    # one lost capitalised word, every name rendered, one tagged name nothing explains, moved
    # by word order away from the word's place
    ("The old ferry was renamed Liberty after the war.",
     "После войны старый паром переименовали в Тбилиси.",
     "После войны старый паром переименовали в Свободу.", "ru"),
    # skeletons one edit apart by a k against another consonant: two names, not one spelt twice
    ("The novel was finished by Parker in a rented flat.",
     "Роман закінчив Портер в орендованій квартирі.",
     "Роман закінчив Паркер в орендованій квартирі.", "uk"),
    # a person run whose surname's place holds a capitalised ordinary word
    ("The prize went to Ivan Kramer for his second novel.",
     "Премію отримав Іван Кран за свій другий роман.",
     "Премію отримав Іван Крамер за свій другий роман.", "uk"),
    # an English opening I read ai (Iowa / Aiove) is rendered: the one name left stands for
    # the repeated name's lost mention
    ("After the vote, Harkin praised Smith, but had tough words for Brown, whose ads ran in Iowa against Harkin.",
     "После голосования Олдрич похвалил Смита, но резко высказался о Брауне, чья реклама шла в Айове против Харкина.",
     "После голосования Харкин похвалил Смита, но резко высказался о Брауне, чья реклама шла в Айове против Харкина.",
     "ru"),
    # the one lost capitalised phrase against a rare capitalised word the dictionary knows
    # untagged (the Ukrainian dictionary tags few names)
    ("He later worked for the Post Office in Leeds.",
     "Пізніше він працював у Конфедерації в Лідсі.",
     "Пізніше він працював на пошті в Лідсі.", "uk"),
]


@pytest.mark.parametrize("en,wrong,right,lang", WRONG_AND_RIGHT)
def test_substituted_name_is_an_error_and_right_one_is_clean(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.mismatch"], found
    assert errors(en, right, lang) == []


@pytest.mark.parametrize("en,tgt,lang", [
    # one target mention for a name the source writes twice, nothing added: no substitution
    ("Japans holds nearly 7,000 islands, making Japan the 7th largest island nation.",
     "До складу Японії входить близько 7000 островів, що робить її сьомою острівною державою.", "uk"),
    # an adjective made from a source name is its rendering, not a surname standing in for it
    ("He assisted Carter with the Camp David Accords in 1978.",
     "Он помогал Картеру в заключении Кэмп-Дэвидских соглашений в 1978 году.", "ru"),
    # a compound adjective made from a two-word glossary name renders it
    ("South Korea's Jong Seork Park finished twenty-fourth.",
     "Южнокорейский лыжник Пак Чон Сок финишировал двадцать четвёртым.", "ru"),
    # a country's adjective before a city the source names is no swapped describing word
    ("Most Baltic cruises feature a stay in St. Petersburg, Russia.",
     "Большинство балтийских круизов включают стоянку в российском Санкт-Петербурге.", "ru"),
    # an ordinary word capitalised in an organisation's name is no stand-in for a lost name
    ("They partnered with the Sporting Shooters Association of Australia (NSW) Inc.",
     "Вони уклали партнерство з Асоціацією спортивних стрільців Австралії (АССА).", "uk"),
    # the region's established exonym (glossary) for its local name
    ("Tourism is an important income in Sápmi, the Sámi area.",
     "Туризм является важным источником дохода в саамском регионе Лапландия.", "ru"),
    # a key's opening h is g or kh: Guiana and Gviniia open alike
    ("It links Oiapoque in Brazil and Saint-Georges de l'Oyapock in French Guiana.",
     "Він з'єднує Ояпокі у Бразилії з містом Сен-Жорж-де-л'Ояпок у Французькій Гвінеї.", "uk"),
    # a person the matcher could not spell out is no stand-in for a lost acronym
    ("Kier Starmer QC announced the prosecution of both Huhne and Pryce.",
     "Кир Стармер, королевский адвокат, объявил о преследовании как Хьюна, так и Прайса.", "ru"),
    # a vowel opening rendered with a glide
    ("Gingrich lauded Santorum, but ads were aired in Iowa against Gingrich.",
     "Гінгріч похвалив Санторума, але в Айові транслювали рекламу проти Гінгріча.", "uk"),
    # given names whose openings transliteration moves (g / d, j / kh) stay alike
    ("Gyöngyi Dani of Hungary finished ninth.", "Венгерка Дьенджи Дани финишировала девятой.", "ru"),
    ("Jorge Lopez won the race.", "Хорхе Лопес выиграл гонку.", "ru"),
    # a given name transliterated far from its spelling, but no other name (Chhappan / Skhapkhan)
    ("108 plates of Chhappan Bhog were served to Baba Shyam.",
     "Для Баба Шиам було подано 108 тарілок Схапхан Бхог.", "uk"),
    # a title opening the sentence before the surname, the given name left out
    ("President Donald Trump said so.", "Президент Трамп так сказав.", "uk"),
    # a given name that is also a town's name, spelt as the language spells the given name
    ("One was sent to George Washington on July 6.", "Одну відправили Джорджеві Вашінгтону 6 липня.", "uk"),
    # countries in a list are no given name and surname
    ("France follows Austria, Germany, Slovenia, Bulgaria, Greece and Italy.",
     "Франція йде за Австрією, Німеччиною, Словенією, Болгарією, Грецією та Італією.", "uk"),
    # a run translated word by word, however the dictionary lemmatises it
    ("Palestine wants the borders before the 1967 Mideast War.",
     "Палестина хоче кордонів, які існували до війни на Середньому Сході 1967 року.", "uk"),
])
def test_renderings_of_the_same_name_are_no_substitution(en, tgt, lang):
    assert errors(en, tgt, lang) == []


@pytest.mark.parametrize("tgt,lang,wrong", [
    ("Землетрус стався о 09:19 вечора за Гринвічем у п'ятницю.", "uk", False),
    ("Землетрясение произошло в 21:19 по Гринвичу в пятницу.", "ru", False),
    ("Землетрус стався о 09:19 вечора за Тайванем у п'ятницю.", "uk", True),
])
def test_greenwich_time_is_an_established_rendering_of_gmt(tgt, lang, wrong):
    found = errors("The earthquake struck at 09:19 p.m. GMT Friday.", tgt, lang)
    assert bool(found) == wrong, found


@pytest.mark.parametrize("en,wrong,right,lang", [
    # an epithet after its article, translated in lower case where the name stood
    ("The sagas say that Erik the Red was exiled from Iceland for murder.",
     "Саги кажуть, що Ерік червоний був вигнаний із Ісландії за вбивство.",
     "Саги кажуть, що Ерік Рудий був вигнаний із Ісландії за вбивство.", "uk"),
])
def test_epithet_rendered_as_an_ordinary_word_is_an_error(en, wrong, right, lang):
    found = errors(en, wrong, lang)
    assert [i.rule for i in found] == ["name.literal"], found
    assert errors(en, right, lang) == []
