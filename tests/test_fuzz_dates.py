"""Hypothesis properties for the date resolver (tacitus/dates/): it never raises on any words and
any plausible document date, and what it returns is a well-formed date.

The last two properties found crashes ("3000 years ago" in a 2004 story, "next year" on
9999-12-31), and the first a range ending before its start ("month - January 1"); they are
fixed in tacitus/dates and these tests keep them fixed.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from badinputs import fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from tacitus.dates import DateResolver, EventDate, is_historical
from tacitus.dates.resolver import last_day

FUZZ = fuzz_settings()
RESOLVER = DateResolver()
FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}

# Words the grammar reads, and words around them that it must not trip over.
WORDS = (
    "in on at by of to and or between from until since before after during early late mid the a "
    "this last next past coming previous first second third final half quarter end beginning "
    "day days week weeks weekend month months year years decade century ago later earlier "
    "today yesterday tomorrow tonight morning night spring summer autumn fall winter "
    "Monday Tuesday Sunday Sun. Sat. January March May June Sept. Dec. mid-May "
    "0 1 7 12 29 30 31 32 99 1600 1899 1900 1993 2004 2099 2100 1990s '90s 1980's 7-12 "
    "2004-02-29 2003-02-29 2/30/2004 13/13/13 1/1/99 two three forty-three hundred few several "
    "- – — , . ( )"
).split()
phrases = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join)
any_words = st.one_of(phrases, st.text(max_size=60))
# Documents are dated from datelines, records and page metadata; this window holds all of them.
doc_dates = st.one_of(st.none(), st.dates(dt.date(1800, 1, 1), dt.date(2200, 12, 31)))
tenses = st.sampled_from(("past", "present", "future"))


def _check(found: EventDate | None, doc_date: dt.date | None) -> None:
    """A resolved date is a real calendar date at its stated precision, with a range that runs
    forwards, and the helpers that read it accept it."""
    if found is None:
        return
    assert found.source == "expression"
    assert found.precision in FORMATS
    assert re.fullmatch(FORMATS[found.precision], found.date)
    start = last_day(found.date)
    if found.end is not None:
        assert re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", found.end)
        assert last_day(found.end) >= start
    assert isinstance(is_historical(found, doc_date), bool)


@FUZZ
@given(any_words, doc_dates, tenses)
def test_resolve_never_raises_and_returns_a_calendar_date(text, doc_date, tense):
    _check(RESOLVER.resolve(text, doc_date, tense), doc_date)


def test_a_range_whose_end_closes_before_its_start_is_no_range():
    # found by the property above: "month - January 1" in mid-January ran from the month to its
    # own first day
    assert RESOLVER.resolve("month - January 1", dt.date(2000, 1, 15), "past") is None
    _check(RESOLVER.resolve("month - January 1", dt.date(2000, 2, 15), "past"), dt.date(2000, 2, 15))
    assert RESOLVER.resolve("May 3 to June 5, 1996", dt.date(2000, 1, 15), "past").end == "1996-06-05"


@FUZZ
@given(st.text(max_size=20), doc_dates)
def test_an_unknown_tense_is_the_only_error(tense, doc_date):
    if tense in ("past", "present", "future"):
        return
    with pytest.raises(ValueError, match="is not one of past, present, future"):
        RESOLVER.resolve("last week", doc_date, tense)


@FUZZ
@given(st.dates(dt.date(1600, 1, 1), dt.date(2099, 12, 31)))  # the years the grammar reads
def test_explicit_days_resolve_to_themselves(day):
    for text in (f"on {day:%B} {day.day}, {day.year}", f"on {day.isoformat()}"):
        found = RESOLVER.resolve(text, dt.date(2100, 12, 31))
        assert found is not None and (found.date, found.precision) == (day.isoformat(), "day"), text


quantities = st.tuples(
    st.integers(0, 10**12), st.sampled_from(("days", "weeks", "months", "years", "decades")),
    st.sampled_from(("ago", "earlier", "later", "before", "after")),
).map(lambda q: f"{q[0]} {q[1]} {q[2]}")


@FUZZ
@given(quantities, st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)))
def test_quantities_beyond_the_calendar_give_no_date(text, doc_date):
    """'3000 years ago' in a 2004 story, '99999999999 years ago': no date, not an error."""
    _check(RESOLVER.resolve(text, doc_date), doc_date)


@FUZZ
@given(st.sampled_from(("next year", "last year", "tomorrow", "next week", "yesterday")),
       st.sampled_from((dt.date.min, dt.date.max)))
def test_relative_words_at_the_calendar_edges(text, doc_date):
    """'next year' on 9999-12-31: no date, not an error."""
    _check(RESOLVER.resolve(text, doc_date), doc_date)
