"""Serving under load while an ingest writes to the same store (issue #7).

    python benchmarks/serve_load.py [--clients 20] [--requests 2000] [--copies 6] [--no-ingest]

Builds a store from the demo stories (`tacitus code`), starts `tacitus serve` on 127.0.0.1 in its
own process, starts `tacitus code` over `--copies` altered copies of the demo stories into the
same store (a second process holding DuckDB's write lock), waits until that writer has taken the
store, then sends `--requests` GET requests from `--clients` concurrent clients (each with its own
keep-alive connection) over a mix of API and dashboard routes. Prints failed requests, p50 / p90 /
p99 / max latency, requests per second, whether the writer held the store for the whole load,
and the document count the server shows before and after the ingest (it serves a snapshot and
picks up the new documents once the writer lets go). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
TACITUS = [sys.executable, "-m", "tacitus.cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--copies", type=int, default=6, help="altered copies of the demo stories to ingest meanwhile")
    parser.add_argument("--no-ingest", action="store_true", help="measure the server alone")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tacitus-serve-load-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> None:
    db = work / "store.duckdb"
    print("building the store from demo/ ...", flush=True)
    subprocess.run([*TACITUS, "code", "demo/text", "demo/pages", "demo/feed", "--db", str(db), "--format", "jsonl"],
                   cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = _free_port()
    server = subprocess.Popen([*TACITUS, "serve", "--db", str(db), "--port", str(port)], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    writer = None
    try:
        _wait_up(base, server)
        paths = _paths(base)
        before = httpx.get(f"{base}/api/stats").json()["documents"]
        if not args.no_ingest:
            writer = _start_writer(db, work, args.copies)
        print(f"load: {args.requests} requests from {args.clients} clients ...", flush=True)
        held_at_start = writer is not None and writer.poll() is None
        started = time.perf_counter()
        latencies, failures = _load(base, paths, args.clients, args.requests)
        elapsed = time.perf_counter() - started
        held_at_end = writer is not None and writer.poll() is None
        if writer is not None:
            writer.wait()
        after = _settled_documents(base, before if writer is None else None)
        _report(args, latencies, failures, elapsed, held_at_start and held_at_end, writer, before, after)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
        if writer is not None and writer.poll() is None:
            writer.kill()


def _paths(base: str) -> list[str]:
    """A request mix over the routes the dashboard uses, with real ids from the store."""
    events = httpx.get(f"{base}/api/events", params={"limit": 50}).json()["events"]
    docs = httpx.get(f"{base}/api/documents", params={"limit": 20}).json()["documents"]
    fixed = [
        "/api/meta", "/api/stats", "/api/events?limit=25", "/api/events?dyad=KOR,PRK&limit=25",
        "/api/events?actor=USA&from=1995-01-01&to=2010-12-31&limit=25", "/api/documents?limit=25",
        "/api/dyad?a=KOR&b=PRK&freq=year", "/api/dyad?a=USA&b=CHN&freq=month", "/api/actors?limit=20",
        "/api/dyads?limit=8", "/api/clusters?limit=25", "/", "/static/app.js",
    ]
    return fixed + [f"/api/events/{e['event_id']}" for e in events[:10]] + [f"/api/documents/{d['id']}" for d in docs[:10]]


def _start_writer(db: Path, work: Path, copies: int) -> subprocess.Popen:
    """`tacitus code` over altered copies of the demo stories (each copy is a new document), into
    the served store; returns once it has taken the store (its WAL appears), without probing the
    lock, which would itself get in the writer's way."""
    folder = work / "incoming"
    folder.mkdir()
    stories = sorted((REPO / "demo" / "text").glob("*.txt"))
    for k, story in itertools.product(range(copies), stories):
        text = story.read_text(encoding="utf-8")
        (folder / f"{k}-{story.name}").write_text(f"{text.rstrip()}\n\n(Edition {k + 1} of this story.)\n", encoding="utf-8")
    print(f"ingest: `tacitus code` over {copies * len(stories)} new documents into the served store ...", flush=True)
    writer = subprocess.Popen([*TACITUS, "code", str(folder), "--db", str(db), "--format", "jsonl"], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wal = Path(str(db) + ".wal")
    while not wal.exists() and writer.poll() is None:
        time.sleep(0.05)
    return writer


def _load(base: str, paths: list[str], clients: int, total: int) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    failures: list[str] = []
    counter = itertools.count()
    lock = threading.Lock()

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=60) as http:
            while next(counter) < total:
                path = rng.choice(paths)
                t0 = time.perf_counter()
                try:
                    resp = http.get(path)
                    ok = resp.status_code == 200
                    problem = f"{path}: HTTP {resp.status_code}"
                except httpx.HTTPError as exc:
                    ok, problem = False, f"{path}: {exc!r}"
                took = time.perf_counter() - t0
                with lock:
                    latencies.append(took)
                    if not ok:
                        failures.append(problem)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures


def _settled_documents(base: str, expected: int | None) -> int:
    """The document count once the server has refreshed its snapshot (up to 30 s)."""
    deadline = time.monotonic() + 30
    last = -1
    while time.monotonic() < deadline:
        meta = httpx.get(f"{base}/api/meta").json()
        count = httpx.get(f"{base}/api/stats").json()["documents"]
        if not meta["store_busy"] and count == last and (expected is None or count == expected):
            return count
        last = count
        time.sleep(1.5)
    return last


def _report(args, latencies, failures, elapsed, held, writer, before, after) -> None:
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    print(f"requests: {len(latencies)}  clients: {args.clients}  failed: {len(failures)}")
    for problem in failures[:10]:
        print(f"  failed: {problem}")
    print(f"latency: p50 {ms(cuts[49])}  p90 {ms(cuts[89])}  p99 {ms(cuts[98])}  max {ms(max(latencies))}")
    print(f"throughput: {len(latencies) / elapsed:.0f} requests/s over {elapsed:.1f} s")
    if writer is not None:
        err = writer.stderr.read().strip().splitlines() if writer.stderr else []
        print(f"ingest: exit {writer.returncode}; held the store for the whole load: {'yes' if held else 'no'}; "
              f"{err[-1] if err else ''}")
    print(f"documents served: {before} before, {after} after the ingest")
    print(f"machine: {os.cpu_count()} cores")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/api/meta", timeout=2)
            return
        except httpx.TransportError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"tacitus serve did not start: {server.stderr.read() if server.stderr else ''}")
            time.sleep(0.2)


if __name__ == "__main__":
    main()
