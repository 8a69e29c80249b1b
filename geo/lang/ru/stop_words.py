"""Capitalised Russian words that open sentences and are never places.

Source: the commonest sentence openers of news reports; spaCy's ``spacy/lang/ru/stop_words.py``
holds the same kind of words.
"""

STOP_WORDS = frozenset("ночью сегодня вчера утром также кроме после через всего в результате как в на и но "
                       "однако ранее напомним кроме того тогда затем сейчас по данным силы войска подразделения бойцы военные".split())
