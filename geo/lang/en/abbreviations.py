"""Abbreviations that end in a full stop without ending a sentence.

Entries: common English and news-agency abbreviations (titles, military ranks
as in AP style, street types, Latin abbreviations, months), written from
general knowledge of English style guides. Lower-case, without the final dot.
"""

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev
    pres supt insp det atty hon messrs mme mlle
    u.s u.k u.n e.u u.s.a u.a.e d.c
    inc ltd co corp bros dept univ assn est approx vs etc e.g i.e cf al
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd hwy
    """.split()
)

# Abbreviations that stand before a number ("No. 5", "Art. 3", "p. 12").
ABBREVIATIONS_BEFORE_NUMBER = frozenset("no nos art p pp vol fig ch sec para tel".split())

# AP-style abbreviations of US state names, as written after a town ("Roanoke, Va.").
# Source: the Associated Press Stylebook's state abbreviations (general US news usage).
US_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Va.": "Virginia", "Vt.": "Vermont", "Wash.": "Washington", "W.Va.": "West Virginia",
    "W. Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}
