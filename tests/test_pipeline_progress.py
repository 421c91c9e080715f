"""The progress line: what it says, how often it redraws, and the cheap pre-count behind its ETA."""

from __future__ import annotations

import io
import json

from tacitus.pipeline import IngestReport
from tacitus.progress import ProgressLine, count_inputs, render


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_line_says_rate_events_rejections_and_time_left():
    report = IngestReport(inputs=1234, events=457, rejected=3)
    assert render(report, 20.0, 7600) == "1,234/7,600 inputs  61.7 docs/s  events 457  rejected 3  ETA 1:43"
    assert render(report, 20.0, None) == "1,234 inputs  61.7 docs/s  events 457  rejected 3"
    assert render(IngestReport(inputs=10), 1.0, 40_000).endswith("ETA 1:06:39")


def test_the_line_is_redrawn_in_place_at_most_four_times_a_second():
    out, clock = io.StringIO(), Clock()
    line = ProgressLine(out, total=None, clock=clock)
    report = IngestReport(inputs=32, events=5)
    clock.now += 2.0
    line.update(report)
    report.inputs = 64
    clock.now += 0.1
    line.update(report)  # too soon: not drawn
    clock.now += 0.2
    line.update(report)
    assert out.getvalue() == "\r32 inputs  16.0 docs/s  events 5  rejected 0" + "\r64 inputs  27.8 docs/s  events 5  rejected 0"
    line.clear()
    assert out.getvalue().endswith("\r" + " " * 44 + "\r")


def test_inputs_are_counted_by_file_and_by_json_line(tmp_path):
    (tmp_path / "a.txt").write_text("one story", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>another</p>", encoding="utf-8")
    (tmp_path / "sub" / "feed.jsonl").write_text("\n".join(json.dumps({"text": str(i)}) for i in range(5)), encoding="utf-8")
    assert count_inputs([str(tmp_path)]) == 7
    assert count_inputs([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]) == 2  # a rejection is an input too
    (tmp_path / "archive.warc.gz").write_bytes(b"")
    assert count_inputs([str(tmp_path)]) is None  # the records of a WARC are not known up front
    assert count_inputs(["-"]) is None
