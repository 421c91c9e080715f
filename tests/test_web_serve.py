"""`tacitus serve` as a user runs it: a process that binds 127.0.0.1, answers, and stops on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import httpx
from test_web_support import REPO, demo_store, free_port


def test_serve_answers_on_loopback_and_stops_on_ctrl_c(tmp_path_factory, nlp):
    db = demo_store(tmp_path_factory, nlp)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tacitus.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.communicate()[1]
                assert time.monotonic() < deadline, "tacitus serve did not come up"
                time.sleep(0.2)
        assert resp.status_code == 200
        assert resp.json()["code_requires_token"] is False
        docs = httpx.get(f"http://127.0.0.1:{port}/api/stats").json()["documents"]
        assert docs > 0
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert f"serving {db} at http://127.0.0.1:{port}/ (Ctrl-C to stop)" in err
