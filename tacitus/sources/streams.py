"""Byte-stream plumbing shared by the readers: peeking at a stream's head without losing it.

Formats are sniffed from the first bytes of an input, but standard input and gzip streams
cannot seek back. `peek` returns the head and a `Replay` stream that reads it again and then
the rest, so every reader sees one forward-only stream whatever its source.

A Replay never raises for broken input: when the stream under it fails (a truncated gzip
member, a disk error) it ends there as if at end of file and keeps the error in `.error`.
Readers check it when they run out of data. This keeps every byte that arrived before the
damage (a buffered read that raises drops what it had gathered) and keeps the error from
being mistaken for a clean end by libraries that catch EOFError themselves, as warcio does.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

HEAD_SIZE = 65_536  # bytes peeked for format sniffing

# Errors a read can raise because the input (not the code) is broken: truncated or corrupt
# compression, or the operating system failing to read. gzip.BadGzipFile is an OSError.
STREAM_ERRORS: tuple[type[BaseException], ...] = (EOFError, OSError, zlib.error)


def _read_some(stream: BinaryIO, size: int) -> bytes:
    """One read of at most `size` bytes: read1 where there is one, so that bytes already
    decompressed are returned before a later error rather than dropped with it."""
    read1 = getattr(stream, "read1", None)
    return read1(size) if read1 is not None else stream.read(size)


class _Prefixed(io.RawIOBase):
    """A raw stream that serves `head` first, then what `rest` holds until it ends or fails."""

    def __init__(self, head: bytes, rest: BinaryIO, error: BaseException | None = None):
        super().__init__()
        self._head = memoryview(head)
        self._pos = 0
        self._rest = rest
        self.error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._pos < len(self._head):
            n = min(len(view), len(self._head) - self._pos)
            view[:n] = self._head[self._pos : self._pos + n]
            self._pos += n
            return n
        if self.error is not None:
            return 0
        try:
            data = _read_some(self._rest, len(view))
        except STREAM_ERRORS as exc:
            self.error = exc
            return 0
        if not data:  # the end of `rest`, or of a Replay under it that was itself cut short
            self.error = stream_error(self._rest)
        view[: len(data)] = data
        return len(data)


class Replay(io.BufferedReader):
    """A buffered stream over a peeked head and the rest; see the module docstring."""

    @property
    def error(self) -> BaseException | None:
        """The read error that ended the stream early, or None for a clean end (so far)."""
        return self.raw.error  # type: ignore[attr-defined]


def peek(stream: BinaryIO, size: int) -> tuple[bytes, Replay]:
    """The first `size` bytes of `stream` and a Replay that reads them again, then the rest.

    Raises a STREAM_ERRORS error only when the stream fails before yielding a single byte.
    """
    parts: list[bytes] = []
    remaining = size
    error: BaseException | None = None
    while remaining > 0:
        try:
            chunk = _read_some(stream, remaining)
        except STREAM_ERRORS as exc:
            if not parts:
                raise
            error = exc
            break
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    head = b"".join(parts)
    return head, Replay(_Prefixed(head, stream, error), buffer_size=HEAD_SIZE)


def stream_error(stream: BinaryIO) -> BaseException | None:
    """The error that cut a Replay short, or None (also for streams that are not Replays)."""
    return getattr(stream, "error", None)


def read_head(stream: BinaryIO, size: int) -> bytes:
    """Read up to `size` bytes, looping because pipes and decompressors return short reads."""
    parts: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def read_limited(stream: BinaryIO, limit: int) -> bytes | None:
    """All of `stream` if it holds at most `limit` bytes, else None, having read no more than
    `limit` + 1 bytes. Memory stays near `limit`: the data grows in one buffer, read in pieces
    (one large read would hold a second copy of it inside the decompressor)."""
    buffer = bytearray()
    while len(buffer) <= limit:
        chunk = stream.read(min(limit + 1 - len(buffer), HEAD_SIZE))
        if not chunk:
            return bytes(buffer)
        buffer += chunk
    return None


def rejoin(head: bytes, rest: BinaryIO) -> Replay:
    """A Replay that reads `head` and then `rest`, as if nothing had been taken from it."""
    return Replay(_Prefixed(head, rest), buffer_size=HEAD_SIZE)


def describe_stream_error(exc: BaseException) -> str:
    """A human sentence for a read failure from STREAM_ERRORS."""
    if isinstance(exc, EOFError):
        return "truncated gzip stream"
    if isinstance(exc, (gzip.BadGzipFile, zlib.error)):
        return f"corrupt gzip stream ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return f"read error ({exc.strerror.lower()})"
    return f"read error ({exc})"
