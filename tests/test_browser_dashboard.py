"""The dashboard in a real browser: headless Chromium (Debian's, installed by
scripts/install-browser.sh) driven by Playwright against a server on 127.0.0.1.

Clicks through timeline -> events of a period -> one event -> its document, codes a pasted text,
and opens a document full of markup and event handlers to check that none of it runs.
Screenshots go to test-output/browser/.
"""

from __future__ import annotations

import os

import pytest
from test_web_support import HOSTILE, REPO, demo_store, make_app, serving

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = REPO / "test-output" / "browser"

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"{CHROMIUM} is absent: run scripts/install-browser.sh (apt-get install chromium) to run the browser tests",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory, nlp):
    """(base URL, httpx client on it) of a live server over the demo store."""
    import httpx

    app = make_app(demo_store(tmp_path_factory, nlp), nlp)
    with serving(app) as base, httpx.Client(base_url=base) as http:
        yield base, http


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records script errors and dialogs (an alert() from injected code)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda exc: page.problems.append(f"page error: {exc}"))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield page
    context.close()


def test_timeline_to_event_to_document(site, page):
    base, http = site
    series = http.get("/api/dyad", params={"a": "KOR", "b": "PRK", "freq": "year"}).json()
    y2010 = next(r for r in series["chart"] if r["period"] == "2010")

    page.goto(f"{base}/#/timeline?a=KOR&b=PRK&freq=year")
    bar = page.locator('#timeline-chart rect.bar.conf[data-period="2010"]')
    bar.wait_for()
    assert page.locator("#timeline-chart rect.bar").count() == 2 * len(series["chart"])
    assert bar.get_attribute("data-count") == str(y2010["conflict"])
    assert page.locator("h1").inner_text() == "KOR – PRK"
    page.screenshot(path=str(SHOTS / "1-timeline.png"), full_page=True)

    bar.click()
    page.wait_for_url("**/#/events?dyad=KOR%2CPRK&from=2010-01-01&to=2010-12-31")
    page.locator("table.events tbody tr").first.wait_for()
    listed = http.get("/api/events", params={"dyad": "KOR,PRK", "from": "2010-01-01", "to": "2010-12-31", "limit": 25}).json()
    assert page.locator("#page-info").inner_text() == f"1–{min(25, listed['total'])} of {listed['total']}"
    rows = page.locator("table.events tbody tr")
    assert [rows.nth(i).get_attribute("data-event") for i in range(rows.count())] == [e["event_id"] for e in listed["events"]]
    page.screenshot(path=str(SHOTS / "2-events.png"), full_page=True)

    first = listed["events"][0]
    rows.first.locator("a.event-link").click()
    page.wait_for_url(f"**/#/event/{first['event_id']}")
    page.locator("#evidence mark").first.wait_for()
    marks = page.locator("#evidence mark")
    shown = {marks.nth(i).get_attribute("data-kind"): marks.nth(i).inner_text() for i in range(marks.count())}
    assert shown == {"source": first["source"]["text"], "target": first["target"]["text"], "trigger": first["trigger"]["text"]}
    assert page.locator("#evidence").inner_text() == first["sentence"]
    page.screenshot(path=str(SHOTS / "3-event.png"), full_page=True)

    page.locator("#document-link").click()
    page.wait_for_url(f"**/#/document/{first['doc_id']}?event={first['event_id']}")
    page.locator("#document-text mark.focus").first.wait_for()
    doc = http.get(f"/api/documents/{first['doc_id']}").json()
    assert page.locator("#document-title").inner_text() == doc["title"]
    assert page.locator("#document-text").inner_text() == doc["text"]
    focused = page.locator("#document-text mark.focus")
    assert {focused.nth(i).inner_text() for i in range(focused.count())} == {
        first["source"]["text"], first["target"]["text"], first["trigger"]["text"]}
    page.screenshot(path=str(SHOTS / "4-document.png"), full_page=True)
    assert page.problems == []


def test_the_event_filters_ask_the_api_the_same_question(site, page):
    base, http = site
    expected = http.get("/api/events", params={"dyad": "CHN,USA", "quad_class": 4, "limit": 25}).json()
    page.goto(f"{base}/#/events")
    page.locator("#event-filters input[name=dyad]").fill(" chn, usa ")
    page.locator("#event-filters select[name=quad_class]").select_option("4")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/#/events?dyad=CHN%2CUSA&quad_class=4")
    page.locator("#page-info").wait_for()
    assert page.locator("#page-info").inner_text() == f"1–{expected['total']} of {expected['total']}"
    rows = page.locator("table.events tbody tr")
    assert [rows.nth(i).get_attribute("data-event") for i in range(rows.count())] == [e["event_id"] for e in expected["events"]]
    assert page.problems == []


def test_code_a_pasted_text_in_the_page(site, page):
    base, http = site
    text = "Japan and South Korea held talks in Tokyo on Monday.\n\nNorth Korea fired two missiles into the sea on Tuesday."
    expected = http.post("/api/code", json={"text": text, "date": "2019-05-08"}).json()
    page.goto(f"{base}/#/code")
    page.locator("#code-text").fill(text)
    page.locator("#code-date").fill("2019-05-08")
    page.get_by_role("button", name="Code it").click()
    page.locator("#code-events tbody tr").first.wait_for()
    assert page.locator("#code-events tbody tr").count() == len(expected["events"]) >= 2
    assert page.locator("#code-text-highlighted").inner_text() == text
    triggers = page.locator("#code-text-highlighted mark.trigger")
    assert {triggers.nth(i).inner_text() for i in range(triggers.count())} == {e["trigger"]["text"] for e in expected["events"]}
    page.screenshot(path=str(SHOTS / "5-code.png"), full_page=True)
    assert page.problems == []


def test_markup_in_a_document_is_shown_as_text_and_never_runs(site, page):
    base, http = site
    docs = http.get("/api/documents", params={"limit": 100}).json()["documents"]
    [hostile] = [d for d in docs if d["ref"] == HOSTILE["id"]]
    events = http.get("/api/events", params={"doc_id": hostile["id"]}).json()["events"]
    assert events, "the hostile article must code into events so the event view shows its text too"

    views = [f"#/document/{hostile['id']}", f"#/event/{events[0]['event_id']}", "#/documents",
             f"#/events?doc_id={hostile['id']}", "#/timeline?a=KOR&b=PRK&freq=year"]
    for n, view in enumerate(views):
        page.goto(f"{base}/{view}")
        page.wait_for_load_state("networkidle")
        page.locator("main h1").wait_for()
        page.mouse.move(200, 300)  # pass over the text, where an onmouseover would fire
        assert page.evaluate("() => window.__xss === undefined"), f"injected code ran on {view}"
        injected = page.locator("main script, main img, main svg[onload], main [onerror], main [onload], main [onmouseover]")
        assert injected.count() == 0, view
        assert page.locator('a[href^="javascript"]').count() == 0, view
        page.screenshot(path=str(SHOTS / f"6-hostile-{n}.png"), full_page=True)

    page.goto(f"{base}/#/document/{hostile['id']}")
    page.locator("#document-text").wait_for()
    assert page.locator("#document-title").inner_text() == HOSTILE["title"]
    assert page.locator("#document-text").inner_text() == HOSTILE["text"]
    assert page.get_by_text(HOSTILE["url"]).count() == 1  # shown as text, not as a link
    assert page.problems == []
