"""Rules as data: ordered tables of named rules, each a small test with a one-line reason.

A decision (the type of an event, how a mention was read, the role of a place)
is a table of :class:`Rule` rows tried in order; the first whose test holds
decides, and its name is recorded on what it decided (``Event.rule``,
``ResolvedMention.rule``, ``ResolvedMention.role_rule``), so a reading can be
explained (``strikemap parse --explain``) and each rule scored on its own
(``strikemap eval``), as spaCy's ``span_ruler`` records which pattern fired.

>>> sign = (Rule("negative", "below zero", lambda x: x < 0, "-"), Rule("other", "the rest", lambda x: True, "+"))
>>> first(sign, -3).value, first(sign, 2).name
('-', 'other')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One named rule: ``test(*args)`` says whether it applies; ``value`` is what it decides."""

    name: str
    reason: str
    test: Callable[..., bool]
    value: object = None


def first(rules: Iterable[Rule], *args) -> Rule | None:
    """The first rule of ``rules`` whose test holds for ``args``, or None."""
    return next((rule for rule in rules if rule.test(*args)), None)


def reasons(*tables: Iterable[Rule]) -> dict[str, str]:
    """Rule name -> reason, over every table given (for ``--explain``)."""
    return {rule.name: rule.reason for table in tables for rule in table}
