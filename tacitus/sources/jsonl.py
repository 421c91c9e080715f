"""JSON Lines and JSON documents: one article per object.

An object carries `text` or `html` (text wins when both are there: it is already clean),
optionally `url`, `title`, `date`, `source` (strings) and `id` (string or integer; it becomes
the ref). A null field counts as absent. Every bad line becomes its own Rejection and the
lines after it are still read. JSON Lines stream line by line, so a file of any size is read
in constant memory; a JSON document (an object or a list of objects) is read whole, so it
must fit within `max_bytes`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from tacitus.records import RawInput, Rejection
from tacitus.sources.decode import clean_text, decode_raw
from tacitus.sources.streams import STREAM_ERRORS, describe_stream_error, read_head, rejoin, stream_error

_META_FIELDS = ("url", "title", "date", "source")
_SKIP_CHUNK = 1 << 16

_TYPE_NAMES = {bool: "bool", int: "int", float: "float", str: "string", list: "list",
               dict: "object", type(None): "null"}


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _message(exc: json.JSONDecodeError) -> str:
    """The parser's message without a dangling "at" ("Invalid control character at")."""
    return exc.msg.removesuffix(" at")


def _next_line(stream: BinaryIO, limit: int) -> bytes | None:
    """The next line (b"" at the end), or None for a line over `limit` bytes, skipped unread."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line
    while True:
        chunk = stream.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return None


def read_jsonl(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[RawInput | Rejection]:
    """Yield one RawInput or Rejection per non-blank line; "empty file" when there is none."""
    number = records = 0
    while True:
        try:
            line = _next_line(stream, max_bytes)
        except STREAM_ERRORS as exc:
            yield Rejection(origin, f"line {number + 1}", describe_stream_error(exc))
            return
        cut = stream_error(stream)
        if cut is not None and (line == b"" or (line and not line.endswith(b"\n"))):
            yield Rejection(origin, f"line {number + 1}", describe_stream_error(cut))
            return
        if line == b"":
            break
        number += 1
        where, ref = f"line {number}", f"{origin}#line{number}"
        if line is None:
            records += 1
            yield Rejection(origin, where, f"record larger than {max_bytes} bytes", ref)
        elif line.strip():
            records += 1
            yield _parse_line(line, origin, where, ref)
    if records == 0:
        yield Rejection(origin, None, "empty file")


def _parse_line(line: bytes, origin: str, where: str, ref: str) -> RawInput | Rejection:
    try:
        text: str | None = line.decode("utf-8")
    except UnicodeDecodeError:
        text = decode_raw(line)
    if text is None:
        return Rejection(origin, where, "cannot decode the line as text", ref)
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        return Rejection(origin, where, f"invalid JSON: {_message(exc)} at col {exc.colno}", ref)
    except (ValueError, RecursionError) as exc:
        return Rejection(origin, where, f"invalid JSON: {exc}", ref)
    return record_from_object(value, origin, where, ref)


def read_json_document(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[RawInput | Rejection]:
    """Read a JSON object or list of objects; JSON Lines that only looked like one are streamed."""
    try:
        data = read_head(stream, max_bytes + 1)
    except STREAM_ERRORS as exc:
        yield Rejection(origin, None, describe_stream_error(exc))
        return
    cut = stream_error(stream)
    if cut is not None or len(data) > max_bytes:  # cannot be parsed whole; may be JSON Lines
        if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
            yield from read_jsonl(rejoin(data, stream), origin, max_bytes)
        elif cut is not None:
            yield Rejection(origin, None, describe_stream_error(cut))
        else:
            yield Rejection(origin, None, f"JSON document larger than {max_bytes} bytes "
                                          "(write big batches as JSON Lines)")
        return
    text = decode_raw(data)
    if text is None:
        yield Rejection(origin, None, "cannot decode the file as text")
        return
    try:
        value = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # several values, one per line: JSON Lines
            yield from read_jsonl(rejoin(data, stream), origin, max_bytes)
        elif not text.strip():
            yield Rejection(origin, None, "empty file")
        else:
            where = f"line {exc.lineno} col {exc.colno}"
            yield Rejection(origin, None, f"invalid JSON: {_message(exc)} at {where}")
        return
    except (ValueError, RecursionError) as exc:
        yield Rejection(origin, None, f"invalid JSON: {exc}")
        return
    yield from _document_records(value, origin)


def _document_records(value: Any, origin: str) -> Iterator[RawInput | Rejection]:
    if isinstance(value, dict):
        yield record_from_object(value, origin, None, origin)
    elif not isinstance(value, list):
        yield Rejection(origin, None, f"JSON document must be an object or a list of objects, "
                                      f"got {_type_name(value)}")
    elif not value:
        yield Rejection(origin, None, "empty file")
    else:
        for number, item in enumerate(value, start=1):
            yield record_from_object(item, origin, f"item {number}", f"{origin}#item{number}")


def record_from_object(value: Any, origin: str, where: str | None, ref: str) -> RawInput | Rejection:
    """Check one decoded JSON value and turn it into a RawInput, or say what is wrong with it."""
    if not isinstance(value, dict):
        return Rejection(origin, where, f"record is not a JSON object (got {_type_name(value)})", ref)
    ident = value.get("id")
    if ident is not None:
        if isinstance(ident, bool) or not isinstance(ident, (str, int)):
            return Rejection(origin, where, f"field 'id' must be a string or integer, "
                                            f"got {_type_name(ident)}", ref)
        if str(ident).strip():
            ref = str(ident).strip()
    problem = _type_problem(value)
    if problem:
        return Rejection(origin, where, problem, ref)
    text, html = value.get("text"), value.get("html")
    if text is None and html is None:
        return Rejection(origin, where, "record has neither 'text' nor 'html'", ref)
    kind, body = ("article", text) if text is not None and text.strip() else ("html", html or "")
    content = clean_text(body)
    if not content.strip():
        return Rejection(origin, where, "empty record", ref)
    meta = {key: _meta(value.get(key)) for key in _META_FIELDS}
    return RawInput(origin, where, ref, kind, content, **meta)


def _type_problem(value: dict[str, Any]) -> str | None:
    for key in ("text", "html", *_META_FIELDS):
        field = value.get(key)
        if field is not None and not isinstance(field, str):
            return f"field '{key}' must be a string, got {_type_name(field)}"
    return None


def _meta(field: str | None) -> str | None:
    if field is None:
        return None
    cleaned = clean_text(field).strip()
    return cleaned or None
