"""How a mention was read: the reading rules, in order, each named with its reason.

The resolver (:mod:`geo.places.resolve`) chooses a reading by scoring the
gazetteer's candidates against the report's evidence; this table names which
kind of evidence placed the mention, so ``strikemap parse --explain`` can say
why and ``strikemap eval`` can score each rule. The first rule that holds for
the resolved mention (and whether a container the text states restricted it)
is its ``rule``.
"""

from __future__ import annotations

from geo.model import ResolvedMention
from geo.rules import Rule, first

_ROMANISED = ("variant", "transliteration")  # gazetteer.Place.match of a skeleton or romanisation key

#: (mention, contained) -> the rule that placed it.
READING_RULES: tuple[Rule, ...] = (
    Rule("city_district", "a district of a city the text names stays in that city",
         lambda m, contained: "city_district" in m.cues),
    Rule("namesake_left_in_region", "several villages of this name, nothing in the report says which: left in its region",
         lambda m, contained: m.place is None and "namesake:unsettled" in m.cues),
    Rule("report_focus", "a homonym far from every other place of the report: left in the region the report is about",
         lambda m, contained: m.place is None and "focus" in m.cues),
    Rule("unlisted_at_container", "a name the text calls a place but the gazetteer lacks: kept at the container stated",
         lambda m, contained: m.place is None),
    Rule("namesake_by_neighbours", "of several villages of this name, the one near the other places the report names",
         lambda m, contained: "namesake:neighbours" in m.cues),
    Rule("named_airfield", "\"X air base\", \"the X airfield\": the aerodrome of that name (OurAirports)",
         lambda m, contained: m.place.feature_type == "airfield"),
    Rule("named_site", "a named site of the war (plant, dam, port, bridge) at its town's point (gazetteer/data/sites.csv)",
         lambda m, contained: m.place.source == "sites"),
    Rule("district_centre", "a district, raion or hromada: its administrative centre in the region stated or reported",
         lambda m, contained: m.place.match == "district_centre"),
    Rule("stated_container", "the container the text states (\"X in the Y region\", \"X, Y\") restricts the reading",
         lambda m, contained: contained),
    Rule("country_name", "a country's name", lambda m, contained: m.place.kind == "country"),
    Rule("region_name", "a first-level region's name or region phrase", lambda m, contained: m.place.kind == "adm1"),
    Rule("romanised_name", "another romanisation of a listed Cyrillic name (Kharkov, Artyomovsk)",
         lambda m, contained: m.place.match in _ROMANISED),
    Rule("codifier_village", "a settlement of Ukraine's codifier that GeoNames lacks, placed at its hromada's centre",
         lambda m, contained: m.place.placement == "hromada_centre"),
    Rule("ranked_reading", "the best-ranked reading: the cue's kind, population and the report's coherence",
         lambda m, contained: True),
)


def reading_rule(m: ResolvedMention, contained: bool = False) -> str:
    """The name of the first reading rule that holds for ``m``."""
    return first(READING_RULES, m, contained).name
