"""A live progress line for a terminal: documents per second, events, rejections and an ETA.

Why our own: one line rewritten in place with a carriage return is all a run needs, and it must
stay quiet when standard error is not a terminal (the CLI then prints one summary line at the
end). The CLI owns the stream and decides whether to show the line; the ETA needs the number of
inputs, which `count_inputs` estimates cheaply before the run when it can.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from .records import Rejection
from .sources.files import expand_path

MIN_INTERVAL = 0.25  # seconds between redraws
UNCOUNTABLE = (".gz", ".warc", ".json", ".arc")  # inputs whose number of articles is unknown without reading
CHUNK = 1 << 20


class ProgressLine:
    """Redraws one status line on `stream` at most every MIN_INTERVAL seconds."""

    def __init__(self, stream: TextIO, total: int | None = None, clock: Callable[[], float] = time.monotonic,
                 min_interval: float = MIN_INTERVAL) -> None:
        self.stream, self.total, self.clock, self.min_interval = stream, total, clock, min_interval
        self.started = clock()
        self._last_draw: float | None = None
        self._width = 0

    def update(self, report: Any, force: bool = False) -> None:
        """Show the counts of an IngestReport (throttled unless `force`)."""
        now = self.clock()
        if not force and self._last_draw is not None and now - self._last_draw < self.min_interval:
            return
        self._last_draw = now
        self._draw(render(report, now - self.started, self.total))

    def clear(self) -> None:
        """Blank the line so that other output can be printed under a clean cursor."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
            self._last_draw = None  # redraw at the next update

    def close(self) -> None:
        self.clear()

    def _draw(self, line: str) -> None:
        pad = max(0, self._width - len(line))
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()
        self._width = len(line)


def render(report: Any, elapsed: float, total: int | None) -> str:
    """'1,234/7,600 inputs  58.2 docs/s  events 457  rejected 3  ETA 1:49' (no total: no ETA)."""
    done = report.inputs
    rate = done / elapsed if elapsed > 0 else 0.0
    head = f"{done:,}/{total:,} inputs" if total else f"{done:,} inputs"
    parts = [head, f"{rate:.1f} docs/s", f"events {report.events:,}", f"rejected {report.rejected:,}"]
    if total and rate > 0 and done < total:
        parts.append(f"ETA {_clock((total - done) / rate)}")
    return "  ".join(parts)


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def count_inputs(paths: Iterable[str]) -> int | None:
    """About how many inputs the paths hold: one per file, one per line of a .jsonl file; None
    when that cannot be known without reading them (stdin, gzip, WARC, JSON arrays)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        for found in expand_path(os.fspath(path)):
            if isinstance(found, Rejection):
                total += 1
            elif found.lower().endswith(UNCOUNTABLE):
                return None
            elif found.lower().endswith(".jsonl"):
                total += _lines(found)
            else:
                total += 1
    return total


def _lines(path: str) -> int:
    """Lines of a file, counted in 1 MiB chunks (a last line without a newline counts too)."""
    count, last = 0, b"\n"
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    return count + (last != b"\n")
