"""How the benchmarks run the pipeline: `tacitus code` minus the printing, on a chosen executor.

One place for it, so throughput.py, memory.py and scaling.py time the same thing: a fresh
temporary DuckDB store, one recorded run, every input coded, the executor already started (its
workers have loaded the model) when the clock starts.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus import Corpus
from tacitus.events.coder import CoderOptions, coder_version
from tacitus.ledger import prepared_by
from tacitus.nlp import DEFAULT_MODEL
from tacitus.pipeline import IngestReport, RunSettings, run
from tacitus.prepare import PrepareOptions
from tacitus.store import Store
from tacitus.workers import Engine, InProcess, ProcessPool, WorkOptions


@dataclass(slots=True)
class Run:
    name: str
    docs: int
    words: int
    seconds: float
    events: int | None = None

    def row(self) -> str:
        ev = f"{self.events:>8,}" if self.events is not None else f"{'-':>8}"
        evs = f"{self.events / self.seconds:>9.1f}" if self.events is not None else f"{'-':>9}"
        return (f"{self.name:<22}{self.docs:>7,}{self.words:>10,}{self.seconds:>9.2f}"
                f"{self.docs / self.seconds:>9.1f}{self.words / self.seconds:>10,.0f}{ev}{evs}")


def settings_for(options: PrepareOptions, batch_size: int, coder: CoderOptions = CoderOptions()) -> RunSettings:
    return RunSettings(prepared_by(options), coder_version(coder), batch_size=batch_size)


def work_for(options: PrepareOptions, batch_size: int, coder: CoderOptions = CoderOptions(),
             model: str = DEFAULT_MODEL) -> WorkOptions:
    return WorkOptions(prepare=options, model=model, batch_size=batch_size, coder=coder)


def in_process(options: PrepareOptions, batch_size: int, nlp: Any, coder: Any) -> InProcess:
    """This process, with a model and coder the caller loaded (and may have wrapped in timers)."""
    return InProcess(work_for(options, batch_size), Engine(nlp, coder))


@contextmanager
def pool(workers: int, options: PrepareOptions, batch_size: int, coder: CoderOptions = CoderOptions(),
         model: str = DEFAULT_MODEL) -> Iterator[ProcessPool]:
    """A started worker pool whose workers have loaded the model and the coder."""
    executor = ProcessPool(workers, work_for(options, batch_size, coder, model))
    try:
        executor.warm()
        yield executor
    finally:
        executor.close()


def coded_run(corpus: Corpus, executor: Any, settings: RunSettings, name: str = "(b) full pipeline",
              wrap_store: Callable[[Store], Any] | None = None,
              on_progress: Callable[[IngestReport], None] | None = None) -> tuple[Run, IngestReport]:
    """`tacitus code` without the printing into a fresh store; the executor is not closed here
    when it is a pool (the caller's `with` does it)."""
    with tempfile.TemporaryDirectory(prefix="tacitus-bench-") as tmp:
        start = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            sink = wrap_store(store) if wrap_store else store
            run_id = store.begin_run("benchmark", {"corpus": corpus.name})
            report = run(iter(corpus.inputs), sink, _Unclosed(executor), settings, run_id, on_progress=on_progress)
            store.end_run(run_id, report.counts())
        seconds = time.perf_counter() - start
    return Run(name, report.inputs, corpus.words, seconds, report.events), report


class _Unclosed:
    """An executor the pipeline may use but not close (one pool serves several timed runs)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.slots = inner.slots

    def submit(self, items: Any, last: bool) -> Any:
        return self._inner.submit(items, last)

    def wait(self, handle: Any, stop: Any) -> Any:
        return self._inner.wait(handle, stop)

    def close(self, cancel: bool = False) -> None:
        pass
