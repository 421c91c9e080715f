"""Named SQL: every statement the project runs, in one place, each with `?` parameters.

Why named constants: the CLI, the HTTP API and the dashboard all go through `Store` methods
built on these, so one query answers the same question everywhere. Values are never formatted
into these strings.
"""

from __future__ import annotations

# --- schema bookkeeping -------------------------------------------------------------------------

CREATE_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL
)"""

HAS_MIGRATIONS_TABLE = """
SELECT count(*) > 0 FROM information_schema.tables
WHERE table_name = 'schema_migrations' AND table_schema = 'main'"""

SCHEMA_VERSION = "SELECT coalesce(max(version), 0) FROM schema_migrations"

APPLIED_MIGRATIONS = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"

RECORD_MIGRATION = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"

# --- runs ---------------------------------------------------------------------------------------

BEGIN_RUN = "INSERT INTO runs (command, args, started_at) VALUES (?, ?, ?) RETURNING id"

FINISH_RUN = "UPDATE runs SET finished_at = ?, counts = ? WHERE id = ? RETURNING id"

LIST_RUNS = """
SELECT id, command, args, started_at, finished_at, counts
FROM runs ORDER BY id DESC LIMIT ? OFFSET ?"""

# --- documents ----------------------------------------------------------------------------------

HAS_DOCUMENT = "SELECT count(*) > 0 FROM documents WHERE id = ?"

DOCUMENT_STATUS = "SELECT status, reason FROM documents WHERE id = ?"

# Which of a batch of ids are already stored (one round trip for the whole batch).
EXISTING_IDS = "SELECT id FROM documents WHERE id IN (SELECT unnest(?::TEXT[]))"

# Column-wise batch inserts: one parameter per column, each a list; unnest zips them into rows.
INSERT_DOCUMENTS = """
INSERT INTO documents (id, ref, origin, record, url, source, title, date, date_source, lang,
                       text, status, reason, dropped, ingested_at, run_id, dateline)
SELECT unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]),
       unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::DATE[]),
       unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]),
       unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TIMESTAMP[]), unnest(?::BIGINT[]),
       unnest(?::TEXT[])"""

INSERT_SENTENCES = """
INSERT INTO sentences (doc_id, idx, start, "end", text, tokens)
SELECT unnest(?::TEXT[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]),
       unnest(?::TEXT[]), unnest(?::TEXT[])"""

GET_DOCUMENT = """
SELECT id, ref, origin, text, record, url, source, title, date, date_source, lang, status, reason,
       dropped, ingested_at, dateline
FROM documents WHERE id = ?"""

GET_SENTENCES = """
SELECT idx, start, "end", text, tokens FROM sentences WHERE doc_id = ? ORDER BY idx"""

# `?` status filter: NULL lists every status.
LIST_DOCUMENTS = """
WITH page AS (
    SELECT id, ref, origin, source, title, date, date_source, lang, status, reason, ingested_at
    FROM documents
    WHERE ?::TEXT IS NULL OR status = ?::TEXT
    ORDER BY ingested_at DESC, id
    LIMIT ? OFFSET ?
)
SELECT page.*, (SELECT count(*) FROM sentences s WHERE s.doc_id = page.id) AS n_sentences
FROM page ORDER BY ingested_at DESC, id"""

# --- rejections ---------------------------------------------------------------------------------

INSERT_REJECTION = """
INSERT INTO rejections (origin, record, record_key, ref, reason, run_id, "at")
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING
RETURNING id"""

LIST_REJECTIONS = """
SELECT origin, record, reason, ref FROM rejections ORDER BY id LIMIT ? OFFSET ?"""

# --- stats --------------------------------------------------------------------------------------

COUNT_DOCUMENTS_BY_STATUS = "SELECT status, count(*) FROM documents GROUP BY status ORDER BY status"

COUNT_DOCUMENTS_BY_SOURCE = """
SELECT coalesce(source, ?) AS source, count(*) AS n FROM documents
GROUP BY 1 ORDER BY n DESC, source LIMIT ?"""

COUNT_DOCUMENTS_BY_MONTH = """
SELECT coalesce(strftime(date, '%Y-%m'), ?) AS month, count(*) FROM documents
GROUP BY 1 ORDER BY month"""

COUNT_SENTENCES = "SELECT count(*) FROM sentences"

COUNT_REJECTIONS = "SELECT count(*) FROM rejections"

COUNT_REJECTIONS_BY_REASON = """
SELECT reason, count(*) AS n FROM rejections GROUP BY reason ORDER BY n DESC, reason LIMIT ?"""

COUNT_RUNS = "SELECT count(*) FROM runs"

# --- events (schema version 2) ------------------------------------------------------------------

DELETE_EVENTS_OF_DOCS = "DELETE FROM events WHERE doc_id IN (SELECT unnest(?::TEXT[]))"

DELETE_CODINGS_OF_DOCS = "DELETE FROM codings WHERE doc_id IN (SELECT unnest(?::TEXT[]))"

INSERT_EVENTS = """
INSERT INTO events (event_id, doc_id, sentence_index, char_start, char_end, source_code,
                    source_country, target_code, target_country, source, target, cameo,
                    cameo_root, goldstein, quad_class, plover, "trigger", date, date_precision,
                    date_text, date_source, modality, historical, location, confidence, date_end)
