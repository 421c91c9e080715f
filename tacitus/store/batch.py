"""Batch reads and the one-transaction batch write behind `Store`'s pipeline methods.

Why batched: the pipeline asks about and writes a whole batch of documents at once, so a rerun
or a large run pays one round trip per batch instead of one per document (a per-document
status look-up cost ~0.8 ms, half of the store's share of a run). Functions here take an open
connection; `Store` opens the transaction and turns driver errors into StoreErrors.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from tacitus.ledger import InputEntry, InputKey, LedgerHit, StoredStatus
from tacitus.records import Document, Event, Rejection, Sentence
from tacitus.store import codec
from tacitus.store import queries as q


def ledger_lookup(
    conn: duckdb.DuckDBPyConnection, keys: Sequence[InputKey], prepared_by: str, coder_version: str | None
) -> dict[InputKey, LedgerHit]:
    if not keys:
        return {}
    params = [[k.origin for k in keys], [k.record_key for k in keys], [k.raw_hash for k in keys],
              coder_version, prepared_by]
    found: dict[InputKey, LedgerHit] = {}
    wanted = {(k.origin, k.record_key, k.raw_hash): k for k in keys}
    for origin, record_key, raw_hash, doc_id, reason, status, doc_reason, n_events in conn.execute(
        q.LEDGER_LOOKUP, params
    ).fetchall():
        stored = StoredStatus(status, doc_reason, n_events) if status is not None else None
        found[wanted[(origin, record_key, raw_hash)]] = LedgerHit(doc_id, reason, stored)
    return found


def document_statuses(
    conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], coder_version: str | None
) -> dict[str, StoredStatus]:
    if not doc_ids:
        return {}
    rows = conn.execute(q.DOCUMENT_STATUSES, [coder_version, list(doc_ids)]).fetchall()
    return {doc_id: StoredStatus(status, reason, n_events) for doc_id, status, reason, n_events in rows}


def get_documents(
    conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], with_sentences: bool
) -> dict[str, Document]:
    if not doc_ids:
        return {}
    ids = list(doc_ids)
    sentences: dict[str, list[Sentence]] = {}
    if with_sentences:
        for doc_id, *row in conn.execute(q.GET_SENTENCES_OF_DOCS, [ids]).fetchall():
            sentences.setdefault(doc_id, []).append(codec.sentence_from_row(row))
    rows = conn.execute(q.GET_DOCUMENTS, [ids]).fetchall()
    return {row[0]: codec.document_from_row(row, sentences.get(row[0], [])) for row in rows}


def events_of_docs(conn: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, list[Event]]:
    events: dict[str, list[Event]] = {doc_id: [] for doc_id in doc_ids}
    if doc_ids:
        for row in conn.execute(q.EVENTS_OF_DOCS, [list(doc_ids)]).fetchall():
            events[row[1]].append(codec.event_from_row(row))
    return events


def insert_new_documents(
    conn: duckdb.DuckDBPyConnection, docs: Sequence[Document], run_id: int | None, coder_version: str | None
) -> int:
    """Documents whose id is not stored yet, with their sentences and (when coded) events and a
    codings row; returns how many were new. Same layout as `Store.add_documents`."""
    if not docs:
        return 0
    existing = {row[0] for row in conn.execute(q.EXISTING_IDS, [[d.id for d in docs]]).fetchall()}
    new = [d for d in docs if d.id not in existing]
    if new:
        conn.execute(q.INSERT_DOCUMENTS, codec.document_columns(new, run_id, codec.utc_now()))
        sentences = codec.sentence_columns(new)
        if sentences[0]:
            conn.execute(q.INSERT_SENTENCES, sentences)
        coded = [d for d in new if d.events is not None]
        if coded:
            insert_codings(conn, coded, coder_version or "unknown")
    return len(new)


def replace_codings(conn: duckdb.DuckDBPyConnection, docs: Sequence[Document], coder_version: str) -> None:
    """The new coding of stored documents replaces their stored events and codings row."""
    if docs:
        ids = [d.id for d in docs]
        conn.execute(q.DELETE_EVENTS_OF_DOCS, [ids])
        conn.execute(q.DELETE_CODINGS_OF_DOCS, [ids])
        insert_codings(conn, docs, coder_version)


def insert_codings(conn: duckdb.DuckDBPyConnection, docs: Sequence[Document], coder_version: str) -> None:
    events = [e for d in docs for e in (d.events or [])]
    if events:
        conn.execute(q.INSERT_EVENTS, codec.event_columns(events))
    now = codec.utc_now()
    conn.execute(
        q.INSERT_CODINGS,
        [[d.id for d in docs], [coder_version] * len(docs), [now] * len(docs), [len(d.events or []) for d in docs]],
    )


def insert_rejections(conn: duckdb.DuckDBPyConnection, rejections: Sequence[Rejection], run_id: int | None) -> None:
    now = codec.utc_now()
    for rej in rejections:
        conn.execute(q.INSERT_REJECTION, [rej.origin, rej.record, rej.record or "", rej.ref, rej.reason, run_id, now])


def insert_inputs(
    conn: duckdb.DuckDBPyConnection, entries: Sequence[InputEntry], prepared_by: str, run_id: int | None
) -> None:
    """Ledger rows; an input already recorded (same key) keeps its first row."""
    first: dict[InputKey, InputEntry] = {}
    for entry in entries:
        first.setdefault(entry.key, entry)
    unique = list(first.values())
    if not unique:
        return
    n = len(unique)
    conn.execute(q.INSERT_INPUTS, [
        [e.key.origin for e in unique], [e.key.record_key for e in unique], [e.key.raw_hash for e in unique],
        [prepared_by] * n, [e.doc_id for e in unique], [e.reason for e in unique], [run_id] * n,
        [codec.utc_now()] * n,
    ])
