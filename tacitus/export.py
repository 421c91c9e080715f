"""Exports for pandas, R and the tools analysts already use: GDELT- and ICEWS-style tables,
PLOVER JSON Lines, a flat CSV and Parquet. Columns are documented in docs/exports.md.

Why several layouts of one table: a GDELT user reaches for `SQLDATE` and `Actor1Code`, an ICEWS
user for `Event Date` and `Source Country`, a PLOVER user for `event`/`mode`/`context`; each
layout keeps its own names where they fit and adds Tacitus' evidence (cluster, document,
sentence) at the end. Rows stream from the store in date order, so an export of millions of
events never holds them all in memory.
"""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol, TextIO

from tacitus import __version__
from tacitus.corpus.clustering import interval
from tacitus.corpus.records import ExportRow
from tacitus.errors import InputError
from tacitus.records import Actor
from tacitus.store.filters import EventFilter

FORMATS = ("gdelt-csv", "icews-tsv", "plover-jsonl", "parquet", "csv")
PARQUET_BATCH = 5000


class RowSource(Protocol):
    """What an export needs from a store (tacitus.store.Store implements it)."""

    def export_rows(self, f: EventFilter | None = None, clusters: bool = False,
                    batch_size: int = 2000) -> Iterator[ExportRow]: ...


def export_events(
    store: RowSource, fmt: str, out: str | Path | TextIO, f: EventFilter | None = None,
    clusters: bool = False,
) -> int:
    """Write the events meeting `f` (one per cluster with `clusters`) to `out` in `fmt`;
    returns the number of rows written. `out` is a path, or a text stream for the text formats."""
    if fmt not in FORMATS:
        raise InputError(str(out), f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    rows = store.export_rows(f, clusters=clusters)
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise InputError("<stream>", "parquet needs a file path (-o FILE), not a stream")
        return _write_parquet(rows, Path(out))
    if isinstance(out, (str, Path)):
        try:
            with open(out, "w", encoding="utf-8", newline="") as stream:
                return _write_text(rows, fmt, stream)
        except OSError as exc:
            raise InputError(str(out), f"cannot write the export: {exc.strerror}") from exc
    return _write_text(rows, fmt, out)


def _write_text(rows: Iterable[ExportRow], fmt: str, out: TextIO) -> int:
    if fmt == "plover-jsonl":
        n = 0
        for row in rows:
            record = plover_record(row)
            if record is not None:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                n += 1
        return n
    columns, make, delimiter = {
        "gdelt-csv": (GDELT_COLUMNS, gdelt_row, ","),
        "icews-tsv": (ICEWS_COLUMNS, icews_row, "\t"),
        "csv": (FLAT_COLUMNS, flat_row, ","),
    }[fmt]
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        values = make(row)
        writer.writerow([_tsv_safe(v) for v in values] if delimiter == "\t" else values)
        n += 1
    return n


# --- GDELT 1.0 style ----------------------------------------------------------------------------

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "DATEADDED", "SOURCEURL",
    # Tacitus' own columns
    "DatePrecision", "Modality", "Historical", "ClusterID", "DocID", "SentenceIndex", "Confidence",
    "Sentence",
)


def gdelt_row(row: ExportRow) -> list[Any]:
    e = row.event
    span = interval(e.date, e.date_precision)
    day = span[0] if span else None
    loc = e.location or {}
    return [
        e.event_id,
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_gdelt_actor(e.source), *_gdelt_actor(e.target),
        1 if e.sentence_index == 0 else 0,
        e.cameo, e.cameo[:3], e.cameo_root, e.quad_class, e.goldstein,
        _blank(row.num_mentions), _blank(row.num_sources), _blank(row.num_documents),
        _geo_type(loc), loc.get("name", ""), loc.get("country") or "", loc.get("admin1") or "",
        _blank(loc.get("lat")), _blank(loc.get("lon")),
        row.doc_date.strftime("%Y%m%d") if row.doc_date else "",
        row.url or e.doc_ref,
        e.date_precision or "", e.modality, int(e.historical), row.cluster_id or "", e.doc_id,
        e.sentence_index, e.confidence, e.sentence,
    ]


def _gdelt_actor(actor: Actor | None) -> list[str]:
    if actor is None:
        return ["", "", "", ""]
    return [actor.code, (actor.name or actor.text).upper(), actor.country or "", actor.sector or ""]


