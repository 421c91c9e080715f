"""Event-context tasks on our own labelled sentences (shipped with the package): date accuracy,
modality accuracy and location accuracy. They need no external gold data."""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from tacitus.errors import InputError
from tacitus.eval.harness import ErrorCase, Metric, TaskResult

CONTEXT_TASKS = ("dates", "modality", "locations")


def _data(name: str) -> Path:
    return Path(str(resources.files("tacitus.eval").joinpath("data", name)))


def evaluate_dates_task(nlp: Any) -> TaskResult:
    from tacitus.dates import evaluate_dates, load_dated_rows

    rows = load_dated_rows(_data("dated_sentences.tsv"))
    started = time.perf_counter()
    correct, total, misses = evaluate_dates(rows, nlp)
    seconds = time.perf_counter() - started
    errors = [ErrorCase("date", m.describe(), [], []) for m in misses]
    return TaskResult("dates", total, seconds, [Metric("date_accuracy", correct / total, f"{correct}/{total}")], errors)


def evaluate_locations_task(nlp: Any) -> TaskResult:
    from tacitus.geo.evaluate import read_located_rows, scores

    rows = read_located_rows(_data("located_sentences.tsv"))
    started = time.perf_counter()
    got = scores(rows, nlp)
    seconds = time.perf_counter() - started
    metrics = [Metric(name, value) for name, value in got.items()]
    return TaskResult("locations", len(rows), seconds, metrics)


def load_modality_rows(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("sentence\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise InputError(str(path), f"expected sentence, trigger, expected; got {line!r}", f"line {n}")
        rows.append((parts[0], parts[1], parts[2]))
    return rows


def evaluate_modality_task(nlp: Any) -> TaskResult:
    from tacitus.events.modality import modality
    from tacitus.events.syntax import Tree
    from tacitus.nlp import parse

    rows = load_modality_rows(_data("modality_sentences.tsv"))
    started = time.perf_counter()
    correct, errors = 0, []
    for (text, trigger, expected), sentences in zip(rows, parse(nlp, (r[0] for r in rows))):
        sentence = sentences[0]
        verbs = [t.i for t in sentence.tokens if t.text == trigger]
        got = modality(Tree.of(sentence), verbs[0]) if verbs else "(trigger not found)"
        if got == expected:
            correct += 1
        else:
            errors.append(ErrorCase(trigger, text, [expected], [got]))
    seconds = time.perf_counter() - started
    metric = Metric("modality_accuracy", correct / len(rows), f"{correct}/{len(rows)}")
    return TaskResult("modality", len(rows), seconds, [metric], errors)


CONTEXT: dict[str, Callable[[Any], TaskResult]] = {
    "dates": evaluate_dates_task,
    "modality": evaluate_modality_task,
    "locations": evaluate_locations_task,
}
