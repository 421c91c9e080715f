"""Records <-> rows: how a Document, its Sentences and Tokens are laid out in the store.

Why here and not in records.py: the column layout (tokens as compact JSON arrays, timestamps as
naive UTC) is the store's business; the records stay storage-agnostic. Everything written here
must read back to an equal record.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
from collections.abc import Sequence
from typing import Any

from tacitus.records import Actor, Document, Event, Sentence, Token

# A token is stored as a JSON array in this field order; reading zips it back by position.
TOKEN_FIELDS = (
    "i", "text", "start", "lemma", "pos", "tag", "dep", "head", "ent_type", "ent_iob", "ws",
)
_token_row = operator.attrgetter(*TOKEN_FIELDS)  # one C call per token: bulk ingest encodes ~500k
_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable in the file; Paths and dates as strings."""
    return _encoder.encode(value)


def tokens_to_json(tokens: Sequence[Token]) -> str:
    return _encoder.encode([_token_row(t) for t in tokens])


def tokens_from_json(raw: str) -> list[Token]:
    return [Token(*row) for row in json.loads(raw)]


def to_utc_naive(moment: dt.datetime) -> dt.datetime:
    """DuckDB TIMESTAMP has no zone: store UTC. A naive input is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def from_utc_naive(moment: dt.datetime | None) -> dt.datetime | None:
    """Read a stored timestamp back as an aware UTC datetime."""
    return None if moment is None else moment.replace(tzinfo=dt.UTC)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def document_columns(docs: Sequence[Document], run_id: int | None, now: dt.datetime) -> list[list]:
    """One list per column of INSERT_DOCUMENTS, in its column order."""
    rows = [
        (
            d.id, d.ref, d.origin, d.record, d.url, d.source, d.title, d.date, d.date_source,
            d.lang, d.text, d.status, d.reason, dumps(list(d.dropped)),
            to_utc_naive(d.ingested_at) if d.ingested_at else now, run_id, d.dateline,
        )
        for d in docs
    ]
    return _columns(rows, 17)


def sentence_columns(docs: Sequence[Document]) -> list[list]:
    """One list per column of INSERT_SENTENCES, every sentence of every document."""
    rows = [
        (d.id, s.index, s.start, s.end, s.text, tokens_to_json(s.tokens))
        for d in docs
        for s in d.sentences
    ]
    return _columns(rows, 6)


def _columns(rows: list[tuple], width: int) -> list[list]:
    if not rows:
        return [[] for _ in range(width)]
    return [list(column) for column in zip(*rows, strict=True)]


def document_from_row(row: Sequence[Any], sentences: list[Sentence]) -> Document:
    """Rebuild a Document from a GET_DOCUMENT row (its column order)."""
    (doc_id, ref, origin, text, record, url, source, title, date, date_source, lang, status,
     reason, dropped, ingested_at, dateline) = row
    return Document(
        id=doc_id, ref=ref, origin=origin, text=text, record=record, url=url, source=source,
        title=title, date=date, date_source=date_source, lang=lang, status=status,
        reason=reason, dropped=json.loads(dropped), sentences=sentences,
        ingested_at=from_utc_naive(ingested_at), dateline=dateline,
    )


def sentence_from_row(row: Sequence[Any]) -> Sentence:
    """Rebuild a Sentence from a GET_SENTENCES row."""
    idx, start, end, text, tokens = row
    return Sentence(index=idx, start=start, end=end, text=text, tokens=tokens_from_json(tokens))


def event_columns(events: Sequence[Event]) -> list[list]:
    """One list per column of INSERT_EVENTS, in its column order."""
    rows = [
        (
            e.event_id, e.doc_id, e.sentence_index, e.char_start, e.char_end,
            e.source.code if e.source else None, e.source.country if e.source else None,
            e.target.code if e.target else None, e.target.country if e.target else None,
            dumps(e.source.to_json()) if e.source else None,
            dumps(e.target.to_json()) if e.target else None,
            e.cameo, e.cameo_root, float(e.goldstein), e.quad_class, dumps(e.plover),
            dumps(e.trigger), e.date, e.date_precision, e.date_text, e.date_source, e.modality,
            bool(e.historical), dumps(e.location) if e.location is not None else None,
            float(e.confidence), e.date_end,
        )
        for e in events
    ]
    return [list(col) for col in zip(*rows)] if rows else [[] for _ in range(26)]


def event_from_row(row: Sequence[Any]) -> Event:
    """Rebuild an Event from a row of the events query (see queries._SELECT_EVENTS)."""
    def actor(raw: str | None) -> Actor | None:
        if raw is None:
            return None
        data = json.loads(raw)
        return Actor(
            code=data["code"], country=data["country"], sector=data["sector"], name=data["name"],
            text=data["text"], span=(data["span"][0], data["span"][1]),
        )

    (event_id, doc_id, ref, idx, sentence, start, end, source, target, cameo, root, goldstein,
     quad, plover, trigger, date, precision, date_text, date_source, modality, historical,
     location, confidence, date_end) = row
    return Event(
        event_id=event_id, doc_id=doc_id, doc_ref=ref, sentence_index=idx, sentence=sentence,
        char_start=start, char_end=end, source=actor(source), target=actor(target), cameo=cameo,
        cameo_root=root, goldstein=goldstein, quad_class=quad, plover=json.loads(plover),
        trigger=json.loads(trigger), date=date, date_precision=precision, confidence=confidence,
        date_text=date_text, date_source=date_source, modality=modality, historical=historical,
        location=json.loads(location) if location is not None else None, date_end=date_end,
    )
