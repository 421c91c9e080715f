"""Throughput: spaCy alone against the full Tacitus pipeline, on the same texts and process count.

    python benchmarks/throughput.py [--workers N] [--limit N] [--long] [--batch-size B] [--repeat R] [--profile N]

(a) `nlp.pipe` alone over the corpus texts, with the model and batch size the pipeline uses and
`n_process=N`; (b) the full pipeline with the event coder into a fresh temporary DuckDB store, as
`tacitus code --workers N` runs it: N worker processes (started and loaded before the clock
starts, as spaCy's own are), the main process reading and storing. With `--workers 1`, (b) runs
in this process and the script also prints where (b) spent its time, measured with exclusive
timers around the pipeline's own calls: extract (prepare), parse (spaCy, then the conversion to
our records), actors, events, dates, places (the coder's parts), store. Prints docs, words,
seconds, docs/s, words/s and events/s for each and the ratio b/a of docs/s. Each run gets a
freshly loaded model, so each pays for its first sight of the corpus's words. `--repeat R`
alternates (a) and (b) R times and keeps the fastest of each (timings on a shared machine vary by
~20%). `--profile N` adds one more in-process run under pyinstrument and prints its call tree down
to N% of the time. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import tacitus.workers as workers
from corpus import Corpus, demo_corpus, load_corpus
from runs import Run, coded_run, in_process, pool, settings_for
from tacitus.config import load_config
from tacitus.events.coder import load_coder
from tacitus.nlp import load_nlp
from tacitus.prepare import PrepareOptions

STAGES = ("extract", "parse: spaCy", "parse: to records", "actors", "events", "dates", "places", "store")
CODER_PARTS = {"resolver": "actors", "dates": "dates", "places": "places"}  # the rest of the coder: events


class Clock:
    """Exclusive seconds per stage: time spent in a nested stage (spaCy inside parse, actors
    inside the coder) counts for the inner stage only."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._stack: list[str] = []
        self._mark = 0.0

    def _enter(self, stage: str) -> None:
        now = time.perf_counter()
        if self._stack:
            self.seconds[self._stack[-1]] += now - self._mark
        self._stack.append(stage)
        self._mark = now

    def _leave(self) -> None:
        now = time.perf_counter()
        self.seconds[self._stack.pop()] += now - self._mark
        self._mark = now

    def timed(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self._enter(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                self._leave()
        return wrapper

    def timed_iter(self, stage: str, it: Iterator[Any]) -> Iterator[Any]:
        while True:
            self._enter(stage)
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                self._leave()
            yield item


class Timed:
    """Any object whose method calls are timed as one stage (the store, the coder's parts)."""

    def __init__(self, inner: Any, clock: Clock, stage: str) -> None:
        self._inner, self._clock, self._stage = inner, clock, stage

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        return self._clock.timed(self._stage, attr) if callable(attr) else attr


class TimedCoder:
    """The coder, timed as "events", with its actor, date and place resolvers timed apart."""

    def __init__(self, coder: Any, clock: Clock) -> None:
        for attr, stage in CODER_PARTS.items():
            setattr(coder, attr, Timed(getattr(coder, attr), clock, stage))
        self.version = coder.version
        self._call = clock.timed("events", coder)

    def __call__(self, doc: Any) -> Any:
        return self._call(doc)


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
    """Time the work's prepare and parse steps (module functions tacitus.workers calls by name)."""
    prepare, parse = workers.prepare, workers.parse
    workers.prepare = clock.timed("extract", prepare)
    workers.parse = lambda nlp, texts, batch_size=32: clock.timed_iter(
        "parse: to records", iter(parse(nlp, texts, batch_size)))
    try:
        yield
    finally:
        workers.prepare, workers.parse = prepare, parse


def run_spacy(nlp: Any, corpus: Corpus, batch_size: int, n_process: int) -> Run:
    start = time.perf_counter()
    for _ in nlp.pipe(corpus.texts, batch_size=batch_size, n_process=n_process):
        pass
    return Run("(a) spaCy nlp.pipe", len(corpus.texts), corpus.words, time.perf_counter() - start)


def run_timed(nlp: Any, coder: Any, corpus: Corpus, options: PrepareOptions, batch_size: int) -> tuple[Run, Any, Clock]:
    """(b) in this process, every stage timed."""
    clock = Clock()
    with timed_stages(clock):
        executor = in_process(options, batch_size, TimedNlp(nlp, clock), TimedCoder(coder, clock))
        run, report = coded_run(corpus, executor, settings_for(options, batch_size),
                                wrap_store=lambda store: Timed(store, clock, "store"))
    return run, report, clock


def stage_table(clock: Clock, total: float) -> list[str]:
    seconds = dict(clock.seconds)
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
                  percent: float) -> list[str]:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.001)
    profiler.start()
    coded_run(corpus, in_process(options, batch_size, nlp, coder), settings_for(options, batch_size))
    profiler.stop()
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    return [line for line in text.rstrip().splitlines() if _share(line, profiler) >= percent / 100]


