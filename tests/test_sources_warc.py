"""WARC and WARC.gz: HTML responses become articles, everything else is ignored or rejected."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tacitus.records import RawInput, Rejection
from tacitus.sources import ReaderOptions, read_inputs

PAGE = ("<html><head><title>Summit</title></head><body><p>Leaders of Ghana and Togo met in Accra "
        "on Friday.</p>" + "<p>More paragraphs about the border agreement.</p>" * 30 + "</body></html>")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": "2024-05-17T08:30:00Z"})


def _request(writer: WARCWriter, url: str):
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    return writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)


def write_warc(path: Path, compress: bool) -> Path:
    """warcinfo, request+HTML response, request+PNG response, a 404 page, a cp1252 page."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tacitus tests"}))
        writer.write_record(_request(writer, "https://news.example/summit"))
        writer.write_record(_response(writer, "https://news.example/summit", PAGE.encode(),
                                      "text/html; charset=utf-8"))
        writer.write_record(_request(writer, "https://news.example/logo.png"))
        writer.write_record(_response(writer, "https://news.example/logo.png", PNG, "image/png"))
        writer.write_record(_response(writer, "https://news.example/gone", b"<p>Not found</p>",
                                      "text/html", status="404 Not Found"))
        writer.write_record(_response(writer, "https://news.example/legacy",
                                      "<p>Côte d’Ivoire’s envoy arrived.</p>".encode("cp1252"),
                                      "text/html; charset=windows-1252"))
    return path


def _expected(origin: str) -> list[RawInput | Rejection]:
    return [
        RawInput(origin, "record 3", f"{origin}#record3", "html", PAGE,
                 url="https://news.example/summit", date="2024-05-17T08:30:00Z"),
        Rejection(origin, "record 5", "WARC response record is not HTML (image/png)", f"{origin}#record5"),
        Rejection(origin, "record 6", "WARC response record has HTTP status 404", f"{origin}#record6"),
        RawInput(origin, "record 7", f"{origin}#record7", "html", "<p>Côte d’Ivoire’s envoy arrived.</p>",
                 url="https://news.example/legacy", date="2024-05-17T08:30:00Z"),
    ]


def test_plain_warc(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", compress=False)
    assert list(read_inputs([str(path)])) == _expected(str(path))


def test_warc_gz_and_whole_file_gzip(tmp_path):
    chunked = write_warc(tmp_path / "crawl.warc.gz", compress=True)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(write_warc(tmp_path / "plain.warc", compress=False).read_bytes()))
    assert list(read_inputs([str(chunked)])) == _expected(str(chunked))
    assert list(read_inputs([str(whole)])) == _expected(str(whole))


def test_truncated_warc_gz_keeps_records_read_so_far(tmp_path):
    full = write_warc(tmp_path / "full.warc.gz", compress=True).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(full[:-40])  # inside the last record's gzip member
    items = list(read_inputs([str(cut)]))
    assert items == _expected(str(cut))[:3] + [Rejection(str(cut), "record 7", "truncated gzip stream")]


def test_truncated_plain_warc(tmp_path):
    full = write_warc(tmp_path / "full.warc", compress=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(full[: full.index("Côte".encode("cp1252")) + 5])
    items = list(read_inputs([str(cut)]))
    assert items == _expected(str(cut))[:3] + [Rejection(str(cut), "record 7", "truncated WARC archive")]


def test_oversize_response_and_stdin_warc(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", compress=True)
    items = list(read_inputs([str(path)], ReaderOptions(max_bytes=500)))
    assert items[0] == Rejection(str(path), "record 3", "record larger than 500 bytes", f"{path}#record3")
    from_stdin = list(read_inputs(["-"], stdin=io.BytesIO(path.read_bytes())))
    assert [(i.record, type(i).__name__) for i in from_stdin] == [
        ("record 3", "RawInput"), ("record 5", "Rejection"), ("record 6", "Rejection"), ("record 7", "RawInput")]
    assert from_stdin[0].ref == "<stdin>#record3"


def test_warc_without_responses_and_not_a_warc(tmp_path):
    info_only = tmp_path / "info.warc"
    with open(info_only, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "tacitus tests"}))
    fake = tmp_path / "fake.warc"
    fake.write_text("This is a note about a crawl, not an archive.\n")
    assert list(read_inputs([str(info_only), str(fake)])) == [
        Rejection(str(info_only), None, "WARC archive holds no response records"),
        Rejection(str(fake), None, "not a WARC archive (it does not start with 'WARC/')"),
    ]


def test_corrupt_record_ends_the_archive_with_one_rejection(tmp_path):
    good = write_warc(tmp_path / "good.warc", compress=False).read_bytes()
    bad = tmp_path / "bad.warc"
    bad.write_bytes(good + b"NOT A RECORD AT ALL\r\n\r\n")
    items = list(read_inputs([str(bad)]))
    assert items == _expected(str(bad)) + [
        Rejection(str(bad), "record 8", "corrupt WARC archive (Invalid WARC record, first line: NOT A RECORD AT ALL)")]


def test_a_response_record_without_a_target_uri_is_a_corrupt_archive_not_a_crash(tmp_path):
    import gzip as _gzip

    from tacitus.records import Rejection
    from tacitus.sources import read_inputs

    path = tmp_path / "broken.warc.gz"
    path.write_bytes(_gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n"))
    [item] = list(read_inputs([str(path)]))
    assert isinstance(item, Rejection)
    assert item.reason.startswith("not a WARC archive")
