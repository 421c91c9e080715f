"""Quality gate: accuracy floors on the external gold sets, pinned so a change cannot lower them
silently. Raise a floor when the coder improves; never lower one without saying why in the commit.

The floors sit a little below the scores measured when they were set (see docs/evaluation.md),
so that run-to-run noise does not trip them. Skips cleanly when ../shared/reference is absent.
"""

from __future__ import annotations

import pytest

from tacitus.api import code_text
from tacitus.eval.report import run_all

# (task, metric, floor) — measured when pinned (2026-11-23): 0.260, 0.512, 0.597, 0.588; AG News 0.005
FLOORS = [
    ("petr2_gsr", "dyad_root_f1", 0.24),
    ("plover_gsr", "event_accuracy", 0.48),
    ("cameo_pentaclass", "macro_f1", 0.57),
    ("cameo_ner", "span_f1", 0.56),
]
# Sports and Sci/Tech items must (almost) never yield an interstate event: at most 1%.
AGNEWS_CEILING = 0.01
AGNEWS_ITEMS = 2000


@pytest.fixture(scope="module")
def report(reference_dir):
    tasks = [task for task, _, _ in FLOORS]
    return run_all(code_text, reference_dir, tasks=tasks)


@pytest.mark.parametrize("task, metric, floor", FLOORS)
def test_floor(report, task, metric, floor):
    value = report.result(task).value(metric)
    assert value >= floor, f"{task} {metric} fell to {value:.3f} (floor {floor})"


def test_sports_and_scitech_yield_no_interstate_events(reference_dir):
    result = run_all(code_text, reference_dir, tasks=["agnews"], limit=AGNEWS_ITEMS).result("agnews")
    assert result.value("interstate_sports_scitech") <= AGNEWS_CEILING
