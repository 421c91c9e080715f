"""Memory: does peak RSS stay flat as the corpus grows?

    python benchmarks/memory.py [--workers N] [--copies K ...] [--items N] [--long] [--tracemalloc]

Codes K × N AG News items (default N = 1,000, K = 1, 4 and 16) with the full pipeline into a
fresh temporary DuckDB store, each K in a fresh subprocess so that every peak is its own. The
items are distinct while the 7,600 last, then come round again with a marker line (never skipped
as duplicates).

With `--workers 1` everything runs in one process; it prints peak RSS (getrusage ru_maxrss) once
the model and coder are loaded ("load") and at the end ("peak"), the growth between them
(first-use loads, spaCy's working memory for one batch, and whatever the corpus itself costs), the
current RSS at each quarter of the run (the trend), and the number of strings in spaCy's
vocabulary (it grows with every new word). `--tracemalloc` adds the peak Python heap (slower).

With N > 1 workers (default: all cores), as `tacitus code` runs: "load" is the largest worker's
RSS once the workers have loaded the model, "peak" the largest worker's peak RSS over the run
(ru_maxrss of the reaped workers), the quarters the largest worker's current RSS (psutil), and
"main" the main process's peak (reading, the ledger, the store).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from corpus import load_corpus
from runs import coded_run, pool, settings_for
from tacitus.config import load_config
from tacitus.events.coder import load_coder
from tacitus.nlp import load_nlp
from tacitus.pipeline import ingest
from tacitus.prepare import PrepareOptions
from tacitus.store import Store
from tacitus.workers import default_workers

MB = 1024 * 1024


def _ru_mb(who: int) -> float:
    """Peak resident set size (ru_maxrss: KiB on Linux, bytes on macOS) of this process
    (RUSAGE_SELF) or of the largest reaped child (RUSAGE_CHILDREN)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak / 1024


def peak_rss_mb() -> float:
    return _ru_mb(resource.RUSAGE_SELF)


def current_rss_mb() -> float | None:
    """Resident set size now, from /proc (None where there is no /proc)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except OSError:
        return None


def largest_worker_mb() -> float | None:
    """The current RSS of the largest child process (a worker), with psutil."""
    import psutil

    sizes = [child.memory_info().rss / MB for child in psutil.Process().children(recursive=True)]
    return max(sizes) if sizes else None


class Quarters:
    """Samples a size at each quarter of the inputs (once per batch, when a quarter is passed)."""

    def __init__(self, total: int, measure: Any) -> None:
        self.left = {total * q // 4 for q in (1, 2, 3, 4)}
        self.measure, self.samples = measure, []

    def __call__(self, report: Any) -> None:
        if self.left and report.inputs >= min(self.left):
            self.samples.append(self.measure())
            self.left.difference_update({q for q in self.left if q <= report.inputs})


def child(copies: int, items: int, long: bool, trace: bool, workers: int) -> dict[str, Any]:
    """One measured run in this process; returns its numbers."""
    config = load_config(None)
    corpus = load_corpus(items, long=long, copies=copies)
    options = PrepareOptions(languages=config.ingest.languages, min_text_chars=config.ingest.min_text_chars)
    result: dict[str, Any] = {"copies": copies, "corpus": corpus.name, "docs": len(corpus.inputs),
                              "words": corpus.words, "workers": workers, "heap_peak_mb": None, "strings": None}
    if workers > 1:
        with pool(workers, options, config.nlp.batch_size, config.coder_options(), config.nlp.model) as executor:
            loaded = largest_worker_mb()
            sample = Quarters(len(corpus.inputs), largest_worker_mb)
            run, report = coded_run(corpus, executor, settings_for(options, config.nlp.batch_size),
                                    on_progress=sample)
        return {**result, "events": report.events, "seconds": run.seconds, "loaded_mb": loaded,
                "peak_mb": _ru_mb(resource.RUSAGE_CHILDREN), "samples": sample.samples,
                "main_peak_mb": peak_rss_mb()}
    nlp = load_nlp(config.nlp.model)
    coder = load_coder(config.coder_options())
    loaded = peak_rss_mb()
    sample = Quarters(len(corpus.inputs), current_rss_mb)
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tacitus-mem-") as tmp, Store(Path(tmp) / "m.duckdb") as store:
        report = ingest(iter(corpus.inputs), store, nlp, options, batch_size=config.nlp.batch_size,
                        coder=coder, on_progress=sample)
    return {**result, "events": report.events, "seconds": time.perf_counter() - start, "loaded_mb": loaded,
            "peak_mb": peak_rss_mb(), "samples": sample.samples, "strings": len(nlp.vocab.strings),
            "heap_peak_mb": tracemalloc.get_traced_memory()[1] / MB if trace else None, "main_peak_mb": None}


def measure(copies: int, args: argparse.Namespace) -> dict[str, Any]:
    """Run `child` in a fresh interpreter and read back its one JSON line."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(copies), "--items", str(args.items),
           "--workers", str(args.workers)]
    cmd += ["--long"] if args.long else []
    cmd += ["--tracemalloc"] if args.tracemalloc else []
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"run with --copies {copies} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _mb(value: float | None, width: int) -> str:
    return f"{value:>{width}.0f}" if value is not None else f"{'-':>{width}}"


def row(r: dict[str, Any]) -> str:
    trail = "  ".join(f"{mb:.0f}" if mb is not None else "-" for mb in r["samples"])
    heap = f"{r['heap_peak_mb']:>9.1f}" if r["heap_peak_mb"] is not None else f"{'-':>9}"
    strings = f"{r['strings']:>9,}" if r["strings"] is not None else f"{'-':>9}"
    growth = r["peak_mb"] - r["loaded_mb"] if r["loaded_mb"] is not None else None
    return (f"{r['copies']:>4}x{r['docs']:>7,}{r['words']:>10,}{r['events']:>7,}{r['seconds']:>8.1f}"
            f"{_mb(r['loaded_mb'], 9)}{_mb(r['peak_mb'], 9)}{_mb(growth, 8)}{_mb(r['main_peak_mb'], 8)}"
            f"{strings}{heap}   {trail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=default_workers(),
                        help="worker processes, as `tacitus code --workers` (default: all cores; 1: one process)")
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4, 16], metavar="K",
                        help="corpus sizes to measure, in multiples of --items (default: 1 4 16)")
    parser.add_argument("--items", type=int, default=1000, help="AG News items per copy (default 1000)")
    parser.add_argument("--long", action="store_true", help="join the items into ~600-word documents")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the peak Python heap (slower; --workers 1)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.items, args.long, args.tracemalloc, args.workers)))
        return 0
    who = "one process" if args.workers == 1 else f"{args.workers} workers, sizes of the largest worker"
    print(f"{os.cpu_count()} CPUs; {who}; one fresh process per run; MB = MiB; "
          f"RSS at 1/4, 2/4, 3/4, 4/4 of the inputs in the last column")
    print(f"{'copies':>5}{'docs':>7}{'words':>10}{'events':>7}{'seconds':>8}{'load MB':>9}{'peak MB':>9}"
          f"{'growth':>8}{'main MB':>8}{'strings':>9}{'heap MB':>9}   RSS MB during the run")
    for copies in args.copies:
        result = measure(copies, args)
        print(row(result), flush=True)
    if result["corpus"] == "demo":
        print("no AG News reference data: every run codes the demo stories once (--copies, --items ignored)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
