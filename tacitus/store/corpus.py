"""The corpus view of the store: filtered events, event clusters, near-duplicate documents.

`Store` inherits `CorpusQueries`, so the CLI, the HTTP API and the dashboard ask these questions
of one object. The algorithms live in `tacitus.corpus` (pure); this module only moves their
inputs and results in and out of DuckDB.

Keeping clusters current: `update_clusters(doc_ids)` after a run that stored or re-coded those
documents checks them for near-duplicates and recomputes only the comparison blocks their events
fall in (with every other event of those blocks), which gives the same clusters as a full
recomputation; `update_clusters()` recomputes everything.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from tacitus.corpus import clustering, dedup, similarity
from tacitus.corpus.records import (
    ClusterReport,
    CorpusStats,
    EdgeCount,
    EventCluster,
    EventFact,
    ExportRow,
    NearDuplicate,
)
from tacitus.errors import ConfigError
from tacitus.records import Event
from tacitus.store import codec
from tacitus.store import corpus_queries as cq
from tacitus.store.filters import EventFilter, FilterError

if TYPE_CHECKING:
    import duckdb

INDEX_BATCH = 500  # documents shingled and banded per round trip
EDGE_KEYS = tuple(cq.ACTOR_KEYS)


class CorpusQueries:
    """Corpus queries over the store's connection (mixed into `tacitus.store.Store`)."""

    if TYPE_CHECKING:  # provided by Store
        path: str

        def _live(self) -> duckdb.DuckDBPyConnection: ...
        def _errors(self, action: str) -> AbstractContextManager[None]: ...
        def _writing(self, action: str) -> AbstractContextManager[duckdb.DuckDBPyConnection]: ...

    # --- events ---------------------------------------------------------------------------------

    def query_events(
        self, f: EventFilter | None = None, limit: int = 50, offset: int = 0, order: str = "date"
    ) -> list[Event]:
        """A page of events meeting the filter; `order` is "date" (oldest first) or "-date"."""
        where, params = cq.filter_clause(f or EventFilter())
        _check_page(limit, offset)
        if order not in cq.ORDERS:
            raise FilterError(f"unknown order {order!r}; valid: {', '.join(cq.ORDERS)}")
        with self._errors("query events"):
            rows = self._live().execute(cq.select_events(where, order), [*params, limit, offset]).fetchall()
        return [codec.event_from_row(r) for r in rows]

    def count_events(self, f: EventFilter | None = None) -> int:
        where, params = cq.filter_clause(f or EventFilter())
        with self._errors("count events"):
            return int(self._live().execute(cq.count_events(where), params).fetchone()[0])

    def get_event(self, event_id: str) -> Event | None:
        with self._errors(f"read event {event_id}"):
            row = self._live().execute(cq.GET_EVENT, [event_id]).fetchone()
        return codec.event_from_row(row) if row else None

    # --- clusters -------------------------------------------------------------------------------

    def clusters(self, f: EventFilter | None = None, limit: int = 50, offset: int = 0) -> list[EventCluster]:
        """Clusters with at least one member meeting the filter, earliest first, each with its
        member ids and representative event."""
        where, params = cq.filter_clause(f or EventFilter())
        _check_page(limit, offset)
        with self._errors("list clusters"):
            rows = self._live().execute(cq.select_clusters(where), [*params, limit, offset]).fetchall()
        return self._complete([_cluster_from_row(r) for r in rows], with_events=False)

    def count_clusters(self, f: EventFilter | None = None) -> int:
        where, params = cq.filter_clause(f or EventFilter())
        with self._errors("count clusters"):
            return int(self._live().execute(cq.count_clusters(where), params).fetchone()[0])

    def get_cluster(self, cluster_id: str) -> EventCluster | None:
        """One cluster with every member event, or None for an unknown id."""
        with self._errors(f"read cluster {cluster_id}"):
            row = self._live().execute(cq.GET_CLUSTER, [cluster_id]).fetchone()
        return self._complete([_cluster_from_row(row)], with_events=True)[0] if row else None

    def cluster_of(self, event_id: str) -> EventCluster | None:
        """The cluster an event belongs to (with every member), None if not clustered yet."""
        with self._errors(f"read the cluster of event {event_id}"):
            row = self._live().execute(cq.CLUSTER_OF_EVENT, [event_id]).fetchone()
        return self._complete([_cluster_from_row(row)], with_events=True)[0] if row else None

    def _complete(self, found: list[EventCluster], with_events: bool) -> list[EventCluster]:
        """Fill member ids and the representative (and every member event, if asked)."""
        if not found:
            return found
        with self._errors("read cluster members"):
            conn = self._live()
            members = conn.execute(cq.MEMBERS_OF_CLUSTERS, [[c.cluster_id for c in found]]).fetchall()
            by_cluster: dict[str, list[tuple[str, str]]] = {}
            for cid, event_id, doc_id in members:
                by_cluster.setdefault(cid, []).append((event_id, doc_id))
            wanted = {e for c in found for e, _ in by_cluster.get(c.cluster_id, [])} if with_events \
                else {c.representative_id for c in found}
            rows = conn.execute(cq.EVENTS_BY_IDS, [sorted(wanted)]).fetchall()
        events = {e.event_id: e for e in (codec.event_from_row(r) for r in rows)}
        for c in found:
            pairs = by_cluster.get(c.cluster_id, [])
            c.event_ids = [e for e, _ in pairs]
            c.doc_ids = list(dict.fromkeys(d for _, d in pairs))
            c.representative = events.get(c.representative_id)
            if with_events:
                c.events = [events[e] for e in c.event_ids if e in events]
        return found

    def find_near_duplicates(self, doc_ids: Sequence[str] | None = None) -> ClusterReport:
        """Check documents not checked yet for near-duplicates (wire copies) and record the pairs
        and families found, leaving event clusters alone (`ingest` calls this; `update_clusters`
        does it too before clustering). `doc_ids=None` checks every unchecked document."""
        report = ClusterReport()
        self._quiet()
        self._index_documents(None if doc_ids is None else sorted(set(doc_ids)), report)
        return report

    def update_clusters(
        self, doc_ids: Sequence[str] | None = None, window_days: int = clustering.WINDOW_DAYS
    ) -> ClusterReport:
        """Check documents for near-duplicates and recompute the clusters their events touch.

        `doc_ids=None` checks every unchecked document and recomputes all clusters. Rejected and
        unknown ids are ignored. Call it after each run with the run's document ids.
        """
        if window_days < 0:
            raise ConfigError(f"window_days must be 0 or more, got {window_days}")
        report = ClusterReport()
        ids = None if doc_ids is None else sorted(set(doc_ids))
        self._quiet()
        touched = self._index_documents(ids, report)
        with self._writing("update event clusters") as conn:
            if ids is None:
                mentions = _mentions(conn.execute(cq.ALL_MENTIONS).fetchall())
                conn.execute(cq.DELETE_ALL_CLUSTERS)
                conn.execute(cq.DELETE_ALL_MEMBERS)
            else:
                # whole families: a family that changed in an earlier, interrupted call is
                # brought up to date with the next call naming any of its documents
                family = {row[0] for row in conn.execute(cq.FAMILIES_OF, [ids]).fetchall()}
                mentions = self._block_mentions(conn, sorted(set(ids) | touched | family))
            built = clustering.build_clusters(mentions, window_days)
            _insert_clusters(conn, built)
        report.blocks = len({c.block for c, _ in built})
        report.events = sum(c.num_mentions for c, _ in built)
        report.clusters = len(built)
        report.corroborated = sum(c.num_documents >= 2 for c, _ in built)
        return report

    def _block_mentions(self, conn: duckdb.DuckDBPyConnection, docs: list[str]) -> list[clustering.Mention]:
        """Every mention of the blocks these documents' events fall (or fell) in; clears the
        old clusters of those blocks."""
        fresh = _mentions(conn.execute(cq.MENTIONS_OF_DOCS, [docs]).fetchall())
        old_blocks = {row[0] for row in conn.execute(cq.BLOCKS_OF_DOCS, [docs]).fetchall()}
        blocks = sorted(old_blocks | {m.block for m in fresh})
        others = _mentions(conn.execute(cq.MENTIONS_IN_BLOCKS, [blocks, docs]).fetchall())
        conn.execute(cq.DELETE_CLUSTERS_IN_BLOCKS, [blocks])
        conn.execute(cq.DELETE_MEMBERS_IN_BLOCKS, [blocks])
        keep = set(blocks)
        return fresh + [m for m in others if m.block in keep]

    def _quiet(self) -> None:
        with self._errors("configure the connection"):
            self._live().execute(cq.QUIET)

    # --- near-duplicate documents ---------------------------------------------------------------

    def _index_documents(self, ids: list[str] | None, report: ClusterReport) -> set[str]:
        """Band the unchecked documents, record verified near-duplicates, merge families;
        returns every document whose family changed."""
        with self._errors("find documents to check for near-duplicates"):
            conn = self._live()
            rows = conn.execute(cq.ALL_UNINDEXED) if ids is None else conn.execute(cq.UNINDEXED_OF, [ids])
            todo = [r[0] for r in rows.fetchall()]
        touched: set[str] = set()
        for start in range(0, len(todo), INDEX_BATCH):
            touched |= self._index_batch(todo[start : start + INDEX_BATCH], report)
        return touched

    def _index_batch(self, batch: list[str], report: ClusterReport) -> set[str]:
        """Band one batch, verify its candidates (stored documents and each other), record
        pairs and families, all in one transaction."""
        with self._writing(f"check {len(batch)} document(s) for near-duplicates") as conn:
            texts = dict(conn.execute(cq.DOCUMENT_TEXTS, [batch]).fetchall())
            shingles, band_rows = _band(batch, texts)
            candidates = _in_batch_matches(band_rows)
            if band_rows:
                columns = [list(c) for c in zip(*band_rows)]
                candidates |= set(conn.execute(cq.BAND_MATCHES, columns).fetchall())
                conn.execute(cq.INSERT_BANDS, columns)
            stored = sorted({d for pair in candidates for d in pair} - set(shingles))
            if stored:
                for doc, text in conn.execute(cq.DOCUMENT_TEXTS, [stored]).fetchall():
                    shingles[doc] = similarity.shingles(text)
            pairs = dedup.verify(candidates, shingles)
            conn.execute(cq.INSERT_INDEX, [batch, [len(shingles[d]) for d in batch],
                                           [codec.utc_now()] * len(batch)])
            for p in pairs:
                conn.execute(cq.INSERT_NEAR_DUPLICATE, [p.doc_id, p.other_id, p.jaccard, p.containment])
            report.documents_indexed += len(batch)
            report.near_duplicate_pairs += len(pairs)
            return _merge_families(conn, pairs)

    def near_duplicates_of(self, doc_id: str) -> list[str]:
        """The other documents of this document's near-duplicate family, canonical first."""
        with self._errors(f"read the near-duplicates of document {doc_id}"):
            return [r[0] for r in self._live().execute(cq.FAMILY_OF, [doc_id, doc_id]).fetchall()]

    def near_duplicate_pairs(self, doc_id: str) -> list[NearDuplicate]:
        """The verified pairs this document is in, with their exact similarity."""
        with self._errors(f"read the near-duplicate pairs of document {doc_id}"):
            rows = self._live().execute(cq.NEAR_DUPLICATE_PAIRS, [doc_id, doc_id]).fetchall()
        return [NearDuplicate(*r) for r in rows]

    def corpus_stats(self) -> CorpusStats:
        """Document, event and cluster counts with near-duplicates counted once."""
        with self._errors("count the corpus"):
            (docs, distinct, unindexed, events, clusters, corroborated, unclustered) = (
                self._live().execute(cq.CORPUS_COUNTS).fetchone()
            )
        return CorpusStats(
            documents=docs, distinct_documents=distinct, near_duplicates=docs - distinct,
            unindexed_documents=unindexed, events=events, clusters=clusters,
            corroborated_clusters=corroborated, unclustered_events=unclustered,
        )

    # --- aggregates and exports -----------------------------------------------------------------

    def event_facts(self, f: EventFilter | None = None) -> list[EventFact]:
        """Light rows of every event meeting the filter, in date order (for period series)."""
        where, params = cq.filter_clause(f or EventFilter())
        self._quiet()
        with self._errors("read event facts"):
            rows = self._live().execute(cq.select_facts(where), params).fetchall()
        return [EventFact(*r) for r in rows]

    def edge_counts(self, f: EventFilter | None = None, by: str = "code", unique: bool = False) -> list[EdgeCount]:
        """Events grouped by (source, target) actor key: the actor `code`, or its `country`
        (the code for actors without one). `unique` counts each cluster once per edge."""
        if by not in EDGE_KEYS:
            raise FilterError(f"unknown actor key {by!r}; valid: {', '.join(EDGE_KEYS)}")
        where, params = cq.filter_clause(f or EventFilter())
        self._quiet()
        with self._errors("count events by dyad"):
            rows = self._live().execute(cq.select_edges(where, by, unique), params).fetchall()
        return [EdgeCount(src, tgt, n, float(g or 0.0), (q1, q2, q3, q4))
                for src, tgt, n, g, q1, q2, q3, q4 in rows]

    def export_rows(
        self, f: EventFilter | None = None, clusters: bool = False, batch_size: int = 2000
    ) -> Iterator[ExportRow]:
        """Stream events meeting the filter with their cluster counts and document metadata, in
        date order; `clusters` gives one row per matching cluster (its representative)."""
        where, params = cq.filter_clause(f or EventFilter())
        with self._errors("export events"):
            cursor = self._live().cursor()
        try:
            with self._errors("export events"):
                cursor.execute(cq.QUIET)
                result = cursor.execute(cq.select_export(where, clusters), params)
                while rows := result.fetchmany(batch_size):
                    yield from (_export_row(r) for r in rows)
        finally:
            cursor.close()


