"""Schema migrations: recorded once, applied in order, upgrading an older store in place."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from tacitus.errors import StoreError
from tacitus.store import MIGRATIONS, Migration, Store

# The injection tests below build on schema version 1 alone, with made-up later steps.
V1 = MIGRATIONS[:1]


def _insert_v1_document(path, doc_id: str) -> None:
    """A document row as a version-1 Tacitus wrote it (today's code writes later columns)."""
    with duckdb.connect(str(path)) as conn:
        conn.execute(
            "INSERT INTO documents (id, ref, origin, text, date_source, status, dropped, ingested_at) "
            "VALUES (?, 'r1', 'o', 'Calm.', 'unknown', 'ok', '[]', now())",
            [doc_id],
        )
EVENTS_V2 = Migration(2, "events", "CREATE TABLE events (event_id TEXT PRIMARY KEY, doc_id TEXT)")


def test_a_new_store_records_every_migration(tmp_path):
    before = dt.datetime.now(dt.UTC)
    with Store(tmp_path / "t.duckdb") as store:
        assert store.schema_version() == len(MIGRATIONS) == 6
        applied = store.applied_migrations()
    assert [(v, n) for v, n, _ in applied] == [
        (1, MIGRATIONS[0].name), (2, "events and codings"), (3, "document datelines"),
        (4, "near-duplicates and event clusters"), (5, "input ledger and interrupted runs"),
        (6, "event date ranges")]
    assert all(before <= at <= dt.datetime.now(dt.UTC) for _, _, at in applied)


def test_a_real_version_one_store_upgrades_to_events(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path, migrations=V1).close()
    _insert_v1_document(path, "d1")
    with Store(path) as store:
        assert store.schema_version() == 6
        assert store.has_document("d1") and store.events_of("d1") == []
        assert store.get_document("d1").dateline is None
        assert store.stats().events == 0


def test_reopening_applies_nothing_again(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        first = store.applied_migrations()
    with Store(path) as store:
        assert store.applied_migrations() == first


def test_a_version_one_store_upgrades_and_keeps_its_data(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path, migrations=V1).close()
    _insert_v1_document(path, "d1")
    calls = []

    def backfill(conn: duckdb.DuckDBPyConnection) -> None:
        calls.append(1)
        conn.execute("INSERT INTO events SELECT 'e-' || id, id FROM documents")

    later = V1 + (EVENTS_V2, Migration(3, "backfill events", backfill))
    with Store(path, migrations=later) as store:
        assert store.schema_version() == 3
        assert [(v, n) for v, n, _ in store.applied_migrations()] == [
            (1, MIGRATIONS[0].name), (2, "events"), (3, "backfill events")]
        assert store.has_document("d1")
    with Store(path, migrations=later) as store:
        assert store.schema_version() == 3
    assert calls == [1]
    with duckdb.connect(str(path), read_only=True) as conn:
        assert conn.execute("SELECT event_id, doc_id FROM events").fetchall() == [("e-d1", "d1")]


def test_a_failing_migration_is_rolled_back(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path, migrations=V1).close()
    broken = Migration(2, "half done", "CREATE TABLE half (x INT); SELECT * FROM no_such_table")
    with pytest.raises(StoreError, match=r"t\.duckdb: migration 2 \('half done'\) failed"):
        Store(path, migrations=V1 + (broken,))
    with Store(path, migrations=V1) as store:
        assert store.schema_version() == 1
    with duckdb.connect(str(path), read_only=True) as conn:
        rows = conn.execute("SELECT table_name FROM information_schema.tables").fetchall()
    tables = {row[0] for row in rows}
    assert "half" not in tables


def test_migrations_out_of_order_are_refused(tmp_path):
    gap = V1 + (Migration(3, "skips two", "SELECT 1"),)
    with pytest.raises(StoreError, match="expected version 2, found 3"):
        Store(tmp_path / "t.duckdb", migrations=gap)


def test_a_store_newer_than_the_code_is_refused(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path, migrations=V1 + (EVENTS_V2,)).close()
    newer = "schema version 2 but this Tacitus knows versions up to 1; use a newer Tacitus"
    with pytest.raises(StoreError, match=newer):
        Store(path, migrations=V1)


def test_read_only_store_behind_the_code_is_refused(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path, migrations=V1).close()
    with pytest.raises(StoreError, match="at schema version 1, this Tacitus needs version 2"):
        Store(path, read_only=True, migrations=V1 + (EVENTS_V2,))
