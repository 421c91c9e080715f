"""Hypothesis properties for the readers: any bytes, under any file name or on standard input,
come back as well-formed RawInputs and Rejections, and reading never raises."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from pathlib import Path

import pytest
from badinputs import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from tacitus.records import RawInput, Rejection
from tacitus.sources import ReaderOptions, read_inputs

FUZZ = fuzz_settings()
EXTENSIONS = ("", ".txt", ".html", ".jsonl", ".json", ".warc", ".gz", ".warc.gz", ".txt.gz", ".png")
OPTIONS = ReaderOptions(max_bytes=4096)  # small, so that the size limits are met too

# Beginnings that send the bytes down each reader's path, followed by anything.
HEADS = (
    b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1f\x8b", b"WARC/1.0\r\n", b"WARC/1.1\r\nWARC-Type: response\r\n",
    b"filedesc://", b"{", b'{"text": ', b"[", b"<html>", b"<!doctype html><p>", b"\x89PNG\r\n\x1a\n",
    b"%PDF-", b"\x7fELF", b"PK\x03\x04",
)
payloads = st.one_of(
    st.binary(max_size=2048),
    st.tuples(st.sampled_from(HEADS), st.binary(max_size=1024)).map(b"".join),
    st.text(max_size=600).map(lambda t: t.encode("utf-8")),
    st.text(max_size=300).map(lambda t: t.encode("utf-16-le")),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-sources")


def _check(items: list[RawInput | Rejection], origin: str) -> None:
    """Every item names its origin; an article has text to extract, a rejection a reason."""
    assert items, "every input yields at least one item"
    for item in items:
        assert item.origin == origin
        if isinstance(item, Rejection):
            assert isinstance(item.reason, str) and item.reason.strip()
        else:
            assert isinstance(item, RawInput)
            assert item.kind in ("text", "html", "article")
            assert isinstance(item.content, str) and item.content.strip()
            assert "\x00" not in item.content
            assert item.ref and len(item.content.encode("utf-8")) <= 4 * OPTIONS.max_bytes
            for meta in (item.url, item.title, item.date, item.source):
                assert meta is None or isinstance(meta, str)


@FUZZ
@given(payloads, st.sampled_from(EXTENSIONS))
def test_any_bytes_under_any_name(folder, data, extension):
    path = folder / f"input{extension}"
    path.write_bytes(data)
    _check(list(read_inputs([str(path)], OPTIONS)), str(path))


@FUZZ
@given(payloads, st.booleans())
def test_any_bytes_on_standard_input(data, compress):
    stream = io.BytesIO(gzip.compress(data) if compress else data)
    _check(list(read_inputs(["-"], OPTIONS, stdin=stream)), "<stdin>")


@FUZZ
@given(payloads, st.floats(0.0, 1.0), st.sampled_from((".txt.gz", ".jsonl.gz", ".warc.gz", ".gz")))
def test_truncated_and_corrupt_gzip(folder, data, keep, extension):
    packed = gzip.compress(data)
    cut = packed[: int(len(packed) * keep)]
    path = folder / f"cut{extension}"
    path.write_bytes(cut)
    _check(list(read_inputs([str(path)], OPTIONS)), str(path))
    flipped = bytearray(packed)
    flipped[len(flipped) // 2] ^= 0xFF
    path.write_bytes(bytes(flipped))
    _check(list(read_inputs([str(path)], OPTIONS)), str(path))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={key: st.one_of(st.text(max_size=200), json_values)
              for key in ("id", "text", "html", "url", "title", "date", "source")},
)
lines = st.one_of(records.map(json.dumps), json_values.map(json.dumps), st.text(max_size=80))


@FUZZ
@given(st.lists(lines, max_size=8))
def test_json_lines_give_one_item_per_line(folder, rows):
    path = folder / "feed.jsonl"
    data = "\n".join(rows).encode("utf-8", errors="surrogatepass")
    path.write_bytes(data + b"\n")
    items = list(read_inputs([str(path)], OPTIONS))
    _check(items, str(path))
    numbered = [f"line {n}" for n, row in enumerate(data.split(b"\n"), 1) if row.strip()]
    if numbered and all(item.record is not None for item in items):
        assert [item.record for item in items] == numbered


def test_the_properties_meet_every_reader(folder):
    """The strategies above do reach each reader: a sample of inputs gives each kind of item."""
    samples = {
        "a.txt": b"Ghana and Togo agreed to reopen the border on Friday.",
        "a.html": b"<p>Chile recalled its ambassador on Wednesday.</p>",
        "a.jsonl": b'{"text": "Norway offered to host talks."}\n{"text": 5}\n',
        "a.warc": b"WARC/1.0\r\nWARC-Type: response\r\n\r\n",
        "a.gz": zlib.compress(b"not gzip but zlib"),
    }
    found = set()
    for name, data in samples.items():
        (folder / name).write_bytes(data)
        for item in read_inputs([str(folder / name)], OPTIONS):
            found.add(item.kind if isinstance(item, RawInput) else "rejection")
    assert found == {"text", "html", "article", "rejection"}
