"""Documents in and out of the store: idempotent adds, exact round trips, batches, listings."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.errors import StoreError
from tacitus.records import Document, Sentence, Token
from tacitus.store import DocumentSummary, Store

TEXT = "SEOUL, March 3 - North Korea rejected the offer on Tuesday.\n\nJapan urged calm."


def tok(i, text, start, lemma, pos, tag, dep, head, ent_type="", ent_iob="O", ws=" "):
    return Token(i, text, start, lemma, pos, tag, dep, head, ent_type, ent_iob, ws)


def parsed_document() -> Document:
    """A hand-parsed two-sentence article with entities, non-ASCII clutter and a timestamp."""
    first = "North Korea rejected the offer on Tuesday."
    s1 = TEXT.index(first)
    second = "Japan urged calm."
    s2 = TEXT.index(second)
    sentences = [
        Sentence(0, s1, s1 + len(first), first, [
            tok(0, "North", s1, "North", "PROPN", "NNP", "compound", 1, "GPE", "B"),
            tok(1, "Korea", s1 + 6, "Korea", "PROPN", "NNP", "nsubj", 2, "GPE", "I"),
            tok(2, "rejected", s1 + 12, "reject", "VERB", "VBD", "ROOT", 2),
            tok(3, "the", s1 + 21, "the", "DET", "DT", "det", 4),
            tok(4, "offer", s1 + 25, "offer", "NOUN", "NN", "dobj", 2),
            tok(5, "on", s1 + 31, "on", "ADP", "IN", "prep", 2),
            tok(6, "Tuesday", s1 + 34, "Tuesday", "PROPN", "NNP", "pobj", 5, "DATE", "B", ""),
            tok(7, ".", s1 + 41, ".", "PUNCT", ".", "punct", 2, ws=""),
        ]),
        Sentence(1, s2, s2 + len(second), second, [
            tok(0, "Japan", s2, "Japan", "PROPN", "NNP", "nsubj", 1, "GPE", "B"),
            tok(1, "urged", s2 + 6, "urge", "VERB", "VBD", "ROOT", 1),
            tok(2, "calm", s2 + 12, "calm", "NOUN", "NN", "dobj", 1, ws=""),
            tok(3, ".", s2 + 16, ".", "PUNCT", ".", "punct", 1, ws=""),
        ]),
    ]
    return Document(
        id="c0ffee01", ref="wire-0001", origin="feeds/asia.jsonl", text=TEXT, record="line 1",
        url="https://example.org/asia/1", source="Example Wire", title="Pyongyang says no",
        date=dt.date(2021, 3, 2), date_source="dateline", lang="en", dropped=["Share ▸", "Ads"],
        sentences=sentences,
        ingested_at=dt.datetime(2021, 3, 3, 9, 15, 42, 123456, tzinfo=dt.UTC),
    )


def plain_document(doc_id: str, n_sentences: int = 0, **fields) -> Document:
    text = " ".join(f"Sentence {k}." for k in range(n_sentences)) or "Empty."
    sentences = [
        Sentence(k, 12 * k, 12 * k + 11, f"Sentence {k}.",
                 [tok(0, "Sentence", 12 * k, "sentence", "NOUN", "NN", "ROOT", 0)])
        for k in range(n_sentences)
    ]
    return Document(id=doc_id, ref=f"ref-{doc_id}", origin="batch.jsonl", text=text,
                    sentences=sentences, **fields)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_round_trip_rebuilds_an_equal_document(store):
    doc = parsed_document()
    assert store.add_document(doc) is True
    assert store.get_document(doc.id) == doc
    assert store.sentences(doc.id) == doc.sentences


def test_round_trip_survives_reopening(tmp_path):
    doc = parsed_document()
    with Store(tmp_path / "t.duckdb") as s:
        s.add_document(doc)
    with Store(tmp_path / "t.duckdb", read_only=True) as s:
        assert s.get_document(doc.id) == doc


def test_get_document_without_sentences(store):
    doc = parsed_document()
    store.add_document(doc)
    got = store.get_document(doc.id, with_sentences=False)
    assert got.sentences == []
    assert got.text == TEXT and got.date == dt.date(2021, 3, 2)


def test_adding_the_same_document_twice_keeps_one_row(store):
    doc = parsed_document()
    assert store.add_document(doc) is True
    changed = parsed_document()
    changed.title = "A different title"
    assert store.add_document(changed) is False
    assert store.get_document(doc.id).title == "Pyongyang says no"
    assert store.stats().documents == 1
    assert store.stats().sentences == 2


def test_unknown_document(store):
    assert store.has_document("nope") is False
    assert store.get_document("nope") is None
    assert store.sentences("nope") == []


def test_ingested_at_defaults_to_now_in_utc(store):
    before = dt.datetime.now(dt.UTC)
    store.add_document(plain_document("d1"))
    after = dt.datetime.now(dt.UTC)
    stamp = store.get_document("d1").ingested_at
    assert stamp.tzinfo == dt.UTC
    assert before <= stamp <= after


def test_aware_ingested_at_is_stored_in_utc(store):
    plus_two = dt.timezone(dt.timedelta(hours=2))
    noon = dt.datetime(2022, 1, 1, 12, tzinfo=plus_two)
    store.add_document(plain_document("d1", ingested_at=noon))
    assert store.get_document("d1").ingested_at == dt.datetime(2022, 1, 1, 10, tzinfo=dt.UTC)


def test_batch_counts_new_documents_and_skips_repeats(store):
    store.add_document(plain_document("a", 1))
    batch = [plain_document("a", 3), plain_document("b", 2), plain_document("b", 5),
             plain_document("c", 0)]
    assert store.add_documents(batch, run_id=None) == 2
    assert [len(store.sentences(i)) for i in ("a", "b", "c")] == [1, 2, 0]
    assert store.add_documents(batch, run_id=None) == 0
    assert store.add_documents([], run_id=None) == 0


def test_bulk_batch_stores_every_sentence(store):
    docs = [plain_document(f"doc{k:04d}", 20) for k in range(300)]
    assert store.add_documents(docs, run_id=None) == 300
    stats = store.stats()
    assert (stats.documents, stats.sentences) == (300, 6000)
    assert store.sentences("doc0299")[19].text == "Sentence 19."


def test_batch_is_all_or_nothing(store):
    bad = plain_document("bad", status="maybe")
    with pytest.raises(StoreError, match="status 'maybe' is not one of ok, rejected"):
        store.add_documents([plain_document("good"), bad], run_id=None)
    assert store.has_document("good") is False


def test_rejected_documents_keep_their_reason(store):
    doc = plain_document("r1", status="rejected", reason="not English (de)", lang="de")
    store.add_document(doc)
    got = store.get_document("r1")
    assert (got.status, got.reason, got.lang) == ("rejected", "not English (de)", "de")


def test_document_listing_pages_and_filters(store):
    t0 = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)
    for k in range(5):
        status = "rejected" if k == 4 else "ok"
        store.add_document(plain_document(f"d{k}", k, status=status,
                                          ingested_at=t0 + dt.timedelta(minutes=k)))
    assert [s.id for s in store.documents()] == ["d4", "d3", "d2", "d1", "d0"]
    assert [s.id for s in store.documents(limit=2, offset=1)] == ["d3", "d2"]
    assert [s.id for s in store.documents(status="rejected")] == ["d4"]
    assert store.documents(status="ok", limit=1) == [
        DocumentSummary(id="d3", ref="ref-d3", origin="batch.jsonl", source=None, title=None,
                        date=None, date_source="unknown", lang=None, status="ok", reason=None,
                        n_sentences=3, ingested_at=t0 + dt.timedelta(minutes=3))
    ]


def test_document_listing_refuses_unknown_status_and_negative_paging(store):
    with pytest.raises(StoreError, match="unknown document status 'good'; valid: ok, rejected"):
        store.documents(status="good")
    with pytest.raises(StoreError, match="limit=-1"):
        store.documents(limit=-1)


def test_summary_json_shape(store):
    store.add_document(parsed_document())
    assert store.documents()[0].to_json() == {
        "id": "c0ffee01", "ref": "wire-0001", "origin": "feeds/asia.jsonl",
        "source": "Example Wire", "title": "Pyongyang says no", "date": "2021-03-02",
        "date_source": "dateline", "lang": "en", "status": "ok", "reason": None,
        "n_sentences": 2, "ingested_at": "2021-03-03T09:15:42.123456+00:00",
    }


def test_document_status(tmp_path):
    from tacitus.records import Document
    from tacitus.store import Store

    with Store(tmp_path / "s.duckdb") as store:
        store.add_document(Document(id="de1", ref="r", origin="o", text="Guten Tag.", status="rejected", reason="unsupported language: de"))
        store.add_document(Document(id="en1", ref="r", origin="o", text="Good day."))
        assert store.document_status("de1") == ("rejected", "unsupported language: de")
        assert store.document_status("en1") == ("ok", None)
        assert store.document_status("nope") is None
