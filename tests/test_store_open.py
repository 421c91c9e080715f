"""Opening a store: new files and folders, and paths that cannot be a store."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tacitus.errors import StoreError
from tacitus.records import Document, Rejection
from tacitus.store import MIGRATIONS, Store


def test_creates_missing_parent_folders(tmp_path):
    path = tmp_path / "deep" / "er" / "t.duckdb"
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)
    assert path.is_file()


def test_a_directory_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="is a directory, not a store file") as err:
        Store(tmp_path)
    assert str(tmp_path) in str(err.value)


def test_a_text_file_is_not_a_store(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("Seoul and Tokyo met on Monday.\n" * 50)
    with pytest.raises(StoreError, match="notes.duckdb: cannot open the store: not a DuckDB"):
        Store(path)
    assert path.read_text().startswith("Seoul and Tokyo")


def test_read_only_needs_an_existing_store(tmp_path):
    missing = "missing.duckdb: cannot open read-only: the store does not exist"
    with pytest.raises(StoreError, match=missing):
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()


def test_read_only_store_reads_but_refuses_writes(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path) as store:
        store.add_document(Document(id="d1", ref="r1", origin="o", text="Calm."))
    with Store(path, read_only=True) as store:
        assert store.has_document("d1")
        refused = r"t.duckdb: cannot add 1 document\(s\): the store was opened read-only"
        with pytest.raises(StoreError, match=refused):
            store.add_document(Document(id="d2", ref="r2", origin="o", text="Calm again."))
        with pytest.raises(StoreError, match="read-only"):
            store.add_rejection(Rejection("o", None, "empty text"))
        with pytest.raises(StoreError, match="read-only"):
            store.begin_run("ingest", {})
        assert store.stats().documents == 1


def test_one_file_cannot_be_open_in_two_modes_in_one_process(tmp_path):
    path = tmp_path / "t.duckdb"
    with Store(path):
        with pytest.raises(StoreError, match="already open in this process in another mode"):
            Store(path, read_only=True)


def test_a_closed_store_says_so(tmp_path):
    store = Store(tmp_path / "t.duckdb")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="t.duckdb: store is closed"):
        store.has_document("d1")


def test_a_store_locked_by_another_writer(tmp_path):
    path = tmp_path / "t.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, duckdb; c = duckdb.connect(sys.argv[1]); print('open', flush=True); "
         "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        locked = "t.duckdb: cannot open the store: locked by another process"
        with pytest.raises(StoreError, match=locked):
            Store(path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store(path) as store:
        assert store.schema_version() == len(MIGRATIONS)


def test_in_memory_store(tmp_path):
    with Store(":memory:") as store:
        assert store.add_document(Document(id="d1", ref="r1", origin="o", text="Calm."))
        assert store.stats().documents == 1
