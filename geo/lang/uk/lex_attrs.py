"""Ukrainian number words (cardinal stems, every case) and ``like_num``.

Source: Ukrainian grammar's cardinal numerals (the forms spaCy's ``spacy/lang/uk/lex_attrs.py``
lists); a stem matches every case ending ("двох", "п'ятьом").
"""

from __future__ import annotations

from geo.lang.stems import number_words

#: Stem -> value; the longest stem wins, so "одинадцят" beats "один".
NUMBER_STEMS = {
    "од(?:ин|на|не|ного|ній|ну|ним|ному)": 1, "дв(?:а|і|ох|ом|ома)": 2, "тр(?:и|ьох|ьом|ьома)": 3,
    "чотир(?:и|ьох|ьом|ьма)": 4, "п[’'ʼ]?ят(?:ь|и|ьох|ьом|ьма)": 5, "шіст(?:ь|и|ьох)": 6,
    "сім|семи|сьом(?:ох|ом)": 7, "вісім|восьми": 8, "дев[’'ʼ]?ят(?:ь|и)": 9, "десят(?:ь|и|ьох)": 10,
    "одинадцят(?:ь|и)": 11, "дванадцят(?:ь|и)": 12, "тринадцят(?:ь|и)": 13, "чотирнадцят(?:ь|и)": 14,
    "п[’'ʼ]?ятнадцят(?:ь|и)": 15, "двадцят(?:ь|и)": 20, "тридцят(?:ь|и)": 30, "сорок(?:а)?": 40,
    "п[’'ʼ]?ятдесят(?:и)?": 50, "сто|ста": 100,
}
NUMBER_WORD, like_num = number_words(NUMBER_STEMS)
