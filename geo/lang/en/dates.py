"""Months, weekdays and other calendar words: capitalised, never places on their own.

Entries: the English month and weekday names and their news abbreviations
(AP style), plus holiday and season words that news capitalises.
"""

#: Month and weekday names, lower case, with their number (the usual abbreviations too).
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
#: Weekday abbreviations news uses in datelines and tables.
WEEKDAY_ABBREVIATIONS = frozenset("Mon Tue Tues Wed Thu Thurs Fri Sat Sun".split())
CALENDAR_WORDS = frozenset(
    "Christmas Easter Ramadan Eid Hanukkah Thanksgiving Halloween Summer Autumn Winter "
    "Today Tonight Yesterday Tomorrow Weekend".split()
)

#: Everything above, capitalised as a name is, for one membership test.
CALENDAR = frozenset(w.capitalize() for w in [*MONTHS, *WEEKDAYS]) | WEEKDAY_ABBREVIATIONS | CALENDAR_WORDS
