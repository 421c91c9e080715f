"""Stage composition and the one error policy: inputs stream through prepare -> parse -> code -> store.

Every input ends as a stored document (ok or rejected) or a rejection row; one bad page never stops
the batch. Documents already in the store (same content id) are counted as duplicates and not parsed
again; with a coder, a stored document that this coder version has not coded yet is coded from its
stored parse.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .nlp import parse
from .prepare import PrepareOptions, prepare
from .records import Document, Event, RawInput, Rejection

MAX_EXAMPLES = 20


class Coder(Protocol):
    """What the pipeline needs from an event coder (tacitus.events.coder.EventCoder)."""

    version: str

    def __call__(self, doc: Document) -> Document: ...


class DocumentSink(Protocol):
    """What the pipeline needs from a store (tacitus.store.Store implements it)."""

    def document_status(self, doc_id: str) -> tuple[str, str | None] | None: ...
    def add_documents(
        self, docs: Iterable[Document], run_id: int | None = None, coder_version: str | None = None
    ) -> int: ...
    def add_rejection(self, rej: Rejection, run_id: int | None = None) -> bool: ...
    def get_document(self, doc_id: str, with_sentences: bool = True) -> Document | None: ...
    def coded_with(self, doc_ids: Sequence[str], coder_version: str) -> set[str]: ...
    def save_codings(self, docs: Sequence[Document], coder_version: str) -> None: ...
    def events_of(self, doc_id: str) -> list[Event]: ...


@dataclass(slots=True)
class IngestReport:
    """Counts for one run, plus a few example rejections for the summary line."""

    run_id: int | None = None
    inputs: int = 0
    stored: int = 0  # new documents with status ok
    duplicates: int = 0  # already stored, or repeated within this run
    rejected: int = 0  # rejection rows plus documents stored as rejected
    sentences: int = 0
    coded: int = 0  # documents coded in this run
    events: int = 0  # events of the documents this run saw (new or already stored)
    reasons: Counter = field(default_factory=Counter)
    examples: list[Rejection] = field(default_factory=list)

    def reject(self, rej: Rejection) -> None:
        self.rejected += 1
        self.reasons[_reason_kind(rej.reason)] += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append(rej)

    def counts(self) -> dict[str, int]:
        return {
            "inputs": self.inputs,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "sentences": self.sentences,
            "coded": self.coded,
            "events": self.events,
        }


def _reason_kind(reason: str) -> str:
    """Group reasons for the summary: "invalid JSON: Expecting ..." -> "invalid JSON"."""
    return reason.split(":", 1)[0].split(" (", 1)[0]


def ingest(
    inputs: Iterable[RawInput | Rejection],
    sink: DocumentSink,
    nlp: Any,
    options: PrepareOptions,
    run_id: int | None = None,
    batch_size: int = 32,
    coder: Coder | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Stream inputs into the store in batches; returns the run's counts.

    With a coder, every document is coded (or its stored coding reused) and `on_document` sees
    each document of the input once, with its `events`, in input order within a batch.
    """
    report = IngestReport(run_id=run_id)
    batch: list[Document] = []
    stored: list[str] = []
    order: list[str] = []  # ids in input order, so documents come out as they went in
    seen: set[str] = set()
    for item in inputs:
        report.inputs += 1
        if isinstance(item, Rejection):
            _record_rejection(item, sink, report, run_id)
            continue
        prepared = _guarded(item, "extraction", lambda: prepare(item, options))
        if isinstance(prepared, Rejection):
            _record_rejection(prepared, sink, report, run_id)
            continue
        if prepared.id in seen:
            report.duplicates += 1
            continue
        seen.add(prepared.id)
        known = sink.document_status(prepared.id)
        if known is not None and known[0] != "ok":
            # stored before as rejected: still a rejected input, so --strict says the same each run
            report.reject(Rejection(prepared.origin, prepared.record, known[1] or "rejected", prepared.ref))
            continue
        order.append(prepared.id)
        if known is not None:
            report.duplicates += 1
            stored.append(prepared.id)
        else:
            batch.append(prepared)
        if len(batch) + len(stored) >= batch_size:
            _flush(batch, stored, order, sink, nlp, report, run_id, batch_size, coder, on_document)
            batch, stored, order = [], [], []
            if on_progress:
                on_progress(report)
    if batch or stored:
        _flush(batch, stored, order, sink, nlp, report, run_id, batch_size, coder, on_document)
    if on_progress:
        on_progress(report)
    return report


