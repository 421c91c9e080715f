"""Server security (issue #7): loopback by default, the token, size and rate limits, foreign Host
headers, SQL that stays data, request paths that never reach the filesystem, and a dashboard
that never turns data into markup."""

from __future__ import annotations

import builtins
import pathlib
import re

import pytest
from test_web_support import HOSTILE, REPO, TOKEN, client, demo_store, make_app

from tacitus.cli import build_parser, main
from tacitus.store import Store
from tacitus.store.filters import EventFilter, FilterError

STATIC = REPO / "tacitus" / "web" / "static"


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    return demo_store(tmp_path_factory, nlp)


@pytest.fixture(scope="module")
def api(db, nlp):
    with client(make_app(db, nlp)) as c:
        yield c


# --- binding and the token ----------------------------------------------------------------------

class FakeServer:
    """Stands in for uvicorn.Server: records what `tacitus serve` would run, runs nothing."""

    seen: list = []

    def __init__(self, config):
        FakeServer.seen.append(config)

    def run(self):
        return None


def _serve(monkeypatch, db, *extra):
    import uvicorn

    FakeServer.seen = []
    monkeypatch.setattr(uvicorn, "Server", FakeServer)
    monkeypatch.delenv("TACITUS_TOKEN", raising=False)
    assert main(["serve", "--db", str(db), "--port", "8765", *extra]) == 0
    [config] = FakeServer.seen
    return config


def test_serve_binds_loopback_unless_told_and_needs_no_token_there(monkeypatch, db, capsys):
    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    config = _serve(monkeypatch, db)
    assert (config.host, config.port) == ("127.0.0.1", 8765)
    assert config.app.state.settings.token is None
    assert config.app.state.settings.allowed_hosts == ("127.0.0.1", "localhost", "::1")
    assert f"serving {db} at http://127.0.0.1:8765/" in capsys.readouterr().err


def test_serve_on_a_network_address_makes_up_a_token_and_prints_it(monkeypatch, db, capsys):
    config = _serve(monkeypatch, db, "--host", "0.0.0.0")
    token = config.app.state.settings.token
    assert token and len(token) >= 24
    assert config.app.state.settings.allowed_hosts is None
    assert f"POST /api/code needs this token: {token}" in capsys.readouterr().err


def test_serve_takes_the_token_it_is_given(monkeypatch, db):
    config = _serve(monkeypatch, db, "--host", "0.0.0.0", "--token", TOKEN)
    assert config.app.state.settings.token == TOKEN


