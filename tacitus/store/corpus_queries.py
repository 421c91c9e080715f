"""Named SQL of the corpus view: filtered event listings, clusters, near-duplicates, aggregates.

Why the filter is composed here: an `EventFilter` turns into a WHERE clause made only of the
fixed fragments below, each with `?` parameters, so values are never formatted into SQL and the
CLI, API and exports ask the same question the same way. Aliases: `e` events, `d` documents,
`s` sentences, `m` cluster_members.
"""

from __future__ import annotations

from typing import Any

from tacitus.store.filters import EventFilter
from tacitus.store.queries import _SELECT_EVENTS

# The first and last day an event's date allows ("1997-11" -> Nov 1 .. Nov 30).
EVENT_START = """(CASE length(e.date)
    WHEN 10 THEN TRY_CAST(e.date AS DATE)
    WHEN 7 THEN TRY_CAST(e.date || '-01' AS DATE)
    WHEN 4 THEN TRY_CAST(e.date || '-01-01' AS DATE) END)"""
EVENT_END = """(CASE length(e.date)
    WHEN 10 THEN TRY_CAST(e.date AS DATE)
    WHEN 7 THEN last_day(TRY_CAST(e.date || '-01' AS DATE))
    WHEN 4 THEN TRY_CAST(e.date || '-12-31' AS DATE) END)"""

_SIDE = "(e.{side}_code = ? OR e.{side}_country = ?)"
_SOURCE_IS, _TARGET_IS = _SIDE.format(side="source"), _SIDE.format(side="target")

_TIES = "e.doc_id, e.sentence_index, e.char_start, e.event_id"
ORDERS = {
    "date": f"{EVENT_START} NULLS LAST, d.date NULLS LAST, {_TIES}",
    "-date": f"{EVENT_START} DESC NULLS LAST, d.date DESC NULLS LAST, {_TIES}",
}


