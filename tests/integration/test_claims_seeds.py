"""The seed report's area-of-control claim, read by the pipeline with the real gazetteer (geo.events.claims)."""

import datetime as dt
import json
import re
from pathlib import Path

from geo.model import Document
from geo.pipeline import parse_document

PUB = dt.date(2025, 3, 19)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_seed_kursk_claim(gazetteer):
    g = gazetteer
    meta = json.loads((SEEDS / "seeds.json").read_text())["documents"][0]
    doc = Document(meta["file"], (SEEDS / meta["file"]).read_text(encoding="utf-8"), meta["outlet"], dt.date.fromisoformat(meta["published"]))
    (c,) = parse_document(doc, g).area_claims
    assert (c.controller, c.region.name, c.area_km2, c.qualifier) == ("UA", "Kursk Oblast", 200.0, "about, at most")
    assert c.claimant == "a Ukrainian commander"
    assert c.date == PUB and c.sources[0].outlet == "CNN"
    assert re.search(r"77 square miles", c.sources[0].sentence)
