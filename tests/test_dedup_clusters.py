"""Event clustering rules on hand-made mentions: dyads, symmetric codes, date windows and
precision, locations, family-scoped one-sided events, deterministic ids and counts."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tacitus.corpus.clustering import (
    Mention,
    block_of,
    build_clusters,
    cluster_id,
    cluster_mentions,
    interval,
    is_symmetric,
)

COUNTRIES = {"USA", "PRK", "KOR", "JPN", "CHN"}


def actor(code: str | None) -> tuple[str | None, str | None, str | None]:
    """(code, country, sector) the way the coder writes them."""
    if code is None:
        return None, None, None
    if code in {"GOV", "MIL", "CVL"}:
        return code, None, code
    country = code[:3] if code[:3] in COUNTRIES else None
    sector = (code[3:6] or None) if country else ("IGO" if code.startswith("IGO") else None)
    return code, country, sector


def m(eid: str, src: str | None, cameo: str, tgt: str | None, date: str | None, *, doc: str = "",
      family: str = "", outlet: str | None = "Wire", loc: str | None = None,
      doc_date: dt.date | None = dt.date(1997, 11, 27)) -> Mention:
    precision = None if date is None else {10: "day", 7: "month", 4: "year"}[len(date)]
    doc = doc or f"doc-{eid}"
    return Mention(eid, doc, family or doc, outlet, doc_date, 0, *actor(src), *actor(tgt), cameo,
                   1.0, date, precision, loc)


def groups(mentions: list[Mention], window: int = 1) -> list[list[str]]:
    return sorted(sorted(x.event_id for x in c) for c in cluster_mentions(mentions, window))


def test_interval_of_each_precision():
    assert interval("1997-11-26", "day") == (dt.date(1997, 11, 26),) * 2
    assert interval("1996-02", "month") == (dt.date(1996, 2, 1), dt.date(1996, 2, 29))
    assert interval("1997", "year") == (dt.date(1997, 1, 1), dt.date(1997, 12, 31))
    assert interval(None, None) is None and interval("1997-13", "month") is None


def test_symmetric_codes():
    assert [is_symmetric(c) for c in ("040", "043", "046", "036", "057", "062", "030", "051", "190")] == \
        [True, True, True, True, True, True, False, False, False]


def test_a_meeting_in_either_direction_is_one_cluster_but_an_accusation_is_not():
    meetings = [m("a", "USAGOV", "040", "PRK", "1997-11-26"), m("b", "PRK", "043", "USA", "1997-11-26")]
    assert block_of(meetings[0]) == block_of(meetings[1]) == "04|PRK|USA"
    assert groups(meetings) == [["a", "b"]]
    accusations = [m("a", "USA", "112", "PRK", "1997-11-26"), m("b", "PRK", "112", "USA", "1997-11-26")]
    assert groups(accusations) == [["a"], ["b"]]
    # a directed code never joins a cluster whose members point the other way
    mixed = [m("a", "USA", "046", "PRK", "1997-11-26"), m("b", "PRK", "046", "USA", "1997-11-26"),
             m("c", "USA", "036", "PRK", "1997-11-26"), m("d", "PRK", "030", "USA", "1997-11-26")]
    assert groups(mixed) == [["a", "b", "c"], ["d"]]


def test_day_precise_dates_merge_within_the_window_and_never_chain():
    days = [m("a", "USA", "040", "PRK", "1997-11-24"), m("b", "USA", "040", "PRK", "1997-11-25"),
            m("c", "USA", "040", "PRK", "1997-11-26"), m("d", "USA", "040", "PRK", "1997-11-27")]
    assert groups(days) == [["a", "b"], ["c", "d"]]  # complete linkage: a and c are 2 days apart
    assert groups(days, window=0) == [["a"], ["b"], ["c"], ["d"]]
    assert groups(days, window=3) == [["a", "b", "c", "d"]]
    with pytest.raises(ValueError, match="window_days must be 0 or more"):
        cluster_mentions(days, -1)


def test_coarse_dates_join_only_what_they_contain():
    found = [m("a", "USA", "040", "PRK", "1997-11-26"), m("b", "USA", "040", "PRK", "1997-11"),
             m("c", "USA", "040", "PRK", "1997-12"), m("d", "USA", "040", "PRK", "1997"),
             m("e", "USA", "040", "PRK", "1998")]
    # the month joins the day it contains; "1997" contains that cluster's day and month, so it
    # joins the earliest compatible cluster; December cannot join November
    assert groups(found) == [["a", "b", "d"], ["c"], ["e"]]


def test_location_countries_must_agree_when_both_are_known():
    found = [m("a", "USA", "040", "PRK", "1997-11-26", loc="CHE"),
             m("b", "USA", "040", "PRK", "1997-11-26", loc=None),
             m("c", "USA", "040", "PRK", "1997-11-26", loc="CHN")]
    assert groups(found) == [["a", "b"], ["c"]]


def test_actors_compare_by_country_except_in_a_domestic_dyad():
    assert block_of(m("a", "USAGOV", "040", "PRKGOV", "1997-11-26")) == "04|PRK|USA"
    assert groups([m("a", "USAGOV", "040", "PRK", "1997-11-26"), m("b", "USA", "040", "PRKGOV", "1997-11-26")]) == [["a", "b"]]
    assert block_of(m("a", "KORGOV", "140", "KORCVL", "1997-11-26")) == "14|KORCVL|KORGOV"


def test_events_without_an_identified_side_cluster_only_within_a_document_family():
    one_sided = [m("a", "USA", "051", None, "1997-11-26", doc="d1"),
                 m("b", "USA", "051", None, "1997-11-26", doc="d1"),
                 m("c", "USA", "051", None, "1997-11-26", doc="d2"),
                 m("d", "USA", "051", None, "1997-11-26", doc="d3", family="d1")]
    assert block_of(one_sided[0]) == "05||USA|d1"
    built = build_clusters(one_sided)
    assert sorted(sorted(x.event_id for x in members) for _, members in built) == [["a", "b", "d"], ["c"]]
    generic = m("e", "GOV", "051", "PRK", "1997-11-26")
    assert block_of(generic) == f"05|GOV|PRK|{generic.family}"  # a bare sector is not identified


def test_undated_mentions_cluster_only_with_undated_ones_of_their_family():
    found = [m("a", "USA", "040", "PRK", None, doc="d1"), m("b", "USA", "040", "PRK", None, doc="d1"),
             m("c", "USA", "040", "PRK", None, doc="d2"), m("d", "USA", "040", "PRK", "1997-11-26", doc="d1")]
    assert groups(found) == [["a", "b"], ["c"], ["d"]]


def test_ids_and_summaries_do_not_depend_on_input_order():
    found = [m("a", "PRK", "043", "USA", "1997-11", doc="d1", outlet="Wire"),
             m("b", "USAGOV", "042", "PRK", "1997-11-26", doc="d2", outlet="Herald", loc="CHE",
               doc_date=dt.date(1997, 11, 27)),
             m("c", "USA", "042", "PRK", "1997-11-26", doc="d3", family="d2", outlet="Herald",
               doc_date=dt.date(1997, 11, 28)),
             m("d", "USA", "040", "PRK", "1997-11-25", doc="d4", outlet=None, doc_date=dt.date(1997, 11, 25))]
    shuffled = found[:]
    random.Random(7).shuffle(shuffled)
    [(first, members)] = build_clusters(found)
    [(second, _)] = build_clusters(shuffled)
    assert first == second and first.cluster_id == cluster_id(["d", "c", "b", "a"])
    assert [x.event_id for x in members] == ["d", "b", "c", "a"]  # day-precise and earliest first
    assert (first.source, first.target, first.date, first.cameo) == ("USA", "PRK", "1997-11-25", "042")
    assert (first.date_start, first.date_end) == (dt.date(1997, 11, 1), dt.date(1997, 11, 30))
    assert (first.first_report, first.last_report) == (dt.date(1997, 11, 25), dt.date(1997, 11, 28))
    # d2 and its copy d3 count once; an unnamed outlet counts as a source of its own
    assert (first.num_mentions, first.num_documents, first.num_sources) == (4, 3, 3)
    assert (first.location_country, first.quad_class, first.symmetric) == ("CHE", 1, True)
    assert first.doc_ids == ["d4", "d2", "d3", "d1"]
