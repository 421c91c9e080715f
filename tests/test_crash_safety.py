"""Crash safety: `tacitus code` killed mid-run (SIGKILL) or interrupted (SIGINT), then rerun, leaves
the same store as one uninterrupted run - same documents, same events, nothing twice, nothing lost.

The corpus is generated from our own sentence templates: 2,000 one-sentence documents in 20
batches of 100. The stores are compared by documents, events and event clusters (`tacitus code`
updates the clusters of what it coded, so a rerun must also cluster what the killed run stored).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.cli import main
from tacitus.store import Store

DOCS = 2000
BATCH = 100
COUNTRIES = ["Chile", "Peru", "Kenya", "Uganda", "Norway", "Sweden", "Ghana", "Togo", "Japan", "Vietnam"]
TEMPLATES = [
    "{a} and {b} held talks on fishing rights on Tuesday, in round {i} of the negotiations.",
    "{a} accused {b} of violating the ceasefire on Monday, in complaint {i} this year.",
    "{a} praised {b} for its help after flood number {i} hit the coast.",
    "{a} signed agreement {i} with {b} on cross-border trade on Friday.",
]


def _document(i: int) -> str:
    a = COUNTRIES[i % len(COUNTRIES)]
    b = COUNTRIES[(i // len(COUNTRIES) + i + 1) % len(COUNTRIES)]
    if a == b:
        b = COUNTRIES[(i + 3) % len(COUNTRIES)]
    return TEMPLATES[i % len(TEMPLATES)].format(a=a, b=b, i=i)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "wire.jsonl"
    lines = (json.dumps({"id": f"wire-{i}", "date": "2004-03-02", "text": _document(i)}) for i in range(DOCS))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _code(corpus: Path, db: Path) -> int:
    """A complete `tacitus code` run in this process (output discarded)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(["code", str(corpus), "--db", str(db), "--workers", "1", "--batch-size", str(BATCH)])


def _contents(db: Path) -> dict:
    with Store(db, read_only=True) as store:
        docs = [d.id for d in store.documents(limit=10 * DOCS)]
        events = [e.event_id for e in store.events(limit=10 * DOCS)]
        clusters = sorted(tuple(sorted(c.event_ids)) for c in store.clusters(limit=10 * DOCS))
        stats = store.stats()
    assert len(docs) == len(set(docs)) and len(events) == len(set(events))  # nothing twice
    return {"documents": sorted(docs), "events": sorted(events), "clusters": clusters,
            "coded": stats.coded, "sentences": stats.sentences, "rejections": stats.rejections}


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("reference") / "ref.duckdb"
    assert _code(corpus, db) == 0
    contents = _contents(db)
    assert len(contents["documents"]) == DOCS == contents["coded"]
    assert len(contents["events"]) >= DOCS
    # every event is in exactly one cluster
    assert sorted(e for c in contents["clusters"] for e in c) == contents["events"]
    return contents


def _start_and_signal(corpus: Path, db: Path, sig: int) -> tuple[int, str]:
    """Start `tacitus code` as a subprocess, wait until it has printed the events of a few
    committed batches, send it `sig`, and return its exit status and standard error."""
    cmd = [sys.executable, "-m", "tacitus.cli", "code", str(corpus), "--db", str(db), "--workers", "1",
           "--batch-size", str(BATCH), "--format", "jsonl"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        for n, _ in enumerate(proc.stdout, 1):
            if n == 2 * BATCH:  # events are printed only after their batch is committed
                proc.send_signal(sig)
                break
        proc.stdout.read()
        err = proc.stderr.read()
        return proc.wait(timeout=60), err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _partial(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return store.stats().documents


def test_killed_mid_run_then_rerun_equals_an_uninterrupted_run(corpus, reference, tmp_path):
    db = tmp_path / "killed.duckdb"
    status, _ = _start_and_signal(corpus, db, signal.SIGKILL)
    assert status == -signal.SIGKILL
    stored = _partial(db)
    assert 0 < stored < DOCS and stored % BATCH == 0  # whole batches only
    with Store(db, read_only=True) as store:
        assert store.run_state(1) == "unfinished"  # a killed run never ends
    assert _code(corpus, db) == 0
    assert _contents(db) == reference


def test_interrupted_then_rerun_equals_an_uninterrupted_run(corpus, reference, tmp_path):
    db = tmp_path / "interrupted.duckdb"
    status, err = _start_and_signal(corpus, db, signal.SIGINT)
    assert status == 130
    assert "tacitus: interrupted" in err and f"ingested {_partial(db)} inputs" in err  # the summary
    stored = _partial(db)
    assert 0 < stored < DOCS and stored % BATCH == 0
    with Store(db, read_only=True) as store:
        assert store.run_state(1) == "interrupted"
    assert _code(corpus, db) == 0
    with Store(db, read_only=True) as store:
        assert store.run_state(2) == "finished"
    assert _contents(db) == reference
