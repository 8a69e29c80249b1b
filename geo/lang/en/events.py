"""Word lists for strike events: weapons, targets, sides, claimants, cue verbs.

Sources of the entries: the weapon vocabulary of ACLED's codebook (air/drone
strike, shelling/artillery/missile attack, disrupted weapons use) and the
common English names of the weapon systems in Ukrainian Air Force and Russian
Defence Ministry communiqués (Shahed/Geran, Iskander, Kinzhal, Kalibr, Kh-101,
KAB, S-300, Grad); target words from ACLED's civilian-targeting notes and
the damage categories UN OCHA reports use; side words are the country,
capital and demonym of each party. All patterns are regular expressions,
case-insensitive, matched at word boundaries; each list is ordered longest
first so that "anti-aircraft missile" wins over "missile".
"""

from __future__ import annotations

import re

# weapon kind -> patterns (singular or plural; models included).
WEAPONS: dict[str, tuple[str, ...]] = {
    "anti_aircraft_missile": (
        r"anti-?aircraft\s+(?:guided\s+)?missiles?", r"guided\s+air[-\s]defen[cs]e\s+missiles?",
        r"air[-\s]defen[cs]e\s+missiles?", r"S-[34]00s?(?:\s+missiles?)?", r"surface-to-air\s+missiles?",
    ),
    "hypersonic_missile": (r"hypersonic\s+missiles?", r"Kinzhals?(?:\s+missiles?)?", r"Zircons?(?:\s+missiles?)?"),
    "ballistic_missile": (
        r"ballistic\s+missiles?", r"Iskander-M(?:\s+missiles?)?", r"Iskanders?(?:\s+missiles?)?",
        r"KN-23s?(?:\s+missiles?)?", r"Tochka-U(?:\s+missiles?)?", r"ATACMS(?:\s+missiles?)?",
    ),
    "cruise_missile": (
        r"cruise\s+missiles?", r"Kalibrs?(?:\s+missiles?)?", r"Kh-\d+\w*(?:\s+missiles?)?",
        r"Iskander-K(?:\s+missiles?)?", r"Onyx(?:\s+missiles?)?", r"Storm\s+Shadows?(?:\s+missiles?)?",
        r"Neptunes?(?:\s+missiles?)?",
    ),
    "glide_bomb": (
        r"guided\s+aerial\s+bombs?", r"guided\s+bombs?", r"glide\s+bombs?", r"gliding\s+bombs?",
        r"KABs?", r"aerial\s+bombs?", r"FAB-\d+s?",
    ),
    "drone": (
        r"(?:unmanned|uncrewed)\s+(?:aerial|surface|marine|sea|naval|underwater)\s+(?:vehicles?|vessels?|boats?|drones?)",
        r"(?:unmanned|uncrewed)\s+aircraft(?:\s+systems?)?", r"(?:naval|sea|maritime|marine|surface|underwater)\s+drones?",
        r"drone\s+boats?", r"(?:unmanned|uncrewed)\s+boats?", r"loitering\s+munitions?", r"decoy\s+drones?",
        r"(?:attack|kamikaze|strike|FPV|combat)\s+drones?", r"Shahed(?:-\d+)?s?(?:[-\s]type)?(?:\s+drones?)?",
        r"Geran(?:-\d+)?s?(?:\s+drones?)?", r"Lancets?(?:\s+drones?)?", r"UAVs?", r"drones?",
    ),
    "artillery": (
        r"multiple\s+(?:launch\s+)?rocket\s+(?:launch(?:er)?\s+)?systems?", r"MLRS", r"Grads?", r"Smerch",
        r"Uragans?", r"HIMARS", r"artillery(?:\s+shells?)?", r"mortars?(?:\s+shells?|\s+rounds?)?",
        r"shells?", r"shelling",
    ),
    "missile_unspecified": (r"missiles?", r"rockets?"),
    "airstrike_unspecified": (r"air\s*strikes?", r"air\s+raids?(?!\s+(?:sirens?|alerts?|alarms?|warnings?|shelters?))", r"bombs?"),
}

