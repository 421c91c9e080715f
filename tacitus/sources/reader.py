"""read_inputs: every path the user named, as RawInputs and Rejections, lazily and in order.

One policy for bad input: whatever is wrong with a file or record becomes a Rejection that
says so, and reading goes on with the next one; nothing here raises for bad input. Formats
are recognised by content first and extension second (detect.py); gzip streams are
decompressed and what they hold is recognised the same way.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tacitus.errors import ConfigError
from tacitus.records import RawInput, Rejection
from tacitus.sources.decode import declared_charset, decode_bytes
from tacitus.sources.detect import Sniff, inner_name, looks_like_html, sniff_format
from tacitus.sources.files import expand_path, os_reason
from tacitus.sources.jsonl import read_json_document, read_jsonl
from tacitus.sources.streams import (
    HEAD_SIZE, STREAM_ERRORS, describe_stream_error, peek, read_limited, stream_error,
)
from tacitus.sources.warc import read_warc

STDIN = "<stdin>"

Item = RawInput | Rejection


@dataclass(slots=True)
class ReaderOptions:
    """Limits for reading inputs."""

    max_bytes: int = 20_000_000  # per article or record; larger ones are rejected unread

    def __post_init__(self) -> None:
        if not isinstance(self.max_bytes, int) or self.max_bytes < 1:
            raise ConfigError(f"ReaderOptions.max_bytes must be a positive integer, got {self.max_bytes!r}")


def read_inputs(paths: Iterable[str], options: ReaderOptions | None = None,
                stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Yield a RawInput or Rejection for every article in `paths`; "-" reads `stdin`.

    Files, directories (walked recursively, sorted, hidden entries skipped), plain text,
    HTML, JSON Lines, JSON, WARC and gzip'd versions of each. `stdin` defaults to
    sys.stdin.buffer and is looked up only when "-" is named.
    """
    opts = options or ReaderOptions()
    for path in paths:
        path = os.fspath(path)
        if path == "-":
            yield from _read_stdin(stdin, opts)
            continue
        for found in expand_path(path):
            if isinstance(found, Rejection):
                yield found
            else:
                yield from _read_file(found, opts)


def _read_stdin(stdin: BinaryIO | None, opts: ReaderOptions) -> Iterator[Item]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield Rejection(STDIN, None, "standard input is not available")
        return
    yield from read_stream(stream, STDIN, "", None, opts)


def _read_file(path: str, opts: ReaderOptions) -> Iterator[Item]:
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield Rejection(path, None, os_reason(exc))
        return
    with handle:
        info = os.fstat(handle.fileno())
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        yield from read_stream(handle, path, path, size, opts)


def read_stream(stream: BinaryIO, origin: str, name: str, size: int | None,
                opts: ReaderOptions) -> Iterator[Item]:
    """Read one input from a forward-only byte stream; `name` (may be "") hints the format."""
    opened = _open_head(stream, origin)
    if isinstance(opened, Rejection):
        yield opened
        return
    head, replay = opened
    sniff = sniff_format(head, name)
    if sniff.format == "gzip":
        yield from _read_gzip(replay, origin, name, opts)
    else:
        yield from _dispatch(sniff, replay, origin, size, opts, compressed=False)


def _open_head(stream: BinaryIO, origin: str) -> tuple[bytes, BinaryIO] | Rejection:
    """The stream's first bytes (for sniffing) and a stream that replays them, or the
    Rejection for an unreadable or empty one."""
    try:
        head, replay = peek(stream, HEAD_SIZE)
    except STREAM_ERRORS as exc:
        return Rejection(origin, None, describe_stream_error(exc))
    if not head:
        return Rejection(origin, None, _empty(origin))
    return head, replay


def _read_gzip(stream: BinaryIO, origin: str, name: str, opts: ReaderOptions) -> Iterator[Item]:
    inner = gzip.GzipFile(fileobj=stream, mode="rb")
    opened = _open_head(inner, origin)
    if isinstance(opened, Rejection):
        yield opened
        return
    head, replay = opened
    sniff = sniff_format(head, inner_name(name))
    if sniff.format == "gzip":
        yield Rejection(origin, None, "binary file (gzip archive inside a gzip archive)")
    elif sniff.format == "binary":
        yield Rejection(origin, None, f"binary file (gzip-compressed {sniff.detail})")
    else:
        yield from _dispatch(sniff, replay, origin, None, opts, compressed=True)


def _dispatch(sniff: Sniff, stream: BinaryIO, origin: str, size: int | None,
              opts: ReaderOptions, compressed: bool) -> Iterator[Item]:
    if sniff.format == "binary":
        yield Rejection(origin, None, f"binary file ({sniff.detail})")
    elif sniff.format == "invalid":
        yield Rejection(origin, None, sniff.detail or "unreadable input")
    elif sniff.format == "warc":
        yield from read_warc(stream, origin, opts.max_bytes)
    elif sniff.format == "jsonl":
        yield from read_jsonl(stream, origin, opts.max_bytes)
    elif sniff.format == "json":
        yield from read_json_document(stream, origin, opts.max_bytes)
    else:
        yield _read_article(stream, origin, size, sniff.format, opts, compressed)


def _read_article(stream: BinaryIO, origin: str, size: int | None, fmt: str,
                  opts: ReaderOptions, compressed: bool) -> Item:
    """A single-article input: size-checked before it is read, then decoded whole."""
    too_big = f"{_noun(origin)} larger than {opts.max_bytes} bytes" + (
        " when decompressed" if compressed else "")
    if size is not None and size > opts.max_bytes:
        return Rejection(origin, None, too_big)
    try:
        data = read_limited(stream, opts.max_bytes)
    except STREAM_ERRORS as exc:
        return Rejection(origin, None, describe_stream_error(exc))
    cut = stream_error(stream)
    if cut is not None:
        return Rejection(origin, None, describe_stream_error(cut))
    if data is None:
        return Rejection(origin, None, too_big)
    text = decode_bytes(data, declared_charset(data))
    if text is None:
        return Rejection(origin, None, "cannot decode the bytes as text (no encoding fits)")
    if not text.strip():
        return Rejection(origin, None, _empty(origin))
    kind = "html" if fmt == "html" or looks_like_html(text.lstrip()) else "text"
    return RawInput(origin, None, origin, kind, text)


def _noun(origin: str) -> str:
    return "input" if origin == STDIN else "file"


def _empty(origin: str) -> str:
    return f"empty {_noun(origin)}"
