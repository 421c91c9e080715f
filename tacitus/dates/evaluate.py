"""Scoring event dates on labelled sentences (ours: tacitus/eval/data/dated_sentences.tsv).

The file is tab-separated with a header: doc_date, sentence, trigger, expected_date,
expected_precision, note. "-" stands for none (no document date; no date expected). A range is
written as an ISO 8601 interval, "start/end" ("1997-12-07/1997-12-12"); a date without "/" must
come with no end. `trigger` is the event word as it stands in the sentence; "word@2" picks its
second occurrence.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..events.syntax import Tree
from ..nlp import parse
from ..records import Sentence
from .resolver import DateResolver, EventDate

COLUMNS = ("doc_date", "sentence", "trigger", "expected_date", "expected_precision", "note")


@dataclass(frozen=True, slots=True)
class DatedRow:
    """One labelled sentence: the event's trigger and the date it should get."""

    line: int
    doc_date: dt.date | None
    sentence: str
    trigger: str
    expected_date: str | None
    expected_precision: str | None
    note: str = ""
    expected_end: str | None = None  # a range's end ("start/end" in the file)


@dataclass(frozen=True, slots=True)
class DateMiss:
    """A row the resolver got wrong, with what it said instead."""

    row: DatedRow
    got: EventDate

    def describe(self) -> str:
        want = f"{_span(self.row.expected_date, self.row.expected_end)} ({self.row.expected_precision})"
        got = f"{_span(self.got.date, self.got.end)} ({self.got.precision}) from {self.got.text!r}"
        where = f"line {self.row.line}: {self.row.trigger!r} in {self.row.sentence!r}"
        return f"{where}: want {want}, got {got}"


def _span(date: str | None, end: str | None) -> str:
    return f"{date}/{end}" if end else str(date)


def load_dated_rows(path: Path | str) -> list[DatedRow]:
    """Read the labelled file; a malformed row raises InputError naming its line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the labelled dates file: {exc}") from exc
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise InputError(str(path), f"the header must be {' | '.join(COLUMNS)}, not {header}")
    return [_row(path, n, fields) for n, fields in enumerate(reader, start=2) if any(fields)]


def _row(path: Path, n: int, fields: list[str]) -> DatedRow:
    if len(fields) != len(COLUMNS):
        raise InputError(str(path), f"{len(fields)} fields, expected {len(COLUMNS)}", f"line {n}")
    doc_date, sentence, trigger, date, precision, note = (f.strip() for f in fields)
    try:
        when = None if doc_date == "-" else dt.date.fromisoformat(doc_date)
    except ValueError as exc:
        problem = f"doc_date {doc_date!r} is not YYYY-MM-DD or -"
        raise InputError(str(path), problem, f"line {n}") from exc
    if precision not in ("day", "month", "year", "-"):
        problem = f"precision {precision!r} is not day, month, year or -"
        raise InputError(str(path), problem, f"line {n}")
    start, _, end = date.partition("/")
    return DatedRow(n, when, sentence, trigger, None if start == "-" else start,
                    None if precision == "-" else precision, note, end or None)  # fmt: skip


def evaluate_dates(
    rows: Iterable[DatedRow], nlp: Any, resolver: DateResolver | None = None
) -> tuple[int, int, list[DateMiss]]:
    """Parse every row, date its trigger, compare date, range end and precision exactly:
    (correct, total, misses)."""
    rows = list(rows)
    resolver = resolver or DateResolver()
    misses: list[DateMiss] = []
    for row, sentences in zip(rows, parse(nlp, [r.sentence for r in rows])):
        sentence, index = find_trigger(sentences, row)
        got = resolver.event_date(sentence, Tree.of(sentence), index, row.doc_date)
        if (got.date, got.end, got.precision) != (row.expected_date, row.expected_end, row.expected_precision):
            misses.append(DateMiss(row, got))
    return len(rows) - len(misses), len(rows), misses


def find_trigger(sentences: list[Sentence], row: DatedRow) -> tuple[Sentence, int]:
    """The sentence and token index of the row's trigger word ("word@n": its n-th occurrence)."""
    word, _, nth = row.trigger.partition("@")
    wanted = int(nth) if nth.isdigit() else 1
    seen = 0
    for sentence in sentences:
        for tok in sentence.tokens:
            if tok.text == word:
                seen += 1
                if seen == wanted:
                    return sentence, tok.i
    raise InputError("dated sentences", f"trigger {row.trigger!r} is not a token of {row.sentence!r}",
                     f"line {row.line}")  # fmt: skip
