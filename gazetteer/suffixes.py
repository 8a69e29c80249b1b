"""Word tables for district names: unit nouns, adjective endings and the noun endings they come from.

A Russian or Ukrainian district, raion or hromada is mostly named by an
adjective made from its administrative centre's name: Lgov -> Lgovsky,
Rylsk -> Rylsky, Sumy -> Sumskyi, Krasnopillia -> Krasnopilska, Lozova ->
Lozivskyi, Rakitnoye -> Rakityansky. :mod:`gazetteer.districts` strips an
adjective ending to get a stem and rebuilds candidate centre names from it with
the tables below. All forms are normalised keys (lower case, no apostrophes).
Sources: the grammar of Russian and Ukrainian relational adjectives (suffix
-ск-, with the linking -ов-/-ев-/-ин- in Russian and -ів-/-ин- in Ukrainian)
and their usual romanisations (BGN/PCGN, Wikipedia style, the Ukrainian 2010
system), not any list of districts.
"""

from __future__ import annotations

#: Adjective endings, longest first (Russian -sky family, Ukrainian -skyi/-ska/-ske
#: family, in the romanisations seen in English text). Stripping one leaves the stem
#: ("lgov" from "lgovsky", "krasnopil" from "krasnopilska").
ADJECTIVE_ENDINGS = (
    "skaya", "skaia", "skaja", "skoye", "skoe", "skogo", "skoho", "skiy", "skii", "skij", "skyy", "skyi",
    "skyj", "skoy", "skoi", "sky", "ska", "ske", "ski",
)

#: Noun endings a centre's name may have after the stem: Lgov (""), Rylsk ("sk"),
#: Sumy ("y"), Shebekino ("o"), Okhtyrka ("ka"), Valuyki ("ki"), Kamianske ("ske"),
#: Pokrovske, Donetsk, Unecha ("a"), Balakliia ("a" after -ii), Komarichi ("i").
NOUN_ENDINGS = (
    "", "sk", "ske", "skoye", "skoe", "y", "i", "a", "o", "e", "ia", "ya", "ye", "ie", "ka", "ki", "ky",
    "ovo", "ovka", "ivka", "evka", "evo", "ino", "yno",
)

#: Stem endings that are linking suffixes, and what the noun has there instead.
#: Russian -ov-/-ev-: Glushkovo, Khomutovka, Shchigry, Belaya, Zlynka, Dnipro;
#: Ukrainian -iv-: Lozova, Svatove, Rovenky, Derhachi, Polohy, Vasylivka;
#: -in-/-yn-: Zolotukhino, Navlya, Shostka, Shchastia, Liski (plural nouns in -i); -an-/-ian-/-yan-:
#: Sudzha, Vorozhba, Chernyanka, Rakitnoye; -en-: Romny, Lubny, Krasnoye;
#: -pil- (Ukrainian -піль-, from -пілля/-поле): Krasnopillia, Huliaipole.
LINKING = (
    ("iv", ("ova", "ove", "ovo", "iv", "ivka", "y", "i", "a", "e")),
    ("ov", ("ovo", "ovka", "ova", "ove", "ov", "o", "y", "i", "a", "aya", "oye", "oe")),
    ("ev", ("evo", "evka", "eva", "ev", "e", "y", "i", "a")),
    ("in", ("ino", "in", "a", "ya", "ia", "o", "e", "ka", "i", "y")),  # Liski -> Liskinsky
    ("yn", ("yno", "yn", "a", "ya", "ia", "e", "ka")),
    ("ian", ("a", "ia", "e", "ianka", "ne", "noye", "noe", "no", "na")),
    ("yan", ("a", "ya", "ye", "yanka", "ne", "noye", "noe", "no", "na")),
    ("an", ("a", "an", "anka", "ne", "noye", "no")),
    ("en", ("ny", "ni", "oye", "oe", "e", "ne", "en", "enka", "noye")),
    ("pil", ("pillia", "pillya", "pilia", "polye", "pole", "polie", "pol", "pil")),
    ("pol", ("polye", "pole", "pol", "pillia")),
)

#: A consonant before -sk- that stands for another at the end of the noun:
#: Pryluky -> Prylutskyi, Tokmak -> Tokmatska, Kremenchuk -> Kremenchutskyi (k -> ts);
#: Trostianets -> Trostianetska, Marhanets -> Marhanetska (ts + sk -> tsk);
#: Volnovakha -> Volnovaskyi (kh drops); Krasnaya Yaruga -> Krasnoyaruzhsky (g -> zh).
ALTERNATIONS = (
    ("ts", ("k",)), ("t", ("k", "ts")), ("zh", ("g", "h", "z")), ("z", ("h", "g")), ("ch", ("k",)), ("sh", ("kh", "s")),
    ("a", ("akha", "aha")), ("o", ("okha",)),
)

#: First parts of compound names as they stand in the adjective and in the noun
#: ("Velykoburlutska" -> Velykyi Burluk, "Starooskolsky" -> Stary Oskol).
COMPOUND_PREFIXES = (
    ("velyko", ("velykyi", "velyka", "velyke")), ("veliko", ("velikiy", "velikaya", "velikoye")),
    ("bolshe", ("bolshoy", "bolshaya", "bolshoye")), ("malo", ("maly", "malaya", "maloye", "mala", "male")),
    ("staro", ("stary", "staraya", "staroye", "staryi", "stara", "stare")),
    ("novo", ("novy", "novaya", "novoye", "novyi", "nova", "nove")),
    ("krasno", ("krasny", "krasnaya", "krasnoye", "krasnyi", "krasna", "krasne")),
    ("verkhne", ("verkhniy", "verkhnyaya", "verkhneye", "verkhnii", "verkhnia")),
    ("nizhne", ("nizhniy", "nizhnyaya", "nizhneye", "nyzhnii", "nyzhnia")),
)

#: GeoNames feature codes of administrative seats, best first: a seat of a
#: second-order unit (district) ranks above a third-order one, then other places.
SEAT_CODES = ("PPLA2", "PPLA3", "PPLA", "PPLC", "PPLA4")
