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

from tacitus.records import Document, Sentence, Token

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
            to_utc_naive(d.ingested_at) if d.ingested_at else now, run_id,
        )
        for d in docs
    ]
    return _columns(rows, 16)


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
     reason, dropped, ingested_at) = row
    return Document(
        id=doc_id, ref=ref, origin=origin, text=text, record=record, url=url, source=source,
        title=title, date=date, date_source=date_source, lang=lang, status=status,
        reason=reason, dropped=json.loads(dropped), sentences=sentences,
        ingested_at=from_utc_naive(ingested_at),
    )


def sentence_from_row(row: Sequence[Any]) -> Sentence:
    """Rebuild a Sentence from a GET_SENTENCES row."""
    idx, start, end, text, tokens = row
    return Sentence(index=idx, start=start, end=end, text=text, tokens=tokens_from_json(tokens))