def _share(line: str, profiler: Any) -> float:
    """A tree line's time as a share of the whole ('|- 3.527 code_guarded ...' -> 3.527 / total)."""
    words = line.replace("|", " ").replace("`-", " ").replace("|-", " ").split()
    try:
        return float(words[0]) / profiler.last_session.duration
    except (IndexError, ValueError):
        return 1.0  # header lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=workers.default_workers(),
                        help="processes for both (a) and (b) (default: all cores)")
    parser.add_argument("--limit", type=int, default=2000, help="AG News items to use (default 2000)")
    parser.add_argument("--long", action="store_true", help="join the items into ~600-word documents")
    parser.add_argument("--batch-size", type=int, help="nlp.pipe / pipeline batch size (default: config, 32)")
    parser.add_argument("--repeat", type=int, default=1, metavar="R",
                        help="run (a) and (b) R times, alternating, and report the fastest of each")
    parser.add_argument("--profile", type=float, default=0, metavar="P",
                        help="also profile one in-process run with pyinstrument; print tree lines above P%% of the time")
    args = parser.parse_args()
    if args.profile and importlib.util.find_spec("pyinstrument") is None:
        parser.error("--profile needs pyinstrument: pip install -e '.[bench]'")

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
        coded_run(warm, in_process(options, batch_size, nlp, coder), settings_for(options, batch_size))
        return nlp

    start = time.perf_counter()
    nlp = fresh_nlp()
    print(f"corpus {corpus.name}: {len(corpus.inputs):,} documents, {corpus.words:,} words "
          f"({corpus.words / max(1, len(corpus.inputs)):.0f} per document); batch size {batch_size}; "
          f"model {config.nlp.model} ({', '.join(nlp.pipe_names)}); {os.cpu_count()} CPUs; "
          f"{args.workers} process(es) for (a) and worker(s) for (b); load and warm-up "
          f"{time.perf_counter() - start:.1f} s; load average {os.getloadavg()[0]:.1f}")
    if corpus.name == "demo":
        print("no AG News reference data: the demo stories stand in and --limit is ignored")
    spacy_runs, full_runs = [], []
    for _ in range(max(1, args.repeat)):
        spacy_runs.append(run_spacy(nlp if not spacy_runs else fresh_nlp(), corpus, batch_size, args.workers))
        if args.workers == 1:
            full_runs.append(run_timed(fresh_nlp(), coder, corpus, options, batch_size))
        else:
            with pool(args.workers, options, batch_size, config.coder_options(), config.nlp.model) as executor:
                run, report = coded_run(corpus, executor, settings_for(options, batch_size))
            full_runs.append((run, report, None))
    spacy_run = min(spacy_runs, key=lambda r: r.seconds)
    full_run, report, clock = min(full_runs, key=lambda r: r[0].seconds)
    print()
    print("\n".join(result_lines(spacy_run, full_run, report, clock)))
    if len(spacy_runs) > 1:
        print(f"all runs, seconds: (a) {', '.join(f'{r.seconds:.2f}' for r in spacy_runs)}; "
              f"(b) {', '.join(f'{r[0].seconds:.2f}' for r in full_runs)}")
    if args.profile:
        print()
        print(f"pyinstrument, one more in-process run, lines above {args.profile:g}% of the time:")
        print("\n".join(profile_lines(fresh_nlp(), coder, corpus, options, batch_size, args.profile)))
    return 0


def result_lines(spacy_run: Run, full_run: Run, report: Any, clock: Clock | None) -> list[str]:
    ratio = (full_run.docs / full_run.seconds) / (spacy_run.docs / spacy_run.seconds)
    lines = [
        f"{'run':<22}{'docs':>7}{'words':>10}{'seconds':>9}{'docs/s':>9}{'words/s':>10}"
        f"{'events':>8}{'events/s':>9}",
        spacy_run.row(),
        full_run.row(),
        f"ratio b/a (docs/s): {ratio:.2f}",
        f"pipeline counts: {report.counts()}",
    ]
    if clock is not None:
        lines += ["", "where (b) spent its time:", *stage_table(clock, full_run.seconds)]
    return lines


if __name__ == "__main__":
    sys.exit(main())
