"""Ukrainian event words: attack and interception verbs, weapons, casualties, sides, claimants.

Sources: the wording of Ukraine's Air Force and General Staff bulletins and of regional
military administrations' daily reports (БпЛА, КАБ, РСЗВ, "збито/знешкоджено"), and the
everyday names each side uses for the other (ворог, окупанти, рашисти).
"""

#: Attack words (regex stems): a clause with one reports a strike.
STRIKE = r"атак\w*|обстр[іе]л\w*|вдар\w*|удар(?:и|ів|ами|ом|ив|или|ила)?\b|влучан\w*|влучил\w*|вибух\w*|прил[ьі]от\w*|скинул\w*|поцілил\w*|уразил\w*|бив\b|били\b|гатив\w*"
#: Interception words.
INTERCEPT = r"збит\w*|збил\w*|знешкоджен\w*|знешкодил\w*|знищен\w*|знищил\w*|перехопл\w*|подавлен\w*|локаційно\s+втрачен\w*"
#: Ground fighting.
GROUND = r"штурм\w*|наступальн\w*|наступ\w*|бо[їя]\b|боях|боїв|зайнял\w*|захопил\w*|звільнил\w*|просувал\w*"
#: Weapon stems -> kind (the model's ``WEAPON_KINDS``), longest first at match time.
WEAPONS = {
    r"(?:ударн\w+\s+)?(?:БпЛА|БПЛА|безпілотник\w*|дрон\w*|Шахед\w*|Shahed\w*|Герань\w*|Гербер\w*|ланцет\w*)": "drone",
    r"КАБ\w*|УПАБ\w*|керован\w+\s+авіа(?:ційн\w+\s+)?бомб\w*|авіабомб\w*": "glide_bomb",
    r"балістичн\w+\s+ракет\w*|Іскандер\w*|С-300|С-400|KN-23": "ballistic_missile",
    r"крилат\w+\s+ракет\w*|Калібр\w*|Х-101|Х-22|Х-59|Х-69": "cruise_missile",
    r"Кинджал\w*|Циркон\w*": "hypersonic_missile",
    r"ракет\w*": "missile_unspecified",
    r"артилері\w*|міномет\w*|мінометн\w*|РСЗВ|РСЗО|Град\w*|танк\w*|ствольн\w+": "artillery",
    r"авіаудар\w*|авіаці\w*": "airstrike_unspecified",
}
#: Casualty words.
KILLED = r"загинув|загинула|загинуло|загинули|загиблих|загибл\w*|вбит\w*|вбил\w*|смертельн\w*"
INJURED = r"поранен\w*|постраждал\w*|травмован\w*|дістал\w*\s+поранен\w*|отримал\w*\s+поранен\w*"
#: One person, when the verb is singular and names no number ("загинув чоловік").
SINGULAR_CASUALTY = r"загинув|загинула|поранено\s+(?:чоловіка|жінку|дитину)|дістав\s+поранен\w*|дістала\s+поранен\w*|отримав\s+поранен\w*|отримала\s+поранен\w*|травмован(?:ий|а)\b|поранен(?:ий|а)\b"
#: Each side's names, in this language: the attacker of a clause that uses them.
SIDES = {
    r"ворог\w*|ворож\w*|окупант\w*|рашист\w*|російськ\w+|росіян\w*|рф|загарбник\w*|орк\w*|противник\w*|агресор\w*|збройн\w+\s+сил\w*\s+(?:Росії|РФ)|війська\s+РФ": "RU",
    r"ЗСУ|Сил\w*\s+оборони|українськ\w+\s+(?:військ\w*|сил\w*|дрон\w*|захисник\w*)|наш\w+\s+(?:воїн\w*|захисник\w*|сил\w*)": "UA",
}
#: Verbs of defence: a side named as their subject is the defender, not the attacker ("ЗСУ відбили атаку").
DEFENCE = r"відбил\w*|відбив\w*|відбито|стриму\w*|зупинил\w*|ліквідувал\w*|знищил\w*|знешкодил\w*|збил\w*|уразил\w*|відкинул\w*|оборон\w*"
#: What air defence brings down besides named weapons ("повітряних цілей", "літаків").
AERIAL_TARGETS = r"повітрян\w+\s+ціл\w*|ціл(?:ей|і|ь)\b|літак\w*|гелікоптер\w*|вертоліт\w*|засоб\w*\s+повітряного\s+нападу"
#: Defenders: when they shoot something down, the other side launched it.
DEFENDERS = {r"ППО|Повітрян\w+\s+сил\w*|сил\w*\s+ППО|протиповітрян\w+": "UA"}
#: Claimants: who a bulletin comes from.
CLAIMANTS = (
    r"(?:[Нн]ачальник|[Гг]олова|[Оо]чільник)\w*\s+[А-ЯІЇЄҐ][\w’'ʼ-]+\s+(?:ОВА|ОДА|МВА|обласної\s+військової\s+адміністрації)(?:\s+[А-ЯІЇЄҐ][\w’'ʼ-]+){0,2}",
    r"Повітрян\w+\s+сил\w*(?:\s+ЗСУ)?", r"Генштаб\w*(?:\s+ЗСУ)?|Генеральн\w+\s+штаб\w*(?:\s+ЗСУ)?",
    r"[А-ЯІЇЄҐ][\w’'ʼ-]+\s+(?:ОВА|ОДА|МВА)", r"Міноборони(?:\s+Росії|\s+РФ)?", r"ДСНС",
)
#: History and hypotheticals: a clause with one reports no new attack.
BACKGROUND = r"\b(?:з\s+початку\s+(?:повномасштабного\s+)?вторгнення|у\s+\d{4}\s+році|роковин\w*)"
