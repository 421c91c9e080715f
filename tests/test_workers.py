"""The per-batch work and its executors: one pure function, the same results in-process and in
worker processes, in input order."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.events.coder import CoderOptions, coder_version, load_coder
from tacitus.ledger import prepared_by
from tacitus.pipeline import RunSettings, run
from tacitus.prepare import PrepareOptions
from tacitus.records import Document, RawInput, Rejection
from tacitus.store import Store
from tacitus.workers import Auto, Engine, InProcess, ProcessPool, WorkOptions, default_workers, process_batch

PAIRS = [("Chile", "Peru"), ("Kenya", "Uganda"), ("Norway", "Sweden"), ("Ghana", "Togo"), ("Japan", "Vietnam")]


def _raw(i: int, text: str) -> RawInput:
    return RawInput(origin="wire.jsonl", record=f"line {i}", ref=f"w{i}", kind="article", content=text)


def _story(i: int) -> RawInput:
    a, b = PAIRS[i % len(PAIRS)]
    return _raw(i, f"{a} and {b} held talks on fishing rights on Tuesday, officials said in note {i}.")


@pytest.fixture(scope="module")
def coder():
    return load_coder(CoderOptions())


def test_process_batch_prepares_parses_and_codes_in_input_order(nlp, coder):
    items = [_story(0), _raw(1, "too short"), _story(2)]
    options = WorkOptions(prepare=PrepareOptions(date=dt.date(2004, 3, 2)), coder=CoderOptions())
    out = process_batch(items, options, Engine(nlp, coder))
    assert [type(r).__name__ for r in out] == ["Document", "Rejection", "Document"]
    assert out[1].reason == "no article text after boilerplate removal"
    first, third = out[0], out[2]
    assert [s.text for s in first.sentences] == [items[0].content]
    assert {(e.source.code, e.cameo, e.target.code) for e in first.events} == {("CHL", "040", "PER"), ("PER", "040", "CHL")}
    assert {(e.source.code, e.target.code) for e in third.events} == {("NOR", "SWE"), ("SWE", "NOR")}
    assert {e.date for e in first.events} == {"2004-03-02"}


def test_a_stored_document_is_coded_from_its_parse_not_parsed_again(nlp, coder):
    [parsed] = process_batch([_story(1)], WorkOptions(), Engine(nlp, None))
    assert parsed.events is None and parsed.sentences  # ingest only: parsed, not coded

    class NoParse:  # any attempt to parse fails the test
        def pipe(self, *args, **kwargs):
            raise AssertionError("a stored document must not be parsed again")

    [coded] = process_batch([parsed], WorkOptions(coder=CoderOptions()), Engine(NoParse(), coder))
    assert coded is parsed
    assert {(e.source.code, e.target.code) for e in coded.events} == {("KEN", "UGA"), ("UGA", "KEN")}


def test_auto_runs_a_single_batch_in_this_process():
    auto = Auto(4, WorkOptions())
    auto.submit([], last=True)
    assert isinstance(auto.chosen, InProcess) and auto.slots == 1
    assert default_workers() >= 1


def test_worker_processes_give_the_in_process_results_in_input_order(nlp, coder, tmp_path):
    """Two spawned workers, batches of three: batches finish in any order, the store and the
    documents handed on follow the input."""
    inputs = [_story(i) for i in range(14)] + [Rejection("wire.jsonl", "line 99", "invalid JSON: Expecting value")]
    options = PrepareOptions()
    work = WorkOptions(prepare=options, batch_size=3, coder=CoderOptions())
    settings = RunSettings(prepared_by(options), coder_version(CoderOptions()), batch_size=3)

    def coded(executor, name):
        seen: list[tuple[str, list[str]]] = []
        with Store(tmp_path / name) as store:
            report = run(iter(inputs), store, executor, settings,
                         on_document=lambda d: seen.append((d.ref, sorted(e.event_id for e in d.events))))
            events = sorted(e.event_id for e in store.events(limit=1000))
        return report.counts(), seen, events

    local = coded(InProcess(work, Engine(nlp, coder)), "local.duckdb")
    pooled = coded(ProcessPool(2, work), "pool.duckdb")
    assert pooled == local
    counts, seen, events = local
    assert [ref for ref, _ in seen] == [f"w{i}" for i in range(14)]
    assert counts == {"inputs": 15, "stored": 14, "duplicates": 0, "rejected": 1, "sentences": 14,
                      "coded": 14, "events": 28}
    assert len(events) == 28


def test_documents_are_plain_records_that_cross_process_boundaries(nlp):
    import pickle

    [doc] = process_batch([_story(3)], WorkOptions(), Engine(nlp, None))
    again = pickle.loads(pickle.dumps(doc))
    assert isinstance(again, Document) and again == doc
