"""Decoding bytes to text, and sniffing formats and binary data."""

from __future__ import annotations

import gzip

import pytest

from tacitus.sources.decode import charset_label, declared_charset, decode_bytes
from tacitus.sources.detect import (
    Sniff, binary_kind, extension_format, inner_name, looks_like_html, sniff_format, wide_encoding,
)

ENGLISH = "The foreign minister said “we will respond” to the shelling of Kharkiv."
RUSSIAN = "Министр иностранных дел заявил, что Москва ответит на обстрел."


@pytest.mark.parametrize("data, expected", [
    (ENGLISH.encode("utf-8"), ENGLISH),
    (b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), ENGLISH),
    (ENGLISH.encode("utf-16"), ENGLISH),
    (ENGLISH.encode("utf-32"), ENGLISH),
    (ENGLISH.encode("utf-16-le"), ENGLISH),
    (ENGLISH.encode("utf-16-be"), ENGLISH),
    (ENGLISH.encode("utf-32-be"), ENGLISH),
    (RUSSIAN.encode("utf-16-le"), RUSSIAN),
    (RUSSIAN.encode("cp1251"), RUSSIAN),
    ("café".encode("latin-1"), "café"),
    ("Sanctions on North Korea’s regime — announced.".encode("cp1252"),
     "Sanctions on North Korea’s regime — announced."),
    ("Korea’s envoy".encode("utf-8") + b" and a stray \x92 byte", "Korea’s envoy and a stray ’ byte"),
    ("NorthÂ Korea’s".encode("utf-8"), "North Korea’s"),
    (b"line one\r\nline two\rline three\x00", "line one\nline two\nline three"),
])
def test_decode_bytes(data, expected):
    assert decode_bytes(data) == expected


def test_quotes_widths_and_markup_are_left_alone():
    text = "“Ｔｏｋｙｏ” said &amp; <b>bold</b> ’"
    assert decode_bytes(text.encode("utf-8")) == text


def test_declared_charset_beats_guessing():
    data = "<meta charset='koi8-r'><p>Киев</p>".encode("koi8-r")
    assert declared_charset(data) == "koi8-r"
    assert decode_bytes(data, declared_charset(data)) == "<meta charset='koi8-r'><p>Киев</p>"
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?>') == "cp1252"
    assert (charset_label("UTF-16"), charset_label("no-such-charset"), charset_label(None)) == (None, None, None)


def test_wide_encoding_needs_the_pattern_of_wide_text():
    assert wide_encoding(ENGLISH.encode("utf-16-le")) == "utf-16-le"
    assert wide_encoding(RUSSIAN.encode("utf-16-be")) == "utf-16-be"
    assert wide_encoding(ENGLISH.encode("utf-32-le")) == "utf-32-le"
    assert wide_encoding(b"a\x00b\r\nc and some more ordinary text") is None
    assert wide_encoding(b"-" * 40) is None
    assert wide_encoding(bytes(range(256))) is None


@pytest.mark.parametrize("head, kind", [
    (b"GIF89a\x01\x00", "GIF image"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP image"),
    (b"\x00\x00\x00\x18ftypmp42", "MP4 or QuickTime media"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"x" * 257 + b"ustar\x0000", "tar archive"),
    (b"Plain words\x01 with one control byte among many ordinary ones.", None),
    (ENGLISH.encode("utf-16-le"), None),
    (b"MZ is the start of this sentence, not an executable.", None),
])
def test_binary_kind(head, kind):
    assert binary_kind(head) == kind


@pytest.mark.parametrize("head, name, expected", [
    (gzip.compress(b"x"), "notes.txt", Sniff("gzip")),
    (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "", Sniff("warc")),
    (b"Words only.", "crawl.warc", Sniff("invalid", "not a WARC archive (it does not start with 'WARC/')")),
    (b'{"text": "a"}\n{"text": "b"}\n', "", Sniff("jsonl")),
    (b'{\n  "text": "a"\n}\n', "", Sniff("json")),
    (b'[{"text": "a"}]', "", Sniff("json")),
    (b'{"text": "a"}\n{"text": "b"}\n', "batch.json", Sniff("jsonl")),
    (b"{not json at all", "story.txt", Sniff("text")),
    (b"Just words.", "page.HTM", Sniff("html")),
    (b"Just words.", "", Sniff("text")),
    (b"%PDF-1.4", "story.html", Sniff("binary", "PDF document")),
])
def test_sniff_format(head, name, expected):
    assert sniff_format(head, name) == expected


def test_names_and_html_marks():
    assert [extension_format(n) for n in ("a.warc.gz", "a.NDJSON", "dir.d/file", "a.xhtml", "a.csv")] == [
        "gzip", "jsonl", None, "html", None]
    assert [inner_name(n) for n in ("a.html.gz", "b.tgz", "c.bin")] == ["a.html", "b.tar", ""]
    assert looks_like_html("<!DOCTYPE html><html>") and looks_like_html("Intro\n<p>Body</p>")
    assert not looks_like_html("3 < 4 and a <placeholder> in prose")
