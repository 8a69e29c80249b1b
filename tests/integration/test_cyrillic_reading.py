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


def test_number_words_and_dates_in_ukrainian(nlp):
    import datetime as dt

    from geo.model import Document

    pd = nlp.parse(Document(id="uk-night", published=dt.date(2025, 3, 27),
                            text="У ніч на 26 березня окупанти атакували Полтавщину, знешкоджено чотири ударні БпЛА."))
    (event,) = pd.events
    assert event.date == dt.date(2025, 3, 26) and event.location.place.name == "Poltava Oblast"
    assert event.intercepted == 4 and event.attacker == "RU"


def test_a_strike_told_in_ukrainian_and_in_english_next_morning_is_one_event(nlp):
    import datetime as dt

    from geo.events.fuse import fuse_events
    from geo.model import Document

    uk = nlp.parse(Document(id="ova", published=dt.date(2025, 5, 3), outlet="regional administration",
                            text="Минулої доби ворог атакував Херсон дронами, поранено двох людей."))
    en = nlp.parse(Document(id="wire", published=dt.date(2025, 5, 3), outlet="wire",
                            text="Russian drones struck Kherson on May 2, wounding two people, the regional governor said."))
    fused = fuse_events([*uk.events, *en.events])
    kherson = [e for e in fused if e.location.place.name == "Kherson"]
    assert len(kherson) == 1
    assert {s.document for s in kherson[0].sources} == {"ova", "wire"}


@pytest.mark.parametrize("text, surface, place", [
    ("Після обстрілу в Курської області оголосили евакуацію, ворог бив дронами.", "Курської області", "Kursk Oblast"),
    ("Сумська область за добу зазнала сорока обстрілів з артилерії.", "Сумська область", "Sumy Oblast"),
    ("Дрони атакували Сумську область двічі за ніч.", "Сумську область", "Sumy Oblast"),
    ("Беспилотники атаковали подстанцию в Белгородской области.", "Белгородской области", "Belgorod Oblast"),
    ("У Шосткинській громаді після атаки дронів пошкоджено лінію електропередач.", "Шосткинській громаді", "Shostkynska hromada"),
    ("Рашисти гатили з артилерії по Нікопольському районі, зруйновано склад.", "Нікопольському районі", "Nikopolskyi Raion"),
    ("ВСУ обстреляли Шебекинский городской округ, повреждены дома.", "Шебекинский городской округ", "Shebekino"),
    ("Окупанти вдарили по Донеччині керованими авіабомбами.", "Донеччині", "Donetsk Oblast"),
    ("ВСУ атаковали Курщину ударными дронами.", "Курщину", "Kursk Oblast"),
    ("Украинские беспилотники атаковали Белгородчину.", "Белгородчину", "Belgorod Oblast"),
    ("Ракетний удар по Полтаві зруйнував дві будівлі, повідомили в Полтавській обл. після атаки.", "Полтаві", "Poltava"),
    ("Российские войска обстреляли Горловку в ДНР из артиллерии.", "ДНР", "Donetsk Oblast"),
    ("Обстрел по Луганску в ЛНР вели ВСУ из РСЗО.", "ЛНР", "Luhansk Oblast"),
])
def test_every_inflected_form(nlp, text, surface, place):
    pd = nlp(text)
    assert (surface, place) in [(m.surface, m.place.name) for m in pd.mentions if m.place is not None]


def test_a_region_inside_the_name_of_its_administration_is_no_place(nlp):
    pd = nlp("За даними Сумської ОВА, ворог атакував громаду дронами; Минобороны России не комментирует.")
    assert not [m for m in pd.mentions if m.surface.startswith(("Сумськ", "Росси"))]


def test_claimants_and_casualties(nlp):
    (uk,) = nlp("Начальник Полтавської ОВА повідомив, що окупанти вдарили по Кременчуку: загинув чоловік, поранено п'ятьох людей.").events
    (ru,) = nlp("Губернатор Брянской области сообщил, что ВСУ обстреляли Климово, погибли два человека.").events
    assert uk.claimant.startswith("Начальник Полтавської ОВА") and (uk.killed, uk.injured) == (1, 5)
    assert ru.claimant.startswith("Губернатор Брянской области") and ru.killed == 2 and ru.attacker == "UA"


def test_a_bullet_list_of_communities_under_a_heading(nlp):
    pd = nlp("Вночі ворог обстріляв прикордоння. Під обстрілами були населені пункти таких громад:\n"
             "• Краснопільська\n• Білопільська\n• Хотінська.")
    assert [e.location.place.name for e in pd.events] == ["Krasnopilska hromada", "Bilopilska hromada", "Khotinska hromada"]
    assert {e.attacker for e in pd.events} == {"RU"}


def test_a_unit_noun_said_once_and_left_out_the_second_time(nlp):
    pd = nlp("ВСУ обстреляли Грайворон в Белгородской области и Рыльск в Курской.")
    assert ("Курской", "Kursk Oblast") in [(m.surface, m.place.name) for m in pd.mentions if m.place is not None]
