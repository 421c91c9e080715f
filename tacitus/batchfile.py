"""Batch files: the results of one `process_batch` (Documents and Rejections) as one Parquet file.

Why Parquet: on a Dask cluster the workers hand their results to the one store writer as files
(or bytes), and a columnar file with a fixed schema is compact, language-neutral and readable
with any Parquet tool when a run needs debugging. Everything written here reads back to equal
records (the `ingested_at` stamp excepted: the store sets it when it loads the batch).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .records import Actor, Document, Event, Rejection, Sentence
from .store import codec

FORMAT_VERSION = "1"


def _schema() -> Any:
    import pyarrow as pa

    sentence = pa.struct([("index", pa.int32()), ("start", pa.int32()), ("end", pa.int32()),
                          ("text", pa.string()), ("tokens", pa.string())])
    text_fields = ("kind", "id", "ref", "origin", "record", "text", "url", "source", "title",
                   "date_source", "dateline", "lang", "status", "reason")
    return pa.schema(
        [pa.field(name, pa.string()) for name in text_fields]
        + [pa.field("date", pa.date32()), pa.field("dropped", pa.list_(pa.string())),
           pa.field("sentences", pa.list_(sentence)), pa.field("events", pa.string())],
        metadata={"tacitus_batch": FORMAT_VERSION},
    )


def to_table(results: Sequence[Document | Rejection]) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist([_row(r) for r in results], schema=_schema())


def to_bytes(results: Sequence[Document | Rejection]) -> bytes:
    """The batch as the bytes of a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(to_table(results), sink)
    return sink.getvalue().to_pybytes()


def write(results: Sequence[Document | Rejection], path: str | Path) -> Path:
    """Write the batch to `path` atomically (a partial file is never seen under its name)."""
    import pyarrow.parquet as pq

    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    pq.write_table(to_table(results), partial)
    os.replace(partial, path)
    return path


def read(source: str | Path | bytes) -> list[Document | Rejection]:
    """A batch back as records, in the order written; `source` is a path or a file's bytes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(pa.BufferReader(source) if isinstance(source, bytes) else str(source))
    return [_record(row) for row in table.to_pylist()]


def _row(result: Document | Rejection) -> dict[str, Any]:
    if isinstance(result, Rejection):
        return {"kind": "rejection", "origin": result.origin, "record": result.record, "ref": result.ref,
                "reason": result.reason}
    d = result
    return {
        "kind": "document", "id": d.id, "ref": d.ref, "origin": d.origin, "record": d.record, "text": d.text,
        "url": d.url, "source": d.source, "title": d.title, "date_source": d.date_source,
        "dateline": d.dateline, "lang": d.lang, "status": d.status, "reason": d.reason, "date": d.date,
        "dropped": list(d.dropped),
        "sentences": [{"index": s.index, "start": s.start, "end": s.end, "text": s.text,
                       "tokens": codec.tokens_to_json(s.tokens)} for s in d.sentences],
        "events": None if d.events is None else codec.dumps([e.to_json() for e in d.events]),
    }


def _record(row: dict[str, Any]) -> Document | Rejection:
    if row["kind"] == "rejection":
        return Rejection(origin=row["origin"], record=row["record"], reason=row["reason"], ref=row["ref"])
    sentences = [Sentence(index=s["index"], start=s["start"], end=s["end"], text=s["text"],
                          tokens=codec.tokens_from_json(s["tokens"])) for s in row["sentences"] or []]
    events = None if row["events"] is None else [_event(e) for e in json.loads(row["events"])]
    return Document(
        id=row["id"], ref=row["ref"], origin=row["origin"], text=row["text"], record=row["record"],
        url=row["url"], source=row["source"], title=row["title"], date=row["date"],
        date_source=row["date_source"], dateline=row["dateline"], lang=row["lang"], status=row["status"],
        reason=row["reason"], dropped=list(row["dropped"] or []), sentences=sentences, events=events,
    )


def _event(data: dict[str, Any]) -> Event:
    """An Event from its `to_json` contract."""
    def actor(raw: dict[str, Any] | None) -> Actor | None:
        if raw is None:
            return None
        return Actor(code=raw["code"], country=raw["country"], sector=raw["sector"], name=raw["name"],
                     text=raw["text"], span=(raw["span"][0], raw["span"][1]))

    fields = dict(data)
    fields["source"], fields["target"] = actor(data["source"]), actor(data["target"])
    return Event(**fields)
