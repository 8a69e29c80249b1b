"""A report's focus and the containers it states decide between homonyms (sentences written here)."""

from __future__ import annotations

import pytest

from geo.pipeline import parse_text

KHARKIV_REPORT = ("Russian forces shelled Kupiansk, Izium and Chuhuiv in the Kharkiv region overnight, "
                  "the regional governor said. In {village}, two private houses were damaged by artillery fire.")
DONETSK_REPORT = ("Russian troops shelled Kramatorsk, Sloviansk and Kostiantynivka in the Donetsk region on Monday. "
                  "In {village}, a man was wounded and a house was destroyed, the governor said.")


def _mention(pd, surface):
    return next(m for m in pd.mentions if m.surface == surface)


def test_a_homonym_near_the_report_wins_over_a_larger_one_far_away(gazetteer):
    # Vilkhivka: a village in Zakarpattia (pop. 1,857) and one in the Kharkiv region (pop. 0 in GeoNames).
    pd = parse_text(KHARKIV_REPORT.format(village="Vilkhivka"), gazetteer=gazetteer)
    m = _mention(pd, "Vilkhivka")
    assert m.place is not None and m.place.admin1_code == "UA.07", m


@pytest.mark.parametrize("village", ["Zavydovo", "Zhniatyno", "Zarichovo"])
def test_a_small_place_far_from_a_one_region_report_is_kept_in_that_region(village, gazetteer):
    # Villages of Zakarpattia, 1,000 km from the report's places: a homonym the gazetteer lacks.
    pd = parse_text(DONETSK_REPORT.format(village=village), gazetteer=gazetteer)
    m = _mention(pd, village)
    assert m.place is None and m.container is not None and m.container.admin1_code == "UA.05"
    assert pd.events and all(e.location.place.admin1_code == "UA.05" for e in pd.events)


def test_a_far_place_the_report_names_with_its_region_stays(gazetteer):
    text = DONETSK_REPORT.format(village="Kostiantynivka") + " Drones also hit Zavydovo in the Zakarpattia region."
    m = _mention(parse_text(text, gazetteer=gazetteer), "Zavydovo")
    assert m.place is not None and m.place.admin1_code == "UA.25"


def test_a_big_city_far_from_the_focus_stays(gazetteer):
    text = DONETSK_REPORT.format(village="Sloviansk") + " Missiles also struck Lviv overnight."
    m = _mention(parse_text(text, gazetteer=gazetteer), "Lviv")
    assert m.place is not None and m.place.name == "Lviv"


@pytest.mark.parametrize("text, name, region", [
    ("Explosions were heard near Zyzzxivka in the Zaporizhzhia region, officials said.", "Zyzzxivka", "UA.26"),
    ("Vilkhivka in the Kharkiv region came under artillery fire on Sunday.", "Vilkhivka", "UA.07"),
    ("Vilkhivka, Kharkiv region, came under artillery fire on Sunday.", "Vilkhivka", "UA.07"),
])
def test_a_stated_container_restricts_the_reading(text, name, region, gazetteer):
    m = _mention(parse_text(text, gazetteer=gazetteer), name)
    where = m.place if m.place is not None else m.container
    assert where is not None and where.admin1_code == region, m


def test_a_country_then_a_verb_is_a_new_clause_not_a_container(gazetteer):
    pd = parse_text("Fighting continues near Lyptsi and Hlyboke, Russia says it has advanced.", gazetteer=gazetteer)
    assert not any(e.location.place.kind == "country" for e in pd.events)


@pytest.mark.parametrize("text, name, expected", [
    ("South Korea's president met the press on Monday.", "South Korea", "KR"),
    ("West Virginia police shot at during a traffic stop.", "West Virginia", "US"),
    ("Cities throughout Texas, United States have begun new efforts.", "United States", "US"),
    ("Officials in Butler, Clark, Hamilton and Warren counties met on Monday.", "Hamilton", "US"),
])
def test_names_that_look_like_grammar_stay_names(text, name, expected, gazetteer):
    m = _mention(parse_text(text, gazetteer=gazetteer), name)
    assert m.place is not None and m.place.country_code == expected, m


