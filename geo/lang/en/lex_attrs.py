"""English number words and count qualifiers (spaCy's ``lex_attrs.py``): what makes a count.

Sources: English cardinal spelling (units, teens, tens, scales), the vague
plurals news uses for counts ("dozens of drones"), and the qualifiers AP style
puts before or after a figure ("at least", "more than", "or so").
"""

#: Cardinal number words below twenty.
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
#: Tens.
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Scale words.
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals: no value, the word is kept as the qualifier.
VAGUE = {"dozens": "dozens", "scores": "scores", "hundreds": "hundreds", "thousands": "thousands", "several": "several"}

# Qualifiers placed before a number; longest first. Canonical form on the right.
QUALIFIERS = {
    "no fewer than": "at least", "no less than": "at least", "not less than": "at least",
    "at least": "at least", "more than": "more than", "over": "more than", "upwards of": "more than",
    "in excess of": "more than", "at most": "at most", "up to": "up to", "no more than": "at most",
    "fewer than": "less than", "less than": "less than", "under": "less than",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "almost": "almost", "nearly": "almost",
    "close to": "almost", "just under": "almost", "just over": "more than",
}
# Qualifiers that may follow the figure ("300 square kilometres ... at most").
TRAILING_QUALIFIERS = {"at most": "at most", "at least": "at least", "or more": "at least", "or so": "about"}

#: Number words as one regex alternation, longest first ("seventeen" before "seven").
NUMBER_WORD = r"(?:" + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True)) + r")"
