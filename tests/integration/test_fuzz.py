"""Fuzzing: the pipeline gives a result for every document built from real sentence shapes,
and every lexicon table the recogniser indexes covers each form it can be handed."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.model import ParsedDocument
from geo.lang.en.places import PLURAL_REGION_NOUNS, REGION_NOUNS, SETTLEMENT_NOUNS, plural
from geo.runner import parse_many
from geo.model import Document
from geo.pipeline import parse_text
from shapes import NAMES, lexicon_words, make_document


def _check(pd: ParsedDocument, text: str) -> None:
    assert pd.error is None, pd.error
    for m in pd.mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.surface
    for e in pd.events:
        for s in e.sources:
            assert text[s.start:s.end].strip() == s.sentence
    ids = [e.id for e in pd.events]
    assert len(ids) == len(set(ids))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rng=st.randoms(use_true_random=False))
def test_every_document_of_real_shapes_gets_a_result(gazetteer, rng):
    text = make_document(rng)
    (pd,) = parse_many([Document("fuzz", text)], workers=1, gazetteer=gazetteer)
    _check(pd, text)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.sampled_from(NAMES), min_size=1, max_size=10),
       noun=st.sampled_from(sorted(REGION_NOUNS)), case=st.sampled_from([str.lower, str.title, str.upper]),
       counts=st.booleans(), before=st.booleans())
def test_lists_with_every_unit_noun_in_every_case(gazetteer, names, noun, case, counts, before):
    items = [f"{n} ({i + 1})" if counts else n for i, n in enumerate(names)]
    lst = ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]
    text = (f"Drones were downed over the {case(noun)} of {lst}." if before
            else f"Drones were downed over the {lst} {case(noun)}, officials said.")
    _check(parse_text(text, gazetteer=gazetteer), text)


@pytest.mark.parametrize("table", [REGION_NOUNS, SETTLEMENT_NOUNS], ids=["REGION_NOUNS", "SETTLEMENT_NOUNS"])
def test_unit_tables_cover_plurals_of_their_nouns(table):
    """A plural the recogniser closes a list with must be a key of the table it looks it up in."""
    singulars = [k for k in table if k not in PLURAL_REGION_NOUNS]
    if table is REGION_NOUNS:
        assert all(plural(k) in table and table[plural(k)] == table[k] for k in singulars)
    assert set(PLURAL_REGION_NOUNS) <= set(REGION_NOUNS)


@pytest.mark.parametrize("noun", sorted(set(REGION_NOUNS) | set(SETTLEMENT_NOUNS) | set(lexicon_words()["noun"])))
def test_every_lexicon_noun_in_every_position_is_read(gazetteer, noun):
    for form in (noun, noun.title(), noun.upper()):
        for text in (f"The Sumy and Kursk {form} were shelled.", f"Shelling hit the {form} of Sumy, Kursk and Oryol.",
                     f"Sumy {form}: 3 drones. {form} Kursk (2)."):
            _check(parse_text(text, gazetteer=gazetteer), text)


@pytest.mark.parametrize("noun, expected", [("region", "regions"), ("community", "communities"), ("axis", "axes"),
                                            ("oblast", "oblasts"), ("krai", "krais"), ("county", "counties"),
                                            ("territory", "territories"), ("parish", "parishes")])
def test_plural(noun, expected):
    assert plural(noun) == expected
