"""The JSON API, in process, over a store coded from demo stories: every answer is checked against
what the store and the analysis functions say directly, so the API adds links and shapes, never
different numbers."""

from __future__ import annotations

import pytest
from test_web_support import HOSTILE, client, demo_store, make_app

from tacitus import analysis
from tacitus.store import Store
from tacitus.store.filters import EventFilter


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    return demo_store(tmp_path_factory, nlp)


@pytest.fixture(scope="module")
def api(db, nlp):
    with client(make_app(db, nlp)) as c:
        yield c


@pytest.fixture(scope="module")
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def test_stats_are_the_stores_own(api, store):
    assert api.get("/api/stats").json() == store.stats().to_json()


def test_paging_through_events_returns_each_event_once_in_the_stores_order(api, store):
    total = store.count_events()
    seen = []
    for offset in range(0, total, 7):
        page = api.get("/api/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == total
        seen += [e["event_id"] for e in page["events"]]
    assert seen == [e.event_id for e in store.query_events(limit=total)]
    assert len(set(seen)) == total > 0


def test_a_dyad_filter_is_the_same_question_as_the_stores(api, store):
    body = api.get("/api/events", params={"dyad": "kor,PRK", "limit": 500}).json()
    expected = store.query_events(EventFilter(dyad=("KOR", "PRK")), limit=500)
    assert [e["event_id"] for e in body["events"]] == [e.event_id for e in expected]
    assert body["total"] == len(expected) > 0
    for e in body["events"]:
        assert {e["source"]["country"], e["target"]["country"]} == {"KOR", "PRK"}


def test_the_2010_shelling_is_a_north_korean_act_of_material_conflict(api):
    body = api.get("/api/events", params={
        "dyad": "PRK,KOR", "directed": "true", "from": "2010-11-23", "to": "2010-11-23", "quad_class": 4,
    }).json()
    assert body["total"] >= 1
    assert {e["source"]["country"] for e in body["events"]} == {"PRK"}
    assert {e["quad_class"] for e in body["events"]} == {4}


def test_a_filter_that_cannot_be_met_is_a_400_that_says_why(api):
    resp = api.get("/api/events", params={"from": "2001-01-01", "to": "2000-01-01"})
    assert resp.status_code == 400
    assert resp.json() == {"detail": "date_from 2001-01-01 is after date_to 2000-01-01"}


def test_one_event_carries_its_sentence_spans_and_document(api, store):
    [event] = store.query_events(EventFilter(dyad=("PRK", "KOR"), directed=True, quad_class=4), limit=1)
    body = api.get(f"/api/events/{event.event_id}").json()
    assert {k: body[k] for k in event.to_json()} == event.to_json()
    evidence = body["evidence"]
    assert evidence["sentence"] == event.sentence
    pieces = {s["kind"]: evidence["sentence"][s["start"]:s["end"]] for s in evidence["spans"]}
    assert pieces == {"source": event.source.text, "target": event.target.text, "trigger": event.trigger["text"]}
    assert body["document"]["id"] == event.doc_id
    assert body["document"]["api"] == f"/api/documents/{event.doc_id}"
    assert body["document"]["page"] == f"/#/document/{event.doc_id}"
    assert api.get(body["document"]["api"]).status_code == 200


def test_a_document_comes_with_clean_text_and_every_span_to_highlight(api, store):
    doc = next(d for d in store.documents(limit=100) if d.ref == HOSTILE["id"])
    body = api.get(f"/api/documents/{doc.id}").json()
    events = store.events_of(doc.id)
    assert body["text"] == store.get_document(doc.id).text
    assert body["title"] == HOSTILE["title"]
    assert [e["event_id"] for e in body["events"]] == [e.event_id for e in events]
    assert len(body["spans"]) == sum(1 + (e.source is not None) + (e.target is not None) for e in events)
    for span in body["spans"]:
        event = next(e for e in events if e.event_id == span["event_id"])
        expected = {"source": event.source, "target": event.target}.get(span["kind"])
        text = expected.text if expected else event.trigger["text"]
        assert body["text"][span["start"]:span["end"]] == text


def test_unknown_ids_are_404_and_malformed_ids_are_422(api):
    assert api.get("/api/events/0123456789abcdef").status_code == 404
    assert api.get("/api/documents/0123456789abcdef").json() == {"detail": "no document with id 0123456789abcdef"}
    assert api.get("/api/clusters/0123456789abcdef").status_code == 404
    assert api.get("/api/documents/not-an-id").status_code == 422


def test_documents_list_newest_first_with_paging(api, store):
    body = api.get("/api/documents", params={"limit": 3, "offset": 1}).json()
    assert body["documents"] == [d.to_json() for d in store.documents(limit=3, offset=1)]
    assert api.get("/api/documents", params={"limit": 0}).status_code == 422
    assert api.get("/api/documents", params={"limit": 501}).status_code == 422


def test_the_dyad_series_and_its_chart_rows_count_the_dyads_events(api, store):
    body = api.get("/api/dyad", params={"a": "KOR", "b": "PRK", "freq": "year"}).json()
    assert body == {**analysis.dyad_series(store, "KOR", "PRK", "year").to_json(), "chart": body["chart"]}
    placed = sum(p["events"] for p in body["combined"])
    assert placed + sum(body["excluded"].values()) == store.count_events(EventFilter(dyad=("KOR", "PRK")))
    assert [r["period"] for r in body["chart"]] == body["periods"]
    for row, cell in zip(body["chart"], body["combined"]):
        assert row["cooperation"] + row["conflict"] == cell["events"]
        assert row["from"] == f"{row['period']}-01-01" and row["to"] == f"{row['period']}-12-31"
    by_year = {r["period"]: r for r in body["chart"]}
    assert by_year["2010"]["conflict"] >= 1 and by_year["2000"]["cooperation"] >= 1


def test_a_dyad_series_too_long_to_draw_is_refused(api):
    resp = api.get("/api/dyad", params={"a": "KOR", "b": "PRK", "freq": "day"})
    assert resp.status_code == 400
    assert "periods of a day; at most 5000" in resp.json()["detail"]


def test_actors_network_and_busiest_dyads_match_the_analysis(api, store):
    assert api.get("/api/actors", params={"limit": 5}).json() == {
        "by": "code", "actors": [a.to_json() for a in analysis.actor_activity(store, limit=5)]}
    assert api.get("/api/network").json() == analysis.event_network(store).to_json()
    dyads = api.get("/api/dyads", params={"limit": 3}).json()["dyads"]
    for d in dyads:
        assert d["events"] == store.count_events(EventFilter(dyad=(d["a"], d["b"])))
    assert [d["events"] for d in dyads] == sorted((d["events"] for d in dyads), reverse=True)


def test_clusters_list_and_one_cluster(api, store):
    body = api.get("/api/clusters", params={"limit": 500}).json()
    assert body["total"] == store.count_clusters()
    assert body["clusters"] == [c.to_json() for c in store.clusters(limit=500)]
    first = body["clusters"][0]
    one = api.get(f"/api/clusters/{first['cluster_id']}").json()
    assert one == store.get_cluster(first["cluster_id"]).to_json()
    member = store.get_cluster(first["cluster_id"]).event_ids[0]
    assert api.get(f"/api/events/{member}").json()["cluster"]["cluster_id"] == first["cluster_id"]


def test_code_a_pasted_text_without_storing_it(api, store):
    text = ("Japan and South Korea held talks in Tokyo on Monday.\n\n"
            "North Korea fired two missiles into the sea on Tuesday, officials said.")
    before = api.get("/api/stats").json()
    resp = api.post("/api/code", json={"text": text, "date": "2019-05-08", "source": "Desk"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["chars"] == len(text)
    assert len(body["events"]) >= 2
    for event in body["events"]:
        assert event["doc_ref"] == "Desk"
        start, end = event["trigger"]["span"]
        assert text[start:end] == event["trigger"]["text"]
    assert {e["source"]["country"] for e in body["events"] if e["source"]} >= {"JPN", "PRK"}
    assert api.get("/api/stats").json() == before
    assert not store.has_document(body["events"][0]["doc_id"])


def test_pasted_text_must_be_there(api):
    assert api.post("/api/code", json={"text": ""}).status_code == 422
    assert api.post("/api/code", json={"text": "x", "date": "not a date"}).status_code == 422


def test_the_dashboard_and_its_files_come_from_this_server_only(api):
    page = api.get("/")
    assert page.status_code == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert '<script src="/static/app.js"></script>' in page.text
    for name, kind in (("app.js", "text/javascript"), ("chart.js", "text/javascript"), ("style.css", "text/css")):
        resp = api.get(f"/static/{name}")
        assert resp.status_code == 200 and resp.headers["content-type"].startswith(kind)
        assert "http://" not in resp.text.replace("http://www.w3.org/2000/svg", "") and "https://" not in resp.text
    assert "https://" not in page.text and "http://" not in page.text


def test_openapi_is_served_and_the_cdn_docs_pages_are_not(api):
    schema = api.get("/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/meta", "/api/stats", "/api/documents", "/api/documents/{doc_id}", "/api/code",
        "/api/events", "/api/events/{event_id}", "/api/clusters", "/api/clusters/{cluster_id}",
        "/api/dyads", "/api/dyad", "/api/actors", "/api/network",
    }
    assert api.get("/docs").status_code == 404
    assert api.get("/redoc").status_code == 404
