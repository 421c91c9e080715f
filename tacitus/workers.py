"""The per-batch work (prepare -> parse -> code) and the executors that run it: in this process, in a
pool of worker processes, or (tacitus.scale) on a Dask cluster.

Why one pure function: `process_batch(items, options)` needs no store and no shared state, so the
same code runs in-process, in a multiprocessing worker and on a Dask worker, and a test can call it
directly. Each process loads the spaCy model and the coder once (`engine_for`, cached per process)
and keeps them. The main process reads the inputs, decides what needs work, and is the only store
writer; workers only compute.

Worker processes are started with 'spawn' (spaCy's state does not survive fork reliably), ignore
SIGINT (a terminal's Ctrl-C reaches the whole process group; the main process decides when to
stop) and exit on their own if the main process dies.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from typing import Any, Protocol

from .errors import TacitusError
from .nlp import DEFAULT_MODEL, parse
from .prepare import PrepareOptions, prepare
from .records import Document, RawInput, Rejection

WorkItem = RawInput | Document  # a raw input to prepare, parse and code, or a stored document to code
Result = Document | Rejection
POLL_SECONDS = 0.2  # how often a wait looks at the stop flag
PARENT_CHECK_SECONDS = 1.0


class Coder(Protocol):
    """What the work needs from an event coder (tacitus.events.coder.EventCoder)."""

    version: str

    def __call__(self, doc: Document) -> Document: ...


@dataclass(frozen=True, slots=True)
class WorkOptions:
    """Everything a worker needs to load its engine and do the work; small, picklable, hashable."""

    prepare: PrepareOptions = PrepareOptions()
    model: str = DEFAULT_MODEL
    batch_size: int = 32  # documents per nlp.pipe batch
    coder: Any = None  # tacitus.events.coder.CoderOptions; None: ingest only (no coding)


@dataclass(slots=True)
class Engine:
    """The loaded spaCy pipeline and coder of one process."""

    nlp: Any
    coder: Coder | None = None


@cache
def engine_for(model: str, coder_options: Any) -> Engine:
    """Load the model and the coder once per process (a worker keeps them for every batch)."""
    from .nlp import load_nlp

    coder = None
    if coder_options is not None:
        from .events.coder import load_coder

        coder = load_coder(coder_options)
    return Engine(load_nlp(model), coder)


def process_batch(items: Sequence[WorkItem], options: WorkOptions, engine: Engine | None = None) -> list[Result]:
    """Prepare, parse and code one batch; one result per item, in order.

    A RawInput becomes a Document (parsed, and coded when there is a coder) or a Rejection; a
    Document (a stored one, with its sentences) is coded only. A bug met on one document rejects
    that document with the stage and the error; the batch goes on.
    """
    engine = engine or engine_for(options.model, options.coder)
    results: list[Result] = [
        item if isinstance(item, Document) else _guarded(item, lambda raw=item: prepare(raw, options.prepare))
        for item in items
    ]
    fresh = [
        doc for doc, item in zip(results, items)
        if isinstance(doc, Document) and isinstance(item, RawInput) and doc.status == "ok"
    ]
    parse_batch(fresh, engine.nlp, options.batch_size)
    if engine.coder is not None:
        results = [code_guarded(engine.coder, r) if isinstance(r, Document) else r for r in results]
    return results


def parse_batch(docs: list[Document], nlp: Any, batch_size: int) -> None:
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
                fail(doc, "parse", exc)


def code_guarded(coder: Coder, doc: Document) -> Document:
    try:
        return coder(doc)
    except Exception as exc:
        fail(doc, "coding", exc)
        doc.events = []
        return doc


def fail(doc: Document, stage: str, exc: Exception) -> None:
    """The one error policy for a bug met on one document: it is stored as rejected with the
    stage and the error, and the batch goes on."""
    doc.status, doc.reason = "rejected", f"internal error in {stage}: {type(exc).__name__}: {exc}"
    doc.sentences = []


def _guarded(item: RawInput, work: Callable[[], Result]) -> Result:
    try:
        return work()
    except Exception as exc:
        reason = f"internal error in extraction: {type(exc).__name__}: {exc}"
        return Rejection(origin=item.origin, record=item.record, reason=reason, ref=item.ref)


# --- executors ------------------------------------------------------------------------------------


class Stopped(Exception):
    """The stop flag was set while waiting for a batch (raised to the pipeline, never further)."""


class Executor(Protocol):
    """Runs batches somewhere and hands their results back in the order asked for."""

    slots: int  # how many batches may be in flight at once (memory stays bounded by this)

    def submit(self, items: list[WorkItem], last: bool) -> Any: ...
    def wait(self, handle: Any, stop: threading.Event | None) -> list[Result]: ...
    def close(self, cancel: bool = False) -> None: ...


class InProcess:
    """The work in this process, one batch at a time (`--workers 1`, and runs of one batch)."""

    slots = 1

    def __init__(self, options: WorkOptions, engine: Engine | None = None) -> None:
        self.options, self._engine = options, engine

    def submit(self, items: list[WorkItem], last: bool) -> list[WorkItem]:
        return items

    def wait(self, handle: list[WorkItem], stop: threading.Event | None) -> list[Result]:
        return process_batch(handle, self.options, self._engine)

    def close(self, cancel: bool = False) -> None:
        pass


class ProcessPool:
    """`workers` spawned processes, each with its own model and coder, two batches in flight each."""

    def __init__(self, workers: int, options: WorkOptions) -> None:
        limit_native_threads()
        self.options = options
        self.slots = 2 * workers
        self._pool = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(options, os.getpid()),
        )

    def warm(self) -> None:
        """Start every worker and wait until each has loaded its engine (benchmarks time the
        work, not the start-up). Each warm-up job holds its worker briefly, so that every
        worker takes one."""
        jobs = [self._pool.submit(_warm, self.options) for _ in range(self.slots // 2)]
        for job in jobs:
            wait_future(job, None)

    def submit(self, items: list[WorkItem], last: bool) -> Future:
        try:
            return self._pool.submit(_work, items, self.options)
        except BrokenProcessPool as exc:
            raise _broken(exc) from exc

    def wait(self, handle: Future, stop: threading.Event | None) -> list[Result]:
        return wait_future(handle, stop)

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


class Auto:
    """A pool of `workers` processes, started only when the input holds more than one batch:
    for a handful of documents, starting workers (each loads the model) costs more than it saves."""

    def __init__(self, workers: int, options: WorkOptions) -> None:
        self.workers, self.options = workers, options
        self._chosen: Executor | None = None
        self.slots = 2 * workers

    @property
    def chosen(self) -> Executor | None:
        return self._chosen

    def submit(self, items: list[WorkItem], last: bool) -> Any:
        if self._chosen is None:
            small = last or self.workers <= 1
            self._chosen = InProcess(self.options) if small else ProcessPool(self.workers, self.options)
            self.slots = self._chosen.slots
        return self._chosen.submit(items, last)

    def wait(self, handle: Any, stop: threading.Event | None) -> list[Result]:
        assert self._chosen is not None, "wait before submit"
        return self._chosen.wait(handle, stop)

    def close(self, cancel: bool = False) -> None:
        if self._chosen is not None:
            self._chosen.close(cancel)


def wait_future(future: Any, stop: threading.Event | None, poll: float = POLL_SECONDS) -> Any:
    """A future's result, looking at the stop flag while waiting (raises Stopped when it is set)."""
    while True:
        if stop is not None and stop.is_set():
            raise Stopped()
        try:
            return future.result(timeout=poll)
        except FutureTimeout:
            continue
        except BrokenProcessPool as exc:
            raise _broken(exc) from exc


