"""Russian number words (cardinal stems, every case) and ``like_num``.

Source: Russian grammar's cardinal numerals (the forms spaCy's ``spacy/lang/ru/lex_attrs.py``
lists); a stem matches every case ending ("двух", "пятью").
"""

from __future__ import annotations

from geo.lang.stems import number_words

NUMBER_STEMS = {
    "од(?:ин|на|но|ного|ной|ну|ним|ному)": 1, "дв(?:а|е|ух|ум|умя)": 2, "тр(?:и|ех|ёх|ем|ём|емя)": 3,
    "четыр(?:е|ех|ёх|ем|ьмя)": 4, "пят(?:ь|и|ью)": 5, "шест(?:ь|и|ью)": 6, "сем(?:ь|и|ью)": 7,
    "вос(?:емь|ьми|емью)": 8, "девят(?:ь|и|ью)": 9, "десят(?:ь|и|ью)": 10, "одиннадцат(?:ь|и)": 11,
    "двенадцат(?:ь|и)": 12, "тринадцат(?:ь|и)": 13, "четырнадцат(?:ь|и)": 14, "пятнадцат(?:ь|и)": 15,
    "двадцат(?:ь|и)": 20, "тридцат(?:ь|и)": 30, "сорок(?:а)?": 40, "пятьдесят|пятидесяти": 50, "сто|ста": 100,
}
NUMBER_WORD, like_num = number_words(NUMBER_STEMS)
