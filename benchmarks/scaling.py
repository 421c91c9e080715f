"""Scaling: is the time per document flat as the corpus grows, and what do Dask workers buy?

    python benchmarks/scaling.py [--items N] [--sizes K ...] [--workers N] [--dask-items N] [--dask-workers N]

1. Time per document at 1×, 4× and 16× of N AG News items (default N = 500: 500, 2,000 and 8,000
   documents), each into a fresh store with `--workers` worker processes (default: all cores),
   started and loaded before the clock starts. Target: within 10% of the 1× time per document.
2. The same `--dask-items` documents (default 2,000) in one process (`--workers 1`, model loaded
   and warm), in the local worker pool (`--workers` = `--dask-workers`: what the cores allow,
   the ceiling for Dask) and on a Dask LocalCluster of `--dask-workers` (default 2) one-thread worker
   processes on 127.0.0.1 (`--dask local:2`, workers loaded before the clock starts). Target: the
   cluster >= 1.7x faster than one process.

Without ../shared the demo corpus stands in (sizes then repeat it with marker lines) and the
numbers only show that the script works. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from corpus import demo_corpus, load_corpus
from runs import coded_run, in_process, pool, settings_for, work_for
from tacitus.config import load_config
from tacitus.events.coder import load_coder
from tacitus.nlp import load_nlp
from tacitus.prepare import PrepareOptions
from tacitus.scale import dask_executor
from tacitus.workers import default_workers

TOLERANCE = 0.10
DASK_TARGET = 1.7


def per_document(args: argparse.Namespace, options: PrepareOptions, batch_size: int) -> list[str]:
    lines = [f"1. time per document, {args.workers} worker(s):",
             f"  {'size':>5}{'docs':>8}{'seconds':>9}{'docs/s':>8}{'ms/doc':>8}{'vs 1x':>7}"]
    base: float | None = None
    with pool(args.workers, options, batch_size) as executor:
        for k in args.sizes:
            corpus = load_corpus(args.items, copies=k)
            run, _ = coded_run(corpus, executor, settings_for(options, batch_size))
            ms = 1000 * run.seconds / run.docs
            base = base or ms
            lines.append(f"  {k:>4}x{run.docs:>8,}{run.seconds:>9.1f}{run.docs / run.seconds:>8.1f}"
                         f"{ms:>8.2f}{ms / base:>7.2f}")
    worst = max(abs(float(line.split()[-1]) - 1) for line in lines[2:])
    lines.append(f"  largest deviation from 1x: {worst:.0%} "
                 f"({'within' if worst <= TOLERANCE else 'NOT within'} {TOLERANCE:.0%})")
    return lines


def dask_versus_one(args: argparse.Namespace, options: PrepareOptions, batch_size: int) -> list[str]:
    config = load_config(None)
    corpus = load_corpus(args.dask_items)
    nlp, coder = load_nlp(config.nlp.model), load_coder(config.coder_options())
    coded_run(demo_corpus(), in_process(options, batch_size, nlp, coder), settings_for(options, batch_size))
    one, _ = coded_run(corpus, in_process(options, batch_size, nlp, coder), settings_for(options, batch_size),
                       name="one process")
    with pool(args.dask_workers, options, batch_size) as executor:
        local, _ = coded_run(corpus, executor, settings_for(options, batch_size),
                             name=f"--workers {args.dask_workers}")
    with dask_executor(f"local:{args.dask_workers}", work_for(options, batch_size)) as executor:
        executor.warm()
        cluster, _ = coded_run(corpus, executor, settings_for(options, batch_size),
                               name=f"dask local:{args.dask_workers}")
    speedup = one.seconds / cluster.seconds
    verdict = "meets" if speedup >= DASK_TARGET else "misses"
    return [f"2. Dask LocalCluster against one process, {len(corpus.inputs):,} documents:",
            f"  {'run':<22}{'docs':>7}{'words':>10}{'seconds':>9}{'docs/s':>9}{'words/s':>10}{'events':>8}{'events/s':>9}",
            "  " + one.row(), "  " + local.row(), "  " + cluster.row(),
            f"  speed-up: {speedup:.2f}x ({verdict} the {DASK_TARGET}x target); the local worker pool "
            f"{one.seconds / local.seconds:.2f}x, which is what these cores allow; Dask reaches "
            f"{local.seconds / cluster.seconds:.0%} of it"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=500, help="AG News items in the 1x corpus (default 500)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16], metavar="K", help="multiples (default 1 4 16)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="worker processes for part 1 (default: all cores)")
    parser.add_argument("--dask-items", type=int, default=2000, help="documents for part 2 (default 2000)")
    parser.add_argument("--dask-workers", type=int, default=2, help="LocalCluster workers for part 2 (default 2)")
    parser.add_argument("--skip", choices=("sizes", "dask"), help="leave one part out")
    args = parser.parse_args()
    config = load_config(None)
    options = PrepareOptions(languages=config.ingest.languages, min_text_chars=config.ingest.min_text_chars)
    batch_size = config.nlp.batch_size
    print(f"{os.cpu_count()} CPUs; batch size {batch_size}; load average {os.getloadavg()[0]:.1f}")
    if load_corpus(1).name == "demo":
        print("no AG News reference data: the demo stories stand in; the numbers only show that the script works")
    start = time.perf_counter()
    if args.skip != "sizes":
        print("\n".join(per_document(args, options, batch_size)), flush=True)
    if args.skip != "dask":
        print("\n".join(dask_versus_one(args, options, batch_size)), flush=True)
    print(f"total {time.perf_counter() - start:.0f} s; load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
