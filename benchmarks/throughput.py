"""Throughput: spaCy alone against the full Tacitus pipeline, on the same texts, in one process.

    python benchmarks/throughput.py [--limit N] [--long] [--batch-size B] [--repeat R] [--profile N]

(a) `nlp.pipe` alone over the corpus texts, with the model and batch size the pipeline uses;
(b) `tacitus.pipeline.ingest` with the event coder into a fresh temporary DuckDB store, as
`tacitus code` runs it. Prints docs, words, seconds, docs/s, words/s and events/s for each, the
ratio b/a of docs/s, and where (b) spent its time: prepare/extract, parse (spaCy, then the
conversion to our records), code (actors, events, dates, places), store. Each run gets a freshly
loaded model, so each pays for its first sight of the corpus's words. `--repeat R` alternates
(a) and (b) R times and keeps the fastest of each (timings on a shared machine vary by ~20%).
`--profile N` adds one more run under cProfile and prints its N most expensive functions
(cProfile slows the run; use it for shares, not speed). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tacitus.pipeline as pipeline
from corpus import Corpus, demo_corpus, load_corpus
from tacitus.config import load_config
from tacitus.events.coder import load_coder
from tacitus.nlp import load_nlp
from tacitus.prepare import PrepareOptions
from tacitus.store import Store

STAGES = ("prepare/extract", "parse: spaCy", "parse: to records", "code", "store")


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


class Clock:
    """Seconds spent per stage; `timed` wraps a function, `timed_iter` each step of a generator."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def timed(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start
        return wrapper

    def timed_iter(self, stage: str, it: Iterator[Any]) -> Iterator[Any]:
        while True:
            start = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                self.seconds[stage] += time.perf_counter() - start
                return
            self.seconds[stage] += time.perf_counter() - start
            yield item


class TimedCoder:
    """The coder, timed: the pipeline sees the same `version` and call."""

    def __init__(self, coder: Any, clock: Clock) -> None:
        self.version = coder.version
        self._call = clock.timed("code", coder)

    def __call__(self, doc: Any) -> Any:
        return self._call(doc)


