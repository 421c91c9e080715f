"""Dateline grammar: whole dateline lines, wire prefixes, and body sentences that are not datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.extract import parse_dateline
from tacitus.extract.datelines import match_dateline_line, match_dateline_prefix

D = dt.date

PARSE_CASES = [
    ("Thu., Nov. 27, 1997, midnight", D(1997, 11, 27)),
    ("March 3, 2004", D(2004, 3, 3)),
    ("2004-03-02", D(2004, 3, 2)),
    ("2004-03-02T10:15:00Z", D(2004, 3, 2)),
    ("Tuesday 2 March 2004 10.15 GMT", D(2004, 3, 2)),
    ("SEOUL, March 2, 2004 —", D(2004, 3, 2)),
    ("WASHINGTON, Nov. 26, 1997 (AP) --", D(1997, 11, 26)),
    ("Published: 12:30 PM EST, March 3, 2004", D(2004, 3, 3)),
    ("Updated March 3, 2004 at 5:00 p.m. ET", D(2004, 3, 3)),
    ("Seoul, March 2, 2004", D(2004, 3, 2)),
    ("the 27th of November, 1997", D(1997, 11, 27)),
    ("SAN JOSE, Calif., March 2, 2004 (AP) — Officials said", D(2004, 3, 2)),
    ("KARVIK, April 2, 2008 (LNS) — A ceasefire held", D(2008, 4, 2)),
    # a dateline without a year gives no date
    ("SEOUL, March 2 (Reuters) -", None),
    ("March 2", None),
    # impossible dates
    ("Feb. 30, 2004", None),
    ("2004-13-02", None),
    # not datelines at all
    ("In 1993, the North provoked a crisis", None),
    ("after 19 months of deliberations", None),
    ("The two sides met in March 2004 and again in May.", None),
    ("Nov 1997 was a cold month", None),
    ("May 2004", None),
    ("Day In a Page", None),
    ("14 best kids' hoodies", None),
    ("", None),
]


@pytest.mark.parametrize(("line", "expected"), PARSE_CASES)
def test_parse_dateline(line: str, expected: dt.date | None) -> None:
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        ("SEOUL, March 2, 2004 — North Korea said", "SEOUL, March 2, 2004", "North Korea said"),
        ("SEOUL, March 2 (Reuters) - The North said", "SEOUL, March 2 (Reuters)", "The North said"),
        ("WASHINGTON (AP) _ The talks ended", "WASHINGTON (AP)", "The talks ended"),
        ("NEW DELHI — Officials said", "NEW DELHI", "Officials said"),
        ("March 3, 2004 — Envoys met", "March 3, 2004", "Envoys met"),
    ],
)
def test_prefix_is_split_off(paragraph: str, dateline: str, rest: str) -> None:
    found, remainder = match_dateline_prefix(paragraph)
    assert found is not None and found.text == dateline
    assert remainder == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "In 1993, the North provoked a crisis when it refused inspections.",
        "NATO - the alliance - said nothing.",  # capitals and a plain hyphen only
        "US-led forces moved north on Monday.",
        "The meeting, after 19 months of deliberations, ended.",
    ],
)
def test_sentences_are_not_prefixes(paragraph: str) -> None:
    assert match_dateline_prefix(paragraph) == (None, paragraph)


def test_whole_line_keeps_text_without_trailing_dash() -> None:
    found = match_dateline_line("WASHINGTON, Nov. 26, 1997 (AP) --")
    assert found is not None
    assert found.text == "WASHINGTON, Nov. 26, 1997 (AP)"
    assert match_dateline_line("U.S., N. Korea May Forge Diplomatic Pact") is None
