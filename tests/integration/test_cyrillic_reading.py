"""Ukrainian and Russian reports read end to end: places in any case, events with attackers (issue 18).

Sentences written for these tests.
"""

import pytest

from geo.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(cache=False)


@pytest.mark.parametrize("text, place", [
    ("Уночі окупанти обстріляли Шосткинську громаду.", "Shostkynska hromada"),
    ("Вибухи пролунали у Сумах після атаки дронів.", "Sumy"),
    ("На Харківщині ворог атакував ударними БпЛА.", "Kharkiv Oblast"),
    ("Ночью ВСУ обстреляли Белгородскую область из РСЗО.", "Belgorod Oblast"),
    ("Ночью в Судже ранены три человека после атаки БПЛА ВСУ.", "Sudzha"),
])
def test_inflected_place_becomes_event_location(nlp, text, place):
    pd = nlp(text)
    assert place in [m.place.name for m in pd.mentions if m.place is not None]
    assert any(e.location.place.name == place for e in pd.events)


def test_each_sides_words_give_the_attacker(nlp):
    uk = nlp("Рашисти вдарили по Нікопольському району з артилерії.")
    ru = nlp("Украинские формирования атаковали Шебекино тремя беспилотниками.")
    assert {e.attacker for e in uk.events} == {"RU"}
    assert {e.attacker for e in ru.events} == {"UA"}


def test_number_words_count_weapons(nlp):
    pd = nlp("Над Курской областью сбиты пять украинских БПЛА.")
    assert [e.intercepted for e in pd.events] == [5]
