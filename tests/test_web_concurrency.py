"""Serving while an ingest writes (issue #7): the server answers from a private snapshot, so a
writer in another process never makes a request fail, and the server picks up what it wrote once
it lets go of the store. The full-size load (20 clients, 2,000 requests) is
benchmarks/serve_load.py; this is the same thing, smaller."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from test_web_support import REPO, demo_store, make_app, serving

from tacitus.store import Store
from tacitus.web.snapshots import Snapshots

# A writer that takes the store, says so, waits for "go", ingests three stories and lets go: what
# `tacitus ingest` does, with a pause in the middle so the test knows it holds the lock.
WRITER = """
import sys
from tacitus.nlp import load_nlp
from tacitus.pipeline import ingest
from tacitus.prepare import PrepareOptions
from tacitus.sources import ReaderOptions, read_inputs
from tacitus.store import Store

nlp = load_nlp()
with Store(sys.argv[1]) as store:
    print("locked", flush=True)
    sys.stdin.readline()
    report = ingest(read_inputs(sys.argv[2:], ReaderOptions()), store, nlp, PrepareOptions())
print("done", report.stored, flush=True)
"""
NEW_STORIES = [
    "demo/text/1995-07-11-usa-vnm-normalisation.txt",
    "demo/text/2003-09-12-iaea-irn-deadline.txt",
    "demo/text/2004-03-02-usa-kor-prk-food-aid.txt",
]
# A process that takes the store for writing, writes one rejection row, and holds on until told.
HOLDER = """
import sys
from tacitus.records import Rejection
from tacitus.store import Store

store = Store(sys.argv[1])
store.add_rejection(Rejection("holder.txt", None, "written while the server serves"))
print("locked", flush=True)
sys.stdin.readline()
store.close()
"""


def _hold(db: Path, program: str, *args: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", program, str(db), *args], cwd=REPO, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def _load(base: str, paths: list[str], clients: int, rounds: int) -> list[str]:
    """`clients` threads each GET every path `rounds` times; returns every failure."""
    failures: list[str] = []

    def work() -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            for _ in range(rounds):
                for path in paths:
                    try:
                        resp = http.get(path)
                        if resp.status_code != 200:
                            failures.append(f"{path}: {resp.status_code}")
                    except httpx.HTTPError as exc:
                        failures.append(f"{path}: {exc!r}")

    threads = [threading.Thread(target=work) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return failures


@pytest.fixture
def db(tmp_path_factory, nlp, tmp_path) -> Path:
    """A private copy of the demo store: these tests write to it."""
    copy = tmp_path / "store.duckdb"
    shutil.copyfile(demo_store(tmp_path_factory, nlp), copy)
    return copy


def test_a_snapshot_outlives_a_writer_and_follows_it_afterwards(db, tmp_path):
    snapshots = Snapshots(db, interval=0, workdir=tmp_path)
    first = snapshots.open()
    with snapshots.store() as store:
        rejections = store.stats().rejections
    holder = _hold(db, HOLDER)
    try:
        assert snapshots.refresh() is False  # the file changed, but the writer holds it: keep the copy
        assert "locked by another process" in snapshots.last_error
        assert snapshots.current() is first
        with snapshots.store() as store:
            assert store.stats().rejections == rejections
    finally:
        holder.communicate("stop\n", timeout=30)
    assert snapshots.refresh() is True  # the writer let go: copy it again
    assert snapshots.last_error is None
    with snapshots.store() as store:
        assert store.stats().rejections == rejections + 1
    assert not first.path.exists()
    snapshots.close()
    assert not any(tmp_path.glob("tacitus-serve-*"))


def test_a_replaced_snapshot_is_deleted_when_its_last_reader_is_done(db, tmp_path):
    snapshots = Snapshots(db, interval=0, workdir=tmp_path)
    old = snapshots.open()
    with snapshots.store() as reading:
        db.touch()  # the live store "changed"
        assert snapshots.refresh() is True
        assert old.path.exists()  # still being read
        assert reading.stats().documents > 0
    assert not old.path.exists()
    assert snapshots.current().path.exists()
    snapshots.close()


def test_requests_never_fail_while_an_ingest_writes_and_then_see_what_it_wrote(db):
    app = make_app(db, refresh_interval_s=0.05)
    with serving(app) as base, httpx.Client(base_url=base) as http:
        before = http.get("/api/stats").json()["documents"]
        one = http.get("/api/events", params={"limit": 1}).json()["events"][0]
        paths = ["/api/meta", "/api/events?dyad=KOR,PRK&limit=5", "/api/documents?limit=5",
                 f"/api/events/{one['event_id']}", "/"]
        writer = _hold(db, WRITER, *(str(REPO / p) for p in NEW_STORIES))
        try:
            assert _load(base, paths, clients=4, rounds=5) == []  # 100 requests, writer holds the store
            assert http.get("/api/stats").json()["documents"] == before
            writer.stdin.write("go\n")
            writer.stdin.flush()
            assert _load(base, paths, clients=4, rounds=5) == []  # 100 more while it ingests
            out, _ = writer.communicate(timeout=120)
        finally:
            if writer.poll() is None:
                writer.kill()
        assert out.strip() == "done 3"
        deadline = time.monotonic() + 15
        while http.get("/api/stats").json()["documents"] != before + 3 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert http.get("/api/stats").json()["documents"] == before + 3
        assert http.get("/api/meta").json()["store_busy"] is False
