"""Months, weekdays and other calendar words: capitalised, never places on their own.

Entries: the English month and weekday names and their news abbreviations
(AP style), plus holiday and season words that news capitalises.
"""

MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
WEEKDAYS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun".split()
)
CALENDAR_WORDS = frozenset(
    "Christmas Easter Ramadan Eid Hanukkah Thanksgiving Halloween Summer Autumn Winter "
    "Today Tonight Yesterday Tomorrow Weekend".split()
)

#: Everything above, for one membership test.
CALENDAR = MONTHS | WEEKDAYS | CALENDAR_WORDS
