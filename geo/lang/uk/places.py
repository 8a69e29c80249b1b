"""Ukrainian place words: unit nouns, region-name endings, prepositions, bodies that contain a place.

Sources: the names of Ukraine's administrative units (Constitution art. 133, the KATOTTG
classifier: область, район, громада, місто, село, селище), and common newsroom abbreviations.
"""

#: Stem of a unit noun after an adjective -> the kind it implies ("Сумська область", "Нікопольському районі").
UNIT_NOUNS = {"област": "adm1", "обл": "adm1", "край": "adm1", "краю": "adm1", "республік": "adm1",
              "район": "district", "громад": "district", "округ": "district",
              "напрям": "sector", "напрямк": "sector"}
#: Words between the adjective and the unit noun that stay in the span ("Шосткинській міській громаді").
UNIT_INFIXES = ("міськ", "селищн", "сільськ", "територіальн", "народн")
#: Endings of region names made from a town ("Сумщина", "Донеччина"): the town's oblast.
REGION_NAME = r"[щч]ин(?:а|и|і|у|ою|ой|е|ы)$"
#: Prepositions after which a name is where something is ("у Сумах", "біля Судже").
LOCATIVE_PREPS = frozenset("у в на біля поблизу під по околицях неподалік".split())
#: Prepositions after which a name is an origin, not a place hit ("з боку Курської області").
ORIGIN_PREPS = frozenset("з із зі від".split())
#: Nouns of bodies: a place right before them is part of a body's name ("Сумської ОВА").
BODY_AFTER = frozenset("ова ода мва ва тцк".split())
#: Words right before a place that make it part of a body's name ("Збройних сил України").
BODY_BEFORE = frozenset("сил сили міноборони мзс уряд уряду президент президента посольство збройних "
                        "генштаб генштабу сбу гур".split())
#: Abbreviations that name a region directly.
ABBREVIATIONS = frozenset({"ДНР", "ЛНР", "АРК", "РФ"})
#: Region names the gazetteer lists only in English (stem -> English lookup).
REGIONS = {"крим": "Crimea"}
#: Country names in every case the gazetteer lacks (English lookups).
COUNTRIES = {"україн": "Ukraine", "росі": "Russia", "рф": "Russia", "білорус": "Belarus", "молдов": "Moldova"}
#: Titles: a capitalised word right after one is a person ("губернатор X").
TITLES = frozenset("влада влади адміністрації адміністрація глава голова голови врио очільник очільника губернатор губернатора голова голови начальник начальника очільник очільника мер мера речник речника президент президента міністр міністра генерал генерала командувач".split())
#: Settlement nouns and their abbreviations before a name ("село Кучерів Яр", "с. X", "смт X"): stems.
SETTLEMENT_NOUNS = ("сел", "селищ", "міст", "смт", "хутір", "хутор")
SETTLEMENT_ABBREVIATIONS = ("с", "м", "смт", "сел")
#: Nouns between an origin preposition and a place that keep it an origin ("з боку X", "из района X").
ORIGIN_NOUNS = frozenset("боку району напрямку акваторії території".split())
#: Prepositions of a destination ("відступив до X"): no place hit.
DESTINATION_PREPS = frozenset("до".split())
#: Words of distance from a name's claim to be a place ("так званої ЛНР"): the entity, not the ground.
SO_CALLED = frozenset("так званої званих званої званий званою".split())
#: Nouns that make a country after them the ground ("територію України").
TERRITORY_NOUNS = frozenset("територію території територія вглиб".split())
