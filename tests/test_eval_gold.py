"""PETRARCH-style XML and PLOVER GSR loaders, on our own invented fixtures and the real files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.eval.gold import GoldEvent, load_petr2_gsr, load_petr_records, load_plover_gsr

# Same format as the PETRARCH validation files, with their quirks: a banner outside comments
# that mentions <Sentence>, self-closing <Sentence .../> tags, attributes with spaces around
# '=', single-quoted values, comments between codings, an empty <Text> recoverable from the
# CoNLL-U parse, a malformed date. The sentences are invented.
PETR_XML = """<Validation>
#   Banner text: use <Sentence ... evaluate="false"> to skip a record.
<Environment><Include>valid</Include></Environment>
<Sentences>
<!-- <Sentence id="COMMENTED-OUT" date="20200101" category="X"/> -->
<Sentence category="ALPHA" date="20210315" id="T-1" evaluate="true"/>
<EventCoding eventcode="036" sourcecode="NORGOV" targetcode="FIN" />
<EventCoding eventcode="036" sourcecode="FIN" targetcode="NORGOV" />
<Text>
The Norwegian cabinet and Finland agreed to hold
fresh talks on fishing quotas &amp; border posts.
</Text>
<Parse>
1	The	the	DET	DT	_	2	det	_	_
</Parse></Sentence>

<Sentence category="ALPHA" date="20210316" id="T-2" evaluate="true">
<!-- a comment between the tag and its codings -->
<EventCoding noevents="True" />
<Text>
Rain fell on the harbour all afternoon.
</Text>
</Sentence>

<Sentence date = "19990102" id ="T-3" category="BETA" sentence="false">
<EventCoding sourcecode='"SHIP CREW"' targetcode="ICE" eventcode="112"></EventCoding>
<Text>
The crew blamed Iceland.
</Text>
</Sentence>

