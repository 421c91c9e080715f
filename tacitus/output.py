"""Writing events for people and for other tools: JSON Lines (the event contract), CSV, a table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from .records import Event

CSV_COLUMNS = (
    "event_id", "doc_id", "doc_ref", "date", "date_precision", "sentence_index",
    "source_code", "source_country", "source_sector", "source_text",
    "cameo", "cameo_root", "goldstein", "quad_class", "plover_event", "plover_mode",
    "target_code", "target_country", "target_sector", "target_text",
    "trigger", "modality", "confidence", "sentence",
)
TABLE_COLUMNS = ("date", "source", "cameo", "target", "trigger", "conf", "sentence")


class EventWriter:
    """Streams events in one format; `close` flushes what a format holds back."""

    def __init__(self, out: TextIO, fmt: str):
        if fmt not in ("jsonl", "csv", "table"):
            raise ValueError(f"unknown event format {fmt!r}; valid: jsonl, csv, table")
        self.out = out
        self.fmt = fmt
        self._csv = csv.writer(out) if fmt == "csv" else None
        if self._csv:
            self._csv.writerow(CSV_COLUMNS)
        if fmt == "table":
            out.write(_table_row(TABLE_COLUMNS) + "\n")

    def write(self, events: Iterable[Event]) -> None:
        for event in events:
            if self.fmt == "jsonl":
                self.out.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
            elif self._csv:
                self._csv.writerow(csv_row(event))
            else:
                self.out.write(_table_row(table_row(event)) + "\n")

    def close(self) -> None:
        self.out.flush()


def csv_row(e: Event) -> list[object]:
    def actor(field: str, a) -> object:
        return getattr(a, field) if a else ""

    return [
        e.event_id, e.doc_id, e.doc_ref, e.date or "", e.date_precision or "", e.sentence_index,
        actor("code", e.source), actor("country", e.source) or "", actor("sector", e.source) or "", actor("text", e.source),
        e.cameo, e.cameo_root, e.goldstein, e.quad_class, e.plover.get("event") or "", e.plover.get("mode") or "",
        actor("code", e.target), actor("country", e.target) or "", actor("sector", e.target) or "", actor("text", e.target),
        e.trigger["text"], e.modality, e.confidence, e.sentence,
    ]


def table_row(e: Event) -> tuple[str, ...]:
    return (
        e.date or "?",
        e.source.code if e.source else "-",
        e.cameo,
        e.target.code if e.target else "-",
        e.trigger["text"],
        f"{e.confidence:.2f}",
        e.sentence,
    )


_WIDTHS = (10, 10, 5, 10, 20, 4, 70)


def _table_row(cells: Iterable[str]) -> str:
    out = []
    for cell, width in zip(cells, _WIDTHS):
        text = str(cell).replace("\n", " ")
        if len(text) > width:
            text = text[: width - 1] + "…"
        out.append(text.ljust(width))
    return "  ".join(out).rstrip()
