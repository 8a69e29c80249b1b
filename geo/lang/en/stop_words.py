"""Capitalised words that are not place names on their own.

Entries: English function words, pronouns, discourse openers and generic
news nouns that start sentences or headlines and happen to match GeoNames
entries ("The", "We", "Even", "Police"), from general English usage. A span
made only of these is never a mention.
"""

STOPWORDS = frozenset(
    """
    a an the this that these those there here it its he she him her his hers they them their
    we us our ours i me my you your yours who whom whose which what when where why how
    and or but nor so yet if then than though although because since unless until while
    in on at of to for from by with without within into onto over under near about above
    below after before during through across along around against among between beyond
    up down out off as per via upon despite
    all any some many much more most few less least each every both either neither no not
    only also even still just again already ever never always often once soon now today
    one two three four five six seven eight nine ten first second third last next other
    another such same own very well however meanwhile overnight earlier later instead
    according following including regarding amid amidst
    mr mrs ms dr yes ok okay oh hey please thanks thank
    is are was were be been being has have had do does did will would shall should can could
    may might must said says say told tells asked added noted
    new old big great good bad high low long short small large major minor top
    north south east west northern southern eastern western central northeast northwest
    southeast southwest northeastern northwestern southeastern southwestern
    city town village region state country capital province district county area
    police officials official government army military forces troops president minister
    people man woman men women children family residents news report reports update live
    breaking read more share comment comments subscribe advertisement photo video watch
    source sources author editor home page click here log sign learn reply leave
    monday tuesday wednesday thursday friday saturday sunday
    god lord christ jesus allah
    """.split()
)
