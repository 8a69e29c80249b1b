"""Capitalised Ukrainian words that open sentences and are never places.

Source: the commonest sentence openers of news reports (adverbs of time, pronouns, conjunctions);
spaCy's ``spacy/lang/uk/stop_words.py`` holds the same kind of words.
"""

STOP_WORDS = frozenset("вночі уночі сьогодні вчора учора зранку вранці також крім окрім через після під час "
                       "загалом внаслідок унаслідок за за даними як у в на та і й але проте ворог "
                       "раніше нагадаємо зокрема тоді потім наразі сили війська підрозділи бійці захисники оборонці".split())