def test_serve_without_a_store_is_an_error_that_names_it(tmp_path, capsys):
    missing = tmp_path / "none.duckdb"
    assert main(["serve", "--db", str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"tacitus: error: {missing}: the store does not exist"


def test_code_needs_the_token_when_the_server_has_one(db, nlp):
    with client(make_app(db, nlp, token=TOKEN)) as api:
        payload = {"text": "Japan and South Korea held talks in Tokyo on Monday."}
        missing = api.post("/api/code", json=payload)
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
        assert api.post("/api/code", json=payload, headers={"Authorization": "Bearer wrong-token-xyz"}).status_code == 401
        assert api.post("/api/code", json=payload, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert api.get("/api/events").status_code == 200  # reading needs no token
        assert api.get("/api/meta").json()["code_requires_token"] is True


# --- size and rate limits -----------------------------------------------------------------------

def test_bodies_over_the_limit_are_refused_before_they_are_read(db):
    with client(make_app(db, max_request_bytes=2000)) as api:
        big = {"text": "x" * 3000}
        resp = api.post("/api/code", json=big)
        assert resp.status_code == 413
        assert resp.json() == {"detail": "request body over the limit of 2000 bytes"}

        def chunks():  # no Content-Length: the limit still holds while the body streams in
            for _ in range(10):
                yield b"y" * 500

        streamed = api.post("/api/code", content=chunks(), headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413


def test_pasted_text_over_the_limit_is_refused(db):
    with client(make_app(db, max_code_chars=50)) as api:
        resp = api.post("/api/code", json={"text": "Japan and South Korea held talks in Tokyo on Monday, officials said."})
        assert resp.status_code == 413
        assert resp.json() == {"detail": "text of 68 characters; the limit is 50"}


def test_codings_per_client_are_rate_limited(db, nlp):
    with client(make_app(db, nlp, code_per_minute=2)) as api:
        payload = {"text": "Japan and South Korea held talks in Tokyo on Monday."}
        assert [api.post("/api/code", json=payload).status_code for _ in range(2)] == [200, 200]
        third = api.post("/api/code", json=payload)
        assert third.status_code == 429
        assert 1 <= int(third.headers["retry-after"]) <= 61


# --- Host header, security headers -------------------------------------------------------------

def test_foreign_host_headers_are_refused(api):
    assert api.get("/api/stats", headers={"Host": "attacker.example"}).status_code == 400
    assert api.get("/api/stats", headers={"Host": "attacker.example:8000"}).status_code == 400
    assert api.get("/api/stats", headers={"Host": "localhost:8000"}).status_code == 200
    assert api.get("/api/stats", headers={"Host": "[::1]:8000"}).status_code == 200


def test_every_response_carries_the_security_headers(api):
    for path in ("/", "/static/app.js", "/api/stats", "/api/events/0123456789abcdef", "/nowhere"):
        headers = api.get(path).headers
        assert headers["content-security-policy"].startswith("default-src 'none'; script-src 'self';")
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


# --- SQL stays data -----------------------------------------------------------------------------

QUOTED = ["O'Brien", "USA' OR '1'='1", 'PRK"; DROP TABLE events; --', "KOR') --"]


def test_quote_laden_actor_filters_are_refused_and_the_store_is_untouched(api, db):
    before = api.get("/api/stats").json()
    for value in QUOTED:
        assert api.get("/api/events", params={"actor": value}).status_code == 422
        assert api.get("/api/events", params={"dyad": f"USA,{value}"}).status_code == 422
        assert api.get("/api/dyad", params={"a": value, "b": "PRK"}).status_code == 422
        with pytest.raises(FilterError):
            EventFilter(actor=value)
    assert api.get("/api/stats").json() == before


def test_quotes_in_a_text_filter_are_matched_as_text(api, db):
    hit = api.get("/api/events", params={"text": "O'Brien \"report\""}).json()
    with Store(db, read_only=True) as store:
        expected = store.count_events(EventFilter(text="O'Brien \"report\""))
        assert hit["total"] == expected
        assert all("O'Brien \"report\"" in e["sentence"] for e in hit["events"])
        for value in ("x' OR '1'='1", "'; DROP TABLE events; --", "%' OR 1=1 --"):
            assert api.get("/api/events", params={"text": value}).json()["total"] == 0
        assert store.count_events() == api.get("/api/stats").json()["events"] > 0


def test_a_quote_in_an_id_is_a_422_not_a_query(api):
    assert api.get("/api/events/abc'--").status_code == 422
    assert api.get("/api/documents/' OR 1=1 --").status_code == 422


# --- paths from requests never reach the filesystem --------------------------------------------

def test_static_files_are_served_from_memory_and_nothing_else_is_served(api, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a request touched the filesystem")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    monkeypatch.setattr(pathlib.Path, "open", refuse)
    for path in ("/static/app.js", "/static/style.css", "/"):
        assert api.get(path).status_code == 200
    for path in ("/static/../api.py", "/static/..%2fapi.py", "/static/%2e%2e%2f%2e%2e%2fcli%2f__init__.py",
                 "/static/__init__.py", "/static/index.html", "/static/", "/static/app.js%00.py",
                 "/static/..%5c..%5cpyproject.toml", "/etc/passwd", "/static//etc/passwd"):
        assert api.get(path).status_code == 404, path


def test_static_files_are_the_packaged_files(api):
    for name in ("app.js", "chart.js", "style.css", "favicon.svg"):
        assert api.get(f"/static/{name}").content == (STATIC / name).read_bytes()


# --- the dashboard never turns data into markup -------------------------------------------------

def test_the_dashboard_scripts_never_write_markup(api):
    for name in ("app.js", "chart.js"):
        source = (STATIC / name).read_text()
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                     "setTimeout(\"", "javascript:"):
            assert sink not in source, f"{name} uses {sink}"
    index = (STATIC / "index.html").read_text()
    assert not re.search(r"<script>|\son\w+=|style=", index)


def test_hostile_text_comes_back_as_text_in_the_api(api):
    docs = api.get("/api/documents", params={"limit": 100}).json()["documents"]
    [hostile] = [d for d in docs if d["ref"] == HOSTILE["id"]]
    assert hostile["title"] == HOSTILE["title"]
    body = api.get(f"/api/documents/{hostile['id']}")
    assert body.headers["content-type"] == "application/json"
    assert body.json()["url"] == HOSTILE["url"]  # kept as data; the dashboard never links it