def _record_rejection(rej: Rejection, sink: DocumentSink, report: IngestReport, run_id: int | None) -> None:
    sink.add_rejection(rej, run_id)
    report.reject(rej)


def _flush(
    batch: list[Document],
    stored: list[str],
    order: list[str],
    sink: DocumentSink,
    nlp: Any,
    report: IngestReport,
    run_id: int | None,
    batch_size: int,
    coder: Coder | None,
    on_document: Callable[[Document], None] | None,
) -> None:
    """Parse and code the new documents of a batch and store them at once; code or reuse the
    stored ones."""
    _parse_batch([doc for doc in batch if doc.status == "ok"], nlp, batch_size)
    if coder is not None:
        batch = [_code_guarded(coder, doc) for doc in batch]
    sink.add_documents(batch, run_id, coder.version if coder else None)
    for doc in batch:
        if doc.status == "ok":
            report.stored += 1
            report.sentences += len(doc.sentences)
        else:
            report.reject(Rejection(origin=doc.origin, record=doc.record, reason=doc.reason or "rejected", ref=doc.ref))
    again = _stored_documents(stored, sink, coder, report)
    if coder is not None:
        report.coded += sum(doc.status == "ok" for doc in batch)
    rank = {doc_id: i for i, doc_id in enumerate(order)}
    for doc in sorted(batch + again, key=lambda d: rank[d.id]):
        report.events += len(doc.events or [])
        if on_document:
            on_document(doc)


def _parse_batch(docs: list[Document], nlp: Any, batch_size: int) -> None:
    """Parse a batch at once; if spaCy fails on the batch, parse one by one so that only the
    document it fails on is rejected."""
    try:
        for doc, sentences in zip(docs, parse(nlp, (d.text for d in docs), batch_size)):
            doc.sentences = sentences
    except Exception:
        for doc in docs:
            try:
                [doc.sentences] = list(parse(nlp, [doc.text], 1))
            except Exception as exc:
                _fail(doc, "parse", exc)


def _code_guarded(coder: Coder, doc: Document) -> Document:
    try:
        return coder(doc)
    except Exception as exc:
        _fail(doc, "coding", exc)
        doc.events = []
        return doc


def _fail(doc: Document, stage: str, exc: Exception) -> None:
    """The one error policy for a bug met on one document: it is stored as rejected with the
    stage and the error, and the batch goes on."""
    doc.status, doc.reason = "rejected", f"internal error in {stage}: {type(exc).__name__}: {exc}"
    doc.sentences = []


def _guarded(item: RawInput, stage: str, work: Callable[[], Document | Rejection]) -> Document | Rejection:
    try:
        return work()
    except Exception as exc:
        reason = f"internal error in {stage}: {type(exc).__name__}: {exc}"
        return Rejection(origin=item.origin, record=item.record, reason=reason, ref=item.ref)


def _stored_documents(
    ids: list[str], sink: DocumentSink, coder: Coder | None, report: IngestReport
) -> list[Document]:
    """Documents already in the store: coded now if this coder has not coded them, else their
    stored events. Without a coder there is nothing to do."""
    if coder is None or not ids:
        return []
    done = sink.coded_with(ids, coder.version)
    docs = [sink.get_document(i, with_sentences=i not in done) for i in ids]
    docs = [d for d in docs if d is not None]
    fresh = [coder(d) for d in docs if d.id not in done]
    sink.save_codings(fresh, coder.version)
    report.coded += sum(d.status == "ok" for d in fresh)
    for doc in docs:
        if doc.id in done:
            doc.events = sink.events_of(doc.id)
    return docs
