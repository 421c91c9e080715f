"""JSON shapes the API adds around the records: an event with its evidence, a document with the
spans to highlight.

Why here: the records' `to_json` is the contract shared with the CLI and exports; what the
dashboard needs on top (links, spans relative to a sentence, one list of spans per document)
belongs to the web layer.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from tacitus.records import Document, Event

SPAN_KINDS = ("source", "target", "trigger")


def event_spans(event: Event) -> list[dict[str, Any]]:
    """The event's source, target and trigger spans, offsets into the document's clean text."""
    spans = []
    for kind in SPAN_KINDS:
        span = _span_of(event, kind)
        if span is not None:
            spans.append({"kind": kind, "start": span[0], "end": span[1], "event_id": event.event_id})
    return spans


def _span_of(event: Event, kind: str) -> tuple[int, int] | None:
    if kind == "trigger":
        raw = (event.trigger or {}).get("span")
        if not raw or len(raw) != 2:
            return None
        return int(raw[0]), int(raw[1])
    actor = event.source if kind == "source" else event.target
    return (actor.span[0], actor.span[1]) if actor is not None else None


def document_link(doc_id: str) -> dict[str, str]:
    return {"api": f"/api/documents/{doc_id}", "page": f"/#/document/{doc_id}"}


def event_view(event: Event, doc: Document | None) -> dict[str, Any]:
    """An event, the sentence that supports it with its spans relative to the sentence, and a
    link to its document."""
    body = event.to_json()
    body["evidence"] = {
        "sentence": event.sentence,
        "sentence_index": event.sentence_index,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "spans": [
            {**s, "start": s["start"] - event.char_start, "end": s["end"] - event.char_start}
            for s in event_spans(event)
            if event.char_start <= s["start"] <= s["end"] <= event.char_end
        ],
    }
    body["document"] = {
        "id": event.doc_id,
        "title": doc.title if doc else None,
        "date": doc.date.isoformat() if doc and doc.date else None,
        "source": doc.source if doc else None,
        "url": doc.url if doc else None,
        **document_link(event.doc_id),
    }
    return body


def document_view(doc: Document, events: list[Event]) -> dict[str, Any]:
    """A document's metadata and clean text, its sentences' offsets, its events, and every span
    to highlight (sorted by start)."""
    spans = sorted(
        (s for e in events for s in event_spans(e) if 0 <= s["start"] <= s["end"] <= len(doc.text)),
        key=lambda s: (s["start"], s["end"], s["kind"]),
    )
    return {
        "id": doc.id,
        "ref": doc.ref,
        "origin": doc.origin,
        "url": doc.url,
        "source": doc.source,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        "date_source": doc.date_source,
        "dateline": doc.dateline,
        "lang": doc.lang,
        "status": doc.status,
        "reason": doc.reason,
        "ingested_at": doc.ingested_at.isoformat() if doc.ingested_at else None,
        "text": doc.text,
        "sentences": [{"index": s.index, "start": s.start, "end": s.end} for s in doc.sentences],
        "events": [e.to_json() for e in events],
        "spans": spans,
    }


def coded_text_view(text: str, events: list[Event]) -> dict[str, Any]:
    """The answer to POST /api/code: the events and the spans to highlight in the pasted text."""
    spans = sorted(
        (s for e in events for s in event_spans(e) if 0 <= s["start"] <= s["end"] <= len(text)),
        key=lambda s: (s["start"], s["end"], s["kind"]),
    )
    return {"chars": len(text), "events": [e.to_json() for e in events], "spans": spans}


def chart_rows(freq: str, combined: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The dyad chart's rows: per period, cooperation (quad classes 1-2) and conflict (3-4)
    counts, the mean Goldstein score, and the period's first and last day (for links to the
    events it counts)."""
    rows = []
    for cell in combined:
        quads = list(cell["quad_classes"].values())
        first, last = period_bounds(cell["period"], freq)
        rows.append({
            "period": cell["period"], "label": cell["period"], "from": first.isoformat(),
            "to": last.isoformat(), "events": cell["events"], "cooperation": quads[0] + quads[1],
            "conflict": quads[2] + quads[3], "goldstein": cell["goldstein_mean"],
        })
    return rows


def period_bounds(key: str, freq: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period key ("1997-11-26", "1997-W48", "1997-11", "1997")."""
    if freq == "day":
        day = dt.date.fromisoformat(key)
        return day, day
    if freq == "week":
        monday = dt.date.fromisocalendar(int(key[:4]), int(key[6:]), 1)
        return monday, monday + dt.timedelta(days=6)
    if freq == "month":
        year, month = int(key[:4]), int(key[5:7])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(int(key), 1, 1), dt.date(int(key), 12, 31)
