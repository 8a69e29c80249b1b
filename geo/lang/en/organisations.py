"""Organisations, media and state organs.

ORGANISATIONS: names of news agencies, broadcasters, newspapers and
international bodies that are capitalised and often collide with GeoNames
entries (written from general knowledge of international media and IGOs).
SEATS_OF_POWER: buildings that stand for a government, mapped to the
country whose government they name (used as actor metonyms; the devset
rules annotate "the Kremlin" as one). Buildings that the annotation rules
treat as organisations ("White House", "Pentagon") are in ORGANISATIONS.
ORG_HEADS: head nouns that turn a capitalised phrase into an organisation
("... Ministry", "... Military Administration", "Armed Forces of ..."),
from institutional naming in news. ORGAN_NOUNS: state organs, officials and
forces a country or capital can modify ("Russia's defence ministry",
"Ukraine's Air Force", "U.S. President").
MEDIA_NOUNS: nouns after a possessive that make it a media possessive.
"""

# Lower-case names; a hyphen joins the words of one multi-word name.
ORGANISATIONS = frozenset(
    w.replace("-", " ")
    for line in """
    cnn bbc reuters afp ap tass ria interfax ukrinform unian nbc cbs abc fox msnbc pbs npr
    sky itv dw rt sputnik xinhua kyodo yonhap bloomberg politico axios newsweek meduza
    telegram facebook twitter instagram youtube tiktok whatsapp viber google apple microsoft
    spacex starlink meta amazon boeing airbus
    nato osce iaea imf unicef unhcr ohchr icrc g7 g20 brics opec asean csto fifa uefa
    white-house pentagon downing-street elysee bundestag congress senate parliament
    verkhovna-rada rada duma state-duma capitol-hill wall-street
    al-jazeera new-york-times washington-post wall-street-journal financial-times
    kyiv-independent kyiv-post moscow-times associated-press agence-france-presse
    wagner hamas hezbollah taliban isis al-qaeda houthis
    """.split("\n")
    for w in line.split()
)

SEATS_OF_POWER = {"kremlin": "RU"}

ORG_HEADS = frozenset(
    """
    ministry administration forces force army navy guard guards police service services agency
    council committee commission office department directorate command headquarters staff
    university college school academy institute hospital clinic church cathedral monastery
    company corporation corp inc ltd group holding holdings bank airlines airline airways
    railway railways party front movement union federation association foundation fund
    news times post journal herald tribune gazette telegraph daily weekly press radio tv
    television channel network agency review magazine club fc team league court tribunal
    brigade battalion regiment division corps battlegroup squadron fleet legion unit units
    operation program programme project summit conference forum games cup championship
    center centre museum theatre theater stadium arena hotel mall market plant factory works
    consortium pipeline exchange board authority administrations government
    war act law treaty accord accords agreement award prize belt trophy medal bureau media
    """.split()
)

# Heads after which a toponym is still a place for the devset rules (infrastructure named
# by the town: "the Novorossiysk naval base" is annotated as the town).
ORGAN_NOUNS = frozenset(
    """
    president presidents prime premier government govt administration authorities authority
    ministry minister ministers defence defense foreign military army armed navy naval air
    force forces troops soldiers troop units intelligence security service services border
    guard guards police parliament leader leaders leadership regime envoy ambassador embassy
    officials official delegation negotiators diplomats diplomat spokesman spokeswoman
    spokesperson chief commander commanders general staff drones drone missiles missile
    artillery aggression invasion offensive counteroffensive counter-offensive attack attacks
    strikes bombardment bombardments shelling war-machine state dictator kremlin foreign-minister
    group grouping battlegroup brigade brigades fleet warplanes jets aircraft
    """.split()
)

MEDIA_NOUNS = frozenset(
    "channel tv television news agency newspaper outlet media broadcaster radio paper service daily".split()
)

#: Lower-case nouns after a name that make it part of an organisation's or unit's name
#: ("the Kherson region administration", "the X battlegroup", "Neptune missiles").
ORG_TAIL_NOUNS = frozenset(
    "administration council battlegroup group grouping brigade regiment battalion division corps "
    "missile missiles rocket rockets pmc".split()
)
