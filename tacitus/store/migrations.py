"""Schema migrations: an ordered list, each applied once in its own transaction and recorded.

Why a list and not "CREATE TABLE IF NOT EXISTS" everywhere: a store written by an older Tacitus
must be upgraded in place, step by step, and we must be able to say which steps a file has seen.
Adding a table (the events table, say) is one new `Migration` appended to `MIGRATIONS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import duckdb

from tacitus.errors import StoreError
from tacitus.store import queries as q

# A migration is SQL (one or more statements) or a callable given the open connection, for
# steps that need Python (back-filling a column from JSON, say). Either runs inside the
# transaction `apply_pending` opens, so it must not begin, commit or roll back itself.
MigrationStep = str | Callable[[duckdb.DuckDBPyConnection], None]


@dataclass(slots=True, frozen=True)
class Migration:
    """One schema step: applied at most once per store, in version order."""

    version: int
    name: str
    step: MigrationStep


SCHEMA_V1 = """
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,        -- content hash of the normalised clean text
    ref         TEXT NOT NULL,
    origin      TEXT NOT NULL,
    record      TEXT,
    url         TEXT,
    source      TEXT,
    title       TEXT,
    date        DATE,
    date_source TEXT NOT NULL,
    lang        TEXT,
    text        TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('ok', 'rejected')),
    reason      TEXT,
    dropped     JSON NOT NULL,           -- list of clutter lines, in page order
    ingested_at TIMESTAMP NOT NULL,      -- UTC
    run_id      BIGINT
);
CREATE TABLE sentences (
    doc_id  TEXT NOT NULL,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    -- JSON list of token rows (see tacitus.store.codec). TEXT, not the JSON type: re-parsing
    -- every sentence's tokens to validate them cost a quarter of bulk-ingest time.
    tokens  TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE SEQUENCE rejections_id_seq START 1;
CREATE TABLE rejections (
    id          BIGINT PRIMARY KEY DEFAULT nextval('rejections_id_seq'),
    origin      TEXT NOT NULL,
    record      TEXT,
    record_key  TEXT NOT NULL,           -- coalesce(record, ''): NULLs never compare equal
    ref         TEXT,
    reason      TEXT NOT NULL,
    run_id      BIGINT,
    "at"        TIMESTAMP NOT NULL,      -- UTC (quoted: AT is a keyword)
    UNIQUE (origin, record_key, reason)
);
CREATE SEQUENCE runs_id_seq START 1;
-- runs.id has no PRIMARY KEY on purpose: finish_run updates the row, and DuckDB before 1.2
-- rejects such an UPDATE inside a transaction as a duplicate key. The sequence keeps ids unique.
CREATE TABLE runs (
    id          BIGINT NOT NULL DEFAULT nextval('runs_id_seq'),
    command     TEXT NOT NULL,
    args        JSON NOT NULL,
    started_at  TIMESTAMP NOT NULL,      -- UTC
    finished_at TIMESTAMP,               -- UTC; NULL while running or after a crash
    counts      JSON
);
"""

# The schema history, oldest first. To change the schema, append one entry; never edit one
# that has shipped (stores in the field have already applied it).
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, sentences, rejections, runs", SCHEMA_V1),
)


def check_order(migrations: Sequence[Migration]) -> None:
    """Versions must run 1, 2, 3, ... so that 'version N' names one schema, everywhere."""
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:
            raise StoreError(
                f"migration list is out of order: expected version {expected}, "
                f"found {migration.version} ({migration.name!r}); versions must run 1, 2, 3, ..."
            )


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The highest applied version; 0 for a store without the bookkeeping table."""
    if not conn.execute(q.HAS_MIGRATIONS_TABLE).fetchone()[0]:
        return 0
    return int(conn.execute(q.SCHEMA_VERSION).fetchone()[0])


def applied(conn: duckdb.DuckDBPyConnection) -> list[tuple[int, str, dt.datetime]]:
    """(version, name, applied_at in UTC) for every recorded migration, oldest first."""
    if not conn.execute(q.HAS_MIGRATIONS_TABLE).fetchone()[0]:
        return []
    rows = conn.execute(q.APPLIED_MIGRATIONS).fetchall()
    return [(int(v), str(n), at.replace(tzinfo=dt.UTC)) for v, n, at in rows]


def pending(conn: duckdb.DuckDBPyConnection, migrations: Sequence[Migration]) -> list[Migration]:
    """Migrations the store has not seen; refuses a store newer than this code knows."""
    version = current_version(conn)
    if version > len(migrations):
        raise StoreError(
            f"store is at schema version {version} but this Tacitus knows versions up to "
            f"{len(migrations)}; use a newer Tacitus to open it"
        )
    return list(migrations[version:])


def apply_pending(conn: duckdb.DuckDBPyConnection, migrations: Sequence[Migration]) -> list[int]:
    """Apply each pending migration in its own transaction; return the versions applied."""
    check_order(migrations)
    conn.execute(q.CREATE_MIGRATIONS_TABLE)
    done = []
    for migration in pending(conn, migrations):
        _apply_one(conn, migration)
        done.append(migration.version)
    return done


def _apply_one(conn: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    """Run one step and record it, or roll back both and say which step failed."""
    conn.begin()
    try:
        if isinstance(migration.step, str):
            conn.execute(migration.step)
        else:
            migration.step(conn)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        conn.execute(q.RECORD_MIGRATION, [migration.version, migration.name, now])
        conn.commit()
    except Exception as exc:
        conn.rollback()
        raise StoreError(
            f"migration {migration.version} ({migration.name!r}) failed and was rolled back: {exc}"
        ) from exc


SCHEMA_V2 = """
CREATE TABLE events (
    event_id       TEXT PRIMARY KEY,
    doc_id         TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    char_start     INTEGER NOT NULL,
    char_end       INTEGER NOT NULL,
    source_code    TEXT,
    source_country TEXT,
    target_code    TEXT,
    target_country TEXT,
    source         JSON,                 -- the Actor as in the event contract
    target         JSON,
    cameo          TEXT NOT NULL,
    cameo_root     TEXT NOT NULL,
    goldstein      DOUBLE NOT NULL,
    quad_class     INTEGER NOT NULL,
    plover         JSON NOT NULL,
    "trigger"      JSON NOT NULL,
    date           TEXT,                 -- YYYY-MM-DD, YYYY-MM or YYYY
    date_precision TEXT,
    date_text      TEXT,
    date_source    TEXT NOT NULL,
    modality       TEXT NOT NULL,
    historical     BOOLEAN NOT NULL,
    location       JSON,
    confidence     DOUBLE NOT NULL
);
-- Which documents were coded, by which coder version: a document coded with no events still
-- has a row here, so a rerun knows it was done.
CREATE TABLE codings (
    doc_id        TEXT PRIMARY KEY,
    coder_version TEXT NOT NULL,
    coded_at      TIMESTAMP NOT NULL,    -- UTC
    n_events      INTEGER NOT NULL
);
"""

MIGRATIONS = MIGRATIONS + (Migration(2, "events and codings", SCHEMA_V2),)

# The page's dateline, kept so the coder can fall back to its city as an event's location.
SCHEMA_V3 = "ALTER TABLE documents ADD COLUMN dateline TEXT"

MIGRATIONS = MIGRATIONS + (Migration(3, "document datelines", SCHEMA_V3),)

# Corpus view (tacitus.corpus, tacitus.store.corpus): near-duplicate documents and event clusters.
# doc_index lists the documents already checked for near-duplicates (with or without bands);
# doc_bands holds their LSH band hashes; near_duplicates the verified pairs (doc_id < other_id);
# doc_families maps every document that has a near-duplicate to its group's canonical document.
# Every clustered event has one cluster_members row; `block` is the comparison block, so a block
# can be recomputed without touching the rest. clusters and cluster_members have no PRIMARY KEY
# on purpose: they are rewritten block by block, and maintaining an ART index made committing a
# full recomputation ten times slower; the clustering code guarantees the ids are unique.
SCHEMA_V4 = """
CREATE TABLE doc_index (
    doc_id      TEXT PRIMARY KEY,
    n_shingles  INTEGER NOT NULL,
    indexed_at  TIMESTAMP NOT NULL       -- UTC
);
CREATE TABLE doc_bands (
    doc_id  TEXT NOT NULL,
    band    SMALLINT NOT NULL,
    hash    BIGINT NOT NULL
);
CREATE TABLE near_duplicates (
    doc_id      TEXT NOT NULL,
    other_id    TEXT NOT NULL,
    jaccard     DOUBLE NOT NULL,
    containment DOUBLE NOT NULL,
    PRIMARY KEY (doc_id, other_id)
);
CREATE TABLE doc_families (
    doc_id    TEXT PRIMARY KEY,
    family_id TEXT NOT NULL
);
CREATE TABLE clusters (
    cluster_id        TEXT NOT NULL,     -- hash of the sorted member event ids (unique)
    block             TEXT NOT NULL,
    cameo             TEXT NOT NULL,
    cameo_root        TEXT NOT NULL,
    quad_class        INTEGER NOT NULL,
    goldstein         DOUBLE NOT NULL,
    source_code       TEXT,
    target_code       TEXT,
    is_symmetric      BOOLEAN NOT NULL,
    date              TEXT,
    date_precision    TEXT,
    date_start        DATE,
    date_end          DATE,
    first_report      DATE,
    last_report       DATE,
    location_country  TEXT,
    num_mentions      INTEGER NOT NULL,
    num_documents     INTEGER NOT NULL,
    num_sources       INTEGER NOT NULL,
    representative_id TEXT NOT NULL,
    updated_at        TIMESTAMP NOT NULL -- UTC
);
CREATE TABLE cluster_members (
    event_id   TEXT NOT NULL,            -- unique: an event is in one cluster
    cluster_id TEXT NOT NULL,
    doc_id     TEXT NOT NULL,
    block      TEXT NOT NULL,
    member_order INTEGER NOT NULL        -- 0 is the representative
);
"""

MIGRATIONS = MIGRATIONS + (Migration(4, "near-duplicates and event clusters", SCHEMA_V4),)

# Resumable runs (tacitus.pipeline, tacitus.ledger). `inputs` is the input ledger: which raw input
# (origin, record, hash of what the reader found), prepared by which extraction code and options,
# became which document (or was rejected, with the reason). Insert-only: a changed input simply
# misses. `runs.interrupted` marks a run stopped by Ctrl-C (a run with no finished_at crashed).
SCHEMA_V5 = """
CREATE TABLE inputs (
    origin      TEXT NOT NULL,
    record_key  TEXT NOT NULL,           -- coalesce(record, '')
    raw_hash    TEXT NOT NULL,
    prepared_by TEXT NOT NULL,           -- tacitus.ledger.prepared_by
    doc_id      TEXT,                    -- the document it became; NULL when rejected
    reason      TEXT,                    -- why it was rejected before becoming a document
    run_id      BIGINT,
    seen_at     TIMESTAMP NOT NULL,      -- UTC
    PRIMARY KEY (origin, record_key, raw_hash, prepared_by)
);
ALTER TABLE runs ADD COLUMN interrupted BOOLEAN DEFAULT false;
"""

MIGRATIONS = MIGRATIONS + (Migration(5, "input ledger and interrupted runs", SCHEMA_V5),)

# Event date ranges: "talks on Dec. 7-12" is dated 1997-12-07 with `date_end` 1997-12-12 (the
# range's end in the format of `date`); NULL for every other event, and for events stored before.
SCHEMA_V6 = """
ALTER TABLE events ADD COLUMN date_end TEXT;
"""

MIGRATIONS = MIGRATIONS + (Migration(6, "event date ranges", SCHEMA_V6),)
