"""Russian month names (genitive, as dates write them) and relative day words.

Source: the Russian calendar; "в ночь на 26 августа" is the night into the 26th.
"""

MONTHS = {"января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
          "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12}
RELATIVE_DAYS = {r"за\s+(?:минувшие|прошедшие)\s+сутки": -1, r"вчера": -1, r"сегодня": 0, r"ночью": 0,
                 r"этой\s+ночью": 0, r"утром": 0}
NIGHT_INTO = r"в\s+ночь\s+на"