# target kind -> patterns.
TARGETS: dict[str, tuple[str, ...]] = {
    "oil_fuel": (
        r"oil\s+(?:depots?|refiner(?:y|ies)|facilit(?:y|ies)|terminals?|tanks?|storage|pumping)",
        r"refiner(?:y|ies)", r"fuel\s+(?:depots?|storage|facilit(?:y|ies))", r"pipelines?", r"petroleum",
        r"oil\s+and\s+gas", r"\boil\b",
    ),
    "energy": (
        r"energy(?:\s+(?:facilit(?:y|ies)|infrastructure|system|targets?|sites?))?", r"power\s+(?:plants?|stations?|lines?|grid|facilit(?:y|ies)|supply|infrastructure)",
        r"electricity", r"substations?", r"thermal\s+power", r"hydroelectric", r"combined\s+heat",
        r"gas\s+(?:production|infrastructure|facilit(?:y|ies))", r"power\s+outages?",
    ),
    "medical": (r"hospitals?", r"clinics?", r"medical\s+(?:facilit(?:y|ies)|centre|center)", r"maternity", r"ambulances?"),
    "rail": (r"railways?", r"railroads?", r"\brail\b", r"trains?", r"locomotives?"),
    "residential": (
        r"residential", r"apartment(?:\s+(?:blocks?|buildings?))?", r"homes?", r"houses?", r"high-rise",
        r"housing", r"dwellings?", r"civilian\s+areas?",
    ),
    "civilian_infrastructure": (r"civilian\s+infrastructure", r"urban\s+infrastructure", r"civilian\s+objects?"),
    "military": (
        # "military" names a target only with a target noun: not "the regional military administration".
        r"military(?:-related|-industrial)?\s+(?:targets?|facilit(?:y|ies)|installations?|infrastructure|sites?|objects?|bases?|"
        r"equipment|units?|positions|depots?|warehouses?|vehicles?|enterprises?|plants?|airfields?|complex|hardware|logistics)",
        r"military-related", r"barracks", r"ammunition\s+depots?", r"command\s+posts?", r"air\s+defen[cs]e\s+systems?",
        r"weapons?\s+depots?", r"troop\s+(?:concentrations?|positions?|gatherings?)",
        r"concentrations?\s+of\s+(?:\w+\s+)?(?:troops|personnel|manpower|equipment)", r"positions", r"training\s+cent(?:re|er)s?", r"arms\s+depots?",
    ),
    "port": (r"seaports?", r"\bports?\b", r"harbou?rs?", r"grain\s+terminals?", r"docks?"),
    "airfield": (r"airfields?", r"air\s*bases?", r"airports?", r"runways?"),
    "industrial": (r"factor(?:y|ies)", r"(?:industrial|chemical|defen[cs]e)\s+(?:plants?|enterprises?|facilit(?:y|ies))", r"industrial", r"plants?"),
    "education": (r"schools?", r"universit(?:y|ies)", r"kindergartens?"),
    "cultural": (r"cathedrals?", r"churches", r"church", r"museums?", r"theat(?:re|er)s?", r"historic\s+buildings?"),
    "transport": (r"bridges?", r"transport(?:ation)?(?:\s+infrastructure)?", r"\broads?\b", r"bus(?:es)?", r"vehicles?"),
}

# Side words: country, capital, demonym, and the usual organ names.
SIDE_WORDS: dict[str, str] = {
    r"Russia(?:'s|’s)?": "RU", r"Russian(?:s)?": "RU", r"Moscow(?:'s|’s)?": "RU", r"the\s+Kremlin": "RU",
    r"Russian\s+Federation": "RU",
    r"Ukraine(?:'s|’s)?": "UA", r"Ukrainian(?:s)?": "UA", r"Kyiv(?:'s|’s)?": "UA", r"Kiev(?:'s|’s)?": "UA",
    r"the\s+Kyiv\s+regime": "UA", r"the\s+Kiev\s+regime": "UA",
    # The armed forces by their full names and the abbreviations Russian and Ukrainian sources use.
    r"(?:the\s+)?Armed\s+Forces\s+of\s+Ukraine(?:\s+\(AFU\))?": "UA", r"AFU": "UA", r"ZSU": "UA",
    r"(?:the\s+)?Armed\s+Forces\s+of\s+(?:the\s+)?Russian\s+Federation": "RU",
}
SIDE_RE = r"(?:" + "|".join(sorted(SIDE_WORDS, key=len, reverse=True)) + r")"

