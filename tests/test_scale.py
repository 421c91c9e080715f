"""Dask plumbing: the same pure function on a dask bag and on a LocalCluster (127.0.0.1 only), and
Parquet batches that load into the store once however often they are loaded."""

from __future__ import annotations

import pytest

from tacitus import batchfile
from tacitus.errors import ConfigError
from tacitus.events.coder import CoderOptions, coder_version
from tacitus.ledger import prepared_by
from tacitus.pipeline import RunSettings, run
from tacitus.prepare import PrepareOptions
from tacitus.records import RawInput, Rejection
from tacitus.scale import DaskExecutor, code_bag, code_partition, parse_target
from tacitus.store import Store
from tacitus.workers import WorkOptions, process_batch

WORK = WorkOptions(prepare=PrepareOptions(), batch_size=4, coder=CoderOptions())
STORIES = [
    "Chile and Peru held talks on their maritime border in Lima on Wednesday, officials said.",
    "Bolivia accused Chile of blocking its access to the sea, the foreign ministry said on Friday.",
    "Kenya and Uganda signed a trade agreement in Nairobi on Thursday.",
    "Too short.",
    "Norway praised Sweden for its help after the storm, the prime minister said on Monday.",
    "Japan and Vietnam held talks on maritime security in Hanoi on Tuesday.",
]


def _inputs() -> list[RawInput]:
    return [RawInput(origin="wire.jsonl", record=f"line {i + 1}", ref=f"w{i}", kind="article", content=text)
            for i, text in enumerate(STORIES)]


def _summary(results):
    return [(r.ref, r.reason) if isinstance(r, Rejection) else
            (r.ref, r.id, sorted((e.event_id, e.cameo) for e in r.events)) for r in results]


def test_dask_targets_are_local_n_or_a_scheduler_address():
    assert parse_target("local:2") == ("local", 2)
    assert parse_target("tcp://10.0.0.5:8786") == ("address", "tcp://10.0.0.5:8786")
    for bad in ("local:0", "local:two", "10.0.0.5:8786", "tcp://"):
        with pytest.raises(ConfigError, match="expected local:N"):
            parse_target(bad)


def test_the_pure_function_on_a_dask_bag_gives_what_a_direct_call_gives():
    import dask.bag as db

    direct = process_batch(_inputs(), WORK)
    bagged = code_bag(db.from_sequence(_inputs(), npartitions=3), WORK).compute(scheduler="synchronous")
    assert _summary(bagged) == _summary(direct)
    assert [type(r).__name__ for r in direct] == ["Document"] * 3 + ["Rejection"] + ["Document"] * 2
    assert sum(len(r.events) for r in direct if not isinstance(r, Rejection)) == 8


def test_a_parquet_batch_reads_back_to_equal_records(tmp_path):
    results = process_batch(_inputs(), WORK)
    path = code_partition(_inputs(), WORK, str(tmp_path))
    assert path.startswith(str(tmp_path)) and path.endswith(".parquet")
    assert batchfile.read(path) == results
    assert batchfile.read(code_partition(_inputs(), WORK)) == results  # bytes, no folder


def test_loading_a_batch_twice_stores_it_once(tmp_path):
    path = code_partition(_inputs(), WORK, str(tmp_path))
    docs = [r for r in batchfile.read(path) if not isinstance(r, Rejection)]
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write_batch(docs, coder_version=coder_version(CoderOptions())) == 5
        before = store.stats().to_json()
        assert store.write_batch(batchfile.read(path)[:3], coder_version=coder_version(CoderOptions())) == 0
        assert store.stats().to_json() == before
        assert before["events"] == 8 and before["coded"] == 5


def test_a_local_cluster_run_equals_an_in_process_run(tmp_path):
    from distributed import Client, LocalCluster

    settings = RunSettings(prepared_by(WORK.prepare), coder_version(CoderOptions()), batch_size=2)
    local = _run(tmp_path / "local.duckdb", None, settings)
    folder = tmp_path / "batches"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        executor = DaskExecutor(client, WORK, folder)
        assert executor.slots == 2
        distributed = _run(tmp_path / "dask.duckdb", executor, settings)
    assert distributed == local
    assert distributed[0]["events"] == 8 and distributed[0]["rejected"] == 1
    assert list(folder.iterdir()) == []  # every batch file loaded, then removed


def _run(db, executor, settings):
    from tacitus.workers import InProcess

    with Store(db) as store:
        report = run(iter(_inputs()), store, executor or InProcess(WORK), settings)
        return report.counts(), sorted(e.event_id for e in store.events(limit=100))
