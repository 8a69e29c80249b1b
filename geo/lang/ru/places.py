"""Russian place words: unit nouns, region-name endings, prepositions, bodies that contain a place.

Sources: the names of Russia's and Ukraine's administrative units in Russian (область, край,
район, городской/муниципальный округ, республика), and common newsroom abbreviations.
"""

UNIT_NOUNS = {"област": "adm1", "обл": "adm1", "край": "adm1", "кра": "adm1", "республик": "adm1",
              "район": "district", "округ": "district", "громад": "district",
              "направлени": "sector"}
UNIT_INFIXES = ("городск", "муниципальн", "сельск", "поселков", "народн")
REGION_NAME = r"[щч]ин(?:а|и|і|у|ою|ой|е|ы)$"
LOCATIVE_PREPS = frozenset("в во на у около под возле близ по окрестностях районе".split())
ORIGIN_PREPS = frozenset("с со из от".split())
BODY_AFTER = frozenset("ова ода мва ва".split())
BODY_BEFORE = frozenset("сил силы минобороны мид правительство президент президента посольство вооруженных "
                        "вооружённых генштаб генштаба фсб министерство".split())
ABBREVIATIONS = frozenset({"ДНР", "ЛНР", "РФ"})
REGIONS = {"крым": "Crimea"}
COUNTRIES = {"украин": "Ukraine", "росси": "Russia", "рф": "Russia", "белорусс": "Belarus", "беларус": "Belarus",
             "молдов": "Moldova"}
#: Titles: a capitalised word right after one is a person ("губернатор X").
TITLES = frozenset("власти власть администрации администрация глава главы врио губернатор губернатора глава главы начальник начальника мэр мэра президент президента министр министра генерал генерала командующий пресс-секретарь представитель".split())
SETTLEMENT_NOUNS = ("сел", "посёлк", "поселк", "посёл", "посел", "город", "хутор", "деревн", "станиц")
SETTLEMENT_ABBREVIATIONS = ("г", "с", "п", "пос", "д", "х", "ст")
#: Nouns between an origin preposition and a place that keep it an origin ("з боку X", "из района X").
ORIGIN_NOUNS = frozenset("стороны района направления акватории территории".split())
#: Prepositions of a destination ("відступив до X"): no place hit.
DESTINATION_PREPS = frozenset("к ко".split())
#: Words of distance from a name's claim to be a place ("так званої ЛНР"): the entity, not the ground.
SO_CALLED = frozenset("так называемой называемых называемая называемый".split())
#: Nouns that make a country after them the ground ("територію України").
TERRITORY_NOUNS = frozenset("территорию территории территория вглубь".split())
