"""Each rule scored on its own: how often it fired on a gold corpus and how often it was right.

* reading rules (``ResolvedMention.rule``): a predicted mention that overlaps a
  resolvable gold toponym is right when its place is (Acc@161km, countries and
  regions by code, as :func:`geo.evaluate.places.judge` says);
* role rules (``ResolvedMention.role_rule``): right when the role is the gold role
  (dev sets only, where roles are annotated);
* event rules (``Event.rule``): right when the event is placed where the gold has
  an event (dev sets only).

A mention that overlaps no gold span counts as fired and not right: the rule
put a place where the annotators saw none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from geo.evaluate.events import _gold_place, _place_of, lies_at
from geo.evaluate.places import judge, overlap


@dataclass
class RuleScore:
    table: str
    rule: str
    fired: int = 0
    right: int = 0
    judged: int = 0  # fired on something the gold annotates

    @property
    def precision(self) -> float | None:
        return self.right / self.judged if self.judged else None

    def to_dict(self) -> dict:
        p = self.precision
        return {"table": self.table, "rule": self.rule, "fired": self.fired, "judged": self.judged,
                "right": self.right, "precision": round(p, 4) if p is not None else None}


def rule_scores(docs: Sequence, parsed: Sequence) -> list[RuleScore]:
    """Per-rule scores over gold documents ``docs`` and their ``ParsedDocument``s (None: the parser failed)."""
    scores: dict[tuple[str, str], RuleScore] = {}

    def score(table: str, rule: str) -> RuleScore:
        return scores.setdefault((table, rule or "(none)"), RuleScore(table, rule or "(none)"))

    for doc, pd in zip(docs, parsed):
        if pd is None:
            continue
        gold = [t for t in doc.toponyms if not t.adjectival]
        for m in pd.mentions:
            hits = [t for t in gold if overlap(t.start, t.end, m.start, m.end)]
            reading = score("reading", m.rule)
            reading.fired += 1
            target = max(hits, key=lambda t: overlap(t.start, t.end, m.start, m.end)) if hits else None
            if target is not None and target.resolvable:
                reading.judged += 1
                reading.right += judge(target, m).right
            if doc.devset:
                role = score("role", m.role_rule)
                role.fired += 1
                if target is not None and target.role:
                    role.judged += 1
                    role.right += target.role == m.role
        if doc.devset:
            annotations = doc.annotations or {}
            places = annotations.get("places") or []
            gold_locations = [_gold_place(places, s) for e in annotations.get("events") or ()
                              for s in e.get("locations") or ()]
            for e in pd.events:
                s = score("event", e.rule)
                s.fired += 1
                s.judged += 1
                s.right += any(lies_at(_place_of(e), gp) for gp in gold_locations if gp)
    order = defaultdict(int, {"reading": 0, "role": 1, "event": 2})
    return sorted(scores.values(), key=lambda s: (order[s.table], -s.fired, s.rule))


def format_rule_scores(rows: Sequence[RuleScore]) -> list[str]:
    """The per-rule table, one line a rule."""
    lines = ["rules (fired; judged = on a gold span or event; right of judged)",
             f"  {'table':8s} {'rule':28s} {'fired':>6s} {'judged':>6s} {'right':>6s}  precision"]
    for r in rows:
        p = "-" if r.precision is None else f"{r.precision:.3f}"
        lines.append(f"  {r.table:8s} {r.rule:28s} {r.fired:6d} {r.judged:6d} {r.right:6d}  {p}")
    return lines
