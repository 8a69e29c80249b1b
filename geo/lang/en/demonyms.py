"""Demonyms and country adjectives, mapped to ISO country codes.

Entries: the adjectival and demonym forms of country names (after the
CIA World Factbook "nationality" field and common English usage), plus
adjectives of regions often used in war reporting. They are never place
mentions by the annotation rules; they serve as document-level side cues
for which countries a report is about.
"""

DEMONYMS = {
    "russian": "RU", "russians": "RU", "ukrainian": "UA", "ukrainians": "UA", "crimean": "UA",
    "soviet": "RU", "belarusian": "BY", "belarusians": "BY", "belorussian": "BY",
    "polish": "PL", "pole": "PL", "poles": "PL", "romanian": "RO", "romanians": "RO",
    "moldovan": "MD", "moldovans": "MD", "georgian": "GE", "lithuanian": "LT", "latvian": "LV",
    "estonian": "EE", "finnish": "FI", "finn": "FI", "finns": "FI", "swedish": "SE", "swede": "SE",
    "norwegian": "NO", "danish": "DK", "dane": "DK", "german": "DE", "germans": "DE",
    "french": "FR", "british": "GB", "briton": "GB", "britons": "GB", "english": "GB",
    "scottish": "GB", "welsh": "GB", "irish": "IE", "dutch": "NL", "belgian": "BE",
    "swiss": "CH", "austrian": "AT", "italian": "IT", "italians": "IT", "spanish": "ES",
    "portuguese": "PT", "greek": "GR", "greeks": "GR", "turkish": "TR", "turk": "TR", "turks": "TR",
    "hungarian": "HU", "hungarians": "HU", "czech": "CZ", "slovak": "SK", "slovenian": "SI",
    "croatian": "HR", "serbian": "RS", "serb": "RS", "serbs": "RS", "bulgarian": "BG",
    "bosnian": "BA", "albanian": "AL", "armenian": "AM", "armenians": "AM",
    "azerbaijani": "AZ", "azeri": "AZ", "kazakh": "KZ", "uzbek": "UZ", "chechen": "RU",
    "chechens": "RU", "tatar": "RU", "american": "US", "americans": "US", "canadian": "CA",
    "mexican": "MX", "brazilian": "BR", "argentine": "AR", "argentinian": "AR", "chilean": "CL",
    "colombian": "CO", "venezuelan": "VE", "cuban": "CU", "chinese": "CN", "japanese": "JP",
    "korean": "KR", "north korean": "KP", "south korean": "KR", "indian": "IN", "pakistani": "PK",
    "afghan": "AF", "iranian": "IR", "iranians": "IR", "iraqi": "IQ", "iraqis": "IQ",
    "syrian": "SY", "syrians": "SY", "israeli": "IL", "israelis": "IL", "palestinian": "PS",
    "palestinians": "PS", "lebanese": "LB", "jordanian": "JO", "saudi": "SA", "saudis": "SA",
    "emirati": "AE", "qatari": "QA", "yemeni": "YE", "egyptian": "EG", "libyan": "LY",
    "tunisian": "TN", "algerian": "DZ", "moroccan": "MA", "sudanese": "SD", "ethiopian": "ET",
    "somali": "SO", "kenyan": "KE", "nigerian": "NG", "ghanaian": "GH", "african": None,
    "european": None, "europeans": None, "asian": None, "arab": None, "arabs": None,
    "western": None, "australian": "AU", "australians": "AU", "zealander": "NZ",
    "filipino": "PH", "indonesian": "ID", "vietnamese": "VN", "thai": "TH", "malaysian": "MY",
    # Religious and ethnic adjectives: not places, no country.
    "jewish": None, "muslim": None, "christian": None, "catholic": None, "orthodox": None,
    "protestant": None, "buddhist": None, "hindu": None, "sikh": None, "latino": None, "hispanic": None,
    "haitian": "HT", "dominican": "DO", "peruvian": "PE", "bolivian": "BO", "ecuadorian": "EC",
}
