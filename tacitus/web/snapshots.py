"""The server's view of the store: private snapshot copies, refreshed when the store is free.

Why snapshots: DuckDB lets one process write a file and refuses every other process, even a
read-only one, while the writer holds it (`tacitus ingest` holds the store for its whole run).
It also refuses the writer while any reader holds the file. So the server never keeps the live
store open: it takes a shared (read-only) lock only for the few milliseconds it needs to copy the
file, and answers every request from the copy. While an ingest holds the store, the copy cannot
be refreshed and the server keeps answering from the last one; when the ingest has finished (the
file changed and is free again), the next refresh copies it. Requests never wait for a writer
and never fail because of one. docs/web.md says what this costs (disk, staleness).

Each snapshot keeps a small pool of read-only `Store`s (one DuckDB connection each, one request
at a time) and is deleted once it is replaced and the last request using it has finished.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tacitus.errors import StoreError
from tacitus.store import Store

WAL_SUFFIX = ".wal"
LOCKED = "locked by another process"  # how Store words DuckDB's lock conflict


@dataclass(frozen=True, slots=True)
class FileState:
    """What tells us the live store changed: size and modification time of the file and its WAL."""

    size: int
    mtime_ns: int
    wal_size: int
    wal_mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileState:
        main = path.stat()
        wal = Path(str(path) + WAL_SUFFIX)
        wal_stat = wal.stat() if wal.exists() else None
        return cls(
            main.st_size, main.st_mtime_ns,
            wal_stat.st_size if wal_stat else -1, wal_stat.st_mtime_ns if wal_stat else -1,
        )


class Snapshot:
    """One private copy of the store and the read-only Stores open on it."""

    def __init__(self, path: Path, generation: int, state: FileState, taken_at: float) -> None:
        self.path = path
        self.generation = generation
        self.state = state
        self.taken_at = taken_at  # time.time() of the copy
        self._idle: list[Store] = []
        self._busy = 0
        self._retired = False
        self._lock = threading.Lock()

    def checkout(self) -> tuple[bool, Store | None]:
        """Count one more reader; (False, None) once retired. The Store is an idle one, if any."""
        with self._lock:
            if self._retired:
                return False, None
            self._busy += 1
            return True, (self._idle.pop() if self._idle else None)

    def checkin(self, store: Store | None) -> None:
        """One reader is done: its Store goes back to the pool, or is closed if we are retired."""
        with self._lock:
            self._busy -= 1
            if store is not None and not self._retired:
                self._idle.append(store)
                store = None
            last_out = self._retired and self._busy == 0
        if store is not None:
            store.close()
        if last_out:
            self._delete()

    def retire(self) -> None:
        """A newer snapshot replaces this one: close what is idle, delete once nobody reads it."""
        with self._lock:
            self._retired = True
            idle, self._idle = self._idle, []
            unused = self._busy == 0
        for store in idle:
            store.close()
        if unused:
            self._delete()

    def _delete(self) -> None:
        for name in (self.path, Path(str(self.path) + WAL_SUFFIX)):
            try:
                name.unlink()
            except FileNotFoundError:
                pass


class Snapshots:
    """Keeps a current snapshot of the store at `live`, refreshed at most every `interval` seconds.

    `current()` never blocks on the live store: if a refresh is due it is done by the one request
    that finds it due, and every other request goes on with the snapshot it has.
    """

    def __init__(self, live: str | Path, interval: float = 1.0, workdir: str | Path | None = None) -> None:
        self.live = Path(live)
        self.interval = interval
        self._dir = Path(tempfile.mkdtemp(prefix="tacitus-serve-", dir=workdir))
        # the copies go when the server stops, or when this object is collected if it never did
        weakref.finalize(self, shutil.rmtree, self._dir, True)
        self._current: Snapshot | None = None
        self._generation = 0
        self._checked = 0.0  # time.monotonic() of the last look at the live store
        self._refreshing = threading.Lock()
        self.last_error: str | None = None  # why the last refresh could not copy the store

    def open(self, wait: float = 0.0) -> Snapshot:
        """Take the first snapshot, waiting up to `wait` seconds while a writer holds the store;
        raises StoreError when the store cannot be copied (missing, not a store, still locked)."""
        deadline = time.monotonic() + wait
        while not self.refresh(force=True):
            locked = LOCKED in (self.last_error or "")
            if not locked or time.monotonic() >= deadline:
                raise StoreError(self.last_error or f"{self.live}: cannot take a snapshot")
            time.sleep(0.2)
        assert self._current is not None
        return self._current

    def current(self) -> Snapshot:
        """The snapshot to answer a request from, refreshing it first if that is due."""
        if time.monotonic() - self._checked >= self.interval:
            self.refresh()
        if self._current is None:
            raise StoreError(self.last_error or f"{self.live}: no snapshot of the store yet")
        return self._current

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A read-only Store on the current snapshot for one request."""
        while True:
            snapshot = self.current()
            ok, store = snapshot.checkout()
            if ok:  # else it was replaced between current() and checkout(): take the new one
                break
        try:
            if store is None:
                store = Store(snapshot.path, read_only=True)
            yield store
        finally:
            snapshot.checkin(store)

    def refresh(self, force: bool = False) -> bool:
        """Copy the live store if it changed since the current snapshot and no writer holds it.

        Returns True when a new snapshot was taken. Only one thread refreshes at a time; a thread
        that finds another refreshing returns at once (unless `force`, which waits).
        """
        if not self._refreshing.acquire(blocking=force):
            return False
        try:
            self._checked = time.monotonic()
            return self._refresh_locked()
        finally:
            self._refreshing.release()

    def ensure_open(self, wait: float = 0.0) -> None:
        """Take a snapshot if there is none (at server start-up, and again after a `close`)."""
        if self._current is None:
            self.open(wait)

    def close(self) -> None:
        """Retire the current snapshot and remove the working folder (a later `open` makes it
        again: an ASGI server may start and stop one app more than once)."""
        with self._refreshing:
            if self._current is not None:
                self._current.retire()
                self._current = None
            shutil.rmtree(self._dir, ignore_errors=True)

    def _refresh_locked(self) -> bool:
        if not self.live.is_file():
            self.last_error = f"{self.live}: the store does not exist"
            return False
        state = FileState.of(self.live)
        if self._current is not None and state == self._current.state:
            return False
        try:
            snapshot = self._copy()
        except StoreError as exc:  # a writer holds the store: keep answering from the old copy
            self.last_error = str(exc)
            return False
        old, self._current = self._current, snapshot
        self.last_error = None
        if old is not None:
            old.retire()
        return True

    def _copy(self) -> Snapshot:
        """Copy the store (and its WAL, after a crashed writer) while holding a shared lock, so
        that no writer can change it during the copy."""
        self._generation += 1
        self._dir.mkdir(mode=0o700, exist_ok=True)
        target = self._dir / f"snapshot-{self._generation}.duckdb"
        with Store(self.live, read_only=True):  # the shared lock; also checks the schema version
            state = FileState.of(self.live)
            shutil.copyfile(self.live, target)
            wal = Path(str(self.live) + WAL_SUFFIX)
            if wal.exists():
                shutil.copyfile(wal, Path(str(target) + WAL_SUFFIX))
        os.chmod(target, 0o600)
        return Snapshot(target, self._generation, state, time.time())
