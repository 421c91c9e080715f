"""Hypothesis properties for language detection and prepare: any text in any script gives a
language code, and any raw input gives a well-formed Document or a Rejection."""

from __future__ import annotations

import datetime as dt
import re

from badinputs import CLUTTER_LINES, FOREIGN, STORIES, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from tacitus.lang import NEWS_LANGUAGES, detect_language
from tacitus.prepare import PrepareOptions, prepare, record_date
from tacitus.records import Document, RawInput, Rejection

FUZZ = fuzz_settings()

# Letters of several scripts, so that cased, uncased and mixed texts all occur.
SCRIPTS = st.sampled_from((
    (0x41, 0x7A), (0xC0, 0x17F), (0x391, 0x3C9), (0x410, 0x44F), (0x5D0, 0x5EA), (0x621, 0x64A),
    (0x905, 0x939), (0xE01, 0xE30), (0x3041, 0x3096), (0x4E00, 0x4FFF), (0xAC00, 0xAD00),
))
script_text = SCRIPTS.flatmap(
    lambda r: st.lists(st.one_of(st.characters(min_codepoint=r[0], max_codepoint=r[1]),
                                 st.sampled_from(" ,.。\n")), max_size=200).map("".join)
)
any_text = st.one_of(st.text(max_size=300), script_text,
                     st.sampled_from([*STORIES.values(), *FOREIGN.values(), *CLUTTER_LINES]))


@FUZZ
@given(any_text)
def test_detect_language_gives_a_known_code(text):
    assert detect_language(text) in {"und", *NEWS_LANGUAGES}


def test_detect_language_on_our_articles():
    assert {key: detect_language(text) for key, text in FOREIGN.items()} == {k: k for k in FOREIGN}
    assert {detect_language(text) for text in STORIES.values()} == {"en"}


raws = st.builds(
    RawInput,
    origin=st.just("fuzz.jsonl"),
    record=st.sampled_from((None, "line 1")),
    ref=st.just("fuzz-1"),
    kind=st.sampled_from(("text", "html", "article")),
    content=any_text,
    url=st.one_of(st.none(), st.text(max_size=30)),
    title=st.one_of(st.none(), st.text(max_size=30)),
    date=st.one_of(st.none(), st.text(max_size=30), st.dates().map(dt.date.isoformat)),
    source=st.one_of(st.none(), st.text(max_size=20)),
)


@FUZZ
@given(raws)
def test_prepare_gives_a_document_or_a_rejection(raw):
    options = PrepareOptions()
    result = prepare(raw, options)
    if isinstance(result, Rejection):
        assert (result.origin, result.record, result.ref) == (raw.origin, raw.record, raw.ref)
        assert result.reason.startswith("no article text after boilerplate removal")
        return
    assert isinstance(result, Document)
    assert re.fullmatch(r"[0-9a-f]{16}", result.id)
    assert result.text == result.text.strip() and len(result.text) >= options.min_text_chars
    assert result.date_source in ("record", "dateline", "html-meta", "unknown")
    assert (result.date is None) == (result.date_source == "unknown")
    assert (result.status, result.reason is None) in (("ok", True), ("rejected", False))
    assert result.status == "ok" or result.reason == f"unsupported language: {result.lang}"


@FUZZ
@given(st.one_of(st.text(max_size=40), st.dates().map(dt.date.isoformat)))
def test_record_dates_are_news_dates_or_none(value):
    day = record_date(value)
    assert day is None or 1800 <= day.year <= 2200