def _check_page(limit: int, offset: int) -> None:
    if limit < 0 or offset < 0:
        raise FilterError(f"limit and offset must be 0 or more, got limit={limit}, offset={offset}")


def _mentions(rows: list[tuple]) -> list[clustering.Mention]:
    return [clustering.Mention(*row) for row in rows]


def _band(batch: list[str], texts: dict[str, str]) -> tuple[dict[str, set[int]], list[tuple[str, int, int]]]:
    """Shingle sets of the batch and its (doc, band, hash) rows."""
    shingles: dict[str, set[int]] = {}
    rows: list[tuple[str, int, int]] = []
    for doc in batch:
        shingles[doc], hashes = similarity.document_bands(texts[doc])
        rows += [(doc, band, h) for band, h in enumerate(hashes)]
    return shingles, rows


def _in_batch_matches(band_rows: list[tuple[str, int, int]]) -> set[tuple[str, str]]:
    """Pairs of documents of one batch that share a band hash."""
    seen: dict[tuple[int, int], list[str]] = {}
    for doc, band, h in band_rows:
        seen.setdefault((band, h), []).append(doc)
    return {(a, b) for docs in seen.values() for i, a in enumerate(docs) for b in docs[i + 1 :]}


def _merge_families(conn: duckdb.DuckDBPyConnection, pairs: list[NearDuplicate]) -> set[str]:
    """Fold new pairs into the stored families; returns the documents whose family changed."""
    if not pairs:
        return set()
    docs = sorted({d for p in pairs for d in (p.doc_id, p.other_id)})
    current = dict(conn.execute(cq.FAMILIES_OF, [docs]).fetchall())
    involved = sorted(set(docs) | set(current) | set(current.values()))
    dates = dict(conn.execute(cq.DOCUMENT_DATES, [involved]).fetchall())
    merged = dedup.merge_families([(p.doc_id, p.other_id) for p in pairs], current, dates)
    conn.execute(cq.DELETE_FAMILIES_OF_DOCS, [sorted(merged)])
    conn.execute(cq.INSERT_FAMILIES, [list(merged), list(merged.values())])
    return set(merged)


