"""Evaluation: gold-set loaders, metrics, the per-task harness and the report table.

The coder under test is any callable `(text, date) -> list[Event]`; see `harness.Coder`.
"""

from tacitus.eval.harness import Coder, ErrorCase, Metric, TaskResult
from tacitus.eval.report import TASKS, EvalReport, format_table, run_all

__all__ = [
    "TASKS",
    "Coder",
    "ErrorCase",
    "EvalReport",
    "Metric",
    "TaskResult",
    "format_table",
    "run_all",
]
