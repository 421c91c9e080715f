"""Scoring event locations against a hand-labelled table (tacitus/eval/data/located_sentences.tsv).

Why here and not in the tests: `tacitus eval` reports the same numbers the test pins, so the
loader and the scorer are library code. A row is one sentence with its trigger verb, an
optional dateline and the expected location (name, country, feature; all empty for none).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..events.syntax import Tree
from ..nlp import parse
from ..records import Sentence
from .gazetteer import Gazetteer
from .resolver import PlaceResolver

COLUMNS = ("sentence", "trigger", "dateline", "expected_name", "expected_country",
           "expected_feature", "note")


@dataclass(frozen=True, slots=True)
class LocatedRow:
    """One labelled sentence; `name`/`country`/`feature` are None when no location is expected."""

    line: int
    sentence: str
    trigger: str  # the verb's text, "word#2" for its second occurrence
    dateline: str | None
    name: str | None
    country: str | None
    feature: str | None
    note: str = ""


def read_located_rows(path: Path) -> list[LocatedRow]:
    """Read the labelled table: `#` comments, a header, then tab-separated rows."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read located sentences: {exc}") from exc
    rows: list[LocatedRow] = []
    header = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            if tuple(cells) != COLUMNS:
                raise InputError(str(path), f"header must be {', '.join(COLUMNS)}",
                                 f"line {number}")
            header = True
            continue
        if len(cells) != len(COLUMNS):
            raise InputError(str(path), f"{len(cells)} columns, expected {len(COLUMNS)}",
                             f"line {number}")
        sentence, trigger, dateline, name, country, feature, note = (c.strip() for c in cells)
        if bool(name) != bool(country) or bool(name) != bool(feature):
            raise InputError(str(path), "expected name, country and feature must be all set "
                             "or all empty", f"line {number}")
        rows.append(LocatedRow(number, sentence, trigger, dateline or None, name or None,
                               country or None, feature or None, note))
    return rows


def evaluate_locations(rows: Sequence[LocatedRow], nlp: Any,
                       resolver: PlaceResolver | None = None) -> tuple[int, int, list[str]]:
    """(correct, total, errors): a row is correct when the resolved location has the expected
    name, country and feature, or when none is expected and none is found. Each error names
    the row's line, its sentence, what was expected and what came back."""
    correct, errors = 0, []
    for row, got in _results(rows, nlp, resolver):
        if isinstance(got, InputError):
            errors.append(str(got))
            continue
        found = (got["name"], got["country"], got["feature"]) if got else None
        wanted = (row.name, row.country, row.feature) if row.name else None
        if found == wanted:
            correct += 1
        else:
            errors.append(f"line {row.line}: {row.sentence!r}: expected {wanted}, got {found}")
    return correct, len(rows), errors


def scores(rows: Sequence[LocatedRow], nlp: Any,
           resolver: PlaceResolver | None = None) -> dict[str, float]:
    """Country accuracy and name accuracy over the rows ("no location" counts as a value; a
    row whose trigger is missing counts as wrong)."""
    country = name = 0
    for row, got in _results(rows, nlp, resolver):
        if isinstance(got, InputError):
            continue
        country += (got["country"] if got else None) == row.country
        name += (got["name"] if got else None) == row.name
    total = max(len(rows), 1)
    return {"country_accuracy": country / total, "name_accuracy": name / total}


def _results(rows: Sequence[LocatedRow], nlp: Any, resolver: PlaceResolver | None
             ) -> Iterator[tuple[LocatedRow, dict[str, Any] | None | InputError]]:
    resolver = resolver or PlaceResolver(Gazetteer.load())
    for row, sentences in zip(rows, parse(nlp, (r.sentence for r in rows))):
        try:
            yield row, locate_row(row, sentences, resolver)
        except InputError as exc:
            yield row, exc


def locate_row(row: LocatedRow, sentences: Iterable[Sentence],
               resolver: PlaceResolver) -> dict[str, Any] | None:
    """The location the resolver gives the row's trigger, in the parsed sentence holding it."""
    word, _, nth = row.trigger.partition("#")
    count = int(nth) if nth.isdigit() else 1
    for sentence in sentences:
        for tok in sentence.tokens:
            if tok.text == word:
                count -= 1
                if count == 0:
                    return resolver.event_location(sentence, Tree.of(sentence), tok.i,
                                                   dateline=row.dateline)
    raise InputError("located sentences", f"trigger {row.trigger!r} is not a token of "
                     f"{row.sentence!r}", f"line {row.line}")
