"""Plain-text extraction on pages we wrote in the shape of saved news pages (clutter included)."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import justext
import pytest

from tacitus.extract import extract_text
from tacitus.extract.classify import classify_texts
from tacitus.extract.plain import split_paragraphs

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_wire_page_body_metadata_and_clutter() -> None:
    page = _page("wire_page.txt")
    result = extract_text(page)
    body = result.text.split("\n\n")
    assert [p.split()[:3] for p in body] == [
        ["Freedonia", "and", "Sylvania"],
        ["The", "agreement", "was"],
        ["Freedonian", "officials", "said"],
        ["The", "foreign", "minister"],
    ]
    assert result.title == "Freedonia and Sylvania agree to reopen the Velka river crossing"
    assert result.dateline == "Tuesday 2 March 2004 10.15 GMT"
    assert (result.date, result.date_source) == (dt.date(2004, 3, 2), "dateline")
    assert result.site is None
    assert result.dropped[:5] == [
        "Skip to main content",
        "Print this page Email a friend",  # whitespace normalised
        "By Ilse Warrick, Staff Writer",
        "Photo: Border guards at the crossing.",
        "Advertisement",  # furniture inside the body, though jusText calls it good
    ]
    # the tail starts at the comment prompts; the good-scoring teaser after it stays out
    assert result.dropped[5:9] == ["Share this story", "Comments (14)", "Post a comment", "More from World"]
    assert result.dropped[9].startswith("Harbour workers in the capital went on strike")
    assert len(result.dropped) == 10


def test_feature_page_keeps_standfirst_and_strips_yearless_dateline() -> None:
    result = extract_text(_page("feature_page.txt"))
    body = result.text.split("\n\n")
    assert body[0] == "A decade of mistrust is giving way to cautious contacts between the two capitals"
    assert body[1].startswith("Government envoys and leaders of the Northern Front met")
    assert body[2].startswith("In 1998, the Front walked out")
    assert len(body) == 4
    assert result.title == "Old rivals draw closer as aid talks begin"
    assert result.dateline == "KARVIK, April 2 (LNS)"
    # no year in the dateline, and the body's "In 1998" is no dateline
    assert (result.date, result.date_source) == (None, None)
    assert result.dropped[:7] == [
        "Lakeside Daily",
        "Sign up for our morning briefing, the day's news in your inbox",
        "• Most read",
        "Latest from Lakeside Daily",
        "Jobs board",
        "Senior Accountant",
        "£30000 - £38000 per annum: Harbour Recruitment: An experienced accountant is needed...",
    ]
    # the teaser tail, good-scoring paragraphs included, stays out
    assert result.dropped[-1].startswith("Councillors have voted to rebuild the old bridge")
    assert len(result.dropped) == 13
    assert "KARVIK" not in result.text


def test_hard_wrapped_page_is_rejoined() -> None:
    result = extract_text(_page("wrapped_page.txt"))
    body = result.text.split("\n\n")
    assert len(body) == 3
    assert body[0].startswith("Envoys from Freedonia and Sylvania agreed on Wednesday to meet again")
    assert body[0].endswith("that runs along their border, officials said.")
    assert result.title == "Envoys agree to meet again after river talks"
    assert result.dateline == "WASHINGTON, Nov. 26, 1997 (LNS)"
    assert result.date == dt.date(1997, 11, 26)
    assert result.dropped == ["Home | World | Politics | Business", "Click here to comment on this story"]


def test_run_of_clutter_ends_the_body_even_before_a_good_paragraph() -> None:
    para = (
        "Officials from both governments said on Monday that the talks on the border would resume "
        "next month in Geneva, after a pause of almost two years in which neither side had been "
        "willing to send a delegation to meet the other."
    )
    teaser = (
        "Fishermen on the northern coast have been bringing in their largest catches for a decade "
        "this spring, and the harbour has been busier than at any time since it was rebuilt after "
        "the storms of the last winter."
    )
    page = "\n".join(["Talks to resume in Geneva next month", para, para, "Jobs board", "Senior Accountant", "Warehouse Supervisor", teaser])
    result = extract_text(page)
    assert result.text == f"{para}\n\n{para}"
    assert result.dropped == ["Jobs board", "Senior Accountant", "Warehouse Supervisor", teaser]


def test_single_sentence_is_kept() -> None:
    result = extract_text("North Korea and the United States held talks in New York on Wednesday.")
    assert result.text == "North Korea and the United States held talks in New York on Wednesday."
    assert result.dropped == []


def test_whitespace_normalised_inside_paragraphs_and_quotes_kept() -> None:
    line = "The  minister\tcalled the talks \u201cbusinesslike\u201d and said the delegation\u2019s proposals would be studied carefully by the government in the weeks ahead."
    result = extract_text(f"Minister praises talks\n\n{line}\n{line}")
    assert result.text.split("\n\n")[0] == " ".join(line.split())
    assert "\u201cbusinesslike\u201d" in result.text


@pytest.mark.parametrize("junk", ["", "   \n\t ", "\x00\x01", "<", "\ufeff", "»", "a\rb\x0bc", "\ud800 x"])
def test_never_raises(junk: str) -> None:
    result = extract_text(junk)
    assert isinstance(result.text, str)
    assert result.date is None


def test_blocks_judged_as_jusText_judges_html_paragraphs() -> None:
    """Building jusText paragraphs directly must give jusText's own verdict on <p> elements."""
    texts = split_paragraphs(_page("feature_page.txt")) + split_paragraphs(_page("wire_page.txt"))
    page = "<html><body>" + "".join(f"<p>{html.escape(t)}</p>" for t in texts) + "</body></html>"
    theirs = justext.justext(page, justext.get_stoplist("English"))
    ours = classify_texts(texts)
    assert [p.class_type == "good" for p in theirs] == [b.good for b in ours]
    assert [p.cf_class for p in theirs] == [b.cf_class for b in ours]


