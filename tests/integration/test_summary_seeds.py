"""Region and country summaries of the seed reports, read by the pipeline with the real gazetteer."""

from __future__ import annotations

from pathlib import Path

from geo.outputs.summary import country_totals, region_summary


def _shared_tally_groups(events):
    groups = {}
    for e in events:
        if "weapons" in e.qualifiers.get("shared", ""):
            groups.setdefault(e.qualifiers["group"], []).append(e)
    return groups


def test_tally_shared_across_regions_counts_once_per_country():
    """The seeds list six regions under one national tally: no region claims it, the country counts it once."""
    from geo.text.documents import builtin_seeds, load_documents
    from geo.pipeline import parse_document

    docs, _ = load_documents([builtin_seeds()])
    events = [e for d in docs for e in parse_document(d).events]
    groups = _shared_tally_groups(events)
    assert groups, "the seeds hold a tally shared by region-level reports"
    group = max(groups.values(), key=len)
    assert len(group) >= 3 and len({e.location.place.admin1_code for e in group}) == len(group)
    tally = sum(n for n in group[0].weapons.values() if n)

    regions = region_summary(events).set_index("admin1_code")
    for e in group:
        row = regions.loc[e.location.place.admin1_code]
        assert row["events"] >= 1
        own = [o for o in events if o.location and o.location.place.admin1_code == e.location.place.admin1_code
               and "weapons" not in o.qualifiers.get("shared", "")]
        assert row["launched"] == sum(n for o in own for n in o.weapons.values() if n)

    country = group[0].location.place.country_code
    totals = country_totals(events).set_index("country_code")
    unshared = [o for o in events if o.location and o.location.place.country_code == country
                and "weapons" not in o.qualifiers.get("shared", "")]
    once = sum(sum(n for n in g[0].weapons.values() if n) for g in groups.values()
               if g[0].location.place.country_code == country)
    assert tally > 0
    # Place-level figures of the same side and night are parts of that salvo: they count inside it
    # unless they add up to more (issue 10: one salvo is not the sum of two tellings).
    side = [o for o in unshared if o.attacker == group[0].attacker]
    wholes = once + sum(n for o in side if o.location.precision == 4 for n in o.weapons.values() if n)
    parts = sum(n for o in side if o.location.precision < 4 for n in o.weapons.values() if n)
    others = sum(n for o in unshared if o.attacker != group[0].attacker for n in o.weapons.values() if n)
    assert totals.loc[country, "launched"] == max(wholes, parts) + others


def test_the_seed_salvo_counts_once_in_the_country_total():
    """Zelensky's 150 drones, the air force's 145 over six regions and the seven downed at Mykolaiv are
    one night's salvo: Ukraine's total is one figure of it, not their sum."""
    import geo

    report = geo.analyze([str(Path(__file__).resolve().parents[2] / "seeds")], workers=1, cache=False)
    ukraine = report.countries.set_index("country_code").loc["UA"]
    assert ukraine["launched_drones"] in (145, 150)
    assert ukraine["intercepted"] == 72
