"""Stage composition and the one error policy: inputs stream through prepare -> parse -> code -> store.

The main process reads the inputs lazily, in batches, and is the only store writer. For each batch
it asks the input ledger (tacitus.ledger) what is already done, hands the rest to an executor
(tacitus.workers: in this process, a pool of worker processes, or tacitus.scale on Dask) as one
job of `process_batch`, and commits the results in input order, one transaction per batch. A
bounded number of batches is in flight, so memory stays flat however large the input.

Every input ends as a stored document (ok or rejected) or a rejection row; one bad page never
stops the batch. Documents already stored (same content id) count as duplicates and are not
stored again; with a coder, a stored document the current coder version has not coded is coded
from its stored parse. Setting `stop` ends the run after the batch at hand: what was committed
stays, and a rerun picks up where it stopped.
"""

from __future__ import annotations

import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from .ledger import InputEntry, InputKey, LedgerHit, StoredStatus, input_key, prepared_by
from .prepare import PrepareOptions
from .records import Document, Event, RawInput, Rejection
from .workers import Coder, Engine, Executor, InProcess, Result, Stopped, WorkItem, WorkOptions

MAX_EXAMPLES = 20

__all__ = ["Coder", "DocumentSink", "IngestReport", "RunSettings", "ingest", "run"]


class DocumentSink(Protocol):
    """What the pipeline needs from a store (tacitus.store.Store implements it)."""

    def input_outcomes(
        self, keys: Sequence[InputKey], prepared_by: str, coder_version: str | None = None
    ) -> dict[InputKey, LedgerHit]: ...
    def document_statuses(
        self, doc_ids: Sequence[str], coder_version: str | None = None
    ) -> dict[str, StoredStatus]: ...
    def get_documents(self, doc_ids: Sequence[str], with_sentences: bool = True) -> dict[str, Document]: ...
    def events_of_docs(self, doc_ids: Sequence[str]) -> dict[str, list[Event]]: ...
    def write_batch(
        self, docs: Sequence[Document], recoded: Sequence[Document] = (), rejections: Sequence[Rejection] = (),
        entries: Sequence[InputEntry] = (), *, prepared_by: str = "", run_id: int | None = None,
        coder_version: str | None = None,
    ) -> int: ...


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
    interrupted: bool = False  # stopped early by `stop`; everything committed before stays

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


@dataclass(frozen=True, slots=True)
class RunSettings:
    """What the main process needs to decide what is done: the ledger's `prepared_by`, the coder
    version (None: ingest only), whether to code stored documents again, and the batch size
    (inputs per job and per transaction)."""

    prepared_by: str
    coder_version: str | None = None
    recode: bool = False
    batch_size: int = 32


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
    recode: bool = False,
    stop: threading.Event | None = None,
) -> IngestReport:
    """Stream inputs into the store in this process with the given model and coder.

    With a coder, every document is coded (or its stored coding reused) and `on_document` sees
    each document of the input once, with its `events`, in input order.
    """
    work = WorkOptions(prepare=options, batch_size=batch_size)
    settings = RunSettings(prepared_by(options), coder.version if coder else None, recode, batch_size)
    executor = InProcess(work, Engine(nlp, coder))
    return run(inputs, sink, executor, settings, run_id, on_document, on_progress, stop)


def run(
    inputs: Iterable[RawInput | Rejection],
    sink: DocumentSink,
    executor: Executor,
    settings: RunSettings,
    run_id: int | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    stop: threading.Event | None = None,
) -> IngestReport:
    """Stream inputs through `executor` into `sink`, a bounded number of batches in flight,
    committing each batch in input order; returns the run's counts (`interrupted` when `stop`
    was set)."""
    committer = _Committer(sink, executor, settings, IngestReport(run_id=run_id), on_document, stop)
    pending: deque[tuple[_Plan, Any]] = deque()
    cancel = True
    try:
        for batch, last in _batches(inputs, settings.batch_size):
            if stop is not None and stop.is_set():
                raise Stopped()
            plan = _plan(batch, sink, settings)
            pending.append((plan, executor.submit(plan.job, last) if plan.job else None))
            while pending and (len(pending) > executor.slots or pending[0][1] is None):
                committer.commit(*pending.popleft())
                if on_progress:
                    on_progress(committer.report)
        while pending:
            committer.commit(*pending.popleft())
            if on_progress:
                on_progress(committer.report)
        cancel = False
    except Stopped:
        committer.report.interrupted = True
    finally:
        executor.close(cancel=cancel)
    return committer.report


