"""WARC archives (via warcio): each HTML response is one article.

Response and resource records whose Content-Type is HTML (or, lacking one, whose body looks
like HTML) become RawInput(kind="html") with the WARC-Target-URI and WARC-Date; other
response/resource records are rejected (not HTML, HTTP status other than 2xx, too large);
warcinfo, request, metadata, revisit and conversion records are ignored. Compressed archives
reach this module already decompressed (see reader.py), so a truncated .warc.gz shows as the
stream's `error` (streams.Replay); a truncated plain WARC is caught by comparing what a record
held with its Content-Length. Either way the records read so far stand and one Rejection,
at the record where reading broke off, covers the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from tacitus.records import RawInput, Rejection
from tacitus.sources.decode import charset_label, declared_charset, decode_bytes
from tacitus.sources.detect import binary_kind, looks_like_html
from tacitus.sources.streams import STREAM_ERRORS, describe_stream_error, stream_error

_PAYLOAD_TYPES = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FORMAT_ERRORS = (ArchiveLoadFailed, StatusAndHeadersParserException, ValueError)


class _Truncated(Exception):
    """A record ended before its declared Content-Length."""


def read_warc(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[RawInput | Rejection]:
    """Yield a RawInput or Rejection per response/resource record of a WARC stream."""
    records = iter(ArchiveIterator(stream))
    current = found = 0
    failure: BaseException | None = None
    while True:
        current += 1
        try:
            record = next(records, None)
            if record is None:
                break
            item = _convert(record, origin, current, max_bytes)
        except (*STREAM_ERRORS, *_FORMAT_ERRORS, _Truncated) as exc:
            failure = exc
            break
        except Exception as exc:  # warcio raises odd errors on malformed records (AttributeError
            failure = exc         # for a response with no WARC-Target-URI): the archive is corrupt
            break
        if item is not None:
            found += 1
            yield item
    cut = stream_error(stream)
    if cut is not None or failure is not None:
        yield _failure(origin, current, cut or failure)
    elif found == 0:
        yield Rejection(origin, None, "WARC archive holds no response records")


def _failure(origin: str, current: int, exc: BaseException) -> Rejection:
    """One Rejection for the rest of an archive, from the record where reading broke off."""
    if isinstance(exc, (*STREAM_ERRORS, _Truncated)) or current > 1:
        return Rejection(origin, f"record {current}", _describe(exc, f"record {current}"))
    return Rejection(origin, None, _describe(exc, None))


def _describe(exc: BaseException, where: str | None) -> str:
    if isinstance(exc, _Truncated):
        return "truncated WARC archive"
    if isinstance(exc, STREAM_ERRORS):
        return describe_stream_error(exc)
    first_line = next((line.strip() for line in str(exc).splitlines() if line.strip()), "")
    detail = f" ({first_line})" if first_line else ""
    return f"not a WARC archive{detail}" if where is None else f"corrupt WARC archive{detail}"


def _convert(record: Any, origin: str, number: int, max_bytes: int) -> RawInput | Rejection | None:
    """The article a payload record holds, a Rejection, or None for records that hold none."""
    if record.rec_type not in _PAYLOAD_TYPES:
        _drain(record)
        return None
    where, ref = f"record {number}", f"{origin}#record{number}"
    if record.rec_type == "response" and record.http_headers is None:
        _drain(record)
        return Rejection(origin, where, "WARC response record has no HTTP headers", ref)
    response = record.rec_type == "response"
    headers = record.http_headers if response else record.rec_headers
    status = record.http_headers.get_statuscode() if response else None
    body = record.content_stream().read(max_bytes + 1)
    _drain(record)
    problem = _problem(record.rec_type, headers.get_header("Content-Type"), status, body, max_bytes)
    if problem:
        return Rejection(origin, where, problem, ref)
    text = decode_bytes(body, _charset(headers.get_header("Content-Type")) or declared_charset(body))
    if text is None or not text.strip():
        return Rejection(origin, where, "empty record" if text is not None
                         else "cannot decode the page as text", ref)
    return RawInput(origin, where, ref, "html", text,
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    date=record.rec_headers.get_header("WARC-Date"))


def _drain(record: Any) -> None:
    """Read the rest of the record and raise _Truncated when it is shorter than declared."""
    while record.raw_stream.read(1 << 16):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _Truncated()


def _problem(rec_type: str, content_type: str | None, status: str | None, body: bytes,
             limit: int) -> str | None:
    """Why a payload record is not an article, or None when it is one."""
    if status and not status.startswith("2"):
        return f"WARC {rec_type} record has HTTP status {status}"
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime and mime not in _HTML_TYPES:
        return f"WARC {rec_type} record is not HTML ({mime})"
    if len(body) > limit:
        return f"record larger than {limit} bytes"
    if not body.strip():
        return "empty record"
    kind = binary_kind(body[:65536])
    if kind:
        return f"binary record ({kind})"
    if not mime and not looks_like_html(body[:1024].decode("latin-1")):
        return f"WARC {rec_type} record is not HTML (no Content-Type)"
    return None


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return charset_label(value)
    return None
