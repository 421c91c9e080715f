"""Memory: does peak RSS stay flat as the corpus grows?

    python benchmarks/memory.py [--copies K ...] [--items N] [--long] [--tracemalloc]

Codes K × N AG News items (default N = 1,000, K = 1 and 4) with the full pipeline into a fresh
temporary DuckDB store, each K in a fresh subprocess so that every peak is its own. The items are
distinct while the 7,600 last, then come round again with a marker line (never skipped as
duplicates). Prints, per run: peak RSS (getrusage ru_maxrss) once the model and coder are loaded
("load") and at the end ("peak"), the growth between them (first-use loads, spaCy's working
memory for one batch, and whatever the corpus itself costs), the current RSS at each quarter of
the run (the trend), and the number of strings in spaCy's vocabulary (it grows with every new
word). `--tracemalloc` adds the peak Python heap (slower).
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
from tacitus.config import load_config
from tacitus.events.coder import load_coder
from tacitus.nlp import load_nlp
from tacitus.pipeline import ingest
from tacitus.prepare import PrepareOptions
from tacitus.store import Store

MB = 1024 * 1024


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float | None:
    """Resident set size now, from /proc (None where there is no /proc)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except OSError:
        return None


def child(copies: int, items: int, long: bool, trace: bool) -> dict[str, Any]:
    """One measured run in this process; returns its numbers."""
    config = load_config(None)
    corpus = load_corpus(items, long=long, copies=copies)
    nlp = load_nlp(config.nlp.model)
    coder = load_coder(config.coder_options())
    options = PrepareOptions(languages=config.ingest.languages, min_text_chars=config.ingest.min_text_chars)
    loaded = peak_rss_mb()
    quarters = {len(corpus.inputs) * q // 4 for q in (1, 2, 3, 4)}
    samples: list[tuple[int, float | None]] = []

    def sample(report: Any) -> None:
        if quarters and report.inputs >= min(quarters):
            samples.append((report.inputs, current_rss_mb()))
            quarters.difference_update({q for q in quarters if q <= report.inputs})

    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tacitus-mem-") as tmp, Store(Path(tmp) / "m.duckdb") as store:
        report = ingest(iter(corpus.inputs), store, nlp, options, batch_size=config.nlp.batch_size,
                        coder=coder, on_progress=sample)
    seconds = time.perf_counter() - start
    heap = tracemalloc.get_traced_memory()[1] / MB if trace else None
    return {
        "copies": copies, "corpus": corpus.name, "docs": len(corpus.inputs), "words": corpus.words,
        "events": report.events, "seconds": seconds, "loaded_mb": loaded,
        "peak_mb": peak_rss_mb(), "samples": samples, "strings": len(nlp.vocab.strings),
        "heap_peak_mb": heap,
    }


def measure(copies: int, args: argparse.Namespace) -> dict[str, Any]:
    """Run `child` in a fresh interpreter and read back its one JSON line."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(copies), "--items", str(args.items)]
    cmd += ["--long"] if args.long else []
    cmd += ["--tracemalloc"] if args.tracemalloc else []
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"run with --copies {copies} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def row(r: dict[str, Any]) -> str:
    trail = "  ".join(f"{mb:.0f}" if mb is not None else "-" for _, mb in r["samples"])
    heap = f"{r['heap_peak_mb']:>9.1f}" if r["heap_peak_mb"] is not None else f"{'-':>9}"
    return (f"{r['copies']:>4}x{r['docs']:>7,}{r['words']:>10,}{r['events']:>7,}{r['seconds']:>8.1f}"
            f"{r['loaded_mb']:>9.0f}{r['peak_mb']:>9.0f}{r['peak_mb'] - r['loaded_mb']:>8.0f}"
            f"{r['strings']:>9,}{heap}   {trail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4], metavar="K",
                        help="corpus sizes to measure, in multiples of --items (default: 1 4)")
    parser.add_argument("--items", type=int, default=1000, help="AG News items per copy (default 1000)")
    parser.add_argument("--long", action="store_true", help="join the items into ~600-word documents")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the peak Python heap (slower)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.items, args.long, args.tracemalloc)))
        return 0
    print(f"{os.cpu_count()} CPUs; one fresh process per run; MB = MiB; "
          f"RSS at 1/4, 2/4, 3/4, 4/4 of the inputs in the last column")
    print(f"{'copies':>5}{'docs':>7}{'words':>10}{'events':>7}{'seconds':>8}{'load MB':>9}{'peak MB':>9}"
          f"{'growth':>8}{'strings':>9}{'heap MB':>9}   RSS MB during the run")
    for copies in args.copies:
        result = measure(copies, args)
        print(row(result), flush=True)
    if result["corpus"] == "demo":
        print("no AG News reference data: every run codes the demo stories once (--copies, --items ignored)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
