"""Sentence splitting: offsets, abbreviations, decimals, quotes, headlines."""

import pytest

from geo.text.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Drones hit Lviv. Sirens sounded in Rivne.", ["Drones hit Lviv.", "Sirens sounded in Rivne."]),
        ("Was it a drone? Officials did not say!", ["Was it a drone?", "Officials did not say!"]),
        # Abbreviations do not end a sentence.
        ("Gen. Ivanov arrived in St. Petersburg on Monday.", ["Gen. Ivanov arrived in St. Petersburg on Monday."]),
        ("The U.S. envoy met Mr. Smith in Warsaw.", ["The U.S. envoy met Mr. Smith in Warsaw."]),
        ("Regiment No. 5 withdrew. It regrouped.", ["Regiment No. 5 withdrew.", "It regrouped."]),
        ("Police named J. Doe as the pilot.", ["Police named J. Doe as the pilot."]),
        # A dotted country abbreviation at the end of a sentence still ends it.
        ("Aid came from the U.S. The next day it arrived.", ["Aid came from the U.S.", "The next day it arrived."]),
        # Decimal numbers and thousands separators.
        ("Losses reached 3.5 billion dollars. Prices rose 1,200.5 percent.",
         ["Losses reached 3.5 billion dollars.", "Prices rose 1,200.5 percent."]),
        # Closing quotes stay with their sentence.
        ("“We will respond,” he said. “Soon.” Nobody replied.",
         ["“We will respond,” he said.", "“Soon.”", "Nobody replied."]),
        # Headlines and datelines without full stops end at the line break.
        ("Blasts rock port city\nOFFICIALS report damage in Odesa.", ["Blasts rock port city", "OFFICIALS report damage in Odesa."]),
        ("Key events\n\n\n- Drones downed over Bryansk\n- Shelling in Kherson",
         ["Key events", "- Drones downed over Bryansk", "- Shelling in Kherson"]),
        # A full stop followed by a lower-case word is not a boundary.
        ("The strike hit approx. ten homes.", ["The strike hit approx. ten homes."]),
    ],
)
def test_split(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "  Leading blanks. Trailing blanks.  \n",
        "One.\n\nTwo?\tThree!",
        "No full stop at all",
        "Mixed “quotes.” And (brackets.) Then more.",
    ],
)
def test_offsets_index_the_text(text):
    sents = split_sentences(text)
    assert sents, text
    for i, s in enumerate(sents):
        assert s.index == i
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:]))


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_empty_text_has_no_sentences(text):
    assert split_sentences(text) == []
