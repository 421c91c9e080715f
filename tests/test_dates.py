"""Event dates: expressions resolved against the document date, attached to the right verb."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tacitus.dates import (
    DatedRow,
    DateResolver,
    EventDate,
    evaluate_dates,
    is_historical,
    load_dated_rows,
)
from tacitus.dates.attach import has_date_words, verb_tense
from tacitus.dates.evaluate import find_trigger
from tacitus.errors import InputError
from tacitus.events.syntax import Tree
from tacitus.nlp import parse
from tacitus.records import Event

DATA = Path(__file__).parent.parent / "tacitus" / "eval" / "data" / "dated_sentences.tsv"
THU = dt.date(1997, 11, 27)  # a Thursday
ROWS = load_dated_rows(DATA)


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver()


def _sentence(nlp, text: str):
    [sentences] = list(parse(nlp, [text]))
    assert len(sentences) == 1, text
    return sentences[0]


# --- resolve: one expression's words ------------------------------------------------------

RESOLVE_CASES = [
    # text, tense, expected (date, precision, end)
    ("Wednesday", "past", ("1997-11-26", "day", None)),
    ("Thursday", "past", ("1997-11-27", "day", None)),
    ("last Friday", "past", ("1997-11-21", "day", None)),
    ("next Tuesday", "past", ("1997-12-02", "day", None)),
    ("on Monday", "future", ("1997-12-01", "day", None)),
    ("yesterday", "past", ("1997-11-26", "day", None)),
    ("tomorrow", "future", ("1997-11-28", "day", None)),
    ("last week", "past", ("1997-11", "month", None)),
    ("next week", "future", ("1997-11", "month", "1997-12")),
    ("last month", "past", ("1997-10", "month", None)),
    ("next month", "future", ("1997-12", "month", None)),
    ("last year", "past", ("1996", "year", None)),
    ("in May", "past", ("1997-05", "month", None)),
    ("in May", "future", ("1998-05", "month", None)),
    ("in November", "past", ("1997-11", "month", None)),
    ("in April 1996", "past", ("1996-04", "month", None)),
    ("in 1993", "past", ("1993", "year", None)),
    ("on Dec. 7-12", "future", ("1997-12-07", "day", "1997-12-12")),
    ("on Dec. 7-12", "past", ("1996-12-07", "day", "1996-12-12")),
    ("7-12 December 1997", "past", ("1997-12-07", "day", "1997-12-12")),
    ("May 3 to June 5, 1996", "past", ("1996-05-03", "day", "1996-06-05")),
    ("1995-96", "past", ("1995", "year", "1996")),
    ("by the end of the year", "future", ("1997-12", "month", None)),
    ("the beginning of 1994", "past", ("1994-01", "month", None)),
    ("Forty-three years after the end of the Korean War", "present", ("1996", "year", None)),
    ("43 years after the Korean War", "past", ("1996", "year", None)),
    ("five years before the Gulf War", "past", ("1985", "year", None)),
    ("two years after the 1994 accord", "past", ("1996", "year", None)),
    ("since last year", "past", ("1996", "year", "1997-11-27")),
    ("in the 1960s", "past", ("1960", "year", "1969")),
    ("the late 1980s", "past", ("1987", "year", "1989")),
    ("three days ago", "past", ("1997-11-24", "day", None)),
    ("a year ago", "past", ("1996", "year", None)),
    ("earlier this month", "past", ("1997-11", "month", None)),
    ("over the weekend", "past", ("1997-11-22", "day", "1997-11-23")),
    ("last summer", "past", ("1997-06", "month", "1997-08")),
    ("the first half of next year", "future", ("1998-01", "month", "1998-06")),
    ("Friday, Nov. 21", "past", ("1997-11-21", "day", None)),
    ("November 3, 1996", "past", ("1996-11-03", "day", None)),
    ("11/03/1996", "past", ("1996-11-03", "day", None)),  # read by dateparser
    ("1997-11-03", "past", ("1997-11-03", "day", None)),  # read by dateparser
    ("the third quarter of 1996", "past", ("1996-07", "month", "1996-09")),
    ("for next spring", "future", ("1998-03", "month", "1998-05")),
    ("May of last year", "past", ("1996-05", "month", None)),
    ("Christmas Eve", "past", ("1996-12-24", "day", None)),
    ("over the past year", "past", ("1996", "year", "1997")),
    ("three weeks ago", "past", ("1997-11", "month", None)),
    ("two decades ago", "past", ("1977", "year", None)),
    ("since January", "past", ("1997-01", "month", "1997-11-27")),
    # "since" looks back even under a future verb: the last December, not the coming one
    ("since December", "future", ("1996-12", "month", "1997-11-27")),
    ("last May", "past", ("1997-05", "month", None)),
    ("next May", "past", ("1998-05", "month", None)),
    ("Wed., Nov. 26", "past", ("1997-11-26", "day", None)),
    ("Sun.", "past", ("1997-11-23", "day", None)),
    ("for most of 1994", "past", ("1994", "year", None)),
    ("the rest of the year", "future", ("1997", "year", None)),
    ("during the winter of 1995-96", "past", ("1995-12", "month", "1996-02")),
    ("from Christmas Eve to New Year's Day", "past", ("1996-12-24", "day", "1997-01-01")),
    ("from 1991 until 1993", "past", ("1991", "year", "1993")),
]


@pytest.mark.parametrize("text,tense,expected", RESOLVE_CASES, ids=[c[0] for c in RESOLVE_CASES])
def test_resolve(resolver, text, tense, expected):
    got = resolver.resolve(text, THU, tense)
    assert got is not None
    assert (got.date, got.precision, got.end) == expected
    assert got.source == "expression" and got.text == text


@pytest.mark.parametrize(
    "text",
    ["after 19 months of deliberations", "19 months", "for two days", "the 1953 Armistice",
     "Ten years after the founding of the party", "the third", "after May", "several days ago",
     "until June", "within a week", "in the sun", "the '90s", "three months after the coup",
     "the winter of", "the summer of 1995-96"],
)  # fmt: skip
def test_resolve_refuses_what_is_not_a_date(resolver, text):
    assert resolver.resolve(text, THU) is None


def test_relative_words_need_a_document_date(resolver):
    for text in ("yesterday", "in May", "last week", "Wednesday", "on Dec. 7-12"):
        assert resolver.resolve(text, None) is None
    assert resolver.resolve("in 1993", None) == EventDate("1993", "year", "in 1993", "expression")
    korean = resolver.resolve("Forty-three years after the end of the Korean War", None)
    assert korean is not None and korean.date == "1996"
    since = resolver.resolve("since 1993", None)
    assert since is not None and (since.date, since.end) == ("1993", None)


def test_since_a_time_after_the_story_is_no_date(resolver):
    # found by the date fuzzer: "since spring" on 1 January read as the coming spring ran backwards
    assert resolver.resolve("since 2003", dt.date(2000, 1, 1)) is None
    spring = resolver.resolve("since spring", dt.date(2000, 1, 1), "future")
    assert (spring.date, spring.precision, spring.end) == ("1999-03", "month", "2000-01-01")


def test_resolve_rejects_an_unknown_tense(resolver):
    with pytest.raises(ValueError, match="tense 'later' is not one of past, present, future"):
        resolver.resolve("in May", THU, "later")


# --- is_historical ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date,end,historical",
    [("1993", None, True), ("1997-10", None, False), ("1997-10-28", None, False),
     ("1997-10-27", None, True), ("1996", "1997-11-27", False), ("1960", "1969", True),
     ("1997-12", None, False)],
)  # fmt: skip
def test_is_historical(date, end, historical):
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    event = EventDate(date, precision, "words", "expression", end=end)
    assert is_historical(event, THU) is historical


def test_document_dates_and_unknown_dates_are_never_historical():
    assert not is_historical(EventDate("1993", "year", "in 1993", "expression"), None)
    assert not is_historical(EventDate("1997-11-27", "day", None, "document"), THU)
    assert not is_historical(EventDate(None, None, None, "unknown"), THU)
    assert is_historical(EventDate("1997-11-20", "day", "x", "expression"), THU, window_days=5)


# --- event_date: the labelled sentences -----------------------------------------------------


@pytest.mark.parametrize("row", ROWS, ids=[f"line{r.line}-{r.trigger}" for r in ROWS])
def test_dated_sentence(nlp, resolver, row: DatedRow):
    [sentences] = list(parse(nlp, [row.sentence]))
    sentence, index = find_trigger(sentences, row)
    got = resolver.event_date(sentence, Tree.of(sentence), index, row.doc_date)
    assert (got.date, got.end, got.precision) == (row.expected_date, row.expected_end, row.expected_precision), row.note
    if got.source == "expression":
        assert sentence.text[got.span[0] - sentence.start : got.span[1] - sentence.start] == got.text
    else:
        assert got.text is None and got.span is None


def test_evaluate_dates_scores_every_row(nlp):
    assert len(ROWS) >= 80
    correct, total, misses = evaluate_dates(ROWS, nlp)
    print(f"event dates: {correct}/{total} correct ({correct / total:.1%})")
    assert total == len(ROWS)
    assert [m.describe() for m in misses] == []
    assert correct == total


def test_evaluate_dates_reports_a_miss(nlp):
    wrong = DatedRow(1, THU, "Iraq expelled the inspectors in 1993.", "expelled", "1994", "year")
    correct, total, misses = evaluate_dates([wrong], nlp)
    assert (correct, total) == (0, 1)
    assert misses[0].got.date == "1993"
    assert "want 1994 (year), got 1993 (year) from 'in 1993'" in misses[0].describe()


def test_event_date_text_and_span_are_document_offsets(nlp, resolver):
    text = "Rain fell.\n\nIn 1993, the government refused to admit the inspectors."
    [sentences] = list(parse(nlp, [text]))
    sentence = sentences[1]
    verb = next(t.i for t in sentence.tokens if t.text == "refused")
    got = resolver.event_date(sentence, Tree.of(sentence), verb, THU)
    assert (got.date, got.text, got.source) == ("1993", "In 1993", "expression")
    assert got.span is not None and text[got.span[0] : got.span[1]] == "In 1993"


def test_event_date_without_dates_or_document_date(nlp, resolver):
    sentence = _sentence(nlp, "Russia vetoed the draft resolution.")
    assert not has_date_words(sentence)
    got = resolver.event_date(sentence, Tree.of(sentence), 1, None)
    assert got == EventDate(None, None, None, "unknown")


def test_event_date_rejects_a_trigger_outside_the_sentence(nlp, resolver):
    sentence = _sentence(nlp, "Russia vetoed the draft resolution.")
    with pytest.raises(ValueError, match="trigger index 9 is outside sentence 0"):
        resolver.event_date(sentence, Tree.of(sentence), 9, THU)


@pytest.mark.parametrize(
    "text,trigger,tense",
    [("The two Koreas will resume talks in May.", "resume", "future"),
     ("Iran plans to hold elections in March.", "hold", "future"),
     ("The donors are to meet in Brussels.", "meet", "future"),
     ("The government refused to admit the inspectors.", "admit", "past"),
     ("The envoy has met the president.", "met", "past"),
     ("Japan is close to a deal.", "is", "present"),
     ("He would have signed the accord.", "signed", "past")],
)  # fmt: skip
def test_verb_tense(nlp, text, trigger, tense):
    sentence = _sentence(nlp, text)
    verb = next(t.i for t in sentence.tokens if t.text == trigger)
    assert verb_tense(Tree.of(sentence), verb) == tense


# --- the labelled file ----------------------------------------------------------------------

HEADER = "doc_date\tsentence\ttrigger\texpected_date\texpected_precision\tnote\n"


def test_load_dated_rows_reads_a_range_as_an_interval(tmp_path, nlp):
    path = tmp_path / "rows.tsv"
    path.write_text(HEADER + "1997-11-27\tThey met on Oct. 14-16.\tmet\t1997-10-14/1997-10-16\tday\trange\n"
                    "1997-11-27\tThey met on Oct. 14-16.\tmet\t1997-10-14\tday\tno end given\n")  # fmt: skip
    right, wrong = load_dated_rows(path)
    assert (right.expected_date, right.expected_end) == ("1997-10-14", "1997-10-16")
    assert (wrong.expected_date, wrong.expected_end) == ("1997-10-14", None)
    correct, total, [miss] = evaluate_dates([right, wrong], nlp)
    assert (correct, total, miss.row) == (1, 2, wrong)  # an end that is not expected is a miss
    assert "want 1997-10-14 (day), got 1997-10-14/1997-10-16 (day) from 'on Oct. 14-16'" in miss.describe()


def test_load_dated_rows_reads_none_and_occurrences(tmp_path, nlp):
    path = tmp_path / "rows.tsv"
    path.write_text(HEADER + "-\tThe army met and the rebels met.\tmet@2\t-\t-\tsecond met\n")
    [row] = load_dated_rows(path)
    assert (row.line, row.doc_date, row.expected_date, row.expected_precision) == (2, None, None, None)
    [sentences] = list(parse(nlp, [row.sentence]))
    assert find_trigger(sentences, row)[1] == 6


@pytest.mark.parametrize(
    "body,problem",
    [("1997-11-27\tA sentence.\tmet\t-\n", "line 2.*4 fields, expected 6"),
     ("27/11/1997\tA sentence.\tmet\t-\t-\tx\n", "line 2.*doc_date '27/11/1997'"),
     ("-\tA sentence.\tmet\t1997\tweek\tx\n", "line 2.*precision 'week'")],
)  # fmt: skip
def test_load_dated_rows_names_the_bad_line(tmp_path, body, problem):
    path = tmp_path / "rows.tsv"
    path.write_text(HEADER + body)
    with pytest.raises(InputError, match=problem):
        load_dated_rows(path)


def test_load_dated_rows_checks_the_header_and_the_file(tmp_path):
    path = tmp_path / "rows.tsv"
    path.write_text("date\tsentence\n")
    with pytest.raises(InputError, match="the header must be"):
        load_dated_rows(path)
    with pytest.raises(InputError, match="cannot read"):
        load_dated_rows(tmp_path / "absent.tsv")


def test_a_missing_trigger_names_the_row(nlp):
    row = DatedRow(7, THU, "Russia vetoed the resolution.", "signed", None, None)
    [sentences] = list(parse(nlp, [row.sentence]))
    with pytest.raises(InputError, match="line 7.*trigger 'signed'"):
        find_trigger(sentences, row)


# --- the seed stories (read at test time, never copied) --------------------------------------


@pytest.fixture(scope="module")
def seed_sentences(nlp, seeds_dir):
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))]
    return [sentence for sentences in parse(nlp, texts) for sentence in sentences]


def _seed_event(resolver, seed_sentences, words: tuple[str, ...], trigger: str, doc_date):
    for sentence in seed_sentences:
        if all(w in sentence.text for w in words):
            verb = next(t.i for t in sentence.tokens if t.text == trigger)
            return resolver.event_date(sentence, Tree.of(sentence), verb, doc_date)
    pytest.skip(f"no seed sentence with {words}")


def test_seed_events_get_their_own_dates(resolver, seed_sentences):
    refusal = _seed_event(resolver, seed_sentences, ("1993", "refused"), "refused", None)
    assert (refusal.date, refusal.precision) == ("1993", "year")
    proposal = _seed_event(resolver, seed_sentences, ("April 1996", "proposal"), "set", THU)
    assert (proposal.date, proposal.precision) == ("1996-04", "month")
    talks = _seed_event(resolver, seed_sentences, ("Wednesday", "held"), "held", THU)
    assert (talks.date, talks.precision, talks.text) == ("1997-11-26", "day", "Wednesday")


# --- the range end on the event record --------------------------------------------------------


def test_event_json_carries_the_range_end_after_the_date_fields():
    event = Event("e", "d", "r", 0, "They met on Dec. 7-12.", 0, 22, None, None, "040", "04", 1.0, 1,
                  {}, {}, "1997-12-07", "day", 0.9, date_text="on Dec. 7-12", date_source="expression",
                  date_end="1997-12-12")  # fmt: skip
    data = event.to_json()
    keys = list(data)
    assert keys[keys.index("date") : keys.index("date") + 5] == [
        "date", "date_precision", "date_text", "date_source", "date_end"]
    assert data["date_end"] == "1997-12-12"
    assert Event("e", "d", "r", 0, "", 0, 0, None, None, "", "", 0.0, 0, {}, {}, None, None, 0.0).date_end is None


@pytest.mark.parametrize(
    "base,expected",
    [(dt.date(2004, 1, 10), ("2002-12", "2003-02")),  # this winter has not ended yet
     (dt.date(2004, 3, 1), ("2003-12", "2004-02"))],
)  # fmt: skip
def test_last_winter_early_in_the_year(resolver, base, expected):
    got = resolver.resolve("last winter", base)
    assert got is not None and (got.date, got.end) == expected


@pytest.mark.parametrize(
    "text,base",
    [("3000 years ago", dt.date(2004, 5, 1)), ("99999999999 years ago", dt.date(2004, 5, 1)),
     ("next year", dt.date.max), ("tomorrow", dt.date.max), ("last year", dt.date.min),
     ("yesterday", dt.date.min)],
)  # fmt: skip
def test_a_period_off_the_calendar_is_no_date(resolver, text, base):
    assert resolver.resolve(text, base) is None
    assert resolver.resolve("1500 years ago", dt.date(2004, 5, 1)).date == "0504"  # still on it
