"""Rejections, runs and stats: the store's bookkeeping beside the documents."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.errors import StoreError
from tacitus.records import Document, Rejection, Sentence
from tacitus.store import Store, StoreStats


def doc(doc_id: str, source: str | None, date: dt.date | None, status: str = "ok",
        n_sentences: int = 1) -> Document:
    sentences = [Sentence(k, 0, 5, "Calm.") for k in range(n_sentences)]
    return Document(id=doc_id, ref=doc_id, origin="in.jsonl", text="Calm.", source=source,
                    date=date, status=status, sentences=sentences)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_rejection_is_kept_once_per_origin_record_and_reason(store):
    rej = Rejection(origin="in.jsonl", record="line 7", reason="empty text", ref="a7")
    assert store.add_rejection(rej) is True
    assert store.add_rejection(rej) is False
    assert store.add_rejection(Rejection("in.jsonl", "line 8", "empty text")) is True
    assert store.add_rejection(Rejection("in.jsonl", "line 7", "not English (fr)")) is True
    assert store.rejections() == [
        rej,
        Rejection("in.jsonl", "line 8", "empty text"),
        Rejection("in.jsonl", "line 7", "not English (fr)"),
    ]


def test_rejection_without_a_record_is_kept_once(store):
    rej = Rejection(origin="broken.html", record=None, reason="undecodable bytes")
    assert store.add_rejection(rej) is True
    assert store.add_rejection(rej) is False
    assert store.rejections() == [rej]
    assert store.rejections()[0].record is None


def test_rejections_page(store):
    for k in range(5):
        store.add_rejection(Rejection("in.jsonl", f"line {k}", "empty text"))
    assert [r.record for r in store.rejections(limit=2, offset=3)] == ["line 3", "line 4"]


def test_runs_record_command_arguments_and_counts(store):
    first = store.begin_run("ingest", {"paths": ["a.jsonl"], "lang": "en"})
    second = store.begin_run("ingest", {"paths": []})
    store.finish_run(first, {"documents": 3, "rejections": 1})
    newest, oldest = store.runs()
    assert (oldest.id, oldest.command) == (first, "ingest")
    assert oldest.args == {"paths": ["a.jsonl"], "lang": "en"}
    assert oldest.counts == {"documents": 3, "rejections": 1}
    assert oldest.started_at <= oldest.finished_at
    assert oldest.started_at.tzinfo == dt.UTC
    assert (newest.id, newest.finished_at, newest.counts) == (second, None, None)


def test_finishing_an_unknown_run_fails(store):
    with pytest.raises(StoreError, match="cannot finish run 99: no such run"):
        store.finish_run(99, {})


def test_stats_on_an_empty_store(store):
    assert store.stats() == StoreStats()


def test_stats_count_by_status_source_month_and_reason(store):
    store.add_documents([
        doc("a", "Wire", dt.date(2020, 1, 5), n_sentences=2),
        doc("b", "Wire", dt.date(2020, 1, 28)),
        doc("c", "Daily", dt.date(2019, 12, 31), n_sentences=3),
        doc("d", None, None, status="rejected", n_sentences=0),
    ], run_id=store.begin_run("ingest", {}))
    for k in range(3):
        store.add_rejection(Rejection("in.jsonl", f"line {k}", "empty text"))
    store.add_rejection(Rejection("page.html", None, "no body text"))
    assert store.stats() == StoreStats(
        documents=4,
        by_status={"ok": 3, "rejected": 1},
        by_source={"Wire": 2, "Daily": 1, "unknown": 1},
        by_month={"2019-12": 1, "2020-01": 2, "unknown": 1},
        sentences=6,
        rejections=4,
        rejections_by_reason={"empty text": 3, "no body text": 1},
        runs=1,
    )
    assert store.stats(top=1).by_source == {"Wire": 2}
    assert store.stats(top=1).rejections_by_reason == {"empty text": 3}
