"""Roles of places in appositions and routes (issue 20): the rule that decided is recorded."""

import datetime as dt

from geo.model import EVENT_LOCATION, OTHER
from geo.pipeline import Pipeline


def _roles(text):
    doc = Pipeline()(text, id="t", published=dt.date(2025, 6, 10))
    return {m.surface: (m.role, m.role_rule) for m in doc.mentions}


def test_the_capital_named_in_apposition_is_where_the_blasts_were(gazetteer):
    roles = _roles("Reporters staying in Ukraine's capital, Kyiv, heard loud blasts before dawn.")
    assert roles["Kyiv"] == (EVENT_LOCATION, "capital_apposition")


def test_a_vehicle_struck_on_its_route_is_placed_by_the_route(gazetteer):
    roles = _roles("A drone struck a bus travelling from Kherson on Monday, wounding four passengers.")
    assert roles["Kherson"] == (EVENT_LOCATION, "vehicle_route")


def test_where_drones_were_launched_from_stays_an_origin(gazetteer):
    roles = _roles("Drones launched from Bryansk hit a warehouse in Chernihiv overnight.")
    assert roles["Bryansk"] == (OTHER, "origin")
    assert roles["Chernihiv"][0] == EVENT_LOCATION


def test_a_mayor_named_by_his_town_does_not_place_the_attack_there(gazetteer):
    roles = _roles("The mayor of Dnipro said he had heard that an explosion damaged a bridge in Zaporizhzhia.")
    assert roles["Dnipro"][0] == OTHER


def test_a_list_closed_by_a_unit_noun_after_worded_counts_in_brackets_names_regions(gazetteer):
    doc = Pipeline()("Air defences downed drones over Tula (three drones), Oryol (eleven drones) and Lipetsk (one drone) "
                     "regions overnight.", id="t", published=dt.date(2025, 6, 10))
    kinds = {m.surface: m.place.kind for m in doc.mentions if m.place}
    assert kinds == {"Tula": "adm1", "Oryol": "adm1", "Lipetsk": "adm1"}