def _insert_clusters(conn: duckdb.DuckDBPyConnection, built: list[clustering.Built]) -> None:
    """Write clusters and their members through Arrow tables (see corpus_queries.NEW_ROWS)."""
    import pyarrow as pa

    if not built:
        return
    now = codec.utc_now()
    clusters = [c for c, _ in built]
    columns = {
        "cluster_id": [c.cluster_id for c in clusters], "block": [c.block for c in clusters],
        "cameo": [c.cameo for c in clusters], "cameo_root": [c.cameo_root for c in clusters],
        "quad_class": pa.array([c.quad_class for c in clusters], pa.int32()),
        "goldstein": pa.array([float(c.goldstein) for c in clusters], pa.float64()),
        "source_code": pa.array([c.source for c in clusters], pa.string()),
        "target_code": pa.array([c.target for c in clusters], pa.string()),
        "is_symmetric": [c.symmetric for c in clusters],
        "date": pa.array([c.date for c in clusters], pa.string()),
        "date_precision": pa.array([c.date_precision for c in clusters], pa.string()),
        "date_start": pa.array([c.date_start for c in clusters], pa.date32()),
        "date_end": pa.array([c.date_end for c in clusters], pa.date32()),
        "first_report": pa.array([c.first_report for c in clusters], pa.date32()),
        "last_report": pa.array([c.last_report for c in clusters], pa.date32()),
        "location_country": pa.array([c.location_country for c in clusters], pa.string()),
        "num_mentions": pa.array([c.num_mentions for c in clusters], pa.int32()),
        "num_documents": pa.array([c.num_documents for c in clusters], pa.int32()),
        "num_sources": pa.array([c.num_sources for c in clusters], pa.int32()),
        "representative_id": [c.representative_id for c in clusters],
        "updated_at": pa.array([now] * len(clusters), pa.timestamp("us")),
    }
    _insert_arrow(conn, cq.INSERT_CLUSTERS, pa.table(columns))
    members = [(m.event_id, c.cluster_id, m.doc_id, c.block, i)
               for c, found in built for i, m in enumerate(found)]
    names = cq.MEMBER_FIELDS
    table = pa.table({name: list(col) for name, col in zip(names, zip(*members))})
    _insert_arrow(conn, cq.INSERT_MEMBERS, table)


def _insert_arrow(conn: duckdb.DuckDBPyConnection, sql: str, table: Any) -> None:
    conn.register(cq.NEW_ROWS, table)
    try:
        conn.execute(sql)
    finally:
        conn.unregister(cq.NEW_ROWS)


def _cluster_from_row(row: Sequence[Any]) -> EventCluster:
    (cid, cameo, root, quad, goldstein, source, target, symmetric, date, precision, start, end,
     first, last, country, mentions, documents, sources, representative, block) = row
    return EventCluster(
        cluster_id=cid, cameo=cameo, cameo_root=root, quad_class=quad, goldstein=goldstein,
        source=source, target=target, symmetric=symmetric, date=date, date_precision=precision,
        date_start=start, date_end=end, first_report=first, last_report=last,
        location_country=country, num_mentions=mentions, num_documents=documents,
        num_sources=sources, representative_id=representative, block=block,
    )


def _export_row(row: Sequence[Any]) -> ExportRow:
    event = codec.event_from_row(row[:24])
    cid, mentions, documents, sources, url, publisher, doc_date, title = row[24:]
    return ExportRow(event, cid, mentions, documents, sources, url, publisher, doc_date, title)