# Verbs saying a side attacked (subject side = attacker).
ATTACK_VERBS = (
    r"attack(?:ed|s|ing)?", r"struck", r"strikes?", r"striking", r"hit(?:s|ting)?", r"shell(?:ed|s|ing)?",
    r"bomb(?:ed|s|ing)?", r"target(?:ed|s|ing)?", r"launch(?:ed|es|ing)?", r"fired", r"pound(?:ed|ing)?",
    r"bombard(?:ed|ing)?", r"raid(?:ed|s)?",
)
# Verbs saying a side shot weapons down (subject side = defender).
INTERCEPT_VERBS = (
    r"shot\s+down", r"shoot(?:ing|s)?\s+down", r"downed", r"intercept(?:ed|s|ing)?", r"destroy(?:ed|ing)?\s+in\s+the\s+air",
    r"neutrali[sz]ed", r"repelled", r"repulsed", r"suppressed",
)
# Words for the act of attack: a clause needs one of these, a weapon or an interception verb.
STRIKE_CUES = (
    r"attack(?:ed|s|ing)?", r"struck", r"strikes?", r"\bhit\b", r"shell(?:ed|ing)", r"bombard(?:ed|ments?)",
    r"targeted", r"explosions?", r"blasts?", r"damaged", r"destroyed", r"caused\s+a\s+fire", r"barrage",
    r"pounded", r"assaults?", r"(?:came|comes|come|coming)\s+under\s+(?:\w+\s+){0,2}(?:fire|shelling|attacks?)",
    r"(?:impacts?|hits)\s+(?:were\s+|was\s+|have\s+been\s+)?(?:recorded|registered|reported)",  # air force bulletins
)
GROUND_CUES = (
    r"offensive", r"counter-?offensive", r"ground\s+assaults?", r"firefights?", r"clashes", r"fighting\s+(?:for|in|near|around|on|along)",
    r"advanc(?:e|ed|ing)\s+(?:on|towards?|in|near)", r"stormed", r"storming", r"combat\s+engagements?",
    r"t(?:ook|aken|ake|aking)\s+(?:full\s+|complete\s+)?control\s+of", r"captur(?:ed|ing)", r"liberat(?:ed|ing)",
    r"seiz(?:ed|ing)", r"recaptur(?:ed|ing)", r"retook",
    r"repel(?:led|ling|s)?\s+(?:\d[\d,]*|dozens\s+of|several|a\s+total\s+of\s+\d[\d,]*)\s+(?:[\w-]+\s+){0,2}?(?:attacks|assaults|attempts)",
)
# Ground regained: the side that retakes a place is the one that held it before, so with no side
# named, the place's own country ("the village was liberated": Ukraine for a village of Ukraine).
# From the English of front-line reporting and of both sides' communiqués.
REGAIN_CUES = (
    r"counter-?offensives?", r"counter-?attack(?:s|ed)?", r"liberat(?:ed|ing|ion\s+of)", r"recaptur(?:ed|ing)",
    r"retook", r"retak(?:en|ing)", r"regain(?:ed|ing)", r"pushed\s+back", r"drove\s+back", r"drove\s+out",
)
# Ground given up: the side named falls back, so the other side is the one that advanced.
FALL_BACK_CUES = (
    r"withdr(?:ew|awn|awing)", r"retreat(?:ed|ing)?", r"regroup(?:ed|ing)?", r"pulled\s+(?:back|out)",
    r"fell\s+back", r"abandon(?:ed|ing)",
)
# Words that make a whole report one about the war (its sides, leaders, places, weapons and front-line
# words): the resolver's prior for UA/RU readings. WAR_WORDS below is the clause-level test for an attack.
WAR_REPORT_CUES = frozenset(
    "ukraine ukrainian russia russian kyiv kiev moscow kremlin zelensky zelenskyy putin donbas donbass crimea "
    "oblast raion hromada drone drones uav uavs missile missiles shahed shelling shelled artillery enemy "
    "occupiers frontline front-line troops offensive".split()
)

