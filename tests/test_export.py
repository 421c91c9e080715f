"""Exports read back: GDELT-style CSV, ICEWS-style TSV, PLOVER JSONL, flat CSV and Parquet."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_store_corpus import build_corpus

from tacitus.errors import InputError
from tacitus.export import FLAT_COLUMNS, GDELT_COLUMNS, ICEWS_COLUMNS, export_events
from tacitus.store import Store
from tacitus.store.filters import EventFilter

ACCUSATION = EventFilter(dyad=("RUS", "UKR"), code="1123")


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    path = build_corpus(tmp_path_factory.mktemp("export"), nlp)
    with Store(path, read_only=True) as opened:
        yield opened


def read_csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def export_text(store, fmt, f=None, clusters=False) -> tuple[int, str]:
    out = io.StringIO()
    n = export_events(store, fmt, out, f, clusters=clusters)
    return n, out.getvalue()


def test_gdelt_csv_columns_and_values(store):
    n, text = export_text(store, "gdelt-csv", ACCUSATION)
    rows = read_csv(text)
    assert n == len(rows) == 2
    assert tuple(text.splitlines()[0].split(",")) == GDELT_COLUMNS
    first = rows[0]
    assert {k: first[k] for k in ("SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name",
                                  "Actor1CountryCode", "Actor2Code", "Actor2CountryCode",
                                  "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                  "GoldsteinScale", "NumMentions", "NumSources", "NumArticles",
                                  "DatePrecision", "Modality", "IsRootEvent")} == {
        "SQLDATE": "20210510", "MonthYear": "202105", "Year": "2021", "Actor1Code": "RUS",
        "Actor1Name": "RUSSIA", "Actor1CountryCode": "RUS", "Actor2Code": "UKR",
        "Actor2CountryCode": "UKR", "EventCode": "1123", "EventBaseCode": "112",
        "EventRootCode": "11", "QuadClass": "3", "GoldsteinScale": "-2.0", "NumMentions": "2",
        "NumSources": "2", "NumArticles": "2", "DatePrecision": "day", "Modality": "asserted",
        "IsRootEvent": "1",
    }
    assert rows[0]["ClusterID"] == rows[1]["ClusterID"] != ""
    assert {r["DATEADDED"] for r in rows} == {"20210511", "20210512"}
    assert {r["SOURCEURL"] for r in rows} == {"ledger-0511b", "harbour-0512b"}  # no URL: doc_ref


def test_gdelt_places_and_one_row_per_cluster(store):
    _, text = export_text(store, "gdelt-csv", EventFilter(dyad=("JPN", "KOR"), date_to="2021-05-10"))
    geneva = read_csv(text)
    assert len(geneva) == 3
    assert {(r["ActionGeo_Type"], r["ActionGeo_FullName"], r["ActionGeo_CountryCode"]) for r in geneva} == \
        {("4", "Geneva", "CHE")}
    n, text = export_text(store, "gdelt-csv", EventFilter(dyad=("JPN", "KOR")), clusters=True)
    rows = read_csv(text)
    assert n == 2 and [r["NumMentions"] for r in rows] == ["3", "1"]
    n_all, _ = export_text(store, "gdelt-csv", clusters=True)
    assert n_all == store.count_clusters()


def test_icews_tsv(store):
    n, text = export_text(store, "icews-tsv", ACCUSATION)
    rows = read_csv(text, "\t")
    assert n == 2 and tuple(text.splitlines()[0].split("\t")) == ICEWS_COLUMNS
    by_publisher = {r["Publisher"]: r for r in rows}
    harbour = by_publisher["Harbour Post"]
    assert {k: harbour[k] for k in ("Event Date", "Source Name", "Source Country", "Event Text",
                                    "CAMEO Code", "Intensity", "Target Name", "Target Country",
                                    "Sentence Number", "Num Documents")} == {
        "Event Date": "2021-05-10", "Source Name": "Russia", "Source Country": "Russian Federation",
        "Event Text": "Accuse of aggression", "CAMEO Code": "1123", "Intensity": "-2.0",
        "Target Name": "Ukraine", "Target Country": "Ukraine", "Sentence Number": "1",
        "Num Documents": "2",
    }
    assert "\t" not in harbour["Sentence"] and harbour["Sentence"].startswith("Moscow accused Kyiv")


def test_plover_jsonl_leaves_out_codes_plover_drops(store):
    n, text = export_text(store, "plover-jsonl", ACCUSATION)
    records = [json.loads(line) for line in text.splitlines()]
    assert n == len(records) == 2
    rec = records[0]
    assert (rec["event"], rec["mode"], rec["cameo"], rec["date"]) == ("ACCUSE", "allege", "1123", "2021-05-10")
    assert rec["source"] == [{"actorText": "Moscow", "code": "RUS", "sector": None, "country": "RUS",
                              "name": "Russia"}]
    assert rec["target"][0]["code"] == "UKR" and rec["numMentions"] == 2
    everything = store.count_events()
    dropped = sum(1 for e in store.query_events(limit=1000) if not e.plover.get("event"))
    assert export_text(store, "plover-jsonl")[0] == everything - dropped


def test_flat_csv_and_parquet_hold_every_event(store, tmp_path):
    n, text = export_text(store, "csv")
    rows = read_csv(text)
    assert n == len(rows) == store.count_events()
    assert tuple(text.splitlines()[0].split(",")) == FLAT_COLUMNS
    assert all(r["cluster_id"] for r in rows)
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export_events(store, "parquet", path, EventFilter(actor="JPN")) == 4  # JPNGOV too
    table = pq.read_table(path)
    assert table.column_names == list(FLAT_COLUMNS) and table.num_rows == 4
    assert str(table.schema.field("doc_date").type) == "date32[day]"
    assert str(table.schema.field("goldstein").type) == "double"
    assert sorted(table.column("source_code").to_pylist()) == ["JPN", "JPN", "KOR", "KORGOV"]
    empty = tmp_path / "none.parquet"
    assert export_events(store, "parquet", empty, EventFilter(code="20")) == 0
    assert pq.read_table(empty).num_rows == 0


def test_export_errors_name_the_problem(store, tmp_path):
    with pytest.raises(InputError, match="unknown export format 'xml'; valid: gdelt-csv, icews-tsv"):
        export_events(store, "xml", tmp_path / "x.xml")
    with pytest.raises(InputError, match="parquet needs a file path"):
        export_events(store, "parquet", io.StringIO())
    with pytest.raises(InputError, match="cannot write the export"):
        export_events(store, "csv", tmp_path / "missing" / "x.csv")