def _batches(items: Iterable[RawInput | Rejection], size: int) -> Iterator[tuple[list, bool]]:
    """Batches of `size` items, each with whether it is the last (one batch is read ahead)."""
    it = iter(items)
    batch = list(islice(it, size))
    while batch:
        following = list(islice(it, size))
        yield batch, not following
        batch = following


# --- planning: what the ledger says is done, and the job for the rest -----------------------------


@dataclass(slots=True)
class _Slot:
    """One input of a batch and what the planner decided for it."""

    item: RawInput | Rejection
    key: InputKey | None = None
    hit: LedgerHit | None = None
    job: int | None = None  # index of its work item in the batch's job
    recode: bool = False  # the work item is its stored document, to be coded again


@dataclass(slots=True)
class _Plan:
    slots: list[_Slot]
    job: list[WorkItem]


def _plan(batch: list[RawInput | Rejection], sink: DocumentSink, settings: RunSettings) -> _Plan:
    """Ask the ledger about the batch once; inputs it has not seen go to the job whole, stored
    documents that need coding go as their stored parse, the rest need no work."""
    slots = [_Slot(item, input_key(item) if isinstance(item, RawInput) else None) for item in batch]
    keys = [s.key for s in slots if s.key is not None]
    hits = sink.input_outcomes(keys, settings.prepared_by, settings.coder_version) if keys else {}
    job: list[WorkItem] = []
    recode: list[_Slot] = []
    for slot in slots:
        if slot.key is None:
            continue
        slot.hit = hits.get(slot.key)
        if slot.hit is None or (slot.hit.doc_id is not None and slot.hit.stored is None):
            slot.job = len(job)
            job.append(slot.item)  # type: ignore[arg-type]
        elif _needs_coding(slot.hit, settings):
            recode.append(slot)
    if recode:
        stored = sink.get_documents([s.hit.doc_id for s in recode], with_sentences=True)  # type: ignore[union-attr]
        for slot in recode:
            doc = stored.get(slot.hit.doc_id)  # type: ignore[union-attr, arg-type]
            if doc is not None:
                slot.job, slot.recode = len(job), True
                job.append(doc)
    return _Plan(slots, job)


def _needs_coding(hit: LedgerHit, settings: RunSettings) -> bool:
    stored = hit.stored
    if settings.coder_version is None or stored is None or stored.status != "ok":
        return False
    return settings.recode or stored.n_events is None


# --- committing: results in input order, one transaction per batch --------------------------------