class TimedStore:
    """Every call the pipeline makes on the store, timed as "store"."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store, self._clock = store, clock

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        return self._clock.timed("store", attr) if callable(attr) else attr


class TimedNlp:
    """spaCy's own share of parsing: each document out of `nlp.pipe`."""

    def __init__(self, nlp: Any, clock: Clock) -> None:
        self._nlp, self._clock = nlp, clock

    def pipe(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
        return self._clock.timed_iter("parse: spaCy", iter(self._nlp.pipe(texts, **kwargs)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


@contextmanager
def timed_stages(clock: Clock) -> Iterator[None]:
    """Time the pipeline's prepare and parse steps, module functions it calls by name (a stage
    the pipeline no longer calls that way stays at zero and shows in "other")."""
    prepare, parse = getattr(pipeline, "prepare", None), getattr(pipeline, "parse", None)
    if prepare is not None:
        pipeline.prepare = clock.timed("prepare/extract", prepare)
    if parse is not None:
        pipeline.parse = lambda nlp, texts, batch_size=32: clock.timed_iter(
            "parse", iter(parse(nlp, texts, batch_size)))
    try:
        yield
    finally:
        if prepare is not None:
            pipeline.prepare = prepare
        if parse is not None:
            pipeline.parse = parse


def run_spacy(nlp: Any, corpus: Corpus, batch_size: int) -> Run:
    start = time.perf_counter()
    for _ in nlp.pipe(corpus.texts, batch_size=batch_size):
        pass
    return Run("(a) spaCy nlp.pipe", len(corpus.texts), corpus.words, time.perf_counter() - start)


def run_pipeline(nlp: Any, coder: Any, corpus: Corpus, options: PrepareOptions, batch_size: int,
                 clock: Clock | None = None) -> tuple[Run, Any]:
    """`tacitus code` without the printing: a fresh store, one recorded run, every input coded."""
    with tempfile.TemporaryDirectory(prefix="tacitus-bench-") as tmp:
        start = time.perf_counter()
        store = Store(Path(tmp) / "bench.duckdb")
        with store:
            sink = TimedStore(store, clock) if clock else store
            run_id = sink.begin_run("benchmark", {"corpus": corpus.name})
            report = pipeline.ingest(
                iter(corpus.inputs), sink, TimedNlp(nlp, clock) if clock else nlp, options,
                run_id=run_id, batch_size=batch_size,
                coder=TimedCoder(coder, clock) if clock else coder,
            )
            sink.finish_run(run_id, report.counts())
        seconds = time.perf_counter() - start
    return Run("(b) full pipeline", report.inputs, corpus.words, seconds, report.events), report


def stage_table(clock: Clock, total: float) -> list[str]:
    seconds = dict(clock.seconds)
    seconds["parse: to records"] = (
        seconds.pop("parse", seconds.get("parse: spaCy", 0.0)) - seconds.get("parse: spaCy", 0.0))
    lines = [f"  {'stage':<20}{'seconds':>9}{'share':>8}"]
    for stage in STAGES:
        s = seconds.get(stage, 0.0)
        lines.append(f"  {stage:<20}{s:>9.2f}{s / total:>8.1%}")
    other = total - sum(seconds.get(s, 0.0) for s in STAGES)
    lines.append(f"  {'other (batching)':<20}{other:>9.2f}{other / total:>8.1%}")
    ours = total - seconds.get("parse: spaCy", 0.0)
    lines.append(f"  {'all but spaCy':<20}{ours:>9.2f}{ours / total:>8.1%}   (Tacitus' own cost)")
    return lines


def profile_lines(nlp: Any, coder: Any, corpus: Corpus, options: PrepareOptions, batch_size: int,
                  top: int) -> list[str]:
    profiler = cProfile.Profile()
    profiler.enable()
    run_pipeline(nlp, coder, corpus, options, batch_size)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue().rstrip().splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=2000, help="AG News items to use (default 2000)")
    parser.add_argument("--long", action="store_true", help="join the items into ~600-word documents")
    parser.add_argument("--batch-size", type=int, help="nlp.pipe / pipeline batch size (default: config, 32)")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="run (a) and (b) R times, alternating, and report the fastest of each")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also profile one more full run and print its N top functions by cumulative time")
    args = parser.parse_args()

    config = load_config(None)
    batch_size = args.batch_size or config.nlp.batch_size
    options = PrepareOptions(languages=config.ingest.languages, min_text_chars=config.ingest.min_text_chars)
    corpus = load_corpus(args.limit, long=args.long)
    coder = load_coder(config.coder_options())
    warm = demo_corpus()

    def fresh_nlp() -> Any:
        """A newly loaded model, warmed on the demo stories: each run pays for the corpus's new
        words itself (spaCy's vocabulary grows on first sight of a word, ~20% of a first pass)."""
        nlp = load_nlp(config.nlp.model)
        run_pipeline(nlp, coder, warm, options, batch_size)  # lazy loads (dateparser, lexicons)
        return nlp

    start = time.perf_counter()
    nlp = fresh_nlp()
    print(f"corpus {corpus.name}: {len(corpus.inputs):,} documents, {corpus.words:,} words "
          f"({corpus.words / max(1, len(corpus.inputs)):.0f} per document); batch size {batch_size}; "
          f"model {config.nlp.model} ({', '.join(nlp.pipe_names)}); {os.cpu_count()} CPUs; "
          f"load and warm-up {time.perf_counter() - start:.1f} s")
    if corpus.name == "demo":
        print("no AG News reference data: the demo stories stand in and --limit is ignored")
    spacy_runs, full_runs = [], []
    for _ in range(max(1, args.repeat)):
        spacy_runs.append(run_spacy(nlp if not spacy_runs else fresh_nlp(), corpus, batch_size))
        nlp, clock = fresh_nlp(), Clock()
        with timed_stages(clock):
            run, report = run_pipeline(nlp, coder, corpus, options, batch_size, clock)
        full_runs.append((run, report, clock))
    spacy_run = min(spacy_runs, key=lambda r: r.seconds)
    full_run, report, clock = min(full_runs, key=lambda r: r[0].seconds)
    print()
    print("\n".join(result_lines(spacy_run, full_run, report, clock)))
    if len(spacy_runs) > 1:
        print(f"all runs, seconds: (a) {', '.join(f'{r.seconds:.2f}' for r in spacy_runs)}; "
              f"(b) {', '.join(f'{r[0].seconds:.2f}' for r in full_runs)}")
    if args.profile:
        print()
        print(f"cProfile of one more full run, top {args.profile} by cumulative time:")
        print("\n".join(profile_lines(fresh_nlp(), coder, corpus, options, batch_size, args.profile)))
    return 0


def result_lines(spacy_run: Run, full_run: Run, report: Any, clock: Clock) -> list[str]:
    ratio = (full_run.docs / full_run.seconds) / (spacy_run.docs / spacy_run.seconds)
    return [
        f"{'run':<22}{'docs':>7}{'words':>10}{'seconds':>9}{'docs/s':>9}{'words/s':>10}"
        f"{'events':>8}{'events/s':>9}",
        spacy_run.row(),
        full_run.row(),
        f"ratio b/a (docs/s): {ratio:.2f}",
        f"pipeline counts: {report.counts()}",
        "",
        "where (b) spent its time:",
        *stage_table(clock, full_run.seconds),
    ]


if __name__ == "__main__":
    sys.exit(main())
