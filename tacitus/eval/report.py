"""Run every evaluation task against a reference directory and render one plain-text table.

`run_all` is what the CLI and the quality gate call: it finds each gold file under the
reference directory, loads it, runs the coder through the task's `evaluate_*` function, and
collects the results into an `EvalReport`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.actors.lexicon import ActorLexicon
from tacitus.errors import ConfigError, InputError
from tacitus.eval.gold import load_petr2_gsr, load_petr_records, load_plover_gsr
from tacitus.eval.harness import (
    Coder,
    TaskResult,
    evaluate_agnews,
    evaluate_cameo_ner,
    evaluate_pentaclass,
    evaluate_petr2_gsr,
    evaluate_petr_unit,
    evaluate_plover_gsr,
)
from tacitus.eval.labeled import load_agnews, load_cameo_class, load_cameo_ner
from tacitus.eval.petr_actors import load_petr_actors, petr_lexicon
from tacitus.eval.petr_dates import DICTIONARIES, evaluate_petr_dates, load_date_records


@dataclass(slots=True, frozen=True)
class Task:
    """A gold file (relative to the reference directory), its loader and its scorer."""

    name: str
    path: str
    load: Callable[[Path], Sequence[Any]]
    evaluate: Callable[[Coder, Sequence[Any], int | None], TaskResult]


@dataclass(slots=True, frozen=True)
class PetrRecords:
    """PETR functional records and the actor dictionary that codes them (read at eval time)."""

    records: Sequence[Any]
    actors: Sequence[tuple[str, str]]

    def lexicon(self, texts: Sequence[str]) -> Any:
        return petr_lexicon(ActorLexicon.load(), self.actors, texts)


def load_petr_set(path: Path) -> PetrRecords:
    """The records file and its sibling actor dictionary (petr_dates.DICTIONARIES)."""
    return PetrRecords(load_petr_records(path), load_petr_actors(Path(path).parent / DICTIONARIES[Path(path).name]))


def _unit(task: str) -> Callable[[Coder, PetrRecords, int | None], TaskResult]:
    return lambda coder, data, limit: evaluate_petr_unit(coder, data.records, limit, task=task, actors=data.lexicon)


def _dates(task: str) -> Callable[[Coder, Sequence[Any], int | None], TaskResult]:
    return lambda coder, records, limit: evaluate_petr_dates(coder, records, limit, task=task)


_CB = "ConfliBERT"
# Measuring sets only: test splits and validation files, never a train split.
TASKS: dict[str, Task] = {
    t.name: t
    for t in (
        Task("petr2_gsr", "PETR2_GSR_validation.xml", load_petr2_gsr, evaluate_petr2_gsr),
        Task("plover_gsr", "PLOVER_GSR_CAMEO.txt", load_plover_gsr, evaluate_plover_gsr),
        Task("cameo_pentaclass", f"{_CB}/cameo_class/test.tsv", load_cameo_class,
             evaluate_pentaclass),
        Task("cameo_ner", f"{_CB}/cameo_ner/test.txt", load_cameo_ner, evaluate_cameo_ner),
        Task("petr_unit", "PETR.UnitTest.records.xml", load_petr_set, _unit("petr_unit")),
        Task("petr_validate", "PETR_Validate_records_2_02.xml", load_petr_set,
             _unit("petr_validate")),
        Task("agnews", "agnews/test.csv", load_agnews, evaluate_agnews),
        # the records whose codes depend on the story date (and the actor dictionary beside them)
        Task("petr_unit_dates", "PETR.UnitTest.records.xml", load_date_records,
             _dates("petr_unit_dates")),
        Task("petr_validate_dates", "PETR_Validate_records_2_02.xml", load_date_records,
             _dates("petr_validate_dates")),
    )
}


@dataclass(slots=True)
class EvalReport:
    reference_dir: str
    limit: int | None
    results: list[TaskResult] = field(default_factory=list)
    created: str = ""

    def result(self, task: str) -> TaskResult:
        for res in self.results:
            if res.task == task:
                return res
        ran = ", ".join(r.task for r in self.results) or "none"
        raise KeyError(f"no result for task {task!r}; tasks run: {ran}")

    def to_json(self) -> dict[str, Any]:
        return {
            "reference_dir": self.reference_dir,
            "limit": self.limit,
            "created": self.created,
            "results": [r.to_json() for r in self.results],
        }


def _selected(tasks: list[str] | None) -> list[Task]:
    names = list(TASKS) if tasks is None else tasks
    unknown = [n for n in names if n not in TASKS]
    if unknown:
        raise ConfigError(f"unknown evaluation task(s) {unknown}; valid tasks: {', '.join(TASKS)}")
    return [TASKS[n] for n in names]


def run_all(
    coder: Coder, reference_dir: Path, tasks: list[str] | None = None, limit: int | None = None
) -> EvalReport:
    """Run the chosen tasks (all by default), `limit` items each.

    Every chosen task's gold file must exist: a missing one is an error, not a silent skip.
    """
    chosen = _selected(tasks)
    root = Path(reference_dir)
    missing = [str(root / t.path) for t in chosen if not (root / t.path).is_file()]
    if missing:
        raise InputError(str(root), f"gold file(s) missing: {', '.join(missing)}")
    created = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    report = EvalReport(str(root), limit, created=created)
    for task in chosen:
        report.results.append(task.evaluate(coder, task.load(root / task.path), limit))
    return report


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def format_table(report: EvalReport) -> str:
    """One plain-text table, a row per metric; task, items and ms/item on each task's first row."""
    header = ("task", "items", "ms/item", "metric", "value", "detail")
    rows: list[tuple[str, ...]] = []
    for res in report.results:
        shown = None
        for i, metric in enumerate(res.metrics):
            first = i == 0
            repeat = metric.detail == shown and metric.detail.startswith("tp=")
            detail = "" if repeat else metric.detail  # P, R and F1 rows share one count
            shown = metric.detail
            rows.append((
                res.task if first else "",
                str(res.items) if first else "",
                f"{res.ms_per_item:.1f}" if first else "",
                metric.name,
                _fmt(metric.value),
                detail,
            ))
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    right = {1, 2, 4}

    def line(cells: tuple[str, ...]) -> str:
        cols = enumerate(zip(cells, widths))
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in cols]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])