class _Committer:
    """Turns a batch's results into one store write, the report's counts and the documents
    handed to `on_document`, in input order."""

    def __init__(self, sink: DocumentSink, executor: Executor, settings: RunSettings, report: IngestReport,
                 on_document: Callable[[Document], None] | None, stop: threading.Event | None) -> None:
        self.sink, self.executor, self.settings, self.report = sink, executor, settings, report
        self.on_document, self.stop = on_document, stop
        self.seen: set[str] = set()  # document ids met in this run

    def commit(self, plan: _Plan, handle: Any) -> None:
        results = self.executor.wait(handle, self.stop) if handle is not None else []
        batch = _BatchWrite()
        fresh = [r.id for s in plan.slots if s.job is not None and not s.recode
                 for r in [results[s.job]] if isinstance(r, Document)]
        statuses = self.sink.document_statuses(fresh, self.settings.coder_version) if fresh else {}
        out: list[Document | str] = []  # a document to hand on, or the id of a stored one
        again: list[tuple[int, str]] = []  # stored documents this coder version has not coded
        for slot in plan.slots:
            self.report.inputs += 1
            result = results[slot.job] if slot.job is not None else None
            self._slot(slot, result, statuses, batch, out, again)
        if again:
            self._code_stored(again, batch, out)
        self.sink.write_batch(
            batch.docs, batch.recoded, batch.rejections, batch.entries, prepared_by=self.settings.prepared_by,
            run_id=self.report.run_id, coder_version=self.settings.coder_version,
        )
        self._hand_on(out)

    def _slot(self, slot: _Slot, result: Result | None, statuses: dict[str, StoredStatus], batch: _BatchWrite,
              out: list[Document | str], again: list[tuple[int, str]]) -> None:
        item, hit, report = slot.item, slot.hit, self.report
        if isinstance(item, Rejection):
            batch.reject(item, report)
        elif isinstance(result, Rejection):
            batch.entries.append(InputEntry(slot.key, None, result.reason))  # type: ignore[arg-type]
            batch.reject(result, report)
        elif result is not None and not slot.recode:
            batch.entries.append(InputEntry(slot.key, result.id))  # type: ignore[arg-type]
            self._fresh(result, statuses.get(result.id), batch, out, again)
        elif hit is not None and hit.doc_id is None:
            batch.reject(Rejection(item.origin, item.record, hit.reason or "rejected", item.ref), report)
        elif self._repeat(hit.doc_id):  # type: ignore[union-attr, arg-type]
            report.duplicates += 1
        elif result is not None:  # a stored document, coded again
            report.duplicates += 1
            self._coded_stored(result, batch, out)
        else:
            self._known(item, hit.stored, hit.doc_id, out)  # type: ignore[union-attr, arg-type]

    def _repeat(self, doc_id: str) -> bool:
        """True when this run met the document before (it is counted once and handed on once)."""
        if doc_id in self.seen:
            return True
        self.seen.add(doc_id)
        return False

    def _fresh(self, doc: Document, known: StoredStatus | None, batch: _BatchWrite, out: list[Document | str],
               again: list[tuple[int, str]]) -> None:
        """A document a worker prepared from a raw input."""
        report = self.report
        if self._repeat(doc.id):
            report.duplicates += 1
        elif known is None:
            batch.docs.append(doc)
            if doc.status == "ok":
                report.stored += 1
                report.sentences += len(doc.sentences)
                report.coded += doc.events is not None
                report.events += len(doc.events or [])
            else:
                batch.reject(Rejection(doc.origin, doc.record, doc.reason or "rejected", doc.ref), report, row=False)
            out.append(doc)
        elif known.status != "ok":
            report.reject(Rejection(doc.origin, doc.record, known.reason or "rejected", doc.ref))
        elif self.settings.coder_version is not None and (self.settings.recode or known.n_events is None):
            report.duplicates += 1
            again.append((len(out), doc.id))
            out.append(doc.id)
        else:
            self._known(doc, known, doc.id, out)

    def _known(self, item: RawInput | Document, stored: StoredStatus | None, doc_id: str,
               out: list[Document | str]) -> None:
        """A stored document that needs no work: rejected ones are reported as rejected again
        (so --strict answers the same every run), the others are duplicates."""
        if stored is not None and stored.status != "ok":
            self.report.reject(Rejection(item.origin, item.record, stored.reason or "rejected", item.ref))
            return
        self.report.duplicates += 1
        self.report.events += (stored.n_events or 0) if stored else 0
        out.append(doc_id)

    def _coded_stored(self, doc: Document, batch: _BatchWrite, out: list[Document | str]) -> None:
        batch.recoded.append(doc)
        self.report.coded += doc.status == "ok"
        self.report.events += len(doc.events or [])
        out.append(doc)

    def _code_stored(self, again: list[tuple[int, str]], batch: _BatchWrite, out: list[Document | str]) -> None:
        """Stored documents met through another input that this coder version has not coded: code
        their stored parse now (rare: the same text ingested earlier from elsewhere)."""
        stored = self.sink.get_documents([doc_id for _, doc_id in again], with_sentences=True)
        docs = [stored[doc_id] for _, doc_id in again if doc_id in stored]
        coded = {d.id: d for d in self.executor.wait(self.executor.submit(docs, False), self.stop)}  # type: ignore[misc, union-attr]
        for index, doc_id in again:
            doc = coded.get(doc_id)
            if doc is not None:
                batch.recoded.append(doc)
                self.report.coded += doc.status == "ok"
                self.report.events += len(doc.events or [])
                out[index] = doc

    def _hand_on(self, out: list[Document | str]) -> None:
        """`on_document` for each document in input order; stored ones are read back in one go."""
        if self.on_document is None:
            return
        ids = [x for x in out if isinstance(x, str)]
        docs = self.sink.get_documents(ids, with_sentences=False) if ids else {}
        events = self.sink.events_of_docs(ids) if ids else {}
        for x in out:
            doc = x if isinstance(x, Document) else docs.get(x)
            if doc is not None:
                if isinstance(x, str):
                    doc.events = events.get(x, [])
                self.on_document(doc)


@dataclass(slots=True)
class _BatchWrite:
    """What one batch writes, in one transaction."""

    docs: list[Document] = field(default_factory=list)
    recoded: list[Document] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    entries: list[InputEntry] = field(default_factory=list)

    def reject(self, rej: Rejection, report: IngestReport, row: bool = True) -> None:
        if row:
            self.rejections.append(rej)
        report.reject(rej)