NATIVE_THREAD_VARIABLES = (
    "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS",
)


def limit_native_threads() -> None:
    """One native math thread per process, for processes started from now on (they inherit the
    environment; numpy reads it when it loads). Tacitus runs one process per core, so a BLAS
    pool per process would oversubscribe the cores: with the coder's sentence encoder (numpy
    matrix products) OpenBLAS's default threads tripled the CPU time of a run on a busy 2-core
    machine. A variable already set is left alone, so a user can choose otherwise."""
    for name in NATIVE_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def default_workers() -> int:
    """All the cores this process may use."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return counter() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _broken(exc: BaseException) -> TacitusError:
    return TacitusError(
        f"a worker process died ({exc}); documents stored so far are kept, and a rerun resumes "
        f"where this run stopped (try fewer --workers if memory ran out)"
    )


_START_ERROR: list[BaseException] = []  # a worker's engine failed to load: its first job says why


def _start_worker(options: WorkOptions, parent: int) -> None:
    """Worker start-up: leave Ctrl-C to the main process, exit if it dies, load the engine now
    (all workers load in parallel, before the first batch arrives)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        engine_for(options.model, options.coder)
    except Exception as exc:  # reported by the first batch, with the real error
        _START_ERROR.append(exc)


def _warm(options: WorkOptions) -> None:
    _work([], options)
    time.sleep(0.5)


def _work(items: list[WorkItem], options: WorkOptions) -> list[Result]:
    if _START_ERROR:
        raise _START_ERROR[0]
    return process_batch(items, options)


def _watch_parent(parent: int) -> None:
    """An orphaned worker (main process killed) would wait for work forever: exit instead."""
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)
