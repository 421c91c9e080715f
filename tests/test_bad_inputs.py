"""The bad-input corpus end to end through the CLI: every input ends as a stored document or a
rejection row naming the file, the record and the reason; the rest of the batch is coded; the
exit status is non-zero only with --strict; a summary is always printed.

The corpus is generated into a temporary folder by tests/badinputs.py (nothing big is committed).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import shutil
import tracemalloc
from pathlib import Path

import pytest
from badinputs import BIG_BYTES, LIST_LINES, STORIES, write_bad_inputs, write_huge

from tacitus.cli import main
from tacitus.records import Rejection
from tacitus.sources import ReaderOptions, read_inputs
from tacitus.store import Store

MAX_BYTES = 5_000_000  # the configured limit; the 50 MB file is ten times over it
NO_TEXT = "no article text after boilerplate removal"

# (file, record) -> "ok" (a coded document), "rejected: REASON" (a document stored as rejected,
# its text kept) or "rejection: REASON" (a rejection row).
EXPECTED = {
    ("empty.txt", None): "rejection: empty file",
    ("logo.png", None): "rejection: binary file (PNG image)",
    ("report.pdf", None): "rejection: binary file (PDF document)",
    ("program", None): "rejection: binary file (ELF executable)",
    ("huge.txt", None): f"rejection: file larger than {MAX_BYTES} bytes",
    ("broken-utf8.txt", None): "ok",
    ("cp1252.txt", None): "ok",
    ("utf16-nobom.txt", None): "ok",
    ("mojibake.txt", None): "ok",
    ("truncated.txt.gz", None): "rejection: truncated gzip stream",
    ("truncated.warc", "record 1"): "ok",
    ("truncated.warc", "record 2"): "rejection: truncated WARC archive",
    ("truncated.warc.gz", "record 1"): "ok",
    ("truncated.warc.gz", "record 2"): "rejection: truncated gzip stream",
    # records 1 and 3 (request, metadata) hold no article and are skipped, not rejected
    ("mixed.warc", "record 2"): "ok",
    ("mixed.warc", "record 4"): "rejection: WARC response record is not HTML (image/jpeg)",
    ("nested.html", None): "ok",
    ("feed.jsonl", "line 1"): "ok",
    ("feed.jsonl", "line 2"): "rejection: invalid JSON: Invalid control character at col 44",
    ("feed.jsonl", "line 3"): "rejection: field 'text' must be a string, got int",
    ("feed.jsonl", "line 4"): "rejection: record has neither 'text' nor 'html'",
    ("feed.jsonl", "line 5"): "rejection: record is not a JSON object (got list)",
    ("feed.jsonl", "line 6"): "rejection: record has neither 'text' nor 'html'",
    ("feed.jsonl", "line 8"): "ok",
    ("feed.jsonl", "line 9"): "rejection: invalid JSON: Expecting value at col 1",
    ("feed.jsonl", "line 10"): "rejection: field 'id' must be a string or integer, got bool",
    ("one-sentence.txt", None): "ok",
    ("fr.txt", None): "rejected: unsupported language: fr",
    ("es.txt", None): "rejected: unsupported language: es",
    ("de.txt", None): "rejected: unsupported language: de",
    ("ru.txt", None): "rejected: unsupported language: ru",
    ("zh.txt", None): "rejected: unsupported language: zh",
    ("clutter.html", None): f"rejection: {NO_TEXT} (8 clutter lines dropped)",
    ("clutter.txt", None): f"rejection: {NO_TEXT} (9 clutter lines dropped)",
    ("sitemap.txt", None): f"rejection: {NO_TEXT} ({LIST_LINES} clutter lines dropped)",
    ("story.txt", None): "ok",
    ("story.html", None): "ok",
}
STORED = sum(outcome == "ok" for outcome in EXPECTED.values())
REJECTED = len(EXPECTED) - STORED
REASON_KINDS = (
    "unsupported language: 5, binary file: 3, no article text after boilerplate removal: 3, "
    "invalid JSON: 2, record has neither 'text' nor 'html': 2, truncated gzip stream: 2, WARC response "
    "record is not HTML: 1, empty file: 1, field 'id' must be a string or integer, got bool: 1, "
    "field 'text' must be a string, got int: 1, file larger than 5000000 bytes: 1, record is not "
    "a JSON object: 1, truncated WARC archive: 1"
)


def _main(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """`tacitus code` over the whole corpus into a fresh store, once for this module."""
    root = tmp_path_factory.mktemp("bad")
    corpus = write_bad_inputs(root / "in")
    config = root / "tacitus.toml"
    config.write_text(f"[ingest]\nmax_bytes = {MAX_BYTES}\n", encoding="utf-8")
    db = str(root / "bad.duckdb")
    code, out, err = _main("--config", str(config), "code", str(corpus), "--db", db, "--format", "jsonl")
    return {"root": root, "corpus": corpus, "config": str(config), "db": db,
            "code": code, "out": out, "err": err}


def _outcomes(db: str, corpus: Path) -> dict[tuple[str, str | None], str]:
    outcomes = {}
    with Store(db, read_only=True) as store:
        for summary in store.documents(limit=1000):
            doc = store.get_document(summary.id, with_sentences=False)
            key = (str(Path(doc.origin).relative_to(corpus)), doc.record)
            assert key not in outcomes, f"{key} stored twice"
            outcomes[key] = "ok" if doc.status == "ok" else f"rejected: {doc.reason}"
        for rej in store.rejections(limit=1000):
            key = (str(Path(rej.origin).relative_to(corpus)), rej.record)
            assert key not in outcomes, f"{key} has two outcomes"
            outcomes[key] = f"rejection: {rej.reason}"
    return outcomes


def test_every_input_ends_as_a_document_or_a_rejection(run):
    assert _outcomes(run["db"], run["corpus"]) == EXPECTED


def test_code_exits_zero_and_prints_a_summary(run):
    assert run["code"] == 0
    summary = run["err"].splitlines()[-1]
    with Store(run["db"], read_only=True) as store:
        sentences, events = store.stats().sentences, len(store.events(limit=1000))
        clusters = store.corpus_stats().clusters
    assert events > 0 and 0 < clusters <= events
    assert summary == (
        f"ingested {len(EXPECTED)} inputs: {STORED} stored, 0 duplicate, {REJECTED} rejected "
        f"({REASON_KINDS}); {sentences} sentences; store {run['db']}; {events} events; "
        f"{clusters} event clusters updated"
    )
    corpus = run["corpus"]
    assert f"rejected: {corpus / 'feed.jsonl'} (line 3): field 'text' must be a string, got int" in run["err"]
    assert f"rejected: {corpus / 'huge.txt'}: file larger than {MAX_BYTES} bytes" in run["err"]
    assert f"... and {REJECTED - 20} more (tacitus docs --rejections)" in run["err"]


def test_the_rest_of_the_batch_is_coded(run):
    with Store(run["db"], read_only=True) as store:
        [last] = store.runs(limit=1)
        assert (last.counts["stored"], last.counts["coded"]) == (STORED, STORED)
        ok = {s.ref: s for s in store.documents(status="ok", limit=1000)}
        with_events = {ref for ref, s in ok.items() if store.events_of(s.id)}
        repaired = {ref: store.get_document(ok[ref].id, with_sentences=False).text
                    for ref in ok if ref.endswith(("mojibake.txt", "cp1252.txt", "nested.html"))}
    corpus = run["corpus"]
    assert {str(corpus / "story.txt"), str(corpus / "story.html"), "feed-islands"} <= with_events
    # mojibake repaired, Windows-1252 decoded, the article under 10,000 <div>s found
    assert sorted(repaired.values()) == sorted([STORIES["railway"], STORIES["rebels"], STORIES["fisheries"]])


def test_strict_exits_one_and_a_rerun_adds_nothing(run, tmp_path):
    db = str(tmp_path / "again.duckdb")
    shutil.copy(run["db"], db)
    code, out, _ = _main("--config", run["config"], "ingest", str(run["corpus"]), "--db", db, "--strict")
    assert code == 1
    assert out.startswith(f"ingested {len(EXPECTED)} inputs: 0 stored, {STORED} duplicate, "
                          f"{REJECTED} rejected ({REASON_KINDS});")
    assert _outcomes(db, run["corpus"]) == EXPECTED


def test_an_oversize_file_is_rejected_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    write_huge(path)
    assert path.stat().st_size == BIG_BYTES
    tracemalloc.start()
    try:
        items = list(read_inputs([str(path)], ReaderOptions(max_bytes=MAX_BYTES)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == [Rejection(str(path), None, f"file larger than {MAX_BYTES} bytes")]
    assert peak < 1_000_000  # the 64 KB head it sniffs, not the 50 MB


def test_an_oversize_compressed_file_is_read_only_up_to_the_limit(tmp_path):
    path = tmp_path / "huge.txt.gz"
    with gzip.open(path, "wb", compresslevel=1) as handle:
        handle.write(STORIES["border"].encode() * (BIG_BYTES // len(STORIES["border"])))
    limit = 1_000_000
    tracemalloc.start()
    try:
        items = list(read_inputs([str(path)], ReaderOptions(max_bytes=limit)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == [Rejection(str(path), None, f"file larger than {limit} bytes when decompressed")]
    assert peak < 2 * limit
