"""Stage composition and the one error policy: inputs stream through prepare -> parse -> stages -> store.

Every input ends as a stored document (ok or rejected) or a rejection row; one bad page never stops
the batch. Documents already in the store (same content id) are counted as duplicates and not parsed
again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .nlp import parse
from .prepare import PrepareOptions, prepare
from .records import Document, RawInput, Rejection

Stage = Callable[[Document], Document]
MAX_EXAMPLES = 20


class DocumentSink(Protocol):
    """What the pipeline needs from a store (tacitus.store.Store implements it)."""

    def has_document(self, doc_id: str) -> bool: ...
    def add_documents(self, docs: Iterable[Document], run_id: int | None = None) -> int: ...
    def add_rejection(self, rej: Rejection, run_id: int | None = None) -> bool: ...


@dataclass(slots=True)
class IngestReport:
    """Counts for one run, plus a few example rejections for the summary line."""

    run_id: int | None = None
    inputs: int = 0
    stored: int = 0  # new documents with status ok
    duplicates: int = 0  # already stored, or repeated within this run
    rejected: int = 0  # rejection rows plus documents stored as rejected
    sentences: int = 0
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
    stages: Sequence[Stage] = (),
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Stream inputs into the store in batches; returns the run's counts."""
    report = IngestReport(run_id=run_id)
    batch: list[Document] = []
    seen: set[str] = set()
    for item in inputs:
        report.inputs += 1
        if isinstance(item, Rejection):
            _record_rejection(item, sink, report, run_id)
            continue
        prepared = prepare(item, options)
        if isinstance(prepared, Rejection):
            _record_rejection(prepared, sink, report, run_id)
            continue
        if prepared.id in seen or sink.has_document(prepared.id):
            report.duplicates += 1
            continue
        seen.add(prepared.id)
        batch.append(prepared)
        if len(batch) >= batch_size:
            _flush(batch, sink, nlp, report, run_id, batch_size, stages)
            batch = []
            if on_progress:
                on_progress(report)
    if batch:
        _flush(batch, sink, nlp, report, run_id, batch_size, stages)
    if on_progress:
        on_progress(report)
    return report


def _record_rejection(rej: Rejection, sink: DocumentSink, report: IngestReport, run_id: int | None) -> None:
    sink.add_rejection(rej, run_id)
    report.reject(rej)


def _flush(
    batch: list[Document],
    sink: DocumentSink,
    nlp: Any,
    report: IngestReport,
    run_id: int | None,
    batch_size: int,
    stages: Sequence[Stage],
) -> None:
    """Parse the English documents of a batch, run the later stages, store the batch at once."""
    to_parse = [doc for doc in batch if doc.status == "ok"]
    for doc, sentences in zip(to_parse, parse(nlp, (d.text for d in to_parse), batch_size)):
        doc.sentences = sentences
    done = []
    for doc in batch:
        for stage in stages:
            doc = stage(doc)
        done.append(doc)
    sink.add_documents(done, run_id)
    for doc in done:
        if doc.status == "ok":
            report.stored += 1
            report.sentences += len(doc.sentences)
        else:
            report.reject(Rejection(origin=doc.origin, record=doc.record, reason=doc.reason or "rejected", ref=doc.ref))
