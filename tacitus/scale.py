"""Dask plumbing: the same pure `process_batch` over partitions of raw inputs on a Dask cluster.

Why only plumbing: the work is `tacitus.workers.process_batch`, which a test calls directly and
the local worker pool runs too. Here a partition (one batch of inputs) goes to a Dask worker as a
future; the worker prepares, parses and codes it and writes the results as one Parquet batch
(tacitus.batchfile) - into the run folder when the cluster shares one with the main process,
else as bytes sent back through Dask. The main process stays the one store writer: it reads the
inputs, asks the input ledger what is already done, and loads each batch into the store in input
order (the same loader as a local run, so loading is idempotent: content ids and ledger rows).

`--dask local:N` starts a LocalCluster of N one-thread worker processes on 127.0.0.1;
`--dask tcp://HOST:PORT` uses a running scheduler whose workers have Tacitus installed.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import batchfile
from .errors import ConfigError, TacitusError
from .workers import Result, WorkItem, WorkOptions, engine_for, limit_native_threads, process_batch, wait_future

LOCAL = "local:"

# How LocalCluster workers differ from Dask's defaults, and why:
# - Dask's statistical profiler samples every worker thread's stack every 10 ms: deep spaCy
#   stacks make that a real share of a busy worker's CPU.
# - The nanny starts each worker with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory
#   back to the kernel at once; spaCy frees and reallocates a lot per batch, and that setting
#   cost each worker ~30% more CPU (a fifth of it system time) than the same work in a local
#   worker pool. Workers keep glibc's own threshold; one math thread each, as Dask sets.
# - Work stealing moves queued batches between workers: with one-thread workers of equal speed
#   and at most two batches each in flight there is nothing to balance, and each move is a
#   transfer plus scheduler work in the main process, which shares the cores (benchmarks/README).
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
}


def parse_target(spec: str) -> tuple[str, int | str]:
    """("local", N) for "local:N", ("address", spec) for "tcp://HOST:PORT" (or tls://, ...)."""
    if spec.startswith(LOCAL):
        count = spec[len(LOCAL):]
        if not count.isdigit() or int(count) < 1:
            raise ConfigError(f"--dask {spec!r}: expected local:N with N a number of workers of at least 1")
        return "local", int(count)
    if "://" in spec and spec.split("://", 1)[1]:
        return "address", spec
    raise ConfigError(f"--dask {spec!r}: expected local:N or a scheduler address such as tcp://HOST:8786")


def code_partition(items: Sequence[WorkItem], options: WorkOptions, folder: str | None = None) -> str | bytes:
    """What a Dask worker runs: `process_batch`, then the results as a Parquet batch - a file in
    `folder` (its path is returned) or, without a folder, the file's bytes."""
    results = process_batch(list(items), options)
    if folder is None:
        return batchfile.to_bytes(results)
    path = Path(folder) / f"batch-{uuid.uuid4().hex}.parquet"
    return str(batchfile.write(results, path))


def code_bag(bag: Any, options: WorkOptions) -> Any:
    """The pure function over a dask.bag of RawInputs, partition by partition (for pipelines
    built on dask.bag; the CLI streams futures instead so that the store is written as it goes)."""
    return bag.map_partitions(lambda part: process_batch(list(part), options))


class DaskExecutor:
    """Runs batches on a Dask client, two per worker thread in flight, results in input order."""

    def __init__(self, client: Any, options: WorkOptions, folder: str | Path | None = None) -> None:
        self.client, self.options = client, options
        self.folder = str(folder) if folder is not None else None
        if self.folder is not None:
            Path(self.folder).mkdir(parents=True, exist_ok=True)
        threads = sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values())
        self.slots = 2 * max(1, threads)
        self._futures: set[Any] = set()

    def warm(self) -> None:
        """Load the engine on every worker now (benchmarks time the work, not the start-up)."""
        self.client.run(_load_engine, self.options)

    def submit(self, items: list[WorkItem], last: bool) -> Any:
        future = self.client.submit(code_partition, items, self.options, self.folder, pure=False)
        self._futures.add(future)
        return future

    def wait(self, handle: Any, stop: threading.Event | None) -> list[Result]:
        try:
            out = wait_future(handle, stop)
        finally:
            self._futures.discard(handle)
        if isinstance(out, bytes):
            return batchfile.read(out)
        results = batchfile.read(out)
        Path(out).unlink(missing_ok=True)  # loaded: the store has it now (a rerun would skip it)
        return results

    def close(self, cancel: bool = False) -> None:
        if cancel and self._futures:
            self.client.cancel(list(self._futures))
        self._futures.clear()


def _load_engine(options: WorkOptions) -> None:
    engine_for(options.model, options.coder)


@contextmanager
def dask_executor(spec: str, options: WorkOptions, folder: str | Path | None = None) -> Iterator[DaskExecutor]:
    """Connect to (or start) the cluster `spec` names and yield an executor; closed on exit."""
    kind, target = parse_target(spec)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - distributed is a dependency
        raise TacitusError(f"--dask needs dask.distributed: {exc}") from exc
    cluster = None
    try:
        if kind == "local":
            import dask

            limit_native_threads()  # the local workers inherit it
            with dask.config.set(LOCAL_WORKER_CONFIG):
                cluster = LocalCluster(n_workers=int(target), threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(str(target), timeout="30s")
    except OSError as exc:
        raise TacitusError(f"--dask {spec}: cannot reach the Dask scheduler: {exc}") from exc
    try:
        yield DaskExecutor(client, options, folder)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
