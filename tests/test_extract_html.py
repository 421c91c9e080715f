"""HTML extraction: trafilatura body and metadata, dateline precedence, the jusText fall-back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import tacitus.extract.html as html_extract
from tacitus.extract import extract_html

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _starts(text: str) -> list[str]:
    return [" ".join(p.split()[:3]) for p in text.split("\n\n")]


META_BODY = [
    "Negotiators from Freedonia",
    "The Freedonian delegation,",
    "Sylvania's foreign ministry",
    "The talks broke",
    "A second round",
]


def test_meta_page_body_title_site_and_meta_date() -> None:
    result = extract_html(_page("news_meta.html"), url="https://gazette.example/world/talks")
    assert _starts(result.text) == META_BODY
    assert result.title == "Border talks resume after two-year pause"
    assert result.site == "The Harbour Gazette"
    # the body's "in 2009" is not the page's date: the metadata is
    assert (result.date, result.date_source, result.dateline) == (dt.date(2011, 6, 14), "html-meta", None)
    dropped = result.dropped
    assert dropped[0].startswith("We use cookies to improve your experience")
    assert dropped[1:6] == ["Home", "World", "Politics", "Business", "Sport"]
    assert "Related stories" in dropped
    assert "Share on Facebook Share on Twitter" in dropped
    assert dropped[-1] == "© 2011 The Harbour Gazette. All rights reserved. Terms Privacy"
    assert not any(d.startswith("Negotiators from Freedonia") for d in dropped)


def test_body_dateline_wins_over_meta_date() -> None:
    result = extract_html(_page("wire_dateline.html"))
    assert result.dateline == "KARVIK, April 2, 2008 (LNS)"
    assert (result.date, result.date_source) == (dt.date(2008, 4, 2), "dateline")
    assert result.text.startswith("A ceasefire between government troops and rebels")
    assert len(result.text.split("\n\n")) == 4
    assert result.title == "Ceasefire holds in northern province"
    assert result.site == "Lakeside Daily"
    assert result.dropped[:3] == [
        "Log in | Subscribe | E-paper",
        "Front page Region Opinion Weather",
        "This website uses cookies. Accept all cookies or adjust your preferences.",
    ]
    assert not any("KARVIK" in d for d in result.dropped)


def test_meta_date_when_body_has_no_dateline() -> None:
    page = _page("wire_dateline.html").replace("KARVIK, April 2, 2008 (LNS) — ", "")
    result = extract_html(page)
    assert (result.date, result.date_source, result.dateline) == (dt.date(2008, 4, 3), "html-meta", None)


def test_fallback_to_jusText_when_trafilatura_keeps_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_extract, "_trafilatura", lambda tree, url: None)
    result = extract_html(_page("news_meta.html"))
    assert _starts(result.text) == META_BODY
    assert result.title == "Border talks resume after two-year pause"  # the h1 is not body
    assert (result.date, result.date_source) == (dt.date(2011, 6, 14), "html-meta")
    assert result.site == "The Harbour Gazette"
    assert result.dropped[0].startswith("We use cookies")
    assert "Border talks resume after two-year pause" not in result.dropped


def test_menu_only_page_has_no_body() -> None:
    page = '<html><body><nav><a href="/">Home</a> <a href="/w">World</a></nav></body></html>'
    assert extract_html(page).text == ""


def test_fragment_and_plain_text() -> None:
    sentence = "North Korea and the United States held talks in New York on Wednesday, officials said."
    assert extract_html(f"<p>{sentence}</p>").text == sentence
    assert extract_html(sentence).text == sentence


@pytest.mark.parametrize("junk", ["", "  ", "<", "<html></html>", "\x00\x01abc", "http://example.com/page", "<?xml version='1.0'?><a/>"])
def test_never_raises(junk: str) -> None:
    result = extract_html(junk)
    assert isinstance(result.text, str)
    assert result.date is None
