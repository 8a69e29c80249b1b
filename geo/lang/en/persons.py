"""Titles, ranks and given names: signals that a capitalised span is a person.

Titles: English honorifics, political and military offices and AP-style rank
abbreviations, as they appear before a name ("President X", "Gen. X",
"spokesman X"). Given names: frequent English given names (US census and UK
ONS lists) and frequent Russian/Ukrainian/Slavic given names in common
English transliterations, plus a few frequent Arabic, French, German and
Spanish given names seen in international news. A given-name list is a
standard NER signal; it names people in general, not the people of a text.
"""

# Words that, written before a capitalised name, make it a person (case-insensitive).
TITLES = frozenset(
    """
    mr mrs ms miss dr prof sir dame lord lady madam mister
    president vice-president premier chancellor king queen prince princess emperor pope
    sheikh emir sultan ayatollah imam rabbi bishop cardinal father reverend rev saint
    minister secretary ambassador envoy senator sen congressman congresswoman
    representative rep governor gov mayor deputy chairman chairwoman chair speaker spokesman
    spokeswoman spokesperson adviser advisor aide director head chief commander ceo founder
    general gen lieutenant lt colonel col major maj captain capt sergeant sgt corporal cpl
    private pvt admiral adm marshal brigadier commodore officer detective det inspector
    superintendent sheriff judge justice attorney prosecutor coach correspondent reporter
    journalist analyst professor dean pastor colleague counterpart leader boss
    """.split()
)

# Titles that make the next capitalised words a person even when written in lower case
# ("spokesman Dmitry X"); ranks such as "major", "general", "private" are adjectives too.
LOWER_TITLES = frozenset(
    """
    president vice-president premier chancellor minister secretary ambassador envoy senator
    congressman congresswoman governor mayor deputy chairman chairwoman speaker spokesman
    spokeswoman spokesperson adviser advisor aide director commander founder lieutenant
    colonel captain sergeant corporal admiral marshal brigadier detective inspector sheriff
    judge attorney prosecutor coach correspondent reporter journalist analyst professor
    pastor colleague counterpart leader premier pope king queen prince princess mr mrs ms dr
    """.split()
)

# Nouns after which a capitalised span names a person, often with "said" ("analyst X said").
PERSON_NOUNS = frozenset(
    """
    official officials spokesman spokeswoman commander resident residents witness activist
    blogger lawmaker politician diplomat soldier pilot doctor nurse teacher student farmer
    businessman author writer artist singer actor actress player
    """.split()
)

GIVEN_NAMES = frozenset(
    """
    James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
    Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
    Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry
    Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy
    Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse
    Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy
    Vincent Ralph Eugene Russell Bobby Mason Philip Louis Mike Bill Tom Jim Bob Dan Tim Steve
    Joe Ted Chuck Rick Nick Tony Ben Sam Greg Jeff Ken Rob Pete Chris Matt Dave Hillary Kamala
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty
    Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah
    Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma
    Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria
    Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan
    Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison
    Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn
    Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori
    Ursula Kaja Antonio Emmanuel Olaf Rishi Keir Boris Liz Theresa Angela Jens Mark Annalena
    Vladimir Volodymyr Dmitry Dmitri Dmytro Sergei Sergey Serhiy Serhii Alexei Alexey Oleksiy
    Oleksii Andrei Andriy Andrii Mikhail Mykhailo Ivan Yuri Yuriy Yury Igor Ihor Oleg Oleh
    Nikolai Mykola Pavel Pavlo Viktor Victor Valery Valeriy Valerii Denis Denys Maxim Maksym
    Anatoly Anatolii Yevgeny Yevgeniy Yevhen Evgeny Alexander Oleksandr Aleksandr Vitali
    Vitaliy Vitalii Vadim Vadym Ruslan Roman Kirill Kyrylo Petro Pyotr Leonid Boris Vasily
    Vasyl Stepan Taras Bohdan Vyacheslav Ramzan Arseniy Arseny Gennady Hennadiy Konstantin
    Kostiantyn Grigory Hryhoriy Anton Artem Artyom Ilya Illia Yaroslav Fedor Fyodor Nikita
    Olga Olha Tatiana Tetiana Natalia Nataliya Yulia Yuliia Irina Iryna Svetlana Svitlana
    Elena Olena Maria Mariya Anastasia Oksana Lyudmila Liudmyla Marina Maryna Ekaterina Kateryna
    Valentina Galina Halyna Larisa Vera Nadezhda Nadiya Alla Sofia Daria Darya Yana Inna Ivanna
    Mohammed Muhammad Mohamed Ahmed Ali Hassan Hussein Omar Abdullah Khalid Recep Tayyip
    Mevlut Hakan Ebrahim Hossein Abbas Benjamin Yair Naftali Emmanuel Jean Pierre Francois
    Olaf Friedrich Angela Frank-Walter Giorgia Pedro Luis Carlos Jair Xi Narendra Fumio Shinzo
    Kim Moon Yoon Antony Lloyd Jake Marco Pete Tulsi Kash Kristi Keith Lindsey Nikki JD Kurt
    """.split()
)
