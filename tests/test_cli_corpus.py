"""The corpus commands end to end: events, dyad (with plots), actors, network, export, cluster."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from test_store_corpus import build_corpus

from tacitus.cli import main

# The Geneva meeting's representative: the most precise, earliest mention, then by document.
REPRESENTATIVE = "Japan and South Korea held talks in Geneva on Monday about fishing rights in the East Sea."


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> str:
    return str(build_corpus(tmp_path_factory.mktemp("cli"), nlp))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_events_with_filters_as_csv_and_jsonl(db, capsys):
    code, out, err = run(capsys, "events", "--db", db, "--dyad", "JPN", "KOR", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 4
    assert [r["date"] for r in rows] == ["2021-05-10"] * 3 + ["2021-05-19"]
    code, out, _ = run(capsys, "events", "--db", db, "--dyad", "JPN", "KOR", "--directed",
                       "--from", "2021-05-15", "--format", "jsonl")
    [event] = [json.loads(line) for line in out.splitlines()]
    assert (event["source"]["code"], event["target"]["code"], event["date"]) == ("JPN", "KOR", "2021-05-19")
    code, out, err = run(capsys, "events", "--db", db, "--actor", "RUS", "--code", "19",
                         "--no-historical", "--only", "asserted")
    assert code == 0 and out.count("\n") == 1  # the table's header only
    assert "events: 0 match" in err


def test_events_table_pages_and_says_how_many_match(db, capsys):
    code, out, err = run(capsys, "events", "--db", db, "--limit", "2", "--offset", "1")
    assert code == 0 and len(out.splitlines()) == 3  # header and two events
    assert err.startswith("events: ") and "(2-3 shown)" in err


def test_clusters_listing(db, capsys):
    code, out, err = run(capsys, "events", "--db", db, "--clusters", "--dyad", "JPN", "KOR", "--format", "jsonl")
    clusters = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [(c["num_mentions"], c["num_documents"], c["num_sources"]) for c in clusters] == \
        [(3, 2, 2), (1, 1, 1)]
    assert clusters[0]["representative"]["sentence"] == REPRESENTATIVE
    code, out, err = run(capsys, "events", "--db", db, "--clusters", "--code", "1123")
    assert code == 0 and out.splitlines()[0].split()[:5] == ["cluster_id", "date", "source", "cameo", "target"]
    assert "clusters: 1 match (all shown)" in err


def test_dyad_table_json_csv_and_plots(db, capsys, tmp_path):
    code, out, err = run(capsys, "dyad", "JPN", "KOR", "--db", db, "--freq", "week")
    assert code == 0 and out.splitlines() == [
        "period    events  JPN>KOR  KOR>JPN  coop  conflict  goldstein  mean  top codes",
        "2021-W19  3       1        2        3     0         3.0        1.0   040x3",
        "2021-W20  1       1        0        1     0         1.0        1.0   040x1",
    ]
    code, out, err = run(capsys, "dyad", "VNM", "KHM", "--db", db, "--freq", "month", "--format", "json")
    data = json.loads(out)
    assert data["periods"] == ["2021-05", "2021-06", "2021-07"] and data["excluded"] == {"year": 1}
    code, out, err = run(capsys, "dyad", "VNM", "KHM", "--db", db, "--freq", "month")
    assert "not placed at --freq month (dated too coarsely): 1 year" in err
    code, out, _ = run(capsys, "dyad", "JPN", "KOR", "--db", db, "--freq", "year", "--format", "csv", "--unique")
    # each cluster once, in its representative's direction: Geneva KOR->JPN, Tokyo JPN->KOR
    assert out.splitlines()[1:] == ["2021,JPN>KOR,1,1,0,0,0,1.0,1.0,040:1",
                                    "2021,KOR>JPN,1,1,0,0,0,1.0,1.0,040:1",
                                    "2021,both,2,2,0,0,0,2.0,1.0,040:2"]
    png, svg = tmp_path / "jpn-kor.png", tmp_path / "jpn-kor.svg"
    assert run(capsys, "dyad", "JPN", "KOR", "--db", db, "--plot", str(png))[0] == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert run(capsys, "dyad", "JPN", "KOR", "--db", db, "--freq", "day", "--plot", str(svg))[0] == 0
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    code, _, err = run(capsys, "dyad", "JPN", "KOR", "--db", db, "--plot", str(tmp_path / "x.pdf"))
    assert code == 1 and "cannot plot to .pdf; valid: .png, .svg" in err


def test_actors_and_network(db, capsys, tmp_path):
    code, out, _ = run(capsys, "actors", "--db", db, "--limit", "2", "--format", "csv")
    assert out.splitlines() == [
        "actor,events,as_source,as_target,out_degree,in_degree,goldstein_out,goldstein_in",
        # the adviser's warning that Kyiv would respond to any Russian attack targets Russia (130)
        "RUS,9,6,3,1,2,-8.0,11.6",
        "UKR,6,2,4,1,1,16.0,12.0",
    ]
    target = tmp_path / "net.graphml"
    code, out, err = run(capsys, "network", "--db", db, "--by", "country", "--min-weight", "2", "-o", str(target))
    graph = ET.parse(target).getroot()[-1]
    edges = {(e.get("source"), e.get("target")) for e in graph if e.tag.endswith("edge")}
    assert code == 0 and edges == {("RUS", "UKR"), ("UKR", "RUS"), ("JPN", "KOR"), ("KOR", "JPN"), ("VNM", "KHM"), ("KHM", "VNM")}
    assert "network: 6 actors, 6 edges written to" in err
    code, out, _ = run(capsys, "network", "--db", db, "--format", "json", "--actor", "VNM")
    assert {(link["source"], link["target"]) for link in json.loads(out)["links"]} == {("VNM", "KHM"), ("KHM", "VNM")}


def test_export_to_file_and_stdout(db, capsys, tmp_path):
    target = tmp_path / "events.tsv"
    code, _, err = run(capsys, "export", "--db", db, "--format", "icews-tsv", "-o", str(target), "--actor", "UKR")
    assert code == 0 and "exported 7 events as icews-tsv to" in err
    assert len(target.read_text().splitlines()) == 8
    code, out, err = run(capsys, "export", "--db", db, "--format", "gdelt-csv", "-o", "-", "--clusters", "--code", "057")
    assert code == 0 and "exported 2 clusters" in err
    assert [r["NumMentions"] for r in csv.DictReader(io.StringIO(out))] == ["2", "4"]
    code, _, err = run(capsys, "export", "--db", db, "--format", "parquet", "-o", "-")
    assert code == 1 and "parquet needs a file path" in err


def test_cluster_command_recomputes_and_reports(db, capsys, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(db, copy)
    code, out, _ = run(capsys, "cluster", "--db", str(copy), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["report"]["documents_indexed"] == 0
    assert data["corpus"]["distinct_documents"] == 7 and data["corpus"]["near_duplicates"] == 1
    assert data["report"]["corroborated"] == data["corpus"]["corroborated_clusters"] == 2
    code, out, _ = run(capsys, "cluster", "--db", str(copy), "--window-days", "0")
    assert code == 0 and "8 documents, 7 distinct" in out


def test_bad_filter_values_are_errors_not_tracebacks(db, capsys):
    code, _, err = run(capsys, "events", "--db", db, "--code", "4x")
    assert code == 1 and 'code must be a CAMEO code prefix of 2 to 4 digits ("04", "043")' in err
    with pytest.raises(SystemExit):
        main(["events", "--db", db, "--from", "yesterday"])
