"""Resumable and incremental runs: the input ledger skips finished work before any worker sees it,
--recode codes again from the stored parse, a stop leaves whole batches only."""

from __future__ import annotations

import threading

import pytest

from tacitus.events.coder import CoderOptions, coder_version, load_coder
from tacitus.ledger import input_key, prepared_by
from tacitus.pipeline import RunSettings, run
from tacitus.prepare import PrepareOptions
from tacitus.records import Document, RawInput
from tacitus.store import Store
from tacitus.workers import Engine, InProcess, WorkOptions

OPTIONS = PrepareOptions()
PAIRS = [("Chile", "Peru"), ("Kenya", "Uganda"), ("Norway", "Sweden"), ("Ghana", "Togo")]


def _story(i: int, note: str = "") -> RawInput:
    a, b = PAIRS[i % len(PAIRS)]
    text = f"{a} and {b} held talks on border trade on Monday, officials said in report {i}.{note}"
    return RawInput(origin="feed.jsonl", record=f"line {i + 1}", ref=f"r{i}", kind="article", content=text)


class Recording(InProcess):
    """The in-process executor, remembering what each job held: raw inputs or stored documents."""

    def __init__(self, work: WorkOptions, engine: Engine) -> None:
        super().__init__(work, engine)
        self.jobs: list[list[str]] = []

    def submit(self, items, last):
        self.jobs.append([("raw " + i.ref) if isinstance(i, RawInput) else ("stored " + i.ref) for i in items])
        return super().submit(items, last)


@pytest.fixture(scope="module")
def coder():
    return load_coder(CoderOptions())


@pytest.fixture()
def runner(nlp, coder, tmp_path):
    """Run the pipeline into one store file; returns (report, executor, refs handed on)."""
    def go(inputs, coded=True, recode=False, batch_size=4, stop=None, on_document=None):
        work = WorkOptions(prepare=OPTIONS, batch_size=batch_size, coder=CoderOptions() if coded else None)
        version = coder_version(CoderOptions()) if coded else None
        settings = RunSettings(prepared_by(OPTIONS), version, recode, batch_size)
        executor = Recording(work, Engine(nlp, coder if coded else None))
        seen: list[str] = []

        def hand_on(doc):
            seen.append(f"{doc.ref}:{len(doc.events or [])}")
            if on_document:
                on_document(doc)

        with Store(tmp_path / "s.duckdb") as store:
            report = run(iter(inputs), store, executor, settings, on_document=hand_on, stop=stop)
        return report, executor, seen
    return go


def test_a_rerun_skips_finished_inputs_before_any_work(runner, tmp_path):
    inputs = [_story(i) for i in range(6)]
    first, executor, seen = runner(inputs)
    assert executor.jobs == [["raw r0", "raw r1", "raw r2", "raw r3"], ["raw r4", "raw r5"]]
    assert (first.stored, first.coded, first.events) == (6, 6, 12)
    again, executor, seen_again = runner(inputs)
    assert executor.jobs == []  # nothing prepared, parsed or coded
    assert (again.stored, again.duplicates, again.coded, again.events) == (0, 6, 0, 12)
    assert seen_again == seen == [f"r{i}:2" for i in range(6)]  # stored events handed on, in order
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.stats().documents == 6 and store.stats().events == 12


def test_a_changed_input_is_prepared_again_and_a_new_one_is_added(runner):
    inputs = [_story(i) for i in range(3)]
    runner(inputs)
    changed = [inputs[0], _story(1, " Talks resume in June."), inputs[2], _story(3)]
    report, executor, _ = runner(changed)
    assert executor.jobs == [["raw r1", "raw r3"]]
    assert (report.stored, report.duplicates) == (2, 2)


def test_ingested_documents_are_coded_from_their_stored_parse(runner):
    inputs = [_story(i) for i in range(3)]
    report, executor, _ = runner(inputs, coded=False)
    assert (report.stored, report.coded, report.events) == (3, 0, 0)
    report, executor, seen = runner(inputs)
    assert executor.jobs == [["stored r0", "stored r1", "stored r2"]]  # not parsed again
    assert (report.stored, report.duplicates, report.coded, report.events) == (0, 3, 3, 6)
    assert seen == ["r0:2", "r1:2", "r2:2"]


def test_recode_codes_again_from_the_stored_parse(runner, tmp_path):
    inputs = [_story(i) for i in range(3)]
    runner(inputs)
    report, executor, _ = runner(inputs, recode=True)
    assert executor.jobs == [["stored r0", "stored r1", "stored r2"]]
    assert (report.coded, report.events) == (3, 6)
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.stats().events == 6 and store.stats().coded == 3  # replaced, not added


def test_the_same_text_from_another_input_is_a_duplicate(runner):
    inputs = [_story(i) for i in range(2)]
    runner(inputs)
    copy = RawInput(origin="copy.txt", record=None, ref="copy.txt", kind="article", content=inputs[1].content)
    report, executor, seen = runner([copy])
    assert executor.jobs == [["raw copy.txt"]]  # unknown input: prepared and parsed ...
    assert (report.stored, report.duplicates, report.events) == (0, 1, 2)  # ... then found stored
    assert seen == ["r1:2"]  # the stored document, as stored


def test_a_stop_leaves_whole_batches_and_a_rerun_finishes(runner, tmp_path):
    inputs = [_story(i) for i in range(10)]
    stop = threading.Event()

    def stop_after_first_document(doc):
        stop.set()  # as a Ctrl-C would, while the first batch is being handed on

    report, executor, _ = runner(inputs, batch_size=3, stop=stop, on_document=stop_after_first_document)
    assert report.interrupted
    assert (report.inputs, report.stored) == (3, 3)  # the first batch only, whole
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.stats().documents == 3
    report, executor, seen = runner(inputs, batch_size=3)
    assert not report.interrupted
    assert (report.stored, report.duplicates) == (7, 3)
    assert executor.jobs[0] == ["raw r3", "raw r4", "raw r5"]


def test_the_ledger_records_rejections_too(runner, tmp_path):
    short = RawInput(origin="feed.jsonl", record="line 9", ref="r9", kind="article", content="Too short.")
    runner([short])
    report, executor, _ = runner([short])
    assert executor.jobs == []
    assert report.rejected == 1 and report.examples[0].reason == "no article text after boilerplate removal"
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        hit = store.input_outcomes([input_key(short)], prepared_by(OPTIONS))[input_key(short)]
        assert (hit.doc_id, hit.reason, hit.stored) == (None, "no article text after boilerplate removal", None)
        assert store.stats().rejections == 1


def test_status_lookups_are_one_query_per_batch(tmp_path, nlp):
    with Store(tmp_path / "s.duckdb") as store:
        docs = [Document(id=f"id{i}", ref=f"r{i}", origin="o", text=f"text {i}") for i in range(5)]
        store.write_batch(docs[:3])
        statuses = store.document_statuses([d.id for d in docs], "any-version")
        assert sorted(statuses) == ["id0", "id1", "id2"]
        assert {s.status for s in statuses.values()} == {"ok"} and {s.n_events for s in statuses.values()} == {None}
