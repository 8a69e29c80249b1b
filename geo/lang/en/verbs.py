"""Verbs and nouns that decide a place mention's role.

Entries: English reporting (speech and stance) verbs, verbs of attack and
agency used with a state as subject, and the nouns of strike and combat
reporting; written from general news usage (Reuters/AP style reporting
verbs) and the vocabulary of the war's strike reports.
"""

# A country or capital as the subject of these stands for its government.
ACTOR_VERBS = frozenset(
    """
    said says say saying told tells claimed claims claim announced announces announce stated
    states reported reports accused accuses accuse denied denies deny warned warns warn
    insisted insists urged urges demanded demands called calls rejected rejects refused
    refuses agreed agrees agree hopes hoped hope wants wanted wants plans planned vowed vows
    threatened threatens blamed blames condemned condemns criticised criticized responded
    responds offered offers proposed proposes signed signs sent sends supplied supplies
    provided provides pledged pledges promised promises approved approves backed backs
    supports supported sought seeks seek believes believed considers considered acknowledged
    admitted confirmed confirms knows knew recognised recognized expects expected needs
    launched launches launch fired fires attacked attacks attack struck strikes strike
    shelled shells bombed bombs targeted targets hit hits invaded invades invade deployed
    deploys withdrew withdraws retreated captured captures seized seizes took takes
    continued continues began begins started starts stopped stops halted halts resumed
    must can could will would should may might does did
    regards regarded views viewed sees saw accepted accepts dismissed dismisses
    intercepted downed destroyed shot used uses carried conducted conducts
    massed amassed mobilised mobilized controls controlled holds held gains gained
    lost loses advanced advances pushed pushes exchanged exchange traded trade swapped
    supported opposes opposed strongly described describes insisted
    hoping saying insisting claiming demanding accusing urging seeking refusing warning announcing
    launching attacking targeting denying threatening
    """.split()
)
# Of these, the ones that are speech acts (for "X said" person tests too).
SPEECH_VERBS = frozenset(
    """
    said says told tells added adds noted notes wrote writes stated states claimed claims
    announced announces reported reports explained explains warned warns asked asks insisted
    insists stressed stresses commented comments recalled recalls
    """.split()
)

# Nouns and verbs of events that make a place in the clause an event location.
EVENT_WORDS = frozenset(
    """
    attack attacks attacked attacking strike strikes struck striking hit hits shelling shelled
    shell shells bombing bombed bomb bombs bombardment explosion explosions blast blasts
    drone drones missile missiles rocket rockets shahed shaheds uav uavs glide artillery
    intercepted interception downed shot destroyed destroying damaged damage damaging
    fire fires blaze burning killed killing wounded injured injuring casualties dead died
    fighting fought fight battle battles clashes clash offensive counteroffensive
    counter-offensive assault assaults advance advanced advancing captured capture seized
    liberated liberation recaptured retook encircled encirclement occupied control
    controls controlled push pushed withdrew withdrawal retreat retreated repelled
    raid raids incursion incursions invasion troops forces front frontline front-line
    sirens alert air-raid targeted targeting targets target attacking debris wreckage
    crashed crash fell falling impact impacts exploded hostilities combat war
    """.split()
)

# Nouns of talks and visits: "in X" in such a clause is a venue (role other).
VENUE_WORDS = frozenset(
    """
    talks talk meeting meetings meet met summit summits negotiations negotiation negotiate
    negotiators conference visit visited visiting visits trip signed signing agreement
    deal ceremony forum briefing interview hosted host hosts held gathered convened convene
    consultations press
    correspondent reporter journalist studio based headquartered
    """.split()
)

# Nouns after a toponym that make it a title of a regional official (role other).
OFFICIAL_NOUNS = frozenset(
    """
    governor mayor head chief administration regional city council prosecutor police
    officials authorities emergency
    """.split()
)

#: Words right before a place that make it the object of an attack or the ground of
#: one (verbs of attack and capture, and locative prepositions).
ATTACK_OBJECT_PREVS = frozenset(
    "attacked attack attacking struck strike striking hit hitting shelled shelling bombed bombing targeted targeting "
    "captured capture seized liberated recaptured retook entered encircled stormed pounded raided invaded "
    "on over near in at outside across into around toward towards inside within throughout".split()
)
