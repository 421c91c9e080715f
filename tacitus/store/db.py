"""The document store: one DuckDB file, one writer, idempotent upserts keyed by content id.

Why one class owns the connection: DuckDB allows one writing process per file, and every SQL
statement the project runs goes through here, so callers deal in records (Document, Rejection,
DocumentSummary) and `StoreError`s that name the file, never in rows or driver exceptions.
A Store holds one DuckDB connection and is not thread-safe: use it from one thread or behind a
lock. DuckDB also refuses to open one file in two modes (read-only and read-write) in one process.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from tacitus.errors import StoreError
from tacitus.ledger import InputEntry, InputKey, LedgerHit, StoredStatus
from tacitus.records import Document, Event, Rejection, Sentence
from tacitus.store import batch, codec
from tacitus.store.batch import insert_codings
from tacitus.store.corpus import CorpusQueries
from tacitus.store import migrations as mig
from tacitus.store import queries as q
from tacitus.store.results import UNKNOWN, DocumentSummary, RunSummary, StoreStats

STATUSES = ("ok", "rejected")
MEMORY = ":memory:"


class Store(CorpusQueries):
    """Open (creating if needed) a store at `path` and bring its schema up to date.

    `migrations` is the schema history to apply; the default is the project's. A read-only
    store applies nothing and refuses a file whose schema is behind or ahead of this code.
    """

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        *,
        migrations: Sequence[mig.Migration] = mig.MIGRATIONS,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._conn: duckdb.DuckDBPyConnection | None = _connect(self.path, read_only)
        try:
            self._bring_up_to_date(migrations)
        except BaseException:
            self.close()
            raise

    # --- lifecycle ------------------------------------------------------------------------------

    def close(self) -> None:
        """Release the file (and its write lock); closing twice is harmless."""
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        state = "closed" if self._conn is None else mode
        return f"Store({self.path!r}, {state})"

    def _bring_up_to_date(self, migrations: Sequence[mig.Migration]) -> None:
        conn = self._live()
        try:
            mig.check_order(migrations)
            if self.read_only:
                behind = mig.pending(conn, migrations)
            else:
                behind = []
                mig.apply_pending(conn, migrations)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot bring the schema up to date: {exc}") from exc
        except StoreError as exc:  # the migrations module does not know the path
            raise StoreError(f"{self.path}: {exc}") from exc
        if behind:
            raise StoreError(
                f"{self.path}: store is at schema version {behind[0].version - 1}, this Tacitus "
                f"needs version {migrations[-1].version}; open it once for writing to upgrade it"
            )

    # --- schema ---------------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self._errors("read the schema version"):
            return mig.current_version(self._live())

    def applied_migrations(self) -> list[tuple[int, str, dt.datetime]]:
        """(version, name, applied_at UTC) of every migration this file has seen, oldest first."""
        with self._errors("read the applied migrations"):
            return mig.applied(self._live())

    # --- runs -----------------------------------------------------------------------------------

    def begin_run(self, command: str, args: dict[str, Any]) -> int:
        """Record that a command started; the id tags what it writes, for provenance."""
        with self._writing("begin a run") as conn:
            params = [command, codec.dumps(args), codec.utc_now()]
            row = conn.execute(q.BEGIN_RUN, params).fetchone()
        return int(row[0])

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        """Record that a run ended and what it counted; a run never finished has crashed."""
        with self._writing(f"finish run {run_id}") as conn:
            done = conn.execute(q.FINISH_RUN, [codec.utc_now(), codec.dumps(counts), run_id])
            if not done.fetchall():
                raise StoreError(f"{self.path}: cannot finish run {run_id}: no such run")

    def runs(self, limit: int = 20, offset: int = 0) -> list[RunSummary]:
        """Runs, newest first."""
        _check_page(limit, offset)
        with self._errors("list runs"):
            rows = self._live().execute(q.LIST_RUNS, [limit, offset]).fetchall()
        return [
            RunSummary(
                id=int(rid), command=command, args=json.loads(args),
                started_at=codec.from_utc_naive(started), finished_at=codec.from_utc_naive(ended),
                counts=json.loads(counts) if counts is not None else None,
            )
            for rid, command, args, started, ended, counts in rows
        ]

    # --- documents ------------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._errors(f"look up document {doc_id}"):
            return bool(self._live().execute(q.HAS_DOCUMENT, [doc_id]).fetchone()[0])

    def document_status(self, doc_id: str) -> tuple[str, str | None] | None:
        """(status, reason) of a stored document, or None when the id is not stored."""
        with self._errors(f"look up document {doc_id}"):
            row = self._live().execute(q.DOCUMENT_STATUS, [doc_id]).fetchone()
        return (row[0], row[1]) if row else None

    def add_document(self, doc: Document, run_id: int | None = None) -> bool:
        """Store a document and its sentences unless its id is already stored.

        Returns True if it was new; False if it was there already, in which case nothing changes
        (same id means same clean text, so the stored copy stands).
        """
        return self.add_documents([doc], run_id) == 1

    def add_documents(
        self, docs: Iterable[Document], run_id: int | None = None, coder_version: str | None = None
    ) -> int:
        """Store a batch in one transaction; returns how many were new.

        Ids already stored, and repeats of an id within the batch, are skipped (first one wins).
        Rows go in column-wise, one statement per table, so a large batch stays fast. Documents
        whose `events` is not None were coded: their events and a codings row (with
        `coder_version`) go in with them.
        """
        batch = _unique_by_id(docs)
        for doc in batch:
            _check_document(doc)
        if not batch:
            return 0
        with self._writing(f"add {len(batch)} document(s)") as conn:
            stored = conn.execute(q.EXISTING_IDS, [[d.id for d in batch]]).fetchall()
            existing = {row[0] for row in stored}
            new = [d for d in batch if d.id not in existing]
            if new:
                columns = codec.document_columns(new, run_id, codec.utc_now())
                conn.execute(q.INSERT_DOCUMENTS, columns)
                sentences = codec.sentence_columns(new)
                if sentences[0]:
                    conn.execute(q.INSERT_SENTENCES, sentences)
                coded = [d for d in new if d.events is not None]
                if coded:
                    insert_codings(conn, coded, coder_version or "unknown")
        return len(new)

    def save_codings(self, docs: Sequence[Document], coder_version: str) -> None:
        """Replace the stored events of already-stored documents with their new coding."""
        if not docs:
            return
        with self._writing(f"store the coding of {len(docs)} document(s)") as conn:
            ids = [d.id for d in docs]
            conn.execute(q.DELETE_EVENTS_OF_DOCS, [ids])
            conn.execute(q.DELETE_CODINGS_OF_DOCS, [ids])
            insert_codings(conn, docs, coder_version)

    def coded_with(self, doc_ids: Sequence[str], coder_version: str) -> set[str]:
        """Which of these documents are already coded by this coder version."""
        if not doc_ids:
            return set()
        with self._errors("look up codings"):
            rows = self._live().execute(q.CODED_WITH, [list(doc_ids), coder_version]).fetchall()
        return {row[0] for row in rows}

    def events_of(self, doc_id: str) -> list[Event]:
        """A document's stored events in sentence order."""
        with self._errors(f"read the events of document {doc_id}"):
            rows = self._live().execute(q.EVENTS_OF_DOC, [doc_id]).fetchall()
        return [codec.event_from_row(r) for r in rows]

    def events(self, limit: int = 50, offset: int = 0) -> list[Event]:
        """Stored events, by document date then position."""
        _check_page(limit, offset)
        with self._errors("list events"):
            rows = self._live().execute(q.LIST_EVENTS, [limit, offset]).fetchall()
        return [codec.event_from_row(r) for r in rows]

    def get_document(self, doc_id: str, with_sentences: bool = True) -> Document | None:
        """The stored document rebuilt as a record, or None if the id is unknown."""
        with self._errors(f"read document {doc_id}"):
            row = self._live().execute(q.GET_DOCUMENT, [doc_id]).fetchone()
        if row is None:
            return None
        sentences = self.sentences(doc_id) if with_sentences else []
        return codec.document_from_row(row, sentences)

    def sentences(self, doc_id: str) -> list[Sentence]:
        """The document's sentences in order, tokens included; empty for an unknown id."""
        with self._errors(f"read the sentences of document {doc_id}"):
            rows = self._live().execute(q.GET_SENTENCES, [doc_id]).fetchall()
        return [codec.sentence_from_row(row) for row in rows]

    def documents(
        self, status: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[DocumentSummary]:
        """A page of documents, most recently ingested first; `status` filters ("ok"/"rejected")."""
        if status is not None and status not in STATUSES:
            raise StoreError(f"unknown document status {status!r}; valid: {', '.join(STATUSES)}")
        _check_page(limit, offset)
        with self._errors("list documents"):
            params = [status, status, limit, offset]
            rows = self._live().execute(q.LIST_DOCUMENTS, params).fetchall()
        return [_summary(row) for row in rows]

    # --- rejections -----------------------------------------------------------------------------

    def add_rejection(self, rej: Rejection, run_id: int | None = None) -> bool:
        """Record why an input was refused; the same (origin, record, reason) is kept once."""
        params = [rej.origin, rej.record, rej.record or "", rej.ref, rej.reason, run_id,
                  codec.utc_now()]
        with self._writing(f"add a rejection of {rej.origin}") as conn:
            return bool(conn.execute(q.INSERT_REJECTION, params).fetchall())

    def rejections(self, limit: int = 50, offset: int = 0) -> list[Rejection]:
        """A page of rejections in the order they were first recorded."""
        _check_page(limit, offset)
        with self._errors("list rejections"):
            rows = self._live().execute(q.LIST_REJECTIONS, [limit, offset]).fetchall()
        return [Rejection(origin=o, record=r, reason=why, ref=ref) for o, r, why, ref in rows]

    # --- stats ----------------------------------------------------------------------------------

    def stats(self, top: int = 10) -> StoreStats:
        """Counts over the whole store; `top` caps the per-source and per-reason lists."""
        if top < 0:
            raise StoreError(f"top must be 0 or more, got {top}")
        with self._errors("compute statistics"):
            conn = self._live()
            by_status = dict(conn.execute(q.COUNT_DOCUMENTS_BY_STATUS).fetchall())
            return StoreStats(
                documents=sum(by_status.values()),
                by_status=by_status,
                by_source=dict(
                    conn.execute(q.COUNT_DOCUMENTS_BY_SOURCE, [UNKNOWN, top]).fetchall()
                ),
                by_month=dict(conn.execute(q.COUNT_DOCUMENTS_BY_MONTH, [UNKNOWN]).fetchall()),
                sentences=conn.execute(q.COUNT_SENTENCES).fetchone()[0],
                rejections=conn.execute(q.COUNT_REJECTIONS).fetchone()[0],
                rejections_by_reason=dict(
                    conn.execute(q.COUNT_REJECTIONS_BY_REASON, [top]).fetchall()
                ),
                runs=conn.execute(q.COUNT_RUNS).fetchone()[0],
                events=conn.execute(q.COUNT_EVENTS).fetchone()[0],
                coded=conn.execute(q.COUNT_CODED).fetchone()[0],
            )

    # --- pipeline batches (resumable runs) ------------------------------------------------------

    def end_run(self, run_id: int, counts: dict[str, int], interrupted: bool = False) -> None:
        """Record that a run ended, what it counted, and whether Ctrl-C stopped it early."""
        with self._writing(f"end run {run_id}") as conn:
            done = conn.execute(q.END_RUN, [codec.utc_now(), codec.dumps(counts), interrupted, run_id])
            if not done.fetchall():
                raise StoreError(f"{self.path}: cannot end run {run_id}: no such run")

    def run_state(self, run_id: int) -> str | None:
        """"finished", "interrupted" (stopped by Ctrl-C), "unfinished" (running, or crashed), or
        None for an unknown run."""
        with self._errors(f"read run {run_id}"):
            row = self._live().execute(q.RUN_STATE, [run_id]).fetchone()
        if row is None:
            return None
        finished_at, interrupted = row
        return "unfinished" if finished_at is None else "interrupted" if interrupted else "finished"

    def input_outcomes(
        self, keys: Sequence[InputKey], prepared_by: str, coder_version: str | None = None
    ) -> dict[InputKey, LedgerHit]:
        """What the input ledger knows about these inputs (one query for the batch); inputs it
        has not seen prepared by `prepared_by` are absent."""
        with self._errors(f"look up {len(keys)} input(s) in the ledger"):
            return batch.ledger_lookup(self._live(), keys, prepared_by, coder_version)

    def document_statuses(
        self, doc_ids: Sequence[str], coder_version: str | None = None
    ) -> dict[str, StoredStatus]:
        """Status of the stored ones among `doc_ids` (one query for the batch), with their number
        of events when `coder_version` coded them."""
        with self._errors(f"look up {len(doc_ids)} document(s)"):
            return batch.document_statuses(self._live(), doc_ids, coder_version)

    def get_documents(self, doc_ids: Sequence[str], with_sentences: bool = True) -> dict[str, Document]:
        """The stored ones among `doc_ids`, rebuilt as records, by id (two queries at most)."""
        with self._errors(f"read {len(doc_ids)} document(s)"):
            return batch.get_documents(self._live(), doc_ids, with_sentences)

    def events_of_docs(self, doc_ids: Sequence[str]) -> dict[str, list[Event]]:
        """Stored events of each document, in sentence order (one query for the batch)."""
        with self._errors(f"read the events of {len(doc_ids)} document(s)"):
            return batch.events_of_docs(self._live(), doc_ids)

    def write_batch(
        self,
        docs: Sequence[Document],
        recoded: Sequence[Document] = (),
        rejections: Sequence[Rejection] = (),
        entries: Sequence[InputEntry] = (),
        *,
        prepared_by: str = "",
        run_id: int | None = None,
        coder_version: str | None = None,
    ) -> int:
        """One pipeline batch in one transaction: new documents (ids already stored are skipped),
        new codings of stored documents, rejections and ledger rows. All of it lands or none
        does, so a run killed at any moment leaves whole batches only. Returns how many
        documents were new."""
        unique = _unique_by_id(docs)
        for doc in [*unique, *recoded]:
            _check_document(doc)
        with self._writing(f"write a batch of {len(unique)} document(s)") as conn:
            new = batch.insert_new_documents(conn, unique, run_id, coder_version)
            batch.replace_codings(conn, recoded, coder_version or "unknown")
            batch.insert_rejections(conn, rejections, run_id)
            batch.insert_inputs(conn, entries, prepared_by, run_id)
        return new

    # --- plumbing -------------------------------------------------------------------------------

    def _live(self) -> duckdb.DuckDBPyConnection:
        if self._conn is None:
            raise StoreError(f"{self.path}: store is closed")
        return self._conn

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn a driver error into a StoreError naming the file and what we were doing."""
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot {action}: {exc}") from exc

    @contextmanager
    def _writing(self, action: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction for one write: all of it lands, or none of it."""
        if self.read_only:
            raise StoreError(f"{self.path}: cannot {action}: the store was opened read-only")
        conn = self._live()
        with self._errors(action):
            conn.begin()
            try:
                yield conn
                conn.commit()
            except BaseException:
                _rollback_quietly(conn)
                raise


def _rollback_quietly(conn: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction; if the failure already ended it, there is nothing to undo."""
    try:
        conn.rollback()
    except duckdb.Error:
        pass


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the file, saying plainly why not when it cannot be opened."""
    if path != MEMORY:
        target = Path(path)
        if target.is_dir():
            raise StoreError(f"{path}: is a directory, not a store file")
        if read_only and not target.exists():
            raise StoreError(f"{path}: cannot open read-only: the store does not exist")
        if not read_only:
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create its folder: {exc.strerror}") from exc
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {_explain(exc)}") from exc


def _explain(exc: duckdb.Error) -> str:
    """The driver's message, led by the likely cause in plain words."""
    message = str(exc)
    if "not a valid DuckDB database" in message:
        return f"not a DuckDB database file ({message})"
    if "Could not set lock" in message:
        return f"locked by another process; DuckDB allows one writer per file ({message})"
    if "different configuration" in message:
        return f"already open in this process in another mode ({message})"
    return message


def _unique_by_id(docs: Iterable[Document]) -> list[Document]:
    seen: dict[str, Document] = {}
    for doc in docs:
        seen.setdefault(doc.id, doc)
    return list(seen.values())


def _check_document(doc: Document) -> None:
    if not doc.id:
        raise StoreError(f"document {doc.ref!r} from {doc.origin}: has no id")
    if doc.status not in STATUSES:
        raise StoreError(
            f"document {doc.id} ({doc.ref!r}): status {doc.status!r} is not one of "
            f"{', '.join(STATUSES)}"
        )


def _check_page(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise StoreError(f"limit and offset must be 0 or more, got limit={limit}, offset={offset}")


def _summary(row: Sequence[Any]) -> DocumentSummary:
    (doc_id, ref, origin, source, title, date, date_source, lang, status, reason, ingested_at,
     n_sentences) = row
    return DocumentSummary(
        id=doc_id, ref=ref, origin=origin, source=source, title=title, date=date,
        date_source=date_source, lang=lang, status=status, reason=reason,
        n_sentences=int(n_sentences), ingested_at=codec.from_utc_naive(ingested_at),
    )