# Words that put a clause in a war rather than a car crash, a court case or a ball game: military
# actors, war nouns and war-only verbs (ACLED's "battles" and "explosions/remote violence"
# definitions, and the vocabulary of Ukrainian and Russian military communiqués in English).
WAR_WORDS = (
    r"troops", r"(?:armed\s+)?forces", r"army", r"military", r"soldiers?", r"servicem[ae]n", r"militants?",
    r"occupiers?", r"invaders?", r"enemy", r"fighters", r"brigades?", r"battalions?",
    r"shell(?:ed|ing|s)?", r"artillery", r"mortars?", r"bombard(?:ed|ing|ments?)", r"air\s*strikes?", r"air\s+raids?",
    r"air[-\s]defen[cs]es?", r"shot\s+down", r"downed", r"intercept(?:ed|ions?|ors?)", r"front(?:[-\s]?line)?s?",
    r"offensive", r"counter-?offensive", r"invasion", r"war", r"warplanes?", r"combat", r"occupied",
    r"drones?", r"UAVs?", r"missiles?", r"rockets?", r"Shaheds?", r"Gerans?", r"glide\s+bombs?", r"MLRS", r"Grads?",
    r"(?:special\s+)?military\s+operation", r"ceasefire", r"truce",
    # In the theatre, explosions, blasts and falling debris are reported as attacks far more often
    # than as accidents.
    r"explosions?", r"blasts?", r"debris",
)
# Clauses that tell the war's history, not an attack being reported: its start, annexations,
# totals since a year ("since Moscow launched its special military operation in 2022").
BACKGROUND = (
    r"\b(?:launched|began|begun|started|start\s+of|beginning\s+of|outbreak\s+of)\s+(?:its\s+|the\s+|a\s+)?"
    r"(?:full[-\s]scale\s+)?(?:special\s+military\s+operation|invasion|war\b|aggression)",
    r"\bsince\s+(?:(?:19|20)\d\d|the\s+(?:start|beginning|outbreak)\s+of\s+the\s+(?:war|invasion|conflict))",
    r"\b(?:annex(?:ed|ation)|seceded|rejoined)\b",
    r"\b(?:early|earlier)\s+in\s+(?:its|the)\s+(?:invasion|war)\b",
    r"\bfor\s+(?:years|decades|the\s+(?:first|second|third)\s+time\s+since)\b",
)
# A clause in these moods does not report a strike that happened.
HYPOTHETICAL = (
    r"\bif\b", r"\bwould\b", r"\bcould\b", r"\bwill\b", r"\bhalt(?:ed|ing)?\b", r"\bpause\b", r"\bceasefire\b",
    r"\btruce\b", r"\bstop(?:ped)?\s+(?:strikes|attacks|targeting)", r"\bmoratorium\b", r"\bthreaten(?:ed|s)?\b",
    r"\bplan(?:s|ned)?\s+to\b",
)
# Definite references back to an attack just described.
ANAPHORA = (
    r"^(?:[\"“]?\s*)?(?:the|these|those|this)\s+(?:overnight\s+|latest\s+|russian\s+|ukrainian\s+|massive\s+|combined\s+)*"
    r"(?:attacks?|strikes?|assaults?|barrage|bombardment|raid|drones|missiles)\b",
    r"^(?:it|they)\s+(?:said|added|reported)\b", r"^(?:of\s+(?:them|those|these))\b",
    r"^(?:it|they)\s+(?:also\s+|then\s+|had\s+|have\s+)?(?:fired|launched|used|struck|hit|attacked|sent|targeted)\b",
)

# Casualty words.
KILLED_WORDS = r"(?:killed|killing|kills|dead|died|death\s+toll|deaths?|lives|fatalit(?:y|ies))"
INJURED_WORDS = r"(?:injured|injuring|injuries|wounded|wounding|hurt|casualties)"
NO_CASUALTIES = (
    (r"\bno\s+(?:[a-z]+\s+){0,2}(?:casualties|victims)\b|\bwithout\s+(?:any\s+)?casualties\b|\bcasualties\s+were\s+avoided\b|\bno\s+one\s+was\s+(?:killed\s+or\s+)?(?:hurt|injured)\s+or\s+killed\b", ("killed", "injured")),
    (r"\bno\s+(?:one|people|persons|civilians)\s+(?:was|were)\s+(?:injured|hurt|wounded)\b|\bno\s+(?:injuries|injured)\b", ("injured",)),
    (r"\bno\s+(?:one|people|persons|civilians)\s+(?:was|were)\s+killed\b|\bno\s+(?:deaths|fatalities)\b", ("killed",)),
    (r"\bno\s+(?:one|people)\s+(?:was|were)\s+(?:killed\s+or\s+(?:injured|hurt|wounded)|(?:injured|hurt|wounded)\s+or\s+killed)\b", ("killed", "injured")),
)

# Claim verbs and outlet names for "X reported".
SPEECH_VERBS = (
    r"said", r"says", r"reported", r"stated", r"announced", r"claimed", r"wrote", r"added", r"confirmed",
    r"told\s+[A-Z][\w.]*", r"posted", r"noted", r"informed",
)
# News agencies and outlets often cited inside other outlets' reports.
OUTLETS = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "TASS", "RIA Novosti", "Interfax",
    "Ukrinform", "BBC", "CNN", "Al Jazeera", "Bloomberg", "The New York Times", "The Washington Post",
    "Kyiv Independent", "Ukrainska Pravda", "Suspilne", "Meduza", "RBC", "Kommersant", "Sputnik", "RT",
)


def compile_alternatives(patterns) -> re.Pattern:
    """One case-insensitive regex with word boundaries around a list of patterns."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.I)

#: Words before "in <year>" that date a person, a building or an organisation, not the war:
#: "born in 1960", "built in 1975", "founded in 1991" (English life-event and construction verbs).
LIFE_EVENT_WORDS = frozenset(
    "born died built founded established opened constructed erected graduated married raised retired".split()
)
