"""run_all over a reference directory, the report table and its JSON form."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tacitus.errors import ConfigError, InputError
from tacitus.eval import TASKS, EvalReport, Metric, TaskResult, format_table, run_all
from tacitus.records import Actor, Event


def interstate_event(text: str, date: dt.date | None) -> list[Event]:
    """Whatever the text, one event from the United States to Iran."""
    src = Actor("USAGOV", "USA", "GOV", None, "", (0, 1))
    tgt = Actor("IRN", "IRN", None, None, "", (2, 3))
    return [Event("e", "d", "r", 0, text, 0, 0, src, tgt, "042", "04", 1.9, 1,
                  {"event": "CONSULT"}, {}, None, None, 0.9)]


def no_events(text: str, date: dt.date | None) -> list[Event]:
    return []


@pytest.fixture()
def tiny_reference(tmp_path: Path) -> Path:
    """A reference directory with every gold file, in the real formats, with invented content."""
    (tmp_path / "ConfliBERT" / "cameo_class").mkdir(parents=True)
    (tmp_path / "ConfliBERT" / "cameo_ner").mkdir(parents=True)
    (tmp_path / "agnews").mkdir()
    petr = ('<Validation><Sentences>\n<Sentence category="A" date="20200202" id="S1" evaluate="true"/>\n'
            '<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="IRN" />\n'
            "<Text>\nThe American envoy travelled to Tehran.\n</Text>\n</Sentence>\n"
            '<Sentence category="A" date="20200203" id="S2" evaluate="true"/>\n'
            '<EventCoding noevents="True" />\n<Text>\nIt snowed.\n</Text>\n</Sentence>\n'
            "</Sentences></Validation>\n")
    for name in ("PETR2_GSR_validation.xml", "PETR.UnitTest.records.xml", "PETR_Validate_records_2_02.xml"):
        (tmp_path / name).write_text(petr, encoding="utf-8")
    actors = "ENVOY_ZOR [ZOR]\n\t[ZORGOV 20190101-20201231]\n"  # a dated entry no record names
    for name in ("PETR.Validate.actors.txt", "PETR_Validate_actors_2_02.txt"):
        (tmp_path / name).write_text(actors, encoding="utf-8")
    plover = [{"event": "DOCUMENT"}, {"id": "G1", "event": "CONSULT", "text": "Envoys met in Oman."}]
    (tmp_path / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(plover), encoding="utf-8")
    (tmp_path / "ConfliBERT/cameo_class/test.tsv").write_text("Envoys met.\t1\r\nA bomb fell.\t4\r\n")
    (tmp_path / "ConfliBERT/cameo_ner/test.txt").write_text("Iran B-S\nprotested O\n. O\n")
    (tmp_path / "agnews/test.csv").write_text('"2","Derby","A win."\n"1","Summit","Leaders meet."\n')
    return tmp_path


def test_run_all_on_a_tiny_reference(tiny_reference: Path) -> None:
    report = run_all(interstate_event, tiny_reference)
    assert [r.task for r in report.results] == list(TASKS)
    assert report.result("petr2_gsr").value("dyad_root_f1") == pytest.approx(2 / 3)  # tp 1, fp 1
    assert report.result("petr2_gsr").value("strict_f1") == pytest.approx(2 / 3)  # same codes
    assert report.result("plover_gsr").value("event_accuracy") == 1.0
    assert report.result("cameo_pentaclass").value("accuracy") == 0.5
    assert report.result("cameo_ner").value("source_f1") == 1.0  # span (0, 1) is the token "Iran"
    assert report.result("agnews").value("interstate_sports") == 1.0
    assert report.result("petr_unit").items == 2
    assert report.result("petr_unit_dates").items == 0  # no record names a dated actor
    data = report.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["results"][0]["errors"][0]["gold"] == ["(no event)"]


def test_run_all_selects_tasks_and_limits(tiny_reference: Path) -> None:
    report = run_all(no_events, tiny_reference, tasks=["agnews", "petr2_gsr"], limit=1)
    assert [(r.task, r.items) for r in report.results] == [("agnews", 1), ("petr2_gsr", 1)]
    assert report.limit == 1
    with pytest.raises(KeyError, match="tasks run: agnews, petr2_gsr"):
        report.result("cameo_ner")


def test_run_all_errors(tiny_reference: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown evaluation task\(s\) \['nope'\]; valid tasks: petr2_gsr"):
        run_all(no_events, tiny_reference, tasks=["nope"])
    (tiny_reference / "agnews" / "test.csv").unlink()
    with pytest.raises(InputError, match=r"gold file\(s\) missing: .*agnews/test\.csv"):
        run_all(no_events, tiny_reference)


def test_format_table_exact() -> None:
    report = EvalReport("/ref", None, [
        TaskResult("petr2_gsr", 4, 0.05, [
            Metric("dyad_root_precision", 0.5, "tp=1 fp=1 fn=0"),
            Metric("dyad_root_recall", 1.0, "tp=1 fp=1 fn=0"),
            Metric("exact_code_accuracy", 1.0, "1/1"),
        ]),
        TaskResult("agnews", 2, 0.001, [Metric("interstate_world", 0.0, "0/1")]),
    ])
    assert format_table(report) == "\n".join([
        "task       items  ms/item  metric               value  detail",
        "---------  -----  -------  -------------------  -----  --------------",
        "petr2_gsr      4     12.5  dyad_root_precision  0.500  tp=1 fp=1 fn=0",
        "                           dyad_root_recall     1.000",
        "                           exact_code_accuracy  1.000  1/1",
        "agnews         2      0.5  interstate_world     0.000  0/1",
    ])


def test_real_reference_empty_and_interstate_coders(reference_dir: Path) -> None:
    empty = run_all(no_events, reference_dir)
    assert empty.result("petr2_gsr").value("dyad_root_recall") == 0.0
    assert empty.result("cameo_ner").value("span_recall") == 0.0
    assert empty.result("agnews").value("interstate_sports_scitech") == 0.0
    assert empty.result("agnews").items == 7600
    always = run_all(interstate_event, reference_dir, tasks=["agnews"], limit=200)
    assert always.result("agnews").items == 200
    assert always.result("agnews").value("interstate_sports_scitech") == 1.0
    assert always.result("agnews").value("interstate_world") == 1.0