LONG = (
    "The announcement came after weeks of pressure from the other parties to the talks, which had "
    "warned that further delay would put the whole process at risk, diplomats in the capital said."
)


def test_short_lede_and_closing_sentence_of_a_clean_article_are_kept() -> None:
    page = f"PARIS (AFP) - France recalled its ambassador.\n\n{LONG}\n\nThe talks will resume on Friday."
    result = extract_text(page)
    assert result.text == f"France recalled its ambassador.\n\n{LONG}\n\nThe talks will resume on Friday."
    assert (result.dateline, result.date) == ("PARIS (AFP)", None)
    assert result.dropped == []


def test_short_edge_lines_that_are_not_prose_stay_out() -> None:
    result = extract_text(f"Menu\n\nNorth Korea said it would attend talks.\n\n{LONG}\n\nClick here to comment.")
    assert result.text == LONG
    assert result.dropped == ["Menu", "North Korea said it would attend talks.", "Click here to comment."]


def test_clean_article_text_keeps_every_paragraph_and_strips_a_wire_dateline():
    from tacitus.extract import extract_article

    text = "SEOUL, March 2, 2004 — The two ministers met.\n\nTalks ended.\n\nNo date was set for the next round."
    got = extract_article(text)
    assert got.text == "The two ministers met.\n\nTalks ended.\n\nNo date was set for the next round."
    assert got.dateline == "SEOUL, March 2, 2004"
    assert str(got.date) == "2004-03-02" and got.date_source == "dateline"
    assert got.dropped == []


def test_clean_article_text_one_paragraph_per_line():
    from tacitus.extract import extract_article

    assert extract_article("First line.\nSecond line.\n").text == "First line.\n\nSecond line."
    assert extract_article("   ").text == ""


def test_short_closing_sentences_of_a_wire_story_are_kept():
    page = (
        "Chile, Peru Hold Border Talks\n\nMarch 4, 2004\n\n"
        "Chile and Peru held talks on their maritime border in Lima on Wednesday, the foreign "
        "ministries of both countries said.\n\n"
        "Bolivia accused Chile of blocking its access to the sea.\n\n"
        "A court in Britain ordered the release of the ship.\n\n"
        "Click here to comment on this story »\n\n"
        "Senior Analyst: £30000 - £45000 per annum: An excellent opportunity has arisen...\n"
    )
    got = extract_text(page)
    assert got.text.split("\n\n")[1:] == [
        "Bolivia accused Chile of blocking its access to the sea.",
        "A court in Britain ordered the release of the ship.",
    ]
    assert got.dropped == [
        "Click here to comment on this story »",
        "Senior Analyst: £30000 - £45000 per annum: An excellent opportunity has arisen...",
    ]


def test_a_long_headline_above_the_dateline_is_the_title_not_body():
    page = (
        "Border Guards Of Two Neighbours Exchange Fire, Wounding Three Soldiers\n\n"
        "Tue., Nov. 23, 2010\n\n"
        "Border guards of the two neighbours exchanged fire across the river on Tuesday, wounding "
        "three soldiers and forcing villagers on both banks to leave their homes, officials said.\n\n"
        "Both governments summoned each other's ambassadors and demanded an explanation for the "
        "shooting, which lasted for more than an hour before commanders agreed to stop.\n"
    )
    got = extract_text(page)
    assert got.title == "Border Guards Of Two Neighbours Exchange Fire, Wounding Three Soldiers"
    assert str(got.date) == "2010-11-23"
    assert got.text.startswith("Border guards of the two neighbours exchanged fire")
    assert got.dropped == []
