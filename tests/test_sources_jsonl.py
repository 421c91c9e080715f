"""JSON Lines and JSON documents: good records read, each bad line its own Rejection."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from tacitus.records import RawInput, Rejection
from tacitus.sources import ReaderOptions, read_inputs
from tacitus.sources.jsonl import read_jsonl, record_from_object

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def test_batch_fixture_reads_good_lines_and_rejects_each_bad_one():
    origin = str(FIXTURES / "batch.jsonl")
    items = list(read_inputs([origin]))
    assert [(type(i).__name__, i.record) for i in items] == [
        ("RawInput", "line 1"), ("RawInput", "line 3"), ("Rejection", "line 4"),
        ("Rejection", "line 5"), ("Rejection", "line 6"), ("Rejection", "line 7"),
        ("Rejection", "line 8"), ("Rejection", "line 9"), ("RawInput", "line 10"),
    ]
    first, second = items[0], items[1]
    assert first == RawInput(origin, "line 1", "geneva-1", "article",
                             "Armenia and Azerbaijan resumed border talks in Geneva.",
                             url="https://news.example/geneva-1", title="Talks resume",
                             date="2024-03-04", source="Example Wire")
    assert (second.kind, second.ref, second.date) == ("html", f"{origin}#line3", "2024-06-25")
    assert [i.reason for i in items if isinstance(i, Rejection)] == [
        "invalid JSON: Expecting ',' delimiter at col 42",
        "record has neither 'text' nor 'html'",
        "field 'text' must be a string, got list",
        "field 'source' must be a string, got int",
        "empty record",
        "record is not a JSON object (got list)",
    ]
    # ref falls back to origin#lineN when the id is unusable or absent.
    assert [i.ref for i in items if isinstance(i, Rejection)] == [
        f"{origin}#line4", f"{origin}#line5", "12", "13", "14", f"{origin}#line9"]
    assert items[-1].ref == "15"


def test_record_checks_types_and_prefers_text_over_html():
    both = record_from_object({"text": "Plain body.", "html": "<p>Page</p>", "id": 0}, "o", "line 1", "o#line1")
    assert (both.kind, both.content, both.ref) == ("article", "Plain body.", "0")
    blank_text = record_from_object({"text": " ", "html": "<p>Page</p>"}, "o", "line 1", "o#line1")
    assert (blank_text.kind, blank_text.content) == ("html", "<p>Page</p>")
    nulls = record_from_object({"text": "Body.", "url": None, "id": None}, "o", "line 2", "o#line2")
    assert (nulls.url, nulls.ref) == (None, "o#line2")
    bad_id = record_from_object({"text": "Body.", "id": True}, "o", "line 3", "o#line3")
    assert bad_id == Rejection("o", "line 3", "field 'id' must be a string or integer, got bool", "o#line3")
    assert record_from_object({"text": 5}, "o", "line 4", "r").reason == "field 'text' must be a string, got int"
    assert record_from_object({"html": {}}, "o", None, "r").reason == "field 'html' must be a string, got object"
    assert record_from_object({"text": "x", "date": 2024}, "o", None, "r").reason == (
        "field 'date' must be a string, got int")


def test_record_text_is_repaired_and_newlines_normalised():
    item = record_from_object({"text": "NorthÂ Korea’s envoy\r\nleft.", "title": "  Envoy\x00 "},
                              "o", "line 1", "r")
    assert (item.content, item.title) == ("North Korea’s envoy\nleft.", "Envoy")


def test_oversize_line_is_rejected_and_reading_goes_on():
    lines = [json.dumps({"text": "short one"}), json.dumps({"text": "x" * 500}), json.dumps({"text": "short two"})]
    stream = io.BytesIO(("\n".join(lines) + "\n").encode())
    items = list(read_jsonl(stream, "big.jsonl", max_bytes=100))
    assert [(type(i).__name__, i.record) for i in items] == [
        ("RawInput", "line 1"), ("Rejection", "line 2"), ("RawInput", "line 3")]
    assert items[1].reason == "record larger than 100 bytes"
    assert items[2].content == "short two"


def test_blank_only_jsonl_is_an_empty_file(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\t\n")
    assert list(read_inputs([str(path)])) == [Rejection(str(path), None, "empty file")]


def test_cp1252_line_still_decodes(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"text": "Côte d’Ivoire recalled its envoy."}\n'.encode("cp1252"))
    [item] = read_inputs([str(path)])
    assert item.content == "Côte d’Ivoire recalled its envoy."


def test_json_document_forms(tmp_path):
    single = tmp_path / "one.json"
    single.write_text('{\n  "id": "doc-9",\n  "text": "Chile and Peru signed a fisheries accord."\n}\n')
    listed = tmp_path / "many.json"
    listed.write_text('[{"text": "First."}, {"title": "no body"}, "str"]')
    lines = tmp_path / "lines.json"
    lines.write_text('{"text": "A."}\n{"text": "B."}\n')
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "text": "unterminated\n')
    scalar = tmp_path / "scalar.json"
    scalar.write_text('"just a string"')
    items = list(read_inputs([str(p) for p in (single, listed, lines, broken, scalar)]))
    assert items[0] == RawInput(str(single), None, "doc-9", "article", "Chile and Peru signed a fisheries accord.")
    assert [(i.record, getattr(i, "reason", None)) for i in items[1:4]] == [
        ("item 1", None), ("item 2", "record has neither 'text' nor 'html'"),
        ("item 3", "record is not a JSON object (got string)")]
    assert [(i.record, i.content) for i in items[4:6]] == [("line 1", "A."), ("line 2", "B.")]
    assert items[6] == Rejection(str(broken), None, "invalid JSON: Invalid control character at line 2 col 24")
    assert items[7] == Rejection(str(scalar), None, "JSON document must be an object or a list of objects, got string")
    assert len(items) == 8


def test_oversize_json_array_is_rejected_but_big_jsonl_named_json_streams(tmp_path):
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"text": "x" * 80}, {"text": "y" * 80}]))
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps({"text": "x" * 80}) + "\n" + json.dumps({"text": "y" * 80}) + "\n")
    items = list(read_inputs([str(array), str(lines)], ReaderOptions(max_bytes=120)))
    assert items[0] == Rejection(str(array), None,
                                 "JSON document larger than 120 bytes (write big batches as JSON Lines)")
    assert [(i.record, i.content[0]) for i in items[1:]] == [("line 1", "x"), ("line 2", "y")]


def test_gzipped_jsonl_and_truncated_gzipped_jsonl(tmp_path):
    body = "".join(json.dumps({"id": n, "text": f"Report number {n} " + "filler " * 40}) + "\n"
                   for n in range(200)).encode()
    whole = tmp_path / "batch.jsonl.gz"
    whole.write_bytes(gzip.compress(body))
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    good = list(read_inputs([str(whole)]))
    assert len(good) == 200 and all(isinstance(i, RawInput) for i in good)
    assert good[199].ref == "199"
    partial = list(read_inputs([str(cut)]))
    *read, last = partial
    assert all(isinstance(i, RawInput) for i in read) and 0 < len(read) < 200
    assert last == Rejection(str(cut), f"line {len(read) + 1}", "truncated gzip stream")


def test_truncated_gzipped_json_names_its_damage(tmp_path):
    lines = gzip.compress(b"".join(b'{"text": "Line %d."}\n' % n for n in range(50)))
    array = gzip.compress(json.dumps([{"text": f"Item {n}."} for n in range(50)]).encode())
    cut_lines, cut_array = tmp_path / "lines.json.gz", tmp_path / "array.json.gz"
    cut_lines.write_bytes(lines[:-30])
    cut_array.write_bytes(array[:-30])
    *good, last = read_inputs([str(cut_lines)])
    assert len(good) > 0 and all(isinstance(i, RawInput) for i in good)
    assert last == Rejection(str(cut_lines), f"line {len(good) + 1}", "truncated gzip stream")
    assert list(read_inputs([str(cut_array)])) == [Rejection(str(cut_array), None, "truncated gzip stream")]
