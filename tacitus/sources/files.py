"""Path walking: turn the paths a user named into the files to read, in a stable order.

A directory is walked depth-first with each level sorted by name (so `a/1.txt`, `a/b/x.txt`,
`a/c.txt`), and paths keep the spelling the user gave (`data/` stays `data/...`). Hidden
entries (names starting with ".") are skipped; every other entry becomes either a path to
read or a Rejection that says why it cannot be: symbolic links to directories are not
followed (loops), and sockets, FIFOs and devices inside a directory are rejected. A path
named directly is read whatever it is, so `<(zcat x.gz)` works.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator

from tacitus.records import Rejection


def os_reason(exc: OSError) -> str:
    """A lower-case sentence for an OS error ("permission denied")."""
    return (exc.strerror or str(exc)).lower()


def expand_path(path: str) -> Iterator[str | Rejection]:
    """Yield the files to read under `path` (itself if not a directory), or Rejections."""
    if not os.path.lexists(path):
        yield Rejection(path, None, "no such file or directory")
    elif not os.path.exists(path):
        yield Rejection(path, None, "broken symbolic link")
    elif os.path.isdir(path):
        found = False
        for item in _walk(path):
            found = True
            yield item
        if not found:
            yield Rejection(path, None, "directory holds no input files (hidden entries are skipped)")
    else:
        yield path


def _walk(directory: str) -> Iterator[str | Rejection]:
    try:
        with os.scandir(directory) as listing:
            entries = sorted((entry for entry in listing if not entry.name.startswith(".")),
                             key=lambda entry: entry.name)
    except OSError as exc:
        yield Rejection(directory, None, f"cannot list directory: {os_reason(exc)}")
        return
    for entry in entries:
        path = os.path.join(directory, entry.name)
        yield from _entry(path, entry)


def _entry(path: str, entry: os.DirEntry) -> Iterator[str | Rejection]:
    try:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
            return
        if entry.is_symlink() and entry.is_dir():
            yield Rejection(path, None, "symbolic link to a directory (not followed)")
            return
        mode = entry.stat().st_mode
    except FileNotFoundError:
        yield Rejection(path, None, "broken symbolic link")
        return
    except OSError as exc:
        yield Rejection(path, None, os_reason(exc))
        return
    if stat.S_ISREG(mode):
        yield path
    else:
        yield Rejection(path, None, "not a regular file")