def filter_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE condition (never empty: "TRUE" for no filter) and its parameters."""
    parts: list[str] = []
    params: list[Any] = []
    if f.dyad is not None:
        a, b = f.dyad
        forward = f"({_SOURCE_IS} AND {_TARGET_IS})"
        if f.directed:
            parts.append(forward)
            params += [a, a, b, b]
        else:
            parts.append(f"({forward} OR {forward})")
            params += [a, a, b, b, b, b, a, a]
    if f.actor is not None:
        parts.append(f"({_SOURCE_IS} OR {_TARGET_IS})")
        params += [f.actor] * 4
    if f.code is not None:
        parts.append("starts_with(e.cameo, ?)")
        params.append(f.code)
    if f.quad_class is not None:
        parts.append("e.quad_class = ?")
        params.append(f.quad_class)
    if f.date_from is not None:
        parts.append(f"{EVENT_END} >= ?")
        params.append(f.date_from)
    if f.date_to is not None:
        parts.append(f"{EVENT_START} <= ?")
        params.append(f.date_to)
    if f.modality is not None:
        parts.append("e.modality = ?")
        params.append(f.modality)
    if not f.include_historical:
        parts.append("NOT e.historical")
    if f.doc_id is not None:
        parts.append("e.doc_id = ?")
        params.append(f.doc_id)
    if f.text is not None:
        parts.append("strpos(lower(s.text), lower(?)) > 0")
        params.append(f.text.strip())
    return (" AND ".join(parts) or "TRUE"), params


def select_events(where: str, order: str) -> str:
    """Events (the event contract's columns) meeting `where`, in `order`, paged by LIMIT/OFFSET."""
    return f"{_SELECT_EVENTS}\nWHERE {where}\nORDER BY {ORDERS[order]}\nLIMIT ? OFFSET ?"


def count_events(where: str) -> str:
    return f"""
SELECT count(*) FROM events e
JOIN documents d ON d.id = e.doc_id
JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index
WHERE {where}"""


GET_EVENT = _SELECT_EVENTS + "\nWHERE e.event_id = ?"

EVENTS_BY_IDS = _SELECT_EVENTS + "\nWHERE e.event_id IN (SELECT unnest(?::TEXT[]))"

# --- clusters -----------------------------------------------------------------------------------

_CLUSTER_COLUMNS = """
c.cluster_id, c.cameo, c.cameo_root, c.quad_class, c.goldstein, c.source_code, c.target_code,
c.is_symmetric, c.date, c.date_precision, c.date_start, c.date_end, c.first_report, c.last_report,
c.location_country, c.num_mentions, c.num_documents, c.num_sources, c.representative_id, c.block"""


def _matching_clusters(where: str) -> str:
    return f"""
SELECT m.cluster_id FROM cluster_members m
JOIN events e ON e.event_id = m.event_id
JOIN documents d ON d.id = e.doc_id
JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index
WHERE {where}"""


def select_clusters(where: str) -> str:
    """Clusters with at least one member meeting `where`, earliest first, paged."""
    return f"""
SELECT {_CLUSTER_COLUMNS} FROM clusters c
WHERE c.cluster_id IN ({_matching_clusters(where)})
ORDER BY c.date_start NULLS LAST, c.first_report NULLS LAST, c.cluster_id
LIMIT ? OFFSET ?"""


def count_clusters(where: str) -> str:
    return f"SELECT count(DISTINCT cluster_id) FROM ({_matching_clusters(where)})"


GET_CLUSTER = f"SELECT {_CLUSTER_COLUMNS} FROM clusters c WHERE c.cluster_id = ?"

CLUSTER_OF_EVENT = f"""
SELECT {_CLUSTER_COLUMNS} FROM clusters c
WHERE c.cluster_id = (SELECT cluster_id FROM cluster_members WHERE event_id = ?)"""

MEMBERS_OF_CLUSTERS = """
SELECT cluster_id, event_id, doc_id FROM cluster_members
WHERE cluster_id IN (SELECT unnest(?::TEXT[]))
ORDER BY cluster_id, member_order"""

# What clustering needs of each event: actors, code, date, location country, and its
# document's date, near-duplicate family and the family's outlet.
_SELECT_MENTIONS = """
SELECT e.event_id, e.doc_id, coalesce(f.family_id, e.doc_id) AS family, cd.source, d.date,
       e.sentence_index, e.source_code, e.source_country, json_extract_string(e.source, '$.sector'),
       e.target_code, e.target_country, json_extract_string(e.target, '$.sector'), e.cameo,
       e.goldstein, e.date, e.date_precision, json_extract_string(e.location, '$.country')
FROM events e
JOIN documents d ON d.id = e.doc_id
LEFT JOIN doc_families f ON f.doc_id = e.doc_id
LEFT JOIN documents cd ON cd.id = coalesce(f.family_id, e.doc_id)"""

ALL_MENTIONS = _SELECT_MENTIONS

MENTIONS_OF_DOCS = _SELECT_MENTIONS + "\nWHERE e.doc_id IN (SELECT unnest(?::TEXT[]))"

# Members of these blocks, except those of the documents being recomputed (read fresh).
MENTIONS_IN_BLOCKS = _SELECT_MENTIONS + """
WHERE e.event_id IN (SELECT event_id FROM cluster_members WHERE block IN (SELECT unnest(?::TEXT[])))
  AND e.doc_id NOT IN (SELECT unnest(?::TEXT[]))"""

BLOCKS_OF_DOCS = """
SELECT DISTINCT block FROM cluster_members WHERE doc_id IN (SELECT unnest(?::TEXT[]))"""

DELETE_CLUSTERS_IN_BLOCKS = "DELETE FROM clusters WHERE block IN (SELECT unnest(?::TEXT[]))"

DELETE_MEMBERS_IN_BLOCKS = "DELETE FROM cluster_members WHERE block IN (SELECT unnest(?::TEXT[]))"

DELETE_ALL_CLUSTERS = "DELETE FROM clusters"

DELETE_ALL_MEMBERS = "DELETE FROM cluster_members"

# Cluster rows arrive as an Arrow table registered under this name (column-wise binding of
# tens of thousands of rows is several times faster through Arrow than through list parameters).
NEW_ROWS = "tacitus_new_rows"

CLUSTER_FIELDS = (
    "cluster_id", "block", "cameo", "cameo_root", "quad_class", "goldstein", "source_code",
    "target_code", "is_symmetric", "date", "date_precision", "date_start", "date_end",
    "first_report", "last_report", "location_country", "num_mentions", "num_documents",
    "num_sources", "representative_id", "updated_at",
)
MEMBER_FIELDS = ("event_id", "cluster_id", "doc_id", "block", "member_order")

INSERT_CLUSTERS = f"""
INSERT INTO clusters ({", ".join(CLUSTER_FIELDS)})
SELECT {", ".join(CLUSTER_FIELDS)} FROM {NEW_ROWS}"""

INSERT_MEMBERS = f"""
INSERT INTO cluster_members ({", ".join(MEMBER_FIELDS)})
SELECT {", ".join(MEMBER_FIELDS)} FROM {NEW_ROWS}"""

# DuckDB draws a progress bar on the terminal for long queries; the library never prints.
QUIET = "SET enable_progress_bar = false"

# --- near-duplicate documents -------------------------------------------------------------------

ALL_OK_DOCUMENTS = "SELECT id FROM documents WHERE status = 'ok' ORDER BY id"

UNINDEXED_OF = """
SELECT id FROM documents
WHERE status = 'ok' AND id IN (SELECT unnest(?::TEXT[]))
  AND id NOT IN (SELECT doc_id FROM doc_index)
ORDER BY id"""

ALL_UNINDEXED = """
SELECT id FROM documents WHERE status = 'ok' AND id NOT IN (SELECT doc_id FROM doc_index)
ORDER BY id"""

DOCUMENT_TEXTS = "SELECT id, text FROM documents WHERE id IN (SELECT unnest(?::TEXT[]))"

DOCUMENT_DATES = "SELECT id, date FROM documents WHERE id IN (SELECT unnest(?::TEXT[]))"

# Stored documents sharing a band hash with any of the given (doc, band, hash) rows.
BAND_MATCHES = """
WITH q AS (SELECT unnest(?::TEXT[]) AS doc_id, unnest(?::SMALLINT[]) AS band,
                  unnest(?::BIGINT[]) AS hash)
SELECT DISTINCT q.doc_id, b.doc_id FROM q
JOIN doc_bands b ON b.band = q.band AND b.hash = q.hash
WHERE b.doc_id <> q.doc_id"""

INSERT_INDEX = """
INSERT INTO doc_index (doc_id, n_shingles, indexed_at)
SELECT unnest(?::TEXT[]), unnest(?::INTEGER[]), unnest(?::TIMESTAMP[])"""

INSERT_BANDS = """
INSERT INTO doc_bands (doc_id, band, hash)
SELECT unnest(?::TEXT[]), unnest(?::SMALLINT[]), unnest(?::BIGINT[])"""

INSERT_NEAR_DUPLICATE = """
INSERT INTO near_duplicates (doc_id, other_id, jaccard, containment) VALUES (?, ?, ?, ?)
ON CONFLICT DO NOTHING"""

# Every document of the families that these documents belong to.
FAMILIES_OF = """
SELECT doc_id, family_id FROM doc_families
WHERE family_id IN (SELECT family_id FROM doc_families WHERE doc_id IN (SELECT unnest(?::TEXT[])))"""

DELETE_FAMILIES_OF_DOCS = "DELETE FROM doc_families WHERE doc_id IN (SELECT unnest(?::TEXT[]))"

INSERT_FAMILIES = """
INSERT INTO doc_families (doc_id, family_id) SELECT unnest(?::TEXT[]), unnest(?::TEXT[])"""

FAMILY_OF = """
SELECT f.doc_id FROM doc_families f
JOIN documents d ON d.id = f.doc_id
WHERE f.family_id = (SELECT family_id FROM doc_families WHERE doc_id = ?) AND f.doc_id <> ?
ORDER BY f.doc_id = f.family_id DESC, d.date NULLS LAST, f.doc_id"""

NEAR_DUPLICATE_PAIRS = """
SELECT doc_id, other_id, jaccard, containment FROM near_duplicates
WHERE doc_id = ? OR other_id = ? ORDER BY doc_id, other_id"""

# --- counts -------------------------------------------------------------------------------------

CORPUS_COUNTS = """
SELECT
  (SELECT count(*) FROM documents WHERE status = 'ok'),
  (SELECT count(*) FROM documents dd WHERE status = 'ok'
     AND NOT EXISTS (SELECT 1 FROM doc_families f WHERE f.doc_id = dd.id AND f.family_id <> dd.id)),
  (SELECT count(*) FROM documents WHERE status = 'ok' AND id NOT IN (SELECT doc_id FROM doc_index)),
  (SELECT count(*) FROM events),
  (SELECT count(*) FROM clusters),
  (SELECT count(*) FROM clusters WHERE num_documents >= 2),
  (SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM cluster_members))"""

# --- aggregates for analysis --------------------------------------------------------------------

def select_facts(where: str) -> str:
    """The few fields a dyad series needs, with each event's cluster (NULL if unclustered)."""
    return f"""
SELECT e.event_id, e.date, e.date_precision, e.source_code, e.source_country, e.target_code,
       e.target_country, e.cameo, e.quad_class, e.goldstein, m.cluster_id, c.representative_id
FROM events e
JOIN documents d ON d.id = e.doc_id
JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index
LEFT JOIN cluster_members m ON m.event_id = e.event_id
LEFT JOIN clusters c ON c.cluster_id = m.cluster_id
WHERE {where}
ORDER BY {ORDERS['date']}"""


ACTOR_KEYS = {
    "code": ("e.source_code", "e.target_code"),
    "country": ("coalesce(e.source_country, e.source_code)", "coalesce(e.target_country, e.target_code)"),
}


def select_edges(where: str, by: str, unique: bool) -> str:
    """Events grouped by (source, target) actor key; with `unique`, one event per cluster and
    edge (an unclustered event is its own cluster)."""
    source, target = ACTOR_KEYS[by]
    keep = "QUALIFY row_number() OVER (PARTITION BY unit, src, tgt ORDER BY e.event_id) = 1" if unique else ""
    return f"""
WITH ev AS (
    SELECT {source} AS src, {target} AS tgt, e.goldstein, e.quad_class,
           coalesce(m.cluster_id, e.event_id) AS unit
    FROM events e
    JOIN documents d ON d.id = e.doc_id
    JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index
    LEFT JOIN cluster_members m ON m.event_id = e.event_id
    WHERE {where}
    {keep}
)
SELECT src, tgt, count(*), sum(goldstein), count(*) FILTER (quad_class = 1),
       count(*) FILTER (quad_class = 2), count(*) FILTER (quad_class = 3),
       count(*) FILTER (quad_class = 4)
FROM ev GROUP BY src, tgt ORDER BY src NULLS LAST, tgt NULLS LAST"""


def select_export(where: str, clusters: bool) -> str:
    """Event-contract columns plus cluster counts and document metadata, in date order; with
    `clusters`, one row per matching cluster (its representative event)."""
    base = _SELECT_EVENTS.replace(
        "FROM events e",
        ", m.cluster_id, c.num_mentions, c.num_documents, c.num_sources, d.url, d.source, d.date, "
        "d.title\nFROM events e",
        1,
    ) + """
LEFT JOIN cluster_members m ON m.event_id = e.event_id
LEFT JOIN clusters c ON c.cluster_id = m.cluster_id"""
    if clusters:
        where = f"e.event_id = c.representative_id AND c.cluster_id IN ({_matching_clusters(where)})"
    return f"{base}\nWHERE {where}\nORDER BY {ORDERS['date']}"