<Sentence category="BETA" date="990102" id="T-4" evaluate="true">
<EventCoding error="dateline" />
<Text>
</Text>
<Parse>
1	Oslo	Oslo	PROPN	NNP	_	2	nsubj	_	_
2	protested	protest	VERB	VBD	_	0	root	_	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	_	_
</Parse>
</Sentence>
</Sentences>
</Validation>
"""

PLOVER_JSON = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "header"},
    {
        "id": "P-1",
        "date": "2000-01-01",
        "source": [{"actorText": "Chilean", "code": "CHL", "sector": "GOV"}],
        "target": [{"actorText": "Peru", "code": "PER"}],
        "event": "DEMAND",
        "mode": "",
        "eventText": "demanded",
        "context": "diplomatic, economic",
        "text": "Chilean officials demanded that Peru reopen the border crossing.",
    },
    {
        "id": "P-2",
        "source": [{"actorText": "farmers", "code": "---AGR"}],
        "target": "",
        "event": "PROTEST",
        "mode": "demo-spon",
        "text": "Farmers marched on the capital.",
    },
]


@pytest.fixture()
def petr_file(tmp_path: Path) -> Path:
    path = tmp_path / "records.xml"
    path.write_text(PETR_XML, encoding="utf-8")
    return path


def test_petr_records_parse_every_quirk(petr_file: Path) -> None:
    records = load_petr_records(petr_file)
    assert [r.id for r in records] == ["T-1", "T-2", "T-3", "T-4"]
    first = records[0]
    assert first.text == (
        "The Norwegian cabinet and Finland agreed to hold fresh talks on fishing quotas & border posts."
    )
    assert first.date == dt.date(2021, 3, 15)
    assert first.category == "ALPHA"
    assert first.events == [GoldEvent("NORGOV", "FIN", "036"), GoldEvent("FIN", "NORGOV", "036")]
    assert first.events[0].root == "03"
    assert (first.noevent, first.evaluate, first.errors) == (False, True, [])


def test_petr_records_noevents_flags_and_errors(petr_file: Path) -> None:
    _, second, third, fourth = load_petr_records(petr_file)
    assert second.noevent is True and second.events == []
    assert third.evaluate is False  # sentence="false" in the older unit-test format
    assert third.date == dt.date(1999, 1, 2)
    assert third.events == [GoldEvent('"SHIP CREW"', "ICE", "112")]
    assert fourth.errors == ["dateline"]
    assert fourth.date is None  # "990102" is not YYYYMMDD
    assert fourth.text == "Oslo protested."  # rebuilt from the parse, SpaceAfter=No honoured


def test_petr_loader_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_petr_records(tmp_path / "absent.xml")
    bad = tmp_path / "bad.xml"
    bad.write_text("<Validation><Text>no sentences</Text></Validation>", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.xml: no <Sentences> section"):
        load_petr_records(bad)
    odd = tmp_path / "odd.xml"
    odd.write_text('<Sentences><Sentence id="Z-1"/><EventCoding eventcode="010"/><Text>x</Text>'
                   "</Sentences>", encoding="utf-8")
    with pytest.raises(InputError, match=r"odd\.xml \(Z-1\): EventCoding without codes"):
        load_petr_records(odd)


def test_plover_loader_reads_records_and_skips_header(tmp_path: Path) -> None:
    path = tmp_path / "gsr.txt"
    path.write_text(json.dumps(PLOVER_JSON), encoding="utf-8")
    first, second = load_plover_gsr(path)
    assert (first.id, first.event, first.mode, first.date) == ("P-1", "DEMAND", None, "2000-01-01")
    assert first.context == ["diplomatic", "economic"]
    assert [(a.text, a.code, a.sector) for a in first.sources] == [("Chilean", "CHL", "GOV")]
    assert [(a.text, a.code, a.sector) for a in first.targets] == [("Peru", "PER", None)]
    assert (second.event, second.mode, second.targets, second.context) == ("PROTEST", "demo-spon", [], [])


def test_plover_loader_rejects_non_list(tmp_path: Path) -> None:
    path = tmp_path / "gsr.txt"
    path.write_text('{"event": "AGREE"}', encoding="utf-8")
    with pytest.raises(InputError, match="expected a JSON list"):
        load_plover_gsr(path)
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        load_plover_gsr(path)


def test_real_petr2_gsr_counts(reference_dir: Path) -> None:
    records = load_petr2_gsr(reference_dir / "PETR2_GSR_validation.xml")
    assert len(records) == 78
    assert sum(len(r.events) for r in records) == 80
    assert sum(r.noevent for r in records) == 12
    assert all(r.text and r.evaluate for r in records)
    categories = {c: sum(r.category == c for r in records) for c in {r.category for r in records}}
    assert categories == {"AFP": 18, "GOLD": 10, "OTHER": 23, "PASSIVE": 8, "TEST": 11, "VERB": 8}
    assert sum(r.date is None for r in records) == 1


def test_real_petr_unit_test_counts(reference_dir: Path) -> None:
    records = load_petr_records(reference_dir / "PETR.UnitTest.records.xml")
    assert len(records) == 284
    assert sum(len(r.events) for r in records) == 359
    assert sum(r.noevent for r in records) == 19
    assert sum(len(r.errors) for r in records) == 7
    assert sum(not r.evaluate for r in records) == 5


def test_real_petr_validate_counts(reference_dir: Path) -> None:
    records = load_petr_records(reference_dir / "PETR_Validate_records_2_02.xml")
    assert len(records) == 274
    assert sum(len(r.events) for r in records) == 322
    assert sum(r.noevent for r in records) == 20
    assert sum(len(r.errors) for r in records) == 7
    # MANIFEST.md says 11: the eleventh evaluate="false" is in the file's banner, not a record.
    assert sum(not r.evaluate for r in records) == 10


def test_real_plover_gsr_counts(reference_dir: Path) -> None:
    records = load_plover_gsr(reference_dir / "PLOVER_GSR_CAMEO.txt")
    assert len(records) == 322
    assert sum(r.event == "AGREE" for r in records) == 40
    assert len({r.event for r in records}) == 18
    assert all(r.text for r in records)
