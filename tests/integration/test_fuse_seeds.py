"""Fusion of the seed reports as the pipeline reads them with the real gazetteer (geo.events.fuse)."""

import datetime as dt
import json
from pathlib import Path

from geo.events.fuse import fuse_events
from geo.model import STRIKE, Document
from geo.pipeline import parse_document

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_seed_oil_facility_strike_is_one_event_with_two_sources(gazetteer):
    g = gazetteer
    meta = json.loads((SEEDS / "seeds.json").read_text())["documents"]
    events = []
    for m in meta:
        doc = Document(m["file"], (SEEDS / m["file"]).read_text(encoding="utf-8"), m["outlet"], dt.date.fromisoformat(m["published"]))
        events += parse_document(doc, g).events
    fused = fuse_events(events)
    ua = [e for e in fused if e.attacker == "UA" and e.type == STRIKE]
    (oil,) = ua
    assert oil.location.place.admin1_code == "RU.38"
    assert {s.outlet for s in oil.sources} == {"CNN", "Al Jazeera"}
    assert oil.qualifiers["reports"] == "2"
    assert "oil_fuel" in oil.targets
    assert any(d.field == "weapons.drone" for d in oil.disagreements)
    assert oil.weapons == {"drone": 3}  # a stated count wins over "a drone"
    # the region-level Russian strikes stay one per region
    assert len([e for e in fused if e.attacker == "RU" and e.location.precision == 3]) == 6
