"""What corpus-level queries return: event clusters, reports of a clustering run, corpus counts.

Why records: the CLI, the HTTP API and the dashboard render the same shapes, and `to_json` gives
the one JSON form the API serves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tacitus.records import Event


@dataclass(slots=True)
class EventCluster:
    """One real-world event as reported by one or more mentions (coded events).

    `num_documents` counts documents with near-duplicates folded (a wire copy and its reprints
    count once); `num_sources` counts distinct outlets of those folded documents; `num_mentions`
    counts every member event. `source`/`target`/`date` are those of the representative member
    (the most precisely dated, then the earliest).
    """

    cluster_id: str
    cameo: str  # the members' most frequent CAMEO code
    cameo_root: str
    quad_class: int
    goldstein: float
    source: str | None  # representative's source actor code
    target: str | None
    symmetric: bool  # every member's code is order-insensitive (meetings, agreements, ...)
    date: str | None  # representative's date: YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str | None
    date_start: dt.date | None  # earliest day any member's date allows
    date_end: dt.date | None
    first_report: dt.date | None  # earliest document date among the members
    last_report: dt.date | None
    location_country: str | None
    num_mentions: int
    num_documents: int
    num_sources: int
    representative_id: str
    event_ids: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)  # distinct, in member order
    block: str = ""  # the comparison block it was built in (root and unordered dyad)
    representative: Event | None = None  # filled by the store's cluster queries
    events: list[Event] = field(default_factory=list)  # every member; filled by get_cluster

    def to_json(self) -> dict[str, Any]:
        return {
            "cluster_id": self.cluster_id,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source,
            "target": self.target,
            "symmetric": self.symmetric,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "first_report": _iso(self.first_report),
            "last_report": _iso(self.last_report),
            "location_country": self.location_country,
            "num_mentions": self.num_mentions,
            "num_documents": self.num_documents,
            "num_sources": self.num_sources,
            "representative_id": self.representative_id,
            "event_ids": list(self.event_ids),
            "doc_ids": list(self.doc_ids),
            "representative": self.representative.to_json() if self.representative else None,
            "events": [e.to_json() for e in self.events],
        }


@dataclass(slots=True)
class ClusterReport:
    """What one `update_clusters` call did."""

    documents_indexed: int = 0  # documents newly given similarity bands
    near_duplicate_pairs: int = 0  # new (document, copy) pairs found
    blocks: int = 0  # comparison blocks recomputed
    events: int = 0  # events placed in those blocks
    clusters: int = 0  # clusters written
    corroborated: int = 0  # of which reported by two or more documents (near-duplicates folded)

    def to_json(self) -> dict[str, int]:
        return {
            "documents_indexed": self.documents_indexed,
            "near_duplicate_pairs": self.near_duplicate_pairs,
            "blocks": self.blocks,
            "events": self.events,
            "clusters": self.clusters,
            "corroborated": self.corroborated,
        }


@dataclass(slots=True)
class CorpusStats:
    """Counts over the corpus with near-duplicate documents counted once."""

    documents: int = 0  # stored documents with status ok
    distinct_documents: int = 0  # the same, near-duplicates folded
    near_duplicates: int = 0  # documents that are a copy of another (documents - distinct)
    unindexed_documents: int = 0  # ok documents not yet checked for near-duplicates
    events: int = 0
    clusters: int = 0
    corroborated_clusters: int = 0  # clusters with num_documents >= 2
    unclustered_events: int = 0  # events no cluster holds yet (run `tacitus cluster`)

    def to_json(self) -> dict[str, int]:
        return {
            "documents": self.documents,
            "distinct_documents": self.distinct_documents,
            "near_duplicates": self.near_duplicates,
            "unindexed_documents": self.unindexed_documents,
            "events": self.events,
            "clusters": self.clusters,
            "corroborated_clusters": self.corroborated_clusters,
            "unclustered_events": self.unclustered_events,
        }


@dataclass(slots=True)
class NearDuplicate:
    """A document recorded as a near-copy of another, with their exact similarity."""

    doc_id: str
    other_id: str
    jaccard: float
    containment: float

    def to_json(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "other_id": self.other_id, "jaccard": self.jaccard,
                "containment": self.containment}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(slots=True)
class EventFact:
    """The few fields of one event that period series need (no sentence, no JSON)."""

    event_id: str
    date: str | None
    date_precision: str | None
    source_code: str | None
    source_country: str | None
    target_code: str | None
    target_country: str | None
    cameo: str
    quad_class: int
    goldstein: float
    cluster_id: str | None  # None until the event has been clustered
    representative_id: str | None = None  # the cluster's representative event


@dataclass(slots=True)
class EdgeCount:
    """Events from one source actor key to one target actor key (either may be None)."""

    source: str | None
    target: str | None
    events: int
    goldstein_sum: float
    quad_counts: tuple[int, int, int, int]  # quad classes 1..4


@dataclass(slots=True)
class ExportRow:
    """One event with what exports add: its cluster's counts and its document's metadata."""

    event: Event
    cluster_id: str | None
    num_mentions: int | None
    num_documents: int | None
    num_sources: int | None
    url: str | None
    publisher: str | None  # the document's source (outlet) name
    doc_date: dt.date | None
    title: str | None