@pytest.mark.parametrize("text, name, expected", [
    ("Russian troops captured Artyomovsk, the Russian defence ministry said.", "Artyomovsk", "Bakhmut"),
    ("Russian troops fought near Ugledar and Avdeyevka, the ministry said.", "Ugledar", "Vuhledar"),
    ("Missiles hit Krivoi Rog and Lisichansk overnight.", "Krivoi Rog", "Kryvyy Rih"),
    ("Missiles hit Krivoi Rog and Lisichansk overnight.", "Lisichansk", "Lysychansk"),
    ("Residents of Kamenka-Dneprovskaya, on the reservoir's southern shore, reported blasts on Tuesday.", "Kamenka-Dneprovskaya",
     "Kamyanka-Dniprovska"),
])
def test_russian_spellings_find_the_ukrainian_town(text, name, expected, gazetteer):
    m = _mention(parse_text(text, gazetteer=gazetteer), name)
    assert m.place is not None and m.place.name == expected, m


@pytest.mark.parametrize("text, name, kind", [
    ("The settlers in Oklahoma built farms on the plains.", "Oklahoma", "adm1"),
    ("Tornadoes hit Kansas on Friday, officials said.", "Kansas", "adm1"),
])
def test_a_first_level_units_exact_name_is_the_unit(text, name, kind, gazetteer):
    assert _mention(parse_text(text, gazetteer=gazetteer), name).place.kind == kind


def test_prague_oklahoma_is_not_the_czech_capital(gazetteer):
    m = _mention(parse_text("Prague, Oklahoma celebrated its Kolache Festival.", gazetteer=gazetteer), "Prague")
    assert (m.place.country_code, m.place.admin1_code) == ("US", "US.OK")


@pytest.mark.parametrize("text, acronym, region", [
    ("Ukrainian forces shelled Horlivka and Yasynuvata (DPR) with artillery, the JCCC said.", "DPR", "UA.05"),
    ("Russian troops shelled settlements of the LPR overnight, Ukrainian officials said.", "LPR", "UA.14"),
])
def test_self_proclaimed_republics_are_their_oblasts(text, acronym, region, gazetteer):
    assert _mention(parse_text(text, gazetteer=gazetteer), acronym).place.admin1_code == region


def test_a_holiday_is_not_a_place(gazetteer):
    pd = parse_text("Ukrainians marked Independence Day in Kyiv as Russian drones flew overhead.", gazetteer=gazetteer)
    assert [m.surface for m in pd.mentions] == ["Kyiv"]


@pytest.mark.parametrize("text, expected", [
    ("The governor of Russia's Voronezh region said a drone hit a car near a village.", "Voronezh Oblast"),
    ("Ryazan Governor Pavel Malkov said a drone attacked an industrial site overnight.", "Ryazan’"),
    ("The head of the Kursk region said shelling damaged three houses.", "Kursk Oblast"),
])
def test_an_official_who_reports_an_attack_names_where_it_happened(text, expected, gazetteer):
    events = parse_text(text, gazetteer=gazetteer).events
    assert [e.location.place.name for e in events] == [expected]


def test_a_plain_title_is_not_an_event_place(gazetteer):
    pd = parse_text("The governor of the Belgorod region said talks with residents would continue.", gazetteer=gazetteer)
    assert pd.events == () and all(m.role == "other" for m in pd.mentions)


def test_a_list_member_read_in_another_region_than_its_list_and_report_is_a_homonym(gazetteer):
    # Vilkhivka: a village in Zakarpattia in the gazetteer; the list and the report are about Kharkiv region.
    text = ("Russian artillery shelled the Kharkiv region overnight, the governor said. As a result, Zolochiv, "
            "Vilkhivka, Derhachi and the city of Chuhuiv came under enemy fire.")
    m = _mention(parse_text(text, gazetteer=gazetteer), "Vilkhivka")
    where = m.place if m.place is not None else m.container
    assert where.admin1_code == "UA.07", m
