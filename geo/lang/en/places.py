"""Context words around toponyms: prepositions, place nouns, facility nouns.

Entries come from English locative grammar and from the vocabulary of war
reporting and gazetteer feature types (oblast, krai, raion, hromada are the
Russian/Ukrainian administrative terms as transliterated in English news).
"""

# Prepositions after which a capitalised span is likely a place ("in X", "near X").
LOCATIVE_PREPS = frozenset(
    """
    in near over outside at around into from to across towards toward through throughout
    inside within via between beyond along off south north east west northeast northwest
    southeast southwest of on
    """.split()
)

# Prepositions that, with a containing place after the name, make an unknown name a place
# ("near X in the Y region"); "of" and "to" are left out ("the head of X in the Y region").
CONTAINED_PREPS = frozenset("in near outside at around over on into from toward towards across inside within".split())

# Direction adjectives before a name: "in northern Chernihiv" is the region, not the city
# ("central" is left out: "central Lviv" is the city centre).
DIRECTION_WORDS = frozenset(
    """
    northern southern eastern western northeastern northwestern southeastern southwestern
    north-eastern north-western south-eastern south-western
    """.split()
)

# Prepositions that put a place near, not at, its referent: precision 2.
NEAR_PREPS = frozenset("near outside around nearby".split())

# Nouns after a name that make it a unit, and the kind of unit they imply: "adm1" (a first-level
# region: oblast, krai, province, state, governorate...), "district" (raion, hromada, municipality),
# "county" (first-level in some countries, second in others), "sector" (a front sector).
_UNIT_NOUNS = {
    "region": "adm1", "oblast": "adm1", "krai": "adm1", "kray": "adm1", "province": "adm1",
    "republic": "adm1", "governorate": "adm1", "voivodeship": "adm1", "voivodship": "adm1",
    "territory": "adm1", "state": "adm1", "prefecture": "adm1", "emirate": "adm1",
    "county": "county",
    "parish": "district", "borough": "district", "district": "district", "raion": "district",
    "rayon": "district", "hromada": "district", "community": "district", "municipality": "district",
    "okrug": "district",
    "direction": "sector", "axis": "sector", "sector": "sector", "front": "sector",
    "bulge": "sector", "salient": "sector",
}


def plural(noun: str) -> str:
    """English plural of a unit noun ("community" -> "communities", "axis" -> "axes")."""
    if noun.endswith("is"):
        return noun[:-2] + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "sh", "ch")):
        return noun + "es"
    return noun + "s"


#: Plural unit nouns that close a list ("the A, B and C regions"), and the kind each implies.
PLURAL_REGION_NOUNS = {plural(n): kind for n, kind in _UNIT_NOUNS.items()}
#: Every unit noun, singular and plural, and the kind it implies: one table for every lookup.
REGION_NOUNS = {**_UNIT_NOUNS, **PLURAL_REGION_NOUNS}
# Adjective endings of district names: Russian "Rylsky", "Sudzhansky" ("the Rylsky region" is a
# district, named by its centre), and Ukrainian hromada names "Myropilska", "Sviatohirske"
# ("the Myropilska community"; "the Edmonton Community Partnership" is no unit).
DISTRICT_ENDINGS = ("sky", "skiy", "skyi", "skyy", "skii", "skoy", "skoi")
HROMADA_ENDINGS = ("ska", "ske", "zka", "zke", "skaya", "skoye")

# Countries whose first-level units English calls counties (GeoNames ADM1): Romania's judete,
# Norway's fylker, Hungary's megyek, Croatia's zupanije, Estonia's maakonnad, Lithuania's apskritys,
# Sweden's lan, Kenya's and Liberia's counties. Elsewhere (US, UK, Ireland) a county is second-level.
COUNTY_ADM1_COUNTRIES = frozenset("RO NO HU HR EE LT SE KE LR".split())

# Region nouns whose meaning is clear only after a capitalised name written before it
# ("Kursk border region", "Kharkiv regional"): optional words between name and noun.
REGION_INFIXES = frozenset("border frontline front-line frontier".split())
# Words between a district's name and its noun: "Rakityansky urban district", "Surazhsky municipal
# district", "Myropilska territorial community", "Lgovsky municipal okrug" (Russian and Ukrainian
# local-government terms as English news translates them).
DISTRICT_INFIXES = frozenset("urban municipal territorial rural settlement village city".split())

# "the village of X", "the city of X": nouns that announce a settlement or region.
SETTLEMENT_NOUNS = {
    "village": "place", "villages": "place", "town": "place", "towns": "place", "city": "place",
    "cities": "place", "settlement": "place", "settlements": "place", "hamlet": "place",
    "port": "place", "capital": "place", "suburb": "place", "outskirts": "place",
    "region": "adm1", "oblast": "adm1", "province": "adm1", "republic": "adm1", "krai": "adm1",
    "district": "district", "community": "district", "hromada": "district",
}

# Capitalised nouns that end a named feature: the whole phrase is one place ("Black Sea").
FEATURE_HEADS = frozenset(
    """
    sea ocean gulf bay strait straits river lake peninsula island islands mountains mountain
    bridge airport airbase air-base base dam reservoir canal channel square street avenue
    spit cape valley desert forest park lagoon estuary delta
    """.replace("-", " ").split()
)

# Lower-case facility nouns after a town: the town alone is the mention ("the X oil refinery").
FACILITY_NOUNS = frozenset(
    """
    refinery plant station depot base airfield airport port terminal factory facility
    warehouse substation bridge hospital hotel school railway station market district
    """.split()
)

# Particles allowed inside a multi-word place name ("Rostov-on-Don", "Nova Kakhovka" needs none).
NAME_PARTICLES = frozenset("de del della da do dos das di du la le les el al na nad pod upon on of van von der den y e".split())
