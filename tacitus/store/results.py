"""What the named queries return: small records the CLI, API and dashboard all render.

Why records and not rows: a caller should not need to know the column order of a query, and
`to_json` gives the one JSON shape the API serves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Label for documents without a source or a date in grouped counts.
UNKNOWN = "unknown"


@dataclass(slots=True)
class DocumentSummary:
    """One line of a document listing: metadata without the text or the sentences."""

    id: str
    ref: str
    origin: str
    source: str | None
    title: str | None
    date: dt.date | None
    date_source: str
    lang: str | None
    status: str
    reason: str | None
    n_sentences: int
    ingested_at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ref": self.ref,
            "origin": self.origin,
            "source": self.source,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "date_source": self.date_source,
            "lang": self.lang,
            "status": self.status,
            "reason": self.reason,
            "n_sentences": self.n_sentences,
            "ingested_at": self.ingested_at.isoformat(),
        }


@dataclass(slots=True)
class RunSummary:
    """One command run against the store: what was asked and what it counted."""

    id: int
    command: str
    args: dict[str, Any]
    started_at: dt.datetime
    finished_at: dt.datetime | None  # None while running, or when the run crashed
    counts: dict[str, int] | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "command": self.command,
            "args": self.args,
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "counts": self.counts,
        }


@dataclass(slots=True)
class StoreStats:
    """Counts over the whole store; grouped counts are ordered as they should be shown."""

    documents: int = 0
    by_status: dict[str, int] = field(default_factory=dict)  # "ok", "rejected"
    by_source: dict[str, int] = field(default_factory=dict)  # top sources, most documents first
    by_month: dict[str, int] = field(default_factory=dict)  # "YYYY-MM" ascending, then UNKNOWN
    sentences: int = 0
    rejections: int = 0
    rejections_by_reason: dict[str, int] = field(default_factory=dict)  # top reasons first
    runs: int = 0
    events: int = 0
    coded: int = 0  # documents coded (with or without events)

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "by_status": dict(self.by_status),
            "by_source": dict(self.by_source),
            "by_month": dict(self.by_month),
            "sentences": self.sentences,
            "rejections": self.rejections,
            "rejections_by_reason": dict(self.rejections_by_reason),
            "runs": self.runs,
            "events": self.events,
            "coded": self.coded,
        }
