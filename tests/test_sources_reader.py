"""read_inputs end to end: single-article files, gzip, binary and empty inputs, size, stdin."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest

from tacitus.errors import ConfigError
from tacitus.records import RawInput, Rejection
from tacitus.sources import ReaderOptions, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
ARTICLE = (FIXTURES / "article.txt").read_text(encoding="utf-8")
PAGE = (FIXTURES / "page.html").read_text(encoding="utf-8")


def _one(path: Path, options: ReaderOptions | None = None) -> RawInput | Rejection:
    [item] = read_inputs([str(path)], options)
    return item


def test_text_and_html_fixtures():
    text_path, html_path = FIXTURES / "article.txt", FIXTURES / "page.html"
    assert _one(text_path) == RawInput(str(text_path), None, str(text_path), "text", ARTICLE)
    assert _one(html_path) == RawInput(str(html_path), None, str(html_path), "html", PAGE)


def test_kind_comes_from_content_when_the_name_says_nothing(tmp_path):
    page = tmp_path / "page-without-extension"
    page.write_text(PAGE)
    note = tmp_path / "notes.md"
    note.write_text("Kenya and Haiti signed a security pact; 3 < 4 is not a tag.")
    assert (_one(page).kind, _one(note).kind) == ("html", "text")


@pytest.mark.parametrize("data, reason", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary file (PNG image)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "binary file (PDF document)"),
    (b"\x7fELF\x02\x01\x01" + bytes(120), "binary file (ELF executable)"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "binary file (JPEG image)"),
    (b"PK\x03\x04\x14\x00\x06\x00" + bytes(40), "binary file (ZIP archive)"),
    (bytes(range(256)) * 8, "binary file (unknown type, 11% control bytes)"),
    (b"", "empty file"),
    (b"  \n\t\r\n  ", "empty file"),
])
def test_binary_and_empty_files_are_rejected(tmp_path, data, reason):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    assert _one(path) == Rejection(str(path), None, reason)


def test_encodings_are_decoded_and_repaired(tmp_path):
    cases = {
        "cp1252.txt": ("Côte d’Ivoire’s president spoke — briefly.".encode("cp1252"),
                       "Côte d’Ivoire’s president spoke — briefly."),
        "cp1251.txt": ("Москва заявила протест послу Эстонии в связи с высылкой дипломатов.".encode("cp1251"),
                       "Москва заявила протест послу Эстонии в связи с высылкой дипломатов."),
        "utf16-nobom.txt": ("Seoul said “talks will resume”.\r\nNext line.".encode("utf-16-le"),
                            "Seoul said “talks will resume”.\nNext line."),
        "utf16-bom.txt": ("Seoul said “talks will resume”.".encode("utf-16"), "Seoul said “talks will resume”."),
        "mojibake.txt": ("NorthÂ Korea’s envoy\r\nleft\x00 Geneva.".encode("utf-8"),
                         "North Korea’s envoy\nleft Geneva."),
        "bom8.txt": (b"\xef\xbb\xbfPlain text with a BOM.", "Plain text with a BOM."),
    }
    for name, (data, expected) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert _one(path).content == expected, name


def test_html_meta_charset_is_honoured(tmp_path):
    path = tmp_path / "legacy.html"
    path.write_bytes('<html><head><meta charset="koi8-r"></head><body><p>Киев</p></body></html>'.encode("koi8-r"))
    assert "<p>Киев</p>" in _one(path).content


def test_oversize_file_is_rejected_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100)
    assert _one(path, ReaderOptions(max_bytes=499)) == Rejection(str(path), None, "file larger than 499 bytes")
    assert _one(path, ReaderOptions(max_bytes=500)).kind == "text"


def test_gzip_holding_text_html_and_binary(tmp_path):
    text_gz, html_gz, png_gz = tmp_path / "a.txt.gz", tmp_path / "b.gz", tmp_path / "c.gz"
    text_gz.write_bytes(gzip.compress(ARTICLE.encode()))
    html_gz.write_bytes(gzip.compress(PAGE.encode()))
    png_gz.write_bytes(gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(100)))
    assert _one(text_gz) == RawInput(str(text_gz), None, str(text_gz), "text", ARTICLE)
    assert _one(html_gz).kind == "html"
    assert _one(png_gz) == Rejection(str(png_gz), None, "binary file (gzip-compressed PNG image)")
    assert _one(text_gz, ReaderOptions(max_bytes=100)) == Rejection(
        str(text_gz), None, "file larger than 100 bytes when decompressed")


def test_truncated_and_corrupt_gzip(tmp_path):
    whole = gzip.compress(ARTICLE.encode())
    cut, corrupt = tmp_path / "cut.txt.gz", tmp_path / "corrupt.gz"
    cut.write_bytes(whole[:-12])
    corrupt.write_bytes(whole[:10] + b"\xff" * 30)
    assert _one(cut) == Rejection(str(cut), None, "truncated gzip stream")
    assert _one(corrupt).reason.startswith("corrupt gzip stream (")


def test_missing_path_and_order_of_mixed_paths(tmp_path):
    text_path = tmp_path / "a.txt"
    text_path.write_text("Ghana recalled its envoy.")
    items = list(read_inputs([str(tmp_path / "missing.txt"), str(text_path)]))
    assert items == [Rejection(str(tmp_path / "missing.txt"), None, "no such file or directory"),
                     RawInput(str(text_path), None, str(text_path), "text", "Ghana recalled its envoy.")]


def test_stdin_text_jsonl_gzip_and_empty():
    text = list(read_inputs(["-"], stdin=io.BytesIO(ARTICLE.encode())))
    assert text == [RawInput("<stdin>", None, "<stdin>", "text", ARTICLE)]
    lines = b'{"text": "One."}\n{"text": 2}\n{"id": "x", "html": "<p>Two.</p>"}\n'
    items = list(read_inputs(["-"], stdin=io.BytesIO(lines)))
    assert items == [
        RawInput("<stdin>", "line 1", "<stdin>#line1", "article", "One."),
        Rejection("<stdin>", "line 2", "field 'text' must be a string, got int", "<stdin>#line2"),
        RawInput("<stdin>", "line 3", "x", "html", "<p>Two.</p>"),
    ]
    zipped = list(read_inputs(["-"], stdin=io.BytesIO(gzip.compress(PAGE.encode()))))
    assert [(i.origin, i.kind) for i in zipped] == [("<stdin>", "html")]
    assert list(read_inputs(["-"], stdin=io.BytesIO(b""))) == [Rejection("<stdin>", None, "empty input")]
    big = list(read_inputs(["-"], ReaderOptions(max_bytes=50), stdin=io.BytesIO(ARTICLE.encode())))
    assert big == [Rejection("<stdin>", None, "input larger than 50 bytes")]


def test_large_jsonl_streams_from_a_pipe_like_stream():
    class Trickle(io.RawIOBase):
        """A pipe that hands out at most 7 bytes per read."""

        def __init__(self, data: bytes):
            self._data, self._pos = data, 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            view = memoryview(buffer).cast("B")
            chunk = self._data[self._pos : self._pos + min(7, len(view))]
            view[: len(chunk)] = chunk
            self._pos += len(chunk)
            return len(chunk)

    data = b"".join(b'{"id": %d, "text": "Report %d."}\n' % (n, n) for n in range(3000))
    items = list(read_inputs(["-"], stdin=io.BufferedReader(Trickle(data), buffer_size=7)))
    assert len(items) == 3000 and items[2999] == RawInput("<stdin>", "line 3000", "2999", "article", "Report 2999.")


def test_reader_options_are_validated():
    with pytest.raises(ConfigError, match="max_bytes must be a positive integer, got 0"):
        ReaderOptions(max_bytes=0)


def test_unreadable_file_is_rejected(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("secret")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read mode-000 files (root)")
        assert _one(path) == Rejection(str(path), None, "permission denied")
    finally:
        path.chmod(0o644)
