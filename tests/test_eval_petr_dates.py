"""The PETR records whose codes depend on the story date: the dictionary's dated entries as our
officials table, the code on a date, and the task's scores (invented entries in the real formats,
then the real reference files, read at test time)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tacitus.errors import InputError
from tacitus.eval.gold import GoldEvent, GoldSentence
from tacitus.eval.petr_dates import (
    DatedActor,
    Term,
    code_on,
    evaluate_petr_dates,
    find_mentions,
    load_date_records,
    load_dated_actors,
    load_trigger_labels,
    to_officials,
)

D = dt.date

# Invented entries in PETRARCH's actor-dictionary format: comments of both kinds, a synonym, a
# default code, YYMMDD and YYYYMMDD dates, "<", ">" and "-" restrictions, the null code.
DICTIONARY = """<!-- an invented dictionary
# with a hash line inside the comment -->
VALDORIA [VAL]
+VALDORIAN

ENVOY_KESTREL  [VAL]  # the default code
+KESTREL
\t[VALGOV 950101-991231]
\t[VALREB >20000101]

MARSHAL_OTTO
\t[OTTMIL <20050630]  ; a legacy comment
\t[OTTGOV 20050701 - 20091231]
\t[OTTSPY 20070101-20070131]  # an embedded term

DUKE OF BRELL
\t[--- <301231]
\t[BRL]
"""


@pytest.fixture()
def actors(tmp_path: Path) -> list[DatedActor]:
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return load_dated_actors(path)


def test_load_dated_actors_keeps_only_dated_entries(actors):
    assert actors == [
        DatedActor("ENVOY KESTREL", ("KESTREL",), "VAL",
                   (Term("VALGOV", D(1995, 1, 1), D(1999, 12, 31)), Term("VALREB", D(2000, 1, 1), None))),
        DatedActor("MARSHAL OTTO", (), None,
                   (Term("OTTMIL", None, D(2005, 6, 30)), Term("OTTGOV", D(2005, 7, 1), D(2009, 12, 31)),
                    Term("OTTSPY", D(2007, 1, 1), D(2007, 1, 31)))),
        DatedActor("DUKE OF BRELL", (), "BRL", (Term("---", None, D(2030, 12, 31)),)),
    ]  # fmt: skip
    assert actors[0].codes == {"VAL", "VALGOV", "VALREB"}
    assert actors[2].codes == {"BRL"}  # the null code is no code


def test_a_malformed_restriction_names_the_entry(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text("ENVOY_KESTREL [VAL]\n\t[VALGOV since 1995]\n", encoding="utf-8")
    with pytest.raises(InputError, match="ENVOY KESTREL.*not <D, >D or D-D"):
        load_dated_actors(path)
    with pytest.raises(InputError, match="cannot read the actor dictionary"):
        load_dated_actors(tmp_path / "absent.txt")


@pytest.mark.parametrize(
    "name,on,code",
    [("Envoy Kestrel", D(1994, 12, 31), "VAL"),  # the default, before the first term
     ("Kestrel", D(1995, 1, 1), "VALGOV"),  # limits are inclusive; the synonym finds the entry
     ("kestrel", D(1999, 12, 31), "VALGOV"),
     ("Envoy Kestrel", D(2000, 1, 1), "VALREB"),
     ("Marshal Otto", D(2005, 6, 30), "OTTMIL"),
     ("Marshal Otto", D(2005, 7, 1), "OTTGOV"),
     ("Marshal Otto", D(2007, 1, 15), None),  # two codes in office: our resolver abstains
     ("Marshal Otto", D(2010, 1, 1), None),  # no default, no term: no code
     ("Duke of Brell", D(2030, 12, 31), None),  # the null code
     ("Duke of Brell", D(2031, 1, 1), "BRL"),
     ("Envoy Kestrel", None, None)],  # no date: every term, three codes
)  # fmt: skip
def test_code_on_the_story_date(actors, name, on, code):
    assert code_on(to_officials(actors), name, on) == code


def test_the_default_fills_every_gap(actors):
    index = to_officials(actors)
    kestrel = [(o.start, o.end, o.code) for o in index.lookup("Kestrel")]
    assert kestrel == [(D(1995, 1, 1), D(1999, 12, 31), "VALGOV"), (D(2000, 1, 1), None, "VALREB"),
                       (dt.date.min, D(1994, 12, 31), "VAL")]  # fmt: skip
    assert [(o.start, o.end) for o in index.lookup("Duke of Brell")] == [(D(2031, 1, 1), None)]


def _record(rid: str, text: str, date: dt.date | None, *codes: tuple[str, str, str]) -> GoldSentence:
    return GoldSentence(rid, text, date, "DATE", [GoldEvent(*c) for c in codes])


def test_find_mentions_needs_one_plain_expected_code(actors):
    met = _record("R1", "Envoy_Kestrel met the Brellish cabinet.", D(1996, 1, 1), ("VALGOV", "BRLGOV", "040"))
    [mention] = find_mentions(met, actors)
    assert (mention.actor.name, mention.text, mention.expected) == ("ENVOY KESTREL", "envoy kestrel", "VALGOV")
    both = _record("R4", "Kestrel met the Valdorian cabinet.", D(1996, 1, 1), ("VALGOV", "VAL", "040"))
    assert find_mentions(both, actors) == []  # VALGOV or VAL: which is Kestrel's is not plain
    uncoded = _record("R2", "Kestrel met Marshal Otto.", D(1996, 1, 1), ("XXX", "YYY", "040"))
    assert find_mentions(uncoded, actors) == []  # the record codes neither of them
    partial = _record("R3", "Kestrels flew.", D(1996, 1, 1), ("VALGOV", "VAL", "040"))
    assert find_mentions(partial, actors) == []  # whole words only


RECORDS = """<Sentences>
<Sentence date="19960105" id="DATE-A" category="DATE" evaluate="true">
<EventCoding sourcecode="VALGOV" targetcode="OTTMIL" eventcode="040"></EventCoding>
<Text>Kestrel met Marshal Otto in the capital on Tuesday.</Text>
</Sentence>
<Sentence date="20070110" id="DATE-B" category="DATE" evaluate="true">
<EventCoding sourcecode="OTTSPY" targetcode="VAL" eventcode="110"></EventCoding>
<Text>Marshal Otto criticised the Valdorian press.</Text>
</Sentence>
<Sentence date="20070110" id="DATE-C" category="DATE" evaluate="false">
<EventCoding sourcecode="OTTSPY" targetcode="VAL" eventcode="110"></EventCoding>
<Text>Marshal Otto criticised the press.</Text>
</Sentence>
<Sentence date="20070110" id="OTHER-1" category="X" evaluate="true">
<EventCoding sourcecode="VAL" targetcode="VAL" eventcode="010"></EventCoding>
<Text>The Valdorian press said nothing.</Text>
</Sentence>
</Sentences>
"""


def test_the_task_on_invented_records(tmp_path, nlp):
    (tmp_path / "PETR.Validate.actors.txt").write_text(DICTIONARY, encoding="utf-8")
    (tmp_path / "PETR.UnitTest.records.xml").write_text(RECORDS, encoding="utf-8")
    records = load_date_records(tmp_path / "PETR.UnitTest.records.xml")
    assert [(r.record.id, [(m.text, m.expected) for m in r.mentions]) for r in records] == [
        ("DATE-A", [("kestrel", "VALGOV"), ("marshal otto", "OTTMIL")]),
        ("DATE-B", [("marshal otto", "OTTSPY")]),
    ]  # DATE-C is switched off; OTHER-1 names no dated actor
    labels = tmp_path / "labels.tsv"
    labels.write_text("task\tid\ttrigger\texpected\npetr_unit\tDATE-A\tmet\t1996-01-02\n"
                      "petr_unit\tDATE-B\tcriticised\tstory\n", encoding="utf-8")  # fmt: skip
    result = evaluate_petr_dates(None, records, task="t", nlp=nlp, labels=load_trigger_labels(labels))
    assert [(m.name, m.detail) for m in result.metrics] == [
        ("story_date_read", "2/2"), ("dated_code_accuracy", "2/3 mentions"), ("event_date_accuracy", "2/2")]
    [miss] = result.errors
    assert (miss.item, miss.predicted) == ("DATE-B", ["marshal otto: no code on 2007-01-10"])


def test_the_dictionary_must_be_beside_the_records(tmp_path):
    (tmp_path / "PETR_Validate_records_2_02.xml").write_text(RECORDS, encoding="utf-8")
    with pytest.raises(InputError, match="PETR_Validate_actors_2_02.txt is not beside it"):
        load_date_records(tmp_path / "PETR_Validate_records_2_02.xml")


def test_every_label_names_a_known_task_and_a_date():
    labels = load_trigger_labels()
    assert len(labels) == 84
    assert {task for task, _ in labels} == {"petr_unit", "petr_validate"}
    for label in labels.values():
        assert label.expected == "story" or dt.date.fromisoformat(label.expected)


# --- the real reference files (read at test time) -------------------------------------------


@pytest.mark.parametrize(
    "name,records,mentions,codes_right,dates_right",
    [("PETR.UnitTest.records.xml", 44, 45, 42, 39), ("PETR_Validate_records_2_02.xml", 40, 41, 38, 36)],
)
def test_the_real_date_records(reference_dir, nlp, name, records, mentions, codes_right, dates_right):
    found = load_date_records(reference_dir / name)
    result = evaluate_petr_dates(None, found, nlp=nlp)
    assert result.items == records
    assert [m.detail for m in result.metrics] == [
        f"{records}/{records}", f"{codes_right}/{mentions} mentions", f"{dates_right}/{records}"]
    # every code miss is the embedded term (ORCHOB inside HOBMIL): two codes in office at once
    code_misses = [e for e in result.errors if e.gold[0].startswith("sam gamgee")]
    assert {e.item for e in code_misses} == {"DATE-09", "DATE-10", "DATE-11"}
