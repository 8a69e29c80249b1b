"""Blocked and partitioned fusion give exactly the clusters of comparing every pair (geo.events.fuse).

The reference below is the rule as it was before blocking: each event, most
precise first, joins the first cluster whose every member is the same attack.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from geo.events.fuse import fuse_events, fuse_partition, fuse_partitioned, in_order, merge, same_attack
from geo.model import GROUND_ASSAULT, INTERCEPTION, STRIKE, Document, Event, Location, Source
from geo.runner import parse_many

ROOT = Path(__file__).resolve().parents[2]
DEVSETS = [ROOT.parent / "shared" / name / "gold.jsonl" for name in ("devset", "devset2")]


def unblocked(events):
    """The rule before blocking: every event against every cluster (quadratic)."""
    ordered = sorted(events, key=lambda e: (e.location.precision if e.location else 9, e.date or dt.date.max,
                                            e.sources[0].document if e.sources else "", e.id))
    clusters: list[list[Event]] = []
    for e in ordered:
        for c in clusters:
            if all(same_attack(e, m) for m in c):
                c.append(e)
                break
        else:
            clusters.append([e])
    return in_order(merge(c) for c in clusters)


def blocked(events):
    return in_order(fused for fused, _ in fuse_partition(events))


def dump(events):
    return [json.dumps(e.to_dict(), sort_keys=True, default=str) for e in events]


# -- synthetic reports in many shapes ------------------------------------------------------

PLACES = [  # (name, kind) looked up in the real gazetteer
    ("Ukraine", "country"), ("Russia", "country"), ("Sumy", "adm1"), ("Sumy", "place"), ("Konotop", "place"),
    ("Shostka", "place"), ("Kharkiv", "adm1"), ("Kharkiv", "place"), ("Chuhuiv", "place"), ("Kursk", "adm1"),
    ("Kursk", "place"), ("Belgorod", "adm1"), ("Odesa", "adm1"), ("Izmail", "place"), ("Black Sea", None),
]
TARGETS = ((), ("energy",), ("oil_fuel",), ("residential",), ("medical",), ("military", "port"), ("rail",))


@pytest.fixture(scope="module")
def places(gazetteer):
    found = []
    for name, kind in PLACES:
        hits = gazetteer.search(name, kind=kind) if kind else gazetteer.search(name)
        found.append(hits[0])
    return found


def synthetic(places, n: int, seed: int) -> list[Event]:
    """Reports from a few documents about a few places over a few nights, some coarse, undated or unplaced."""
    rnd = random.Random(seed)
    start = dt.date(2025, 3, 1)
    events = []
    for i in range(n):
        doc = f"doc{rnd.randrange(n // 3 + 2)}"
        place = rnd.choice(places)
        precision = 4 if place.kind == "country" else 3 if place.kind == "adm1" else rnd.choice((1, 1, 2))
        roll = rnd.random()
        date, date_prec = start + dt.timedelta(days=rnd.randrange(6)), rnd.choice(("day", "day", "week"))
        if roll < 0.05:
            date, date_prec = None, None
        elif roll < 0.1:
            date, date_prec = dt.date(2025, 3, 1), "month"
        location = None if rnd.random() < 0.03 else Location(place, precision, place.name)
        weapons = rnd.choice(({}, {"drone": rnd.choice((None, 1, 40, 45, 150))}, {"cruise_missile": 3, "drone": 20}))
        source = Source(doc, rnd.choice(("A", "B", None)), f"sentence {i}", i, i + 10, date)
        events.append(Event(
            f"{doc}:e{i}", rnd.choice((STRIKE, STRIKE, INTERCEPTION, GROUND_ASSAULT)), "air_drone_strike",
            rnd.choice(("RU", "RU", "UA", "unknown")), date, date_prec, weapons,
            killed=rnd.choice((None, None, 1, 2)), targets=rnd.choice(TARGETS), location=location, sources=(source,),
        ))
    return events


@pytest.mark.parametrize("seed", range(6))
def test_blocked_matches_every_pair_on_synthetic_reports(places, seed):
    events = synthetic(places, 300, seed)
    assert dump(blocked(events)) == dump(unblocked(events))


@pytest.mark.parametrize("seed", range(3))
def test_partition_count_changes_nothing(places, seed):
    events = synthetic(places, 300, seed)
    whole = dump(fuse_events(events))
    for partitions in (1, 2, 3, 7, 64):
        assert dump(fuse_partitioned(events, partitions)) == whole, partitions


def test_input_order_changes_nothing(places):
    events = synthetic(places, 200, 11)
    shuffled = list(events)
    random.Random(1).shuffle(shuffled)
    assert dump(fuse_events(shuffled)) == dump(fuse_events(events))


# -- real reports: the seeds and both dev sets -----------------------------------------------

def _documents() -> list[Document]:
    from geo.text.documents import builtin_seeds, load_documents

    docs, _ = load_documents([builtin_seeds()])
    for path in DEVSETS:
        if path.exists():
            for line in path.read_text(encoding="utf-8").split("\n"):
                if not line.strip():
                    continue
                item = json.loads(line)
                published = dt.date.fromisoformat(item["published"]) if item.get("published") else None
                docs.append(Document(id=f"{path.parent.name}:{item['id']}", text=item["text"], published=published))
    return docs


@pytest.fixture(scope="module")
def real_events(gazetteer):
    parsed = parse_many(_documents(), gazetteer=gazetteer, progress=False)
    return [e for p in parsed for e in p.events]


def test_blocked_matches_every_pair_on_real_reports(real_events):
    if not any(p.exists() for p in DEVSETS):
        pytest.skip("../shared/devset*/ not here: only the seeds were compared")
    assert len(real_events) > 200
    assert dump(blocked(real_events)) == dump(unblocked(real_events))


def test_real_reports_fuse_the_same_in_any_partitions(real_events):
    whole = dump(fuse_events(real_events))
    for partitions in (2, 5):
        assert dump(fuse_partitioned(real_events, partitions)) == whole


def test_dev_reports_shifted_to_one_night_still_match(real_events):
    """All reports moved onto three nights: many more candidate pairs, same clusters."""
    night = dt.date(2025, 1, 10)
    shifted = [e.__class__(**{**{f: getattr(e, f) for f in e.__dataclass_fields__},
                              "date": night + dt.timedelta(days=i % 3) if e.date else None})
               for i, e in enumerate(real_events)]
    assert dump(blocked(shifted)) == dump(unblocked(shifted))


def test_numeric_and_named_document_ids_fuse_without_error(places):
    """Corpus ids may be numbers beside file names: ranking never compares the two."""
    sumy = next(p for p in places if p.kind == "adm1" and p.name.startswith("Sumy"))
    events = [Event(f"{doc}:e1", STRIKE, "air_drone_strike", "RU", dt.date(2025, 3, 1), "day", {"drone": n},
                    location=Location(sumy, 3, "Sumy"), sources=(Source(doc, None, "s", 0, 1),))
              for doc, n in ((7, 10), ("a", 12), (12, 11))]
    (fused,) = fuse_events(events)
    assert fused.weapons == {"drone": 10} and fused.qualifiers["reports"] == "3"  # numbers first, in order