SELECT unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::INTEGER[]), unnest(?::INTEGER[]),
       unnest(?::INTEGER[]), unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]),
       unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]),
       unnest(?::TEXT[]), unnest(?::DOUBLE[]), unnest(?::INTEGER[]), unnest(?::TEXT[]),
       unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]),
       unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::BOOLEAN[]), unnest(?::TEXT[]),
       unnest(?::DOUBLE[]), unnest(?::TEXT[])"""

INSERT_CODINGS = """
INSERT INTO codings (doc_id, coder_version, coded_at, n_events)
SELECT unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TIMESTAMP[]), unnest(?::INTEGER[])"""

CODED_WITH = """
SELECT doc_id FROM codings
WHERE doc_id IN (SELECT unnest(?::TEXT[])) AND coder_version = ?"""

# Events joined to their document (doc_ref) and sentence (text): the event contract's fields.
_SELECT_EVENTS = """
SELECT e.event_id, e.doc_id, d.ref, e.sentence_index, s.text, e.char_start, e.char_end,
       e.source, e.target, e.cameo, e.cameo_root, e.goldstein, e.quad_class, e.plover,
       e."trigger", e.date, e.date_precision, e.date_text, e.date_source, e.modality,
       e.historical, e.location, e.confidence, e.date_end
FROM events e
JOIN documents d ON d.id = e.doc_id
JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_index"""

EVENTS_OF_DOC = _SELECT_EVENTS + """
WHERE e.doc_id = ?
ORDER BY e.sentence_index, e.char_start, e.event_id"""

LIST_EVENTS = _SELECT_EVENTS + """
ORDER BY d.date NULLS LAST, e.doc_id, e.sentence_index, e.event_id
LIMIT ? OFFSET ?"""

COUNT_EVENTS = "SELECT count(*) FROM events"

COUNT_CODED = "SELECT count(*) FROM codings"

# --- resumable runs (schema version 5) ----------------------------------------------------------

END_RUN = "UPDATE runs SET finished_at = ?, counts = ?, interrupted = ? WHERE id = ? RETURNING id"

RUN_STATE = "SELECT finished_at, interrupted FROM runs WHERE id = ?"

# What the ledger knows about a batch of inputs (origin, record_key, raw_hash zipped from three
# lists), prepared by one `prepared_by`: the document each became, its status, and its number of
# events when the given coder version (NULL: none) coded it.
LEDGER_LOOKUP = """
WITH k AS (
    SELECT unnest(?::TEXT[]) AS origin, unnest(?::TEXT[]) AS record_key, unnest(?::TEXT[]) AS raw_hash
)
SELECT i.origin, i.record_key, i.raw_hash, i.doc_id, i.reason, d.status, d.reason, c.n_events
FROM k
JOIN inputs i ON i.origin = k.origin AND i.record_key = k.record_key AND i.raw_hash = k.raw_hash
LEFT JOIN documents d ON d.id = i.doc_id
LEFT JOIN codings c ON c.doc_id = i.doc_id AND c.coder_version = ?::TEXT
WHERE i.prepared_by = ?"""

INSERT_INPUTS = """
INSERT INTO inputs (origin, record_key, raw_hash, prepared_by, doc_id, reason, run_id, seen_at)
SELECT unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::TEXT[]),
       unnest(?::TEXT[]), unnest(?::TEXT[]), unnest(?::BIGINT[]), unnest(?::TIMESTAMP[])
ON CONFLICT DO NOTHING"""

# Status of a batch of document ids, with the number of events when the given coder version
# (NULL: none) coded them: one round trip instead of one per document.
DOCUMENT_STATUSES = """
SELECT d.id, d.status, d.reason, c.n_events
FROM documents d
LEFT JOIN codings c ON c.doc_id = d.id AND c.coder_version = ?::TEXT
WHERE d.id IN (SELECT unnest(?::TEXT[]))"""

GET_DOCUMENTS = """
SELECT id, ref, origin, text, record, url, source, title, date, date_source, lang, status, reason,
       dropped, ingested_at, dateline
FROM documents WHERE id IN (SELECT unnest(?::TEXT[]))"""

GET_SENTENCES_OF_DOCS = """
SELECT doc_id, idx, start, "end", text, tokens FROM sentences
WHERE doc_id IN (SELECT unnest(?::TEXT[])) ORDER BY doc_id, idx"""

EVENTS_OF_DOCS = _SELECT_EVENTS + """
WHERE e.doc_id IN (SELECT unnest(?::TEXT[]))
ORDER BY e.doc_id, e.sentence_index, e.char_start, e.event_id"""
