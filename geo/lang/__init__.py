"""Everything language-specific, one folder per language, shaped alike (spaCy's ``spacy/lang/<code>/``).

=================== ===========================================================
module              what it holds
=================== ===========================================================
``lex_attrs``       number words and count qualifiers
``dates``           month and weekday names, calendar words
``places``          place cues: prepositions, unit nouns, settlement and feature heads
``stop_words``      capitalised words that are never places on their own
``abbreviations``   abbreviations a sentence does not end at
``persons``         titles and given names (people are not places)
``organisations``   outlets, organs of state, seats of power
``demonyms``        nationality words and their countries
``verbs``           verbs and nouns that decide a place's role
``events``          weapons, targets, sides, attack, interception and casualty words
=================== ===========================================================

The reading code imports the tables it needs from the folder of the
document's language; adding a language adds a folder of the same shape.
Every table says where its words come from.
"""