def _geo_type(loc: dict[str, Any]) -> Any:
    """GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if not loc:
        return ""
    us = loc.get("country") == "USA"
    feature = loc.get("feature")
    if feature == "country":
        return 1
    if feature == "admin1":
        return 2 if us else 5
    return 3 if us else 4


# --- ICEWS style --------------------------------------------------------------------------------

ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
    # Tacitus' own columns
    "Date Precision", "Modality", "Historical", "Cluster ID", "Num Mentions", "Num Documents",
    "Num Sources", "Sentence",
)


def icews_row(row: ExportRow) -> list[Any]:
    e = row.event
    loc = e.location or {}
    city = loc.get("name", "") if loc.get("feature") in ("city", "site", "building") else ""
    return [
        e.event_id, e.date or "", *_icews_actor(e.source), _code_name(e.cameo), e.cameo,
        e.goldstein, *_icews_actor(e.target), e.doc_id, e.sentence_index + 1, row.publisher or "",
        city, "", loc.get("admin1") or "", _country_name(loc.get("country")),
        _blank(loc.get("lat")), _blank(loc.get("lon")),
        e.date_precision or "", e.modality, int(e.historical), row.cluster_id or "",
        _blank(row.num_mentions), _blank(row.num_documents), _blank(row.num_sources), e.sentence,
    ]


def _icews_actor(actor: Actor | None) -> list[str]:
    if actor is None:
        return ["", "", ""]
    return [actor.name or actor.text, actor.sector or "", _country_name(actor.country)]


@functools.cache
def _country_name(code: str | None) -> str:
    """The English short name of an ISO alpha-3 code; the code itself when ISO has none (EUR)."""
    if not code:
        return ""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return found.name if found else code


@functools.cache
def _code_name(code: str) -> str:
    from tacitus.events.codebook import Codebook, UnknownCodeError

    try:
        return Codebook.load().cameo(code).name
    except UnknownCodeError:
        return ""


# --- PLOVER -------------------------------------------------------------------------------------

def plover_record(row: ExportRow) -> dict[str, Any] | None:
    """A PLOVER data-interchange record, or None where PLOVER has no event type for the code
    (CAMEO 01 statements, for example)."""
    e = row.event
    if not e.plover.get("event"):
        return None
    loc = e.location
    return {
        "id": e.event_id,
        "date": e.date,
        "datePrecision": e.date_precision,
        "source": [_plover_actor(e.source)] if e.source else [],
        "target": [_plover_actor(e.target)] if e.target else [],
        "event": e.plover["event"],
        "eventText": e.trigger.get("text"),
        "mode": e.plover.get("mode") or "",
        "context": ",".join(e.plover.get("context") or []),
        "text": e.sentence,
        "eventLoc": {k: loc.get(k) for k in ("name", "country", "admin1", "lat", "lon")} if loc else None,
        "language": "en",
        "publication": row.publisher,
        "url": row.url,
        "docId": e.doc_id,
        "sentenceIndex": e.sentence_index,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "quadClass": e.quad_class,
        "modality": e.modality,
        "historical": e.historical,
        "clusterId": row.cluster_id,
        "numMentions": row.num_mentions,
        "numDocuments": row.num_documents,
        "numSources": row.num_sources,
        "coder": "Tacitus",
        "version": __version__,
    }


def _plover_actor(actor: Actor) -> dict[str, Any]:
    return {"actorText": actor.text, "code": actor.code, "sector": actor.sector,
            "country": actor.country, "name": actor.name}


# --- flat CSV and Parquet -----------------------------------------------------------------------

FLAT_COLUMNS = (
    # the columns of `tacitus code --format csv`
    "event_id", "doc_id", "doc_ref", "date", "date_precision", "sentence_index",
    "source_code", "source_country", "source_sector", "source_text",
    "cameo", "cameo_root", "goldstein", "quad_class", "plover_event", "plover_mode",
    "target_code", "target_country", "target_sector", "target_text",
    "trigger", "modality", "confidence", "sentence",
    # and what a corpus export adds
    "date_text", "date_source", "historical", "location_name", "location_country",
    "location_lat", "location_lon", "cluster_id", "num_mentions", "num_documents", "num_sources",
    "publisher", "url", "doc_date", "title",
)
_FLAT_TYPES = {
    "sentence_index": "int32", "goldstein": "float64", "quad_class": "int8",
    "confidence": "float64", "historical": "bool", "location_lat": "float64",
    "location_lon": "float64", "num_mentions": "int32", "num_documents": "int32",
    "num_sources": "int32", "doc_date": "date32",
}


def flat_row(row: ExportRow) -> list[Any]:
    """The event contract flattened (the `tacitus code --format csv` columns first), None for
    a missing value."""
    e = row.event
    loc = e.location or {}
    return [
        e.event_id, e.doc_id, e.doc_ref, e.date, e.date_precision, e.sentence_index,
        *_flat_actor(e.source), e.cameo, e.cameo_root, e.goldstein, e.quad_class,
        e.plover.get("event") or None, e.plover.get("mode") or None, *_flat_actor(e.target),
        e.trigger.get("text"), e.modality, e.confidence, e.sentence,
        e.date_text, e.date_source, e.historical, loc.get("name"), loc.get("country"),
        loc.get("lat"), loc.get("lon"), row.cluster_id, row.num_mentions, row.num_documents,
        row.num_sources, row.publisher, row.url, row.doc_date, row.title,
    ]


def _flat_actor(actor: Actor | None) -> list[Any]:
    if actor is None:
        return [None, None, None, None]
    return [actor.code, actor.country, actor.sector, actor.text]


def _write_parquet(rows: Iterable[ExportRow], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _FLAT_TYPES.get(name, "string")) for name in FLAT_COLUMNS])
    n = 0
    try:
        with pq.ParquetWriter(str(path), schema) as writer:
            for batch in _batches((flat_row(r) for r in rows), PARQUET_BATCH):
                columns = list(zip(*batch))
                writer.write_table(pa.Table.from_arrays(
                    [pa.array(list(col), type=schema.field(i).type) for i, col in enumerate(columns)],
                    schema=schema))
                n += len(batch)
            if n == 0:
                writer.write_table(schema.empty_table())
    except OSError as exc:
        raise InputError(str(path), f"cannot write the export: {exc}") from exc
    return n


def _batches(items: Iterable[list[Any]], size: int) -> Iterator[list[list[Any]]]:
    batch: list[list[Any]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _tsv_safe(value: Any) -> Any:
    """TSV has no quoting convention readers agree on: tabs and line breaks become spaces."""
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return value

