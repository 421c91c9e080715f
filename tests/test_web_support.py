"""What the web, security, browser and load tests share: a store built once per session from
demo stories plus one hostile article we wrote, an app over it, and a real server on 127.0.0.1.

No tests here; the other test_web_* / test_browser* / test_security* modules import it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO_FILES = [
    "demo/text/1999-09-13-usa-prk-missile-talks.txt",
    "demo/text/2000-06-15-kor-prk-summit.txt",
    "demo/text/2001-04-02-chn-usa-aircraft-collision.txt",
    "demo/text/2010-11-23-prk-kor-island-shelling.txt",
    "demo/text/2016-03-07-usa-kor-exercises-prk-threat.txt",
    "demo/pages/2018-04-27-kor-prk-panmunjom-summit.txt",
    "demo/pages/2022-08-05-chn-usa-taiwan-drills.html",
]
# Markup and event handlers in every field a page shows. If any of it ever ran in the dashboard it
# would set window.__xss; the browser test asserts it never does.
HOSTILE = {
    "id": "hostile-1",
    "title": "Shelling <img src=x onerror=\"window.__xss='title'\"> <script>window.__xss='title-script'</script>",
    "url": "javascript:window.__xss='url'",
    "date": "2010-11-24",
    "source": "<b onmouseover=\"window.__xss='source'\">Wire</b>",
    "text": (
        "North Korea <script>window.__xss='body'</script> shelled a South Korean island on Tuesday, "
        "killing two marines.\n\n"
        "South Korea condemned North Korea <img src=x onerror=\"window.__xss='img'\"> for the attack "
        "on Yeonpyeong island.\n\n"
        "Officials in Seoul said the O'Brien \"report\" <svg onload=\"window.__xss='svg'\"></svg> was false."
    ),
}
TOKEN = "test-token-0123456789"


def write_hostile(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    path.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    return path


def ingest_into(db: Path, paths: list[str], nlp) -> None:
    """Code `paths` into the store at `db` with the session's model, then build its clusters."""
    from tacitus.events.coder import load_coder
    from tacitus.pipeline import ingest
    from tacitus.prepare import PrepareOptions
    from tacitus.sources import ReaderOptions, read_inputs
    from tacitus.store import Store

    with Store(db) as store:
        ingest(read_inputs(paths, ReaderOptions()), store, nlp, PrepareOptions(), coder=load_coder())
        store.update_clusters()


def demo_store(tmp_path_factory, nlp) -> Path:
    """The session's store (built on first use): the demo stories above and the hostile article."""
    folder = tmp_path_factory.getbasetemp() / "web-demo-store"
    db = folder / "demo.duckdb"
    if not db.exists():
        folder.mkdir(exist_ok=True)
        hostile = write_hostile(folder)
        ingest_into(db, [str(REPO / p) for p in DEMO_FILES] + [str(hostile)], nlp)
    return db


@functools.cache
def text_coder(nlp):
    """POST /api/code's coder on the session's model (so tests load spaCy and the coder once)."""
    from tacitus.events.coder import load_coder
    from tacitus.web.coding import code_pasted

    coder = load_coder()
    return lambda text, date, source: code_pasted(nlp, coder, text, date, source)


def make_app(db: Path, nlp=None, **settings):
    from tacitus.config import load_config
    from tacitus.web import WebSettings, create_app

    return create_app(load_config(), db, WebSettings(**settings), text_coder=text_coder(nlp) if nlp else None)


def client(app):
    from fastapi.testclient import TestClient

    return TestClient(app, base_url="http://127.0.0.1")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(app) -> Iterator[str]:
    """Run `app` under uvicorn in a thread on 127.0.0.1 and a free port; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error",
                                           access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
