"""Ukrainian month names (genitive, as dates write them) and relative day words.

Source: the Ukrainian calendar; "у ніч на 26 серпня" is the night into the 26th.
"""

MONTHS = {"січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7,
          "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12}
#: Words for a day relative to publication, and the offset in days.
RELATIVE_DAYS = {r"минулої\s+доби": -1, r"за\s+минулу\s+добу": -1, r"вчора": -1, r"учора": -1,
                 r"сьогодні": 0, r"вночі": 0, r"уночі": 0, r"цієї\s+ночі": 0, r"зранку": 0, r"вранці": 0}
NIGHT_INTO = r"(?:у|в)\s+ніч\s+(?:на|проти)"
