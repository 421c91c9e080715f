import datetime as dt

from tacitus.prepare import PrepareOptions, content_id, prepare, record_date
from tacitus.records import Document, RawInput, Rejection

BODY = (
    "Chile and Peru signed a fisheries accord in Lima on Monday after two years of talks, "
    "the foreign ministries of both countries said."
)


def raw(content, kind="article", **meta):
    return RawInput(origin="x.jsonl", record="line 1", ref="rec-1", kind=kind, content=content, **meta)


def test_content_id_ignores_case_and_spacing():
    assert content_id("North  Korea\nsaid.") == content_id("north korea said.")
    assert content_id("North Korea said.") != content_id("South Korea said.")
    assert len(content_id("x")) == 16


def test_date_precedence_explicit_then_record_then_dateline():
    text = "SEOUL, March 2, 2004 — " + BODY
    doc = prepare(raw(text, date="2004-03-05"), PrepareOptions(date=dt.date(2004, 3, 9)))
    assert (doc.date, doc.date_source) == (dt.date(2004, 3, 9), "explicit")
    doc = prepare(raw(text, date="2004-03-05T10:00:00Z"), PrepareOptions())
    assert (doc.date, doc.date_source) == (dt.date(2004, 3, 5), "record")
    doc = prepare(raw(text), PrepareOptions())
    assert (doc.date, doc.date_source) == (dt.date(2004, 3, 2), "dateline")
    assert doc.text == BODY
    doc = prepare(raw(BODY), PrepareOptions())
    assert (doc.date, doc.date_source) == (None, "unknown")


def test_record_date_forms():
    assert record_date("2004-03-02") == dt.date(2004, 3, 2)
    assert record_date("March 2, 2004") == dt.date(2004, 3, 2)
    assert record_date("2004-13-40") is None
    assert record_date("") is None and record_date(None) is None


def test_metadata_and_ids():
    doc = prepare(raw(BODY, title="Accord", source="Wire", url="https://example.org/a"), PrepareOptions(source="Mine"))
    assert isinstance(doc, Document)
    assert (doc.ref, doc.origin, doc.record, doc.title, doc.source, doc.url, doc.lang, doc.status) == (
        "rec-1", "x.jsonl", "line 1", "Accord", "Mine", "https://example.org/a", "en", "ok",
    )
    assert doc.id == content_id(BODY)


def test_too_short_or_clutter_only_is_rejected():
    rej = prepare(raw("Share", kind="text"), PrepareOptions())
    assert isinstance(rej, Rejection)
    assert rej.reason.startswith("no article text after boilerplate removal")
    assert (rej.origin, rej.record, rej.ref) == ("x.jsonl", "line 1", "rec-1")


def test_foreign_language_is_a_rejected_document():
    text = "Die Regierung hat am Dienstag neue Gespräche mit Polen über den Ausbau der Grenzübergänge angekündigt."
    doc = prepare(raw(text), PrepareOptions())
    assert (doc.status, doc.reason, doc.lang) == ("rejected", "unsupported language: de", "de")
    doc = prepare(raw(text), PrepareOptions(languages=("en", "de")))
    assert doc.status == "ok"
