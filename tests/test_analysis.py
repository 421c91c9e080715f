"""Dyad series, actor activity and networks over the shared corpus (test_store_corpus)."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from test_store_corpus import build_corpus

from tacitus.analysis import (
    actor_activity,
    dyad_series,
    event_network,
    network_graphml,
    network_json,
    period_key,
    period_range,
)
from tacitus.store import Store
from tacitus.store.filters import EventFilter, FilterError

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    path = build_corpus(tmp_path_factory.mktemp("analysis"), nlp)
    with Store(path, read_only=True) as opened:
        yield opened


def events(series, side):
    return [p.events for p in getattr(series, side)]


@pytest.mark.parametrize("date, precision, freq, key", [
    ("1997-11-26", "day", "day", "1997-11-26"),
    ("1997-11-26", "day", "week", "1997-W48"),
    ("1997-12-29", "day", "week", "1998-W01"),  # the ISO year
    ("1997-11-26", "day", "month", "1997-11"),
    ("1997-11-26", "day", "year", "1997"),
    ("1997-11", "month", "month", "1997-11"),
    ("1997-11", "month", "year", "1997"),
    ("1997-11", "month", "week", None),
    ("1997-11", "month", "day", None),
    ("1997", "year", "month", None),
    (None, None, "year", None),
])
def test_period_keys_respect_date_precision(date, precision, freq, key):
    assert period_key(date, precision, freq) == key


def test_period_ranges_fill_gaps():
    assert period_range("1997-11", "1998-02", "month") == ["1997-11", "1997-12", "1998-01", "1998-02"]
    assert period_range("1997-W52", "1998-W02", "week") == ["1997-W52", "1998-W01", "1998-W02"]
    assert period_range("1996-02-28", "1996-03-01", "day") == ["1996-02-28", "1996-02-29", "1996-03-01"]
    assert period_range("1999", "2001", "year") == ["1999", "2000", "2001"]


def test_dyad_series_both_directions_and_combined(store):
    week = dyad_series(store, "jpn", "KOR", freq="week")
    assert (week.a, week.b, week.periods) == ("JPN", "KOR", ["2021-W19", "2021-W20"])
    assert events(week, "a_to_b") == [1, 1]  # Geneva (JPN->KOR), Tokyo
    assert events(week, "b_to_a") == [2, 0]  # Geneva, KOR->JPN and KORGOV->JPNGOV
    assert events(week, "combined") == [3, 1]
    geneva = week.combined[0]
    assert geneva.quad_counts == [3, 0, 0, 0] and geneva.top_codes() == [("040", 3)]
    assert (geneva.goldstein_sum, geneva.goldstein_mean) == (3.0, 1.0)
    day = dyad_series(store, "JPN", "KOR", freq="day")
    assert len(day.periods) == 10 and events(day, "combined")[0] == 3 and events(day, "combined")[-1] == 1
    assert sum(events(day, "combined")[1:-1]) == 0  # empty days are kept, for charts


def test_coarser_dates_are_counted_only_at_a_coarse_enough_frequency(store):
    year = dyad_series(store, "VNM", "KHM", freq="year")
    assert (year.periods, events(year, "combined"), year.excluded) == (["2019", "2020", "2021"], [1, 0, 3], {})
    month = dyad_series(store, "VNM", "KHM", freq="month")
    assert month.periods == ["2021-05", "2021-06", "2021-07"]
    assert (events(month, "a_to_b"), events(month, "b_to_a")) == ([1, 0, 1], [1, 0, 0])
    assert month.excluded == {"year": 1}
    week = dyad_series(store, "VNM", "KHM", freq="week")
    assert (week.periods, week.excluded) == ([], {"month": 3, "year": 1})


def test_filters_and_unique_counting(store):
    recent = dyad_series(store, "VNM", "KHM", freq="year", f=EventFilter(include_historical=False))
    assert (recent.periods, events(recent, "combined")) == (["2021"], [3])
    unique = dyad_series(store, "VNM", "KHM", freq="month", unique=True)
    assert events(unique, "combined") == [1, 0, 1]  # both signings are one cluster
    geneva = dyad_series(store, "JPN", "KOR", freq="month", unique=True)
    assert events(geneva, "combined") == [2]  # the Geneva meeting once, Tokyo once
    assert dyad_series(store, "JPN", "KOR", f=EventFilter(code="19")).periods == []
    with pytest.raises(FilterError, match="unknown frequency 'quarter'; valid: day, week, month, year"):
        dyad_series(store, "JPN", "KOR", freq="quarter")


def test_series_json_shape(store):
    data = dyad_series(store, "RUS", "UKR", freq="year").to_json()
    assert set(data) == {"a", "b", "freq", "unique", "periods", "a_to_b", "b_to_a", "combined", "excluded"}
    [year2021] = [p for p in data["combined"] if p["period"] == "2021"]
    assert year2021 == {
        "period": "2021", "events": 2,
        "quad_classes": {"verbal_cooperation": 0, "material_cooperation": 0,
                         "verbal_conflict": 2, "material_conflict": 0},
        "goldstein_sum": -4.0, "goldstein_mean": -2.0, "top_codes": [{"code": "1123", "events": 2}],
    }
    json.dumps(data)  # plain JSON all the way down


def test_actor_activity_counts_sides_and_partners(store):
    by_code = {a.actor: a for a in actor_activity(store, limit=100)}
    rus = by_code["RUS"]
    # two accusations, two signings, two month-dated attacks with no target; two signings back
    # (both copies of the grain deal: "Russia and Ukraine signed agreements" is mutual), and the
    # Ukrainian adviser's warning that Kyiv would respond to any Russian attack (UKRGOV 130 RUS)
    assert (rus.as_source, rus.as_target, rus.out_degree, rus.in_degree) == (6, 3, 1, 2)
    assert (rus.events, rus.goldstein_out, rus.goldstein_in) == (9, -8.0, 11.6)
    top = actor_activity(store, limit=2)
    assert [a.actor for a in top] == ["RUS", "UKR"]
    by_country = {a.actor: a for a in actor_activity(store, limit=100, by="country")}
    assert by_country["JPN"].as_source + by_country["JPN"].as_target == 4
    assert by_code["JPN"].as_source + by_code["JPN"].as_target == 3  # JPNGOV is its own code
    assert actor_activity(store, limit=0) == []
    with pytest.raises(FilterError, match="unknown actor key 'name'; valid: code, country"):
        actor_activity(store, by="name")


def test_network_edges_and_writers(store):
    net = event_network(store, f=EventFilter(date_from=dt.date(2021, 5, 1), date_to=dt.date(2021, 5, 31)))
    edges = {(e.source, e.target): e for e in net.edges}
    assert set(edges) == {("JPN", "KOR"), ("KOR", "JPN"), ("KORGOV", "JPNGOV"), ("RUS", "UKR"),
                          ("VNM", "KHM"), ("KHM", "VNM")}
    assert (edges[("JPN", "KOR")].weight, edges[("RUS", "UKR")].weight) == (2, 2)
    assert edges[("RUS", "UKR")].quad_counts == (0, 0, 2, 0)
    assert [n.id for n in net.nodes] == ["JPN", "JPNGOV", "KHM", "KOR", "KORGOV", "RUS", "UKR", "VNM"]
    data = network_json(net)
    assert data["directed"] is True and len(data["links"]) == 6 and len(data["nodes"]) == 8
    assert data == net.to_json()
    root = ET.fromstring(network_graphml(net))
    graph = root.find(f"{GRAPHML}graph")
    assert graph.get("edgedefault") == "directed"
    assert len(graph.findall(f"{GRAPHML}node")) == 8
    [edge] = [e for e in graph.findall(f"{GRAPHML}edge") if (e.get("source"), e.get("target")) == ("RUS", "UKR")]
    weight = {d.get("key"): d.text for d in edge.findall(f"{GRAPHML}data")}
    assert weight["weight"] == "2" and weight["verbal_conflict"] == "2"
    assert len(event_network(store, min_weight=3).edges) == len(
        [e for e in event_network(store).edges if e.weight >= 3])
